/*
 * demo_cases.c
 *		Deterministic demo data for the second half of the chain:
 *		demo_cases(seed, scale, first_year, last_year) produces return cases
 *		with up to three observations of their five conditions and up to two
 *		episodes of immigration detention, one row per case, the same rows
 *		for the same arguments on any machine.
 *
 * The volumes follow the public departure figures (DT&V)
 * (docs/conditions-and-cooperation.md): per year closed, at scale 1, the
 * independent, forced and unsupervised departures of that year (of the
 * nearest year outside 2017-2022), and 12, 6 and 4 percent of their sum
 * closed by a residence permit, by a transfer to another member state and
 * otherwise.  Cases planned to close after the demo's "today" (31 March
 * after the last year, as for the requests) are open then; of them only
 * what happened by that day is kept.
 *
 * Detention: most forced departures leave from detention, a few
 * independent ones too; 9.2 percent of the departures without supervision
 * follow detention that was lifted (56 percent of those after a balancing
 * of interests), which gives the source text's "about 790, about 440" for
 * 2018 at scale 1.  Some forced departures had an earlier episode lifted by
 * a court, often in the same year (a person with two episodes).
 *
 * The cases' persons are numbered from 1,000,000,001, apart from the
 * demo's requests (numbered from 1).
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "datatype/timestamp.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/date.h"
#include "utils/datetime.h"

#include "conditions_parse.h"
#include "country_parse.h"
#include "demo.h"
#include "types.h"
#include "year.h"

/* The ordinals of case_outcome and detention_exit (types.h). */
#define OUT_INDEPENDENT		MC_OUTCOME_INDEPENDENT
#define OUT_FORCED			MC_OUTCOME_FORCED
#define OUT_UNSUPERVISED	MC_OUTCOME_UNSUPERVISED
#define OUT_PERMIT			MC_OUTCOME_RESIDENCE_PERMIT
#define OUT_MEMBER_STATE	MC_OUTCOME_OTHER_MEMBER_STATE
#define NUM_OUTCOMES		MC_NUM_OUTCOMES

#define DEMO_CASE_PERSON_BASE	INT64CONST(1000000000)

/* The columns of a row. */
enum
{
	COL_CASE, COL_PERSON, COL_COUNTRY, COL_OPENED, COL_CLOSED, COL_OUTCOME,
	COL_OBS1_ON, COL_OBS1, COL_OBS2_ON, COL_OBS2, COL_OBS3_ON, COL_OBS3,
	COL_DET1_START, COL_DET1_END, COL_DET1_EXIT, COL_DET1_UNSUP,
	COL_DET2_START, COL_DET2_END, COL_DET2_EXIT, COL_DET2_UNSUP,
	NUM_COLS
};

/* Departures per year at scale 1: independent, forced, unsupervised. */
static const int demo_departures[][4] = {
	{2017, 3400, 2700, 9020},
	{2018, 3610, 2650, 8620},
	{2019, 4460, 2760, 9660},
	{2020, 2630, 1650, 6880},
	{2021, 2100, 1630, 5600},
	{2022, 2450, 1850, 4310},
};

typedef struct CaseState
{
	uint64		rng;
	double		scale;
	int			last_year;
	DateADT		as_of;
	int			year;			/* year of the planned closing */
	int			outcome;		/* outcome being generated */
	int64		left;			/* cases of this year and outcome still to make */
	int64		case_no;
	int			total_weight;
	Datum		country_datum[64];
} CaseState;

static int
cases_below(CaseState *st, int n)
{
	return n <= 1 ? 0 : (int) (demo_splitmix(&st->rng) % (uint64) n);
}

