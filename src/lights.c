/*
 * lights.c
 *		The lights type (counts of cases per condition and light), its
 *		aggregates light_counts(conditions) and sum(lights), and its
 *		accessors.
 *
 * Wire format (send/recv): seventeen big-endian signed 64-bit integers,
 * 136 bytes: cases, returnable, then for conditions 1 to 5 in turn the
 * green, red and unknown counts.  recv checks what text input checks: no
 * count negative, every condition's counts adding up to cases, returnable
 * no more than any green count.
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "common/int.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "types.h"
#include "type_io.h"
#include "lights_parse.h"
#include "conditions_parse.h"

StaticAssertDecl(sizeof(Lights) == 136, "lights must be 136 bytes");

/* The order of a condition's counts in the text and binary forms. */
static const int lights_codes[3] = {MC_LIGHT_GREEN, MC_LIGHT_RED, MC_LIGHT_UNKNOWN};

#define LIGHTS_FORM_HINT \
	"Lights are written as \"cases=10, returnable=2, removable=8/1/1, " \
	"country_cooperates=5/3/2, identity_established=6/0/4, available=9/1/0, " \
	"person_cooperates=4/4/2\", each condition's counts as green/red/unknown."

#define LIGHTS_NAME_HINT \
	"Conditions are named removable, country_cooperates, identity_established, " \
	"available and person_cooperates."

/* A new zeroed lights in the current memory context. */
static Lights *
lights_new(void)
{
	return (Lights *) palloc0(sizeof(Lights));
}

/* A copy of l in the current memory context. */
static Lights *
lights_copy(const Lights *l)
{
	Lights	   *copy = (Lights *) palloc(sizeof(Lights));

	memcpy(copy, l, sizeof(Lights));
	return copy;
}

/* Add n to *count, the count named what, with a clear error on overflow. */
static inline void
lights_add_count(int64 *count, int64 n, const char *what)
{
	if (unlikely(pg_add_s64_overflow(*count, n, count)))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("lights out of range"),
				 errdetail("The %s count would exceed %lld.", what,
						   (long long) PG_INT64_MAX)));
}

/*
 * Add b into a, count by count.  cases first: it is the largest count, so
 * an overflow is reported as one of cases.
 */
static void
lights_add_into(Lights *a, const Lights *b)
{
	int			n;
	int			k;

	lights_add_count(&a->cases, b->cases, "cases");
	lights_add_count(&a->returnable, b->returnable, "returnable");
	for (n = 0; n < MC_NUM_CONDITIONS; n++)
		for (k = 0; k < 3; k++)
			lights_add_count(&a->light[n][k], b->light[n][k], conditions_names[n]);
}

PG_FUNCTION_INFO_V1(lights_in);
/* Text input: "cases=10, returnable=2, removable=8/1/1, ...". */
Datum
lights_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	Lights	   *l = lights_new();
	const char *detail;
	int			item;
	LightsParseResult r;

	r = lights_parse(str, l, &item, &detail);
	switch (r)
	{
		case LIGHTS_PARSE_OK:
			PG_RETURN_LIGHTS_P(l);
		case LIGHTS_PARSE_DUPLICATE:
			mc_invalid_text("lights", str,
							psprintf("The count \"%s\" is given more than once.",
									 lights_item_name(item)),
							LIGHTS_FORM_HINT);
			break;
		case LIGHTS_PARSE_MISSING:
			mc_invalid_text("lights", str,
							psprintf("The count \"%s\" is missing.", lights_item_name(item)),
							LIGHTS_FORM_HINT);
			break;
		case LIGHTS_PARSE_MISMATCH:
			mc_invalid_text("lights", str,
							psprintf("The green, red and unknown counts of %s do not add up to cases.",
									 lights_item_name(item)),
							"Every case has each condition green, red or unknown.");
			break;
		case LIGHTS_PARSE_RETURNABLE:
			mc_invalid_text("lights", str,
							psprintf("The returnable count is more than the green count of %s.",
									 lights_item_name(item)),
							"A returnable case has all five conditions green.");
			break;
		case LIGHTS_PARSE_RANGE:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("value out of range for type lights: \"%s\"", str),
					 errdetail("A count of %s is out of range.", lights_item_name(item)),
					 errhint("Counts are whole numbers from 0 to %lld.",
							 (long long) PG_INT64_MAX)));
			break;
		default:
			mc_invalid_text("lights", str, detail, LIGHTS_FORM_HINT);
	}
	PG_RETURN_NULL();			/* not reached */
}

