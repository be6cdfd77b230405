/*
 * label_type.h
 *		The text forms of the types whose values are labels in Dutch and
 *		English (answer, case_outcome, detention_exit), without PostgreSQL.
 *
 * Such a type is a handful of values numbered 0 to count - 1 (the ordinal,
 * which is also its one-byte stored and binary form).  Its *_parse.c file
 * holds a LabelType: the names text input accepts, normalised as
 * label_words() writes them, and the output label of each value in each
 * language.  Parsing and labelling are the same for every such type and
 * live in label_type.c; the PostgreSQL functions are made for each type by
 * label_type_fmgr.h.  Plain C, so the parsers are fuzzed alone.
 */
#ifndef LABEL_TYPE_H
#define LABEL_TYPE_H

#include <stddef.h>

#include "label_words.h"

/* Languages of labels; type_io.c checks they agree with MIGCHAIN_LANG_* (language.h). */
#define LABEL_LANG_NL		0
#define LABEL_LANG_EN		1
#define LABEL_NUM_LANGS		2

/* The most values a label type may have (its ordinal is one byte). */
#define LABEL_TYPE_MAX_VALUES	16

typedef struct LabelType
{
	const char *typname;		/* the SQL name of the type, e.g. "answer" */
	const char *what;			/* one value, in English, e.g. "an answer" */
	int			count;			/* values: ordinals 0 to count - 1 */
	const LabelName *names;		/* what text input accepts, normalised */
	size_t		num_names;
	/* output labels: labels[language][ordinal] */
	const char *const *labels[LABEL_NUM_LANGS];
} LabelType;

extern int	label_type_parse(const LabelType *type, const char *str, size_t len);
extern const char *label_type_label(const LabelType *type, int ordinal, int language);

#endif							/* LABEL_TYPE_H */
