-- The rollup of the request counters: requests per year presented, kind,
-- country and answer, kept exact by statement triggers on migchain.request
-- in the transaction of every change (see src/request_rollup.c and
-- docs/performance.md).  The overviews of the press answer read it instead
-- of the requests.

-- The deltas: one row per (year, kind, country) a statement changed, with
-- the change of each answer's count; compacted rows hold the sum of a
-- cell's earlier rows.  Not in pg_dump: restoring the requests counts them
-- again (their COPY fires the triggers).
CREATE TABLE @extschema@.request_rollup (
	year pg_catalog.int4 NOT NULL,
	kind @extschema@.request_kind NOT NULL,
	country @extschema@.country NOT NULL,
	pending pg_catalog.int8 NOT NULL,
	positive pg_catalog.int8 NOT NULL,
	negative pg_catalog.int8 NOT NULL,
	withdrawn pg_catalog.int8 NOT NULL,
	compacted pg_catalog.bool NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.request_rollup IS
	'the rollup of the request counters, as deltas: the requests of a year presented, kind and country are the sums of its rows; written by the triggers on migchain.request and by compact_request_rollup() only';
COMMENT ON COLUMN @extschema@.request_rollup.year IS 'year presented';
COMMENT ON COLUMN @extschema@.request_rollup.kind IS 'LP or T&O';
COMMENT ON COLUMN @extschema@.request_rollup.country IS 'country of origin';
COMMENT ON COLUMN @extschema@.request_rollup.pending IS 'change of the number of pending requests';
COMMENT ON COLUMN @extschema@.request_rollup.positive IS 'change of the number answered positively';
COMMENT ON COLUMN @extschema@.request_rollup.negative IS 'change of the number answered negatively';
COMMENT ON COLUMN @extschema@.request_rollup.withdrawn IS 'change of the number withdrawn';
COMMENT ON COLUMN @extschema@.request_rollup.compacted IS
	'true for the sum of a cell''s rows written by a compaction; false for a statement''s delta';

-- A publication FOR ALL TABLES (or of the schema) takes the rollup along:
-- its rows have no key, so deletes need the whole row to be sent, and a
-- subscriber drops the deltas it receives (it counts the requests it
-- receives itself).
ALTER TABLE @extschema@.request_rollup REPLICA IDENTITY FULL;
CREATE FUNCTION @extschema@.request_rollup_guard() RETURNS pg_catalog.trigger
	AS 'MODULE_PATHNAME', 'request_rollup_guard'
	LANGUAGE C;
COMMENT ON FUNCTION @extschema@.request_rollup_guard() IS
	'row trigger on migchain.request_rollup, enabled on replicas: drops the deltas logical replication brings (a subscriber counts the requests it receives itself); what migchain writes passes';
CREATE TRIGGER request_rollup_guard
	BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.request_rollup
	FOR EACH ROW EXECUTE FUNCTION @extschema@.request_rollup_guard();
ALTER TABLE @extschema@.request_rollup ENABLE REPLICA TRIGGER request_rollup_guard;
COMMENT ON TRIGGER request_rollup_guard ON @extschema@.request_rollup IS
	'on a logical replication subscriber, the deltas of the publisher are not applied: the subscriber keeps its own';

-- Counts the statements that wrote deltas: every 256th asks for a compaction.
CREATE SEQUENCE @extschema@.request_rollup_statement_seq;
COMMENT ON SEQUENCE @extschema@.request_rollup_statement_seq IS
	'the statements that wrote deltas into request_rollup, counted without waiting: every 256th asks for a compaction';

CREATE FUNCTION @extschema@.request_rollup_maintain() RETURNS pg_catalog.trigger
	AS 'MODULE_PATHNAME', 'request_rollup_maintain'
	LANGUAGE C;	-- volatile: writes the rollup
COMMENT ON FUNCTION @extschema@.request_rollup_maintain() IS
	'statement trigger on migchain.request: adds the statement''s changes to the rollup (with the owner''s rights), checks the load batches of new rows, and empties the rollup on TRUNCATE';

-- One trigger per event (a trigger with transition tables serves one), all
-- firing ALWAYS: also under session_replication_role = replica, as the
-- apply worker of logical replication runs.
CREATE TRIGGER request_rollup_insert
	AFTER INSERT ON @extschema@.request
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.request_rollup_maintain();
CREATE TRIGGER request_rollup_update
	AFTER UPDATE ON @extschema@.request
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.request_rollup_maintain();
CREATE TRIGGER request_rollup_delete
	AFTER DELETE ON @extschema@.request
	REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.request_rollup_maintain();
CREATE TRIGGER request_rollup_truncate
	AFTER TRUNCATE ON @extschema@.request
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.request_rollup_maintain();
ALTER TABLE @extschema@.request ENABLE ALWAYS TRIGGER request_rollup_insert;
ALTER TABLE @extschema@.request ENABLE ALWAYS TRIGGER request_rollup_update;
ALTER TABLE @extschema@.request ENABLE ALWAYS TRIGGER request_rollup_delete;
ALTER TABLE @extschema@.request ENABLE ALWAYS TRIGGER request_rollup_truncate;
COMMENT ON TRIGGER request_rollup_insert ON @extschema@.request IS
	'keeps the rollup of the request counters exact: the rows inserted';
COMMENT ON TRIGGER request_rollup_update ON @extschema@.request IS
	'keeps the rollup of the request counters exact: the rows updated (an answer moves a request from one count to another)';
COMMENT ON TRIGGER request_rollup_delete ON @extschema@.request IS
	'keeps the rollup of the request counters exact: the rows deleted';
COMMENT ON TRIGGER request_rollup_truncate ON @extschema@.request IS
	'keeps the rollup of the request counters exact: TRUNCATE empties it';

-- The apply worker of logical replication fires row triggers only, never
-- statement triggers: this row trigger, enabled on replicas only (the apply
-- worker runs with session_replication_role = replica), counts the rows it
-- applies (and those a table synchronization worker applies after its
-- copy), and is not queued in any other process (its WHEN condition).
CREATE FUNCTION @extschema@.request_rollup_in_apply() RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'request_rollup_in_apply'
	LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_rollup_in_apply() IS
	'true in a worker of logical replication that applies rows one by one (the apply worker; a table synchronization worker after its copy): the condition of the trigger request_rollup_apply';
CREATE FUNCTION @extschema@.request_rollup_apply() RETURNS pg_catalog.trigger
	AS 'MODULE_PATHNAME', 'request_rollup_apply'
	LANGUAGE C;	-- volatile: writes the rollup
COMMENT ON FUNCTION @extschema@.request_rollup_apply() IS
	'row trigger on migchain.request: in the apply worker of logical replication, which fires no statement triggers, adds each row applied to the rollup (with the owner''s rights); does nothing elsewhere';
CREATE TRIGGER request_rollup_apply
	AFTER INSERT OR UPDATE OR DELETE ON @extschema@.request
	FOR EACH ROW WHEN (@extschema@.request_rollup_in_apply())
	EXECUTE FUNCTION @extschema@.request_rollup_apply();
ALTER TABLE @extschema@.request ENABLE REPLICA TRIGGER request_rollup_apply;
COMMENT ON TRIGGER request_rollup_apply ON @extschema@.request IS
	'keeps the rollup of the request counters exact on a logical replication subscriber: the rows its apply worker applies';

CREATE FUNCTION @extschema@.request_rollup_ready() RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'request_rollup_ready'
	LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_rollup_ready() IS
	'true when the triggers that maintain the rollup exist and fire as they must (the statement triggers always, the one for logical replication on replicas); an error saying which does not, and how to rebuild the rollup, otherwise';

-- Compaction: the rows of every cell with new deltas become one, in one
-- statement, under an advisory lock (keys 1835624803, 1) that keeps
-- compactions, rebuilds and TRUNCATE from overlapping.  A background worker
-- runs it after a transaction that asked for it commits; anyone with the
-- right may run it too.  Meant for READ COMMITTED: each call sees the deltas
-- committed before it.
CREATE FUNCTION @extschema@.compact_request_rollup() RETURNS pg_catalog.int8
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	merged pg_catalog.int8;
BEGIN
	-- the key: 1835624803 ('migc') and 1, the rollup (advisory locks are per database)
	IF NOT pg_catalog.pg_try_advisory_xact_lock(1835624803, 1) THEN
		RETURN 0;	-- another compaction is at work
	END IF;
	WITH touched AS (
		SELECT DISTINCT d.year, d.kind, d.country
		  FROM @extschema@.request_rollup d
		 WHERE NOT d.compacted
	), gone AS (
		DELETE FROM @extschema@.request_rollup r
		 USING touched t
		 WHERE r.year OPERATOR(pg_catalog.=) t.year
		   AND r.kind OPERATOR(pg_catalog.=) t.kind
		   AND r.country OPERATOR(pg_catalog.=) t.country
		RETURNING r.year, r.kind, r.country, r.pending, r.positive, r.negative, r.withdrawn
	), summed AS (
		INSERT INTO @extschema@.request_rollup
			(year, kind, country, pending, positive, negative, withdrawn, compacted)
		SELECT g.year, g.kind, g.country, pg_catalog.sum(g.pending), pg_catalog.sum(g.positive),
			   pg_catalog.sum(g.negative), pg_catalog.sum(g.withdrawn), true
		  FROM gone g
		 GROUP BY g.year, g.kind, g.country
		HAVING pg_catalog.sum(g.pending) OPERATOR(pg_catalog.<>) 0
			OR pg_catalog.sum(g.positive) OPERATOR(pg_catalog.<>) 0
			OR pg_catalog.sum(g.negative) OPERATOR(pg_catalog.<>) 0
			OR pg_catalog.sum(g.withdrawn) OPERATOR(pg_catalog.<>) 0
		RETURNING 1
	)
	SELECT pg_catalog.count(*) INTO merged FROM gone;
	RETURN merged;
END
$$;
COMMENT ON FUNCTION @extschema@.compact_request_rollup() IS
	'merges the rows of every cell of the rollup that has new deltas into one (a background worker runs it after enough writes); returns how many rows it merged, 0 when another compaction was at work';

-- The counters of a period (NULL: an open end) and kind (NULL: both), from
-- the rollup, with the rights of the extension's owner; cells whose counts
-- are all 0 are left out.
CREATE FUNCTION @extschema@.request_counts(from_year pg_catalog.int4 DEFAULT NULL,
										   to_year pg_catalog.int4 DEFAULT NULL,
										   kind @extschema@.request_kind DEFAULT NULL)
	RETURNS TABLE (year pg_catalog.int4, kind @extschema@.request_kind, country @extschema@.country,
				   pending pg_catalog.int8, positive pg_catalog.int8, negative pg_catalog.int8,
				   withdrawn pg_catalog.int8)
	LANGUAGE sql STABLE SECURITY DEFINER PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT r.year, r.kind, r.country, pg_catalog.sum(r.pending)::pg_catalog.int8,
		   pg_catalog.sum(r.positive)::pg_catalog.int8, pg_catalog.sum(r.negative)::pg_catalog.int8,
		   pg_catalog.sum(r.withdrawn)::pg_catalog.int8
	  FROM @extschema@.request_rollup r
	 WHERE @extschema@.request_rollup_ready()
	   AND @extschema@.check_period(from_year, to_year)
	   AND (from_year IS NULL OR r.year OPERATOR(pg_catalog.>=) from_year)
	   AND (to_year IS NULL OR r.year OPERATOR(pg_catalog.<=) to_year)
	   AND (request_counts.kind IS NULL OR r.kind OPERATOR(pg_catalog.=) request_counts.kind)
	 GROUP BY r.year, r.kind, r.country
	HAVING pg_catalog.sum(r.pending) OPERATOR(pg_catalog.<>) 0
		OR pg_catalog.sum(r.positive) OPERATOR(pg_catalog.<>) 0
		OR pg_catalog.sum(r.negative) OPERATOR(pg_catalog.<>) 0
		OR pg_catalog.sum(r.withdrawn) OPERATOR(pg_catalog.<>) 0
	 ORDER BY r.year, r.kind, r.country;
END;
COMMENT ON FUNCTION @extschema@.request_counts(pg_catalog.int4, pg_catalog.int4, @extschema@.request_kind) IS
	'requests per year presented, kind and country with the count of each answer, from the rollup, for the years from_year to to_year (NULL: an open end) and a kind (NULL: both); read with the rights of the extension''s owner';

-- Whether the rollup equals a fresh count of the requests: the cells and
-- answers where it does not (none: it is exact).  Reads the rollup directly,
-- so it also works when request_rollup_ready() would refuse.
CREATE FUNCTION @extschema@.verify_request_rollup()
	RETURNS TABLE (year pg_catalog.int4, kind pg_catalog.text, country pg_catalog.text,
				   answer pg_catalog.text, in_rollup pg_catalog.int8, in_requests pg_catalog.int8)
	LANGUAGE sql STABLE SECURITY DEFINER PARALLEL RESTRICTED
	SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH rollup AS (
		SELECT r.year, r.kind, r.country, pg_catalog.sum(r.pending)::pg_catalog.int8 AS pending,
			   pg_catalog.sum(r.positive)::pg_catalog.int8 AS positive,
			   pg_catalog.sum(r.negative)::pg_catalog.int8 AS negative,
			   pg_catalog.sum(r.withdrawn)::pg_catalog.int8 AS withdrawn
		  FROM @extschema@.request_rollup r
		 GROUP BY r.year, r.kind, r.country
	), scan AS (
		SELECT o.year, o.kind, o.country, @extschema@.pending(o.tally) AS pending,
			   @extschema@.positive(o.tally) AS positive, @extschema@.negative(o.tally) AS negative,
			   @extschema@.withdrawn(o.tally) AS withdrawn
		  FROM @extschema@.period_cube() AS c(cube)
		 CROSS JOIN LATERAL @extschema@.request_cube_by_country(c.cube) o
	), both_sides AS (
		SELECT coalesce(rollup.year, scan.year) AS year, coalesce(rollup.kind, scan.kind) AS kind,
			   coalesce(rollup.country, scan.country) AS country,
			   ARRAY[coalesce(rollup.pending, 0), coalesce(rollup.positive, 0),
					 coalesce(rollup.negative, 0), coalesce(rollup.withdrawn, 0)] AS r,
			   ARRAY[coalesce(scan.pending, 0), coalesce(scan.positive, 0),
					 coalesce(scan.negative, 0), coalesce(scan.withdrawn, 0)] AS s
		  FROM rollup
		  FULL JOIN scan
			ON scan.year OPERATOR(pg_catalog.=) rollup.year
		   AND scan.kind OPERATOR(pg_catalog.=) rollup.kind
		   AND scan.country OPERATOR(pg_catalog.=) rollup.country
	)
	SELECT b.year, b.kind::pg_catalog.text, b.country::pg_catalog.text, a.answer, b.r[a.i], b.s[a.i]
	  FROM both_sides b
	 CROSS JOIN (VALUES (1, 'pending'), (2, 'positive'), (3, 'negative'), (4, 'withdrawn')) AS a(i, answer)
	 WHERE b.r[a.i] OPERATOR(pg_catalog.<>) b.s[a.i]
	 ORDER BY 1, 2, 3, a.i;
END;
COMMENT ON FUNCTION @extschema@.verify_request_rollup() IS
	'the counts where the rollup differs from a fresh count of the requests, per year, kind, country and answer; no rows when it is exact';

-- The functions that lock what they change and then count or delete rows
-- must see the rows committed up to then: at REPEATABLE READ or
-- SERIALIZABLE their snapshot would be older than their lock.
CREATE FUNCTION @extschema@.require_read_committed(what pg_catalog.text) RETURNS pg_catalog.void
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF pg_catalog.current_setting('transaction_isolation') OPERATOR(pg_catalog.<>) 'read committed' THEN
		RAISE EXCEPTION '% must run at the READ COMMITTED isolation level, not %', what,
				pg_catalog.upper(pg_catalog.current_setting('transaction_isolation'))
			USING ERRCODE = 'active_sql_transaction',
				  DETAIL = 'It locks what it changes and then reads the rows committed up to then; an older snapshot could miss rows.',
				  HINT = 'Run it in a transaction of its own, or after SET TRANSACTION ISOLATION LEVEL READ COMMITTED.';
	END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.require_read_committed(pg_catalog.text) IS
	'raises 25001 naming what (a function) unless the transaction is at READ COMMITTED: for rebuild_request_rollup(), end_load() and remove_load_batch()';

-- Count the requests again into the rollup and make its triggers fire
-- always: after a restore with --disable-triggers, or whenever
-- verify_request_rollup() finds a difference.  Writers wait meanwhile;
-- readers do not.
CREATE FUNCTION @extschema@.rebuild_request_rollup() RETURNS pg_catalog.int8
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	cells pg_catalog.int8;
BEGIN
	PERFORM @extschema@.require_read_committed('rebuild_request_rollup()');
	-- no writer of requests, no compaction, until the transaction ends
	LOCK TABLE @extschema@.request IN SHARE ROW EXCLUSIVE MODE;
	PERFORM pg_catalog.pg_advisory_xact_lock(1835624803, 1);	-- the compactions' lock
	ALTER TABLE @extschema@.request ENABLE ALWAYS TRIGGER request_rollup_insert;
	ALTER TABLE @extschema@.request ENABLE ALWAYS TRIGGER request_rollup_update;
	ALTER TABLE @extschema@.request ENABLE ALWAYS TRIGGER request_rollup_delete;
	ALTER TABLE @extschema@.request ENABLE ALWAYS TRIGGER request_rollup_truncate;
	ALTER TABLE @extschema@.request ENABLE REPLICA TRIGGER request_rollup_apply;
	ALTER TABLE @extschema@.request_rollup ENABLE REPLICA TRIGGER request_rollup_guard;
	DELETE FROM @extschema@.request_rollup;
	INSERT INTO @extschema@.request_rollup
		(year, kind, country, pending, positive, negative, withdrawn, compacted)
	SELECT o.year, o.kind, o.country, @extschema@.pending(o.tally), @extschema@.positive(o.tally),
		   @extschema@.negative(o.tally), @extschema@.withdrawn(o.tally), true
	  FROM @extschema@.period_cube() AS c(cube)
	 CROSS JOIN LATERAL @extschema@.request_cube_by_country(c.cube) o;
	GET DIAGNOSTICS cells = ROW_COUNT;
	RETURN cells;
END
$$;
COMMENT ON FUNCTION @extschema@.rebuild_request_rollup() IS
	'counts the requests again into the rollup and makes its triggers fire always (after a restore with --disable-triggers, or when verify_request_rollup() finds a difference); returns the number of cells; for the extension''s owner';

-- Load batches (29-load_batch.sql): begin, end, check, take back.

-- A 64-bit hash of a request's values, the same on every platform: the
-- checksum of a load batch is the exclusive or of its rows' hashes.
CREATE FUNCTION @extschema@.request_row_hash(request_id pg_catalog.int4, kind @extschema@.request_kind,
											 answer @extschema@.answer, country @extschema@.country,
											 presented_on pg_catalog.date, answered_on pg_catalog.date,
											 requested_on pg_catalog.date, person_id pg_catalog.int8)
	RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'request_row_hash'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	-- not strict: the dates may be NULL
COMMENT ON FUNCTION @extschema@.request_row_hash(pg_catalog.int4, @extschema@.request_kind, @extschema@.answer, @extschema@.country, pg_catalog.date, pg_catalog.date, pg_catalog.date, pg_catalog.int8) IS
	'a 64-bit hash of a request''s values (all but its batch), the same on every platform; a load batch''s checksum is the exclusive or of its rows'' hashes';

-- Begin a batch: with the caller's rights (loaded_by and session_role are
-- their defaults), and for the rest of the transaction the rows inserted
-- without a batch_id belong to it.  No SET clause: it would undo the
-- setting when the function returns; every name is qualified instead.
CREATE FUNCTION @extschema@.begin_load(system pg_catalog.text, file pg_catalog.text DEFAULT NULL)
	RETURNS pg_catalog.int4
	LANGUAGE plpgsql VOLATILE	-- not strict: a NULL system is an error