PG_FUNCTION_INFO_V1(lights_out);
/* Text output: every count named, conditions in order, green/red/unknown. */
Datum
lights_out(PG_FUNCTION_ARGS)
{
	Lights	   *l = PG_GETARG_LIGHTS_P(0);
	char		buf[LIGHTS_TEXT_MAX];

	lights_format(l, buf);
	PG_RETURN_CSTRING(pstrdup(buf));
}

PG_FUNCTION_INFO_V1(lights_recv);
/* Binary input: seventeen big-endian int64 counts, checked as text input. */
Datum
lights_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	Lights	   *l = lights_new();
	int			item;
	int			n;
	int			k;

	mc_recv_check_length(buf, sizeof(Lights), "lights");
	l->cases = pq_getmsgint64(buf);
	l->returnable = pq_getmsgint64(buf);
	for (n = 0; n < MC_NUM_CONDITIONS; n++)
		for (k = 0; k < 3; k++)
			l->light[n][lights_codes[k]] = pq_getmsgint64(buf);

	switch (lights_check(l, &item))
	{
		case LIGHTS_PARSE_OK:
			break;
		case LIGHTS_PARSE_RANGE:
			mc_invalid_binary("lights",
							  psprintf("A count of %s is negative; counts are whole numbers from 0 to %lld.",
									   lights_item_name(item), (long long) PG_INT64_MAX));
			break;
		case LIGHTS_PARSE_MISMATCH:
			mc_invalid_binary("lights",
							  psprintf("The green, red and unknown counts of %s do not add up to cases.",
									   lights_item_name(item)));
			break;
		default:
			mc_invalid_binary("lights",
							  psprintf("The returnable count is more than the green count of %s.",
									   lights_item_name(item)));
	}
	PG_RETURN_LIGHTS_P(l);
}

PG_FUNCTION_INFO_V1(lights_send);
/* Binary output: seventeen big-endian int64 counts. */
Datum
lights_send(PG_FUNCTION_ARGS)
{
	Lights	   *l = PG_GETARG_LIGHTS_P(0);
	StringInfoData buf;
	int			n;
	int			k;

	pq_begintypsend(&buf);
	pq_sendint64(&buf, l->cases);
	pq_sendint64(&buf, l->returnable);
	for (n = 0; n < MC_NUM_CONDITIONS; n++)
		for (k = 0; k < 3; k++)
			pq_sendint64(&buf, l->light[n][lights_codes[k]]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(lights_eq);
/* Equal when every count is equal. */
Datum
lights_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(memcmp(PG_GETARG_LIGHTS_P(0), PG_GETARG_LIGHTS_P(1), sizeof(Lights)) == 0);
}

PG_FUNCTION_INFO_V1(lights_ne);
/* Not equal when some count differs. */
Datum
lights_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(memcmp(PG_GETARG_LIGHTS_P(0), PG_GETARG_LIGHTS_P(1), sizeof(Lights)) != 0);
}

PG_FUNCTION_INFO_V1(lights_hash);
/* hash support: the hash of the 136 bytes, equal for equal values. */
Datum
lights_hash(PG_FUNCTION_ARGS)
{
	return hash_any((const unsigned char *) PG_GETARG_LIGHTS_P(0), sizeof(Lights));
}

PG_FUNCTION_INFO_V1(lights_hash_extended);
/* hash support with a seed. */
Datum
lights_hash_extended(PG_FUNCTION_ARGS)
{
	return hash_any_extended((const unsigned char *) PG_GETARG_LIGHTS_P(0), sizeof(Lights),
							 PG_GETARG_INT64(1));
}

PG_FUNCTION_INFO_V1(lights_add);
/* a + b: the counts added one by one. */
Datum
lights_add(PG_FUNCTION_ARGS)
{
	Lights	   *l = lights_copy(PG_GETARG_LIGHTS_P(0));

	lights_add_into(l, PG_GETARG_LIGHTS_P(1));
	PG_RETURN_LIGHTS_P(l);
}

