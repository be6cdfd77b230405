/*
 * request_rollup.c
 *		The rollup of the request counters: the requests per year presented,
 *		kind, country and answer, kept exact by migchain itself on every
 *		change to migchain.request, in the transaction of the change, so
 *		that the overviews read a few thousand counters instead of every
 *		request.  And the load batch of the rows being loaded.
 *
 * Deltas, never hot rows.  Four statement triggers on migchain.request
 * (AFTER INSERT, UPDATE, DELETE, each with its transition tables, and AFTER
 * TRUNCATE) run request_rollup_maintain(): it reads the rows the statement
 * inserted (+1) and removed (-1, the old versions of updated rows too), adds
 * them up in request_cube's dense counters, and appends one row per
 * (year, kind, country) whose counts changed to migchain.request_rollup.
 * Writers only ever insert into the rollup, so they never wait for each
 * other there, and a reader's snapshot sees exactly the deltas of the
 * changes it sees.  TRUNCATE deletes every delta (it locks the requests
 * against every other writer and reader anyway).
 *
 * Compaction.  The deltas of one statement are one row per cell; many small
 * statements leave many rows.  Every MC_ROLLUP_COMPACT_EVERY-th statement
 * that writes deltas (counted by a sequence, which never waits), or one
 * that writes MC_ROLLUP_COMPACT_CELLS cells or more, asks for a compaction:
 * when its transaction commits, a background worker is started that runs
 * migchain.compact_request_rollup() in a transaction of its own.  That
 * function merges, under an advisory lock that keeps compactions from
 * overlapping, the rows of every cell that has new deltas into one row per
 * cell, deleting them and inserting their sum in one statement: a reader
 * sees either the deltas or their sum, never both, and deltas not yet
 * committed are not seen, so stay for the next compaction.  If no worker
 * can be started (max_worker_processes all in use), nothing is lost: the
 * rollup stays exact, with more rows, until the next statement asks again.
 *
 * The deltas are written with the rights of the owner of the table (the
 * extension's owner): loaders insert requests, never counters.
 *
 * Whether the rollup can be trusted: request_rollup_ready() checks that the
 * four triggers exist and fire ALWAYS, also under session_replication_role
 * = replica (logical replication's apply worker).  Disabling them
 * (pg_restore --disable-triggers does, and its ENABLE TRIGGER ALL afterwards
 * leaves them firing on origin only) makes every read of the rollup fail
 * with a hint to rebuild it, rather than serve counts that may miss rows.
 */
#include "postgres.h"

#include "access/table.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_trigger.h"
#include "catalog/pg_type.h"
#include "commands/sequence.h"
#include "commands/trigger.h"
#include "executor/executor.h"
#include "executor/spi.h"
#include "executor/tuptable.h"
#include "miscadmin.h"
#include "parser/parse_func.h"
#include "pgstat.h"
#include "postmaster/bgworker.h"
#include "replication/logicalworker.h"
#include "replication/worker_internal.h"
#include "catalog/pg_subscription_rel.h"
#include "storage/ipc.h"
#include "tcop/tcopprot.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/tuplestore.h"

#include "request_cube.h"
#include "types.h"
#include "year.h"

/* Ask for a compaction every this many statements that write deltas ... */
#define MC_ROLLUP_COMPACT_EVERY		256
/* ... or after a statement that writes at least this many cells. */
#define MC_ROLLUP_COMPACT_CELLS		256

/* The setting migchain.load_batch: the batch rows are loaded into (0: none). */
static int	load_batch_setting = 0;

/* Set while the triggers write the rollup themselves (request_rollup_guard). */
static bool rollup_writing = false;

/* A compaction was asked for by this transaction. */
static bool compaction_wanted = false;
static bool xact_callback_registered = false;

/*
 * What the trigger needs of its schema, found again when the table it fires
 * on is another one (the extension was dropped and created again).
 */
typedef struct RollupCatalog
{
	Oid			request_relid;	/* the table the cache is for */
	Oid			statement_seq;	/* request_rollup_statement_seq */
	SPIPlanPtr	insert_plan;	/* one delta row */
	SPIPlanPtr	lock_plan;		/* the compactions' advisory lock */
	SPIPlanPtr	truncate_plan;	/* every delta row */
	SPIPlanPtr	batch_plan;		/* does a load batch exist */
	Oid			writer;			/* the role whose statement fired the trigger */
} RollupCatalog;

static RollupCatalog rollup_catalog;

/* The columns of migchain.request the trigger reads. */
typedef struct RequestColumns
{
	int			kind;
	int			answer;
	int			country;
	int			presented_on;
	int			batch_id;
	int			last;			/* the highest of them */
} RequestColumns;

void		mc_rollup_define_settings(void);
static bool rollup_in_apply(void);

/* Define migchain.load_batch (called from _PG_init). */
void
mc_rollup_define_settings(void)
{
	DefineCustomIntVariable("migchain.load_batch",
							"The load batch that rows inserted into migchain.request belong to (0: none).",
							"migchain.begin_load() sets it for its transaction; set it yourself to add to a batch in later transactions.",
							&load_batch_setting,
							0, 0, PG_INT32_MAX,
							PGC_USERSET,
							0,
							NULL, NULL, NULL);
}

PG_FUNCTION_INFO_V1(current_load_batch);
/*
 * current_load_batch(): the value of migchain.load_batch, NULL when it is
 * 0: the default of migchain.request.batch_id.
 */
