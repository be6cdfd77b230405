-- Access control: who may read and write what (see docs/security.md).
--
-- Three kinds of role:
--   analyst  reads the views of migchain_bi and calls the period functions;
--            never reads the person-level rows of migchain.request (nor
--            migchain.country_route: an analyst sees the views only).
--   loader   inserts and updates requests and routes, reads them (it must
--            find the rows it updates, and the source it loads from holds
--            the same rows), and has what an analyst has.  It does not
--            delete or truncate: a request once presented stays in the
--            published figures, a correction is an update (e.g. withdrawn).
--   admin    the owner of the extension (a superuser: the extension is not
--            trusted); runs the demo generator and the grant functions.
--
-- The views read the tables with their owner's rights, but every function
-- a view calls (the request_cube aggregate, the tally accessors, casts,
-- operators) is checked against the role that runs the query.  By default
-- PUBLIC may execute every function, so analysts need nothing more; the
-- grant functions still grant EXECUTE on exactly those functions, so that
-- an analyst keeps working in a database where EXECUTE was revoked from
-- PUBLIC.

-- Not for PUBLIC:
--   generate_demo  writes demo rows into the tables;
--   demo_requests, demo_cases  their rows look exactly like person-level
--                  rows (person numbers included): no role but the admin
--                  should be able to mistake them for, or mix them with,
--                  real ones;
--   grant_analyst, grant_loader, revoke_access  (below) hand out rights;
--   period_cube, not_confirmed_by_country, persons, conditions_as_of,
--   returnable_by_month, detention_exits, departures, cooperation,
--   cooperation_counts, cooperation_persons  read the tables with the
--                  owner's rights (below).
-- Every other function of migchain is a pure computation on its arguments
-- or reads the tables with the caller's rights (has_process), so PUBLIC
-- keeps EXECUTE on them.
REVOKE EXECUTE ON FUNCTION @extschema@.generate_demo(pg_catalog.int8, pg_catalog.float8,
	pg_catalog.int4, pg_catalog.int4, pg_catalog.bool) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.demo_cases(pg_catalog.int8, pg_catalog.float8,
	pg_catalog.int4, pg_catalog.int4) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.demo_requests(pg_catalog.int8, pg_catalog.float8,
	pg_catalog.int4, pg_catalog.int4) FROM PUBLIC;
-- The functions that read the tables with the owner's rights return counts
-- only, but every count down to 1: they are for the roles given analyst
-- access, not for every role that can reach the schema.
REVOKE EXECUTE ON FUNCTION @extschema@.period_cube(pg_catalog.int4, pg_catalog.int4,
	@extschema@.request_kind) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.not_confirmed_by_country(@extschema@.request_kind,
	pg_catalog.int4, pg_catalog.int4) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.persons(pg_catalog.int4, pg_catalog.int4) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.conditions_as_of(pg_catalog.date) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.returnable_by_month(pg_catalog.date, pg_catalog.date) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.detention_exits(pg_catalog.int4, pg_catalog.int4) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.departures(pg_catalog.int4, pg_catalog.int4) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.cooperation_counts(pg_catalog.int4, pg_catalog.int4,
	pg_catalog.date) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.cooperation_persons(pg_catalog.int4, pg_catalog.int4,
	pg_catalog.date) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.cooperation(pg_catalog.int4, pg_catalog.int4,
	pg_catalog.date) FROM PUBLIC;

