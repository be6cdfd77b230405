/*
 * case_outcome.c
 *		The type case_outcome: how a return case ended, independent <
 *		forced < unsupervised < residence_permit < other_member_state <
 *		other.
 *
 * One byte, passed by value, the ordinal of types.h; the binary form is
 * that byte.  The text forms are in case_outcome_parse.c and the functions
 * every label type has are made by label_type_fmgr.h: input in Dutch or
 * English, output (and the cast to text) in the language of
 * migchain.language, so STABLE; label() takes the language as an argument
 * and is IMMUTABLE.
 */
#include "postgres.h"

#include "fmgr.h"

#include "types.h"
#include "type_support.h"
#include "label_type_fmgr.h"
#include "case_outcome_parse.h"

StaticAssertDecl(MC_OUTCOME_INDEPENDENT == CASE_OUTCOME_ORD_INDEPENDENT &&
				 MC_OUTCOME_FORCED == CASE_OUTCOME_ORD_FORCED &&
				 MC_OUTCOME_UNSUPERVISED == CASE_OUTCOME_ORD_UNSUPERVISED &&
				 MC_OUTCOME_RESIDENCE_PERMIT == CASE_OUTCOME_ORD_RESIDENCE_PERMIT &&
				 MC_OUTCOME_OTHER_MEMBER_STATE == CASE_OUTCOME_ORD_OTHER_MEMBER_STATE &&
				 MC_OUTCOME_OTHER == CASE_OUTCOME_ORD_OTHER &&
				 MC_NUM_OUTCOMES == CASE_OUTCOME_NUM,
				 "case_outcome ordinals of types.h and case_outcome_parse.h differ");
StaticAssertDecl(CASE_OUTCOME_NUM <= LABEL_TYPE_MAX_VALUES, "too many case outcomes");

/*
 * Text and binary input and output, the casts to and from text and
 * label(case_outcome, language).
 */
MC_LABEL_TYPE_FUNCTIONS(case_outcome, case_outcome_type)

PG_FUNCTION_INFO_V1(case_outcome_demonstrable_departure);

/*
 * demonstrable_departure(case_outcome): independent or forced, the
 * "aantoonbaar vertrek" of the published figures.
 */
Datum
case_outcome_demonstrable_departure(PG_FUNCTION_ARGS)
{
	CaseOutcome o = PG_GETARG_CASE_OUTCOME(0);

	PG_RETURN_BOOL(o == MC_OUTCOME_INDEPENDENT || o == MC_OUTCOME_FORCED);
}

PG_FUNCTION_INFO_V1(case_outcome_departed);

/* departed(case_outcome): the person left, supervised or not. */
Datum
case_outcome_departed(PG_FUNCTION_ARGS)
{
	CaseOutcome o = PG_GETARG_CASE_OUTCOME(0);

	PG_RETURN_BOOL(o == MC_OUTCOME_INDEPENDENT || o == MC_OUTCOME_FORCED ||
				   o == MC_OUTCOME_UNSUPERVISED);
}

/* Btree comparison, -1, 0 or 1; the operators and hashing are "char"'s. */
MC_INTEGER_TYPE_CMP(case_outcome, PG_GETARG_CASE_OUTCOME)
