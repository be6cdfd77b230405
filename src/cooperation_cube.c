/*
 * cooperation_cube.c
 *		The type cooperation_cube and the aggregate cooperation_cube(kind,
 *		answer, country, presented_on, answered_on, as_of): the EU's
 *		readmission-cooperation figures of every year presented, kind and
 *		country in one pass over the requests, merged across parallel
 *		workers; unpacked into rows by cooperation_cube_rows().
 *
 * Per request, as of the day as_of (an answer dated after as_of is not yet
 * known, so the request counts as pending; a request presented after as_of
 * is not counted at all):
 *   - the answer (pending, positive, negative, withdrawn);
 *   - for a positive or negative answer, the days from presentation to it,
 *     into a delays value per cell (delays.h), from which the final
 *     function takes the median and the 90th percentile as
 *     percentile_days() does: exactly as percentile_disc within 731 days;
 *   - the deadline under the route valid on the day of presentation (see
 *     reply_deadline.c): with_deadline; answered_late (a positive or
 *     negative answer after the deadline day); open_past_deadline (no
 *     answer as of as_of and as_of after the deadline day);
 *     accepted_tacitly (the route says silence is acceptance, the deadline
 *     day is before as_of, and neither an answer nor a withdrawal is dated
 *     on or before the deadline day: a later answer or withdrawal does not
 *     undo the acceptance);
 *   - open_over_12_months: no answer as of as_of, and presented_on plus 12
 *     months (as date + interval '12 months' counts them) before as_of.
 *
 * The counters are dense, indexed by year, kind, country ordinals, as in
 * request_cube.c; the histograms are made for the cells that get answers.
 *
 * A cooperation_cube value holds one record per (year, kind, country) with
 * requests, in strictly increasing order of year, kind and country.  Text
 * form: {(year,kind,country,pending,positive,negative,withdrawn,
 * with_deadline,answered_late,open_past_deadline,accepted_tacitly,
 * open_over_12_months,median_days,p90_days), ...}, the days "-" when no
 * request of the record was answered.  Binary form (big-endian): int32
 * number of records, then per record int16 year, uint8 kind, int16 country
 * code (as country_send() writes it), the nine counts as int64 and the two
 * days as int32 (-1: none).
 *
 * Between parallel workers the state travels in an internal format (the
 * counters and histograms of the cells with requests), see coop_serial().
 */
#include "postgres.h"

#include <math.h>

#include "common/int.h"
#include "fmgr.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"

#include "country_parse.h"
#include "cube_io.h"
#include "delays.h"
#include "reply_deadline.h"
#include "request_kind_parse.h"
#include "type_io.h"
#include "types.h"
#include "year.h"

/* The counts of a cell, in this order (the first four by answer ordinal). */
#define COOP_WITH_DEADLINE		4
#define COOP_ANSWERED_LATE		5
#define COOP_OPEN_PAST_DEADLINE	6
#define COOP_ACCEPTED_TACITLY	7
#define COOP_OPEN_OVER_12		8
#define COOP_NCOUNTS			9

#define COOP_COUNTRIES			(MC_COUNTRY_CODE_MAX + 1)
#define COOP_CELLS_PER_YEAR		(MC_NUM_KINDS * COOP_COUNTRIES)
#define COOP_MAX_RECORDS		(MC_NUM_YEARS * MC_NUM_KINDS * COOP_COUNTRIES)
#define COOP_WIRE_SIZE			(2 + 1 + 2 + COOP_NCOUNTS * 8 + 2 * 4)

#define COOP_TEXT_HINT \
	"A cooperation cube is written as {(year,kind,country,pending,positive,negative,withdrawn," \
	"with_deadline,answered_late,open_past_deadline,accepted_tacitly,open_over_12_months," \
	"median_days,p90_days), ...} with its records in increasing order of year, kind and country " \
	"and \"-\" for the days when nothing was answered; the aggregate migchain.cooperation_cube() makes them."

