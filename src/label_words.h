/*
 * label_words.h
 *		Normalise a label typed by a person to the words it consists of.
 *
 * Plain C, no PostgreSQL: the parsers of request_kind and answer use it, and
 * look the normalised words up in their tables of names with label_lookup();
 * they are fuzzed alone.
 */
#ifndef LABEL_WORDS_H
#define LABEL_WORDS_H

#include <stddef.h>

/* Room for the longest normalised form the parsers accept, and then some. */
#define LABEL_WORDS_MAX 64

extern int	label_words(const char *str, size_t len, char *out, size_t outsize);

/* A normalised name a parser accepts, and the ordinal it stands for. */
typedef struct LabelName
{
	const char *words;
	int			ordinal;
} LabelName;

extern int	label_lookup(const LabelName *names, size_t count,
						 const char *words, size_t len);

#endif							/* LABEL_WORDS_H */