AS $$
DECLARE
	batch pg_catalog.int4;
BEGIN
	IF system IS NULL OR pg_catalog.btrim(system) OPERATOR(pg_catalog.=) '' THEN
		RAISE EXCEPTION 'a load batch needs the name of the system its rows come from, not %',
				coalesce(pg_catalog.quote_literal(system), 'NULL')
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'E.g. SELECT migchain.begin_load(''case system export'', ''requests-2026-11.csv'').';
	END IF;
	INSERT INTO @extschema@.load_batch (system, file)
	VALUES (begin_load.system, begin_load.file)
	RETURNING load_batch.batch_id INTO batch;
	PERFORM pg_catalog.set_config('migchain.load_batch', batch::pg_catalog.text, true);
	RETURN batch;
END
$$;
COMMENT ON FUNCTION @extschema@.begin_load(pg_catalog.text, pg_catalog.text) IS
	'begins a load batch (system, file; who and when are recorded) and sets migchain.load_batch for the rest of the transaction, so the requests inserted then belong to it; returns its number';

-- End a batch: record its rows and checksum (with the owner's rights: no
-- role may write those columns itself).
CREATE FUNCTION @extschema@.end_load(batch pg_catalog.int4 DEFAULT NULL,
									 OUT batch_id pg_catalog.int4, OUT row_count pg_catalog.int8,
									 OUT checksum pg_catalog.int8)
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	b @extschema@.load_batch;
BEGIN
	PERFORM @extschema@.require_read_committed('end_load()');
	batch_id := coalesce(batch, @extschema@.current_load_batch());
	IF batch_id IS NULL THEN
		RAISE EXCEPTION 'no load batch to end'
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Name the batch, end_load(batch), or call it in the transaction of begin_load().';
	END IF;
	SELECT * INTO b FROM @extschema@.load_batch l
	 WHERE l.batch_id OPERATOR(pg_catalog.=) end_load.batch_id FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'load batch % does not exist', batch_id
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'The batches are in migchain.load_batch.';
	ELSIF NOT EXISTS (SELECT FROM pg_catalog.pg_roles r
					   WHERE r.rolname OPERATOR(pg_catalog.=) session_user
						 AND (r.rolsuper
							  OR r.rolname OPERATOR(pg_catalog.=) b.session_role
							  OR (EXISTS (SELECT FROM pg_catalog.pg_roles o
										   WHERE o.rolname OPERATOR(pg_catalog.=) b.loaded_by)
								  AND pg_catalog.pg_has_role(session_user, b.loaded_by, 'MEMBER')))) THEN
		RAISE EXCEPTION 'load batch % was begun by %, not by %', batch_id, b.loaded_by, session_user
			USING ERRCODE = 'insufficient_privilege',
				  HINT = 'The role that began a batch (or one of its members) ends it, or the admin.';
	ELSIF b.removed_at IS NOT NULL THEN
		RAISE EXCEPTION 'load batch % was taken back', batch_id
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  DETAIL = pg_catalog.format('Removed at %s by %s.', b.removed_at, b.removed_by);
	ELSIF b.ended_at IS NOT NULL THEN
		RAISE EXCEPTION 'load batch % was ended at %', batch_id, b.ended_at
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  HINT = 'load_batch_check(batch) compares it with its rows now.';
	END IF;
	SELECT pg_catalog.count(*), coalesce(pg_catalog.bit_xor(@extschema@.request_row_hash(
				r.request_id, r.kind, r.answer, r.country, r.presented_on, r.answered_on,
				r.requested_on, r.person_id)), 0)
	  INTO row_count, checksum
	  FROM @extschema@.request r
	 WHERE r.batch_id OPERATOR(pg_catalog.=) end_load.batch_id;
	UPDATE @extschema@.load_batch l
	   SET ended_at = pg_catalog.clock_timestamp(), row_count = end_load.row_count,
		   checksum = end_load.checksum
	 WHERE l.batch_id OPERATOR(pg_catalog.=) end_load.batch_id;
