/*
 * delays.h
 *		The histogram of days to an answer (type delays, delays.c) as other
 *		aggregates use it: cooperation_cube keeps one per year, kind and
 *		country, so that its median and 90th percentile are those of
 *		percentile_days() on the same answers, exact where delays says they
 *		are (days 0 to 731, see delays_parse.h).
 */
#ifndef MIGCHAIN_DELAYS_H
#define MIGCHAIN_DELAYS_H

#include "types.h"

/* Count one answer days (>= 0) after its presentation; 22003 on overflow. */
extern void delays_count_delay(Delays *x, int64 days);

/* Add b into a; 22003 on overflow. */
extern void delays_add_into(Delays *a, const Delays *b);

/*
 * percentile_disc(f) (0 <= f <= 1) of x's answered delays into *result,
 * *exact false where it is beyond_max, an upper bound; false when nothing
 * was answered.
 */
extern bool delays_percentile_disc(const Delays *x, float8 f, int32 *result, bool *exact);

#endif							/* MIGCHAIN_DELAYS_H */