Datum
current_load_batch(PG_FUNCTION_ARGS)
{
	if (load_batch_setting == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(load_batch_setting);
}

/* The attribute number of a column of migchain.request, which must be there. */
static int
request_column(Relation rel, const char *name)
{
	int			attno = SPI_fnumber(RelationGetDescr(rel), name);

	if (attno <= 0)
		elog(ERROR, "migchain.request has no column %s", name);
	return attno;
}

/* "schema"."name" of an object of the schema of the requests. */
static char *
rollup_qualified(Relation rel, const char *name)
{
	return quote_qualified_identifier(get_namespace_name(RelationGetNamespace(rel)), name);
}

/* Prepare and keep a plan for the session. */
static SPIPlanPtr
rollup_plan(const char *sql, int nargs, Oid *argtypes)
{
	SPIPlanPtr	plan = SPI_prepare(sql, nargs, argtypes);

	if (plan == NULL)
		elog(ERROR, "request rollup: SPI_prepare failed for \"%s\": %s", sql,
			 SPI_result_code_string(SPI_result));
	if (SPI_keepplan(plan) != 0)
		elog(ERROR, "request rollup: SPI_keepplan failed");
	return plan;
}

/*
 * The catalog of the rollup for the table rel, found and planned once per
 * session (called inside an SPI connection, as the table's owner).
 */
static RollupCatalog *
rollup_catalog_for(Relation rel, const RequestColumns *col)
{
	RollupCatalog *cat = &rollup_catalog;
	TupleDesc	desc = RelationGetDescr(rel);
	Oid			nsp = RelationGetNamespace(rel);
	Oid			insert_types[7];
	Oid			batch_types[1] = {INT4OID};

	if (cat->request_relid == RelationGetRelid(rel))
		return cat;

	if (cat->insert_plan)
		SPI_freeplan(cat->insert_plan);
	if (cat->lock_plan)
		SPI_freeplan(cat->lock_plan);
	if (cat->truncate_plan)
		SPI_freeplan(cat->truncate_plan);
	if (cat->batch_plan)
		SPI_freeplan(cat->batch_plan);
	memset(cat, 0, sizeof(*cat));

	cat->statement_seq = get_relname_relid("request_rollup_statement_seq", nsp);
	if (!OidIsValid(cat->statement_seq))
		elog(ERROR, "the schema of migchain.request has no sequence request_rollup_statement_seq");

	insert_types[0] = INT4OID;
	insert_types[1] = TupleDescAttr(desc, col->kind - 1)->atttypid;
	insert_types[2] = TupleDescAttr(desc, col->country - 1)->atttypid;
	insert_types[3] = insert_types[4] = insert_types[5] = insert_types[6] = INT8OID;
	cat->insert_plan =
		rollup_plan(psprintf("INSERT INTO %s (year, kind, country, pending, positive, negative, withdrawn)"
							 " VALUES ($1, $2, $3, $4, $5, $6, $7)",
							 rollup_qualified(rel, "request_rollup")),
					7, insert_types);
	/* the compactions' lock: keys 1835624803 ('migc') and 1, the rollup */
	cat->lock_plan =
		rollup_plan("SELECT pg_catalog.pg_advisory_xact_lock(1835624803, 1)", 0, NULL);
	cat->truncate_plan =
		rollup_plan(psprintf("DELETE FROM %s", rollup_qualified(rel, "request_rollup")), 0, NULL);
	cat->batch_plan =
		rollup_plan(psprintf("SELECT b.removed_at IS NOT NULL, b.ended_at IS NOT NULL FROM %s b"
							 " WHERE b.batch_id OPERATOR(pg_catalog.=) $1 FOR KEY SHARE OF b",
							 rollup_qualified(rel, "load_batch")),
					1, batch_types);
	cat->request_relid = RelationGetRelid(rel);
	return cat;
}

/*
 * The relation the trigger was fired on, after checking that it was fired
 * as it must be: AFTER ... FOR EACH STATEMENT on the table request of the
 * function's own schema.
 */
static Relation
rollup_fired_on(FunctionCallInfo fcinfo)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (CALLED_AS_TRIGGER(fcinfo))
	{
		TriggerEvent ev = trigdata->tg_event;
		Relation	rel = trigdata->tg_relation;

		if (TRIGGER_FIRED_AFTER(ev) && TRIGGER_FIRED_FOR_STATEMENT(ev)
			&& rel->rd_rel->relkind == RELKIND_RELATION
			&& strcmp(RelationGetRelationName(rel), "request") == 0
			&& RelationGetNamespace(rel) == get_func_namespace(fcinfo->flinfo->fn_oid)
			&& (TRIGGER_FIRED_BY_TRUNCATE(ev)
				|| (TRIGGER_FIRED_BY_INSERT(ev) && trigdata->tg_newtable)
				|| (TRIGGER_FIRED_BY_DELETE(ev) && trigdata->tg_oldtable)
				|| (TRIGGER_FIRED_BY_UPDATE(ev) && trigdata->tg_oldtable && trigdata->tg_newtable)))
			return rel;
	}
	ereport(ERROR,
			(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
			 errmsg("function request_rollup_maintain() must be fired AFTER INSERT, UPDATE or DELETE FOR EACH STATEMENT with its transition tables, or AFTER TRUNCATE, on table migchain.request"),
			 errhint("It serves migchain's own triggers on that table only.")));
	pg_unreachable();
}

