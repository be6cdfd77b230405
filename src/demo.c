/*
 * demo.c
 *		Deterministic demo data: demo_requests(seed, scale, first_year,
 *		last_year) produces LP and T&O requests with realistic country mixes
 *		and answer rates, the same rows for the same arguments on any machine.
 *
 * Only integer arithmetic follows the seed (a splitmix64 generator), so no
 * floating-point library can make two machines differ; the one float, the
 * scale, is turned into a count of requests per year once, exactly.
 */
#include "postgres.h"

#include <math.h>

#include "datatype/timestamp.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"

#include "country_parse.h"
#include "demo.h"
#include "types.h"
#include "year.h"

/* Requests per year at scale 1, before the year's own factor. */
#define DEMO_BASE_PER_YEAR	8000

/*
 * The mix.  Somalia is absent on purpose: it has no LP process (see the
 * routes made by generate_demo()).
 */
const DemoCountry demo_countries[] = {
	{"MA", 110, 0, 25, 15, 120, G_MAGHREB, 120, 0},
	{"DZ", 100, 0, 20, 10, 150, G_MAGHREB, 120, 0},
	{"TN", 35, 0, 40, 15, 90, G_MAGHREB, 80, 0},
	{"LY", 20, 0, 10, 10, 150, G_MAGHREB, 150, 0},
	{"EG", 15, 0, 45, 15, 60, G_MAGHREB, 30, 0},
	{"NG", 55, 0, 55, 20, 45, G_WEST_AFRICA, 60, 0},
	{"GH", 15, 0, 50, 25, 45, G_WEST_AFRICA, 60, 0},
	{"GN", 30, 0, 35, 30, 90, G_WEST_AFRICA, 150, 0},
	{"SL", 10, 0, 40, 30, 60, G_WEST_AFRICA, 150, 0},
	{"GM", 15, 0, 45, 25, 60, G_WEST_AFRICA, 120, 0},
	{"SN", 10, 0, 40, 30, 75, G_WEST_AFRICA, 100, 0},
	{"ML", 10, 0, 25, 30, 90, G_WEST_AFRICA, 120, 0},
	{"CI", 10, 0, 45, 25, 60, G_WEST_AFRICA, 80, 0},
	{"CM", 8, 0, 50, 20, 60, G_WEST_AFRICA, 50, 0},
	{"CD", 8, 0, 35, 25, 90, G_NONE, 0, 0},
	{"ER", 20, 0, 10, 20, 120, G_HORN, 150, 0},
	{"ET", 20, 0, 35, 30, 90, G_HORN, 150, 0},
	{"SD", 10, 0, 20, 20, 120, G_HORN, 150, 0},
	{"AF", 45, 0, 50, 15, 60, G_SOUTH_ASIA, 30, 0},
	{"IQ", 50, 0, 40, 20, 75, G_MIDDLE_EAST, 50, 0},
	{"IR", 25, 0, 20, 20, 120, G_MIDDLE_EAST, 30, 0},
	{"SY", 5, 0, 5, 10, 180, G_MIDDLE_EAST, 30, 0},
	{"PK", 25, 60, 60, 20, 45, G_SOUTH_ASIA, 40, 0},
	{"BD", 15, 0, 45, 25, 60, G_SOUTH_ASIA, 40, 0},
	{"LK", 8, 70, 65, 15, 40, G_SOUTH_ASIA, 20, 0},
	{"IN", 12, 0, 55, 20, 60, G_SOUTH_ASIA, 20, 0},
	{"CN", 20, 0, 45, 20, 90, G_NONE, 0, 0},
	{"MN", 15, 0, 70, 15, 45, G_NONE, 0, 0},
	{"VN", 10, 0, 40, 25, 90, G_NONE, 0, 0},
	{"GE", 50, 80, 85, 8, 15, G_CAUCASUS, 10, 0},
	{"AM", 20, 70, 80, 10, 20, G_CAUCASUS, 10, 0},
	{"AZ", 15, 70, 60, 20, 30, G_CAUCASUS, 10, 0},
	{"RU", 15, 60, 60, 20, 45, G_CAUCASUS, 20, 0},
	{"BY", 5, 60, 55, 20, 45, G_NONE, 0, 2020},
	{"UA", 20, 60, 75, 10, 20, G_NONE, 0, 0},
	{"MD", 20, 80, 85, 8, 15, G_NONE, 0, 0},
	{"AL", 50, 85, 90, 5, 10, G_NONE, 0, 0},
	{"RS", 15, 80, 85, 8, 15, G_NONE, 0, 0},
	{"MK", 10, 80, 85, 8, 15, G_NONE, 0, 0},
	{"BA", 8, 80, 80, 10, 20, G_NONE, 0, 0},
	{"XK", 15, 70, 80, 10, 20, G_NONE, 0, 0},
	{"TR", 30, 50, 55, 20, 45, G_MIDDLE_EAST, 10, 0},
	{"SR", 10, 0, 80, 10, 30, G_NONE, 0, 0},
	{"CO", 10, 0, 75, 10, 30, G_NONE, 0, 0},
	{"BR", 5, 0, 70, 10, 30, G_NONE, 0, 0},
};

