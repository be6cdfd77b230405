/*
 * country_table.h
 *		The generated table of countries (country_table.c) and its layout.
 *		Plain C: no PostgreSQL headers, so the parser can be fuzzed alone.
 */
#ifndef COUNTRY_TABLE_H
#define COUNTRY_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Stored codes are below this (MC_COUNTRY_CODE_MAX + 1 in types.h). */
#define MC_COUNTRY_CODE_LIMIT	1024

/*
 * Letters U+00C0 up to (not including) U+0180 have a folding (for input) and
 * an ASCII transliteration (for names in encodings that lack them).
 */
#define MC_COUNTRY_FOLD_START	0xC0
#define MC_COUNTRY_FOLD_END		0x180

/* One country, current or former. */
typedef struct McCountry
{
	int16_t		code;			/* the stored value */
	const char *text;			/* text output: alpha-2, XXA, XXX or alpha-4 */
	const char *alpha2;			/* "" for XXA and XXX */
	const char *alpha3;
	const char *alpha4;			/* ISO 3166-3 code of a former country, else "" */
	int16_t		numeric;		/* ISO 3166 numeric code, -1 if none */
	bool		current;		/* false for the former countries of ISO 3166-3 */
	const char *withdrawn;		/* ISO 3166-3 withdrawal date, else "" */
	const char *name_en;		/* UTF-8 */
	const char *name_nl;		/* UTF-8 */
} McCountry;

/* One accepted spelling (folded, see country_parse.c) and what it means. */
typedef struct McCountryKey
{
	const char *key;
	int16_t		code;
	const char *label;			/* the name or code it was made from, UTF-8 */
	bool		name;			/* a name (accents fold), not only a code */
} McCountryKey;

extern const McCountry mc_countries[];
extern const int mc_num_countries;
extern const int16_t mc_country_index[MC_COUNTRY_CODE_LIMIT];
extern const McCountryKey mc_country_keys[];
extern const int mc_num_country_keys;
extern const char *const mc_country_fold[MC_COUNTRY_FOLD_END - MC_COUNTRY_FOLD_START];
extern const char *const mc_country_ascii[MC_COUNTRY_FOLD_END - MC_COUNTRY_FOLD_START];

#endif							/* COUNTRY_TABLE_H */