/*
 * The rows a statement added to and took from each load batch: the batches
 * that gained rows are checked.  Statements name few batches, so a list
 * searched from the last one found is enough.
 */
typedef struct BatchGains
{
	int			n;
	int			size;
	int32	   *batch;
	int64	   *gain;
	int			last;			/* index of the batch found last */
} BatchGains;

static void
batch_gains_add(BatchGains *g, int32 batch, int sign)
{
	int			i;

	if (g->n > 0 && g->batch[g->last] == batch)
	{
		g->gain[g->last] += sign;
		return;
	}
	for (i = 0; i < g->n; i++)
		if (g->batch[i] == batch)
		{
			g->gain[i] += sign;
			g->last = i;
			return;
		}
	if (g->n == g->size)
	{
		g->size = g->size ? 2 * g->size : 8;
		g->batch = g->batch ? repalloc(g->batch, g->size * sizeof(int32)) : palloc(g->size * sizeof(int32));
		g->gain = g->gain ? repalloc(g->gain, g->size * sizeof(int64)) : palloc(g->size * sizeof(int64));
	}
	g->batch[g->n] = batch;
	g->gain[g->n] = sign;
	g->last = g->n++;
}

/*
 * Add the rows of a transition table into the counters with sign (+1 or
 * -1), and their load batches into gains.
 */
static void
rollup_add_rows(Relation rel, Tuplestorestate *rows, const RequestColumns *col,
				RequestCubeState *st, int sign, BatchGains *gains)
{
	TupleTableSlot *slot = MakeSingleTupleTableSlot(RelationGetDescr(rel), &TTSOpsMinimalTuple);
	MCYearCache year_cache;
	int			readptr;

	MC_YEAR_CACHE_INIT(&year_cache);

	/* a read pointer of its own: other triggers may read the rows too */
	readptr = tuplestore_alloc_read_pointer(rows, EXEC_FLAG_REWIND);
	tuplestore_select_read_pointer(rows, readptr);
	tuplestore_rescan(rows);

	while (tuplestore_gettupleslot(rows, true, false, slot))
	{
		RequestKind kind;
		Answer		answer;
		Country		country;
		int32		year;

		slot_getsomeattrs(slot, col->last);
		/* kind, answer, country and presented_on are NOT NULL columns */
		kind = DatumGetRequestKind(slot->tts_values[col->kind - 1]);
		answer = DatumGetAnswer(slot->tts_values[col->answer - 1]);
		country = DatumGetCountry(slot->tts_values[col->country - 1]);
		year = mc_year_of(&year_cache, DatumGetDateADT(slot->tts_values[col->presented_on - 1]));
		if (unlikely(slot->tts_isnull[col->kind - 1] || slot->tts_isnull[col->answer - 1] ||
					 slot->tts_isnull[col->country - 1] || kind >= MC_NUM_KINDS ||
					 answer >= MC_NUM_ANSWERS || country <= 0 || country > MC_COUNTRY_CODE_MAX))
			elog(ERROR, "request rollup: a request without a valid kind, answer or country");
		rcube_state_add(st, year, kind, country, answer, sign);

		if (!slot->tts_isnull[col->batch_id - 1])
			batch_gains_add(gains, DatumGetInt32(slot->tts_values[col->batch_id - 1]), sign);
	}
	ExecDropSingleTupleTableSlot(slot);
	tuplestore_select_read_pointer(rows, 0);
}

/*
 * Every load batch that gained rows must exist and not have been taken
 * back, and only a superuser may add rows to a batch that end_load()
 * ended: what it recorded stays true.  A superuser (the admin) may also
 * name a batch that does not exist (yet): a parallel pg_restore copies the
 * requests before the batches.  The checks keep the loaders' rows true.
 */
static void
rollup_check_batches(RollupCatalog *cat, const BatchGains *gains)
{
	int			i;

	for (i = 0; i < gains->n; i++)
	{
		int32		batch = gains->batch[i];
		Datum		arg = Int32GetDatum(batch);
		bool		isnull;
		int			rc;

		if (gains->gain[i] <= 0)
			continue;
		rc = SPI_execute_plan(cat->batch_plan, &arg, NULL, false, 1);
		if (rc != SPI_OK_SELECT)
			elog(ERROR, "request rollup: the query of the load batches returned %s",
				 SPI_result_code_string(rc));
		if (SPI_processed == 0 && superuser_arg(cat->writer))
			continue;			/* the admin's, e.g. a parallel restore before its batches */
		if (SPI_processed == 0)
			ereport(ERROR,
					(errcode(ERRCODE_FOREIGN_KEY_VIOLATION),
					 errmsg("load batch %d does not exist", batch),
					 errdetail("Every value of migchain.request.batch_id is the number of a row of migchain.load_batch."),
					 errhint("Start a batch with SELECT migchain.begin_load('system', 'file'), which also sets migchain.load_batch for the transaction; or leave batch_id out (NULL: no batch).")));
		if (DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull)))
			ereport(ERROR,
					(errcode(ERRCODE_FOREIGN_KEY_VIOLATION),
					 errmsg("load batch %d was taken back", batch),
					 errdetail("migchain.remove_load_batch() removed its rows; no rows can be added to it."),
					 errhint("Start a new batch with SELECT migchain.begin_load('system', 'file').")));
		if (DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull)) &&
			!superuser_arg(cat->writer))
			ereport(ERROR,
					(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
					 errmsg("load batch %d was ended", batch),
					 errdetail("end_load() recorded its rows and checksum; rows added now would make that record untrue."),
					 errhint("Start a new batch with SELECT migchain.begin_load('system', 'file') for the rows that came later.")));
	}
}

