SET search_path = public, migchain;
-- tally: counts per answer category.
-- Text input: all four names, any order, English or Dutch, spaces allowed.
SELECT 'pending=1, positive=2, negative=3, withdrawn=4'::migchain.tally;
SELECT 'withdrawn=4,negative=3,positive=2,pending=1'::migchain.tally;
SELECT '  PENDING = 0 , Positive=+10, negative=0, withdrawn = 7  '::migchain.tally;
SELECT 'lopend=1, positief=2, negatief=3, ingetrokken=4'::migchain.tally;
SELECT 'pending:1, positive:2, negative:3, withdrawn:4'::migchain.tally;
SELECT 'pending=0, positive=0, negative=0, withdrawn=9223372036854775807'::migchain.tally;
-- A sign: "+" as in PostgreSQL's integers, and "-0" is 0 as there.
SELECT 'pending=-0, positive=+0, negative=-00, withdrawn=0'::migchain.tally;
-- Bad input, one per line.
SELECT ''::migchain.tally;
SELECT 'pending=1'::migchain.tally;
SELECT 'pending=1, positive=2, negative=3'::migchain.tally;
SELECT 'pending=1, positive=2, negative=3, withdrawn=4, pending=5'::migchain.tally;
SELECT 'pending=1, positive=2, negative=3, refused=4'::migchain.tally;
SELECT 'pending=1, positive=2, negative=3, withdrawn=-4'::migchain.tally;
SELECT 'pending=-1, positive=2, negative=3, withdrawn=4'::migchain.tally;
SELECT 'pending=-, positive=2, negative=3, withdrawn=4'::migchain.tally;
SELECT 'pending=--0, positive=2, negative=3, withdrawn=4'::migchain.tally;
SELECT 'pending=+-0, positive=2, negative=3, withdrawn=4'::migchain.tally;
SELECT 'pending=- 0, positive=2, negative=3, withdrawn=4'::migchain.tally;
SELECT 'pending=1, positive=2, negative=3, withdrawn=9223372036854775808'::migchain.tally;
SELECT 'pending=1, positive=2, negative=3, withdrawn=99999999999999999999999'::migchain.tally;
SELECT 'pending=1, positive=2, negative=3, withdrawn=4.5'::migchain.tally;
SELECT 'pending=1, positive=2, negative=3, withdrawn=4,'::migchain.tally;
SELECT 'pending=1; positive=2; negative=3; withdrawn=4'::migchain.tally;
SELECT 'pending 1, positive 2, negative 3, withdrawn 4'::migchain.tally;
SELECT 'pending=, positive=2, negative=3, withdrawn=4'::migchain.tally;
SELECT '(1,2,3,4)'::migchain.tally;
SELECT 'pending=1, positive=2, negative=3, withdrawn=4 extra'::migchain.tally;
-- The constructor and its checks.
SELECT migchain.tally(1, 2, 3, 4);
SELECT migchain.tally(0, -1, 0, 0);
SELECT migchain.tally(NULL, 1, 1, 1) IS NULL AS strict;
-- Accessors: answered = positive + negative (a withdrawal is no answer),
-- closed = answered + withdrawn, total = closed + pending; the acceptance
-- rate is positive / answered, here 2 / 5.
SELECT migchain.pending(t), migchain.positive(t), migchain.negative(t), migchain.withdrawn(t),
       migchain.not_confirmed(t), migchain.answered(t), migchain.closed(t), migchain.total(t),
       migchain.acceptance_rate(t)
  FROM (VALUES ('pending=1, positive=2, negative=3, withdrawn=4'::migchain.tally)) v(t);
SELECT migchain.acceptance_rate('pending=5, positive=0, negative=0, withdrawn=0') AS nothing_answered,
       migchain.acceptance_rate('pending=0, positive=0, negative=0, withdrawn=7') AS only_withdrawn,
       migchain.acceptance_rate('pending=0, positive=1, negative=2, withdrawn=0') AS one_third,
       migchain.acceptance_rate('pending=0, positive=1, negative=2, withdrawn=9') AS still_one_third;
SELECT migchain.total('pending=9223372036854775807, positive=1, negative=0, withdrawn=0');
-- Equality and addition.
SELECT 'pending=1, positive=2, negative=3, withdrawn=4'::migchain.tally
     = 'withdrawn=4, negative=3, positive=2, pending=1' AS same,
       'pending=1, positive=2, negative=3, withdrawn=4'::migchain.tally
     <> 'pending=1, positive=2, negative=3, withdrawn=5' AS differ;
SELECT 'pending=1, positive=2, negative=3, withdrawn=4'::migchain.tally
     + 'pending=10, positive=20, negative=30, withdrawn=40';
