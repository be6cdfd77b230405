/*
 * text_chars.h
 *		The white space of the text forms, one definition for every parser.
 *
 * Plain C, no PostgreSQL: the parsers include it and are fuzzed alone.
 *
 * White space is the six ASCII characters space, tab, newline, vertical
 * tab, form feed and carriage return (C's isspace() in the "C" locale, and
 * never another locale's).  The parsers of names typed by people
 * (label_words.c for request_kind and answer, country_parse.c) read UTF-8
 * and also take the no-break space U+00A0 as white space, as text pasted
 * from documents and spreadsheets carries it; the parsers of the code-like
 * forms of conditions and tally read ASCII only.  The marks that separate
 * words but are not white space (- _ / . ( ) and others) are each parser's
 * own.
 */
#ifndef TEXT_CHARS_H
#define TEXT_CHARS_H

#include <stdbool.h>
#include <stddef.h>

/* Whether c is ASCII white space. */
static inline bool
mc_is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
		c == '\r';
}

/*
 * The length of the white space character at s (len bytes of UTF-8 are
 * left): 1 for ASCII white space, 2 for the no-break space U+00A0, 0 when
 * s does not start with white space.
 */
static inline size_t
mc_utf8_space_len(const unsigned char *s, size_t len)
{
	if (len >= 1 && mc_is_space(s[0]))
		return 1;
	if (len >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	return 0;
}

#endif							/* TEXT_CHARS_H */