/* One record of a cooperation cube. */
typedef struct CoopRecord
{
	int16		year;
	int16		country;
	uint8		kind;
	uint8		pad[3];			/* zero */
	int32		median_days;	/* -1: nothing answered */
	int32		p90_days;
	int64		count[COOP_NCOUNTS];
} CoopRecord;

StaticAssertDecl(sizeof(CoopRecord) == 16 + COOP_NCOUNTS * 8, "a cooperation cube record must have no holes");

typedef struct CoopCube
{
	int32		vl_len_;
	int32		nrecords;
	CoopRecord	records[FLEXIBLE_ARRAY_MEMBER];
} CoopCube;

#define COOP_SIZE(n)	(offsetof(CoopCube, records) + (Size) (n) * sizeof(CoopRecord))
#define PG_GETARG_COOP_CUBE_P(n)	((CoopCube *) PG_DETOAST_DATUM(PG_GETARG_DATUM(n)))

StaticAssertDecl(offsetof(CoopCube, records) == sizeof(CubeHeader),
				 "a cooperation cube's records must follow the cube header");

/* The aggregate's state. */
typedef struct CoopState
{
	int32		first_year;
	int32		nyears;			/* 0: no counters yet */
	int64	   *cells;			/* nyears * COOP_CELLS_PER_YEAR * COOP_NCOUNTS */
	Delays	  **hists;			/* nyears * COOP_CELLS_PER_YEAR, NULL until answered */
	MemoryContext context;
	MCYearCache year_cache;
	bool		have_as_of;
	int32		as_of;			/* the as_of of the last row */
	int32		over12_last;	/* presented on or before: over 12 months as of as_of */
} CoopState;

static CoopState *
coop_state_new(MemoryContext context)
{
	CoopState  *st = MemoryContextAllocZero(context, sizeof(CoopState));

	st->context = context;
	MC_YEAR_CACHE_INIT(&st->year_cache);
	return st;
}

/* Make sure the state has counters for year. */
static void
coop_state_cover_year(CoopState *st, int32 year)
{
	int32		lo,
				hi;
	int64	   *cells;
	Delays	  **hists;

	if (st->nyears > 0 && year >= st->first_year && year < st->first_year + st->nyears)
		return;
	Assert(mc_year_in_range(year));
	lo = st->nyears > 0 ? Min(year, st->first_year) : year;
	hi = st->nyears > 0 ? Max(year, st->first_year + st->nyears - 1) : year;
	cells = MemoryContextAllocExtended(st->context,
									   (Size) (hi - lo + 1) * COOP_CELLS_PER_YEAR * COOP_NCOUNTS * sizeof(int64),
									   MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	hists = MemoryContextAllocExtended(st->context,
									   (Size) (hi - lo + 1) * COOP_CELLS_PER_YEAR * sizeof(Delays *),
									   MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	if (st->nyears > 0)
	{
		Size		off = (Size) (st->first_year - lo) * COOP_CELLS_PER_YEAR;

		memcpy(cells + off * COOP_NCOUNTS, st->cells,
			   (Size) st->nyears * COOP_CELLS_PER_YEAR * COOP_NCOUNTS * sizeof(int64));
		memcpy(hists + off, st->hists, (Size) st->nyears * COOP_CELLS_PER_YEAR * sizeof(Delays *));
		pfree(st->cells);
		pfree(st->hists);
	}
	st->cells = cells;
	st->hists = hists;
	st->first_year = lo;
	st->nyears = hi - lo + 1;
}

/* Index of the cell of a (covered) year, kind and country. */
static inline Size
coop_cell(const CoopState *st, int year, int kind, int country)
{
	return (Size) (year - st->first_year) * COOP_CELLS_PER_YEAR + kind * COOP_COUNTRIES + country;
}

static inline void
coop_add(int64 *counter, int64 n)
{
	if (unlikely(pg_add_s64_overflow(*counter, n, counter)))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("request count out of range")));
}

