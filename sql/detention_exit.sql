-- The type detention_exit: how an episode of immigration detention
-- (vreemdelingenbewaring) ended, departure < balancing < court <
-- maximum_term < other, with labels in Dutch (the default) or English after
-- the setting migchain.language.
SET search_path = public, migchain;

-- Every accepted name, one per row: what it reads as, in both languages.
SELECT name, label(name::detention_exit, 'en') AS en, label(name::detention_exit, 'nl') AS nl
  FROM (VALUES
	-- departure
	('departure'), ('Departure'), ('departed'), ('ended by departure'), ('vertrek'),
	('vertrokken'), ('beëindigd door vertrek'), ('BEEINDIGD DOOR VERTREK'),
	-- balancing
	('balancing'), ('balancing of interests'), ('Balancing-of-interests'),
	('lifted after balancing of interests'), ('lifted after a balancing of interests'),
	('belangenafweging'), ('opgeheven na belangenafweging'), ('Opheffing na belangenafweging'),
	-- court
	('court'), ('COURT'), ('court order'), ('lifted by a court'), ('lifted by the court'),
	('rechter'), ('door de rechter'), ('Opgeheven door de rechter'), ('opgeheven door rechter'),
	('opheffing door de rechter'),
	-- maximum_term
	('maximum term'), ('maximum_term'), ('Maximum term reached'), ('maximum period'),
	('maximum period reached'), ('maximale termijn'), ('Maximale termijn bereikt'),
	('maximumtermijn'),
	-- other
	('other'), ('overig'), ('Overige'), ('anders'),
	-- white space and the no-break space
	(E'\t rechter \r\n'), (E'\u00a0overig\u00a0')
  ) AS v(name);

-- Output follows migchain.language; every output form parses back.
CREATE TABLE exit_values AS
SELECT e FROM unnest('{departure,balancing,court,maximum_term,other}'::detention_exit[]) AS e;
SELECT e, e::text AS as_text, e::text::detention_exit = e AS round_trip FROM exit_values ORDER BY e;
SET migchain.language = 'en';
SELECT e, e::text AS as_text, e::text::detention_exit = e AS round_trip FROM exit_values ORDER BY e;
SELECT 'belangenafweging'::detention_exit, 'maximale termijn'::detention_exit;
RESET migchain.language;
SELECT 'balancing'::detention_exit, 'maximum term'::detention_exit;

-- Bad input, one per line: an error naming the value (22P02), with a hint
-- that lists the labels in both languages.  Names that are not one exit:
SELECT 'lifted'::detention_exit;
SELECT 'opgeheven'::detention_exit;
SELECT 'opheffing'::detention_exit;
SELECT 'released'::detention_exit;
SELECT 'vrijgelaten'::detention_exit;
SELECT 'heengezonden'::detention_exit;
SELECT 'without supervision'::detention_exit;
SELECT 'zonder toezicht'::detention_exit;
SELECT 'removal'::detention_exit;
SELECT 'uitzetting'::detention_exit;
SELECT 'forced'::detention_exit;
-- Not a name, or not quite one:
SELECT ''::detention_exit;
SELECT 'maximum'::detention_exit;
SELECT 'term'::detention_exit;
SELECT 'interests'::detention_exit;
SELECT 'balance'::detention_exit;
SELECT 'courts'::detention_exit;
SELECT 'court, balancing'::detention_exit;
SELECT 'independent'::detention_exit;
SELECT '1'::detention_exit;
SELECT E'court\u200b'::detention_exit;
SELECT repeat('court ', 20)::detention_exit;
SELECT 'x'::varchar::detention_exit;
DO $$
BEGIN
	PERFORM 'opgeheven'::detention_exit;
EXCEPTION WHEN invalid_text_representation THEN
	RAISE NOTICE 'caught %', SQLSTATE;
END $$;

-- label(detention_exit, language) does not depend on the setting.
SET migchain.language = 'en';
SELECT e, label(e, 'NL') AS nl, label(e, 'en') AS en FROM exit_values ORDER BY e;
RESET migchain.language;
SELECT label('court'::detention_exit, 'english');

-- lifted(): balancing, court and maximum term; not departure, not other.
SELECT e, lifted(e) FROM exit_values ORDER BY e;

-- Volatility, casts, comments and the catalogue entry.
SELECT p.proname, p.provolatile, p.proparallel, p.proisstrict, p.prosrc
  FROM pg_proc p
 WHERE p.pronamespace = 'migchain'::regnamespace
   AND ('migchain.detention_exit'::regtype = ANY (p.proargtypes) OR p.prorettype = 'migchain.detention_exit'::regtype)
 ORDER BY p.proname, p.prosrc;
SELECT castcontext, pg_describe_object('pg_cast'::regclass, oid, 0) AS cast
  FROM pg_cast
 WHERE castsource = 'migchain.detention_exit'::regtype OR casttarget = 'migchain.detention_exit'::regtype
 ORDER BY 2;
SELECT pg_describe_object(d.classid, d.objid, 0) AS object
  FROM pg_depend d
 WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
   AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'migchain')
   AND pg_describe_object(d.classid, d.objid, 0) ~ 'detention_exit'
   AND obj_description(d.objid, d.classid::regclass::name) IS NULL;