SELECT 'pending=1, positive=0, negative=0, withdrawn=0'::migchain.tally
     + 'pending=9223372036854775807, positive=0, negative=0, withdrawn=0';
-- Binary form: four big-endian int64, pinned.
SELECT migchain.tally_send('pending=1, positive=2, negative=258, withdrawn=9223372036854775807');
-- Text and binary round trips through a table and binary COPY.
CREATE TABLE tally_rt (id int, t migchain.tally);
INSERT INTO tally_rt VALUES
  (1, 'pending=0, positive=0, negative=0, withdrawn=0'),
  (2, 'pending=1, positive=2, negative=3, withdrawn=4'),
  (3, 'pending=9223372036854775807, positive=9223372036854775807, negative=0, withdrawn=1');
SELECT id, t::text::migchain.tally = t AS text_round_trip FROM tally_rt ORDER BY id;
COPY tally_rt TO '/tmp/migchain_tally_rt.bin' (FORMAT binary);
CREATE TABLE tally_rt2 (LIKE tally_rt);
COPY tally_rt2 FROM '/tmp/migchain_tally_rt.bin' (FORMAT binary);
SELECT a.id, a.t = b.t AS binary_round_trip FROM tally_rt a JOIN tally_rt2 b USING (id) ORDER BY a.id;
-- Binary input rejects a negative count: a binary COPY file made by hand
-- (header, one row of one 32-byte field with pending = -1, trailer).
SELECT lo_from_bytea(0, '\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
         || '\x000100000020'::bytea || '\xffffffffffffffff'::bytea || '\x0000000000000000'::bytea
         || '\x0000000000000000'::bytea || '\x0000000000000000'::bytea || '\xffff'::bytea) AS lo \gset
SELECT lo_export(:lo, '/tmp/migchain_tally_bad.bin') AS exported;
SELECT lo_unlink(:lo) AS unlinked;
CREATE TABLE tally_bad (t migchain.tally);
COPY tally_bad FROM '/tmp/migchain_tally_bad.bin' (FORMAT binary);
-- and a value that is not 32 bytes: too short (one int8), too long, empty.
COPY (SELECT 1::int8) TO '/tmp/migchain_tally_bad.bin' (FORMAT binary);
COPY tally_bad FROM '/tmp/migchain_tally_bad.bin' (FORMAT binary);
\set VERBOSITY sqlstate
COPY tally_bad FROM '/tmp/migchain_tally_bad.bin' (FORMAT binary);
\set VERBOSITY default
COPY (SELECT migchain.tally_send('pending=1, positive=2, negative=3, withdrawn=4') || '\x00'::bytea)
  TO '/tmp/migchain_tally_bad.bin' (FORMAT binary);
COPY tally_bad FROM '/tmp/migchain_tally_bad.bin' (FORMAT binary);
COPY (SELECT ''::bytea) TO '/tmp/migchain_tally_bad.bin' (FORMAT binary);
COPY tally_bad FROM '/tmp/migchain_tally_bad.bin' (FORMAT binary);
-- The 32 bytes tally_send() writes are read back, whoever wrote the file.
COPY (SELECT migchain.tally_send('pending=1, positive=2, negative=3, withdrawn=4'))
  TO '/tmp/migchain_tally_bad.bin' (FORMAT binary);
COPY tally_bad FROM '/tmp/migchain_tally_bad.bin' (FORMAT binary);
SELECT t FROM tally_bad;
-- Aggregates: answer_tally counts answers (NULLs are not counted), sum merges.
SELECT migchain.answer_tally(a) FROM (VALUES ('positive'::migchain.answer), ('negative'),
  ('positive'), (NULL), ('withdrawn'), ('pending')) v(a);
SELECT migchain.answer_tally(a) FROM (SELECT 'positive'::migchain.answer WHERE false) v(a);
SELECT migchain.sum(t) FROM (VALUES ('pending=1, positive=2, negative=3, withdrawn=4'::migchain.tally),
  (NULL), ('pending=10, positive=20, negative=30, withdrawn=40')) v(t);
SELECT migchain.sum(t) IS NULL AS no_rows_is_null
  FROM (SELECT 'pending=1, positive=2, negative=3, withdrawn=4'::migchain.tally WHERE false) v(t);
-- Grouped, and merged again: the sum of the per-group tallies is the tally of all.
-- i = 1..10000 with g = i % 7 and answer ordinal i % 4: each of the 28
-- combinations 357 times (10000 = 357 * 28 + 4), and once more for i = 9997
-- to 10000, i.e. (g, answer) = (1, positive), (2, negative), (3, withdrawn),
-- (4, pending).
CREATE TABLE tally_answers (g int, a migchain.answer);
INSERT INTO tally_answers
  SELECT i % 7, (ARRAY['pending', 'positive', 'negative', 'withdrawn'])[1 + i % 4]::migchain.answer
    FROM generate_series(1, 10000) i;
