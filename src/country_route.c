/*
 * country_route.c
 *		The rule of migchain.country_route that the periods of one country
 *		and kind of request never overlap, at every isolation level.
 *
 * Two triggers keep it (see docs/data-model.md for why this way):
 *
 * country_route_lock() (trigger country_route_lock, BEFORE INSERT OR UPDATE
 * FOR EACH STATEMENT) makes the writers of routes take turns, before they
 * touch a row: it locks the table in SHARE UPDATE EXCLUSIVE mode, held until
 * the transaction ends.  That mode conflicts with itself, but not with the
 * modes that reading, writing and row locks take (ACCESS SHARE, ROW SHARE,
 * ROW EXCLUSIVE), which PostgreSQL grants a role on a table before it checks
 * the role's rights (a PREPAREd UPDATE holds ROW EXCLUSIVE without any
 * right on the table).  The commands that take the mode itself need rights
 * an analyst does not have: LOCK TABLE needs UPDATE, DELETE or TRUNCATE;
 * VACUUM, ANALYZE and REINDEX need the owner of the table or of the
 * database, CREATE INDEX CONCURRENTLY and ALTER TABLE the owner of the
 * table.  So only the writers of routes and the owners can make a writer of
 * routes wait.
 *
 * country_route_check_overlap() (constraint trigger country_route_no_overlap,
 * AFTER INSERT OR UPDATE FOR EACH ROW) takes the same lock, should the
 * statement trigger not have fired, and looks for a route that overlaps the
 * new or updated one with a snapshot taken after the lock was granted, not
 * with the transaction's: every other writer of routes has committed or
 * rolled back by then, so a REPEATABLE READ or SERIALIZABLE transaction
 * whose own snapshot is older still finds the routes added meanwhile, as a
 * READ COMMITTED statement that waited for the lock does.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "storage/lmgr.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

/* The columns the check reads, by name. */
typedef struct RouteColumns
{
	int			country;
	int			kind;
	int			route_id;
	int			valid_from;
	int			valid_to;
} RouteColumns;

/* The saved plan of the overlap query, and the table it was made for. */
static SPIPlanPtr country_route_plan = NULL;
static Oid	country_route_plan_rel = InvalidOid;

/*
 * The relation a trigger function of the routes was fired on, after checking
 * that it was fired as it must be (how, e.g. "AFTER INSERT OR UPDATE FOR EACH
 * ROW") on the table country_route of its own schema.  In a trigger of
 * another table it would lock and read that table instead: refuse.
 */
static Relation
country_route_fired_on(FunctionCallInfo fcinfo, const char *fn, const char *how,
					   bool after, bool row)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	Relation	rel;

	if (CALLED_AS_TRIGGER(fcinfo))
	{
		TriggerEvent ev = trigdata->tg_event;

		rel = trigdata->tg_relation;
		if ((after ? TRIGGER_FIRED_AFTER(ev) : TRIGGER_FIRED_BEFORE(ev))
			&& (row ? TRIGGER_FIRED_FOR_ROW(ev) : TRIGGER_FIRED_FOR_STATEMENT(ev))
			&& (TRIGGER_FIRED_BY_INSERT(ev) || TRIGGER_FIRED_BY_UPDATE(ev))
			&& rel->rd_rel->relkind == RELKIND_RELATION
			&& strcmp(RelationGetRelationName(rel), "country_route") == 0
			&& RelationGetNamespace(rel) == get_func_namespace(fcinfo->flinfo->fn_oid))
			return rel;
	}
	ereport(ERROR,
			(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
			 errmsg("function %s() must be fired %s on table migchain.country_route", fn, how),
			 errhint("It serves migchain's own triggers on that table only.")));
	pg_unreachable();
}

/*
 * Wait for the other writers of routes, and keep them waiting until this
 * transaction ends (see the head of the file).
 */
static void
country_route_take_turn(Relation rel)
{
	LockRelationOid(RelationGetRelid(rel), ShareUpdateExclusiveLock);
}

PG_FUNCTION_INFO_V1(country_route_lock);
/*
 * country_route_lock(): trigger function, BEFORE INSERT OR UPDATE FOR EACH
 * STATEMENT on migchain.country_route.  Takes the writers' lock before the
 * statement touches a row, so that two writers never wait for each other's
 * rows while each holds what the other needs.
 */
