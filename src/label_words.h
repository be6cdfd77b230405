/*
 * label_words.h
 *		Normalise a label typed by a person to the words it consists of.
 *
 * Plain C, no PostgreSQL: the parsers of request_kind and answer use it and
 * are fuzzed alone.
 */
#ifndef LABEL_WORDS_H
#define LABEL_WORDS_H

#include <stddef.h>

/* Room for the longest normalised form the parsers accept, and then some. */
#define LABEL_WORDS_MAX 64

extern int	label_words(const char *str, size_t len, char *out, size_t outsize);

#endif							/* LABEL_WORDS_H */
