/*
 * answer_parse.c
 *		Text forms of the type answer, without PostgreSQL.
 *
 * A label is first normalised by label_words() (case, accents, white space
 * and the marks - _ / . ( ) do not matter; "&", "and" and "en" are one
 * word), then looked up in the list below: Dutch and English labels, and
 * the long forms of the source text.  Nothing else is accepted.
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

#include "label_words.h"

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

/* Output labels, by language and ordinal. */
static const char *const answer_labels[ANSWER_NUM_LANGS][ANSWER_NUM] = {
	[ANSWER_LANG_NL] = {"bekend gesteld", "positief", "negatief", "ingetrokken"},
	[ANSWER_LANG_EN] = {"pending", "positive", "negative", "withdrawn"},
};

/*
 * The ordinal of the answer named by the len bytes at str (no NUL needed),
 * or -1 if they name none.
 */
int
answer_parse(const char *str, size_t len)
{
	char		words[LABEL_WORDS_MAX];
	int			n;

	n = label_words(str, len, words, sizeof(words));
	if (n <= 0)
		return -1;
	return label_lookup(answer_names, sizeof(answer_names) / sizeof(answer_names[0]),
						words, (size_t) n);
}

/*
 * The output label of an answer in a language, or NULL if either is out of
 * range.
 */
const char *
answer_label(int ordinal, int language)
{
	if (ordinal < 0 || ordinal >= ANSWER_NUM ||
		language < 0 || language >= ANSWER_NUM_LANGS)
		return NULL;
	return answer_labels[language][ordinal];
}
