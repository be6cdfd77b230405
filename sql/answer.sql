-- The type answer: pending < positive < negative < withdrawn, with labels in
-- Dutch (the default) or English after the setting migchain.language.
-- The operators live in schema migchain, so it goes on the search path.
SET search_path = public, migchain;
-- A language set before the library is loaded (this session has not used
-- migchain yet) is taken over when it loads; the default is Dutch.
SET migchain.language = 'en';
SELECT 'positief'::migchain.answer;
SHOW migchain.language;
RESET migchain.language;
SHOW migchain.language;
SELECT 'positive'::migchain.answer;

-- Every accepted form, one per line.  Pending:
SELECT 'bekend gesteld'::migchain.answer;
SELECT 'Bekend Gesteld'::migchain.answer;
SELECT '  bekend    gesteld  '::migchain.answer;
SELECT 'bekend-gesteld'::migchain.answer;
SELECT 'bekendgesteld'::migchain.answer;
SELECT 'pending'::migchain.answer;
SELECT 'PENDING'::migchain.answer;
SELECT 'open'::migchain.answer;
SELECT 'lopend'::migchain.answer;
SELECT 'nog geen antwoord'::migchain.answer;
SELECT 'no answer yet'::migchain.answer;
-- Positive:
SELECT 'positief'::migchain.answer;
SELECT 'Positief antwoord'::migchain.answer;
SELECT 'positief beantwoord'::migchain.answer;
SELECT 'bevestigd'::migchain.answer;
SELECT 'Nationaliteit bevestigd'::migchain.answer;
SELECT 'positive'::migchain.answer;
SELECT 'Positive answer'::migchain.answer;
SELECT 'confirmed'::migchain.answer;
SELECT 'nationality confirmed'::migchain.answer;
SELECT 'pösitïef'::migchain.answer;
SELECT 'POSITIEF'::migchain.answer;
SELECT 'pøsitief'::migchain.answer;
-- Negative:
SELECT 'negatief'::migchain.answer;
SELECT 'Negatief antwoord'::migchain.answer;
SELECT 'negatief beantwoord'::migchain.answer;
SELECT 'negative'::migchain.answer;
SELECT 'negative answer'::migchain.answer;
SELECT 'négatief'::migchain.answer;
SELECT 'NÉGATIVE'::migchain.answer;
SELECT E'\tnegatief\r\n'::migchain.answer;
-- Withdrawn:
SELECT 'ingetrokken'::migchain.answer;
SELECT 'Ingetrokken (Geen antwoord verkregen)'::migchain.answer;
SELECT 'ingetrokken(geen antwoord verkregen)'::migchain.answer;
SELECT 'INGETROKKEN - GEEN ANTWOORD VERKREGEN'::migchain.answer;
SELECT 'geen antwoord'::migchain.answer;
SELECT 'geen antwoord verkregen'::migchain.answer;
SELECT 'Geen antwoord (verkregen)'::migchain.answer;
SELECT 'onbeantwoord'::migchain.answer;
SELECT 'withdrawn'::migchain.answer;
SELECT 'Withdrawn (no answer obtained)'::migchain.answer;
SELECT 'no answer'::migchain.answer;
SELECT 'no_answer'::migchain.answer;
SELECT 'no answer obtained'::migchain.answer;
SELECT 'not answered'::migchain.answer;
SELECT 'unanswered'::migchain.answer;
SELECT E'\u00a0ingetrokken\u00a0'::migchain.answer;

-- Bad input, one per line: an error naming the value, with a hint that
-- lists the labels in both languages.
SELECT ''::migchain.answer;
SELECT '   '::migchain.answer;
SELECT '()'::migchain.answer;
SELECT 'p'::migchain.answer;
SELECT 'pos'::migchain.answer;
SELECT 'neg'::migchain.answer;
SELECT 'positie'::migchain.answer;
SELECT 'positiefs'::migchain.answer;
SELECT 'positief positief'::migchain.answer;
SELECT 'antwoord'::migchain.answer;
SELECT 'bekend'::migchain.answer;
SELECT 'gesteld'::migchain.answer;
SELECT 'bekend stelling'::migchain.answer;
SELECT 'presented'::migchain.answer;
SELECT 'not confirmed'::migchain.answer;
SELECT 'niet bevestigd'::migchain.answer;
SELECT 'Negatief antwoord & Ingetrokken (Geen antwoord verkregen)'::migchain.answer;
SELECT 'refused'::migchain.answer;
SELECT 'geweigerd'::migchain.answer;
SELECT 'weigering'::migchain.answer;
SELECT 'denied'::migchain.answer;
SELECT 'yes'::migchain.answer;
SELECT 'ja'::migchain.answer;
SELECT 'true'::migchain.answer;
SELECT '0'::migchain.answer;
SELECT '1'::migchain.answer;
SELECT 'null'::migchain.answer;
SELECT 'LP'::migchain.answer;
SELECT 'positief;'::migchain.answer;
SELECT '"positief"'::migchain.answer;
SELECT 'positief!'::migchain.answer;
SELECT 'positief, negatief'::migchain.answer;
SELECT 'ßpositief'::migchain.answer;
SELECT 'ｐｏｓｉｔｉｅｆ'::migchain.answer;
SELECT E'positief\u200b'::migchain.answer;
-- Only precomposed accented letters are folded, not combining marks.
SELECT E'pos\u0069\u0308tief'::migchain.answer;
SELECT repeat('ingetrokken ', 20)::migchain.answer;
-- The error's SQLSTATE is 22P02.
DO $$
BEGIN
	PERFORM 'misschien'::migchain.answer;
