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
 * The stored code of the country that str (len bytes of UTF-8, not
 * necessarily NUL-terminated) names, or 0 when it names none.
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