/*
 * The days to an answer of a cell, a delays value (delays.h): days 0 to 731
 * one by one, later ones together with their least and greatest.
 */
static Delays *
coop_hist(CoopState *st, Size cell)
{
	Delays	   *h = st->hists[cell];

	if (unlikely(h == NULL))
	{
		h = MemoryContextAllocZero(st->context, sizeof(Delays));
		st->hists[cell] = h;
	}
	return h;
}

/* date + interval '12 months': the same day a year later, or the month's last. */
static int32
coop_plus_12_months(int32 date)
{
	int			y,
				m,
				d;

	j2date(date + POSTGRES_EPOCH_JDATE, &y, &m, &d);
	y++;
	if (d > day_tab[isleap(y)][m - 1])
		d = day_tab[isleap(y)][m - 1];
	return date2j(y, m, d) - POSTGRES_EPOCH_JDATE;
}

/* The last day of presentation that is more than 12 months before as_of. */
static int32
coop_over12_last(int32 as_of)
{
	int32		p;

	if (DATE_IS_NOEND(as_of))
		return DATEVAL_NOEND;
	if (DATE_IS_NOBEGIN(as_of) || as_of < -POSTGRES_EPOCH_JDATE + 400)
		return DATEVAL_NOBEGIN;
	/* p + 12 months is at most p + 366 days; the first day is p + 1 */
	p = as_of - 367;
	while (coop_plus_12_months(p + 1) < as_of)
		p++;
	return p;
}

/* The state's cells as a cooperation_cube, with the days of the answers. */
static CoopCube *
coop_from_state(CoopState *st)
{
	int32		n = 0;
	Size		ncells = (Size) st->nyears * COOP_CELLS_PER_YEAR;
	Size		i;
	CoopCube   *cube;

	for (i = 0; i < ncells; i++)
	{
		int64	   *c = st->cells + i * COOP_NCOUNTS;

		if (c[0] | c[1] | c[2] | c[3])
			n++;
	}
	cube = palloc0(COOP_SIZE(n));
	SET_VARSIZE(cube, COOP_SIZE(n));
	cube->nrecords = n;
	n = 0;
	for (i = 0; i < ncells; i++)
	{
		int64	   *c = st->cells + i * COOP_NCOUNTS;
		CoopRecord *rec;
		int64		answered;

		if (!(c[0] | c[1] | c[2] | c[3]))
			continue;
		rec = &cube->records[n++];
		rec->year = (int16) (st->first_year + i / COOP_CELLS_PER_YEAR);
		rec->kind = (uint8) ((i % COOP_CELLS_PER_YEAR) / COOP_COUNTRIES);
		rec->country = (int16) (i % COOP_COUNTRIES);
		memcpy(rec->count, c, sizeof(rec->count));
		rec->median_days = rec->p90_days = -1;
		answered = c[MC_ANSWER_POSITIVE] + c[MC_ANSWER_NEGATIVE];
		if (answered > 0)
		{
			const Delays *h = st->hists[i];
			bool		exact;

			/* as percentile_days(delays, 0.5) and (delays, 0.9) */
			if (h == NULL || h->answered != answered ||
				!delays_percentile_disc(h, 0.5, &rec->median_days, &exact) ||
				!delays_percentile_disc(h, 0.9, &rec->p90_days, &exact))
				elog(ERROR, "cooperation_cube: days of the answers do not add up");
		}
	}
	return cube;
}

