/*
 * delays.c
 *		The delays type (a histogram of the whole days from the presentation
 *		of requests to their answers), its aggregates answer_delays(answer,
 *		date, date), day_counts(int4) and sum(delays), and its accessors:
 *		the counts, and percentiles that match PostgreSQL's percentile_disc
 *		and percentile_cont over the answered requests' days.
 *
 * Days 0 to 731 are counted exactly, one counter per day; later answers
 * are counted together, with their exact least and greatest delay (see
 * delays_parse.h).  A percentile is exact when its row falls on a day
 * counted exactly, or on the first or last of the later answers (or they
 * all have one delay); otherwise it lies between beyond_min and beyond_max
 * and the accessors give beyond_max, an upper bound, and say so through
 * percentile_days_exact().
 *
 * Wire format (send/recv): answered, withdrawn, pending, beyond as
 * big-endian signed 64-bit integers, beyond_min and beyond_max as
 * big-endian signed 32-bit integers, then the 732 day counts (days 0 to
 * 731) as big-endian signed 32-bit integers: 2968 bytes.  recv checks what
 * text input checks.
 */
#include "postgres.h"

#include <math.h>

#include "common/hashfn.h"
#include "common/int.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "types.h"
#include "type_io.h"
#include "delays_parse.h"
#include "delays.h"

StaticAssertDecl(sizeof(Delays) == 2968, "delays must be 2968 bytes without padding");

#define DELAYS_FORM_HINT \
	"Delays are written as \"answered=13, withdrawn=3, pending=4, " \
	"days={0:2, 5:7, 31:3}, beyond=1, beyond_min=800, beyond_max=800\": " \
	"the answers per day from 0 to 731 days, then the later ones " \
	"(beyond_min and beyond_max only when beyond is not 0)."

#define DELAYS_FRACTION_HINT \
	"Give a fraction from 0 to 1, e.g. 0.5 for the median, 0.9 for the 90th percentile."

/* A new zeroed delays in the current memory context. */
static Delays *
delays_new(void)
{
	return (Delays *) palloc0(sizeof(Delays));
}

/* A copy of x in the current memory context. */
static Delays *
delays_copy(const Delays *x)
{
	Delays	   *copy = (Delays *) palloc(sizeof(Delays));

	memcpy(copy, x, sizeof(Delays));
	return copy;
}

/* The error of a count that would pass its largest value. */
static void
delays_overflow(const char *what, long long max)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("delays out of range"),
			 errdetail("The %s count would exceed %lld.", what, max)));
}

/* Add n to the 64-bit count *count named what, or 22003. */
static inline void
delays_add64(int64 *count, int64 n, const char *what)
{
	if (unlikely(pg_add_s64_overflow(*count, n, count)))
		delays_overflow(what, (long long) PG_INT64_MAX);
}

/* Add n to the count of day d, or 22003. */
static inline void
delays_add_day(Delays *x, int d, int32 n)
{
	if (unlikely(pg_add_s32_overflow(x->day[d], n, &x->day[d])))
		delays_overflow(psprintf("day %d", d), (long long) PG_INT32_MAX);
}

/*
 * Count one answer delay days after its presentation (days >= 0, a
 * difference of two finite dates).
 */
void
delays_count_delay(Delays *x, int64 days)
{
	if (likely(days <= DELAYS_LAST_EXACT_DAY))
		delays_add_day(x, (int) days, 1);
	else
	{
		/* a difference of two finite dates always fits int32 */
		int32		d = (int32) days;

		delays_add64(&x->beyond, 1, "beyond");
		if (x->beyond == 1 || d < x->beyond_min)
			x->beyond_min = d;
		if (x->beyond == 1 || d > x->beyond_max)
			x->beyond_max = d;
	}
	/* answered is at least every other count: checked last */
	delays_add64(&x->answered, 1, "answered");
}

