/*
 * delays_parse.h
 *		The counts of the type delays and their text form, in plain C (no
 *		PostgreSQL), so that the parser can be fuzzed and tested alone.
 *
 * A delays value is a histogram of the whole days from the presentation of
 * requests to their answers:
 *
 *	answered	requests answered positively or negatively;
 *	withdrawn	requests withdrawn (no answer obtained), counted apart;
 *	pending		requests without an answer yet, counted apart;
 *	day[d]		answered requests whose answer came d days after the
 *				presentation, for d = 0 .. DELAYS_EXACT_DAYS - 1 (0 to 731:
 *				every answer within two calendar years, leap day included);
 *	beyond		answered requests whose answer came later than that, with
 *	beyond_min, beyond_max	the exact least and greatest of their delays
 *				(0 and 0 when beyond is 0).
 *
 * So answered = day[0] + ... + day[731] + beyond; that, the bounds of the
 * beyond region (beyond_min > 731, beyond_min <= beyond_max, and equal when
 * beyond is 1) and no count negative are checked on input.
 *
 * The text form names every count; the day counts are the non-zero ones,
 * "day:count" in order of day, in braces; beyond_min and beyond_max are
 * written when beyond is not 0, and only then:
 *
 *	answered=13, withdrawn=3, pending=4, days={0:2, 5:7, 31:3}, beyond=1,
 *	beyond_min=800, beyond_max=800
 *
 * Input takes the items in any order, separated by commas, each exactly
 * once, names in any case, ASCII white space (text_chars.h) around every
 * part, "=" or ":" after a name; day counts in any order, each day once, a
 * count of 0 allowed.  Counts are decimal integers with an optional sign
 * ("+5"; "-0" is 0, any other "-" is out of range): answered, withdrawn,
 * pending and beyond from 0 to INT64_MAX, day counts and the beyond bounds
 * from 0 to INT32_MAX.  Output is always the form above, in that order.
 */
#ifndef DELAYS_PARSE_H
#define DELAYS_PARSE_H

#include <stddef.h>
#include <stdint.h>

/* Days counted exactly: 0 .. DELAYS_EXACT_DAYS - 1. */
#define DELAYS_EXACT_DAYS	732
#define DELAYS_LAST_EXACT_DAY	(DELAYS_EXACT_DAYS - 1)

/* The counts, laid out as stored (2968 bytes, no padding). */
typedef struct DelaysCounts
{
	int64_t		answered;
	int64_t		withdrawn;
	int64_t		pending;
	int64_t		beyond;
	int32_t		beyond_min;
	int32_t		beyond_max;
	int32_t		day[DELAYS_EXACT_DAYS];
} DelaysCounts;

/* The items of the text form. */
#define DELAYS_ITEM_ANSWERED	0
#define DELAYS_ITEM_WITHDRAWN	1
#define DELAYS_ITEM_PENDING		2
#define DELAYS_ITEM_DAYS		3
#define DELAYS_ITEM_BEYOND		4
#define DELAYS_ITEM_BEYOND_MIN	5
#define DELAYS_ITEM_BEYOND_MAX	6
#define DELAYS_NITEMS			7

typedef enum DelaysParseResult
{
	DELAYS_PARSE_OK = 0,
	DELAYS_PARSE_SYNTAX,		/* not of the form name=count, ... */
	DELAYS_PARSE_UNKNOWN_NAME,	/* a name that is no item */
	DELAYS_PARSE_DUPLICATE,		/* an item (or a day of days) given twice */
	DELAYS_PARSE_MISSING,		/* an item not given */
	DELAYS_PARSE_RANGE,			/* a count below 0 or above its maximum */
	DELAYS_PARSE_DAY_RANGE,		/* a day of days beyond 0 .. 731 */
	DELAYS_PARSE_MISMATCH,		/* answered is not the day counts + beyond */
	DELAYS_PARSE_BEYOND			/* beyond_min, beyond_max wrong for beyond */
} DelaysParseResult;

/*
 * Parse str into *counts.  On failure *item is the item concerned (-1 for
 * SYNTAX and UNKNOWN_NAME), *day the day concerned for a DUPLICATE or
 * DAY_RANGE day or a day count out of RANGE (else -1), and *detail a
 * sentence for SYNTAX, UNKNOWN_NAME and BEYOND.
 */
extern DelaysParseResult delays_parse(const char *str, DelaysCounts *counts,
									  int *item, int64_t *day, const char **detail);

/*
 * Check the counts as input does: none negative (RANGE, *day the day for a
 * day count), answered the sum of the day counts and beyond (MISMATCH),
 * the beyond bounds (BEYOND, with *detail).  *item is the item concerned.
 */
extern DelaysParseResult delays_check(const DelaysCounts *counts, int *item,
									  int64_t *day, const char **detail);

/* The name of an item: "answered", "withdrawn", ... */
extern const char *delays_item_name(int item);

/* Format counts into buf (at least DELAYS_TEXT_MAX bytes); returns length. */
#define DELAYS_TEXT_MAX 16384
extern int	delays_format(const DelaysCounts *counts, char *buf);

#endif							/* DELAYS_PARSE_H */