/* What is wrong with record i (those before it are right), or NULL. */
static const char *
coop_record_problem(const char *records, int32 i)
{
	const CoopRecord *r = (const CoopRecord *) records + i;
	const CoopRecord *prev = i > 0 ? r - 1 : NULL;
	int64		presented = 0;
	int64		answered;
	int			a;

	if (!mc_year_in_range(r->year))
		return "its year is out of range.";
	if (r->kind >= MC_NUM_KINDS)
		return "its kind is neither LP nor T&O.";
	if (r->country <= 0 || country_get(r->country) == NULL)
		return "its country is not a country.";
	for (a = 0; a < 3; a++)
		if (r->pad[a] != 0)
			return "its padding is not zero.";
	for (a = 0; a < COOP_NCOUNTS; a++)
		if (r->count[a] < 0)
			return "it has a negative count.";
	for (a = 0; a < MC_NUM_ANSWERS; a++)
		if (pg_add_s64_overflow(presented, r->count[a], &presented))
			return "its requests are more than can be counted.";
	if (presented == 0)
		return "it has no requests.";
	answered = r->count[MC_ANSWER_POSITIVE] + r->count[MC_ANSWER_NEGATIVE];
	if (r->count[COOP_WITH_DEADLINE] > presented)
		return "more requests have a deadline than were presented.";
	if (r->count[COOP_ANSWERED_LATE] > Min(answered, r->count[COOP_WITH_DEADLINE]))
		return "more were answered late than were answered with a deadline.";
	if (r->count[COOP_OPEN_PAST_DEADLINE] > Min(r->count[MC_ANSWER_PENDING], r->count[COOP_WITH_DEADLINE]))
		return "more are open past their deadline than are pending with a deadline.";
	if (r->count[COOP_ACCEPTED_TACITLY] > r->count[COOP_WITH_DEADLINE])
		return "more were accepted tacitly than have a deadline.";
	if (r->count[COOP_OPEN_OVER_12] > r->count[MC_ANSWER_PENDING])
		return "more are open over 12 months than are pending.";
	if (answered == 0 ? (r->median_days != -1 || r->p90_days != -1)
		: (r->median_days < 0 || r->p90_days < r->median_days))
		return "its days are not \"-\" when nothing was answered, or not 0 <= median <= 90th percentile otherwise.";
	if (prev != NULL &&
		(prev->year > r->year ||
		 (prev->year == r->year &&
		  (prev->kind > r->kind ||
		   (prev->kind == r->kind && prev->country >= r->country)))))
		return "the records are not in strictly increasing order of year, kind and country.";
	return NULL;
}

/* Days as text: "-" for none, else a whole number up to 2^31 - 1. */
static int32
coop_text_days(CubeTextReader *r, const char *field)
{
	int64		n;

	if (strcmp(field, "-") == 0)
		return -1;
	n = cube_text_count(r, field);
	if (n > PG_INT32_MAX)
		cube_text_error(r, "Record %d has the days \"%s\", which is larger than %d.",
						r->nrecords, field, PG_INT32_MAX);
	return (int32) n;
}

static void
coop_read_text(CubeTextReader *r, char **f, void *record)
{
	CoopRecord *rec = record;
	int			a;

	rec->year = (int16) cube_text_year(r, f[0]);
	rec->kind = (uint8) cube_text_kind(r, f[1]);
	rec->country = (int16) cube_text_country(r, f[2]);
	for (a = 0; a < COOP_NCOUNTS; a++)
		rec->count[a] = cube_text_count(r, f[3 + a]);
	rec->median_days = coop_text_days(r, f[3 + COOP_NCOUNTS]);
	rec->p90_days = coop_text_days(r, f[4 + COOP_NCOUNTS]);
}

static void
coop_write_text(StringInfo buf, const void *record)
{
	const CoopRecord *rec = record;
	const McCountry *country = country_get(rec->country);
	int			a;

	if (country == NULL || request_kind_label(rec->kind) == NULL)
		elog(ERROR, "invalid cooperation_cube record (kind %d, country %d)",
			 (int) rec->kind, (int) rec->country);
	appendStringInfo(buf, "%d,%s,%s", rec->year, request_kind_label(rec->kind), country->text);
	for (a = 0; a < COOP_NCOUNTS; a++)
		appendStringInfo(buf, "," INT64_FORMAT, rec->count[a]);
	if (rec->median_days < 0)
		appendStringInfoString(buf, ",-,-");
	else
		appendStringInfo(buf, ",%d,%d", rec->median_days, rec->p90_days);
}