/* Add b into a, count by count, the beyond bounds widened. */
void
delays_add_into(Delays *a, const Delays *b)
{
	int			d;

	delays_add64(&a->answered, b->answered, "answered");
	delays_add64(&a->withdrawn, b->withdrawn, "withdrawn");
	delays_add64(&a->pending, b->pending, "pending");
	for (d = 0; d < DELAYS_EXACT_DAYS; d++)
		if (b->day[d] != 0)
			delays_add_day(a, d, b->day[d]);
	if (b->beyond > 0)
	{
		if (a->beyond == 0)
		{
			a->beyond_min = b->beyond_min;
			a->beyond_max = b->beyond_max;
		}
		else
		{
			a->beyond_min = Min(a->beyond_min, b->beyond_min);
			a->beyond_max = Max(a->beyond_max, b->beyond_max);
		}
		delays_add64(&a->beyond, b->beyond, "beyond");
	}
}

PG_FUNCTION_INFO_V1(delays_in);
/* Text input: "answered=13, withdrawn=3, pending=4, days={0:2, ...}, ...". */
Datum
delays_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	Delays	   *x = delays_new();
	const char *detail;
	int			item;
	int64_t		day;
	DelaysParseResult r;

	r = delays_parse(str, x, &item, &day, &detail);
	switch (r)
	{
		case DELAYS_PARSE_OK:
			PG_RETURN_DELAYS_P(x);
		case DELAYS_PARSE_DUPLICATE:
			mc_invalid_text("delays", str,
							item == DELAYS_ITEM_DAYS && day >= 0 ?
							psprintf("The count of day %lld is given more than once.",
									 (long long) day) :
							psprintf("The count \"%s\" is given more than once.",
									 delays_item_name(item)),
							DELAYS_FORM_HINT);
			break;
		case DELAYS_PARSE_MISSING:
			mc_invalid_text("delays", str,
							psprintf("The count \"%s\" is missing.", delays_item_name(item)),
							DELAYS_FORM_HINT);
			break;
		case DELAYS_PARSE_DAY_RANGE:
			mc_invalid_text("delays", str,
							day >= 0 ?
							psprintf("Day %lld is not one of the days counted one by one, 0 to %d.",
									 (long long) day, DELAYS_LAST_EXACT_DAY) :
							psprintf("A day is not one of the days counted one by one, 0 to %d.",
									 DELAYS_LAST_EXACT_DAY),
							"Answers later than 731 days are counted in beyond, with their least and greatest delay in beyond_min and beyond_max.");
			break;
		case DELAYS_PARSE_MISMATCH:
			mc_invalid_text("delays", str,
							"The answered count is not the sum of the day counts and beyond.",
							"Every answered request is counted on the day of its delay, or in beyond.");
			break;
		case DELAYS_PARSE_BEYOND:
			mc_invalid_text("delays", str, detail,
							"beyond_min and beyond_max are the least and greatest delay of the answers later than 731 days.");
			break;
		case DELAYS_PARSE_RANGE:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("value out of range for type delays: \"%s\"", str),
					 item == DELAYS_ITEM_DAYS && day >= 0 ?
					 errdetail("The count of day %lld is out of range.", (long long) day) :
					 errdetail("The count \"%s\" is out of range.", delays_item_name(item)),
					 errhint("answered, withdrawn, pending and beyond are whole numbers from 0 to %lld; "
							 "day counts, beyond_min and beyond_max from 0 to %d.",
							 (long long) PG_INT64_MAX, PG_INT32_MAX)));
			break;
		default:
			mc_invalid_text("delays", str, detail, DELAYS_FORM_HINT);
	}
	PG_RETURN_NULL();			/* not reached */
}

PG_FUNCTION_INFO_V1(delays_out);
/* Text output: every count named, the non-zero day counts in order. */
Datum
delays_out(PG_FUNCTION_ARGS)
{
	Delays	   *x = PG_GETARG_DELAYS_P(0);
	char	   *buf = palloc(DELAYS_TEXT_MAX);

	delays_format(x, buf);
	PG_RETURN_CSTRING(buf);
}