Datum
country_route_lock(PG_FUNCTION_ARGS)
{
	Relation	rel = country_route_fired_on(fcinfo, "country_route_lock",
											 "BEFORE INSERT OR UPDATE FOR EACH STATEMENT",
											 false, false);

	country_route_take_turn(rel);
	return PointerGetDatum(NULL);
}

/* The attribute number of a column of the routes, which must be there. */
static int
country_route_column(Relation rel, const char *name)
{
	int			attno = SPI_fnumber(RelationGetDescr(rel), name);

	if (attno <= 0)
		elog(ERROR, "migchain.country_route has no column %s", name);
	return attno;
}

/*
 * The query that finds a route of the same country and kind, other than the
 * one checked, whose period overlaps [$4, $5) ($5 NULL: no end), planned
 * once per session.  Every name carries its schema: the query runs with the
 * search path of whoever writes.
 */
static SPIPlanPtr
country_route_overlap_plan(Relation rel, const RouteColumns *col)
{
	TupleDesc	desc = RelationGetDescr(rel);
	const char *schema = quote_identifier(get_namespace_name(RelationGetNamespace(rel)));
	Oid			argtypes[5];
	char	   *sql;
	SPIPlanPtr	plan;

	if (country_route_plan != NULL && country_route_plan_rel == RelationGetRelid(rel))
		return country_route_plan;
	if (country_route_plan != NULL)
	{
		/* the extension was made anew in this session */
		SPI_freeplan(country_route_plan);
		country_route_plan = NULL;
	}

	argtypes[0] = TupleDescAttr(desc, col->country - 1)->atttypid;
	argtypes[1] = TupleDescAttr(desc, col->kind - 1)->atttypid;
	argtypes[2] = INT8OID;
	argtypes[3] = DATEOID;
	argtypes[4] = DATEOID;
	sql = psprintf("SELECT o.route_id, o.valid_from, o.valid_to"
				   "  FROM %s.country_route o"
				   " WHERE o.country OPERATOR(pg_catalog.=) $1"
				   "   AND o.kind OPERATOR(pg_catalog.=) $2"
				   "   AND o.route_id OPERATOR(pg_catalog.<>) $3"
				   "   AND o.valid_from OPERATOR(pg_catalog.<)"
				   "       coalesce($5, 'infinity'::pg_catalog.date)"
				   "   AND $4 OPERATOR(pg_catalog.<)"
				   "       coalesce(o.valid_to, 'infinity'::pg_catalog.date)"
				   " ORDER BY o.valid_from, o.route_id"
				   " LIMIT 1",
				   schema);
	plan = SPI_prepare(sql, 5, argtypes);
	if (plan == NULL)
		elog(ERROR, "SPI_prepare failed for the overlap query of migchain.country_route: %s",
			 SPI_result_code_string(SPI_result));
	if (SPI_keepplan(plan) != 0)
		elog(ERROR, "SPI_keepplan failed for the overlap query of migchain.country_route");
	country_route_plan = plan;
	country_route_plan_rel = RelationGetRelid(rel);
	return plan;
}

/*
 * A day of a period as an error message shows it: ISO 8601 whatever the
 * DateStyle, so that 01-02-2021 can never be read as either of two days;
 * infinity for a period without an end.
 */
