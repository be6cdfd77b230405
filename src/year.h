/*
 * year.h
 *		The years migchain counts requests for, and the year of a date.
 *
 * One range for everything that takes a year: the presentation dates the
 * table accepts (its CHECK calls year_in_range()), the years the aggregates
 * count, the ends of a period and the demo's years.
 */
#ifndef MIGCHAIN_YEAR_H
#define MIGCHAIN_YEAR_H

#include "postgres.h"

#define MC_MIN_YEAR			1950
#define MC_MAX_YEAR			2199
#define MC_NUM_YEARS		(MC_MAX_YEAR - MC_MIN_YEAR + 1)

/* Whether a year is in the range. */
static inline bool
mc_year_in_range(int32 year)
{
	return year >= MC_MIN_YEAR && year <= MC_MAX_YEAR;
}

/* Check a year given by the argument name: 22023 naming it when out of range. */
extern void mc_check_year(const char *name, int32 year);

/*
 * Check a period of whole years given by two named arguments (e.g.
 * from_year and to_year): each end in the range unless it is NULL (open),
 * and the first not after the last.  Raises 22023 naming the argument.
 */
extern void mc_check_years(const char *from_name, int32 from, bool from_null,
						   const char *to_name, int32 to, bool to_null);

/*
 * The year of a presentation date, with a cache for runs of dates in one
 * year: a hit costs two comparisons, a miss a calendar conversion.  Only
 * years in the range are cached, so a hit needs no range check; a miss
 * raises the error for an infinite date or a year out of the range.
 */
typedef struct MCYearCache
{
	int32		lo;				/* dates (DateADT) in [lo, hi) are in year */
	int32		hi;
	int32		year;
} MCYearCache;

#define MC_YEAR_CACHE_INIT(c)	((c)->lo = 1, (c)->hi = 0)	/* empty */

extern int32 mc_year_of_uncached(MCYearCache *cache, int32 date);

static inline int32
mc_year_of(MCYearCache *cache, int32 date)
{
	if (likely(date >= cache->lo && date < cache->hi))
		return cache->year;
	return mc_year_of_uncached(cache, date);
}

#endif							/* MIGCHAIN_YEAR_H */
