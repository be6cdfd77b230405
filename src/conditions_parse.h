/*
 * conditions_parse.h
 *		The layout of the type conditions, and its text parser and formatter,
 *		which know nothing of PostgreSQL (so they can be fuzzed alone).
 *
 * A conditions value holds the five traffic lights that must all be green
 * before a return can happen, numbered in the order of the source text:
 *
 *	1 removable				the person is legally removable
 *							(juridisch verwijderbaar)
 *	2 country_cooperates	the country of origin cooperates
 *							(het land van herkomst werkt mee)
 *	3 identity_established	identity and nationality are established
 *							(de identiteit staat vast)
 *	4 available				the person is available (beschikbaar)
 *	5 person_cooperates		the person cooperates (de vreemdeling werkt mee)
 *
 * Each light is a 2-bit code:
 *
 *	0 unknown, 1 green, 2 red; the code 3 is invalid.
 *
 * Condition n occupies bits 2*(5-n) and 2*(5-n)+1, so condition 1 is the most
 * significant pair (bits 8-9) and condition 5 the least (bits 0-1).  Only the
 * low 10 bits are used; a value with any higher bit set, or with the code 3
 * in any pair, is invalid.  Valid values are therefore 0 ("?????") to 0x2AA
 * (682, "RRRRR"); "GGGGG" is 0x155 (341).
 *
 * Order: comparing the integers compares condition 1 first, then 2, and so
 * on, each as unknown < green < red.  Because '?' < 'G' < 'R' in ASCII, this
 * is exactly the byte order of the text forms: a < b if and only if
 * a::text < b::text COLLATE "C".
 *
 * The text form is five characters, one per light in condition order:
 * G (green), R (red), ? (unknown).  Input also accepts g, r, and U or u for
 * unknown (a letter for places where '?' is a parameter marker), with
 * optional ASCII white space (text_chars.h) before and after, and nothing
 * else.
 */
#ifndef CONDITIONS_PARSE_H
#define CONDITIONS_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MC_NUM_CONDITIONS		5

#define MC_LIGHT_UNKNOWN		0
#define MC_LIGHT_GREEN			1
#define MC_LIGHT_RED			2

#define MC_CONDITIONS_BITS		(2 * MC_NUM_CONDITIONS)
#define MC_CONDITIONS_MASK		((1 << MC_CONDITIONS_BITS) - 1)	/* 0x3FF */
#define MC_CONDITIONS_ALL_GREEN	0x155	/* "GGGGG" */
#define MC_CONDITIONS_MAX		0x2AA	/* "RRRRR" */

/* Length of the text form, without the terminating NUL. */
#define MC_CONDITIONS_TEXT_LEN	MC_NUM_CONDITIONS

/* Position of the low bit of condition n (1..5). */
#define MC_CONDITIONS_SHIFT(n)	(2 * (MC_NUM_CONDITIONS - (n)))

/* The light of condition n (1..5) of a valid value c. */
#define MC_CONDITIONS_LIGHT(c, n) \
	((int) (((uint32_t) (uint16_t) (c) >> MC_CONDITIONS_SHIFT(n)) & 3))

/* c with condition n (1..5) set to the light l. */
#define MC_CONDITIONS_WITH(c, n, l) \
	((uint16_t) (((uint32_t) (uint16_t) (c) & ~(3u << MC_CONDITIONS_SHIFT(n))) | \
				 ((uint32_t) (l) << MC_CONDITIONS_SHIFT(n))))

/* Whether v is a valid conditions value: 10 bits, no pair holds 3. */
static inline bool
conditions_is_valid(uint32_t v)
{
	return (v & ~(uint32_t) MC_CONDITIONS_MASK) == 0 &&
		(v & (v >> 1) & 0x155) == 0;
}

/* What went wrong with a text form. */
typedef enum ConditionsParseStatus
{
	MC_CONDITIONS_OK = 0,
	MC_CONDITIONS_EMPTY,		/* nothing but whitespace */
	MC_CONDITIONS_TOO_FEW,		/* fewer than five lights, then the end */
	MC_CONDITIONS_NOT_A_LIGHT,	/* light number `lights + 1` is no light */
	MC_CONDITIONS_TOO_MANY,		/* a sixth light follows the fifth */
	MC_CONDITIONS_TRAILING		/* something else after the fifth light */
} ConditionsParseStatus;

typedef struct ConditionsParseResult
{
	ConditionsParseStatus status;
	uint16_t	value;			/* the value, when status is OK */
	int			lights;			/* lights read before the problem */
	size_t		offset;			/* byte offset of the offending byte */
} ConditionsParseResult;

/* Parse len bytes at str (NUL bytes are not lights). */
extern ConditionsParseResult conditions_parse(const char *str, size_t len);

/* Whether c is a light character accepted by the parser. */
extern bool conditions_is_light_char(char c);

/*
 * Write the text form of v into buf (MC_CONDITIONS_TEXT_LEN + 1 bytes,
 * NUL-terminated).  Returns false, writing nothing, if v is invalid.
 */
extern bool conditions_format(uint32_t v, char *buf);

/* The output character of a light code (0..2). */
extern char conditions_light_char(int light);

/*
 * Names of the conditions, condition n at index n - 1: removable,
 * country_cooperates, identity_established, available, person_cooperates.
 */
extern const char *const conditions_names[MC_NUM_CONDITIONS];

/*
 * The number (1..5) of the condition named by the len bytes at s, in any
 * case; 0 if they name none.
 */
extern int	conditions_number_of_name(const char *s, size_t len);

#endif							/* CONDITIONS_PARSE_H */
