/*
 * tally.c
 *		The tally type (counts per answer category), its aggregates
 *		answer_tally(answer) and sum(tally), and its accessors.
 *
 * Wire format (send/recv): the four counts pending, positive, negative,
 * withdrawn, each a big-endian signed 64-bit integer; 32 bytes in all.
 * Negative counts are rejected by recv as they are by the text input.
 */
#include "postgres.h"

#include "common/int.h"
#include "common/hashfn.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "types.h"
#include "type_io.h"
#include "tally_parse.h"

StaticAssertDecl(sizeof(Tally) == 32, "tally must be 32 bytes");
StaticAssertDecl(MC_NUM_ANSWERS == TALLY_NCOUNTS, "tally counts one per answer");

#define TALLY_ONCE_HINT \
	"Give each of pending, positive, negative and withdrawn once, as in " \
	"\"pending=0, positive=5, negative=1, withdrawn=2\"."
#define TALLY_FORM_HINT \
	"A tally is written as \"pending=0, positive=5, negative=1, withdrawn=2\" " \
	"(Dutch names lopend, positief, negatief, ingetrokken are accepted too)."

/* A new zeroed tally in the current memory context. */
static Tally *
tally_new(void)
{
	return (Tally *) palloc0(sizeof(Tally));
}

/* A copy of t in the current memory context. */
static Tally *
tally_copy(const Tally *t)
{
	Tally	   *copy = (Tally *) palloc(sizeof(Tally));

	memcpy(copy, t, sizeof(Tally));
	return copy;
}

/* Add n to count i of t, with a clear error on overflow. */
static inline void
tally_add_count(Tally *t, int i, int64 n)
{
	if (unlikely(pg_add_s64_overflow(t->count[i], n, &t->count[i])))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("tally out of range"),
				 errdetail("The %s count would exceed %lld.", tally_names[i],
						   (long long) PG_INT64_MAX)));
}

/* Add b into a, count by count. */
static void
tally_add_into(Tally *a, const Tally *b)
{
	int			i;

	for (i = 0; i < MC_NUM_ANSWERS; i++)
		tally_add_count(a, i, b->count[i]);
}

PG_FUNCTION_INFO_V1(tally_in);
/* Text input: "pending=0, positive=5, negative=1, withdrawn=2". */
Datum
tally_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	Tally	   *t = tally_new();
	const char *detail;
	TallyParseResult r;

	r = tally_parse(str, t->count, &detail);
	if (r == TALLY_PARSE_OK)
		PG_RETURN_TALLY_P(t);

	switch (r)
	{
		case TALLY_PARSE_DUPLICATE:
			mc_invalid_text("tally", str,
							psprintf("The count \"%s\" is given more than once.", detail),
							TALLY_ONCE_HINT);
			break;
		case TALLY_PARSE_MISSING:
			mc_invalid_text("tally", str,
							psprintf("The count \"%s\" is missing.", detail),
							TALLY_ONCE_HINT);
			break;
		case TALLY_PARSE_RANGE:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("value out of range for type tally: \"%s\"", str),
					 errhint("Counts are whole numbers from 0 to %lld.",
							 (long long) PG_INT64_MAX)));
			break;
		default:
			mc_invalid_text("tally", str, detail, TALLY_FORM_HINT);
	}
	PG_RETURN_NULL();			/* not reached */
}

PG_FUNCTION_INFO_V1(tally_out);
/* Text output, always with the English names in answer order. */
Datum
tally_out(PG_FUNCTION_ARGS)
{
	Tally	   *t = PG_GETARG_TALLY_P(0);
	char		buf[TALLY_TEXT_MAX];

	tally_format(t->count, buf);
	PG_RETURN_CSTRING(pstrdup(buf));
}

PG_FUNCTION_INFO_V1(tally_recv);
/* Binary input: four big-endian int64 counts, none negative. */
Datum
tally_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	Tally	   *t = tally_new();
	int			i;

	mc_recv_check_length(buf, sizeof(Tally), "tally");
	for (i = 0; i < MC_NUM_ANSWERS; i++)
	{
		t->count[i] = pq_getmsgint64(buf);
		if (t->count[i] < 0)
			mc_invalid_binary("tally",
							  psprintf("The %s count is %lld; counts are whole numbers from 0 to %lld.",
									   tally_names[i], (long long) t->count[i],
									   (long long) PG_INT64_MAX));
	}
	PG_RETURN_TALLY_P(t);
}