-- The functions of migchain that reading some views needs: those the views
-- call, directly or behind an operator, and, following the dependencies of
-- SQL-standard function bodies, the functions those call in turn (overview()
-- calls request_counts()).  The one walk analyst_functions() and
-- federation_functions() share.
CREATE FUNCTION @extschema@.functions_of_views(views pg_catalog.oid[])
	RETURNS SETOF pg_catalog.regprocedure
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH RECURSIVE walk(classid, objid) AS (
		SELECT d.refclassid, d.refobjid
		  FROM pg_catalog.pg_rewrite r
		  JOIN pg_catalog.pg_depend d
			ON d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_rewrite'::pg_catalog.regclass
		   AND d.objid OPERATOR(pg_catalog.=) r.oid
		 WHERE r.ev_class OPERATOR(pg_catalog.=) ANY (views)
		UNION
		SELECT d.refclassid, d.refobjid
		  FROM walk
		  JOIN pg_catalog.pg_depend d
			ON d.classid OPERATOR(pg_catalog.=) walk.classid
		   AND d.objid OPERATOR(pg_catalog.=) walk.objid
		 WHERE walk.classid IN ('pg_catalog.pg_proc'::pg_catalog.regclass,
								'pg_catalog.pg_operator'::pg_catalog.regclass)
		   AND d.deptype OPERATOR(pg_catalog.=) 'n'
	), fns AS (
		SELECT walk.objid AS fn
		  FROM walk
		 WHERE walk.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
		UNION
		SELECT o.oprcode::pg_catalog.oid
		  FROM walk
		  JOIN pg_catalog.pg_operator o ON o.oid OPERATOR(pg_catalog.=) walk.objid
		 WHERE walk.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_operator'::pg_catalog.regclass
	)
	SELECT p.oid::pg_catalog.regprocedure
	  FROM fns
	  JOIN pg_catalog.pg_proc p ON p.oid OPERATOR(pg_catalog.=) fns.fn
	 WHERE p.pronamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace;
END;
COMMENT ON FUNCTION @extschema@.functions_of_views(pg_catalog.oid[]) IS
	'the functions of migchain that reading the views given needs: called by them, directly, behind an operator or inside the SQL-standard bodies of the functions they call';

-- The functions an analyst must be able to execute: those the views of
-- migchain_bi need (functions_of_views()), so a new view brings its
-- functions; and the request cube of any period, the published cells and
-- the report snapshots.
CREATE FUNCTION @extschema@.analyst_functions() RETURNS SETOF pg_catalog.regprocedure
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT u.f FROM (
	SELECT f.f
	  FROM @extschema@.functions_of_views(ARRAY(
			SELECT c.oid
			  FROM pg_catalog.pg_class c
			 WHERE c.relnamespace OPERATOR(pg_catalog.=) 'migchain_bi'::pg_catalog.regnamespace
			   AND c.relkind OPERATOR(pg_catalog.=) 'v')) AS f(f)
	UNION
	-- the request cube of any period and what unpacks it, for groupings
	-- of the analyst's own (the views read the rollup instead)
	SELECT f.f
	  FROM (VALUES ('@extschema@.period_cube(pg_catalog.int4, pg_catalog.int4, @extschema@.request_kind)'::pg_catalog.regprocedure),
				   ('@extschema@.request_cube_by_year(@extschema@.request_cube)'::pg_catalog.regprocedure),
				   ('@extschema@.request_cube_by_country(@extschema@.request_cube)'::pg_catalog.regprocedure),
				   ('@extschema@.total(@extschema@.tally)'::pg_catalog.regprocedure),
				   ('@extschema@.pending(@extschema@.tally)'::pg_catalog.regprocedure),
				   ('@extschema@.positive(@extschema@.tally)'::pg_catalog.regprocedure),
				   ('@extschema@.negative(@extschema@.tally)'::pg_catalog.regprocedure),
				   ('@extschema@.withdrawn(@extschema@.tally)'::pg_catalog.regprocedure),
				   -- publishing: the published cells of any period, and
				   -- freezing and reading report snapshots
				   ('@extschema@.published_cells(pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4)'::pg_catalog.regprocedure),
				   ('@extschema@.published_overview(pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4)'::pg_catalog.regprocedure),
				   ('@extschema@.published_not_confirmed(@extschema@.request_kind, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4)'::pg_catalog.regprocedure),
				   ('@extschema@.freeze_report(pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.text)'::pg_catalog.regprocedure),
				   ('@extschema@.report_snapshot_get(pg_catalog.int4)'::pg_catalog.regprocedure),
				   ('@extschema@.report_snapshot_cells(pg_catalog.int4, pg_catalog.bool)'::pg_catalog.regprocedure),
				   ('@extschema@.report_snapshot_note(pg_catalog.int4)'::pg_catalog.regprocedure),
				   ('@extschema@.report_snapshot_check(pg_catalog.int4)'::pg_catalog.regprocedure)) AS f(f)
	) AS u(f)
	 ORDER BY u.f::pg_catalog.text;
