-- The type case_outcome: how a return case ended, independent < forced <
-- unsupervised < residence_permit < other_member_state < other, with labels
-- in Dutch (the default) or English after the setting migchain.language.
SET search_path = public, migchain;

-- Every accepted name, one per row: what it reads as, in both languages.
SELECT name, label(name::case_outcome, 'en') AS en, label(name::case_outcome, 'nl') AS nl
  FROM (VALUES
	-- independent
	('independent'), ('Independent departure'), ('independent departure under supervision'),
	('supervised independent departure'), ('zelfstandig vertrek'), ('Zelfstandig'),
	('zelfstandig vertrek onder toezicht'), ('Zelfstandig vertrek (aantoonbaar onder toezicht)'),
	('zelfstandig vertrek - aantoonbaar - onder toezicht'), ('aantoonbaar zelfstandig vertrek'),
	-- forced
	('forced'), ('FORCED'), ('forced departure'), ('forced return'), ('gedwongen vertrek'),
	('gedwongen'), ('Gedwongen terugkeer'),
	-- unsupervised
	('unsupervised'), ('unsupervised departure'), ('departure without supervision'),
	('Departure without supervision (destination unknown)'), ('without supervision'),
	('destination unknown'), ('unknown destination'), ('vertrek zonder toezicht'),
	('zonder toezicht'), ('Vertrek zonder toezicht / met onbekende bestemming'),
	('vertrek met onbekende bestemming'), ('met onbekende bestemming'),
	('onbekende bestemming'), ('MOB'), ('m.o.b.'),
	-- residence_permit
	('residence permit'), ('residence_permit'), ('RESIDENCE-PERMIT'), ('residence permit granted'),
	('verblijfsvergunning'), ('Verblijfsvergunning verleend'),
	-- other_member_state
	('other member state'), ('other_member_state'), ('another member state'),
	('transfer to another member state'), ('transferred to another member state'),
	('moved on to another member state'), ('Dublin transfer'), ('andere lidstaat'),
	('overdracht aan andere lidstaat'), ('overgedragen aan andere lidstaat'),
	('Dublinoverdracht'), ('Dublin-overdracht'),
	-- other
	('other'), ('Other'), ('overig'), ('overige'), ('anders'),
	-- accents, white space and the no-break space
	(E'\t gedwongen   vertrek \r\n'), (E'\u00a0overig\u00a0'), ('ÖVERIG'), ('indépendent')
  ) AS v(name);

-- Output follows migchain.language; every output form parses back.
CREATE TABLE outcome_values AS
SELECT o FROM unnest('{independent,forced,unsupervised,residence_permit,other_member_state,other}'::case_outcome[]) AS o;
SELECT o, o::text AS as_text, o::text::case_outcome = o AS round_trip FROM outcome_values ORDER BY o;
SET migchain.language = 'en';
SELECT o, o::text AS as_text, o::text::case_outcome = o AS round_trip FROM outcome_values ORDER BY o;
-- Dutch labels are read with the setting in English, and the other way round.
SELECT 'vertrek zonder toezicht'::case_outcome, 'andere lidstaat'::case_outcome;
RESET migchain.language;
SELECT 'unsupervised'::case_outcome, 'other member state'::case_outcome;

-- Bad input, one per line: an error naming the value (22P02), with a hint
-- that lists the labels in both languages.  Names that are not one outcome:
SELECT 'departure'::case_outcome;
SELECT 'vertrek'::case_outcome;
SELECT 'departed'::case_outcome;
SELECT 'vertrokken'::case_outcome;
SELECT 'demonstrable departure'::case_outcome;
SELECT 'aantoonbaar vertrek'::case_outcome;
SELECT 'voluntary departure'::case_outcome;
SELECT 'vrijwillig vertrek'::case_outcome;
SELECT 'return'::case_outcome;
SELECT 'terugkeer'::case_outcome;
SELECT 'removal'::case_outcome;
SELECT 'uitzetting'::case_outcome;
SELECT 'pending'::case_outcome;
SELECT 'open'::case_outcome;
-- Not a name, or not quite one:
SELECT ''::case_outcome;
SELECT '   '::case_outcome;
SELECT 'permit'::case_outcome;
SELECT 'member state'::case_outcome;
SELECT 'dublin'::case_outcome;
SELECT 'independant'::case_outcome;
SELECT 'forced forced'::case_outcome;
SELECT 'zelfstandig vertrek (aantoonbaar, onder toezicht)'::case_outcome;
SELECT 'residence permit!'::case_outcome;
SELECT '0'::case_outcome;
SELECT 'positief'::case_outcome;
SELECT 'balancing'::case_outcome;
SELECT 'ｆｏｒｃｅｄ'::case_outcome;
SELECT E'forced\u200b'::case_outcome;
SELECT repeat('other ', 20)::case_outcome;
SELECT 'x'::text::case_outcome;
DO $$
BEGIN
	PERFORM 'vertrek'::case_outcome;
EXCEPTION WHEN invalid_text_representation THEN
	RAISE NOTICE 'caught %', SQLSTATE;
END $$;

