-- The type request_kind: LP (laissez-passer) or T&O (terugname en overname).
-- The operators live in schema migchain, so it goes on the search path.
SET search_path = public, migchain;

-- Every accepted form, one per line: the canonical labels ...
SELECT 'LP'::migchain.request_kind;
SELECT 'T&O'::migchain.request_kind;
-- ... case, accents, white space and the marks - _ / . ( ) do not matter ...
SELECT 'lp'::migchain.request_kind;
SELECT 'Lp'::migchain.request_kind;
SELECT '  LP  '::migchain.request_kind;
SELECT E'\tLP\n'::migchain.request_kind;
SELECT 'L.P.'::migchain.request_kind;
SELECT 'L/P'::migchain.request_kind;
SELECT 'laissez-passer'::migchain.request_kind;
SELECT 'Laissez-Passer'::migchain.request_kind;
SELECT 'laissez passer'::migchain.request_kind;
SELECT 'LAISSEZ   PASSER'::migchain.request_kind;
SELECT 'laissez_passer'::migchain.request_kind;
SELECT 'laissez-passér'::migchain.request_kind;
SELECT 'Laissez-passer (LP)'::migchain.request_kind;
SELECT 'LP aanvraag'::migchain.request_kind;
SELECT 'LP-aanvraag'::migchain.request_kind;
SELECT 'LP request'::migchain.request_kind;
SELECT 'laissez-passer verzoek'::migchain.request_kind;
SELECT 't&o'::migchain.request_kind;
SELECT 'T & O'::migchain.request_kind;
SELECT 'T  &  O'::migchain.request_kind;
SELECT 'T en O'::migchain.request_kind;
SELECT 'T and O'::migchain.request_kind;
SELECT 'TO'::migchain.request_kind;
SELECT 'to'::migchain.request_kind;
SELECT 'T/O'::migchain.request_kind;
SELECT 'T-O'::migchain.request_kind;
SELECT 'T.O.'::migchain.request_kind;
SELECT 'terugname'::migchain.request_kind;
SELECT 'Terugname'::migchain.request_kind;
SELECT 'terugname en overname'::migchain.request_kind;
SELECT 'terugname & overname'::migchain.request_kind;
SELECT 'Terugname & Overname (T&O)'::migchain.request_kind;
SELECT 'terug- en overname'::migchain.request_kind;
SELECT 'terug en overname'::migchain.request_kind;
SELECT 'readmission'::migchain.request_kind;
SELECT 'Readmission request'::migchain.request_kind;
SELECT 'T&O-verzoek'::migchain.request_kind;
SELECT 'terugname aanvraag'::migchain.request_kind;
SELECT E'T\u00a0&\u00a0O'::migchain.request_kind;

-- Bad input, one per line: an error naming the value, with a hint.
SELECT ''::migchain.request_kind;
SELECT ' '::migchain.request_kind;
SELECT '-'::migchain.request_kind;
SELECT '&'::migchain.request_kind;
SELECT 'L'::migchain.request_kind;
SELECT 'T'::migchain.request_kind;
SELECT 'O'::migchain.request_kind;
SELECT 'LPP'::migchain.request_kind;
SELECT 'LP LP'::migchain.request_kind;
SELECT 'T&'::migchain.request_kind;
SELECT '&O'::migchain.request_kind;
SELECT 'T&&O'::migchain.request_kind;
SELECT 'T+O'::migchain.request_kind;
SELECT 'T,O'::migchain.request_kind;
SELECT 'overname'::migchain.request_kind;
SELECT 'laissez'::migchain.request_kind;
SELECT 'passer'::migchain.request_kind;
SELECT 'laisser-passer'::migchain.request_kind;
SELECT 'laissezpasser'::migchain.request_kind;
SELECT 'terugnameverzoek'::migchain.request_kind;
SELECT 'request'::migchain.request_kind;
SELECT 'aanvraag'::migchain.request_kind;
SELECT 'LP aanvraag aanvraag'::migchain.request_kind;
SELECT 'LP request verzoek'::migchain.request_kind;
SELECT 'readmission agreement'::migchain.request_kind;
SELECT '0'::migchain.request_kind;
SELECT '1'::migchain.request_kind;
SELECT 'LP;'::migchain.request_kind;
SELECT '"LP"'::migchain.request_kind;
SELECT 'ＬＰ'::migchain.request_kind;
SELECT 'T＆O'::migchain.request_kind;
SELECT E'LP\u200b'::migchain.request_kind;
SELECT repeat('LP ', 100)::migchain.request_kind;
SELECT 'positief'::migchain.request_kind;
-- The error's SQLSTATE is 22P02.
DO $$
BEGIN
	PERFORM 'LPX'::migchain.request_kind;