END;
COMMENT ON FUNCTION @extschema@.analyst_functions() IS
	'the functions of migchain that the views of migchain_bi and the period functions need, and the request cube of any period (period_cube and its unpacking): what grant_analyst grants EXECUTE on';

-- The tables a loader reads, inserts into and updates (never deletes from):
-- the one list grant_loader() and loader_functions() follow.
CREATE FUNCTION @extschema@.loader_tables() RETURNS SETOF pg_catalog.regclass
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT t.t
	  FROM (VALUES ('@extschema@.request'::pg_catalog.regclass),
				   ('@extschema@.country_route'::pg_catalog.regclass),
				   ('@extschema@.return_case'::pg_catalog.regclass),
				   ('@extschema@.condition_observation'::pg_catalog.regclass),
				   ('@extschema@.detention_episode'::pg_catalog.regclass),
				   ('@extschema@.holiday'::pg_catalog.regclass)) AS t(t);
END;
COMMENT ON FUNCTION @extschema@.loader_tables() IS
	'the tables of migchain that grant_loader() lets a role read, insert into and update (never delete from)';

-- The functions a loader must be able to execute beside an analyst's: those
-- the constraints, defaults and triggers of the tables call (directly, or
-- behind an operator; constraints are checked with the rights of the role
-- that writes), and the operators the query of the routes' overlap check
-- uses (it is planned when the trigger first runs, so pg_depend does not
-- know them).
CREATE FUNCTION @extschema@.loader_functions() RETURNS SETOF pg_catalog.regprocedure
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH tables AS (
		SELECT t::pg_catalog.oid AS rel FROM @extschema@.loader_tables() t
	), parts AS (
		SELECT 'pg_catalog.pg_constraint'::pg_catalog.regclass::pg_catalog.oid AS classid, c.oid AS objid
		  FROM pg_catalog.pg_constraint c WHERE c.conrelid IN (SELECT tables.rel FROM tables)
		UNION ALL
		SELECT 'pg_catalog.pg_attrdef'::pg_catalog.regclass::pg_catalog.oid, a.oid
		  FROM pg_catalog.pg_attrdef a WHERE a.adrelid IN (SELECT tables.rel FROM tables)
		UNION ALL
		SELECT 'pg_catalog.pg_trigger'::pg_catalog.regclass::pg_catalog.oid, t.oid
		  FROM pg_catalog.pg_trigger t WHERE t.tgrelid IN (SELECT tables.rel FROM tables)
	), used AS (
		SELECT d.refclassid, d.refobjid
		  FROM pg_catalog.pg_depend d
		  JOIN parts ON parts.classid OPERATOR(pg_catalog.=) d.classid
					AND parts.objid OPERATOR(pg_catalog.=) d.objid
	), fns AS (
		SELECT used.refobjid AS fn
		  FROM used
		 WHERE used.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
		UNION
		SELECT o.oprcode::pg_catalog.oid
		  FROM used
		  JOIN pg_catalog.pg_operator o ON o.oid OPERATOR(pg_catalog.=) used.refobjid
		 WHERE used.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_operator'::pg_catalog.regclass
		UNION
		SELECT '@extschema@.country_eq(@extschema@.country, @extschema@.country)'::pg_catalog.regprocedure::pg_catalog.oid
		UNION
		SELECT '@extschema@.request_kind_eq(@extschema@.request_kind, @extschema@.request_kind)'::pg_catalog.regprocedure::pg_catalog.oid
	)
	SELECT p.oid::pg_catalog.regprocedure
	  FROM fns
	  JOIN pg_catalog.pg_proc p ON p.oid OPERATOR(pg_catalog.=) fns.fn
	 WHERE p.pronamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
	 ORDER BY p.oid::pg_catalog.regprocedure::pg_catalog.text;