PG_FUNCTION_INFO_V1(delays_recv);
/* Binary input: the counts as delays_send writes them, checked as text input. */
Datum
delays_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	Delays	   *x = delays_new();
	const char *detail;
	int			item;
	int64_t		day;
	int			d;

	mc_recv_check_length(buf, sizeof(Delays), "delays");
	x->answered = pq_getmsgint64(buf);
	x->withdrawn = pq_getmsgint64(buf);
	x->pending = pq_getmsgint64(buf);
	x->beyond = pq_getmsgint64(buf);
	x->beyond_min = (int32) pq_getmsgint(buf, 4);
	x->beyond_max = (int32) pq_getmsgint(buf, 4);
	for (d = 0; d < DELAYS_EXACT_DAYS; d++)
		x->day[d] = (int32) pq_getmsgint(buf, 4);

	switch (delays_check(x, &item, &day, &detail))
	{
		case DELAYS_PARSE_OK:
			break;
		case DELAYS_PARSE_RANGE:
			mc_invalid_binary("delays",
							  day >= 0 ?
							  psprintf("The count of day %lld is negative.", (long long) day) :
							  psprintf("The count \"%s\" is negative.", delays_item_name(item)));
			break;
		case DELAYS_PARSE_MISMATCH:
			mc_invalid_binary("delays",
							  "The answered count is not the sum of the day counts and beyond.");
			break;
		default:
			mc_invalid_binary("delays", detail);
	}
	PG_RETURN_DELAYS_P(x);
}

PG_FUNCTION_INFO_V1(delays_send);
/* Binary output: see the wire format at the top. */
Datum
delays_send(PG_FUNCTION_ARGS)
{
	Delays	   *x = PG_GETARG_DELAYS_P(0);
	StringInfoData buf;
	int			d;

	pq_begintypsend(&buf);
	pq_sendint64(&buf, x->answered);
	pq_sendint64(&buf, x->withdrawn);
	pq_sendint64(&buf, x->pending);
	pq_sendint64(&buf, x->beyond);
	pq_sendint32(&buf, x->beyond_min);
	pq_sendint32(&buf, x->beyond_max);
	for (d = 0; d < DELAYS_EXACT_DAYS; d++)
		pq_sendint32(&buf, x->day[d]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(delays_eq);
/* Equal when every count is equal (the layout has no padding). */
Datum
delays_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(memcmp(PG_GETARG_DELAYS_P(0), PG_GETARG_DELAYS_P(1), sizeof(Delays)) == 0);
}

PG_FUNCTION_INFO_V1(delays_ne);
/* Not equal when some count differs. */
Datum
delays_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(memcmp(PG_GETARG_DELAYS_P(0), PG_GETARG_DELAYS_P(1), sizeof(Delays)) != 0);
}

PG_FUNCTION_INFO_V1(delays_hash);
/* hash support: the hash of the 2968 bytes, equal for equal values. */
Datum
delays_hash(PG_FUNCTION_ARGS)
{
	return hash_any((const unsigned char *) PG_GETARG_DELAYS_P(0), sizeof(Delays));
}

PG_FUNCTION_INFO_V1(delays_hash_extended);
/* hash support with a seed. */
Datum
delays_hash_extended(PG_FUNCTION_ARGS)
{
	return hash_any_extended((const unsigned char *) PG_GETARG_DELAYS_P(0), sizeof(Delays),
							 PG_GETARG_INT64(1));
}

PG_FUNCTION_INFO_V1(delays_add);
/* a + b: the counts added, the beyond bounds widened. */
Datum
delays_add(PG_FUNCTION_ARGS)
{
	Delays	   *x = delays_copy(PG_GETARG_DELAYS_P(0));

	delays_add_into(x, PG_GETARG_DELAYS_P(1));
	PG_RETURN_DELAYS_P(x);
}