/* Start a compaction of the rollup when this transaction has committed. */
static void
rollup_xact_callback(XactEvent event, void *arg)
{
	BackgroundWorker worker;

	if (!compaction_wanted)
		return;
	if (event != XACT_EVENT_COMMIT)
	{
		/* a prepared transaction's request is dropped: a later one asks again */
		if (event == XACT_EVENT_ABORT || event == XACT_EVENT_PREPARE ||
			event == XACT_EVENT_PARALLEL_ABORT)
			compaction_wanted = false;
		return;
	}
	compaction_wanted = false;

	memset(&worker, 0, sizeof(worker));
	worker.bgw_flags = BGWORKER_SHMEM_ACCESS | BGWORKER_BACKEND_DATABASE_CONNECTION;
	worker.bgw_start_time = BgWorkerStart_RecoveryFinished;
	worker.bgw_restart_time = BGW_NEVER_RESTART;
	strlcpy(worker.bgw_library_name, "migchain", BGW_MAXLEN);
	strlcpy(worker.bgw_function_name, "request_rollup_worker_main", BGW_MAXLEN);
	strlcpy(worker.bgw_name, "migchain rollup compaction", BGW_MAXLEN);
	strlcpy(worker.bgw_type, "migchain rollup compaction", BGW_MAXLEN);
	worker.bgw_main_arg = ObjectIdGetDatum(MyDatabaseId);
	worker.bgw_notify_pid = 0;

	/*
	 * No free slot: the next statement that writes deltas asks again.  No
	 * handle is asked for: nothing may be allocated (nor fail) once the
	 * transaction has committed.
	 */
	(void) RegisterDynamicBackgroundWorker(&worker, NULL);
}

/* Ask for a compaction after this transaction commits. */
static void
rollup_want_compaction(void)
{
	if (!xact_callback_registered)
	{
		RegisterXactCallback(rollup_xact_callback, NULL);
		xact_callback_registered = true;
	}
	compaction_wanted = true;
}

/* Append one delta row: the change of each answer's count of a cell. */
static void
rollup_write_cell(RollupCatalog *cat, int32 year, int kind, int country,
				  const int64 counts[MC_NUM_ANSWERS])
{
	Datum		values[7];
	int			rc;

	values[0] = Int32GetDatum(year);
	values[1] = RequestKindGetDatum((RequestKind) kind);
	values[2] = CountryGetDatum((Country) country);
	values[3] = Int64GetDatum(counts[MC_ANSWER_PENDING]);
	values[4] = Int64GetDatum(counts[MC_ANSWER_POSITIVE]);
	values[5] = Int64GetDatum(counts[MC_ANSWER_NEGATIVE]);
	values[6] = Int64GetDatum(counts[MC_ANSWER_WITHDRAWN]);
	rollup_writing = true;
	PG_TRY();
	{
		rc = SPI_execute_plan(cat->insert_plan, values, NULL, false, 0);
	}
	PG_FINALLY();
	{
		rollup_writing = false;
	}
	PG_END_TRY();
	if (rc != SPI_OK_INSERT)
		elog(ERROR, "request rollup: writing a delta returned %s", SPI_result_code_string(rc));
}

/* Count a statement that wrote cells, and ask for a compaction when due. */
static void
rollup_count_statement(RollupCatalog *cat, int64 cells)
{
	int64		statement = nextval_internal(cat->statement_seq, false);

	if (statement % MC_ROLLUP_COMPACT_EVERY == 0 || cells >= MC_ROLLUP_COMPACT_CELLS)
		rollup_want_compaction();
}

/* The columns of migchain.request the triggers read. */
static void
rollup_columns(Relation rel, RequestColumns *col)
{
	col->kind = request_column(rel, "kind");
	col->answer = request_column(rel, "answer");
	col->country = request_column(rel, "country");
	col->presented_on = request_column(rel, "presented_on");
	col->batch_id = request_column(rel, "batch_id");
	col->last = Max(Max(col->kind, col->answer), Max(col->country, col->presented_on));
	col->last = Max(col->last, col->batch_id);
}

PG_FUNCTION_INFO_V1(request_rollup_maintain);
/*
 * request_rollup_maintain(): trigger function of the four statement
 * triggers on migchain.request (see the head of the file).
 */
