/*
 * request_kind_parse.c
 *		Text forms of the type request_kind, without PostgreSQL.
 *
 * A label is first normalised by label_words() (case, accents, white space
 * and the marks - _ / . ( ) do not matter; "&", "and" and "en" are one
 * word).  It then names a kind, optionally followed by one word for
 * "request": aanvraag, verzoek or request.  The names are:
 *
 *	LP:  lp, l p (L.P., L/P), laissez passer, laissez passer lp (the source
 *	     text's "Laissez-passer (LP)");
 *	T&O: t & o, t o (T/O, T-O, T.O.), to, terugname, terugname & overname,
 *	     terug & overname ("terug- en overname"), terugname & overname t & o
 *	     (the source text's "Terugname & Overname (T&O)"), readmission.
 *
 * Nothing else is accepted: no prefixes, no guessing.
 */
#include "request_kind_parse.h"

#include <string.h>

#include "label_words.h"

static const LabelName kind_names[] = {
	{"lp", REQUEST_KIND_ORD_LP},
	{"l p", REQUEST_KIND_ORD_LP},
	{"laissez passer", REQUEST_KIND_ORD_LP},
	{"laissez passer lp", REQUEST_KIND_ORD_LP},
	{"t & o", REQUEST_KIND_ORD_TO},
	{"t o", REQUEST_KIND_ORD_TO},
	{"to", REQUEST_KIND_ORD_TO},
	{"terugname", REQUEST_KIND_ORD_TO},
	{"terugname & overname", REQUEST_KIND_ORD_TO},
	{"terug & overname", REQUEST_KIND_ORD_TO},
	{"terugname & overname t & o", REQUEST_KIND_ORD_TO},
	{"readmission", REQUEST_KIND_ORD_TO},
};

/* Words that may follow a name: "an LP request", "een T&O-verzoek". */
static const char *const request_words[] = {
	"aanvraag", "verzoek", "request"
};

/* Output labels, by ordinal: the same in every language. */
static const char *const kind_labels[REQUEST_KIND_NUM] = {
	"LP", "T&O"
};

/* The ordinal of the name made of the first n bytes of words, or -1. */
static int
request_kind_lookup(const char *words, size_t n)
{
	return label_lookup(kind_names, sizeof(kind_names) / sizeof(kind_names[0]),
						words, n);
}

/*
 * The ordinal of the request kind named by the len bytes at str (no NUL
 * needed), or -1 if they name none.
 */
int
request_kind_parse(const char *str, size_t len)
{
	char		words[LABEL_WORDS_MAX];
	int			n;
	int			ordinal;
	size_t		i;

	n = label_words(str, len, words, sizeof(words));
	if (n <= 0)
		return -1;
	ordinal = request_kind_lookup(words, (size_t) n);
	if (ordinal >= 0)
		return ordinal;

	/* A name and then a word for "request". */
	for (i = 0; i < sizeof(request_words) / sizeof(request_words[0]); i++)
	{
		size_t		wl = strlen(request_words[i]);

		if ((size_t) n > wl + 1 &&
			words[n - wl - 1] == ' ' &&
			memcmp(words + n - wl, request_words[i], wl) == 0)
			return request_kind_lookup(words, (size_t) n - wl - 1);
	}
	return -1;
}

/* The output label of a kind, or NULL if the ordinal is out of range. */
const char *
request_kind_label(int ordinal)
{
	if (ordinal < 0 || ordinal >= REQUEST_KIND_NUM)
		return NULL;
	return kind_labels[ordinal];
}