/* Count accessors. */
#define DELAYS_GETTER(fname, field) \
PG_FUNCTION_INFO_V1(fname); \
Datum \
fname(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_INT64(PG_GETARG_DELAYS_P(0)->field); \
}

DELAYS_GETTER(delays_answered, answered)
DELAYS_GETTER(delays_withdrawn, withdrawn)
DELAYS_GETTER(delays_pending, pending)
DELAYS_GETTER(delays_beyond, beyond)

/*
 * The delay of the answer of rank k (1 = the shortest) among x's answered
 * requests, 1 <= k <= answered.  *exact is false when the rank falls among
 * the answers beyond the exact days and is neither the first nor the last
 * of them (nor are all of them one delay): the result is then beyond_max,
 * the least upper bound the value knows.
 */
static int32
delays_at_rank(const Delays *x, int64 k, bool *exact)
{
	int64		seen = 0;
	int64		j;
	int			d;

	*exact = true;
	for (d = 0; d < DELAYS_EXACT_DAYS; d++)
	{
		seen += x->day[d];
		if (seen >= k)
			return d;
	}
	j = k - seen;				/* 1 .. beyond */
	if (j == 1)
		return x->beyond_min;
	if (j == x->beyond || x->beyond_min == x->beyond_max)
		return x->beyond_max;
	*exact = false;
	return x->beyond_max;
}

/* Check a percentile's fraction: 0 to 1, not NaN; or 22023. */
static float8
delays_fraction(float8 f)
{
	if (isnan(f) || f < 0 || f > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("percentile fraction %g is not between 0 and 1", f),
				 errhint(DELAYS_FRACTION_HINT)));
	return f;
}

/*
 * The rank percentile_disc(f) takes among n rows: as PostgreSQL computes
 * it (orderedsetaggs.c), ceil(f * n), and the first row when that is 0.
 */
static int64
delays_disc_rank(float8 f, int64 n)
{
	float8		rownum = ceil(f * (float8) n);

	/* f * n may round up to 2^63 for n near its largest value: clamp */
	if (rownum >= (float8) n)
		return n;
	return rownum > 1 ? (int64) rownum : 1;
}

/* percentile_disc(f) of x's delays into *result; false when none. */
bool
delays_percentile_disc(const Delays *x, float8 f, int32 *result, bool *exact)
{
	if (x->answered == 0)
		return false;
	*result = delays_at_rank(x, delays_disc_rank(f, x->answered), exact);
	return true;
}

PG_FUNCTION_INFO_V1(delays_percentile_days);
/*
 * percentile_days(delays, fraction): percentile_disc(fraction) WITHIN GROUP
 * (ORDER BY days) of the answered requests; NULL when none.
 */
Datum
delays_percentile_days(PG_FUNCTION_ARGS)
{
	float8		f = delays_fraction(PG_GETARG_FLOAT8(1));
	int32		result;
	bool		exact;

	if (!delays_percentile_disc(PG_GETARG_DELAYS_P(0), f, &result, &exact))
		PG_RETURN_NULL();
	PG_RETURN_INT32(result);
}

PG_FUNCTION_INFO_V1(delays_median_days);
/* median_days(delays): percentile_days(delays, 0.5). */
Datum
delays_median_days(PG_FUNCTION_ARGS)
{
	int32		result;
	bool		exact;

	if (!delays_percentile_disc(PG_GETARG_DELAYS_P(0), 0.5, &result, &exact))
		PG_RETURN_NULL();
	PG_RETURN_INT32(result);
}

PG_FUNCTION_INFO_V1(delays_percentile_days_exact);
/*
 * percentile_days_exact(delays, fraction): whether percentile_days gives
 * the exact percentile (NULL when nothing was answered).
 */
