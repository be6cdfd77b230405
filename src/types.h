/*
 * types.h
 *		The on-disk and in-memory representations of migchain's fixed-size
 *		types, so the aggregates can index dense counters by the values'
 *		ordinals.  The parsers that know nothing of PostgreSQL have their
 *		own headers (*_parse.h); the cubes' representations are private to
 *		their files.
 */
#ifndef MIGCHAIN_TYPES_H
#define MIGCHAIN_TYPES_H

#include "postgres.h"
#include "fmgr.h"

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
 * case_outcome: how a return case ended, 1 byte, pass by value, ordered
 * independent < forced < unsupervised < residence_permit <
 * other_member_state < other.  Ordinals are dense from 0.
 */
typedef uint8 CaseOutcome;

#define MC_OUTCOME_INDEPENDENT			0	/* zelfstandig vertrek (aantoonbaar, onder toezicht) */
#define MC_OUTCOME_FORCED				1	/* gedwongen vertrek */
#define MC_OUTCOME_UNSUPERVISED			2	/* vertrek zonder toezicht (MOB) */
#define MC_OUTCOME_RESIDENCE_PERMIT		3	/* verblijfsvergunning verleend */
#define MC_OUTCOME_OTHER_MEMBER_STATE	4	/* overdracht aan andere lidstaat */
#define MC_OUTCOME_OTHER				5	/* overig */
#define MC_NUM_OUTCOMES					6

#define DatumGetCaseOutcome(d)	((CaseOutcome) DatumGetUInt8(d))
#define CaseOutcomeGetDatum(o)	UInt8GetDatum(o)
#define PG_GETARG_CASE_OUTCOME(n)	DatumGetCaseOutcome(PG_GETARG_DATUM(n))
#define PG_RETURN_CASE_OUTCOME(o)	return CaseOutcomeGetDatum(o)

/*
 * detention_exit: how an episode of immigration detention ended, 1 byte,
 * pass by value, ordered departure < balancing < court < maximum_term <
 * other.  Ordinals are dense from 0.
 */
typedef uint8 DetentionExit;

#define MC_EXIT_DEPARTURE		0	/* vertrek */
#define MC_EXIT_BALANCING		1	/* opgeheven na belangenafweging */
#define MC_EXIT_COURT			2	/* opgeheven door de rechter */
#define MC_EXIT_MAXIMUM_TERM	3	/* maximale termijn bereikt */
#define MC_EXIT_OTHER			4	/* overig */
#define MC_NUM_EXITS			5

#define DatumGetDetentionExit(d)	((DetentionExit) DatumGetUInt8(d))
#define DetentionExitGetDatum(e)	UInt8GetDatum(e)
#define PG_GETARG_DETENTION_EXIT(n)	DatumGetDetentionExit(PG_GETARG_DATUM(n))
#define PG_RETURN_DETENTION_EXIT(e)	return DetentionExitGetDatum(e)

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

/* Raise 22023 unless n is a condition number, 1 to 5 (conditions.c). */
extern void conditions_check_number(int32 n);

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
 * lights: counts of cases per condition and light, 136 bytes of int64,
 * passed by reference; the layout is LightsCounts of lights_parse.h.
 */
#include "lights_parse.h"

typedef LightsCounts Lights;

#define DatumGetLightsP(d)	((Lights *) DatumGetPointer(d))
#define LightsPGetDatum(l)	PointerGetDatum(l)
#define PG_GETARG_LIGHTS_P(n)	DatumGetLightsP(PG_GETARG_DATUM(n))
#define PG_RETURN_LIGHTS_P(l)	return LightsPGetDatum(l)

/*
 * delays: a histogram of the days from presentation to answer, 2968
 * bytes, passed by reference; the layout is DelaysCounts of
 * delays_parse.h.
 */
#include "delays_parse.h"

typedef DelaysCounts Delays;

#define DatumGetDelaysP(d)	((Delays *) DatumGetPointer(d))
#define DelaysPGetDatum(x)	PointerGetDatum(x)
#define PG_GETARG_DELAYS_P(n)	DatumGetDelaysP(PG_GETARG_DATUM(n))
#define PG_RETURN_DELAYS_P(x)	return DelaysPGetDatum(x)

#endif							/* MIGCHAIN_TYPES_H */