SELECT typlen, typbyval, typalign, typstorage FROM pg_type WHERE oid = 'migchain.detention_exit'::regtype;

-- Order: every operator and the btree comparison, for every pair.
SELECT a, b, a < b AS lt, a <= b AS le, a = b AS eq, a <> b AS ne, a >= b AS ge, a > b AS gt,
       detention_exit_cmp(a, b) AS cmp
  FROM exit_values AS x(a), exit_values AS y(b)
 ORDER BY a, b;

-- Hashing.
SELECT e, detention_exit_hash(e) = detention_exit_hash(label(e, 'nl')::detention_exit) AS stable,
       (detention_exit_hash_extended(e, 0) & 4294967295) = (detention_exit_hash(e)::int8 & 4294967295) AS ext_low_bits,
       detention_exit_hash_extended(e, 0) <> detention_exit_hash_extended(e, 1) AS seed_matters
  FROM exit_values ORDER BY e;
SELECT count(DISTINCT detention_exit_hash(e)) AS distinct_hashes FROM exit_values;

-- Binary form: one byte, the ordinal (pinned).
SELECT e, detention_exit_send(e) FROM exit_values ORDER BY e;

-- A table of episodes' exits.
CREATE TABLE exit_test (id int, e detention_exit);
INSERT INTO exit_test
SELECT i, (ARRAY['departure', 'balancing of interests', 'court', 'maximum_term', 'other'])[1 + i % 5]
  FROM generate_series(1, 5000) AS i;
INSERT INTO exit_test VALUES (0, NULL);
SELECT count(*) FROM exit_test WHERE e IS DISTINCT FROM e::text::detention_exit;
SET migchain.language = 'en';
SELECT count(*) FROM exit_test WHERE e IS DISTINCT FROM e::text::detention_exit;
RESET migchain.language;
-- Binary COPY round trip.
COPY exit_test TO '/tmp/migchain_regress_detention_exit.bin' (FORMAT binary);
CREATE TABLE exit_copy (LIKE exit_test);
COPY exit_copy FROM '/tmp/migchain_regress_detention_exit.bin' (FORMAT binary);
SELECT count(*) AS rows, count(e) AS non_null FROM exit_copy;
SELECT count(*) AS differences FROM exit_test t FULL JOIN exit_copy c USING (id)
 WHERE t.e IS DISTINCT FROM c.e OR t.id IS NULL OR c.id IS NULL;
-- Binary input that is not one valid byte is refused (22P03).
COPY (SELECT 5::int4::"char") TO '/tmp/migchain_regress_detention_exit_bad.bin' (FORMAT binary);
COPY exit_copy (e) FROM '/tmp/migchain_regress_detention_exit_bad.bin' (FORMAT binary);
COPY (SELECT 1::int4) TO '/tmp/migchain_regress_detention_exit_bad.bin' (FORMAT binary);
COPY exit_copy (e) FROM '/tmp/migchain_regress_detention_exit_bad.bin' (FORMAT binary);
COPY (SELECT ''::bytea) TO '/tmp/migchain_regress_detention_exit_bad.bin' (FORMAT binary);
COPY exit_copy (e) FROM '/tmp/migchain_regress_detention_exit_bad.bin' (FORMAT binary);

-- DISTINCT, GROUP BY sorted and hashed.
SELECT DISTINCT e FROM exit_test ORDER BY e;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT e, count(*) FROM exit_test GROUP BY e;
SELECT e, count(*) FROM exit_test GROUP BY e ORDER BY e;
RESET enable_hashagg;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT e, count(*) FROM exit_test GROUP BY e;
SELECT e, count(*) FROM exit_test GROUP BY e ORDER BY e NULLS FIRST;
RESET enable_sort;
-- Btree and hash indexes, amcheck.
CREATE INDEX exit_test_btree ON exit_test (e);
ANALYZE exit_test;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM exit_test WHERE e = 'rechter';
SELECT count(*) FROM exit_test WHERE e = 'rechter';
SELECT count(*) FROM exit_test WHERE e >= 'court';
CREATE INDEX exit_test_hash ON exit_test USING hash (e);
DROP INDEX exit_test_btree;
EXPLAIN (COSTS OFF) SELECT count(*) FROM exit_test WHERE e = 'maximum term';
SELECT count(*) FROM exit_test WHERE e = 'maximum term';
RESET enable_bitmapscan;
RESET enable_seqscan;
CREATE INDEX exit_test_btree ON exit_test (e);
SELECT bt_index_check('exit_test_btree', true);
-- Hash join.
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM exit_values JOIN exit_test USING (e);
SELECT e, count(*) FROM exit_values JOIN exit_test USING (e) GROUP BY e ORDER BY e;
RESET enable_mergejoin;
RESET enable_nestloop;
-- Ended by departure, lifted, other.
SELECT count(*) FILTER (WHERE e = 'departure') AS departure,
       count(*) FILTER (WHERE lifted(e)) AS lifted,
       count(*) FILTER (WHERE e = 'other') AS other,
       count(e) AS ended
  FROM exit_test;

DROP TABLE exit_test, exit_copy, exit_values;
RESET search_path;
COPY (SELECT 1 WHERE false) TO PROGRAM 'rm -f /tmp/migchain_regress_detention_exit.bin /tmp/migchain_regress_detention_exit_bad.bin';