Datum
request_rollup_maintain(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	Relation	rel = rollup_fired_on(fcinfo);
	TriggerEvent ev = trigdata->tg_event;
	RequestColumns col;
	RollupCatalog *cat;
	MemoryContext work,
				old;
	RequestCubeState *st = NULL;
	BatchGains	gains;
	Oid			save_userid;
	int			save_sec;
	int64		cells = 0;

	rollup_columns(rel, &col);

	/*
	 * In a worker of logical replication that applies rows one by one, the
	 * row trigger request_rollup_apply counts every row of the process,
	 * also those that SQL run there (a trigger on another table) writes:
	 * counting them here too would count them twice.
	 */
	if (!TRIGGER_FIRED_BY_TRUNCATE(ev) && rollup_in_apply())
		return PointerGetDatum(NULL);

	work = AllocSetContextCreate(CurrentMemoryContext, "request rollup", ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(work);
	memset(&gains, 0, sizeof(gains));
	if (!TRIGGER_FIRED_BY_TRUNCATE(ev))
	{
		st = rcube_state_new(work);
		if (trigdata->tg_oldtable)
			rollup_add_rows(rel, trigdata->tg_oldtable, &col, st, -1, &gains);
		if (trigdata->tg_newtable)
			rollup_add_rows(rel, trigdata->tg_newtable, &col, st, +1, &gains);
	}
	MemoryContextSwitchTo(old);

	/* the deltas are written with the rights of the table's owner */
	GetUserIdAndSecContext(&save_userid, &save_sec);
	SetUserIdAndSecContext(rel->rd_rel->relowner,
						   save_sec | SECURITY_LOCAL_USERID_CHANGE | SECURITY_RESTRICTED_OPERATION);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "request rollup: SPI_connect failed");
	cat = rollup_catalog_for(rel, &col);

	if (TRIGGER_FIRED_BY_TRUNCATE(ev))
	{
		int			rc;

		/*
		 * Wait for a compaction that may be running, then delete every row
		 * with a snapshot taken after it ended: also the sums it wrote, at
		 * any isolation level.
		 */
		rc = SPI_execute_plan(cat->lock_plan, NULL, NULL, false, 0);
		if (rc != SPI_OK_SELECT)
			elog(ERROR, "request rollup: the compactions' lock returned %s", SPI_result_code_string(rc));
		rollup_writing = true;
		PG_TRY();
		{
			rc = SPI_execute_snapshot(cat->truncate_plan, NULL, NULL, GetLatestSnapshot(),
									  InvalidSnapshot, false, false, 0);
		}
		PG_FINALLY();
		{
			rollup_writing = false;
		}
		PG_END_TRY();
		if (rc != SPI_OK_DELETE)
			elog(ERROR, "request rollup: emptying the rollup returned %s", SPI_result_code_string(rc));
	}
	else
	{
		int64		pos = 0;
		int32		year;
		int			kind,
					country;
		int64		counts[MC_NUM_ANSWERS];

		/*
		 * Rows copied by a subscription's initial synchronization were
		 * checked by the publisher, whose load batches need not be
		 * replicated.
		 */
		if (!IsLogicalWorker())
		{
			cat->writer = save_userid;
			rollup_check_batches(cat, &gains);
		}
		while (rcube_state_next(st, &pos, &year, &kind, &country, counts))
		{
			rollup_write_cell(cat, year, kind, country, counts);
			cells++;
		}
		if (cells > 0)
			rollup_count_statement(cat, cells);
	}

	SPI_finish();
	SetUserIdAndSecContext(save_userid, save_sec);
	MemoryContextDelete(work);
	return PointerGetDatum(NULL);
}

/* The cell and answer of one request (a row of migchain.request). */
static void
rollup_row_cell(HeapTuple row, TupleDesc desc, const RequestColumns *col,
				int32 *year, int *kind, int *country, int *answer)
{
	bool		isnull;
	MCYearCache year_cache;

	MC_YEAR_CACHE_INIT(&year_cache);
	*kind = DatumGetRequestKind(heap_getattr(row, col->kind, desc, &isnull));
	*answer = DatumGetAnswer(heap_getattr(row, col->answer, desc, &isnull));
	*country = DatumGetCountry(heap_getattr(row, col->country, desc, &isnull));
	*year = mc_year_of(&year_cache, DatumGetDateADT(heap_getattr(row, col->presented_on, desc, &isnull)));
	if (*kind >= MC_NUM_KINDS || *answer >= MC_NUM_ANSWERS || *country <= 0 ||
		*country > MC_COUNTRY_CODE_MAX)
		elog(ERROR, "request rollup: a request without a valid kind, answer or country");
}

/*
 * Whether this process applies rows of logical replication one by one: the
 * apply worker, or a table synchronization worker catching up after its
 * copy.  During the copy itself (state DATASYNC), the statement triggers
 * count the rows.
 */
static bool
rollup_in_apply(void)
{
	if (!IsLogicalWorker())
		return false;
	if (am_tablesync_worker() && MyLogicalRepWorker->relstate == SUBREL_STATE_DATASYNC)
		return false;
	return true;
}

PG_FUNCTION_INFO_V1(request_rollup_in_apply);
/*
 * request_rollup_in_apply(): the WHEN condition of the row trigger
 * request_rollup_apply, so that no event is queued for a row the statement
 * triggers count.
 */
Datum
request_rollup_in_apply(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(rollup_in_apply());
}

PG_FUNCTION_INFO_V1(request_rollup_guard);
/*
 * request_rollup_guard(): trigger function, BEFORE INSERT OR UPDATE OR
 * DELETE FOR EACH ROW on migchain.request_rollup, enabled on replicas
 * only.  A publication FOR ALL TABLES (or of the schema) sends the
 * publisher's deltas too; a subscriber counts the rows of the requests it
 * receives itself, so the deltas it receives are dropped here, in the
 * workers of logical replication.  What migchain writes itself passes.
 */