END
$$;
COMMENT ON FUNCTION @extschema@.end_load(pg_catalog.int4) IS
	'ends a load batch (by default the one of migchain.load_batch): records how many requests it has and their checksum; for loaders and the admin';

-- A batch as recorded and as its rows are now; a batch that does not exist
-- (NULL included) is an error, not a row of NULLs.
CREATE FUNCTION @extschema@.load_batch_check(batch pg_catalog.int4,
	OUT batch_id pg_catalog.int4, OUT recorded_rows pg_catalog.int8,
	OUT recorded_checksum pg_catalog.int8, OUT rows_now pg_catalog.int8,
	OUT checksum_now pg_catalog.int8, OUT unchanged pg_catalog.bool)
	LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL RESTRICTED	-- not strict: a NULL batch is an error
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	b @extschema@.load_batch;
BEGIN
	SELECT * INTO b FROM @extschema@.load_batch l
	 WHERE l.batch_id OPERATOR(pg_catalog.=) load_batch_check.batch;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'load batch % does not exist', coalesce(batch::pg_catalog.text, 'NULL')
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'The batches are in migchain.load_batch.';
	END IF;
	SELECT pg_catalog.count(*), coalesce(pg_catalog.bit_xor(@extschema@.request_row_hash(
				r.request_id, r.kind, r.answer, r.country, r.presented_on, r.answered_on,
				r.requested_on, r.person_id)), 0)
	  INTO rows_now, checksum_now
	  FROM @extschema@.request r
	 WHERE r.batch_id OPERATOR(pg_catalog.=) load_batch_check.batch;
	batch_id := b.batch_id;
	recorded_rows := b.row_count;
	recorded_checksum := b.checksum;
	IF b.ended_at IS NOT NULL THEN
		unchanged := recorded_rows OPERATOR(pg_catalog.=) rows_now
			AND recorded_checksum OPERATOR(pg_catalog.=) checksum_now;
	END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.load_batch_check(pg_catalog.int4) IS
	'a load batch''s recorded rows and checksum beside those of its rows now; unchanged is NULL for a batch not ended (answers given later change rows, so change the checksum)';

