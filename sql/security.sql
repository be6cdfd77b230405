-- The install script and the functions whose bodies are parsed when they
-- are called must not be captured by objects that come earlier in the
-- search_path than the ones meant.  Traps, functions, aggregates and
-- operators with the names and argument types they use, each raising an
-- error that names it, are made in schema public and in the schema migchain
-- itself (CREATE EXTENSION makes it, DROP EXTENSION leaves it behind); the
-- extension is created again under hostile search paths and used, and no
-- trap may go off.  At the end the traps are gone and the extension exists,
-- as the other tests expect.
SET client_min_messages = warning;
DROP EXTENSION migchain;
RESET client_min_messages;

-- Comparison and arithmetic operators on the built-in types the install
-- script compares, and the functions and aggregates it calls.  (COALESCE,
-- IN and IS NULL are syntax, not calls.)
DO $$
DECLARE
	s text;
	op text;
	t record;
	n int := 0;
BEGIN
	FOREACH s IN ARRAY ARRAY['public', 'migchain'] LOOP
		FOR t IN SELECT * FROM (VALUES ('int4', 'int4', 'int4'), ('int8', 'int4', 'int8'),
				('int8', 'int8', 'int8'), ('numeric', 'numeric', 'numeric'),
				('date', 'date', NULL), ('text', 'text', NULL), ('bool', 'bool', NULL),
				('oid', 'oid', NULL), ('"char"', '"char"', NULL), ('regrole', 'int4', NULL)) v(l, r, arith) LOOP
			FOREACH op IN ARRAY ARRAY['=', '<>', '<', '<=', '>', '>=', '+', '-', '*', '/'] LOOP
				CONTINUE WHEN op IN ('+', '-', '*', '/') AND t.arith IS NULL;
				n := n + 1;
				EXECUTE format('CREATE FUNCTION %I.migchain_trap_%s(%s, %s) RETURNS %s LANGUAGE plpgsql AS %L',
					s, n, t.l, t.r, CASE WHEN op IN ('+', '-', '*', '/') THEN t.arith ELSE 'bool' END,
					format('BEGIN RAISE EXCEPTION ''trap %s.%s(%s, %s) called''; END', s, op, t.l, t.r));
				EXECUTE format('CREATE OPERATOR %I.%s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = %I.migchain_trap_%s)',
					s, op, t.l, t.r, s, n);
			END LOOP;
		END LOOP;
		EXECUTE format($f$
			CREATE FUNCTION %1$I.make_date(int4, int4, int4) RETURNS date LANGUAGE plpgsql
				AS 'BEGIN RAISE EXCEPTION ''trap %1$s.make_date called''; END';
			CREATE FUNCTION %1$I.date_part(text, date) RETURNS float8 LANGUAGE plpgsql
				AS 'BEGIN RAISE EXCEPTION ''trap %1$s.date_part(text, date) called''; END';
			CREATE FUNCTION %1$I.date_part(text, timestamp) RETURNS float8 LANGUAGE plpgsql
				AS 'BEGIN RAISE EXCEPTION ''trap %1$s.date_part(text, timestamp) called''; END';
			CREATE FUNCTION %1$I.round(numeric, int4) RETURNS numeric LANGUAGE plpgsql
				AS 'BEGIN RAISE EXCEPTION ''trap %1$s.round called''; END';
			CREATE FUNCTION %1$I.migchain_trap_count(int8) RETURNS int8 LANGUAGE plpgsql
				AS 'BEGIN RAISE EXCEPTION ''trap %1$s.count(*) called''; END';
			CREATE AGGREGATE %1$I.count(*) (SFUNC = %1$I.migchain_trap_count, STYPE = int8, INITCOND = '0');
			CREATE FUNCTION %1$I.migchain_trap_sum(numeric, int8) RETURNS numeric LANGUAGE plpgsql
				AS 'BEGIN RAISE EXCEPTION ''trap %1$s.sum(int8) called''; END';
			CREATE AGGREGATE %1$I.sum(int8) (SFUNC = %1$I.migchain_trap_sum, STYPE = numeric);
			CREATE FUNCTION %1$I.migchain_trap_bool_or(bool, bool) RETURNS bool LANGUAGE plpgsql
				AS 'BEGIN RAISE EXCEPTION ''trap %1$s.bool_or called''; END';
			CREATE AGGREGATE %1$I.bool_or(bool) (SFUNC = %1$I.migchain_trap_bool_or, STYPE = bool);
		$f$, s);
	END LOOP;
END
$$;

SELECT nspname AS schema,
       (SELECT count(*) FROM pg_operator WHERE oprnamespace = n.oid) AS operators,
       (SELECT count(*) FROM pg_proc WHERE pronamespace = n.oid AND prokind = 'f'
           AND proname IN ('make_date', 'date_part', 'round')) AS functions,
       (SELECT count(*) FROM pg_proc WHERE pronamespace = n.oid AND prokind = 'a') AS aggregates
  FROM pg_namespace n WHERE nspname IN ('public', 'migchain') ORDER BY 1;