Datum
request_rollup_guard(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_BEFORE(trigdata->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) ||
		trigdata->tg_relation->rd_rel->relkind != RELKIND_RELATION ||
		strcmp(RelationGetRelationName(trigdata->tg_relation), "request_rollup") != 0 ||
		RelationGetNamespace(trigdata->tg_relation) != get_func_namespace(fcinfo->flinfo->fn_oid))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function request_rollup_guard() must be fired BEFORE INSERT, UPDATE or DELETE FOR EACH ROW on table migchain.request_rollup"),
				 errhint("It serves migchain's own triggers on that table only.")));
	if (IsLogicalWorker() && !rollup_writing)
		return PointerGetDatum(NULL);	/* a replicated delta: skip it */
	return PointerGetDatum(TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ?
						   trigdata->tg_newtuple : trigdata->tg_trigtuple);
}

PG_FUNCTION_INFO_V1(request_rollup_apply);
/*
 * request_rollup_apply(): trigger function, AFTER INSERT OR UPDATE OR DELETE
 * FOR EACH ROW on migchain.request, enabled on replicas only.  The apply
 * worker of logical replication fires row triggers but no statement
 * triggers: in that worker, each row applied is added to the rollup here.
 * Everywhere else (a session with session_replication_role = replica, the
 * initial copy of a subscription, which fires the statement triggers) it
 * does nothing: the statement triggers count the rows.
 */
Datum
request_rollup_apply(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	TriggerEvent ev;
	Relation	rel;
	TupleDesc	desc;
	RequestColumns col;
	RollupCatalog *cat;
	HeapTuple	rows[2] = {NULL, NULL};
	int			signs[2] = {0, 0};
	int32		year[2];
	int			kind[2],
				country[2],
				answer[2];
	int64		counts[MC_NUM_ANSWERS];
	Oid			save_userid;
	int			save_sec;
	int64		cells = 0;
	int			i;

	if (!CALLED_AS_TRIGGER(fcinfo) ||
		!TRIGGER_FIRED_AFTER(trigdata->tg_event) || !TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) ||
		TRIGGER_FIRED_BY_TRUNCATE(trigdata->tg_event) ||
		trigdata->tg_relation->rd_rel->relkind != RELKIND_RELATION ||
		strcmp(RelationGetRelationName(trigdata->tg_relation), "request") != 0 ||
		RelationGetNamespace(trigdata->tg_relation) != get_func_namespace(fcinfo->flinfo->fn_oid))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function request_rollup_apply() must be fired AFTER INSERT, UPDATE or DELETE FOR EACH ROW on table migchain.request"),
				 errhint("It serves migchain's own triggers on that table only.")));
	ev = trigdata->tg_event;
	rel = trigdata->tg_relation;
	if (!rollup_in_apply())
		return PointerGetDatum(NULL);

	desc = RelationGetDescr(rel);
	rollup_columns(rel, &col);
	if (TRIGGER_FIRED_BY_INSERT(ev))
	{
		rows[0] = trigdata->tg_trigtuple;
		signs[0] = +1;
	}
	else if (TRIGGER_FIRED_BY_DELETE(ev))
	{
		rows[0] = trigdata->tg_trigtuple;
		signs[0] = -1;
	}
	else
	{
		rows[0] = trigdata->tg_trigtuple;
		signs[0] = -1;
		rows[1] = trigdata->tg_newtuple;
		signs[1] = +1;
	}
	for (i = 0; i < 2; i++)
		if (rows[i])
			rollup_row_cell(rows[i], desc, &col, &year[i], &kind[i], &country[i], &answer[i]);
	/* an update that leaves the request in its cell and answer changes nothing */
	if (rows[1] && year[0] == year[1] && kind[0] == kind[1] && country[0] == country[1] &&
		answer[0] == answer[1])
		return PointerGetDatum(NULL);

	GetUserIdAndSecContext(&save_userid, &save_sec);
	SetUserIdAndSecContext(rel->rd_rel->relowner,
						   save_sec | SECURITY_LOCAL_USERID_CHANGE | SECURITY_RESTRICTED_OPERATION);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "request rollup: SPI_connect failed");
	cat = rollup_catalog_for(rel, &col);
	if (rows[1] && year[0] == year[1] && kind[0] == kind[1] && country[0] == country[1])
	{
		/* one cell: the answer changed */
		memset(counts, 0, sizeof(counts));
		counts[answer[0]] -= 1;
		counts[answer[1]] += 1;
		rollup_write_cell(cat, year[0], kind[0], country[0], counts);
		cells = 1;
	}
	else
	{
		for (i = 0; i < 2; i++)
		{
			if (!rows[i])
				continue;
			memset(counts, 0, sizeof(counts));
			counts[answer[i]] = signs[i];
			rollup_write_cell(cat, year[i], kind[i], country[i], counts);
			cells++;
		}
	}
	/* the publisher checked the load batches; they need not be replicated */
	rollup_count_statement(cat, cells);
	SPI_finish();
	SetUserIdAndSecContext(save_userid, save_sec);
	return PointerGetDatum(NULL);
}

PG_FUNCTION_INFO_V1(request_rollup_ready);
/*
 * request_rollup_ready(): true when the four triggers that maintain the
 * rollup exist on migchain.request and fire always; otherwise an error that
 * says which one does not and how to rebuild the rollup.  The readers of the
 * rollup call it first.
 */
