/*
 * label_type.c
 *		Text input and output of the types whose values are labels in Dutch
 *		and English (see label_type.h), without PostgreSQL.
 */
#include "label_type.h"

/*
 * The ordinal of the value of type named by the len bytes at str (no NUL
 * needed), or -1 if they name none.  The text is normalised by
 * label_words() (case, accents, white space and the marks - _ / . ( ) do
 * not matter; "&", "and" and "en" are one word) and must then be exactly
 * one of the type's names.
 */
int
label_type_parse(const LabelType *type, const char *str, size_t len)
{
	char		words[LABEL_WORDS_MAX];
	int			n;

	n = label_words(str, len, words, sizeof(words));
	if (n <= 0)
		return -1;
	return label_lookup(type->names, type->num_names, words, (size_t) n);
}

/*
 * The output label of the value ordinal of type in a language, or NULL if
 * either is out of range.
 */
const char *
label_type_label(const LabelType *type, int ordinal, int language)
{
	if (ordinal < 0 || ordinal >= type->count ||
		language < 0 || language >= LABEL_NUM_LANGS)
		return NULL;
	return type->labels[language][ordinal];
}
