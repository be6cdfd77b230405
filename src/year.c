/*
 * year.c
 *		The range of years migchain counts, the check of a period of years,
 *		and the year of a presentation date (see year.h).
 */
#include "postgres.h"

#include "datatype/timestamp.h"
#include "fmgr.h"
#include "utils/date.h"
#include "utils/datetime.h"

#include "year.h"

/*
 * Check a year given by the argument name, one end of a period (where NULL
 * leaves that end open, as the hint says) or a year by itself.
 */
static void
check_year(const char *name, int32 year, bool in_period)
{
	if (!mc_year_in_range(year))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s %d is out of range", name, year),
				 in_period ?
				 errhint("Years run from %d to %d; NULL leaves that end of the period open.",
						 MC_MIN_YEAR, MC_MAX_YEAR) :
				 errhint("Years run from %d to %d.", MC_MIN_YEAR, MC_MAX_YEAR)));
}

/* See year.h. */
void
mc_check_year(const char *name, int32 year)
{
	check_year(name, year, false);
}

/* See year.h. */
void
mc_check_years(const char *from_name, int32 from, bool from_null,
			   const char *to_name, int32 to, bool to_null)
{
	if (!from_null)
		check_year(from_name, from, true);
	if (!to_null)
		check_year(to_name, to, true);
	if (!from_null && !to_null && from > to)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s %d is after %s %d", from_name, from, to_name, to),
				 errhint("Give the period as %s, %s with %s <= %s.",
						 from_name, to_name, from_name, to_name)));
}

/* The miss path of mc_year_of(): see year.h. */
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
	if (!mc_year_in_range(y))
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

PG_FUNCTION_INFO_V1(year_in_range);
/*
 * year_in_range(date): whether the date is finite and in a year migchain
 * counts; the CHECK of request.presented_on.
 */
Datum
year_in_range(PG_FUNCTION_ARGS)
{
	DateADT		date = PG_GETARG_DATEADT(0);
	int			y,
				m,
				d;

	if (DATE_NOT_FINITE(date))
		PG_RETURN_BOOL(false);
	j2date(date + POSTGRES_EPOCH_JDATE, &y, &m, &d);
	PG_RETURN_BOOL(mc_year_in_range(y));
}