-- The traps have teeth: found before pg_catalog, they are called.
SET search_path = public, pg_catalog;
SELECT 1 < 2;
SELECT make_date(2020, 1, 1);
SELECT count(*) FROM (VALUES (1)) v;
SET search_path = migchain, pg_catalog;
SELECT 2::int8 >= 1;
RESET search_path;

-- CREATE EXTENSION under hostile search paths: the script runs without a
-- trap going off, and then its objects are used with those paths.
SET search_path = public, migchain;
CREATE EXTENSION migchain;
SET client_min_messages = warning;
DROP EXTENSION migchain;
RESET client_min_messages;
SET search_path = public, pg_catalog, migchain;
CREATE EXTENSION migchain;
RESET search_path;

-- Operators on migchain's own types in public, found before migchain's.
DO $$
DECLARE
	typ text;
	op text;
	n int := 0;
BEGIN
	FOREACH typ IN ARRAY ARRAY['request_kind', 'answer', 'country', 'conditions', 'tally'] LOOP
		FOREACH op IN ARRAY ARRAY['=', '<>', '<', '<=', '>', '>='] LOOP
			CONTINUE WHEN typ = 'tally' AND op NOT IN ('=', '<>');
			n := n + 1;
			EXECUTE format('CREATE FUNCTION public.migchain_trap_t%s(migchain.%s, migchain.%s) RETURNS bool LANGUAGE plpgsql AS %L',
				n, typ, typ, format('BEGIN RAISE EXCEPTION ''trap public.%s(%s, %s) called''; END', op, typ, typ));
			EXECUTE format('CREATE OPERATOR public.%s (LEFTARG = migchain.%s, RIGHTARG = migchain.%s, FUNCTION = public.migchain_trap_t%s)',
				op, typ, typ, n);
		END LOOP;
	END LOOP;
	CREATE FUNCTION public.migchain_trap_tally(migchain.tally, migchain.tally) RETURNS migchain.tally
		LANGUAGE plpgsql AS 'BEGIN RAISE EXCEPTION ''trap public.+(tally, tally) called''; END';
	CREATE OPERATOR public.+ (LEFTARG = migchain.tally, RIGHTARG = migchain.tally,
		FUNCTION = public.migchain_trap_tally);
END
$$;

-- Data, made under the hostile path (generate_demo and the trigger on
-- country_route set their own search_path), with a few rows by hand.
SET search_path = public, pg_catalog, migchain;
SELECT migchain.generate_demo(11, 0.02, 2019, 2021) OPERATOR(pg_catalog.>) 0 AS generated;
INSERT INTO migchain.request (kind, answer, country, presented_on, answered_on, person_id) VALUES
  ('LP', 'pending', 'SO', '2021-05-05', NULL, 900001),
  ('T&O', 'withdrawn', 'YUCS', '2019-02-02', '2020-02-03', 900002);
INSERT INTO migchain.country_route (country, kind, valid_from, valid_to, has_process) VALUES ('NO', 'LP', '2019-01-01', '2020-01-01', true);
INSERT INTO migchain.country_route (country, kind, valid_from, has_process) VALUES ('NO', 'LP', '2020-01-01', true);
UPDATE migchain.country_route SET valid_to = '2022-01-01' WHERE country OPERATOR(pg_catalog.=) 'NO' AND valid_to IS NULL;
INSERT INTO migchain.country_route (country, kind, valid_from, has_process) VALUES ('NO', 'LP', '2022-01-01', true);

-- Everything a user calls, under three search paths: the results are the
-- same as under the default path, and no trap goes off.
CREATE TEMP TABLE hostile (path text, what text, result text);
CREATE FUNCTION pg_temp.results(path text) RETURNS SETOF hostile LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_catalog.set_config('search_path', path, true);
	RETURN QUERY SELECT path, 'overview_by_year', v::text FROM migchain_bi.overview_by_year v;
	RETURN QUERY SELECT path, 'not_confirmed_by_country', v::text FROM migchain_bi.not_confirmed_by_country v;
	RETURN QUERY SELECT path, 'persons_by_year', v::text FROM migchain_bi.persons_by_year v;
	RETURN QUERY SELECT path, 'overview()', v::text FROM migchain.overview(2020, 2021) v;
	RETURN QUERY SELECT path, 'not_confirmed_by_country()', v::text FROM migchain.not_confirmed_by_country('LP', 2019, NULL) v;
	RETURN QUERY SELECT path, 'persons()', v::text FROM migchain.persons(NULL, 2020) v;
	RETURN QUERY SELECT path, 'has_process()', migchain.has_process('SO', 'LP', 2020)::text;
	RETURN QUERY SELECT path, 'acceptance_rate()', migchain.acceptance_rate(migchain.tally(1, 2, 3, 4))::text;
	RETURN QUERY SELECT path, 'analyst_functions()', f::oid::text FROM migchain.analyst_functions() f;
