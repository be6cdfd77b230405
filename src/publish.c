/*
 * publish.c
 *		Disclosure control of published figures: rounding to a base, and the
 *		secondary suppression of a block of the workbook (suppression.c).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/lsyscache.h"

#include "utils/builtins.h"

#include "language.h"
#include "suppression.h"

/* The largest count of a block: sums over every country cannot overflow. */
#define PUBLISH_MAX_COUNT INT64CONST(1000000000000000)
/* The most countries of a block: the country type has fewer than 300. */
#define PUBLISH_MAX_COUNTRIES 1000

/* Let a cancel or terminate request stop secondary suppression. */
static void
publish_interrupt_check(void)
{
	CHECK_FOR_INTERRUPTS();
}

/* Refuse a rounding base below 1, naming the value. */
static void
publish_check_base(int32 base)
{
	if (base < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("rounding base must be at least 1: %d", base),
				 errhint("Publish with base 10 (tens, the default), 5 (fives) or 1 (no rounding).")));
}

/* Refuse a suppression threshold below 0, naming the value. */
static void
publish_check_threshold(int32 threshold)
{
	if (threshold < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("suppression threshold must be at least 0: %d", threshold),
				 errhint("Counts below the threshold are hidden: 5 (the default) hides 1 to 4, 0 hides nothing.")));
}

/* Round a count to the nearest multiple of base, halves up. */
static int64
publish_round(int64 count, int32 base)
{
	int64		q = (count + base / 2) / base;

	return q * base;
}

PG_FUNCTION_INFO_V1(round_count);
/* round_count(count, base): count to the nearest multiple of base, halves up. */
Datum
round_count(PG_FUNCTION_ARGS)
{
	int64		count = PG_GETARG_INT64(0);
	int32		base = PG_GETARG_INT32(1);

	publish_check_base(base);
	if (count < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a count to publish cannot be negative: %lld", (long long) count),
				 errhint("round_count() rounds counts of requests, persons or cases, which are 0 or more.")));
	if (count > PG_INT64_MAX - base)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("count out of range for rounding to %d: %lld", base, (long long) count)));
	PG_RETURN_INT64(publish_round(count, base));
}

PG_FUNCTION_INFO_V1(check_publication);
/* check_publication(base, threshold): true, or an error naming the value. */
Datum
check_publication(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("rounding base must not be NULL"),
				 errhint("Publish with base 10 (tens, the default), 5 (fives) or 1 (no rounding).")));
	if (PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("suppression threshold must not be NULL"),
				 errhint("Counts below the threshold are hidden: 5 (the default) hides 1 to 4, 0 hides nothing.")));
	publish_check_base(PG_GETARG_INT32(0));
	publish_check_threshold(PG_GETARG_INT32(1));
	PG_RETURN_BOOL(true);
}

/* The int8 values of a one-dimensional array without NULLs, and how many. */
static int64 *
publish_counts(ArrayType *a, const char *what, int *count)
{
	Datum	   *elems;
	bool	   *nulls;
	int64	   *values;
	int			i;

	if (ARR_NDIM(a) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the %s counts of a block must be a one-dimensional array", what)));
	deconstruct_array(a, INT8OID, sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE,
					  &elems, &nulls, count);
	values = palloc(sizeof(int64) * Max(*count, 1));
	for (i = 0; i < *count; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("the %s counts of a block must not contain NULL (element %d)", what, i + 1)));
		values[i] = DatumGetInt64(elems[i]);
		if (values[i] < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("a %s count cannot be negative: %lld (element %d)",
							what, (long long) values[i], i + 1)));
	}
	return values;
}

/* Refuse a single count below 0, naming it. */
static void
publish_check_count(int64 value, const char *what)
{
	if (value < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a %s count cannot be negative: %lld", what, (long long) value)));
}

PG_FUNCTION_INFO_V1(suppress_block_masks);
/*
 * suppress_block(negative[], withdrawn[], presented[], positive, pending,
 * base, threshold): which cells of a block to hide (see suppression.h), as
 * one mask per country row (1 negative, 2 withdrawn, 4 not confirmed,
 * 8 presented) and a last one for the totals and the first sheet
 * (1 negative, 2 withdrawn, 4 not confirmed, 8 presented, 16 positive,
 * 32 pending).
 */
Datum
suppress_block_masks(PG_FUNCTION_ARGS)
{
	int			mn,
				mw,
				mp,
				i;
	int64	   *n = publish_counts(PG_GETARG_ARRAYTYPE_P(0), "negative", &mn);
	int64	   *w = publish_counts(PG_GETARG_ARRAYTYPE_P(1), "withdrawn", &mw);
	int64	   *p = publish_counts(PG_GETARG_ARRAYTYPE_P(2), "presented", &mp);
	int64		positive = PG_GETARG_INT64(3);
	int64		pending = PG_GETARG_INT64(4);
	int32		base = PG_GETARG_INT32(5);
	int32		threshold = PG_GETARG_INT32(6);
	uint8_t    *row_mask;
	uint8_t		total_mask;
	Datum	   *out;

	publish_check_base(base);
	publish_check_threshold(threshold);
	publish_check_count(positive, "positive");
	publish_check_count(pending, "pending");
	if (mn != mw || mn != mp)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the negative, withdrawn and presented counts of a block must have one element per country: %d, %d and %d",
						mn, mw, mp)));
	if (mn > PUBLISH_MAX_COUNTRIES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("a block can have at most %d countries, not %d", PUBLISH_MAX_COUNTRIES, mn),
				 errhint("A block is one year and kind of the workbook, with a row per country of origin.")));
	for (i = 0; i < mn; i++)
	{
		if (n[i] > PUBLISH_MAX_COUNT || w[i] > PUBLISH_MAX_COUNT || p[i] > PUBLISH_MAX_COUNT)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("the counts of country %d of a block are out of range", i + 1)));
		if (n[i] + w[i] > p[i])
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("country %d of a block has more not confirmed requests than presented: %lld + %lld > %lld",
							i + 1, (long long) n[i], (long long) w[i], (long long) p[i])));
	}
	row_mask = palloc(Max(mn, 1));
	(void) suppress_block(mn, n, w, p, positive, pending, base, threshold,
						  palloc(suppress_block_work_size(mn)), publish_interrupt_check,
						  row_mask, &total_mask);
	out = palloc(sizeof(Datum) * (mn + 1));
	for (i = 0; i < mn; i++)
		out[i] = Int32GetDatum(row_mask[i]);
	out[mn] = Int32GetDatum(total_mask);
	PG_RETURN_ARRAYTYPE_P(construct_array(out, mn + 1, INT4OID, sizeof(int32), true, TYPALIGN_INT));
}

PG_FUNCTION_INFO_V1(output_language);
/*
 * output_language(): the language of migchain.language, 'nl' or 'en', for
 * SQL that picks a text by it (and an error for a setting that is not a
 * language, as every output that follows the setting gives).
 */
Datum
output_language(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(mc_language() == MIGCHAIN_LANG_EN ? "en" : "nl"));
}