/* The cases of a year closed with an outcome, at scale 1. */
static int
cases_of_year(int year, int outcome)
{
	int			i = 0;
	int			n = (int) lengthof(demo_departures);
	int			sum;

	while (i < n - 1 && demo_departures[i][0] < year)
		i++;
	sum = demo_departures[i][1] + demo_departures[i][2] + demo_departures[i][3];
	switch (outcome)
	{
		case OUT_INDEPENDENT:
			return demo_departures[i][1];
		case OUT_FORCED:
			return demo_departures[i][2];
		case OUT_UNSUPERVISED:
			return demo_departures[i][3];
		case OUT_PERMIT:
			return sum * 12 / 100;
		case OUT_MEMBER_STATE:
			return sum * 6 / 100;
		default:
			return sum * 4 / 100;
	}
}

static int64
cases_count(CaseState *st)
{
	return (int64) floor(st->scale * cases_of_year(st->year, st->outcome) + 0.5);
}

/* A light: green, red or unknown with the given percentages (rest unknown). */
static int
cases_light(CaseState *st, int green, int red)
{
	int			r = cases_below(st, 100);

	if (r < green)
		return MC_LIGHT_GREEN;
	if (r < green + red)
		return MC_LIGHT_RED;
	return MC_LIGHT_UNKNOWN;
}

/* Each light that is not green turns green with the given percentage. */
static uint16
cases_improve(CaseState *st, uint16 c, int percent)
{
	int			n;

	for (n = 1; n <= MC_NUM_CONDITIONS; n++)
		if (MC_CONDITIONS_LIGHT(c, n) != MC_LIGHT_GREEN && cases_below(st, 100) < percent)
			c = MC_CONDITIONS_WITH(c, n, MC_LIGHT_GREEN);
	return c;
}

/* Days from opening to closing, by outcome. */
static int
cases_duration(CaseState *st, int outcome)
{
	switch (outcome)
	{
		case OUT_INDEPENDENT:
			return 30 + cases_below(st, 370);
		case OUT_FORCED:
			return 60 + cases_below(st, 540);
		case OUT_UNSUPERVISED:
			return 90 + cases_below(st, 810);
		case OUT_PERMIT:
			return 180 + cases_below(st, 820);
		default:
			return 30 + cases_below(st, 470);
	}
}

static void
set_date(Datum *values, bool *nulls, int col, DateADT d, DateADT as_of)
{
	values[col] = DateADTGetDatum(d);
	nulls[col] = (d > as_of);
}

PG_FUNCTION_INFO_V1(demo_cases);
/*
 * demo_cases(seed, scale, first_year, last_year): the demo's return cases,
 * one row per call, with their observations and detention episodes.
 */
