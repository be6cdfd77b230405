/*
 * migchain.h
 *		Shared declarations of the migchain extension.
 *
 * The on-disk and in-memory representations of the types live here, so the
 * aggregates can index dense counters by the values' ordinals.  The parsers
 * that know nothing of PostgreSQL have their own headers (*_parse.h).
 */
#ifndef MIGCHAIN_H
#define MIGCHAIN_H

#include "postgres.h"
#include "fmgr.h"

/* Languages of text output (the setting migchain.language). */
typedef enum MigchainLanguage
{
	MIGCHAIN_LANG_NL = 0,
	MIGCHAIN_LANG_EN = 1
} MigchainLanguage;

extern int	migchain_language;

/*
 * request_kind: 1 byte, pass by value.  Ordinals are dense from 0 so that
 * aggregates can index counters by them.
 */
typedef uint8 RequestKind;

#define MC_KIND_LP			0	/* laissez-passer */
#define MC_KIND_TO			1	/* terugname en overname (readmission) */
#define MC_NUM_KINDS		2

#define DatumGetRequestKind(d)	((RequestKind) DatumGetUInt8(d))
#define RequestKindGetDatum(k)	UInt8GetDatum(k)
#define PG_GETARG_REQUEST_KIND(n)	DatumGetRequestKind(PG_GETARG_DATUM(n))
#define PG_RETURN_REQUEST_KIND(k)	return RequestKindGetDatum(k)

/*
 * answer: 1 byte, pass by value, ordered pending < positive < negative <
 * withdrawn.  Ordinals are dense from 0.
 */
typedef uint8 Answer;

#define MC_ANSWER_PENDING	0	/* bekend gesteld, no answer yet */
#define MC_ANSWER_POSITIVE	1	/* nationality confirmed */
#define MC_ANSWER_NEGATIVE	2	/* nationality not confirmed */
#define MC_ANSWER_WITHDRAWN	3	/* ingetrokken (geen antwoord verkregen) */
#define MC_NUM_ANSWERS		4

#define DatumGetAnswer(d)	((Answer) DatumGetUInt8(d))
#define AnswerGetDatum(a)	UInt8GetDatum(a)
#define PG_GETARG_ANSWER(n)	DatumGetAnswer(PG_GETARG_DATUM(n))
#define PG_RETURN_ANSWER(a)	return AnswerGetDatum(a)

/*
 * country: 2 bytes, pass by value.  The stored code is stable across
 * versions of the iso-codes data (it does not depend on the position of a
 * country in the generated table); MC_COUNTRY_CODE_MAX bounds it so
 * aggregates can index dense counters by it.  0 is never a valid code.
 */
typedef int16 Country;

#define MC_COUNTRY_CODE_MAX	1023

#define DatumGetCountry(d)	((Country) DatumGetInt16(d))
#define CountryGetDatum(c)	Int16GetDatum(c)
#define PG_GETARG_COUNTRY(n)	DatumGetCountry(PG_GETARG_DATUM(n))
#define PG_RETURN_COUNTRY(c)	return CountryGetDatum(c)

/*
 * conditions: 2 bytes, pass by value; the five traffic lights, two bits
 * each (see conditions_parse.h for the layout).
 */
typedef int16 Conditions;

#define DatumGetConditions(d)	((Conditions) DatumGetInt16(d))
#define ConditionsGetDatum(c)	Int16GetDatum(c)
#define PG_GETARG_CONDITIONS(n)	DatumGetConditions(PG_GETARG_DATUM(n))
#define PG_RETURN_CONDITIONS(c)	return ConditionsGetDatum(c)

/*
 * tally: counts of requests per answer category, 32 bytes, passed by
 * reference.  Indexed by the answer ordinals above.
 */
typedef struct Tally
{
	int64		count[MC_NUM_ANSWERS];
} Tally;

#define DatumGetTallyP(d)	((Tally *) DatumGetPointer(d))
#define TallyPGetDatum(t)	PointerGetDatum(t)
#define PG_GETARG_TALLY_P(n)	DatumGetTallyP(PG_GETARG_DATUM(n))
#define PG_RETURN_TALLY_P(t)	return TallyPGetDatum(t)

/*
 * The comparison operators (prefix_lt ... prefix_gt), btree comparison
 * (prefix_cmp) and hash support (prefix_hash, prefix_hash_extended) of a
 * type stored as a small non-negative integer, read with getarg.  All work
 * on the stored value, so the order is the values' order and equal values
 * hash alike.  The file that uses it includes common/hashfn.h.
 *
 * Since 0.2.0 the SQL functions run PostgreSQL's own functions of "char"
 * (request_kind, answer) and int2 (country, conditions), which give the same
 * results and hash values for every value of the types (the regression test
 * support_functions compares them), except prefix_cmp of answer, country
 * and conditions: btcharcmp and btint2cmp return the difference of the two
 * values, not -1, 0 or 1.  The other symbols stay because the install
 * script of the released 0.1.0 (sql/migchain--0.1.0.sql) names them, and so
 * does every database that has not been updated.
 */
#define MC_INTEGER_TYPE_SUPPORT(prefix, getarg) \
	MC_INTEGER_TYPE_OPERATOR(prefix##_lt, getarg, <) \
	MC_INTEGER_TYPE_OPERATOR(prefix##_le, getarg, <=) \
	MC_INTEGER_TYPE_OPERATOR(prefix##_eq, getarg, ==) \
	MC_INTEGER_TYPE_OPERATOR(prefix##_ne, getarg, !=) \
	MC_INTEGER_TYPE_OPERATOR(prefix##_ge, getarg, >=) \
	MC_INTEGER_TYPE_OPERATOR(prefix##_gt, getarg, >) \
	PG_FUNCTION_INFO_V1(prefix##_cmp); \
	Datum \
	prefix##_cmp(PG_FUNCTION_ARGS) \
	{ \
		int32		a = (int32) getarg(0); \
		int32		b = (int32) getarg(1); \
		PG_RETURN_INT32((a > b) - (a < b)); \
	} \
	PG_FUNCTION_INFO_V1(prefix##_hash); \
	Datum \
	prefix##_hash(PG_FUNCTION_ARGS) \
	{ \
		return hash_uint32((uint32) getarg(0)); \
	} \
	PG_FUNCTION_INFO_V1(prefix##_hash_extended); \
	Datum \
	prefix##_hash_extended(PG_FUNCTION_ARGS) \
	{ \
		return hash_uint32_extended((uint32) getarg(0), PG_GETARG_INT64(1)); \
	}

#define MC_INTEGER_TYPE_OPERATOR(fname, getarg, op) \
	PG_FUNCTION_INFO_V1(fname); \
	Datum \
	fname(PG_FUNCTION_ARGS) \
	{ \
		PG_RETURN_BOOL(getarg(0) op getarg(1)); \
	}

#endif							/* MIGCHAIN_H */
