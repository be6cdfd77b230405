/*
 * period.c
 *		Periods of whole years, as the overviews take them: from_year to
 *		to_year inclusive, either end NULL for "open"; and one year by itself,
 *		as has_process() takes it.
 */
#include "postgres.h"

#include "datatype/timestamp.h"
#include "fmgr.h"
#include "utils/date.h"
#include "utils/datetime.h"

#include "year.h"

/* Check both ends of the period given as the first two arguments. */
static void
period_check(FunctionCallInfo fcinfo)
{
	mc_check_years("from_year", PG_ARGISNULL(0) ? 0 : PG_GETARG_INT32(0), PG_ARGISNULL(0),
				   "to_year", PG_ARGISNULL(1) ? 0 : PG_GETARG_INT32(1), PG_ARGISNULL(1));
}

/* 1 January of a year. */
static DateADT
period_new_year(int32 year)
{
	return date2j(year, 1, 1) - POSTGRES_EPOCH_JDATE;
}

PG_FUNCTION_INFO_V1(period_start);
/*
 * period_start(from_year, to_year): 1 January of from_year, or -infinity
 * when from_year is NULL.  Not strict: NULL means an open end.
 */
Datum
period_start(PG_FUNCTION_ARGS)
{
	DateADT		d;

	period_check(fcinfo);
	if (PG_ARGISNULL(0))
		DATE_NOBEGIN(d);
	else
		d = period_new_year(PG_GETARG_INT32(0));
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
	DateADT		d;

	period_check(fcinfo);
	if (PG_ARGISNULL(1))
		DATE_NOEND(d);
	else
		d = period_new_year(PG_GETARG_INT32(1) + 1);
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
	period_check(fcinfo);
	PG_RETURN_BOOL(true);
}

PG_FUNCTION_INFO_V1(year_start);
/* year_start(year): 1 January of year, after checking it. */
Datum
year_start(PG_FUNCTION_ARGS)
{
	int32		year = PG_GETARG_INT32(0);

	mc_check_year("year", year);
	PG_RETURN_DATEADT(date2j(year, 1, 1) - POSTGRES_EPOCH_JDATE);
}

PG_FUNCTION_INFO_V1(year_end);
/* year_end(year): 1 January of the year after year, after checking it. */
Datum
year_end(PG_FUNCTION_ARGS)
{
	int32		year = PG_GETARG_INT32(0);

	mc_check_year("year", year);
	PG_RETURN_DATEADT(date2j(year + 1, 1, 1) - POSTGRES_EPOCH_JDATE);
}