END;
COMMENT ON FUNCTION @extschema@.loader_functions() IS
	'the functions of migchain that writing the tables of loader_tables() needs (constraints, defaults, triggers): what grant_loader grants EXECUTE on beside analyst_functions()';

-- The grant functions run with the rights of their caller (not SECURITY
-- DEFINER): only a role that may grant these rights itself, i.e. a
-- superuser or the owner of the extension, can use them.
CREATE FUNCTION @extschema@.check_grantee(grantee pg_catalog.regrole) RETURNS pg_catalog.text
	LANGUAGE plpgsql STABLE	-- not strict: no role (NULL) is an error, not a silent no-op
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF grantee IS NULL OR grantee::oid OPERATOR(pg_catalog.=) 0::oid THEN
		RAISE EXCEPTION 'a role is required'
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Name an existing role, e.g. migchain.grant_analyst(''bi_reader'').';
	END IF;
	RETURN grantee::text;	-- regrole output: the name, quoted where needed
END
$$;
COMMENT ON FUNCTION @extschema@.check_grantee(pg_catalog.regrole) IS
	'the role as a quoted name for GRANT and REVOKE; an error for no role (STABLE: reads the catalog)';

CREATE FUNCTION @extschema@.grant_analyst(grantee pg_catalog.regrole) RETURNS pg_catalog.void
	LANGUAGE plpgsql	-- not strict: check_grantee() refuses a NULL role
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	who text := @extschema@.check_grantee(grantee);
	fn regprocedure;
BEGIN
	EXECUTE format('GRANT USAGE ON SCHEMA @extschema@, migchain_bi TO %s', who);
	EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA migchain_bi TO %s', who);
	FOR fn IN SELECT f FROM @extschema@.analyst_functions() f LOOP
		EXECUTE format('GRANT EXECUTE ON ROUTINE %s TO %s', fn, who);
	END LOOP;
	-- report snapshots: what was frozen and published, never the unrounded
	-- counts (the column count of the cells)
	EXECUTE format('GRANT SELECT ON TABLE @extschema@.report_snapshot, @extschema@.report_snapshot_sheet TO %s', who);
	EXECUTE format('GRANT SELECT (snapshot_id, ordinal, sheet, year, kind, country_code, country_name_nl, country_name_en, measure, value, flag) ON TABLE @extschema@.report_snapshot_cell TO %s', who);
END
$$;
COMMENT ON FUNCTION @extschema@.grant_analyst(pg_catalog.regrole) IS
	'lets a role read the views of migchain_bi, call the period functions, publish and freeze report snapshots and read what they published, never the person-level tables nor a snapshot''s unrounded counts';

CREATE FUNCTION @extschema@.grant_loader(grantee pg_catalog.regrole) RETURNS pg_catalog.void
	LANGUAGE plpgsql	-- not strict: check_grantee() refuses a NULL role
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	who text := @extschema@.check_grantee(grantee);
	fn regprocedure;
	tab regclass;
	seq regclass;