-- label(case_outcome, language) does not depend on the setting; a language
-- that is not one is 22023.
SET migchain.language = 'en';
SELECT o, label(o, 'nl') AS nl, label(o, 'EN') AS en FROM outcome_values ORDER BY o;
RESET migchain.language;
SELECT label('forced'::case_outcome, 'fr');
SELECT label('forced'::case_outcome, NULL) IS NULL AS null_language;
-- An untyped literal is still read as an answer, as in 0.1.0.
SELECT label('positief', 'en');
SELECT label('forced', 'en');

-- What an outcome means: demonstrable departure is independent + forced,
-- departed adds unsupervised.
SELECT o, demonstrable_departure(o), departed(o) FROM outcome_values ORDER BY o;

-- Volatility: input, label() and the predicates are IMMUTABLE; output and
-- the cast to text follow the setting and are STABLE; all are PARALLEL SAFE.
SELECT p.proname, p.provolatile, p.proparallel, p.proisstrict, p.prosrc
  FROM pg_proc p
 WHERE p.pronamespace = 'migchain'::regnamespace
   AND ('migchain.case_outcome'::regtype = ANY (p.proargtypes) OR p.prorettype = 'migchain.case_outcome'::regtype)
 ORDER BY p.proname, p.prosrc;
-- Casts: from text and varchar in assignment, to text in assignment.
SELECT castcontext, pg_describe_object('pg_cast'::regclass, oid, 0) AS cast
  FROM pg_cast
 WHERE castsource = 'migchain.case_outcome'::regtype OR casttarget = 'migchain.case_outcome'::regtype
 ORDER BY 2;
-- Every object of the type has a comment.
SELECT pg_describe_object(d.classid, d.objid, 0) AS object
  FROM pg_depend d
 WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
   AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'migchain')
   AND pg_describe_object(d.classid, d.objid, 0) ~ 'case_outcome'
   AND obj_description(d.objid, d.classid::regclass::name) IS NULL;
-- The catalogue entry: one byte, by value, char alignment, plain storage.
SELECT typlen, typbyval, typalign, typstorage FROM pg_type WHERE oid = 'migchain.case_outcome'::regtype;

-- Order: every operator and the btree comparison, for every pair.
SELECT a, b, a < b AS lt, a <= b AS le, a = b AS eq, a <> b AS ne, a >= b AS ge, a > b AS gt,
       case_outcome_cmp(a, b) AS cmp
  FROM outcome_values AS x(a), outcome_values AS y(b)
 ORDER BY a, b;

-- Hashing: equal values hash equally, different values differently; the
-- extended hash with seed 0 agrees with the plain hash in its low 32 bits.
SELECT o, case_outcome_hash(o) = case_outcome_hash(label(o, 'nl')::case_outcome) AS stable,
       (case_outcome_hash_extended(o, 0) & 4294967295) = (case_outcome_hash(o)::int8 & 4294967295) AS ext_low_bits,
       case_outcome_hash_extended(o, 0) <> case_outcome_hash_extended(o, 1) AS seed_matters
  FROM outcome_values ORDER BY o;
SELECT count(DISTINCT case_outcome_hash(o)) AS distinct_hashes FROM outcome_values;

-- Binary form: one byte, the ordinal (pinned), and back.
SELECT o, case_outcome_send(o) FROM outcome_values ORDER BY o;

-- A table of outcomes (NULL: a case still open).
CREATE TABLE outcome_test (id int, o case_outcome);
INSERT INTO outcome_test
SELECT i, (ARRAY['independent', 'forced', 'unsupervised', 'residence permit',
				 'other member state', 'other'])[1 + i % 6]
  FROM generate_series(1, 6000) AS i;
INSERT INTO outcome_test VALUES (0, NULL);
-- Assignment from text and varchar, to text.
INSERT INTO outcome_test VALUES (6001, 'MOB'::varchar);
CREATE TEMP TABLE outcome_text (t text);
INSERT INTO outcome_text SELECT 'forced'::case_outcome;
SET migchain.language = 'en';
INSERT INTO outcome_text SELECT 'forced'::case_outcome;
RESET migchain.language;
SELECT t FROM outcome_text;
-- Text round trip in both languages.
SELECT count(*) FROM outcome_test WHERE o IS DISTINCT FROM o::text::case_outcome;
SET migchain.language = 'en';
SELECT count(*) FROM outcome_test WHERE o IS DISTINCT FROM o::text::case_outcome;
RESET migchain.language;
-- Binary COPY round trip.
COPY outcome_test TO '/tmp/migchain_regress_case_outcome.bin' (FORMAT binary);
CREATE TABLE outcome_copy (LIKE outcome_test);
COPY outcome_copy FROM '/tmp/migchain_regress_case_outcome.bin' (FORMAT binary);
SELECT count(*) AS rows, count(o) AS non_null FROM outcome_copy;
SELECT count(*) AS differences FROM outcome_test t FULL JOIN outcome_copy c USING (id)
 WHERE t.o IS DISTINCT FROM c.o OR t.id IS NULL OR c.id IS NULL;