-- Take a batch back: delete its requests (the rollup follows, through the
-- triggers) and record who, when, how many and why.  For the admin: loaders
-- never delete.
CREATE FUNCTION @extschema@.remove_load_batch(batch pg_catalog.int4, reason pg_catalog.text)
	RETURNS pg_catalog.int8
	LANGUAGE plpgsql VOLATILE	-- not strict: a NULL argument is an error
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	b @extschema@.load_batch;
	removed pg_catalog.int8;
BEGIN
	PERFORM @extschema@.require_read_committed('remove_load_batch()');
	IF reason IS NULL OR pg_catalog.btrim(reason) OPERATOR(pg_catalog.=) '' THEN
		RAISE EXCEPTION 'taking back a load batch needs a reason'
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'E.g. SELECT migchain.remove_load_batch(17, ''file loaded twice'').';
	END IF;
	-- waits for the loaders still adding to it; later ones are refused
	SELECT * INTO b FROM @extschema@.load_batch l
	 WHERE l.batch_id OPERATOR(pg_catalog.=) remove_load_batch.batch FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'load batch % does not exist', coalesce(batch::pg_catalog.text, 'NULL')
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'The batches are in migchain.load_batch.';
	ELSIF b.removed_at IS NOT NULL THEN
		RAISE EXCEPTION 'load batch % was already taken back', batch
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  DETAIL = pg_catalog.format('Removed at %s by %s: %s rows.', b.removed_at, b.removed_by, b.removed_rows);
	END IF;
	DELETE FROM @extschema@.request r WHERE r.batch_id OPERATOR(pg_catalog.=) remove_load_batch.batch;
	GET DIAGNOSTICS removed = ROW_COUNT;
	UPDATE @extschema@.load_batch l
	   SET removed_at = pg_catalog.clock_timestamp(), removed_by = current_user,
		   removed_rows = removed, removal_reason = reason
	 WHERE l.batch_id OPERATOR(pg_catalog.=) remove_load_batch.batch;
	RETURN removed;
END
$$;
COMMENT ON FUNCTION @extschema@.remove_load_batch(pg_catalog.int4, pg_catalog.text) IS
	'takes a load batch back: deletes its requests (the rollup follows) and records when, by whom, how many and why in migchain.load_batch; returns how many it deleted; for the admin';