EXCEPTION WHEN invalid_text_representation THEN
	RAISE NOTICE 'caught %', SQLSTATE;
END $$;

-- Output follows migchain.language; every output form parses back.
CREATE TABLE answer_labels AS
SELECT a FROM (VALUES ('pending'::migchain.answer), ('positive'), ('negative'), ('withdrawn')) AS v(a);
SELECT a, a::text AS as_text, a::text::migchain.answer = a AS round_trip FROM answer_labels ORDER BY a;
SET migchain.language = 'en';
SELECT a, a::text AS as_text, a::text::migchain.answer = a AS round_trip FROM answer_labels ORDER BY a;
SELECT 'bekend gesteld'::migchain.answer, 'ingetrokken'::migchain.answer;
SET migchain.language = 'nl';
SELECT a FROM answer_labels ORDER BY a;
RESET migchain.language;
-- SET LOCAL lasts until the end of the transaction.
BEGIN;
SET LOCAL migchain.language = 'en';
SELECT a FROM answer_labels ORDER BY a;
COMMIT;
SELECT a FROM answer_labels ORDER BY a;

-- label(answer, language) does not depend on the setting.
SELECT a, migchain.label(a, 'nl') AS nl, migchain.label(a, 'en') AS en, migchain.label(a, 'EN') AS en_upper
  FROM answer_labels ORDER BY a;
SET migchain.language = 'en';
SELECT migchain.label('positief', 'nl');
RESET migchain.language;
SELECT migchain.label('positive', 'fr');
SELECT migchain.label('positive', '');
SELECT migchain.label('positive', ' nl');
SELECT migchain.label('positive', 'dutch');
SELECT migchain.label('positive', NULL) IS NULL AS null_language;
DO $$
BEGIN
	PERFORM migchain.label('positive', 'de');
EXCEPTION WHEN invalid_parameter_value THEN
	RAISE NOTICE 'caught %', SQLSTATE;
END $$;

-- What an answer means.
SELECT a, migchain.is_final(a) AS is_final, migchain.confirms_nationality(a) AS confirms,
       migchain.is_not_confirmed(a) AS not_confirmed
  FROM answer_labels ORDER BY a;

-- Volatility: input, label() and the predicates are IMMUTABLE; output and
-- the cast to text follow the setting and are STABLE; all are PARALLEL SAFE.
SELECT p.proname, p.provolatile, p.proparallel, p.proisstrict
  FROM pg_proc p
 WHERE p.pronamespace = 'migchain'::regnamespace
   AND ('migchain.answer'::regtype = ANY (p.proargtypes) OR p.prorettype = 'migchain.answer'::regtype)
   AND p.prokind = 'f' AND p.oid NOT IN (SELECT aggtransfn FROM pg_aggregate)
 ORDER BY p.proname;

-- Casts to and from text; text to answer uses the input rules.
SELECT 'Ingetrokken (Geen antwoord verkregen)'::text::migchain.answer;
SELECT migchain.answer('Positief antwoord');
SELECT 'x'::text::migchain.answer;
SELECT castcontext, pg_describe_object('pg_cast'::regclass, oid, 0) AS cast
  FROM pg_cast
 WHERE castsource = 'migchain.answer'::regtype OR casttarget = 'migchain.answer'::regtype
 ORDER BY 2;
-- An answer is assigned to a text column without a cast, in the language set.
CREATE TEMP TABLE answer_text (t text);
INSERT INTO answer_text SELECT 'negative'::migchain.answer;
SET migchain.language = 'en';
INSERT INTO answer_text SELECT 'negative'::migchain.answer;
RESET migchain.language;
SELECT t FROM answer_text;
DROP TABLE answer_text;