EXCEPTION WHEN invalid_text_representation THEN
	RAISE NOTICE 'caught %', SQLSTATE;
END $$;

-- Output is the same in both languages.
SET migchain.language = 'en';
SELECT 'laissez-passer'::migchain.request_kind AS lp, 'terugname'::migchain.request_kind AS t_o;
RESET migchain.language;
SELECT 'laissez-passer'::migchain.request_kind AS lp, 'terugname'::migchain.request_kind AS t_o;

-- Casts to and from text; text to request_kind uses the input rules.
SELECT 'Terug- en Overname'::text::migchain.request_kind;
SELECT migchain.request_kind('lp');
SELECT ('T&O'::migchain.request_kind)::text;
SELECT 'x'::text::migchain.request_kind;
SELECT pg_typeof(migchain.text('LP'::migchain.request_kind));
-- A request_kind is assigned to a text column without a cast.
CREATE TEMP TABLE rk_text (t text);
INSERT INTO rk_text SELECT 'T/O'::migchain.request_kind;
SELECT t FROM rk_text;
DROP TABLE rk_text;

-- Order: LP < T&O; every operator.
SELECT a, b, a < b AS lt, a <= b AS le, a = b AS eq, a <> b AS ne, a >= b AS ge, a > b AS gt,
       migchain.request_kind_cmp(a, b) AS cmp
  FROM (VALUES ('LP'::migchain.request_kind), ('T&O')) AS x(a),
       (VALUES ('LP'::migchain.request_kind), ('T&O')) AS y(b)
 ORDER BY a, b;
SELECT k FROM (VALUES ('T&O'::migchain.request_kind), ('LP'), ('TO'), ('lp')) AS v(k) ORDER BY k;
SELECT k FROM (VALUES ('T&O'::migchain.request_kind), ('LP'), ('TO'), ('lp')) AS v(k) ORDER BY k DESC;
SELECT min(k::text), max(k::text) FROM (VALUES ('T&O'::migchain.request_kind), ('LP')) AS v(k);

-- Hashing: equal values hash equally; the extended hash with seed 0 agrees
-- with the plain hash in its low 32 bits, as for every built-in type.
SELECT k, migchain.request_kind_hash(k) = migchain.request_kind_hash(k::text::migchain.request_kind) AS stable,
       (migchain.request_kind_hash_extended(k, 0) & 4294967295) = (migchain.request_kind_hash(k)::int8 & 4294967295) AS ext_low_bits,
       migchain.request_kind_hash_extended(k, 0) <> migchain.request_kind_hash_extended(k, 1) AS seed_matters
  FROM (VALUES ('LP'::migchain.request_kind), ('T&O')) AS v(k);
SELECT migchain.request_kind_hash('LP') <> migchain.request_kind_hash('T&O') AS hashes_differ;

-- Binary form: one byte, the ordinal (pinned).
SELECT migchain.request_kind_send('LP');
SELECT migchain.request_kind_send('T&O');

-- The type's catalogue entry: one byte, by value, char alignment, plain storage.
SELECT typlen, typbyval, typalign, typstorage FROM pg_type WHERE oid = 'migchain.request_kind'::regtype;

-- A table, text and binary round trips, and indexes.
CREATE TABLE rk_test (id int, k migchain.request_kind);
INSERT INTO rk_test SELECT i, CASE WHEN i % 3 = 0 THEN 'LP' ELSE 'T&O' END::migchain.request_kind
  FROM generate_series(1, 3000) AS i;
INSERT INTO rk_test VALUES (0, NULL);
-- Text round trip.
SELECT count(*) FROM rk_test WHERE k IS DISTINCT FROM k::text::migchain.request_kind;
-- Binary COPY round trip.
COPY rk_test TO '/tmp/migchain_regress_request_kind.bin' (FORMAT binary);
CREATE TABLE rk_copy (LIKE rk_test);
COPY rk_copy FROM '/tmp/migchain_regress_request_kind.bin' (FORMAT binary);
SELECT count(*) AS rows, count(k) AS non_null FROM rk_copy;
SELECT count(*) AS differences FROM rk_test t FULL JOIN rk_copy c USING (id)
 WHERE t.k IS DISTINCT FROM c.k OR t.id IS NULL OR c.id IS NULL;
