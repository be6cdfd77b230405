/*
 * request_cube.h
 *		The dense counters of request_cube's aggregate, for other code that
 *		counts requests by (year presented, kind, country, answer): the
 *		rollup's triggers add each statement's changes into one.
 */
#ifndef MIGCHAIN_REQUEST_CUBE_H
#define MIGCHAIN_REQUEST_CUBE_H

#include "postgres.h"

#include "types.h"

typedef struct RequestCubeState RequestCubeState;

/* A new state without counters, in context. */
extern RequestCubeState *rcube_state_new(MemoryContext context);

/* Add n (may be negative) to a counter; the year must be in the range. */
extern void rcube_state_add(RequestCubeState *st, int32 year, int kind, int country,
							int answer, int64 n);

/* The next cell whose counts are not all zero, from *pos on (start at 0). */
extern bool rcube_state_next(RequestCubeState *st, int64 *pos, int32 *year, int *kind,
							 int *country, int64 counts[MC_NUM_ANSWERS]);

#endif							/* MIGCHAIN_REQUEST_CUBE_H */
