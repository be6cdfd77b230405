/*
 * lights_parse.h
 *		The counts of the type lights and their text form, in plain C (no
 *		PostgreSQL), so that the parser can be fuzzed and tested alone.
 *
 * A lights value counts cases by their conditions (conditions_parse.h):
 * how many cases, how many of them are returnable (all five lights green),
 * and per condition how many cases have it green, red and unknown.  So for
 * every condition green + red + unknown = cases, and returnable is at most
 * the green count of every condition; both are checked on input.
 *
 * The text form names every count:
 *
 *	cases=10, returnable=2, removable=8/1/1, country_cooperates=5/3/2,
 *	identity_established=6/0/4, available=9/1/0, person_cooperates=4/4/2
 *
 * each condition's counts written green/red/unknown.  Input takes the seven
 * items in any order, separated by commas, each exactly once, names in any
 * case, ASCII white space (text_chars.h) around every part, "=" or ":"
 * after a name; counts are decimal integers from 0 to INT64_MAX with an
 * optional sign ("+5"; "-0" is 0, any other "-" is out of range), as in
 * tally_parse.h.  Output is always the form above, in that order.
 */
#ifndef LIGHTS_PARSE_H
#define LIGHTS_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "conditions_parse.h"

/*
 * The counts; light[n - 1][code] counts the cases with condition n of the
 * light code (MC_LIGHT_UNKNOWN, MC_LIGHT_GREEN, MC_LIGHT_RED).
 */
typedef struct LightsCounts
{
	int64_t		cases;
	int64_t		returnable;
	int64_t		light[MC_NUM_CONDITIONS][3];
} LightsCounts;

/* The items of the text form: cases, returnable, then conditions 1..5. */
#define LIGHTS_ITEM_CASES		0
#define LIGHTS_ITEM_RETURNABLE	1
#define LIGHTS_ITEM_CONDITION(n)	(1 + (n))
#define LIGHTS_NITEMS			(2 + MC_NUM_CONDITIONS)

typedef enum LightsParseResult
{
	LIGHTS_PARSE_OK = 0,
	LIGHTS_PARSE_SYNTAX,		/* not of the form name=count, ... */
	LIGHTS_PARSE_UNKNOWN_NAME,	/* a name that is no item */
	LIGHTS_PARSE_DUPLICATE,		/* an item given twice */
	LIGHTS_PARSE_MISSING,		/* an item not given */
	LIGHTS_PARSE_RANGE,			/* a count below 0 or above INT64_MAX */
	LIGHTS_PARSE_MISMATCH,		/* green + red + unknown is not cases */
	LIGHTS_PARSE_RETURNABLE		/* returnable above a condition's green */
} LightsParseResult;

/*
 * Parse str into *counts.  On failure *item is the item concerned (for
 * SYNTAX and UNKNOWN_NAME, -1) and *detail a sentence for SYNTAX.
 */
extern LightsParseResult lights_parse(const char *str, LightsCounts *counts,
									  int *item, const char **detail);

/*
 * Check the counts as input does: none negative (RANGE), every condition's
 * counts adding up to cases (MISMATCH), returnable no more than any green
 * count (RETURNABLE); *item is the item concerned.
 */
extern LightsParseResult lights_check(const LightsCounts *counts, int *item);

/* The name of an item: "cases", "returnable" or a condition's name. */
extern const char *lights_item_name(int item);

/* Format counts into buf (at least LIGHTS_TEXT_MAX bytes); returns length. */
#define LIGHTS_TEXT_MAX 512
extern int	lights_format(const LightsCounts *counts, char *buf);

#endif							/* LIGHTS_PARSE_H */
