/*
 * answer.c
 *		The type answer: the answer to an LP or T&O request, pending <
 *		positive < negative < withdrawn.
 *
 * One byte, passed by value, the ordinal of types.h.  The text forms are
 * in answer_parse.c.  Text input accepts Dutch and English and never looks
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
#include "language.h"
#include "type_support.h"
#include "type_io.h"
#include "answer_parse.h"

StaticAssertDecl(MC_ANSWER_PENDING == ANSWER_ORD_PENDING &&
				 MC_ANSWER_POSITIVE == ANSWER_ORD_POSITIVE &&
				 MC_ANSWER_NEGATIVE == ANSWER_ORD_NEGATIVE &&
				 MC_ANSWER_WITHDRAWN == ANSWER_ORD_WITHDRAWN &&
				 MC_NUM_ANSWERS == ANSWER_NUM,
				 "answer ordinals of types.h and answer_parse.h differ");
StaticAssertDecl(MIGCHAIN_LANG_NL == ANSWER_LANG_NL &&
				 MIGCHAIN_LANG_EN == ANSWER_LANG_EN,
				 "languages of types.h and answer_parse.h differ");

#define ANSWER_HINT \
	"Valid values are \"pending\", \"positive\", \"negative\" and \"withdrawn\", " \
	"or in Dutch \"bekend gesteld\", \"positief\", \"negatief\" and \"ingetrokken\"."

/* The answer named by str (text input, the cast from text), or 22P02. */
static inline Answer
answer_from_cstring(const char *str)
{
	return (Answer) mc_label_input(str, answer_parse, "answer", ANSWER_HINT);
}

/* The label of an answer; a value outside the domain cannot happen. */
static const char *
answer_cstring(Answer a, int language)
{
	const char *label = answer_label(a, language);

	if (label == NULL)
		elog(ERROR, "invalid answer value %d or language %d",
			 (int) a, language);
	return label;
}

PG_FUNCTION_INFO_V1(answer_in);

/* Text input, in either language. */
Datum
answer_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);

	PG_RETURN_ANSWER(answer_from_cstring(str));
}

PG_FUNCTION_INFO_V1(answer_out);

/* Text output in the language of migchain.language. */
Datum
answer_out(PG_FUNCTION_ARGS)
{
	Answer		a = PG_GETARG_ANSWER(0);

	PG_RETURN_CSTRING(pstrdup(answer_cstring(a, mc_language())));
}

PG_FUNCTION_INFO_V1(answer_recv);

/* Binary input: exactly one byte, the ordinal. */
Datum
answer_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			a = mc_recv_ordinal(buf, "answer", MC_NUM_ANSWERS, "an answer",
									"0 (pending), 1 (positive), 2 (negative) and 3 (withdrawn)");

	PG_RETURN_ANSWER((Answer) a);
}

PG_FUNCTION_INFO_V1(answer_send);

/* Binary output: one byte, the ordinal. */
Datum
answer_send(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(mc_send_one_byte(PG_GETARG_ANSWER(0)));
}

PG_FUNCTION_INFO_V1(answer_from_text);

/* Cast from text, by the rules of text input. */
Datum
answer_from_text(PG_FUNCTION_ARGS)
{
	char	   *str = text_to_cstring(PG_GETARG_TEXT_PP(0));

	PG_RETURN_ANSWER(answer_from_cstring(str));
}

PG_FUNCTION_INFO_V1(answer_to_text);

/* Cast to text: the label in the language of migchain.language. */
Datum
answer_to_text(PG_FUNCTION_ARGS)
{
	Answer		a = PG_GETARG_ANSWER(0);

	PG_RETURN_TEXT_P(cstring_to_text(answer_cstring(a, mc_language())));
}

PG_FUNCTION_INFO_V1(answer_label_lang);

/* label(answer, language): the label in the language given, 'nl' or 'en'. */
Datum
answer_label_lang(PG_FUNCTION_ARGS)
{
	Answer		a = PG_GETARG_ANSWER(0);
	MigchainLanguage language = mc_language_arg(PG_GETARG_TEXT_PP(1));

	PG_RETURN_TEXT_P(cstring_to_text(answer_cstring(a, language)));
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