PG_FUNCTION_INFO_V1(tally_send);
/* Binary output: four big-endian int64 counts. */
Datum
tally_send(PG_FUNCTION_ARGS)
{
	Tally	   *t = PG_GETARG_TALLY_P(0);
	StringInfoData buf;
	int			i;

	pq_begintypsend(&buf);
	for (i = 0; i < MC_NUM_ANSWERS; i++)
		pq_sendint64(&buf, t->count[i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(tally_make);
/* tally(pending, positive, negative, withdrawn). */
Datum
tally_make(PG_FUNCTION_ARGS)
{
	Tally	   *t = tally_new();
	int			i;

	for (i = 0; i < MC_NUM_ANSWERS; i++)
	{
		t->count[i] = PG_GETARG_INT64(i);
		if (t->count[i] < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s count of a tally cannot be negative: %lld",
							tally_names[i], (long long) t->count[i]),
					 errhint("Counts are whole numbers from 0 to %lld.",
							 (long long) PG_INT64_MAX)));
	}
	PG_RETURN_TALLY_P(t);
}

PG_FUNCTION_INFO_V1(tally_eq);
/* Equal when every count is equal. */
Datum
tally_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(memcmp(PG_GETARG_TALLY_P(0), PG_GETARG_TALLY_P(1), sizeof(Tally)) == 0);
}

PG_FUNCTION_INFO_V1(tally_ne);
/* Not equal when some count differs. */
Datum
tally_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(memcmp(PG_GETARG_TALLY_P(0), PG_GETARG_TALLY_P(1), sizeof(Tally)) != 0);
}

/* Order: by the pending, positive, negative, then withdrawn counts. */
static int
tally_compare(const Tally *a, const Tally *b)
{
	int			i;

	for (i = 0; i < MC_NUM_ANSWERS; i++)
		if (a->count[i] != b->count[i])
			return a->count[i] < b->count[i] ? -1 : 1;
	return 0;
}

PG_FUNCTION_INFO_V1(tally_cmp);
/* btree support: -1, 0 or 1. */
Datum
tally_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(tally_compare(PG_GETARG_TALLY_P(0), PG_GETARG_TALLY_P(1)));
}

PG_FUNCTION_INFO_V1(tally_lt);
/* a < b in the tally order. */
Datum
tally_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(tally_compare(PG_GETARG_TALLY_P(0), PG_GETARG_TALLY_P(1)) < 0);
}

PG_FUNCTION_INFO_V1(tally_le);
/* a <= b in the tally order. */
Datum
tally_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(tally_compare(PG_GETARG_TALLY_P(0), PG_GETARG_TALLY_P(1)) <= 0);
}

PG_FUNCTION_INFO_V1(tally_gt);
/* a > b in the tally order. */
Datum
tally_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(tally_compare(PG_GETARG_TALLY_P(0), PG_GETARG_TALLY_P(1)) > 0);
}

PG_FUNCTION_INFO_V1(tally_ge);
/* a >= b in the tally order. */
Datum
tally_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(tally_compare(PG_GETARG_TALLY_P(0), PG_GETARG_TALLY_P(1)) >= 0);
}

PG_FUNCTION_INFO_V1(tally_hash);
/* hash support: the hash of the 32 bytes, equal for equal tallies. */
Datum
tally_hash(PG_FUNCTION_ARGS)
{
	return hash_any((const unsigned char *) PG_GETARG_TALLY_P(0), sizeof(Tally));
}

PG_FUNCTION_INFO_V1(tally_hash_extended);
/* hash support with a seed. */
Datum
tally_hash_extended(PG_FUNCTION_ARGS)
{
	return hash_any_extended((const unsigned char *) PG_GETARG_TALLY_P(0), sizeof(Tally),
							 PG_GETARG_INT64(1));
}

