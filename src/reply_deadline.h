/*
 * reply_deadline.h
 *		The reply deadlines of the countries' routes, read once per statement
 *		(see reply_deadline.c).
 */
#ifndef MIGCHAIN_REPLY_DEADLINE_H
#define MIGCHAIN_REPLY_DEADLINE_H

#include "postgres.h"
#include "fmgr.h"

#include "types.h"

/* A route that sets a reply deadline. */
typedef struct DeadlineRoute
{
	int32		valid_from;		/* DateADT, first day the route applies */
	int32		valid_to;		/* DateADT, first day it no longer applies (or +infinity) */
	int32		days;			/* the deadline, 1 to 366 */
	bool		working_days;	/* days are working days (else calendar days) */
	bool		tacit;			/* no answer by the deadline counts as acceptance */
} DeadlineRoute;

/* The routes with a deadline and the holidays, as one statement sees them. */
typedef struct DeadlineCache
{
	/* routes[first[i] .. first[i + 1]) are those of (country, kind) i, by valid_from */
	int32		first[(MC_COUNTRY_CODE_MAX + 1) * MC_NUM_KINDS + 1];
	DeadlineRoute *routes;
	/* holidays[hfirst[c] .. hfirst[c + 1]) are those of country c, in order */
	int32		hfirst[MC_COUNTRY_CODE_MAX + 2];
	int32	   *holidays;		/* DateADT */
} DeadlineCache;

/* What the deadline of one request is. */
typedef struct Deadline
{
	bool		has_deadline;	/* false: no route, or the route sets none */
	bool		tacit;
	int32		day;			/* DateADT, the last day an answer is in time */
} Deadline;

/*
 * The cache of the statement that fcinfo belongs to, loaded with SPI on the
 * first call (the tables of the schema of the function called).
 */
extern DeadlineCache *deadline_cache_get(FunctionCallInfo fcinfo);

/* The deadline of a request presented on a (finite) day. */
extern void deadline_of(const DeadlineCache *cache, Country country, RequestKind kind,
						int32 presented_on, Deadline *result);

#endif							/* MIGCHAIN_REPLY_DEADLINE_H */
