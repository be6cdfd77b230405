/*
 * country_parse.h
 *		Reading country codes and names; plain C, no PostgreSQL.
 */
#ifndef COUNTRY_PARSE_H
#define COUNTRY_PARSE_H

#include "country_table.h"

/* Longest folded input that can match (the generator checks its keys). */
#define MC_COUNTRY_KEY_MAX	127

/*
 * What country_parse() returns for a code written with a letter other than A
 * to Z ("ÉL", "ß" for SS): accents are folded in names only.
 */
#define COUNTRY_NOT_ASCII_CODE	(-1)

/*
 * The stored code of the country that str (len bytes of UTF-8, not
 * necessarily NUL-terminated) names; 0 when it names none;
 * COUNTRY_NOT_ASCII_CODE when it would be a code but for a letter other than
 * A to Z.
 */
extern int	country_parse(const char *str, size_t len);

/* The country with this stored code, or NULL when the code is not in use. */
extern const McCountry *country_get(int code);

/*
 * For input that did not parse: the code of the one country whose code or
 * name is closest to it, with *label set to that country's name; -1 when the
 * closest is a name several countries share, with *label saying which (as
 * "\"KP\" (...) or \"KR\" (...)"); 0, *label NULL, when nothing is close or
 * two countries are equally close.
 */
extern int	country_suggest(const char *str, size_t len, const char **label);

#endif							/* COUNTRY_PARSE_H */