Datum
demo_cases(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	CaseState  *st;
	Datum		values[NUM_COLS];
	bool		nulls[NUM_COLS];
	HeapTuple	tuple;
	int			c;
	int			outcome;
	DateADT		opened,
				closed,
				year_start;
	int			duration;
	uint16		obs;
	bool		open;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext oldcontext;
		TupleDesc	tupdesc;
		int64		seed = PG_GETARG_INT64(0);
		double		scale = PG_GETARG_FLOAT8(1);
		int			first_year = PG_GETARG_INT32(2);
		int			last_year = PG_GETARG_INT32(3);
		int			i;

		if (!(scale > 0 && scale <= 10000))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("demo scale %g is out of range", scale),
					 errhint("The scale is a number above 0 and at most 10000; 1 gives about %d requests a year.",
							 8000)));
		mc_check_years("first_year", first_year, false, "last_year", last_year, false);

		funcctx = SRF_FIRSTCALL_INIT();
		oldcontext = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "demo_cases must return a composite type");
		funcctx->tuple_desc = BlessTupleDesc(tupdesc);

		st = palloc0(sizeof(CaseState));
		/* a stream of its own, apart from the requests' */
		st->rng = (uint64) seed ^ UINT64CONST(0x6361736573646D6F);
		st->scale = scale;
		st->last_year = last_year;
		st->as_of = date2j(last_year + 1, 3, 31) - POSTGRES_EPOCH_JDATE;
		st->year = first_year;
		st->outcome = 0;
		st->left = cases_count(st);
		if (demo_ncountries > (int) lengthof(st->country_datum))
			elog(ERROR, "too many demo countries");
		for (i = 0; i < demo_ncountries; i++)
		{
			int			code = country_parse(demo_countries[i].code,
											 strlen(demo_countries[i].code));

			if (code == 0)
				elog(ERROR, "demo country \"%s\" is not known", demo_countries[i].code);
			st->total_weight += demo_countries[i].weight;
			st->country_datum[i] = CountryGetDatum((Country) code);
		}
		funcctx->user_fctx = st;
		MemoryContextSwitchTo(oldcontext);
	}

	funcctx = SRF_PERCALL_SETUP();
	st = (CaseState *) funcctx->user_fctx;

	for (;;)
	{
		/*
		 * Cases planned to close up to two years after the last year: those
		 * opened by the demo's today are its open cases.
		 */
		while (st->left <= 0)
		{
			if (++st->outcome >= NUM_OUTCOMES)
			{
				st->outcome = 0;
				if (st->year >= st->last_year + 2 || st->year >= MC_MAX_YEAR)
					SRF_RETURN_DONE(funcctx);
				st->year++;
			}
			st->left = cases_count(st);
		}
		st->left--;
		outcome = st->outcome;
		year_start = date2j(st->year, 1, 1) - POSTGRES_EPOCH_JDATE;
		closed = year_start + cases_below(st, date2j(st->year + 1, 1, 1) - date2j(st->year, 1, 1));
		duration = cases_duration(st, outcome);
		opened = closed - duration;
		if (opened <= st->as_of)
			break;
	}
	st->case_no++;
	open = closed > st->as_of;

	{
		int			r = cases_below(st, st->total_weight);

		for (c = 0; c < demo_ncountries - 1; c++)
		{
			r -= demo_countries[c].weight;
			if (r < 0)
				break;
		}
	}

	memset(nulls, true, sizeof(nulls));
	values[COL_CASE] = Int64GetDatum(st->case_no);
	nulls[COL_CASE] = false;
	values[COL_PERSON] = Int64GetDatum(DEMO_CASE_PERSON_BASE + st->case_no);
	nulls[COL_PERSON] = false;
	values[COL_COUNTRY] = st->country_datum[c];
	nulls[COL_COUNTRY] = false;
	values[COL_OPENED] = DateADTGetDatum(opened);
	nulls[COL_OPENED] = false;
	if (!open)
	{
		values[COL_CLOSED] = DateADTGetDatum(closed);
		nulls[COL_CLOSED] = false;
		values[COL_OUTCOME] = CaseOutcomeGetDatum((CaseOutcome) outcome);
		nulls[COL_OUTCOME] = false;
	}

	/* conditions: none for one case in twenty */
	if (cases_below(st, 100) >= 5)
	{
		int			cooperation = demo_countries[c].positive + 20;
		DateADT		d1 = opened + cases_below(st, 15);
		DateADT		d2 = opened + duration / 2;
		DateADT		d3 = closed - cases_below(st, 8);

		obs = 0;
		obs = MC_CONDITIONS_WITH(obs, 1, cases_light(st, 75, 15));
		obs = MC_CONDITIONS_WITH(obs, 2, cases_light(st, cooperation, (100 - cooperation) * 6 / 10));
		obs = MC_CONDITIONS_WITH(obs, 3, cases_light(st, 30, 25));
		obs = MC_CONDITIONS_WITH(obs, 4, cases_light(st, 85, 5));
		obs = MC_CONDITIONS_WITH(obs, 5, cases_light(st, 35, 40));
		set_date(values, nulls, COL_OBS1_ON, d1, st->as_of);
		values[COL_OBS1] = Int16GetDatum((int16) obs);
		nulls[COL_OBS1] = nulls[COL_OBS1_ON];

		obs = cases_improve(st, obs, 40);
		set_date(values, nulls, COL_OBS2_ON, d2, st->as_of);
		values[COL_OBS2] = Int16GetDatum((int16) obs);
		nulls[COL_OBS2] = nulls[COL_OBS2_ON];

		/* the last, shortly before the case ends */
		switch (outcome)
		{
			case OUT_INDEPENDENT:
			case OUT_FORCED:
				obs = MC_CONDITIONS_ALL_GREEN;
				break;
			case OUT_UNSUPERVISED:
				obs = MC_CONDITIONS_WITH(obs, 4, MC_LIGHT_RED);
				break;
			case OUT_PERMIT:
				obs = MC_CONDITIONS_WITH(obs, 1, MC_LIGHT_RED);
				break;
			default:
				obs = cases_improve(st, obs, 20);
				break;
		}
		set_date(values, nulls, COL_OBS3_ON, d3, st->as_of);
		values[COL_OBS3] = Int16GetDatum((int16) obs);
		nulls[COL_OBS3] = nulls[COL_OBS3_ON];
	}

	/* detention */
	{
		int			r = cases_below(st, 1000);
		int			exit_kind = -1;
		bool		unsupervised = false;
		bool		earlier = false;
		DateADT		end,
					start;

		switch (outcome)
		{
			case OUT_FORCED:
				if (r < 850)
				{
					exit_kind = MC_EXIT_DEPARTURE;
					earlier = r < 40;
				}
				break;
			case OUT_INDEPENDENT:
				if (r < 60)
					exit_kind = MC_EXIT_DEPARTURE;
				break;
			case OUT_UNSUPERVISED:
				if (r < 92)
				{
					int			k = cases_below(st, 100);

					exit_kind = k < 56 ? MC_EXIT_BALANCING :
						k < 81 ? MC_EXIT_COURT :
						k < 93 ? MC_EXIT_MAXIMUM_TERM : MC_EXIT_OTHER;
					unsupervised = true;
				}
				break;
			case OUT_PERMIT:
				if (r < 20)
					exit_kind = MC_EXIT_COURT;
				break;
			default:
				break;
		}
		if (exit_kind >= 0)
		{
			end = exit_kind == MC_EXIT_DEPARTURE ? closed : closed - cases_below(st, 28);
			start = Max(opened, end - 14 - cases_below(st, 120));
			end = Max(end, start);
			if (start <= st->as_of)
			{
				int			col = COL_DET1_START;

				if (earlier && start - opened >= 30)
				{
					/* an earlier episode, lifted by a court */
					DateADT		e1 = start - 10 - cases_below(st, Min(20, start - opened - 20));
					DateADT		s1 = Max(opened, e1 - 10 - cases_below(st, 60));

					values[COL_DET1_START] = DateADTGetDatum(s1);
					nulls[COL_DET1_START] = false;
					values[COL_DET1_END] = DateADTGetDatum(e1);
					nulls[COL_DET1_END] = false;
					values[COL_DET1_EXIT] = DetentionExitGetDatum(MC_EXIT_COURT);
					nulls[COL_DET1_EXIT] = false;
					values[COL_DET1_UNSUP] = BoolGetDatum(false);
					nulls[COL_DET1_UNSUP] = false;
					col = COL_DET2_START;
				}
				values[col] = DateADTGetDatum(start);
				nulls[col] = false;
				if (end <= st->as_of)
				{
					values[col + 1] = DateADTGetDatum(end);
					nulls[col + 1] = false;
					values[col + 2] = DetentionExitGetDatum((DetentionExit) exit_kind);
					nulls[col + 2] = false;
				}
				else
					unsupervised = false;	/* still detained */
				values[col + 3] = BoolGetDatum(unsupervised);
				nulls[col + 3] = false;
			}
		}
	}

	tuple = heap_form_tuple(funcctx->tuple_desc, values, nulls);
	SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(tuple));
}
