/*
 * answer_parse.c
 *		Text forms of the type answer, without PostgreSQL.
 *
 * A label is first normalised by label_words() (case, accents, white space
 * and the marks - _ / . ( ) do not matter; "&", "and" and "en" are one
 * word), then looked up in the list below (label_type.c): Dutch and English
 * labels, and the long forms of the source text.  Nothing else is accepted.
 *
 * Deliberately not accepted, because they do not name one answer:
 *	- "not confirmed" / "niet bevestigd": in the source text and the
 *	  published figures that is negative and withdrawn together;
 *	- "refused" / "geweigerd" / "weigering": refusal is not a category;
 *	- "presented" / "bekend stelling": every request is presented,
 *	  whatever its answer.
 * "No answer" / "geen antwoord (verkregen)" is withdrawn: that is the
 * source text's category for a request that got no answer (after 12
 * months it is recorded as unanswered and withdrawn); a request that is
 * still waiting is pending ("no answer yet" / "nog geen antwoord").
 */
#include "answer_parse.h"

static const LabelName answer_names[] = {
	/* pending */
	{"bekend gesteld", ANSWER_ORD_PENDING},
	{"bekendgesteld", ANSWER_ORD_PENDING},
	{"pending", ANSWER_ORD_PENDING},
	{"open", ANSWER_ORD_PENDING},
	{"lopend", ANSWER_ORD_PENDING},
	{"nog geen antwoord", ANSWER_ORD_PENDING},
	{"no answer yet", ANSWER_ORD_PENDING},
	/* positive */
	{"positief", ANSWER_ORD_POSITIVE},
	{"positief antwoord", ANSWER_ORD_POSITIVE},
	{"positief beantwoord", ANSWER_ORD_POSITIVE},
	{"bevestigd", ANSWER_ORD_POSITIVE},
	{"nationaliteit bevestigd", ANSWER_ORD_POSITIVE},
	{"positive", ANSWER_ORD_POSITIVE},
	{"positive answer", ANSWER_ORD_POSITIVE},
	{"confirmed", ANSWER_ORD_POSITIVE},
	{"nationality confirmed", ANSWER_ORD_POSITIVE},
	/* negative */
	{"negatief", ANSWER_ORD_NEGATIVE},
	{"negatief antwoord", ANSWER_ORD_NEGATIVE},
	{"negatief beantwoord", ANSWER_ORD_NEGATIVE},
	{"negative", ANSWER_ORD_NEGATIVE},
	{"negative answer", ANSWER_ORD_NEGATIVE},
	/* withdrawn */
	{"ingetrokken", ANSWER_ORD_WITHDRAWN},
	{"ingetrokken geen antwoord verkregen", ANSWER_ORD_WITHDRAWN},
	{"geen antwoord", ANSWER_ORD_WITHDRAWN},
	{"geen antwoord verkregen", ANSWER_ORD_WITHDRAWN},
	{"onbeantwoord", ANSWER_ORD_WITHDRAWN},
	{"withdrawn", ANSWER_ORD_WITHDRAWN},
	{"withdrawn no answer obtained", ANSWER_ORD_WITHDRAWN},
	{"no answer", ANSWER_ORD_WITHDRAWN},
	{"no answer obtained", ANSWER_ORD_WITHDRAWN},
	{"not answered", ANSWER_ORD_WITHDRAWN},
	{"unanswered", ANSWER_ORD_WITHDRAWN},
};

/* Output labels, by ordinal. */
static const char *const answer_labels_nl[ANSWER_NUM] = {
	"bekend gesteld", "positief", "negatief", "ingetrokken"
};
static const char *const answer_labels_en[ANSWER_NUM] = {
	"pending", "positive", "negative", "withdrawn"
};

const LabelType answer_type = {
	.typname = "answer",
	.what = "an answer",
	.count = ANSWER_NUM,
	.names = answer_names,
	.num_names = sizeof(answer_names) / sizeof(answer_names[0]),
	.labels = {
		[LABEL_LANG_NL] = answer_labels_nl,
		[LABEL_LANG_EN] = answer_labels_en,
	},
};

/*
 * The ordinal of the answer named by the len bytes at str (no NUL needed),
 * or -1 if they name none.
 */
int
answer_parse(const char *str, size_t len)
{
	return label_type_parse(&answer_type, str, len);
}

/*
 * The output label of an answer in a language, or NULL if either is out of
 * range.
 */
const char *
answer_label(int ordinal, int language)
{
	return label_type_label(&answer_type, ordinal, language);
}