SELECT k, count(*) FROM rk_copy GROUP BY k ORDER BY k;
-- Text COPY round trip.
COPY rk_test TO '/tmp/migchain_regress_request_kind.txt';
TRUNCATE rk_copy;
COPY rk_copy FROM '/tmp/migchain_regress_request_kind.txt';
SELECT count(*) AS differences FROM rk_test t FULL JOIN rk_copy c USING (id)
 WHERE t.k IS DISTINCT FROM c.k OR t.id IS NULL OR c.id IS NULL;

-- Binary input that is not one valid byte is refused (22P03).
COPY (SELECT 2::int4::"char") TO '/tmp/migchain_regress_request_kind_bad.bin' (FORMAT binary);
COPY rk_copy (k) FROM '/tmp/migchain_regress_request_kind_bad.bin' (FORMAT binary);
COPY (SELECT (-1)::int4::"char") TO '/tmp/migchain_regress_request_kind_bad.bin' (FORMAT binary);
COPY rk_copy (k) FROM '/tmp/migchain_regress_request_kind_bad.bin' (FORMAT binary);
COPY (SELECT 1::int2) TO '/tmp/migchain_regress_request_kind_bad.bin' (FORMAT binary);
COPY rk_copy (k) FROM '/tmp/migchain_regress_request_kind_bad.bin' (FORMAT binary);
COPY (SELECT ''::bytea) TO '/tmp/migchain_regress_request_kind_bad.bin' (FORMAT binary);
COPY rk_copy (k) FROM '/tmp/migchain_regress_request_kind_bad.bin' (FORMAT binary);
DO $$
BEGIN
	COPY rk_copy (k) FROM '/tmp/migchain_regress_request_kind_bad.bin' (FORMAT binary);
EXCEPTION WHEN invalid_binary_representation THEN
	RAISE NOTICE 'caught %', SQLSTATE;
END $$;

-- Btree and hash indexes are used, and amcheck finds the btree sound.
SET client_min_messages = warning;
RESET client_min_messages;
CREATE INDEX rk_test_btree ON rk_test (k);
CREATE INDEX rk_test_hash ON rk_test USING hash (k);
ANALYZE rk_test;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
DROP INDEX rk_test_hash;
EXPLAIN (COSTS OFF) SELECT count(*) FROM rk_test WHERE k = 'LP';
SELECT count(*) FROM rk_test WHERE k = 'LP';
EXPLAIN (COSTS OFF) SELECT count(*) FROM rk_test WHERE k > 'LP';
SELECT count(*) FROM rk_test WHERE k > 'LP';
SELECT count(*) FROM rk_test WHERE k <= 'T&O';
CREATE INDEX rk_test_hash ON rk_test USING hash (k);
DROP INDEX rk_test_btree;
EXPLAIN (COSTS OFF) SELECT count(*) FROM rk_test WHERE k = 'T&O';
SELECT count(*) FROM rk_test WHERE k = 'T&O';
RESET enable_bitmapscan;
RESET enable_seqscan;
CREATE INDEX rk_test_btree ON rk_test (k);
SELECT bt_index_check('rk_test_btree', true);
-- Merge join and hash join on request_kind.
SET enable_hashjoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM (VALUES ('LP'::migchain.request_kind), ('T&O')) AS v(k) JOIN rk_test USING (k);
SELECT count(*) FROM (VALUES ('LP'::migchain.request_kind), ('T&O')) AS v(k) JOIN rk_test USING (k);
RESET enable_hashjoin;
SET enable_mergejoin = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM (VALUES ('LP'::migchain.request_kind), ('T&O')) AS v(k) JOIN rk_test USING (k);
SELECT count(*) FROM (VALUES ('LP'::migchain.request_kind), ('T&O')) AS v(k) JOIN rk_test USING (k);
RESET enable_mergejoin;
RESET enable_nestloop;
-- Grouping over sorted input and by hashing agree.
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT k, count(*) FROM rk_test GROUP BY k;
SELECT k, count(*) FROM rk_test GROUP BY k ORDER BY k;
RESET enable_hashagg;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT k, count(*) FROM rk_test GROUP BY k;
SELECT k, count(*) FROM rk_test GROUP BY k ORDER BY k;
RESET enable_sort;

DROP TABLE rk_test, rk_copy;
RESET search_path;
-- Leave no file behind (another user's run could not overwrite it).
COPY (SELECT 1 WHERE false) TO PROGRAM 'rm -f /tmp/migchain_regress_request_kind.bin /tmp/migchain_regress_request_kind.txt /tmp/migchain_regress_request_kind_bad.bin';