Datum
request_rollup_ready(PG_FUNCTION_ARGS)
{
	Oid			nsp = get_func_namespace(fcinfo->flinfo->fn_oid);
	Oid			relid = get_relname_relid("request", nsp);
	Oid			fn,
				apply_fn;
	bool		apply_seen = false;
	Relation	rel;
	TriggerDesc *td;
	const char *problem = NULL;
	const char *trigger = NULL;
	bool		seen[4] = {false, false, false, false};
	static const char *const events[4] = {"INSERT", "UPDATE", "DELETE", "TRUNCATE"};
	int			i;

	if (!OidIsValid(relid))
		elog(ERROR, "the schema of migchain has no table request");
	fn = LookupFuncName(list_make2(makeString(get_namespace_name(nsp)),
								   makeString("request_rollup_maintain")),
						0, NULL, false);
	apply_fn = LookupFuncName(list_make2(makeString(get_namespace_name(nsp)),
										 makeString("request_rollup_apply")),
							  0, NULL, false);

	rel = table_open(relid, AccessShareLock);
	td = rel->trigdesc;
	for (i = 0; td && i < td->numtriggers; i++)
	{
		Trigger    *t = &td->triggers[i];

		if (t->tgfoid == apply_fn)
		{
			apply_seen = true;
			if (t->tgenabled != TRIGGER_FIRES_ON_REPLICA && t->tgenabled != TRIGGER_FIRES_ALWAYS &&
				problem == NULL)
			{
				problem = t->tgenabled == TRIGGER_DISABLED ? "is disabled" :
					"fires on origin only, not on replicas (where logical replication applies rows)";
				trigger = pstrdup(t->tgname);
			}
			continue;
		}
		if (t->tgfoid != fn)
			continue;
		if (t->tgenabled != TRIGGER_FIRES_ALWAYS && problem == NULL)
		{
			problem = t->tgenabled == TRIGGER_DISABLED ? "is disabled" :
				t->tgenabled == TRIGGER_FIRES_ON_REPLICA ? "fires on replicas only" :
				"fires on origin only, not always";
			trigger = pstrdup(t->tgname);
		}
		if (TRIGGER_FOR_INSERT(t->tgtype))
			seen[0] = true;
		if (TRIGGER_FOR_UPDATE(t->tgtype))
			seen[1] = true;
		if (TRIGGER_FOR_DELETE(t->tgtype))
			seen[2] = true;
		if (TRIGGER_FOR_TRUNCATE(t->tgtype))
			seen[3] = true;
	}
	table_close(rel, AccessShareLock);

	if (problem)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("the rollup of the request counters may be out of date"),
				 errdetail("Trigger %s on migchain.request %s, so changes made meanwhile may be missing from the rollup (a data-only restore with --disable-triggers does this).",
						   trigger, problem),
				 errhint("As the extension's owner: SELECT migchain.rebuild_request_rollup(); it counts the requests again and enables the triggers.")));
	/* the guard that keeps a subscriber from applying the publisher's deltas */
	{
		Oid			rollup_relid = get_relname_relid("request_rollup", nsp);
		Oid			guard_fn = LookupFuncName(list_make2(makeString(get_namespace_name(nsp)),
														 makeString("request_rollup_guard")),
											  0, NULL, false);
		bool		guard_seen = false;

		if (!OidIsValid(rollup_relid))
			elog(ERROR, "the schema of migchain has no table request_rollup");
		rel = table_open(rollup_relid, AccessShareLock);
		td = rel->trigdesc;
		for (i = 0; td && i < td->numtriggers; i++)
		{
			Trigger    *t = &td->triggers[i];

			if (t->tgfoid != guard_fn)
				continue;
			guard_seen = true;
			if (t->tgenabled != TRIGGER_FIRES_ON_REPLICA && t->tgenabled != TRIGGER_FIRES_ALWAYS &&
				problem == NULL)
			{
				problem = t->tgenabled == TRIGGER_DISABLED ? "is disabled" :
					"fires on origin only, not on replicas (where logical replication applies rows)";
				trigger = pstrdup(t->tgname);
			}
		}
		table_close(rel, AccessShareLock);
		if (!guard_seen && problem == NULL)
		{
			problem = "is missing";
			trigger = "request_rollup_guard";
		}
	}
	if (problem)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("the rollup of the request counters may be out of date"),
				 errdetail("Trigger %s on migchain.request_rollup %s, so on a logical replication subscriber the publisher's counts may have been added to this database's own.",
						   trigger, problem),
				 errhint("As the extension's owner: SELECT migchain.rebuild_request_rollup(); it counts the requests again and enables the triggers.")));
	if (!apply_seen)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("the rollup of the request counters may be out of date"),
				 errdetail("No trigger on migchain.request maintains it for the rows logical replication applies."),
				 errhint("Update the extension (ALTER EXTENSION migchain UPDATE), or reinstall it.")));
	for (i = 0; i < 4; i++)
		if (!seen[i])
			ereport(ERROR,
					(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
					 errmsg("the rollup of the request counters may be out of date"),
					 errdetail("No trigger on migchain.request maintains it on %s.", events[i]),
					 errhint("Update the extension (ALTER EXTENSION migchain UPDATE), or reinstall it.")));
	PG_RETURN_BOOL(true);
}

void		request_rollup_worker_main(Datum main_arg) pg_attribute_noreturn();

/*
 * The background worker that compacts the rollup of one database: runs
 * compact_request_rollup() of the schema of the extension, if the extension
 * is (still) there, in a transaction of its own, and exits.
 */
