/*
 * tally_parse.h
 *		Text form of the tally type, in plain C (no PostgreSQL), so that it
 *		can be fuzzed and tested alone.
 *
 * The text form lists the four counts by name, in any order, separated by
 * commas, with ASCII white space (text_chars.h) allowed around every part:
 * "pending=1, positive=2, negative=3, withdrawn=4".  Names are the
 * English ones or the Dutch ones (lopend, positief, negatief, ingetrokken),
 * case-insensitive; every name must appear exactly once; counts are
 * decimal integers from 0 to INT64_MAX, with an optional sign ("+5"; "-0"
 * is 0, and any other "-" is out of range).
 */
#ifndef TALLY_PARSE_H
#define TALLY_PARSE_H

#include <stddef.h>
#include <stdint.h>

#define TALLY_NCOUNTS 4

typedef enum TallyParseResult
{
	TALLY_PARSE_OK = 0,
	TALLY_PARSE_SYNTAX,			/* not of the form name=count, ... */
	TALLY_PARSE_UNKNOWN_NAME,	/* a name that is not a category */
	TALLY_PARSE_DUPLICATE,		/* a category given twice */
	TALLY_PARSE_MISSING,		/* a category not given */
	TALLY_PARSE_RANGE			/* a count out of range */
} TallyParseResult;

/* Parse str into counts[]; on failure, *detail names what is wrong. */
extern TallyParseResult tally_parse(const char *str, int64_t counts[TALLY_NCOUNTS],
									const char **detail);

/* English names of the categories, indexed like counts[]. */
extern const char *const tally_names[TALLY_NCOUNTS];

/* Format counts into buf (at least TALLY_TEXT_MAX bytes); returns length. */
#define TALLY_TEXT_MAX 128
extern int	tally_format(const int64_t counts[TALLY_NCOUNTS], char *buf);

#endif							/* TALLY_PARSE_H */