SELECT g, migchain.answer_tally(a) FROM tally_answers GROUP BY g ORDER BY g;
SELECT migchain.sum(t) = (SELECT migchain.answer_tally(a) FROM tally_answers) AS merged_equals_whole
  FROM (SELECT migchain.answer_tally(a) AS t FROM tally_answers GROUP BY g) s;
-- Parallel: partial aggregates in workers, combined in the leader; the same
-- result.  Workers that see no rows (a filter no row passes) are fine too.
ALTER TABLE tally_answers SET (parallel_workers = 2);
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT migchain.answer_tally(a) FROM tally_answers;
SELECT migchain.answer_tally(a) FROM tally_answers;
SELECT migchain.answer_tally(a) FROM tally_answers WHERE g > 100;
EXPLAIN (COSTS OFF) SELECT migchain.sum(t) FROM (SELECT migchain.answer_tally(a) AS t FROM tally_answers GROUP BY g) s;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
-- Order (pending, positive, negative, withdrawn in turn), DISTINCT, GROUP BY,
-- hashing and indexes.
SELECT t FROM (VALUES ('pending=0, positive=0, negative=0, withdrawn=2'::migchain.tally),
  ('pending=1, positive=0, negative=0, withdrawn=0'), ('pending=0, positive=0, negative=1, withdrawn=0'),
  ('pending=0, positive=1, negative=0, withdrawn=0'), ('pending=0, positive=0, negative=0, withdrawn=1'),
  ('pending=0, positive=0, negative=0, withdrawn=1')) v(t) ORDER BY t;
SELECT 'pending=1, positive=0, negative=0, withdrawn=0'::migchain.tally
     > 'pending=0, positive=9, negative=9, withdrawn=9' AS pending_first,
       migchain.tally_cmp('pending=1, positive=2, negative=3, withdrawn=4',
                          'pending=1, positive=2, negative=3, withdrawn=5') AS cmp;
SELECT count(DISTINCT t) AS distinct_tallies, count(*) AS tallies
  FROM (SELECT migchain.answer_tally(a) AS t FROM tally_answers GROUP BY g) s;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT t, count(*) FROM (SELECT migchain.answer_tally(a) AS t FROM tally_answers GROUP BY g) s GROUP BY t;
SELECT t, count(*) FROM (SELECT migchain.answer_tally(a) AS t FROM tally_answers GROUP BY g) s GROUP BY t ORDER BY t;
RESET enable_sort;
SELECT migchain.tally_hash('pending=1, positive=2, negative=3, withdrawn=4')
     = migchain.tally_hash('withdrawn=4, negative=3, positive=2, pending=1') AS hash_equal,
       migchain.tally_hash_extended('pending=1, positive=2, negative=3, withdrawn=4', 0)
     = migchain.tally_hash_extended('withdrawn=4, negative=3, positive=2, pending=1', 0) AS hash_extended_equal;
CREATE TABLE tally_idx AS SELECT migchain.tally(i % 3, i % 5, i % 7, i) AS t FROM generate_series(1, 1000) i;
CREATE INDEX tally_idx_btree ON tally_idx (t);
CREATE INDEX tally_idx_hash ON tally_idx USING hash (t);
SELECT bt_index_check('tally_idx_btree', true);
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM tally_idx WHERE t = 'pending=1, positive=1, negative=1, withdrawn=1';
SELECT * FROM tally_idx WHERE t = 'pending=1, positive=1, negative=1, withdrawn=1';
DROP INDEX tally_idx_hash;
EXPLAIN (COSTS OFF) SELECT * FROM tally_idx WHERE t < 'pending=0, positive=0, negative=1, withdrawn=0';
SELECT * FROM tally_idx WHERE t < 'pending=0, positive=0, negative=1, withdrawn=0';
RESET enable_seqscan;
RESET enable_bitmapscan;
-- Counting past the largest count is an error, not a wrap-around.
SELECT migchain.tally_count_answer(migchain.tally(0, 9223372036854775807, 0, 0), 'positive');
DROP TABLE tally_answers, tally_bad, tally_idx, tally_rt, tally_rt2;
-- Leave no file behind (another user's run could not overwrite it).
COPY (SELECT 1 WHERE false) TO PROGRAM 'rm -f /tmp/migchain_tally_bad.bin /tmp/migchain_tally_rt.bin';