static void
coop_read_binary(StringInfo buf, void *record)
{
	CoopRecord *rec = record;
	int			a;

	rec->year = (int16) pq_getmsgint(buf, 2);
	rec->kind = (uint8) pq_getmsgbyte(buf);
	rec->country = (int16) pq_getmsgint(buf, 2);
	for (a = 0; a < COOP_NCOUNTS; a++)
		rec->count[a] = pq_getmsgint64(buf);
	rec->median_days = (int32) pq_getmsgint(buf, 4);
	rec->p90_days = (int32) pq_getmsgint(buf, 4);
}

static void
coop_write_binary(StringInfo buf, const void *record)
{
	const CoopRecord *rec = record;
	int			a;

	pq_sendint16(buf, (uint16) rec->year);
	pq_sendbyte(buf, rec->kind);
	pq_sendint16(buf, (uint16) rec->country);
	for (a = 0; a < COOP_NCOUNTS; a++)
		pq_sendint64(buf, rec->count[a]);
	pq_sendint32(buf, (uint32) rec->median_days);
	pq_sendint32(buf, (uint32) rec->p90_days);
}

static const CubeType coop_type = {
	.typname = "cooperation_cube",
	.hint = COOP_TEXT_HINT,
	.record_name = "Record",
	.nfields = 3 + COOP_NCOUNTS + 2,
	.record_size = sizeof(CoopRecord),
	.wire_size = COOP_WIRE_SIZE,
	.max_records = COOP_MAX_RECORDS,
	.read_text = coop_read_text,
	.write_text = coop_write_text,
	.read_binary = coop_read_binary,
	.write_binary = coop_write_binary,
	.problem = coop_record_problem,
};

PG_FUNCTION_INFO_V1(cooperation_cube_in);
/* Text input, see the head of this file. */
Datum
cooperation_cube_in(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(cube_in(&coop_type, PG_GETARG_CSTRING(0)));
}

PG_FUNCTION_INFO_V1(cooperation_cube_out);
/* Text output, see the head of this file. */
Datum
cooperation_cube_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(cube_out(&coop_type, (CubeHeader *) PG_GETARG_COOP_CUBE_P(0)));
}

PG_FUNCTION_INFO_V1(cooperation_cube_recv);
/* Binary input, checked as text input is. */
Datum
cooperation_cube_recv(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(cube_recv(&coop_type, (StringInfo) PG_GETARG_POINTER(0)));
}

PG_FUNCTION_INFO_V1(cooperation_cube_send);
/* Binary output, see the head of this file. */
Datum
cooperation_cube_send(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(cube_send(&coop_type, (CubeHeader *) PG_GETARG_COOP_CUBE_P(0)));
}

static const char *
coop_date_text(int32 date)
{
	return DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(date)));
}

PG_FUNCTION_INFO_V1(cooperation_cube_trans);
/*
 * Transition function: count one request as of as_of.  Not strict: the
 * state is made here, a NULL answer date is that of a pending request, and
 * the other arguments may not be NULL (an error, not a dropped request).
 */