PG_FUNCTION_INFO_V1(tally_add);
/* a + b: the counts added category by category. */
Datum
tally_add(PG_FUNCTION_ARGS)
{
	Tally	   *t = tally_copy(PG_GETARG_TALLY_P(0));

	tally_add_into(t, PG_GETARG_TALLY_P(1));
	PG_RETURN_TALLY_P(t);
}

/* Accessors: one count, or a sum of counts. */
#define TALLY_GETTER(fname, expr) \
PG_FUNCTION_INFO_V1(fname); \
Datum \
fname(PG_FUNCTION_ARGS) \
{ \
	Tally	   *t = PG_GETARG_TALLY_P(0); \
	PG_RETURN_INT64(expr); \
}

TALLY_GETTER(tally_pending, t->count[MC_ANSWER_PENDING])
TALLY_GETTER(tally_positive, t->count[MC_ANSWER_POSITIVE])
TALLY_GETTER(tally_negative, t->count[MC_ANSWER_NEGATIVE])
TALLY_GETTER(tally_withdrawn, t->count[MC_ANSWER_WITHDRAWN])

/* Sums of counts; a tally's counts sum within int64 only if checked. */
static int64
tally_sum(const Tally *t, int from, int to)
{
	int64		sum = 0;
	int			i;

	for (i = from; i <= to; i++)
		if (unlikely(pg_add_s64_overflow(sum, t->count[i], &sum)))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("bigint out of range"),
					 errdetail("The counts of the tally add up to more than %lld.",
							   (long long) PG_INT64_MAX)));
	return sum;
}

TALLY_GETTER(tally_not_confirmed, tally_sum(t, MC_ANSWER_NEGATIVE, MC_ANSWER_WITHDRAWN))
/*
 * tally_answered is 0.1.0's answered(tally), which counted the withdrawn
 * requests as answered: it serves 0.1.0's SQL until the update and, from
 * 0.2.0 on, closed(tally).  A withdrawal is no answer (no answer was
 * obtained): answered(tally) of 0.2.0 is tally_replied.
 */
TALLY_GETTER(tally_answered, tally_sum(t, MC_ANSWER_POSITIVE, MC_ANSWER_WITHDRAWN))
TALLY_GETTER(tally_replied, tally_sum(t, MC_ANSWER_POSITIVE, MC_ANSWER_NEGATIVE))
TALLY_GETTER(tally_total, tally_sum(t, MC_ANSWER_PENDING, MC_ANSWER_WITHDRAWN))

PG_FUNCTION_INFO_V1(tally_count_answer);
/*
 * Transition function of answer_tally(answer): counts one answer.  Strict,
 * so NULL answers are not counted (as count(x) skips NULLs).  Inside an
 * aggregate the state is ours and is updated in place.
 */
Datum
tally_count_answer(PG_FUNCTION_ARGS)
{
	Tally	   *t = PG_GETARG_TALLY_P(0);
	Answer		a = PG_GETARG_ANSWER(1);

	if (!AggCheckCallContext(fcinfo, NULL))
		t = tally_copy(t);
	if (unlikely(a >= MC_NUM_ANSWERS))
		elog(ERROR, "invalid answer ordinal %d", (int) a);
	tally_add_count(t, a, 1);
	PG_RETURN_TALLY_P(t);
}

PG_FUNCTION_INFO_V1(tally_combine);
/*
 * Transition and combine function of sum(tally), combine function of
 * answer_tally: adds the second tally into the first.  Strict: the
 * aggregate machinery starts from the first non-NULL tally (copied into the
 * aggregate's memory) and skips NULLs, and a worker that saw no rows simply
 * contributes nothing.
 */
Datum
tally_combine(PG_FUNCTION_ARGS)
{
	Tally	   *a = PG_GETARG_TALLY_P(0);
	Tally	   *b = PG_GETARG_TALLY_P(1);

	if (!AggCheckCallContext(fcinfo, NULL))
		a = tally_copy(a);
	tally_add_into(a, b);
	PG_RETURN_TALLY_P(a);
}
