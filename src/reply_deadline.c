/*
 * reply_deadline.c
 *		The last day on which a country's answer to a request is in time,
 *		under the route (migchain.country_route) valid on the day the request
 *		was presented: reply_deadline(country, kind, presented_on), and the
 *		cache of routes and holidays that it and cooperation_cube() share.
 *
 * Calendar days: the deadline is presented_on + n.  Working days: the days
 * after presented_on that are neither a Saturday, a Sunday nor a public
 * holiday of the requested country (migchain.holiday) are counted, starting
 * the day after presentation, and the n-th of them is the deadline: the day
 * of presentation never counts, even when it is a working day ("within n
 * working days" of receiving the request).  An answer on the deadline day
 * is in time.
 *
 * The routes that set a deadline and all holidays are read with SPI on the
 * first call of a statement (per parallel worker: each process calls its
 * own copy of the function) and kept in fn_extra, in the memory of the
 * function call's FmgrInfo: every later row costs a look-up in arrays.
 * They are read again when a later call may see other data (see
 * deadline_cache_get), as a PL/pgSQL expression evaluated again and again
 * in one transaction does.  Reading the tables makes the function STABLE:
 * within a statement it sees the routes and holidays of the statement's
 * snapshot.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"
#include "access/xact.h"
#include "storage/proc.h"

#include "reply_deadline.h"

#define DL_BUCKETS	((MC_COUNTRY_CODE_MAX + 1) * MC_NUM_KINDS)

/* Run a read-only query of the current SPI connection, all its rows. */
static void
deadline_query(const char *sql)
{
	int			rc = SPI_execute(sql, true, 0);

	if (rc != SPI_OK_SELECT)
		elog(ERROR, "reply deadline: query of the routes or holidays failed: %s",
			 SPI_result_code_string(rc));
}

/* A column of a row of SPI_tuptable that may not be NULL. */
static Datum
deadline_column(int row, int col)
{
	bool		isnull;
	Datum		d = SPI_getbinval(SPI_tuptable->vals[row], SPI_tuptable->tupdesc, col, &isnull);

	if (isnull)
		elog(ERROR, "reply deadline: unexpected NULL in column %d of the routes or holidays", col);
	return d;
}

/* Read the routes with a deadline and the holidays into a cache in mcxt. */
static DeadlineCache *
deadline_cache_load(Oid fn_oid, MemoryContext mcxt)
{
	DeadlineCache *cache = MemoryContextAllocZero(mcxt, sizeof(DeadlineCache));
	char	   *schema = get_namespace_name(get_func_namespace(fn_oid));
	const char *qschema;
	uint64		n,
				i;
	int32	   *fill;
	int			b;

	if (schema == NULL)
		elog(ERROR, "reply deadline: schema of function %u not found", fn_oid);
	qschema = quote_identifier(schema);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "reply deadline: SPI_connect failed");

	/* the routes that set a deadline, in order of valid_from */
	deadline_query(psprintf("SELECT r.country, r.kind, r.valid_from, "
							"coalesce(r.valid_to, 'infinity'::pg_catalog.date), "
							"r.reply_deadline, r.deadline_unit OPERATOR(pg_catalog.=) 'working_days'::pg_catalog.text, "
							"r.tacit_acceptance "
							"FROM %s.country_route r WHERE r.reply_deadline IS NOT NULL "
							"ORDER BY r.valid_from", qschema));
	n = SPI_processed;
	cache->routes = MemoryContextAllocZero(mcxt, sizeof(DeadlineRoute) * (n + 1));
	fill = palloc0(sizeof(int32) * (DL_BUCKETS + 1));
	/* counting sort into buckets of (country, kind), stable in valid_from */
	for (i = 0; i < n; i++)
	{
		Country		c = DatumGetCountry(deadline_column(i, 1));
		RequestKind k = DatumGetRequestKind(deadline_column(i, 2));

		if (c <= 0 || c > MC_COUNTRY_CODE_MAX || k >= MC_NUM_KINDS)
			elog(ERROR, "reply deadline: invalid route (country %d, kind %d)", (int) c, (int) k);
		cache->first[c * MC_NUM_KINDS + k + 1]++;
	}
	for (b = 0; b < DL_BUCKETS; b++)
		cache->first[b + 1] += cache->first[b];
	for (i = 0; i < n; i++)
	{
		int			bucket = DatumGetCountry(deadline_column(i, 1)) * MC_NUM_KINDS +
			DatumGetRequestKind(deadline_column(i, 2));
		DeadlineRoute *r = &cache->routes[cache->first[bucket] + fill[bucket]++];

		r->valid_from = DatumGetDateADT(deadline_column(i, 3));
		r->valid_to = DatumGetDateADT(deadline_column(i, 4));
		r->days = DatumGetInt32(deadline_column(i, 5));
		r->working_days = DatumGetBool(deadline_column(i, 6));
		r->tacit = DatumGetBool(deadline_column(i, 7));
	}
	pfree(fill);

	/* the holidays, in order of their day */
	deadline_query(psprintf("SELECT h.country, h.day FROM %s.holiday h ORDER BY h.day", qschema));
	n = SPI_processed;
	cache->holidays = MemoryContextAlloc(mcxt, sizeof(int32) * (n + 1));
	fill = palloc0(sizeof(int32) * (MC_COUNTRY_CODE_MAX + 2));
	for (i = 0; i < n; i++)
	{
		Country		c = DatumGetCountry(deadline_column(i, 1));

		if (c <= 0 || c > MC_COUNTRY_CODE_MAX)
			elog(ERROR, "reply deadline: invalid holiday (country %d)", (int) c);
		cache->hfirst[c + 1]++;
	}
	for (b = 0; b <= MC_COUNTRY_CODE_MAX; b++)
		cache->hfirst[b + 1] += cache->hfirst[b];
	for (i = 0; i < n; i++)
	{
		Country		c = DatumGetCountry(deadline_column(i, 1));

		cache->holidays[cache->hfirst[c] + fill[c]++] = DatumGetDateADT(deadline_column(i, 2));
	}
	pfree(fill);

	SPI_finish();
	return cache;
}