Datum
cooperation_cube_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	CoopState  *st;
	RequestKind kind;
	Answer		answer;
	Country		country;
	DateADT		presented_on,
				answered_on = 0,
				as_of;
	int32		year;
	Size		cell;
	int64	   *c;
	Deadline	dl;

	if (unlikely(PG_ARGISNULL(0)))
	{
		if (!AggCheckCallContext(fcinfo, &aggcontext))
			elog(ERROR, "cooperation_cube_trans called in non-aggregate context");
		st = coop_state_new(aggcontext);
	}
	else
		st = (CoopState *) PG_GETARG_POINTER(0);

	if (unlikely(PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3) || PG_ARGISNULL(4) ||
				 PG_ARGISNULL(6)))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("cooperation_cube cannot count a request with a NULL %s",
						PG_ARGISNULL(1) ? "kind" : PG_ARGISNULL(2) ? "answer" :
						PG_ARGISNULL(3) ? "country" : PG_ARGISNULL(4) ? "presentation date" :
						"as_of date"),
				 errhint("Every request has a kind, an answer (pending until one is received), a country and the date it was presented; as_of is the day the figures are made for.")));

	kind = PG_GETARG_REQUEST_KIND(1);
	answer = PG_GETARG_ANSWER(2);
	country = PG_GETARG_COUNTRY(3);
	presented_on = PG_GETARG_DATEADT(4);
	as_of = PG_GETARG_DATEADT(6);
	if (unlikely(kind >= MC_NUM_KINDS || answer >= MC_NUM_ANSWERS ||
				 country <= 0 || country > MC_COUNTRY_CODE_MAX))
		elog(ERROR, "cooperation_cube: invalid value (kind %d, answer %d, country %d)",
			 (int) kind, (int) answer, (int) country);

	/* not yet presented as of as_of: not counted */
	if (presented_on > as_of)
		PG_RETURN_POINTER(st);
	year = mc_year_of(&st->year_cache, presented_on);

	if (answer != MC_ANSWER_PENDING)
	{
		if (unlikely(PG_ARGISNULL(5)))
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("cooperation_cube cannot count a final answer without its date"),
					 errhint("A positive, negative or withdrawn request has the date it was answered or withdrawn.")));
		answered_on = PG_GETARG_DATEADT(5);
		if (unlikely(answered_on < presented_on || DATE_NOT_FINITE(answered_on)))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cooperation_cube cannot count an answer dated %s to a request presented on %s",
							coop_date_text(answered_on), coop_date_text(presented_on)),
					 errhint("An answer is dated on a finite day, on or after the day the request was presented.")));
		/* not yet known as of as_of */
		if (answered_on > as_of)
			answer = MC_ANSWER_PENDING;
	}

	if (unlikely(!st->have_as_of || st->as_of != as_of))
	{
		st->as_of = as_of;
		st->over12_last = coop_over12_last(as_of);
		st->have_as_of = true;
	}

	if (unlikely(st->nyears == 0 || year < st->first_year || year >= st->first_year + st->nyears))
		coop_state_cover_year(st, year);
	cell = coop_cell(st, year, kind, country);
	c = st->cells + cell * COOP_NCOUNTS;
	coop_add(&c[answer], 1);

	if (answer == MC_ANSWER_POSITIVE || answer == MC_ANSWER_NEGATIVE)
		delays_count_delay(coop_hist(st, cell), (int64) answered_on - presented_on);
	else if (answer == MC_ANSWER_PENDING && presented_on <= st->over12_last)
		coop_add(&c[COOP_OPEN_OVER_12], 1);

	deadline_of(deadline_cache_get(fcinfo), country, kind, presented_on, &dl);
	if (dl.has_deadline)
	{
		coop_add(&c[COOP_WITH_DEADLINE], 1);
		if ((answer == MC_ANSWER_POSITIVE || answer == MC_ANSWER_NEGATIVE) &&
			answered_on > dl.day)
			coop_add(&c[COOP_ANSWERED_LATE], 1);
		if (as_of > dl.day)
		{
			if (answer == MC_ANSWER_PENDING)
				coop_add(&c[COOP_OPEN_PAST_DEADLINE], 1);
			if (dl.tacit && (answer == MC_ANSWER_PENDING || answered_on > dl.day))
				coop_add(&c[COOP_ACCEPTED_TACITLY], 1);
		}
	}
	PG_RETURN_POINTER(st);
}