#define DEMO_NCOUNTRIES lengthof(demo_countries)

const int	demo_ncountries = DEMO_NCOUNTRIES;

/* Relative volume per year (departures of the public figures), in percent. */
static int
demo_year_factor(int year)
{
	switch (year)
	{
		case 2017:
			return 100;
		case 2018:
			return 102;
		case 2019:
			return 118;
		case 2020:
			return 70;
		case 2021:
			return 61;
		case 2022:
			return 70;
		default:
			return 90;
	}
}

/* The generator's state between calls. */
typedef struct DemoState
{
	uint64		rng;			/* splitmix64 state */
	int			first_year;
	int			last_year;
	double		scale;
	DateADT		as_of;			/* answers after this day are not known yet */
	int			year;			/* year being generated */
	int64		left_in_year;	/* requests still to make this year */
	int64		next_person;	/* next pseudonymous person number */
	int			total_weight;
	/* further requests for the same person, made before a new person */
	int			queued;
	int			queue_country[2];
	DateADT		queue_after;
	int64		queue_person;
	Datum		country_datum[DEMO_NCOUNTRIES];
} DemoState;

/* The next 64 random bits. */
static uint64
demo_next(DemoState *st)
{
	return demo_splitmix(&st->rng);
}

/* A uniform integer in [0, n). */
static int
demo_below(DemoState *st, int n)
{
	return (int) (demo_next(st) % (uint64) n);
}

/* Requests in a year, from the scale: exact, once per year. */
static int64
demo_year_count(DemoState *st, int year)
{
	return (int64) floor(st->scale * DEMO_BASE_PER_YEAR * demo_year_factor(year) / 100.0 + 0.5);
}

/* Days to an answer: around the median, with a long tail. */
static int
demo_delay(DemoState *st, int median)
{
	/* the mean of three uniforms in [0, 2 median) has its median near median */
	int			d = (demo_below(st, 2 * median) + demo_below(st, 2 * median) +
					 demo_below(st, 2 * median)) / 3 + 1;

	if (demo_below(st, 100) < 15)
		d *= 3;
	return d;
}

/* A country by weight, among those with requests in the year. */
static int
demo_pick_country(DemoState *st, int year)
{
	for (;;)
	{
		int			r = demo_below(st, st->total_weight);
		int			i;

		for (i = 0; i < (int) DEMO_NCOUNTRIES; i++)
		{
			r -= demo_countries[i].weight;
			if (r < 0)
				break;
		}
		if (demo_countries[i].from_year <= year)
			return i;
	}
}

/* Another country of the same group, for a person of unknown nationality. */
static int
demo_pick_neighbour(DemoState *st, int country, int year)
{
	int			candidates[DEMO_NCOUNTRIES];
	int			n = 0;
	int			i;

	for (i = 0; i < (int) DEMO_NCOUNTRIES; i++)
		if (i != country && demo_countries[i].group == demo_countries[country].group &&
			demo_countries[i].from_year <= year)
			candidates[n++] = i;
	return n == 0 ? -1 : candidates[demo_below(st, n)];
}

PG_FUNCTION_INFO_V1(demo_requests);
/*
 * demo_requests(seed, scale, first_year, last_year): the demo's requests,
 * one row per call.
 */