Datum
delays_percentile_days_exact(PG_FUNCTION_ARGS)
{
	float8		f = delays_fraction(PG_GETARG_FLOAT8(1));
	int32		result;
	bool		exact;

	if (!delays_percentile_disc(PG_GETARG_DELAYS_P(0), f, &result, &exact))
		PG_RETURN_NULL();
	PG_RETURN_BOOL(exact);
}

/*
 * percentile_cont(f) of x's delays into *result, computed as PostgreSQL
 * does (orderedsetaggs.c): the rows floor and ceil of f * (n - 1), counted
 * from 0, and between them lo + (f * (n - 1) - first) * (hi - lo); exact
 * when both rows are.  false when nothing was answered.
 */
static bool
delays_percentile_cont(const Delays *x, float8 f, float8 *result, bool *exact)
{
	int64		first_row;
	int64		second_row;
	float8		lo;
	float8		hi;
	bool		hi_exact;

	if (x->answered == 0)
		return false;
	first_row = (int64) floor(f * (x->answered - 1));
	second_row = (int64) ceil(f * (x->answered - 1));
	lo = (float8) delays_at_rank(x, first_row + 1, exact);
	if (second_row == first_row)
	{
		*result = lo;
		return true;
	}
	hi = (float8) delays_at_rank(x, second_row + 1, &hi_exact);
	*exact = *exact && hi_exact;
	*result = lo + ((f * (x->answered - 1)) - first_row) * (hi - lo);
	return true;
}

PG_FUNCTION_INFO_V1(delays_percentile_cont_days);
/*
 * percentile_cont_days(delays, fraction): percentile_cont(fraction) WITHIN
 * GROUP (ORDER BY days) of the answered requests; NULL when none.
 */
Datum
delays_percentile_cont_days(PG_FUNCTION_ARGS)
{
	float8		f = delays_fraction(PG_GETARG_FLOAT8(1));
	float8		result;
	bool		exact;

	if (!delays_percentile_cont(PG_GETARG_DELAYS_P(0), f, &result, &exact))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(result);
}

PG_FUNCTION_INFO_V1(delays_percentile_cont_days_exact);
/*
 * percentile_cont_days_exact(delays, fraction): whether
 * percentile_cont_days gives the exact percentile (NULL when nothing was
 * answered).
 */
Datum
delays_percentile_cont_days_exact(PG_FUNCTION_ARGS)
{
	float8		f = delays_fraction(PG_GETARG_FLOAT8(1));
	float8		result;
	bool		exact;

	if (!delays_percentile_cont(PG_GETARG_DELAYS_P(0), f, &result, &exact))
		PG_RETURN_NULL();
	PG_RETURN_BOOL(exact);
}

