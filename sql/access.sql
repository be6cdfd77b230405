-- Who may do what (docs/security.md).  An analyst reads the views of
-- migchain_bi and calls the period functions, and can reach the
-- person-level rows by no path; a loader reads, inserts and updates
-- requests and routes but deletes nothing, and begins, ends and checks load
-- batches; PUBLIC gets nothing of the data.
SET search_path = public, migchain;
SET migchain.language = 'en';

-- What the install script keeps from PUBLIC.
SELECT p.oid::regprocedure AS not_for_public
  FROM pg_proc p
 WHERE p.pronamespace = 'migchain'::regnamespace
   AND NOT has_function_privilege('public', p.oid, 'EXECUTE')
 ORDER BY 1;
-- PUBLIC may use no schema, table, sequence or view of the extension.
SELECT n.nspname, has_schema_privilege('public', n.oid, 'USAGE') AS public_usage
  FROM pg_namespace n WHERE n.nspname IN ('migchain', 'migchain_bi') ORDER BY 1;
SELECT count(*) AS relations,
       count(*) FILTER (WHERE has_table_privilege('public', c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')) AS public_may
  FROM pg_class c
 WHERE c.relnamespace IN ('migchain'::regnamespace, 'migchain_bi'::regnamespace)
   AND c.relkind IN ('r', 'v', 'm');

-- A few requests and routes.
INSERT INTO migchain.country_route (country, kind, valid_from, valid_to, has_process) VALUES
  ('MA', 'LP', '2000-01-01', NULL, true),
  ('SO', 'LP', '2000-01-01', NULL, false);
INSERT INTO migchain.request (request_id, kind, answer, country, presented_on, answered_on, person_id) VALUES
  (101, 'LP', 'positive', 'MA', '2020-02-01', '2020-03-01', 5001),
  (102, 'LP', 'negative', 'MA', '2020-03-15', '2020-05-01', 5002),
  (103, 'LP', 'withdrawn', 'DZ', '2020-06-01', '2021-06-02', 5002),
  (104, 'T&O', 'pending', 'AL', '2021-12-31', NULL, 5003),
  (105, 'LP', 'pending', 'YUCS', '2021-01-05', NULL, 5004);

CREATE ROLE regress_migchain_analyst;
CREATE ROLE regress_migchain_loader;
CREATE ROLE regress_migchain_other;
SELECT migchain.grant_analyst('regress_migchain_analyst');
SELECT migchain.grant_loader('regress_migchain_loader');

-- What each may do with the person-level tables and their sequences ...
SELECT c.oid::regclass AS relation,
       array_remove(ARRAY[
         CASE WHEN has_table_privilege(r, c.oid, 'SELECT') THEN 'select' END,
         CASE WHEN has_table_privilege(r, c.oid, 'INSERT') THEN 'insert' END,
         CASE WHEN has_table_privilege(r, c.oid, 'UPDATE') THEN 'update' END,
         CASE WHEN has_table_privilege(r, c.oid, 'DELETE') THEN 'delete' END,
         CASE WHEN has_table_privilege(r, c.oid, 'TRUNCATE') THEN 'truncate' END], NULL) AS rights,
       r AS role
  FROM pg_class c,
       unnest(ARRAY['regress_migchain_analyst', 'regress_migchain_loader', 'regress_migchain_other']) r
 WHERE c.relnamespace = 'migchain'::regnamespace AND c.relkind = 'r'
 ORDER BY 1, 3;
-- ... per column of the requests: a loader inserts every column and
-- updates every one but the load batch (where a row came from stays as it
-- was loaded) ...
SELECT a.attname AS column,
       has_column_privilege('regress_migchain_loader', 'migchain.request', a.attname, 'INSERT') AS loader_inserts,
       has_column_privilege('regress_migchain_loader', 'migchain.request', a.attname, 'UPDATE') AS loader_updates
  FROM pg_attribute a
 WHERE a.attrelid = 'migchain.request'::regclass AND a.attnum > 0 AND NOT a.attisdropped
 ORDER BY a.attnum;
SELECT c.oid::regclass AS sequence, r AS role, has_sequence_privilege(r, c.oid, 'USAGE') AS usage
  FROM pg_class c,
       unnest(ARRAY['regress_migchain_analyst', 'regress_migchain_loader', 'regress_migchain_other']) r
 WHERE c.relnamespace = 'migchain'::regnamespace AND c.relkind = 'S'
 ORDER BY 1, 2;
-- The load batches, column by column: a loader writes the system and file
-- of a new batch (begin_load() does, with the loader's rights), nothing
-- else; who began it and when are the defaults', the rows and checksum
-- end_load()'s, the removal remove_load_batch()'s (the admin's).
SELECT r AS role,
       array_agg(a.attname ORDER BY a.attnum) FILTER (WHERE has_column_privilege(r, a.attrelid, a.attnum, 'SELECT')) AS may_read,
       array_agg(a.attname ORDER BY a.attnum) FILTER (WHERE has_column_privilege(r, a.attrelid, a.attnum, 'INSERT')) AS may_insert,
       array_agg(a.attname ORDER BY a.attnum) FILTER (WHERE has_column_privilege(r, a.attrelid, a.attnum, 'UPDATE')) AS may_update
  FROM pg_attribute a,
       unnest(ARRAY['regress_migchain_analyst', 'regress_migchain_loader', 'regress_migchain_other']) r
 WHERE a.attrelid = 'migchain.load_batch'::regclass AND a.attnum > 0 AND NOT a.attisdropped
 GROUP BY r ORDER BY r;
-- The functions of the rollup and the load batches, role by role (PUBLIC's
-- rights included): the counts of request_counts() for whoever has analyst
-- access (a loader has it too); checking, rebuilding and compacting the
-- rollup, and taking a batch back, for the admin only; beginning, ending
-- and checking a batch for loaders; whether the rollup can be read, the
-- batch of the session and the hash of a row's values, which read nothing
-- person-level, for everyone.
SELECT f AS function,
       has_function_privilege('regress_migchain_analyst', f, 'EXECUTE') AS analyst,
       has_function_privilege('regress_migchain_loader', f, 'EXECUTE') AS loader,
       has_function_privilege('regress_migchain_other', f, 'EXECUTE') AS other
  FROM unnest(ARRAY['migchain.request_counts(int, int, migchain.request_kind)',
                    'migchain.verify_request_rollup()', 'migchain.rebuild_request_rollup()',
                    'migchain.compact_request_rollup()', 'migchain.remove_load_batch(int, text)',
                    'migchain.begin_load(text, text)', 'migchain.end_load(int)',
                    'migchain.load_batch_check(int)', 'migchain.request_rollup_ready()',
                    'migchain.current_load_batch()',
                    'migchain.request_row_hash(int, migchain.request_kind, migchain.answer, migchain.country, date, date, date, bigint)'
                   ]::regprocedure[]) f;
-- ... and with the views: read every one of them, nothing else.
SELECT r AS role,
       bool_and(has_table_privilege(r, c.oid, 'SELECT')) AS reads_every_view,
       bool_or(has_table_privilege(r, c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE')) AS writes_some_view
  FROM pg_class c,
       unnest(ARRAY['regress_migchain_analyst', 'regress_migchain_loader', 'regress_migchain_other']) r
 WHERE c.relnamespace = 'migchain_bi'::regnamespace
 GROUP BY r ORDER BY r;
-- Both may execute the functions the views and period functions need (the
-- period functions, request_counts that reads the rollup with the owner's
-- rights, the accessors), granted to them by name, not only through PUBLIC.
-- The overviews no longer count the rows: the aggregate request_cube, its
-- unpacking functions and period_cube are not among them.  The functions
-- request_counts calls are (the list follows the bodies of SQL functions,
-- whatever their rights), though it runs them with the owner's rights.
SELECT f IN (SELECT migchain.analyst_functions()) AS needed, f
  FROM unnest(ARRAY['migchain.request_cube(migchain.request_kind, migchain.answer, migchain.country, date)',
                    'migchain.request_cube_by_year(migchain.request_cube)', 'migchain.request_cube_by_country(migchain.request_cube)',
                    'migchain.period_cube(int, int, migchain.request_kind)',
                    'migchain.request_counts(int, int, migchain.request_kind)',
                    'migchain.check_period(int, int)', 'migchain.request_rollup_ready()',
                    'migchain.overview(int, int)',
                    'migchain.not_confirmed_by_country(migchain.request_kind, int, int)', 'migchain.persons(int, int)',
                    'migchain.total(migchain.tally)', 'migchain.name(migchain.country)']::regprocedure[]) f;
SELECT r AS role,
       bool_and(EXISTS (SELECT 1 FROM pg_proc p, aclexplode(p.proacl) a
                         WHERE p.oid = f AND a.grantee = r::regrole AND a.privilege_type = 'EXECUTE')) AS granted_every_one
  FROM migchain.analyst_functions() f,
       unnest(ARRAY['regress_migchain_analyst', 'regress_migchain_loader', 'regress_migchain_other']) r
 GROUP BY r ORDER BY r;
-- A loader also those the constraints, defaults and triggers of the tables call.
SELECT * FROM migchain.loader_functions();

-- A role that was granted nothing gets nothing.
SET ROLE regress_migchain_other;
SELECT * FROM migchain_bi.overview_by_year;
SELECT * FROM migchain.overview();
SELECT count(*) FROM migchain.request;
RESET ROLE;

-- The analyst: the views and the period functions work.
SET ROLE regress_migchain_analyst;
SELECT * FROM migchain_bi.overview_by_year ORDER BY year, kind;
SELECT * FROM migchain_bi.not_confirmed_by_country ORDER BY year, kind, country_code;
SELECT * FROM migchain_bi.persons_by_year ORDER BY year, kind;
SELECT * FROM migchain.overview(2021, 2021) ORDER BY kind;
SELECT country_code, not_confirmed, presented, has_process FROM migchain.not_confirmed_by_country('LP', 2020, 2020) ORDER BY 1;
SELECT * FROM migchain.persons(2020, NULL) ORDER BY year, kind;
-- The counts per country behind the overviews, read from the rollup.
SELECT * FROM migchain.request_counts(2020, NULL);
-- The person-level rows: by no path.
SELECT * FROM migchain.request;
TABLE migchain.request;
SELECT person_id FROM migchain.request WHERE false;
SELECT count(*) FROM migchain.request;
SELECT * FROM migchain.country_route;
SELECT migchain.request_cube(kind, answer, country, presented_on) FROM migchain.request;
SELECT migchain.has_process('SO', 'LP', 2020);
COPY migchain.request TO STDOUT;
COPY (SELECT person_id FROM migchain.request) TO STDOUT;
SELECT * FROM migchain.demo_requests(1, 0.01, 2020, 2020) LIMIT 1;
SELECT migchain.generate_demo(1, 0.01);
-- Nor the rollup's deltas (the counts of request_counts() are), nor the
-- load batches and their checks.
SELECT * FROM migchain.request_rollup;
SELECT * FROM migchain.verify_request_rollup();
SELECT migchain.compact_request_rollup();
SELECT * FROM migchain.load_batch;
SELECT * FROM migchain.load_batch_check(1);
SELECT migchain.begin_load('analyst');
-- The statistics of columns a role may not read are hidden from it, and the
-- catalog that holds them is for superusers.  (This test leaves no
-- statistics behind for the tests after it; test/t/021_access.pl shows the
-- histogram of person numbers hidden from an analyst.)
SELECT count(*) FROM pg_stats WHERE schemaname = 'migchain';
SELECT count(*) FROM pg_stats_ext WHERE schemaname = 'migchain';
SELECT count(*) FROM pg_statistic;
-- Writes are refused before a row is formed, so no error shows one.
INSERT INTO migchain.request (kind, answer, country, presented_on, person_id) VALUES ('LP', 'positive', 'MA', '2020-01-01', 20);
UPDATE migchain.request SET answer = 'withdrawn';
DELETE FROM migchain.request;
TRUNCATE migchain.request;
SELECT nextval('migchain.request_request_id_seq');
-- No view has a person or request number, and no function the analyst may
-- execute has one among its arguments or results (the superuser's list
-- shows what this looks for), but request_row_hash: it hashes the values it
-- is given and reads no table.
SELECT attrelid::regclass, attname FROM pg_attribute
 WHERE attrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'migchain_bi'::regnamespace)
   AND attname IN ('person_id', 'request_id');
SELECT p.oid::regprocedure FROM pg_proc p
 WHERE p.pronamespace = 'migchain'::regnamespace AND 'person_id' = ANY (p.proargnames)
   AND has_function_privilege(p.oid, 'EXECUTE');
-- Nor may the analyst hand out rights.
SELECT migchain.grant_loader('regress_migchain_analyst');
SELECT migchain.grant_analyst('regress_migchain_other');
SELECT migchain.revoke_access('regress_migchain_loader');
RESET ROLE;
SELECT p.oid::regprocedure FROM pg_proc p
 WHERE p.pronamespace = 'migchain'::regnamespace AND 'person_id' = ANY (p.proargnames);

-- The loader: inserts (a fresh request number from the identity), reads
-- and updates requests; deletes nothing.
SET ROLE regress_migchain_loader;
INSERT INTO migchain.request (kind, country, presented_on, person_id) VALUES ('LP', 'MA', '2022-02-02', 5005)
  RETURNING request_id, kind, answer, country, presented_on, person_id;
UPDATE migchain.request SET answer = 'positive', answered_on = '2022-03-01' WHERE request_id = 1;
SELECT request_id, answer, answered_on FROM migchain.request WHERE person_id = 5005;
-- A failing row: the loader may read the table, so the row is shown
-- (kind, answer, country, presented_on, request_id, batch_id, person_id,
-- answered_on, requested_on).
INSERT INTO migchain.request (kind, answer, country, presented_on, person_id) VALUES ('LP', 'negative', 'MA', '2022-02-02', 5006);
DELETE FROM migchain.request WHERE request_id = 1;
TRUNCATE migchain.request;
-- Nor does it write the rollup, or take a batch back.
INSERT INTO migchain.request_rollup (year, kind, country, pending, positive, negative, withdrawn)
  VALUES (2022, 'LP', 'MA', 1, 0, 0, 0);
SELECT migchain.rebuild_request_rollup();
SELECT migchain.remove_load_batch(1, 'loaded twice');
-- Routes, with the trigger that refuses overlaps running as the loader.
INSERT INTO migchain.country_route (country, kind, valid_from, has_process) VALUES ('ET', 'LP', '2021-06-01', true);
INSERT INTO migchain.country_route (country, kind, valid_from, has_process) VALUES ('ET', 'LP', '2022-01-01', true);
UPDATE migchain.country_route SET valid_to = '2022-01-01' WHERE country = 'ET';
SELECT nextval('migchain.country_route_route_id_seq') > 0 AS reserved;
SELECT migchain.has_process('SO', 'LP', 2020);
SELECT year, kind, presented, positive FROM migchain.overview(2022) ORDER BY kind;
SELECT migchain.generate_demo(1, 0.01);
SELECT migchain.grant_analyst('regress_migchain_other');
RESET ROLE;

-- Functions called in a view are checked against the role that queries it.
-- With EXECUTE on every function of migchain revoked from PUBLIC, a role
-- that may only read the views cannot use them; the analyst and the loader,
-- granted the functions by name, still can.
CREATE TEMP TABLE public_functions AS
  SELECT p.oid::regprocedure AS fn FROM pg_proc p
   WHERE p.pronamespace = 'migchain'::regnamespace AND has_function_privilege('public', p.oid, 'EXECUTE');
REVOKE EXECUTE ON ALL ROUTINES IN SCHEMA migchain FROM PUBLIC;
GRANT USAGE ON SCHEMA migchain, migchain_bi TO regress_migchain_other;
GRANT SELECT ON ALL TABLES IN SCHEMA migchain_bi TO regress_migchain_other;
SET ROLE regress_migchain_other;
SELECT count(*) FROM migchain_bi.overview_by_year;
SELECT count(*) FROM migchain.overview(2020, 2022);
SET ROLE regress_migchain_analyst;
SELECT (SELECT count(*) FROM migchain_bi.overview_by_year) AS overview_by_year,
       (SELECT count(*) FROM migchain_bi.not_confirmed_by_country) AS not_confirmed_by_country,
       (SELECT count(*) FROM migchain_bi.persons_by_year) AS persons_by_year,
       (SELECT count(*) FROM migchain.overview(2020, 2022)) AS overview,
       (SELECT count(*) FROM migchain.not_confirmed_by_country('LP', 2020, NULL)) AS not_confirmed,
       (SELECT count(*) FROM migchain.persons(NULL, 2022)) AS persons;
SET ROLE regress_migchain_loader;
BEGIN;
SELECT migchain.begin_load('regress', 'access.sql') IS NOT NULL AS begun;
INSERT INTO migchain.request (kind, country, presented_on, person_id) VALUES ('T&O', 'AL', '2022-05-05', 5007);
UPDATE migchain.request SET answer = 'negative', answered_on = '2022-06-01' WHERE country = 'AL' AND presented_on = '2022-05-05';
SELECT row_count FROM migchain.end_load();
COMMIT;
SELECT system, file, loaded_by, row_count FROM migchain.load_batch;
INSERT INTO migchain.country_route (country, kind, valid_from, has_process) VALUES ('AL', 'T&O', '2006-05-01', true);
SELECT count(*) FROM migchain_bi.persons_by_year;
RESET ROLE;
DO $$
DECLARE
	f regprocedure;
BEGIN
	FOR f IN SELECT fn FROM public_functions LOOP
		EXECUTE format('GRANT EXECUTE ON ROUTINE %s TO PUBLIC', f);
	END LOOP;
END
$$;
DROP TABLE public_functions;
SELECT p.oid::regprocedure AS not_for_public
  FROM pg_proc p
 WHERE p.pronamespace = 'migchain'::regnamespace
   AND NOT has_function_privilege('public', p.oid, 'EXECUTE')
 ORDER BY 1;

-- The grant functions: a role is required (NULL too); names are quoted.
SELECT migchain.grant_analyst(NULL);
SELECT migchain.grant_analyst('-');
SELECT migchain.grant_loader('-');
SELECT migchain.revoke_access('-');
SELECT migchain.grant_analyst('regress_migchain_nobody');
CREATE ROLE "regress_migchain ""odd"" Name";
SELECT migchain.grant_analyst('"regress_migchain ""odd"" Name"');
SELECT has_table_privilege('regress_migchain "odd" Name', 'migchain_bi.overview_by_year', 'SELECT') AS may_read;
SELECT migchain.revoke_access('"regress_migchain ""odd"" Name"');
SELECT has_table_privilege('regress_migchain "odd" Name', 'migchain_bi.overview_by_year', 'SELECT') AS may_read;

-- revoke_access takes back everything: then the analyst reads nothing, and
-- every role can be dropped (DROP ROLE refuses a role that still holds a
-- right on some object).
SELECT migchain.revoke_access('regress_migchain_analyst');
SELECT migchain.revoke_access('regress_migchain_loader');
SELECT migchain.revoke_access('regress_migchain_other');
SET ROLE regress_migchain_analyst;
SELECT * FROM migchain_bi.overview_by_year;
SET ROLE regress_migchain_loader;
INSERT INTO migchain.request (kind, country, presented_on, person_id) VALUES ('LP', 'MA', '2022-02-02', 5008);
RESET ROLE;
DROP ROLE regress_migchain_analyst;
DROP ROLE regress_migchain_loader;
DROP ROLE regress_migchain_other;
DROP ROLE "regress_migchain ""odd"" Name";

TRUNCATE migchain.request, migchain.country_route, migchain.load_batch RESTART IDENTITY;
RESET migchain.language;
RESET search_path;