BEGIN
	PERFORM @extschema@.grant_analyst(grantee);
	FOR fn IN SELECT f FROM @extschema@.loader_functions() f LOOP
		EXECUTE format('GRANT EXECUTE ON ROUTINE %s TO %s', fn, who);
	END LOOP;
	-- listing and withdrawing unanswered requests; the audit of what that
	-- changed is read, never written, by the loader
	EXECUTE format('GRANT EXECUTE ON FUNCTION @extschema@.unanswered_requests(pg_catalog.date, pg_catalog.int4) TO %s', who);
	EXECUTE format('GRANT EXECUTE ON PROCEDURE @extschema@.withdraw_unanswered(pg_catalog.date, pg_catalog.int4) TO %s', who);
	EXECUTE format('GRANT EXECUTE ON FUNCTION @extschema@.withdraw_unanswered_audited(pg_catalog.date, pg_catalog.int4, pg_catalog.name) TO %s', who);
	EXECUTE format('GRANT SELECT ON TABLE @extschema@.unanswered_withdrawal TO %s', who);
	-- load batches: begun, ended and checked by the loader; only the system
	-- and file are theirs to write (who, when, how many rows: the defaults
	-- and end_load())
	EXECUTE format('GRANT SELECT ON TABLE @extschema@.load_batch TO %s', who);
	EXECUTE format('GRANT INSERT (system, file) ON TABLE @extschema@.load_batch TO %s', who);
	EXECUTE format('GRANT EXECUTE ON FUNCTION @extschema@.begin_load(pg_catalog.text, pg_catalog.text) TO %s', who);
	EXECUTE format('GRANT EXECUTE ON FUNCTION @extschema@.end_load(pg_catalog.int4) TO %s', who);
	EXECUTE format('GRANT EXECUTE ON FUNCTION @extschema@.load_batch_check(pg_catalog.int4) TO %s', who);
	FOR tab IN SELECT t FROM @extschema@.loader_tables() t LOOP
		EXECUTE format('GRANT SELECT, INSERT, UPDATE ON TABLE %s TO %s', tab, who);
	END LOOP;
	-- the load batch of a request is where it came from: a loader names it
	-- when it inserts, and does not move requests between batches after
	EXECUTE format('REVOKE UPDATE ON TABLE @extschema@.request FROM %s', who);
	EXECUTE format('GRANT UPDATE (kind, answer, country, presented_on, request_id, person_id, answered_on, requested_on) ON TABLE @extschema@.request TO %s', who);
	-- the sequences of the tables' identity columns
	FOR seq IN
		SELECT d.objid::regclass
		  FROM pg_depend d
		  JOIN pg_class c ON c.oid = d.objid AND c.relkind = 'S'
		 WHERE d.classid = 'pg_class'::regclass
		   AND d.refclassid = 'pg_class'::regclass
		   AND d.refobjid IN (SELECT t FROM @extschema@.loader_tables() t)
		   AND d.deptype IN ('a', 'i')
		 ORDER BY 1
	LOOP
		EXECUTE format('GRANT USAGE ON SEQUENCE %s TO %s', seq, who);
	END LOOP;
END
$$;
COMMENT ON FUNCTION @extschema@.grant_loader(pg_catalog.regrole) IS
	'lets a role read, insert into and update the tables of loader_tables() (requests, routes, return cases, their conditions, detention episodes, holidays; no delete), begin, end and check load batches, list and withdraw unanswered requests and read their audit, and what an analyst may';

CREATE FUNCTION @extschema@.revoke_access(grantee pg_catalog.regrole) RETURNS pg_catalog.void
	LANGUAGE plpgsql	-- not strict: check_grantee() refuses a NULL role
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	who text := @extschema@.check_grantee(grantee);
BEGIN
	EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA @extschema@, migchain_bi FROM %s', who);
	EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA @extschema@ FROM %s', who);
	EXECUTE format('REVOKE ALL ON ALL ROUTINES IN SCHEMA @extschema@ FROM %s', who);
	EXECUTE format('REVOKE ALL ON SCHEMA @extschema@, migchain_bi FROM %s', who);
END
$$;
COMMENT ON FUNCTION @extschema@.revoke_access(pg_catalog.regrole) IS
	'takes back every right on the objects of migchain and migchain_bi that was granted to the role itself (what PUBLIC may, it still may)';

REVOKE EXECUTE ON FUNCTION @extschema@.grant_analyst(pg_catalog.regrole) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.grant_loader(pg_catalog.regrole) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.revoke_access(pg_catalog.regrole) FROM PUBLIC;