-- Text COPY written in English, read back with the setting in Dutch.
SET migchain.language = 'en';
COPY outcome_test TO '/tmp/migchain_regress_case_outcome.txt';
RESET migchain.language;
TRUNCATE outcome_copy;
COPY outcome_copy FROM '/tmp/migchain_regress_case_outcome.txt';
SELECT count(*) AS differences FROM outcome_test t FULL JOIN outcome_copy c USING (id)
 WHERE t.o IS DISTINCT FROM c.o OR t.id IS NULL OR c.id IS NULL;

-- Binary input that is not one valid byte is refused (22P03).
COPY (SELECT 6::int4::"char") TO '/tmp/migchain_regress_case_outcome_bad.bin' (FORMAT binary);
COPY outcome_copy (o) FROM '/tmp/migchain_regress_case_outcome_bad.bin' (FORMAT binary);
COPY (SELECT (-1)::int4::"char") TO '/tmp/migchain_regress_case_outcome_bad.bin' (FORMAT binary);
COPY outcome_copy (o) FROM '/tmp/migchain_regress_case_outcome_bad.bin' (FORMAT binary);
COPY (SELECT 1::int2) TO '/tmp/migchain_regress_case_outcome_bad.bin' (FORMAT binary);
COPY outcome_copy (o) FROM '/tmp/migchain_regress_case_outcome_bad.bin' (FORMAT binary);
COPY (SELECT ''::bytea) TO '/tmp/migchain_regress_case_outcome_bad.bin' (FORMAT binary);
COPY outcome_copy (o) FROM '/tmp/migchain_regress_case_outcome_bad.bin' (FORMAT binary);
DO $$
BEGIN
	COPY outcome_copy (o) FROM '/tmp/migchain_regress_case_outcome_bad.bin' (FORMAT binary);
EXCEPTION WHEN invalid_binary_representation THEN
	RAISE NOTICE 'caught %', SQLSTATE;
END $$;
-- The valid bytes, written by another type, are read as outcomes.
COPY (SELECT 0::int4::"char" UNION ALL SELECT 5::int4::"char") TO '/tmp/migchain_regress_case_outcome_bad.bin' (FORMAT binary);
TRUNCATE outcome_copy;
COPY outcome_copy (o) FROM '/tmp/migchain_regress_case_outcome_bad.bin' (FORMAT binary);
SELECT o FROM outcome_copy ORDER BY o;

-- DISTINCT, GROUP BY (sorted and hashed), ORDER BY.
SELECT DISTINCT o FROM outcome_test ORDER BY o;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT o, count(*) FROM outcome_test GROUP BY o;
SELECT o, count(*) FROM outcome_test GROUP BY o ORDER BY o;
RESET enable_hashagg;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT o, count(*) FROM outcome_test GROUP BY o;
SELECT o, count(*) FROM outcome_test GROUP BY o ORDER BY o NULLS FIRST;
RESET enable_sort;

-- Btree and hash indexes are used, and amcheck finds the btree sound.
CREATE INDEX outcome_test_btree ON outcome_test (o);
ANALYZE outcome_test;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM outcome_test WHERE o = 'gedwongen vertrek';
SELECT count(*) FROM outcome_test WHERE o = 'gedwongen vertrek';
SELECT count(*) FROM outcome_test WHERE o > 'unsupervised';
SELECT count(*) FROM outcome_test WHERE o <= 'unsupervised';
CREATE INDEX outcome_test_hash ON outcome_test USING hash (o);
DROP INDEX outcome_test_btree;
EXPLAIN (COSTS OFF) SELECT count(*) FROM outcome_test WHERE o = 'other_member_state';
SELECT count(*) FROM outcome_test WHERE o = 'other_member_state';
RESET enable_bitmapscan;
RESET enable_seqscan;
CREATE INDEX outcome_test_btree ON outcome_test (o);
SELECT bt_index_check('outcome_test_btree', true);
-- Hash join and merge join.
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM outcome_values JOIN outcome_test USING (o);
SELECT o, count(*) FROM outcome_values JOIN outcome_test USING (o) GROUP BY o ORDER BY o;
RESET enable_mergejoin;
SET enable_hashjoin = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM outcome_values JOIN outcome_test USING (o);
SELECT count(*) FROM outcome_values JOIN outcome_test USING (o);
RESET enable_hashjoin;
RESET enable_nestloop;
-- The published departure figures from the outcomes.
SELECT count(*) FILTER (WHERE demonstrable_departure(o)) AS demonstrable,
       count(*) FILTER (WHERE o = 'unsupervised') AS unsupervised,
       count(*) FILTER (WHERE departed(o)) AS departed,
       count(*) FILTER (WHERE NOT departed(o)) AS not_departed,
       count(*) FILTER (WHERE o IS NULL) AS open
  FROM outcome_test;

DROP TABLE outcome_test, outcome_copy, outcome_values;
RESET search_path;
-- Leave no file behind (another user's run could not overwrite it).
COPY (SELECT 1 WHERE false) TO PROGRAM 'rm -f /tmp/migchain_regress_case_outcome.bin /tmp/migchain_regress_case_outcome.txt /tmp/migchain_regress_case_outcome_bad.bin';