Datum
demo_requests(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	DemoState  *st;
	int			c;
	int			kind;
	int			answer;
	DateADT		presented,
				answered = 0;
	int64		person;
	Datum		values[8];
	bool		nulls[8] = {false, false, false, false, false, false, false, false};
	HeapTuple	tuple;

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
							 DEMO_BASE_PER_YEAR)));
		mc_check_years("first_year", first_year, false, "last_year", last_year, false);

		funcctx = SRF_FIRSTCALL_INIT();
		oldcontext = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "demo_requests must return a composite type");
		funcctx->tuple_desc = BlessTupleDesc(tupdesc);

		st = palloc0(sizeof(DemoState));
		st->rng = (uint64) seed;
		st->scale = scale;
		st->first_year = first_year;
		st->last_year = last_year;
		st->as_of = date2j(last_year + 1, 3, 31) - POSTGRES_EPOCH_JDATE;
		st->year = first_year;
		st->left_in_year = demo_year_count(st, first_year);
		st->next_person = 1;
		for (i = 0; i < (int) DEMO_NCOUNTRIES; i++)
		{
			int			code = country_parse(demo_countries[i].code,
											 strlen(demo_countries[i].code));

			st->total_weight += demo_countries[i].weight;
			if (code == 0)
				elog(ERROR, "demo country \"%s\" is not known", demo_countries[i].code);
			st->country_datum[i] = CountryGetDatum((Country) code);
		}
		funcctx->user_fctx = st;
		MemoryContextSwitchTo(oldcontext);
	}

	funcctx = SRF_PERCALL_SETUP();
	st = (DemoState *) funcctx->user_fctx;
	c = -1;

	/*
	 * The same person, presented to another country some weeks later; not
	 * after the last year of the demo.
	 */
	while (st->queued > 0)
	{
		c = st->queue_country[--st->queued];
		person = st->queue_person;
		presented = st->queue_after + 20 + demo_below(st, 100);
		st->queue_after = presented;
		if (presented < date2j(st->last_year + 1, 1, 1) - POSTGRES_EPOCH_JDATE)
			break;
		st->queued = 0;
		c = -1;
	}
	if (c < 0)
	{
		/* a new person */
		while (st->left_in_year <= 0)
		{
			if (st->year >= st->last_year)
				SRF_RETURN_DONE(funcctx);
			st->year++;
			st->left_in_year = demo_year_count(st, st->year);
		}
		st->left_in_year--;
		c = demo_pick_country(st, st->year);
		person = st->next_person++;
		presented = date2j(st->year, 1, 1) - POSTGRES_EPOCH_JDATE +
			demo_below(st, date2j(st->year + 1, 1, 1) - date2j(st->year, 1, 1));
		/* a person of unknown nationality is presented to one or two more */
		if (demo_below(st, 1000) < demo_countries[c].unknown)
		{
			int			n = 1 + (demo_below(st, 3) == 0);
			int			i;

			for (i = 0; i < n; i++)
			{
				int			other = demo_pick_neighbour(st, c, st->year);

				if (other >= 0)
					st->queue_country[st->queued++] = other;
			}
			st->queue_person = person;
			st->queue_after = presented;
		}
	}

	kind = demo_below(st, 100) < demo_countries[c].to_share ? MC_KIND_TO : MC_KIND_LP;

	/* the answer the country gives, if any, and when */
	{
		int			r = demo_below(st, 100);
		int			delay = demo_delay(st, demo_countries[c].median_days);

		/* a person presented to a country not his own is rarely confirmed */
		if (st->queued > 0 || person == st->queue_person)
			r = r / 4 + 75;
		if (r < demo_countries[c].positive && delay <= 365)
			answer = MC_ANSWER_POSITIVE;
		else if (r < demo_countries[c].positive + demo_countries[c].negative && delay <= 365)
			answer = MC_ANSWER_NEGATIVE;
		else
		{
			/* no answer: withdrawn after twelve months */
			answer = MC_ANSWER_WITHDRAWN;
			delay = 365 + demo_below(st, 60);
		}
		answered = presented + delay;
		if (answered > st->as_of)
			answer = MC_ANSWER_PENDING;
	}

	values[0] = RequestKindGetDatum((RequestKind) kind);
	values[1] = AnswerGetDatum((Answer) answer);
	values[2] = st->country_datum[c];
	values[3] = DateADTGetDatum(presented);
	values[4] = Int64GetDatum(person);
	values[5] = DateADTGetDatum(answered);
	nulls[5] = (answer == MC_ANSWER_PENDING);
	values[6] = DateADTGetDatum(presented - demo_below(st, 21));
	values[7] = CStringGetTextDatum("demo");
	tuple = heap_form_tuple(funcctx->tuple_desc, values, nulls);
	SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(tuple));
}