/* Add the counters and histograms of src into dst. */
static void
coop_merge(CoopState *dst, CoopState *src)
{
	Size		ncells = (Size) src->nyears * COOP_CELLS_PER_YEAR;
	Size		i;

	if (src->nyears == 0)
		return;
	coop_state_cover_year(dst, src->first_year);
	coop_state_cover_year(dst, src->first_year + src->nyears - 1);
	for (i = 0; i < ncells; i++)
	{
		int64	   *s = src->cells + i * COOP_NCOUNTS;
		Size		di = i + (Size) (src->first_year - dst->first_year) * COOP_CELLS_PER_YEAR;
		int64	   *d = dst->cells + di * COOP_NCOUNTS;
		const Delays *h = src->hists[i];
		int			a;

		if (!(s[0] | s[1] | s[2] | s[3]))
			continue;
		for (a = 0; a < COOP_NCOUNTS; a++)
			coop_add(&d[a], s[a]);
		if (h != NULL)
			delays_add_into(coop_hist(dst, di), h);
	}
}

PG_FUNCTION_INFO_V1(cooperation_cube_combine);
/* Combine function: add the second state into the first; either may be NULL. */
Datum
cooperation_cube_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	CoopState  *a;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "cooperation_cube_combine called in non-aggregate context");
	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_POINTER(PG_GETARG_POINTER(0));
	}
	a = PG_ARGISNULL(0) ? coop_state_new(aggcontext) : (CoopState *) PG_GETARG_POINTER(0);
	coop_merge(a, (CoopState *) PG_GETARG_POINTER(1));
	PG_RETURN_POINTER(a);
}

/*
 * Serialize function: int32 first year, int32 years, int32 cells with
 * requests; then per such cell its int64 index, the counters, a byte 1
 * when it has answers followed by their delays value as in memory (both
 * ends are processes of one server).
 */