PG_FUNCTION_INFO_V1(delays_min_days);
/* min_days(delays): the shortest delay, exact; NULL when none. */
Datum
delays_min_days(PG_FUNCTION_ARGS)
{
	Delays	   *x = PG_GETARG_DELAYS_P(0);
	bool		exact;

	if (x->answered == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(delays_at_rank(x, 1, &exact));
}

PG_FUNCTION_INFO_V1(delays_max_days);
/* max_days(delays): the longest delay, exact; NULL when none. */
Datum
delays_max_days(PG_FUNCTION_ARGS)
{
	Delays	   *x = PG_GETARG_DELAYS_P(0);
	bool		exact;

	if (x->answered == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(delays_at_rank(x, x->answered, &exact));
}

/* The name of a date argument of answer_delays, for its errors. */
static const char *const delays_date_names[2] = {"presented_on", "answered_on"};

PG_FUNCTION_INFO_V1(delays_count_answer);
/*
 * Transition function of answer_delays(answer, presented_on, answered_on):
 * a positive or negative answer adds its delay, a withdrawn or pending
 * request its count (their dates are not read).  Not strict: a NULL answer
 * is no request and is skipped, as answer_tally skips it, but a positive or
 * negative answer without one of its dates is an error, not a row left out
 * unnoticed.  Inside an aggregate the state is ours and is updated in place.
 */
Datum
delays_count_answer(PG_FUNCTION_ARGS)
{
	Delays	   *x;
	Answer		a;
	DateADT		presented;
	DateADT		answered;
	MemoryContext aggcontext;
	int			i;

	/* the state is never NULL in the aggregate (INITCOND), but may be outside */
	if (PG_ARGISNULL(0))
		x = AggCheckCallContext(fcinfo, &aggcontext) ?
			(Delays *) MemoryContextAllocZero(aggcontext, sizeof(Delays)) : delays_new();
	else if (AggCheckCallContext(fcinfo, NULL))
		x = PG_GETARG_DELAYS_P(0);
	else
		x = delays_copy(PG_GETARG_DELAYS_P(0));
	if (PG_ARGISNULL(1))
		PG_RETURN_DELAYS_P(x);

	a = PG_GETARG_ANSWER(1);
	switch (a)
	{
		case MC_ANSWER_PENDING:
			delays_add64(&x->pending, 1, "pending");
			break;
		case MC_ANSWER_WITHDRAWN:
			delays_add64(&x->withdrawn, 1, "withdrawn");
			break;
		case MC_ANSWER_POSITIVE:
		case MC_ANSWER_NEGATIVE:
			for (i = 0; i < 2; i++)
				if (unlikely(PG_ARGISNULL(2 + i)))
					ereport(ERROR,
							(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
							 errmsg("answer_delays cannot count a %s answer with a NULL %s",
									a == MC_ANSWER_POSITIVE ? "positive" : "negative",
									delays_date_names[i]),
							 errhint("A positive or negative answer has the date the request was presented and the date it was answered.")));
			presented = PG_GETARG_DATEADT(2);
			answered = PG_GETARG_DATEADT(3);
			if (unlikely(DATE_NOT_FINITE(presented) || DATE_NOT_FINITE(answered)))
				ereport(ERROR,
						(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
						 errmsg("answer_delays cannot count an answer with an infinite date"),
						 errhint("Give the dates the request was presented and answered.")));
			if (unlikely(answered < presented))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("answer_delays cannot count an answer %lld days before its presentation",
								(long long) presented - (long long) answered),
						 errhint("An answer comes on or after the day the request was presented: one of the two dates is wrong.")));
			delays_count_delay(x, (int64) answered - (int64) presented);
			break;
		default:
			elog(ERROR, "invalid answer ordinal %d", (int) a);
	}
	PG_RETURN_DELAYS_P(x);
}

PG_FUNCTION_INFO_V1(delays_count_day);
/*
 * Transition function of day_counts(int4): counts one answer after that
 * many days.  Strict, so NULLs are not counted (as count(x) skips them).
 */
Datum
delays_count_day(PG_FUNCTION_ARGS)
{
	Delays	   *x = PG_GETARG_DELAYS_P(0);
	int32		days = PG_GETARG_INT32(1);

	if (!AggCheckCallContext(fcinfo, NULL))
		x = delays_copy(x);
	if (unlikely(days < 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("day_counts cannot count a negative number of days: %d", days),
				 errhint("Count whole days from 0 up.")));
	delays_count_delay(x, days);
	PG_RETURN_DELAYS_P(x);
}

PG_FUNCTION_INFO_V1(delays_combine);
/*
 * Transition and combine function of sum(delays), combine function of
 * answer_delays and day_counts: adds the second value into the first.
 * Strict: the aggregate machinery starts from the first non-NULL value
 * (copied into the aggregate's memory) and skips NULLs, and a worker that
 * saw no rows simply contributes nothing.
 */
Datum
delays_combine(PG_FUNCTION_ARGS)
{
	Delays	   *a = PG_GETARG_DELAYS_P(0);
	Delays	   *b = PG_GETARG_DELAYS_P(1);

	if (!AggCheckCallContext(fcinfo, NULL))
		a = delays_copy(a);
	delays_add_into(a, b);
	PG_RETURN_DELAYS_P(a);
}