-- Order: pending < positive < negative < withdrawn; every operator.
SELECT a, b, a < b AS lt, a <= b AS le, a = b AS eq, a <> b AS ne, a >= b AS ge, a > b AS gt,
       migchain.answer_cmp(a, b) AS cmp
  FROM answer_labels AS x(a), answer_labels AS y(b)
 ORDER BY a, b;
SELECT a FROM (VALUES ('ingetrokken'::migchain.answer), ('positief'), ('open'), ('negative'), ('no answer'), ('pending')) AS v(a)
 ORDER BY a;

-- Hashing: equal values hash equally and differently from each other; the
-- extended hash with seed 0 agrees with the plain hash in its low 32 bits.
SELECT a, migchain.answer_hash(a) = migchain.answer_hash(migchain.label(a, 'en')::migchain.answer) AS stable,
       (migchain.answer_hash_extended(a, 0) & 4294967295) = (migchain.answer_hash(a)::int8 & 4294967295) AS ext_low_bits,
       migchain.answer_hash_extended(a, 0) <> migchain.answer_hash_extended(a, 1) AS seed_matters
  FROM answer_labels ORDER BY a;
SELECT count(DISTINCT migchain.answer_hash(a)) AS distinct_hashes FROM answer_labels;

-- Binary form: one byte, the ordinal (pinned).
SELECT a, migchain.answer_send(a) FROM answer_labels ORDER BY a;

-- The type's catalogue entry: one byte, by value, char alignment, plain storage.
SELECT typlen, typbyval, typalign, typstorage FROM pg_type WHERE oid = 'migchain.answer'::regtype;

-- A table, text and binary round trips, and indexes.
CREATE TABLE answer_test (id int, a migchain.answer);
INSERT INTO answer_test
SELECT i, (ARRAY['pending', 'positive', 'negative', 'withdrawn'])[1 + i % 4]::migchain.answer
  FROM generate_series(1, 4000) AS i;
INSERT INTO answer_test VALUES (0, NULL);
-- Text round trip in both languages.
SELECT count(*) FROM answer_test WHERE a IS DISTINCT FROM a::text::migchain.answer;
SET migchain.language = 'en';
SELECT count(*) FROM answer_test WHERE a IS DISTINCT FROM a::text::migchain.answer;
RESET migchain.language;
-- Binary COPY round trip.
COPY answer_test TO '/tmp/migchain_regress_answer.bin' (FORMAT binary);
CREATE TABLE answer_copy (LIKE answer_test);
COPY answer_copy FROM '/tmp/migchain_regress_answer.bin' (FORMAT binary);
SELECT count(*) AS rows, count(a) AS non_null FROM answer_copy;
SELECT count(*) AS differences FROM answer_test t FULL JOIN answer_copy c USING (id)
 WHERE t.a IS DISTINCT FROM c.a OR t.id IS NULL OR c.id IS NULL;
SELECT a, count(*) FROM answer_copy GROUP BY a ORDER BY a;
-- Text COPY round trips: written in English, read back; written in Dutch,
-- read back with the setting in English.
SET migchain.language = 'en';
COPY answer_test TO '/tmp/migchain_regress_answer.txt';
RESET migchain.language;
TRUNCATE answer_copy;
COPY answer_copy FROM '/tmp/migchain_regress_answer.txt';
SELECT count(*) AS differences FROM answer_test t FULL JOIN answer_copy c USING (id)
 WHERE t.a IS DISTINCT FROM c.a OR t.id IS NULL OR c.id IS NULL;
COPY answer_test TO '/tmp/migchain_regress_answer.txt';
SET migchain.language = 'en';
TRUNCATE answer_copy;
COPY answer_copy FROM '/tmp/migchain_regress_answer.txt';
RESET migchain.language;
SELECT count(*) AS differences FROM answer_test t FULL JOIN answer_copy c USING (id)
 WHERE t.a IS DISTINCT FROM c.a OR t.id IS NULL OR c.id IS NULL;

-- Binary input that is not one valid byte is refused (22P03).
COPY (SELECT 4::int4::"char") TO '/tmp/migchain_regress_answer_bad.bin' (FORMAT binary);
COPY answer_copy (a) FROM '/tmp/migchain_regress_answer_bad.bin' (FORMAT binary);
COPY (SELECT (-1)::int4::"char") TO '/tmp/migchain_regress_answer_bad.bin' (FORMAT binary);
COPY answer_copy (a) FROM '/tmp/migchain_regress_answer_bad.bin' (FORMAT binary);
COPY (SELECT 1::int4) TO '/tmp/migchain_regress_answer_bad.bin' (FORMAT binary);
COPY answer_copy (a) FROM '/tmp/migchain_regress_answer_bad.bin' (FORMAT binary);
COPY (SELECT ''::bytea) TO '/tmp/migchain_regress_answer_bad.bin' (FORMAT binary);
COPY answer_copy (a) FROM '/tmp/migchain_regress_answer_bad.bin' (FORMAT binary);
DO $$
BEGIN
	COPY answer_copy (a) FROM '/tmp/migchain_regress_answer_bad.bin' (FORMAT binary);