void
request_rollup_worker_main(Datum main_arg)
{
	int			rc;

	BackgroundWorkerUnblockSignals();
	BackgroundWorkerInitializeConnectionByOid(DatumGetObjectId(main_arg), InvalidOid,
											  BGWORKER_BYPASS_ALLOWCONN);

	/*
	 * The worker runs as the bootstrap superuser: nothing the database's or
	 * anyone's settings say may steer what it runs.  Its search path is
	 * pg_catalog's alone (an operator or function of another schema could
	 * otherwise run with its rights), and it compacts at READ COMMITTED.
	 */
	SetConfigOption("search_path", "pg_catalog, pg_temp", PGC_SUSET, PGC_S_OVERRIDE);
	SetConfigOption("default_transaction_isolation", "read committed", PGC_SUSET, PGC_S_OVERRIDE);
	SetConfigOption("session_replication_role", "origin", PGC_SUSET, PGC_S_OVERRIDE);

	SetCurrentStatementStartTimestamp();
	StartTransactionCommand();
	PushActiveSnapshot(GetTransactionSnapshot());
	pgstat_report_activity(STATE_RUNNING, "compacting the rollup of migchain.request");

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "request rollup compaction: SPI_connect failed");
	rc = SPI_execute("SELECT pg_catalog.quote_ident(n.nspname)"
					 "  FROM pg_catalog.pg_extension e"
					 "  JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) e.extnamespace"
					 " WHERE e.extname OPERATOR(pg_catalog.=) 'migchain'"
					 "   AND pg_catalog.to_regclass(pg_catalog.textcat(pg_catalog.quote_ident(n.nspname),"
					 "                                                 '.request_rollup')) IS NOT NULL",
					 true, 1);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "request rollup compaction: finding the extension returned %s",
			 SPI_result_code_string(rc));
	if (SPI_processed == 1)
	{
		char	   *schema = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);

		rc = SPI_execute(psprintf("SELECT %s.compact_request_rollup()", schema), false, 0);
		if (rc != SPI_OK_SELECT)
			elog(ERROR, "request rollup compaction returned %s", SPI_result_code_string(rc));
	}
	SPI_finish();

	PopActiveSnapshot();
	CommitTransactionCommand();
	pgstat_report_activity(STATE_IDLE, NULL);
	proc_exit(0);
}

/*
 * A 64-bit hash of bytes that is the same on every platform: FNV-1a over
 * the bytes one at a time (PostgreSQL's hash_bytes_extended() reads whole
 * words in the machine's byte order, so big- and little-endian machines
 * would differ), then the finalizer of splitmix64 so that every bit of the
 * input moves every bit of the result.
 */
static uint64
mc_portable_hash(const unsigned char *p, size_t len)
{
	uint64		h = UINT64CONST(0xcbf29ce484222325);	/* FNV offset basis */
	size_t		i;

	for (i = 0; i < len; i++)
	{
		h ^= p[i];
		h *= UINT64CONST(0x100000001b3);	/* FNV prime */
	}
	h ^= h >> 30;
	h *= UINT64CONST(0xbf58476d1ce4e5b9);
	h ^= h >> 27;
	h *= UINT64CONST(0x94d049bb133111eb);
	h ^= h >> 31;
	return h;
}

PG_FUNCTION_INFO_V1(request_row_hash);
/*
 * request_row_hash(request_id, kind, answer, country, presented_on,
 * answered_on, requested_on, person_id): a 64-bit hash of a request's
 * values (all but its load batch), the same on every platform: they are
 * written big-endian into a buffer, with a flag for each missing date, and
 * hashed byte by byte.  The checksum of a load batch is the exclusive or of
 * its rows' hashes, so it does not depend on their order.
 */
Datum
request_row_hash(PG_FUNCTION_ARGS)
{
	unsigned char buf[4 + 1 + 1 + 2 + 4 + 1 + 4 + 4 + 8];
	unsigned char *p = buf;
	int			i;

	for (i = 0; i < 8; i++)
		if (PG_ARGISNULL(i) && i != 5 && i != 6)
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("request_row_hash: argument %d may not be NULL", i + 1),
					 errhint("Only answered_on and requested_on may be NULL, as in migchain.request.")));

#define PUT(value, bytes) \
	do { \
		uint64 v_ = (uint64) (value); \
		for (int b_ = (bytes) - 1; b_ >= 0; b_--) \
			*p++ = (unsigned char) (v_ >> (8 * b_)); \
	} while (0)

	PUT((uint32) PG_GETARG_INT32(0), 4);
	PUT(PG_GETARG_REQUEST_KIND(1), 1);
	PUT(PG_GETARG_ANSWER(2), 1);
	PUT((uint16) PG_GETARG_COUNTRY(3), 2);
	PUT((uint32) PG_GETARG_DATEADT(4), 4);
	PUT((PG_ARGISNULL(5) ? 1 : 0) | (PG_ARGISNULL(6) ? 2 : 0), 1);
	PUT(PG_ARGISNULL(5) ? 0 : (uint32) PG_GETARG_DATEADT(5), 4);
	PUT(PG_ARGISNULL(6) ? 0 : (uint32) PG_GETARG_DATEADT(6), 4);
	PUT((uint64) PG_GETARG_INT64(7), 8);
#undef PUT
	Assert(p == buf + sizeof(buf));

	PG_RETURN_INT64((int64) mc_portable_hash(buf, sizeof(buf)));
}
