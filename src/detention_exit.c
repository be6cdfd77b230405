/*
 * detention_exit.c
 *		The type detention_exit: how an episode of immigration detention
 *		(vreemdelingenbewaring) ended, departure < balancing < court <
 *		maximum_term < other.
 *
 * One byte, passed by value, the ordinal of types.h; the binary form is
 * that byte.  The text forms are in detention_exit_parse.c and the
 * functions every label type has are made by label_type_fmgr.h: input in
 * Dutch or English, output (and the cast to text) in the language of
 * migchain.language, so STABLE; label() takes the language as an argument
 * and is IMMUTABLE.
 */
#include "postgres.h"

#include "fmgr.h"

#include "types.h"
#include "type_support.h"
#include "label_type_fmgr.h"
#include "detention_exit_parse.h"

StaticAssertDecl(MC_EXIT_DEPARTURE == DETENTION_EXIT_ORD_DEPARTURE &&
				 MC_EXIT_BALANCING == DETENTION_EXIT_ORD_BALANCING &&
				 MC_EXIT_COURT == DETENTION_EXIT_ORD_COURT &&
				 MC_EXIT_MAXIMUM_TERM == DETENTION_EXIT_ORD_MAXIMUM_TERM &&
				 MC_EXIT_OTHER == DETENTION_EXIT_ORD_OTHER &&
				 MC_NUM_EXITS == DETENTION_EXIT_NUM,
				 "detention_exit ordinals of types.h and detention_exit_parse.h differ");
StaticAssertDecl(DETENTION_EXIT_NUM <= LABEL_TYPE_MAX_VALUES, "too many detention exits");

/*
 * Text and binary input and output, the casts to and from text and
 * label(detention_exit, language).
 */
MC_LABEL_TYPE_FUNCTIONS(detention_exit, detention_exit_type)

PG_FUNCTION_INFO_V1(detention_exit_lifted);

/*
 * lifted(detention_exit): detention was lifted (after a balancing of
 * interests, by a court, or at the maximum term), not ended by departure.
 * False for other: the record does not say that it was lifted.
 */
Datum
detention_exit_lifted(PG_FUNCTION_ARGS)
{
	DetentionExit e = PG_GETARG_DETENTION_EXIT(0);

	PG_RETURN_BOOL(e == MC_EXIT_BALANCING || e == MC_EXIT_COURT ||
				   e == MC_EXIT_MAXIMUM_TERM);
}

/* Btree comparison, -1, 0 or 1; the operators and hashing are "char"'s. */
MC_INTEGER_TYPE_CMP(detention_exit, PG_GETARG_DETENTION_EXIT)
