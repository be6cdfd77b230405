/*
 * period.c
 *		Periods of whole years, as the overviews take them: from_year to
 *		to_year inclusive, either end NULL for "open".
 */
#include "postgres.h"

#include "datatype/timestamp.h"
#include "fmgr.h"
#include "utils/date.h"
#include "utils/datetime.h"

#include "migchain.h"

#define PERIOD_MIN_YEAR 1950
#define PERIOD_MAX_YEAR 2199

/* Check one end of a period. */
static void
period_check_year(const char *what, int32 year)
{
	if (year < PERIOD_MIN_YEAR || year > PERIOD_MAX_YEAR)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s %d is out of range", what, year),
				 errhint("Years run from %d to %d; NULL leaves that end of the period open.",
						 PERIOD_MIN_YEAR, PERIOD_MAX_YEAR)));
}

/* Check both ends of a period; an open end comes back as -1. */
static void
period_check(FunctionCallInfo fcinfo, int32 *from, int32 *to)
{
	*from = PG_ARGISNULL(0) ? -1 : PG_GETARG_INT32(0);
	*to = PG_ARGISNULL(1) ? -1 : PG_GETARG_INT32(1);
	if (!PG_ARGISNULL(0))
		period_check_year("from_year", *from);
	if (!PG_ARGISNULL(1))
		period_check_year("to_year", *to);
	if (!PG_ARGISNULL(0) && !PG_ARGISNULL(1) && *from > *to)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("from_year %d is after to_year %d", *from, *to),
				 errhint("Give the period as from_year, to_year with from_year <= to_year.")));
}

PG_FUNCTION_INFO_V1(period_start);
/*
 * period_start(from_year, to_year): 1 January of from_year, or -infinity
 * when from_year is NULL.  Not strict: NULL means an open end.
 */
Datum
period_start(PG_FUNCTION_ARGS)
{
	int32		from,
				to;
	DateADT		d;

	period_check(fcinfo, &from, &to);
	if (PG_ARGISNULL(0))
		DATE_NOBEGIN(d);
	else
		d = date2j(from, 1, 1) - POSTGRES_EPOCH_JDATE;
	PG_RETURN_DATEADT(d);
}

PG_FUNCTION_INFO_V1(period_end);
/*
 * period_end(from_year, to_year): 1 January of the year after to_year (the
 * first day after the period), or infinity when to_year is NULL.  Not
 * strict: NULL means an open end.
 */
Datum
period_end(PG_FUNCTION_ARGS)
{
	int32		from,
				to;
	DateADT		d;

	period_check(fcinfo, &from, &to);
	if (PG_ARGISNULL(1))
		DATE_NOEND(d);
	else
		d = date2j(to + 1, 1, 1) - POSTGRES_EPOCH_JDATE;
	PG_RETURN_DATEADT(d);
}

PG_FUNCTION_INFO_V1(check_period);
/*
 * check_period(from_year, to_year): true, or an error for a period that is
 * not valid.  Not strict: NULL means an open end.
 */
Datum
check_period(PG_FUNCTION_ARGS)
{
	int32		from,
				to;

	period_check(fcinfo, &from, &to);
	PG_RETURN_BOOL(true);
}

/* The miss path of mc_year_of(): see migchain.h. */
int32
mc_year_of_uncached(MCYearCache *cache, int32 date)
{
	int			y,
				m,
				d;

	if (DATE_NOT_FINITE(date))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("request presented on an infinite date cannot be counted"),
				 errhint("Give the date the request was presented to the country.")));
	j2date(date + POSTGRES_EPOCH_JDATE, &y, &m, &d);
	if (y < MC_MIN_YEAR || y > MC_MAX_YEAR)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("request presented in year %d cannot be counted", y),
				 errhint("Requests are counted for the years %d to %d.",
						 MC_MIN_YEAR, MC_MAX_YEAR)));
	cache->lo = date2j(y, 1, 1) - POSTGRES_EPOCH_JDATE;
	cache->hi = date2j(y + 1, 1, 1) - POSTGRES_EPOCH_JDATE;
	cache->year = y;
	return y;
}