/*
 * What fn_extra holds: the cache, in a memory context of its own, and what
 * it was read under.  An FmgrInfo usually lives for one statement, but
 * PL/pgSQL keeps the one of a simple expression (x := reply_deadline(...))
 * for the whole transaction: so the cache is read again when the call
 * sees other data than when it was read, i.e. in another transaction,
 * after a change made by this one (another command id), or under a
 * snapshot taken after other transactions completed.
 */
typedef struct DeadlineSlot
{
	MemoryContext context;
	DeadlineCache *cache;
	LocalTransactionId lxid;
	CommandId	cid;
	uint64		completed;
} DeadlineSlot;

/* The cache for the call fcinfo, read when the data it sees may differ. */
DeadlineCache *
deadline_cache_get(FunctionCallInfo fcinfo)
{
	FmgrInfo   *flinfo = fcinfo->flinfo;
	DeadlineSlot *slot = (DeadlineSlot *) flinfo->fn_extra;
	Snapshot	snapshot = ActiveSnapshotSet() ? GetActiveSnapshot() : NULL;
	CommandId	cid = GetCurrentCommandId(false);
	uint64		completed = snapshot ? snapshot->snapXactCompletionCount : 0;

	if (slot == NULL)
	{
		slot = MemoryContextAllocZero(flinfo->fn_mcxt, sizeof(DeadlineSlot));
		flinfo->fn_extra = slot;
	}
	if (slot->cache == NULL || slot->lxid != MyProc->lxid || slot->cid != cid ||
		slot->completed != completed)
	{
		if (slot->context != NULL)
			MemoryContextDelete(slot->context);
		slot->cache = NULL;
		slot->context = AllocSetContextCreate(flinfo->fn_mcxt, "reply deadline cache",
											  ALLOCSET_SMALL_SIZES);
		slot->cache = deadline_cache_load(flinfo->fn_oid, slot->context);
		slot->lxid = MyProc->lxid;
		slot->cid = cid;
		slot->completed = completed;
	}
	return slot->cache;
}

/* The n-th working day of country after day (neither weekend nor holiday). */
static int32
deadline_working_days(const DeadlineCache *cache, Country country, int32 day, int32 n)
{
	const int32 *h = cache->holidays + cache->hfirst[country];
	const int32 *hend = cache->holidays + cache->hfirst[country + 1];
	int			dow = j2day(day + POSTGRES_EPOCH_JDATE);	/* 0 Sunday .. 6 Saturday */

	/* the first holiday after day (binary search) */
	while (h < hend)
	{
		const int32 *mid = h + (hend - h) / 2;

		if (*mid <= day)
			h = mid + 1;
		else
			hend = mid;
	}
	hend = cache->holidays + cache->hfirst[country + 1];

	while (n > 0)
	{
		day++;
		dow = dow == 6 ? 0 : dow + 1;
		while (h < hend && *h < day)
			h++;
		if (dow == 0 || dow == 6)
			continue;
		if (h < hend && *h == day)
			continue;
		n--;
	}
	return day;
}

/* The deadline of a request presented on a finite day. */
void
deadline_of(const DeadlineCache *cache, Country country, RequestKind kind,
			int32 presented_on, Deadline *result)
{
	int			bucket = country * MC_NUM_KINDS + kind;
	int32		lo = cache->first[bucket];
	int32		hi = cache->first[bucket + 1];
	const DeadlineRoute *r = NULL;

	result->has_deadline = false;
	result->tacit = false;
	result->day = 0;
	/* the last route that starts on or before the day */
	while (hi > lo)
	{
		const DeadlineRoute *cand = &cache->routes[hi - 1];

		if (cand->valid_from <= presented_on)
		{
			r = cand;
			break;
		}
		hi--;
	}
	if (r == NULL || presented_on >= r->valid_to)
		return;
	result->has_deadline = true;
	result->tacit = r->tacit;
	if (r->working_days)
		result->day = deadline_working_days(cache, country, presented_on, r->days);
	else
		result->day = presented_on + r->days;
	if (!IS_VALID_DATE(result->day))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("reply deadline of a request presented on %s is out of range",
						DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(presented_on)))),
				 errhint("Dates run to 5874897-12-31.")));
}

PG_FUNCTION_INFO_V1(reply_deadline);
/*
 * reply_deadline(country, kind, presented_on): the last day on which an
 * answer is in time, NULL when no route with a deadline applies.
 */
Datum
reply_deadline(PG_FUNCTION_ARGS)
{
	Country		country = PG_GETARG_COUNTRY(0);
	RequestKind kind = PG_GETARG_REQUEST_KIND(1);
	DateADT		presented_on = PG_GETARG_DATEADT(2);
	Deadline	dl;

	if (DATE_NOT_FINITE(presented_on))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("reply deadline of a request presented on an infinite date cannot be computed"),
				 errhint("Give the date the request was presented to the country.")));
	if (country <= 0 || country > MC_COUNTRY_CODE_MAX || kind >= MC_NUM_KINDS)
		elog(ERROR, "reply_deadline: invalid value (country %d, kind %d)", (int) country, (int) kind);
	deadline_of(deadline_cache_get(fcinfo), country, kind, presented_on, &dl);
	if (!dl.has_deadline)
		PG_RETURN_NULL();
	PG_RETURN_DATEADT(dl.day);
}