-- ---- Unanswered requests (sql/install/47-unanswered.sql) ----
-- unanswered_requests() lists person-level rows and withdraw_unanswered()
-- changes requests: for loaders and the admin, not for PUBLIC.
-- withdraw_unanswered_audited() does the work with the owner's rights and
-- writes the audit table, which no other role may write: only the roles
-- that may run withdraw_unanswered() may execute it.  grant_loader grants
-- EXECUTE on the three, and SELECT (nothing more) on unanswered_withdrawal;
-- grant_analyst grants none of them.
-- check_unanswered_arguments() only checks its arguments: PUBLIC keeps it.
REVOKE EXECUTE ON FUNCTION @extschema@.unanswered_requests(pg_catalog.date, pg_catalog.int4) FROM PUBLIC;
REVOKE EXECUTE ON PROCEDURE @extschema@.withdraw_unanswered(pg_catalog.date, pg_catalog.int4) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.withdraw_unanswered_audited(pg_catalog.date, pg_catalog.int4,
	pg_catalog.name) FROM PUBLIC;
-- ---- end of unanswered requests ----

-- ---- The rollup and load batches (sql/install/29-load_batch.sql, 36-rollup.sql) ----
-- request_counts() reads the rollup with the owner's rights and returns
-- counts down to 1: like period_cube(), for the roles given analyst access
-- (the views call it, so grant_analyst grants it).  verify_request_rollup()
-- counts too, and rebuild_request_rollup() and compact_request_rollup()
-- write the rollup: for the admin.  begin_load(), end_load() and
-- load_batch_check() are for loaders (grant_loader grants them);
-- remove_load_batch() deletes requests: for the admin only.
-- request_rollup_ready(), current_load_batch() and request_row_hash() read
-- nothing person-level: PUBLIC keeps them.
REVOKE EXECUTE ON FUNCTION @extschema@.request_counts(pg_catalog.int4, pg_catalog.int4,
	@extschema@.request_kind) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.verify_request_rollup() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.rebuild_request_rollup() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.compact_request_rollup() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.begin_load(pg_catalog.text, pg_catalog.text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.end_load(pg_catalog.int4) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.load_batch_check(pg_catalog.int4) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.remove_load_batch(pg_catalog.int4, pg_catalog.text) FROM PUBLIC;
-- ---- end of the rollup and load batches ----

-- ---- Publishing (sql/install/48-publish.sql) ----
-- The published cells and the snapshots read the counts with the owner's
-- rights: for the roles given analyst access (grant_analyst grants them
-- through analyst_functions()), not for PUBLIC.  report_input_fingerprint()
-- reads the requests' hashes: it serves freeze_report() and
-- report_snapshot_check() only.  suppress_block() computes on its
-- arguments, but its work grows fast with the number of countries: it
-- serves published_cells(), which runs as the owner.  round_count(),
-- check_publication(), output_language() and publication_note() compute on
-- their arguments: PUBLIC keeps them.
REVOKE EXECUTE ON FUNCTION @extschema@.published_cells(pg_catalog.int4, pg_catalog.int4,
	pg_catalog.int4, pg_catalog.int4) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.freeze_report(pg_catalog.int4, pg_catalog.int4,
	pg_catalog.int4, pg_catalog.int4, pg_catalog.text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.report_snapshot_get(pg_catalog.int4) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.report_snapshot_cells(pg_catalog.int4, pg_catalog.bool) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.report_snapshot_note(pg_catalog.int4) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.report_snapshot_check(pg_catalog.int4) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.report_input_fingerprint(pg_catalog.int4, pg_catalog.int4) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.suppress_block(pg_catalog.int8[], pg_catalog.int8[],
	pg_catalog.int8[], pg_catalog.int8, pg_catalog.int8, pg_catalog.int4, pg_catalog.int4) FROM PUBLIC;
-- ---- end of publishing ----