static char *
country_route_day(bool isnull, Datum d)
{
	DateADT		day = isnull ? DATEVAL_NOEND : DatumGetDateADT(d);
	char		buf[MAXDATELEN + 1];

	if (DATE_NOT_FINITE(day))
		EncodeSpecialDate(day, buf);
	else
	{
		struct pg_tm tm;

		j2date(day + POSTGRES_EPOCH_JDATE, &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
		EncodeDateOnly(&tm, USE_ISO_DATES, buf);
	}
	return pstrdup(buf);
}

/* The text form of a column of a row, by the output function of its type. */
static char *
country_route_text(HeapTuple row, TupleDesc desc, int attno)
{
	bool		isnull;
	Datum		value = heap_getattr(row, attno, desc, &isnull);
	Oid			typoutput;
	bool		varlena;

	if (isnull)
		return pstrdup("NULL");
	getTypeOutputInfo(TupleDescAttr(desc, attno - 1)->atttypid, &typoutput, &varlena);
	return OidOutputFunctionCall(typoutput, value);
}

PG_FUNCTION_INFO_V1(country_route_check_overlap);
/*
 * country_route_check_overlap(): trigger function of the constraint trigger
 * country_route_no_overlap, AFTER INSERT OR UPDATE FOR EACH ROW on
 * migchain.country_route.  23P01 when the new or updated route overlaps
 * another of the same country and kind, committed or written earlier in
 * this transaction.  The query runs with the rights of whoever writes.
 */
Datum
country_route_check_overlap(PG_FUNCTION_ARGS)
{
	Relation	rel = country_route_fired_on(fcinfo, "country_route_check_overlap",
											 "AFTER INSERT OR UPDATE FOR EACH ROW",
											 true, true);
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	HeapTuple	row = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ?
		trigdata->tg_newtuple : trigdata->tg_trigtuple;
	TupleDesc	desc = RelationGetDescr(rel);
	RouteColumns col;
	Datum		values[5];
	char		nulls[5] = {' ', ' ', ' ', ' ', ' '};
	bool		isnull;
	int			ret;

	country_route_take_turn(rel);

	col.country = country_route_column(rel, "country");
	col.kind = country_route_column(rel, "kind");
	col.route_id = country_route_column(rel, "route_id");
	col.valid_from = country_route_column(rel, "valid_from");
	col.valid_to = country_route_column(rel, "valid_to");

	/* country, kind, route_id and valid_from are NOT NULL columns */
	values[0] = heap_getattr(row, col.country, desc, &isnull);
	values[1] = heap_getattr(row, col.kind, desc, &isnull);
	values[2] = heap_getattr(row, col.route_id, desc, &isnull);
	values[3] = heap_getattr(row, col.valid_from, desc, &isnull);
	values[4] = heap_getattr(row, col.valid_to, desc, &isnull);
	if (isnull)					/* no end */
		nulls[4] = 'n';

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	/*
	 * The latest snapshot, taken now that the lock is held: not read-only,
	 * so that SPI advances the command counter first and the rows this
	 * transaction wrote, this statement's included, are seen too.
	 */
	ret = SPI_execute_snapshot(country_route_overlap_plan(rel, &col), values, nulls,
							   GetLatestSnapshot(), InvalidSnapshot, false, false, 1);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "the overlap query of migchain.country_route returned %s",
			 SPI_result_code_string(ret));

	if (SPI_processed > 0)
	{
		HeapTuple	other = SPI_tuptable->vals[0];
		TupleDesc	odesc = SPI_tuptable->tupdesc;
		bool		to_null;
		int64		id = DatumGetInt64(values[2]);
		int64		other_id = DatumGetInt64(heap_getattr(other, 1, odesc, &isnull));
		DateADT		from = DatumGetDateADT(values[3]);
		DateADT		other_from = DatumGetDateADT(heap_getattr(other, 2, odesc, &isnull));
		Datum		other_to = heap_getattr(other, 3, odesc, &to_null);
		char	   *from_text = country_route_day(false, values[3]);
		char	   *other_from_text = country_route_day(false, DateADTGetDatum(other_from));

		ereport(ERROR,
				(errcode(ERRCODE_EXCLUSION_VIOLATION),
				 errmsg("route %lld for %s %s from %s to %s overlaps route %lld from %s to %s",
						(long long) id,
						country_route_text(row, desc, col.country),
						country_route_text(row, desc, col.kind),
						from_text, country_route_day(nulls[4] == 'n', values[4]),
						(long long) other_id,
						other_from_text, country_route_day(to_null, other_to)),
				 from == other_from ?
				 errhint("Two routes of one country and kind cannot start on the same day: correct the period of one of them.") :
				 errhint("Routes of one country and kind may not overlap: end route %lld on or before %s (set its valid_to).",
						 (long long) (from > other_from ? other_id : id),
						 from > other_from ? from_text : other_from_text),
				 errtableconstraint(rel, "country_route_no_overlap")));
	}

	SPI_finish();
	return PointerGetDatum(NULL);
}