END
$$;
INSERT INTO hostile SELECT * FROM pg_temp.results('public, pg_catalog, migchain');
INSERT INTO hostile SELECT * FROM pg_temp.results('public, migchain');
INSERT INTO hostile SELECT * FROM pg_temp.results('migchain, public, pg_catalog');
RESET search_path;
CREATE TEMP TABLE safe AS SELECT what, result FROM pg_temp.results('pg_catalog');
SELECT what, count(*) > 0 AS has_results FROM safe GROUP BY what ORDER BY what;
-- No difference, in either direction, for any path.
SELECT p.path,
       (SELECT count(*) FROM (SELECT what, result FROM hostile h WHERE h.path = p.path
                              EXCEPT ALL TABLE safe) d) AS extra,
       (SELECT count(*) FROM (TABLE safe
                              EXCEPT ALL SELECT what, result FROM hostile h WHERE h.path = p.path) d) AS missing
  FROM (SELECT DISTINCT path FROM hostile) p ORDER BY 1;

-- What the install script made refers to no function, operator or type
-- outside pg_catalog, migchain and migchain_bi: neither the functions and
-- views themselves nor the rules of the views, the constraints, defaults
-- and triggers of the tables.  It was made while the traps were there, so a
-- captured name would show.  (pg_depend records no reference to the objects
-- of pg_catalog itself.)
CREATE TEMP TABLE made AS
WITH members AS (
	SELECT classid, objid FROM pg_depend
	 WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e'
	   AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'migchain')
), tables AS (
	SELECT objid AS rel FROM members WHERE classid = 'pg_class'::regclass
)
SELECT classid, objid FROM members
UNION SELECT 'pg_rewrite'::regclass, oid FROM pg_rewrite WHERE ev_class IN (SELECT rel FROM tables)
UNION SELECT 'pg_constraint'::regclass, oid FROM pg_constraint WHERE conrelid IN (SELECT rel FROM tables)
UNION SELECT 'pg_attrdef'::regclass, oid FROM pg_attrdef WHERE adrelid IN (SELECT rel FROM tables)
UNION SELECT 'pg_trigger'::regclass, oid FROM pg_trigger WHERE tgrelid IN (SELECT rel FROM tables);
CREATE TEMP TABLE refs AS
SELECT d.refclassid, d.refobjid,
       CASE d.refclassid WHEN 'pg_proc'::regclass THEN (SELECT pronamespace FROM pg_proc WHERE oid = d.refobjid)
                         WHEN 'pg_operator'::regclass THEN (SELECT oprnamespace FROM pg_operator WHERE oid = d.refobjid)
                         WHEN 'pg_type'::regclass THEN (SELECT typnamespace FROM pg_type WHERE oid = d.refobjid)
       END AS nsp
  FROM pg_depend d JOIN made m ON m.classid = d.classid AND m.objid = d.objid
 WHERE d.refclassid IN ('pg_proc'::regclass, 'pg_operator'::regclass, 'pg_type'::regclass);
SELECT count(*) > 100 AS many_references_checked FROM refs;
SELECT DISTINCT pg_describe_object(refclassid, refobjid, 0) AS outside
  FROM refs WHERE nsp NOT IN ('pg_catalog'::regnamespace, 'migchain'::regnamespace, 'migchain_bi'::regnamespace);
DROP TABLE made, refs;

-- Away with the traps and the data; the extension stays.
DROP FUNCTION pg_temp.results(text);
DROP TABLE hostile, safe;
SET client_min_messages = warning;
DO $$
DECLARE
	f regprocedure;
BEGIN
	FOR f IN SELECT p.oid FROM pg_proc p
			  WHERE p.pronamespace IN ('public'::regnamespace, 'migchain'::regnamespace)
				AND (p.proname ~ '^migchain_trap' OR p.proname IN ('make_date', 'date_part', 'round'))
				AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass
								  AND e.objid = p.oid AND e.deptype = 'e') LOOP
		EXECUTE format('DROP FUNCTION %s CASCADE', f);
	END LOOP;
END
$$;
RESET client_min_messages;
TRUNCATE migchain.request, migchain.country_route RESTART IDENTITY;
-- Nothing is left in public or migchain that is not the extension's.
SELECT pg_describe_object(classid, objid, 0) AS left_behind
  FROM (SELECT 'pg_proc'::regclass AS classid, oid AS objid, pronamespace AS nsp FROM pg_proc
        UNION ALL SELECT 'pg_operator'::regclass, oid, oprnamespace FROM pg_operator
        UNION ALL SELECT 'pg_class'::regclass, oid, relnamespace FROM pg_class
        UNION ALL SELECT 'pg_type'::regclass, oid, typnamespace FROM pg_type WHERE typrelid = 0) o
 WHERE nsp IN ('public'::regnamespace, 'migchain'::regnamespace)
   AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = o.classid AND e.objid = o.objid
                     AND e.deptype IN ('e', 'i', 'a'))
 ORDER BY 1;
SELECT extname, extversion = (SELECT default_version FROM pg_available_extensions WHERE name = 'migchain') AS current_version
  FROM pg_extension WHERE extname = 'migchain';