PG_FUNCTION_INFO_V1(lights_cases);
/* cases(lights): the number of cases counted. */
Datum
lights_cases(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(PG_GETARG_LIGHTS_P(0)->cases);
}

PG_FUNCTION_INFO_V1(lights_returnable);
/* returnable_cases(lights): the cases with all five conditions green. */
Datum
lights_returnable(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(PG_GETARG_LIGHTS_P(0)->returnable);
}

/* The condition number of a name given as text, or 22023. */
static int
lights_condition_of_name(text *name)
{
	char	   *s = text_to_cstring(name);
	int			n = conditions_number_of_name(s, strlen(s));

	if (n == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown condition name: \"%s\"", s),
				 errhint(LIGHTS_NAME_HINT)));
	return n;
}

/*
 * green(l, n), red(l, n), unknown(l, n) with n a condition number (1..5),
 * and the same with n a condition name.
 */
#define LIGHTS_COUNT_ACCESSOR(fname, code) \
PG_FUNCTION_INFO_V1(fname##_number); \
Datum \
fname##_number(PG_FUNCTION_ARGS) \
{ \
	Lights	   *l = PG_GETARG_LIGHTS_P(0); \
	int32		n = PG_GETARG_INT32(1); \
	conditions_check_number(n); \
	PG_RETURN_INT64(l->light[n - 1][(code)]); \
} \
PG_FUNCTION_INFO_V1(fname##_name); \
Datum \
fname##_name(PG_FUNCTION_ARGS) \
{ \
	Lights	   *l = PG_GETARG_LIGHTS_P(0); \
	int			n = lights_condition_of_name(PG_GETARG_TEXT_PP(1)); \
	PG_RETURN_INT64(l->light[n - 1][(code)]); \
}

LIGHTS_COUNT_ACCESSOR(lights_green, MC_LIGHT_GREEN)
LIGHTS_COUNT_ACCESSOR(lights_red, MC_LIGHT_RED)
LIGHTS_COUNT_ACCESSOR(lights_unknown, MC_LIGHT_UNKNOWN)

PG_FUNCTION_INFO_V1(lights_count_conditions);
/*
 * Transition function of light_counts(conditions): counts one case.
 * Strict, so NULL conditions are not counted (as count(x) skips NULLs).
 * Inside an aggregate the state is ours and is updated in place.
 */
Datum
lights_count_conditions(PG_FUNCTION_ARGS)
{
	Lights	   *l = PG_GETARG_LIGHTS_P(0);
	Conditions	c = PG_GETARG_CONDITIONS(1);
	int			n;

	if (!AggCheckCallContext(fcinfo, NULL))
		l = lights_copy(l);
	if (unlikely(!conditions_is_valid((uint16) c)))
		elog(ERROR, "invalid conditions value %d", (int) c);
	/* every other count is at most cases, so only cases can overflow */
	lights_add_count(&l->cases, 1, "cases");
	if (c == MC_CONDITIONS_ALL_GREEN)
		l->returnable++;
	for (n = 1; n <= MC_NUM_CONDITIONS; n++)
		l->light[n - 1][MC_CONDITIONS_LIGHT(c, n)]++;
	PG_RETURN_LIGHTS_P(l);
}

PG_FUNCTION_INFO_V1(lights_combine);
/*
 * Transition and combine function of sum(lights), combine function of
 * light_counts: adds the second value into the first.  Strict: the
 * aggregate machinery starts from the first non-NULL value (copied into the
 * aggregate's memory) and skips NULLs, and a worker that saw no rows simply
 * contributes nothing.
 */
Datum
lights_combine(PG_FUNCTION_ARGS)
{
	Lights	   *a = PG_GETARG_LIGHTS_P(0);
	Lights	   *b = PG_GETARG_LIGHTS_P(1);

	if (!AggCheckCallContext(fcinfo, NULL))
		a = lights_copy(a);
	lights_add_into(a, b);
	PG_RETURN_LIGHTS_P(a);
}