PG_FUNCTION_INFO_V1(cooperation_cube_serial);
Datum
cooperation_cube_serial(PG_FUNCTION_ARGS)
{
	CoopState  *st = (CoopState *) PG_GETARG_POINTER(0);
	Size		ncells = (Size) st->nyears * COOP_CELLS_PER_YEAR;
	Size		i;
	int32		n = 0;
	StringInfoData buf;

	for (i = 0; i < ncells; i++)
	{
		int64	   *c = st->cells + i * COOP_NCOUNTS;

		if (c[0] | c[1] | c[2] | c[3])
			n++;
	}
	pq_begintypsend(&buf);
	pq_sendint32(&buf, st->first_year);
	pq_sendint32(&buf, st->nyears);
	pq_sendint32(&buf, n);
	for (i = 0; i < ncells; i++)
	{
		int64	   *c = st->cells + i * COOP_NCOUNTS;
		const Delays *h = st->hists[i];

		if (!(c[0] | c[1] | c[2] | c[3]))
			continue;
		pq_sendint64(&buf, (int64) i);
		appendBinaryStringInfo(&buf, (const char *) c, COOP_NCOUNTS * sizeof(int64));
		pq_sendbyte(&buf, h != NULL);
		if (h != NULL)
			appendBinaryStringInfo(&buf, (const char *) h, sizeof(Delays));
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(cooperation_cube_deserial);
/* Deserialize function, for parallel workers. */
Datum
cooperation_cube_deserial(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;
	CoopState  *st;
	int32		first_year,
				nyears,
				n,
				k;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "cooperation_cube_deserial called in non-aggregate context");
	buf.data = VARDATA_ANY(b);
	buf.len = VARSIZE_ANY_EXHDR(b);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	st = coop_state_new(aggcontext);
	first_year = (int32) pq_getmsgint(&buf, 4);
	nyears = (int32) pq_getmsgint(&buf, 4);
	n = (int32) pq_getmsgint(&buf, 4);
	if (nyears < 0 || nyears > MC_NUM_YEARS || n < 0 ||
		(nyears > 0 && (!mc_year_in_range(first_year) || !mc_year_in_range(first_year + nyears - 1))))
		elog(ERROR, "invalid cooperation_cube partial state");
	if (nyears > 0)
	{
		coop_state_cover_year(st, first_year);
		coop_state_cover_year(st, first_year + nyears - 1);
	}
	for (k = 0; k < n; k++)
	{
		int64		i = pq_getmsgint64(&buf);

		if (i < 0 || i >= (int64) nyears * COOP_CELLS_PER_YEAR)
			elog(ERROR, "invalid cooperation_cube partial state");
		memcpy(st->cells + i * COOP_NCOUNTS, pq_getmsgbytes(&buf, COOP_NCOUNTS * sizeof(int64)),
			   COOP_NCOUNTS * sizeof(int64));
		if (pq_getmsgbyte(&buf))
		{
			Delays	   *h = coop_hist(st, (Size) i);
			int			item;
			int64		day;
			const char *detail;

			memcpy(h, pq_getmsgbytes(&buf, sizeof(Delays)), sizeof(Delays));
			if (delays_check(h, &item, &day, &detail) != DELAYS_PARSE_OK)
				elog(ERROR, "invalid cooperation_cube partial state");
		}
	}
	pq_getmsgend(&buf);
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(cooperation_cube_final);
/* Final function: the figures as a cooperation_cube (no records for no rows). */
Datum
cooperation_cube_final(PG_FUNCTION_ARGS)
{
	CoopState  *st;

	if (PG_ARGISNULL(0))
		st = coop_state_new(CurrentMemoryContext);
	else
		st = (CoopState *) PG_GETARG_POINTER(0);
	PG_RETURN_POINTER(coop_from_state(st));
}

PG_FUNCTION_INFO_V1(cooperation_cube_rows);
/*
 * Rows of a cube: year, kind, country, presented, answered, positive,
 * negative, withdrawn, pending, with_deadline, answered_late,
 * open_past_deadline, accepted_tacitly, open_over_12_months, median_days,
 * p90_days (NULL when nothing was answered).
 */
Datum
cooperation_cube_rows(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	CoopCube   *cube = PG_GETARG_COOP_CUBE_P(0);
	int32		i;

	InitMaterializedSRF(fcinfo, 0);
	for (i = 0; i < cube->nrecords; i++)
	{
		const CoopRecord *r = &cube->records[i];
		Datum		values[16];
		bool		nulls[16];
		int			col = 0;

		memset(nulls, 0, sizeof(nulls));
		values[col++] = Int32GetDatum(r->year);
		values[col++] = RequestKindGetDatum((RequestKind) r->kind);
		values[col++] = CountryGetDatum((Country) r->country);
		values[col++] = Int64GetDatum(r->count[0] + r->count[1] + r->count[2] + r->count[3]);
		values[col++] = Int64GetDatum(r->count[MC_ANSWER_POSITIVE] + r->count[MC_ANSWER_NEGATIVE]);
		values[col++] = Int64GetDatum(r->count[MC_ANSWER_POSITIVE]);
		values[col++] = Int64GetDatum(r->count[MC_ANSWER_NEGATIVE]);
		values[col++] = Int64GetDatum(r->count[MC_ANSWER_WITHDRAWN]);
		values[col++] = Int64GetDatum(r->count[MC_ANSWER_PENDING]);
		values[col++] = Int64GetDatum(r->count[COOP_WITH_DEADLINE]);
		values[col++] = Int64GetDatum(r->count[COOP_ANSWERED_LATE]);
		values[col++] = Int64GetDatum(r->count[COOP_OPEN_PAST_DEADLINE]);
		values[col++] = Int64GetDatum(r->count[COOP_ACCEPTED_TACITLY]);
		values[col++] = Int64GetDatum(r->count[COOP_OPEN_OVER_12]);
		nulls[col] = r->median_days < 0;
		values[col++] = Int32GetDatum(r->median_days);
		nulls[col] = r->p90_days < 0;
		values[col++] = Int32GetDatum(r->p90_days);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
