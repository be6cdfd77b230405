/*
 * answer.c
 *		The type answer: the answer to an LP or T&O request, pending <
 *		positive < negative < withdrawn.
 *
 * One byte, passed by value, the ordinal of types.h.  The text forms are
 * in answer_parse.c; the functions every label type has are made by
 * label_type_fmgr.h.  Text input accepts Dutch and English and never looks
 * at a setting; text output (answer_out, the cast to text) follows the
 * setting migchain.language, as date output follows DateStyle, so those two
 * functions are STABLE; label() takes the language as an argument and is
 * IMMUTABLE.  The binary form is the ordinal, one byte.
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "fmgr.h"
#include "utils/builtins.h"

#include "types.h"
#include "type_support.h"
#include "label_type_fmgr.h"
#include "answer_parse.h"

StaticAssertDecl(MC_ANSWER_PENDING == ANSWER_ORD_PENDING &&
				 MC_ANSWER_POSITIVE == ANSWER_ORD_POSITIVE &&
				 MC_ANSWER_NEGATIVE == ANSWER_ORD_NEGATIVE &&
				 MC_ANSWER_WITHDRAWN == ANSWER_ORD_WITHDRAWN &&
				 MC_NUM_ANSWERS == ANSWER_NUM,
				 "answer ordinals of types.h and answer_parse.h differ");

/*
 * Text and binary input and output, the casts to and from text and
 * label(answer, language), as for every label type (label_type_fmgr.h).
 */
MC_LABEL_TYPE_FUNCTIONS(answer, answer_type)

PG_FUNCTION_INFO_V1(answer_label_text);

/*
 * label(text, language): the label of the answer a text names, in the
 * language given.  Since other types have a label() too, an untyped
 * literal (label('positief', 'en')) is no longer taken for an answer by
 * itself; this keeps reading it, and a text, as one, as 0.1.0 did.
 */
Datum
answer_label_text(PG_FUNCTION_ARGS)
{
	int			a = mc_label_type_input(&answer_type, text_to_cstring(PG_GETARG_TEXT_PP(0)));

	PG_RETURN_TEXT_P(cstring_to_text(mc_label_type_output(&answer_type, a,
														  mc_language_arg(PG_GETARG_TEXT_PP(1)))));
}

PG_FUNCTION_INFO_V1(answer_is_final);

/* is_final(answer): the request has been answered or withdrawn. */
Datum
answer_is_final(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_ANSWER(0) != MC_ANSWER_PENDING);
}

PG_FUNCTION_INFO_V1(answer_confirms_nationality);

/* confirms_nationality(answer): the answer is positive. */
Datum
answer_confirms_nationality(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_ANSWER(0) == MC_ANSWER_POSITIVE);
}

PG_FUNCTION_INFO_V1(answer_is_not_confirmed);

/* is_not_confirmed(answer): negative or withdrawn, as the figures count it. */
Datum
answer_is_not_confirmed(PG_FUNCTION_ARGS)
{
	Answer		a = PG_GETARG_ANSWER(0);

	PG_RETURN_BOOL(a == MC_ANSWER_NEGATIVE || a == MC_ANSWER_WITHDRAWN);
}

/*
 * Comparison and hashing, on the ordinal: the C functions 0.1.0 declared.
 * 0.2.0 declares "char"'s own instead but for answer_cmp (see types.h).
 */
MC_INTEGER_TYPE_SUPPORT(answer, PG_GETARG_ANSWER)