EXCEPTION WHEN invalid_binary_representation THEN
	RAISE NOTICE 'caught %', SQLSTATE;
END $$;
-- The valid bytes, written by another type, are read as answers.
COPY (SELECT 0::int4::"char" UNION ALL SELECT 3::int4::"char") TO '/tmp/migchain_regress_answer_bad.bin' (FORMAT binary);
TRUNCATE answer_copy;
COPY answer_copy (a) FROM '/tmp/migchain_regress_answer_bad.bin' (FORMAT binary);
SELECT a FROM answer_copy ORDER BY a;

-- Btree and hash indexes are used, and amcheck finds the btree sound.
SET client_min_messages = warning;
RESET client_min_messages;
CREATE INDEX answer_test_btree ON answer_test (a);
ANALYZE answer_test;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM answer_test WHERE a = 'positief';
SELECT count(*) FROM answer_test WHERE a = 'positief';
EXPLAIN (COSTS OFF) SELECT count(*) FROM answer_test WHERE a > 'positive';
SELECT count(*) FROM answer_test WHERE a > 'positive';
SELECT count(*) FROM answer_test WHERE a >= 'negative';
SELECT count(*) FROM answer_test WHERE a < 'withdrawn';
SELECT count(*) FROM answer_test WHERE a <= 'pending';
SELECT count(*) FROM answer_test WHERE a <> 'pending';
CREATE INDEX answer_test_hash ON answer_test USING hash (a);
DROP INDEX answer_test_btree;
EXPLAIN (COSTS OFF) SELECT count(*) FROM answer_test WHERE a = 'ingetrokken';
SELECT count(*) FROM answer_test WHERE a = 'ingetrokken';
RESET enable_bitmapscan;
RESET enable_seqscan;
CREATE INDEX answer_test_btree ON answer_test (a);
SELECT bt_index_check('answer_test_btree', true);
-- Merge join and hash join on answer.
SET enable_hashjoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM answer_labels JOIN answer_test USING (a);
SELECT count(*) FROM answer_labels JOIN answer_test USING (a);
RESET enable_hashjoin;
SET enable_mergejoin = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM answer_labels JOIN answer_test USING (a);
SELECT count(*) FROM answer_labels JOIN answer_test USING (a);
RESET enable_mergejoin;
RESET enable_nestloop;

-- A parallel worker sees the language of the session: the label is made in
-- the workers (below the Gather), and in 'en' it is English.
CREATE TABLE answer_parallel (a migchain.answer) WITH (parallel_workers = 2);
INSERT INTO answer_parallel
SELECT (ARRAY['pending', 'positive', 'negative', 'withdrawn'])[1 + i % 4]::migchain.answer
  FROM generate_series(1, 20000) AS i;
ANALYZE answer_parallel;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET force_parallel_mode = off;
SET parallel_leader_participation = off;
SET enable_hashagg = off;
SET migchain.language = 'en';
EXPLAIN (COSTS OFF) SELECT a::text AS label, count(*) FROM answer_parallel GROUP BY 1 ORDER BY 1;
SELECT a::text AS label, count(*) FROM answer_parallel GROUP BY 1 ORDER BY 1;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT count(*) FROM answer_parallel WHERE a::text = 'positive';
SELECT count(*) FROM answer_parallel WHERE a::text = 'positive';
SET migchain.language = 'nl';
SELECT a::text AS label, count(*) FROM answer_parallel GROUP BY 1 ORDER BY 1;
SELECT count(*) FROM answer_parallel WHERE a::text = 'positive';
SELECT count(*) FROM answer_parallel WHERE a::text = 'positief';
RESET migchain.language;
RESET enable_hashagg;
RESET parallel_leader_participation;
RESET force_parallel_mode;
RESET max_parallel_workers_per_gather;
RESET min_parallel_table_scan_size;
RESET parallel_tuple_cost;
RESET parallel_setup_cost;

DROP TABLE answer_parallel, answer_test, answer_copy, answer_labels;
RESET search_path;
-- Leave no file behind (another user's run could not overwrite it).
COPY (SELECT 1 WHERE false) TO PROGRAM 'rm -f /tmp/migchain_regress_answer.bin /tmp/migchain_regress_answer.txt /tmp/migchain_regress_answer_bad.bin';
