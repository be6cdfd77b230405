SET search_path = public, migchain;
-- The rollup of the request counters (sql/install/36-rollup.sql): after
-- every kind of change to migchain.request, committed or rolled back, the
-- rollup equals a fresh count of the requests (verify_request_rollup()
-- returns no rows), and the overviews, which read it, give the numbers
-- counted here by hand (in the comments before each).
SET migchain.language = 'en';

-- Every 256th statement that writes deltas, or one that writes 256 cells or
-- more, asks for a compaction, which a background worker runs after the
-- commit.  No statement here writes that many cells, and the counter starts
-- again, so that none of the fewer than 255 statements here is a 256th: the
-- rows of the rollup change only as this test changes them.
TRUNCATE migchain.request, migchain.load_batch RESTART IDENTITY;
SELECT setval('migchain.request_rollup_statement_seq', 1);
-- The deltas the current transaction wrote (outside savepoints).
CREATE TEMP VIEW my_deltas AS
  SELECT year, kind, country, pending, positive, negative, withdrawn, compacted
    FROM migchain.request_rollup
   WHERE xmin = pg_current_xact_id()::xid
   ORDER BY year, kind, country;

-- INSERT of several rows: one delta per (year, kind, country).
BEGIN;
INSERT INTO migchain.request (request_id, kind, answer, country, presented_on, answered_on, person_id) VALUES
  (1, 'LP', 'pending', 'MA', '2020-03-01', NULL, 1),
  (2, 'LP', 'positive', 'MA', '2020-04-01', '2020-05-01', 2),
  (3, 'LP', 'negative', 'MA', '2020-12-31', '2021-01-15', 3),
  (4, 'LP', 'withdrawn', 'DZ', '2020-06-01', '2021-06-01', 4),
  (5, 'T&O', 'pending', 'AL', '2021-01-01', NULL, 5),
  (6, 'T&O', 'positive', 'AL', '2021-02-01', '2021-03-01', 6);
-- 2020 LP DZ: 1 withdrawn; 2020 LP MA: 1 pending, 1 positive, 1 negative;
-- 2021 T&O AL: 1 pending, 1 positive.
SELECT * FROM my_deltas;
COMMIT;
SELECT * FROM migchain.verify_request_rollup();
-- 2020 LP: 4 presented, 1 positive, 1 negative, 1 withdrawn, 1 pending;
-- 2021 T&O: 2 presented, 1 positive, 1 pending.
SELECT * FROM migchain.overview();

-- INSERT ... SELECT: ten LP requests to Nigeria in 2021, the even ones
-- answered positively.
BEGIN;
INSERT INTO migchain.request (request_id, kind, answer, country, presented_on, answered_on, person_id)
SELECT 100 + i, 'LP', CASE WHEN i % 2 = 0 THEN 'positive' ELSE 'pending' END::migchain.answer, 'NG',
       date '2021-01-01' + i, CASE WHEN i % 2 = 0 THEN date '2021-03-01' END, 100 + i
  FROM generate_series(1, 10) i;
-- 2021 LP NG: 5 pending, 5 positive.
SELECT * FROM my_deltas;
COMMIT;
SELECT * FROM migchain.verify_request_rollup();

-- COPY FROM STDIN.
BEGIN;
COPY migchain.request (request_id, kind, answer, country, presented_on, answered_on, person_id) FROM STDIN;
201	T&O	negative	AL	2021-05-01	2021-06-01	201
202	LP	pending	MA	2022-01-01	\N	202
203	LP	withdrawn	MA	2022-01-02	2023-01-05	203
204	T&O	withdrawn	DZ	2022-12-31	2023-12-31	204
\.
-- 2021 T&O AL: 1 negative; 2022 LP MA: 1 pending, 1 withdrawn;
-- 2022 T&O DZ: 1 withdrawn.
SELECT * FROM my_deltas;
COMMIT;
SELECT * FROM migchain.verify_request_rollup();
-- 2020 LP:  4 presented, 1 positive, 1 negative, 1 withdrawn, 1 pending;
-- 2021 LP: 10 presented, 5 positive, 5 pending;
-- 2021 T&O: 3 presented, 1 positive, 1 negative, 1 pending;
-- 2022 LP:  2 presented, 1 withdrawn, 1 pending;
-- 2022 T&O: 1 presented, 1 withdrawn.
SELECT * FROM migchain.overview();

-- UPDATE: an answer arrives; the request moves from pending to positive.
BEGIN;
UPDATE migchain.request SET answer = 'positive', answered_on = '2020-06-01' WHERE request_id = 1;
-- 2020 LP MA: pending -1, positive +1.
SELECT * FROM my_deltas;
COMMIT;
-- Two answers in one statement, in one cell.
BEGIN;
UPDATE migchain.request SET answer = 'negative', answered_on = '2021-04-01' WHERE request_id IN (101, 103);
-- 2021 LP NG: pending -2, negative +2.
SELECT * FROM my_deltas;
COMMIT;
SELECT * FROM migchain.verify_request_rollup();
-- 2020 LP:  4 presented, 2 positive, 1 negative, 1 withdrawn, 0 pending;
-- 2021 LP: 10 presented, 5 positive, 2 negative, 3 pending.
SELECT * FROM migchain.overview(2020, 2021) WHERE kind = 'LP';

-- UPDATE of presented_on across a year boundary: request 3 moves from
-- 2020 to 2021.
BEGIN;
UPDATE migchain.request SET presented_on = '2021-01-02' WHERE request_id = 3;
-- 2020 LP MA: negative -1; 2021 LP MA: negative +1.
SELECT * FROM my_deltas;
COMMIT;
-- UPDATE of the country: request 4 moves from DZ to MA.
BEGIN;
UPDATE migchain.request SET country = 'MA' WHERE request_id = 4;
-- 2020 LP DZ: withdrawn -1; 2020 LP MA: withdrawn +1.
SELECT * FROM my_deltas;
COMMIT;
SELECT * FROM migchain.verify_request_rollup();
-- The cell 2020 LP DZ now counts nothing: its deltas add up to 0, and it
-- is not among the counts.
SELECT coalesce(sum(pending), 0) AS pending, coalesce(sum(positive), 0) AS positive,
       coalesce(sum(negative), 0) AS negative, coalesce(sum(withdrawn), 0) AS withdrawn
  FROM migchain.request_rollup WHERE year = 2020 AND kind = 'LP' AND country = 'DZ';
-- 2020 LP MA: 2 positive (1, 2), 1 withdrawn (4);
-- 2021 LP MA: 1 negative (3);
-- 2021 LP NG: 3 pending, 5 positive, 2 negative;
-- 2021 T&O AL: 1 pending, 1 positive, 1 negative;
-- 2022 LP MA: 1 pending, 1 withdrawn;
-- 2022 T&O DZ: 1 withdrawn.
SELECT * FROM migchain.request_counts();
-- 2020 LP:  3 presented, 2 positive, 1 withdrawn;
-- 2021 LP: 11 presented, 5 positive, 3 negative, 3 pending.
SELECT * FROM migchain.overview(2020, 2021) WHERE kind = 'LP';
SELECT * FROM migchain.request_counts(2021, 2021, 'T&O');

-- Updates that change no count write no delta: other columns, a day in
-- the same year, and two answers swapped within one cell.
BEGIN;
UPDATE migchain.request SET requested_on = presented_on, person_id = person_id + 1000 WHERE request_id IN (1, 2, 5);
UPDATE migchain.request SET presented_on = '2020-04-15' WHERE request_id = 2;
UPDATE migchain.request
   SET answer = CASE request_id WHEN 105 THEN 'positive' ELSE 'pending' END::migchain.answer,
       answered_on = CASE request_id WHEN 105 THEN date '2021-03-01' END
 WHERE request_id IN (102, 105);
SELECT * FROM my_deltas;
COMMIT;
SELECT * FROM migchain.verify_request_rollup();

-- DELETE.
BEGIN;
DELETE FROM migchain.request WHERE request_id IN (2, 204);
-- 2020 LP MA: positive -1; 2022 T&O DZ: withdrawn -1.
SELECT * FROM my_deltas;
COMMIT;
SELECT * FROM migchain.verify_request_rollup();
-- 2020 LP:  2 presented, 1 positive, 1 withdrawn;
-- 2021 LP: 11 presented, 5 positive, 3 negative, 3 pending;
-- 2021 T&O: 3 presented, 1 positive, 1 negative, 1 pending;
-- 2022 LP:  2 presented, 1 withdrawn, 1 pending;
-- 2022 T&O is gone: its only request was deleted.
SELECT * FROM migchain.overview();

-- A transaction that rolls back leaves no trace in the counts; inside it,
-- its own changes are counted.
BEGIN;
INSERT INTO migchain.request (request_id, kind, country, presented_on, person_id) VALUES (301, 'LP', 'MA', '2022-03-01', 301);
UPDATE migchain.request SET answer = 'positive', answered_on = '2022-02-01' WHERE request_id = 202;
DELETE FROM migchain.request WHERE request_id = 203;
-- 2022 LP: 2 presented (202, 301), 1 positive, 1 pending.
SELECT * FROM migchain.overview(2022, 2022);
ROLLBACK;
-- 2022 LP: 2 presented, 1 withdrawn, 1 pending.
SELECT * FROM migchain.overview(2022, 2022);
SELECT * FROM migchain.verify_request_rollup();

-- A savepoint rolled back: what came before it and after it stays.
BEGIN;
INSERT INTO migchain.request (request_id, kind, country, presented_on, person_id) VALUES (302, 'T&O', 'AL', '2022-02-02', 302);
SAVEPOINT s;
INSERT INTO migchain.request (request_id, kind, country, presented_on, person_id) VALUES (303, 'LP', 'NG', '2022-02-03', 303);
UPDATE migchain.request SET answer = 'positive', answered_on = '2022-03-03' WHERE request_id = 302;
DELETE FROM migchain.request WHERE request_id = 101;
ROLLBACK TO SAVEPOINT s;
UPDATE migchain.request SET answer = 'withdrawn', answered_on = '2022-01-01' WHERE request_id = 5;
COMMIT;
SELECT * FROM migchain.verify_request_rollup();
-- 302 is pending, 303 is not there, 101 is still there, 5 is withdrawn:
-- 2021 T&O: 3 presented, 1 positive, 1 negative, 1 withdrawn;
-- 2022 T&O: 1 presented, 1 pending.
SELECT * FROM migchain.overview();

-- TRUNCATE rolled back: inside the transaction there is nothing to count,
-- after it everything is back.
BEGIN;
TRUNCATE migchain.request;
SELECT count(*) AS rollup_rows FROM migchain.request_rollup;
SELECT * FROM migchain.overview();
ROLLBACK;
SELECT * FROM migchain.verify_request_rollup();
SELECT * FROM migchain.overview();

-- The sheets of the countries, from the same rollup (no routes: has_process
-- NULL):
-- 2020 LP MA:  2 presented, 1 withdrawn, 1 not confirmed;
-- 2021 LP MA:  1 presented, 1 negative, 1 not confirmed;
-- 2021 LP NG: 10 presented, 2 negative, 2 not confirmed;
-- 2022 LP MA:  2 presented, 1 withdrawn, 1 not confirmed;
-- 2021 T&O AL: 3 presented, 1 negative, 1 withdrawn, 2 not confirmed;
-- 2022 T&O AL: 1 presented, none not confirmed.
SELECT year, kind, country_code, negative, withdrawn, not_confirmed, presented, has_process
  FROM migchain.not_confirmed_by_country() ORDER BY kind, year, country_code;

-- Compaction merges the rows of every cell with new deltas into one row per
-- cell and leaves the counts as they were.  Its row counts are shown in the
-- transaction that holds the compactions' lock (taken first, so that the
-- call cannot find a background compaction at work): no other compaction
-- can change the rows meanwhile.
CREATE TEMP TABLE counts_before AS SELECT * FROM migchain.request_counts();
BEGIN;
SELECT pg_advisory_xact_lock('migchain.request_rollup'::regclass::oid::int8);
SELECT count(*) AS rows_before FROM migchain.request_rollup \gset
SELECT migchain.compact_request_rollup() = :rows_before AS merged_every_row;
-- One row per cell that counts something, each of them compacted: the six
-- cells of request_counts().  The cells whose deltas add up to 0 (2020 LP
-- DZ and 2022 T&O DZ) have no row left.
SELECT count(*) AS rows, count(DISTINCT (year, kind, country)) AS cells, bool_and(compacted) AS all_compacted,
       count(*) FILTER (WHERE country = 'DZ') AS dz_rows
  FROM migchain.request_rollup;
-- Nothing is left to compact.
SELECT migchain.compact_request_rollup() AS merged;
COMMIT;
-- The counts are those before the compaction.
(TABLE counts_before EXCEPT SELECT * FROM migchain.request_counts())
UNION ALL
(SELECT * FROM migchain.request_counts() EXCEPT TABLE counts_before);
SELECT * FROM migchain.verify_request_rollup();
-- A correction after the compaction: one delta; the next compaction merges
-- that cell only (its compacted row and the delta).
UPDATE migchain.request SET answer = 'negative' WHERE request_id = 1;
BEGIN;
SELECT pg_advisory_xact_lock('migchain.request_rollup'::regclass::oid::int8);
SELECT migchain.compact_request_rollup() AS merged;
SELECT count(*) AS rows, count(DISTINCT (year, kind, country)) AS cells, bool_and(compacted) AS all_compacted
  FROM migchain.request_rollup;
COMMIT;
-- 2020 LP MA: 1 negative (1), 1 withdrawn (4).
SELECT * FROM migchain.request_counts(2020, 2020);
SELECT * FROM migchain.verify_request_rollup();

-- A rollup trigger that does not fire always makes every read of the
-- rollup fail: changes made meanwhile would be missing.  Disabled:
ALTER TABLE migchain.request DISABLE TRIGGER request_rollup_update;
SELECT migchain.request_rollup_ready();
SELECT * FROM migchain.overview();
SELECT * FROM migchain_bi.overview_by_year;
SELECT * FROM migchain_bi.not_confirmed_by_country;
-- An update meanwhile is not counted (verify_request_rollup() reads the
-- rollup without asking): request 202 withdrawn.
UPDATE migchain.request SET answer = 'withdrawn', answered_on = '2022-06-01' WHERE request_id = 202;
SELECT * FROM migchain.verify_request_rollup();
-- Enabled again as ENABLE TRIGGER does (and pg_restore's ENABLE TRIGGER ALL
-- after --disable-triggers): on origin only, so not under
-- session_replication_role = replica, as the apply worker of logical
-- replication runs.  Still refused.
ALTER TABLE migchain.request ENABLE TRIGGER request_rollup_update;
SELECT migchain.request_rollup_ready();
ALTER TABLE migchain.request ENABLE REPLICA TRIGGER request_rollup_update;
SELECT migchain.request_rollup_ready();
-- rebuild_request_rollup() counts again and makes the triggers fire always;
-- at READ COMMITTED only.
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT migchain.rebuild_request_rollup();
ROLLBACK;
-- Six cells: 2020 LP MA, 2021 LP MA, 2021 LP NG, 2021 T&O AL, 2022 LP MA,
-- 2022 T&O AL.
SELECT migchain.rebuild_request_rollup();
SELECT migchain.request_rollup_ready();
SELECT tgname, tgenabled FROM pg_trigger
 WHERE tgrelid = 'migchain.request'::regclass AND NOT tgisinternal ORDER BY 1;
SELECT * FROM migchain.verify_request_rollup();
-- 2022 LP:  2 presented, both withdrawn (202, 203);
-- 2022 T&O: 1 presented, pending (302).
SELECT * FROM migchain.overview(2022, 2022);
-- A trigger that is not there at all: refused too.
BEGIN;
DROP TRIGGER request_rollup_truncate ON migchain.request;
SELECT migchain.request_rollup_ready();
ROLLBACK;
-- The guard on the rollup itself, which keeps a logical replication
-- subscriber from applying the publisher's counts on top of its own, must
-- fire on replicas; rebuild_request_rollup() enables it again too.
ALTER TABLE migchain.request_rollup DISABLE TRIGGER request_rollup_guard;
SELECT migchain.request_rollup_ready();
SELECT migchain.rebuild_request_rollup();
SELECT tgname, tgenabled FROM pg_trigger
 WHERE tgrelid = 'migchain.request_rollup'::regclass AND NOT tgisinternal ORDER BY 1;
SELECT migchain.request_rollup_ready();

-- A loader changes requests, and so the rollup (the deltas are written with
-- the rights of the table's owner), but cannot write the rollup itself, nor
-- check, compact or rebuild it.
CREATE ROLE regress_rollup_loader;
SELECT migchain.grant_loader('regress_rollup_loader');
SET ROLE regress_rollup_loader;
INSERT INTO migchain.request (request_id, kind, country, presented_on, person_id) VALUES (401, 'LP', 'MA', '2022-05-01', 401);
UPDATE migchain.request SET answer = 'positive', answered_on = '2022-05-20' WHERE request_id = 401;
-- 2022 LP: 3 presented, 1 positive, 2 withdrawn.
SELECT * FROM migchain.overview(2022, 2022) WHERE kind = 'LP';
INSERT INTO migchain.request_rollup (year, kind, country, pending, positive, negative, withdrawn)
  VALUES (2022, 'LP', 'MA', 1, 0, 0, 0);
UPDATE migchain.request_rollup SET pending = pending + 1;
DELETE FROM migchain.request_rollup;
SELECT * FROM migchain.verify_request_rollup();
SELECT migchain.compact_request_rollup();
SELECT migchain.rebuild_request_rollup();
RESET ROLE;
SELECT * FROM migchain.verify_request_rollup();
SELECT migchain.revoke_access('regress_rollup_loader');
DROP ROLE regress_rollup_loader;

-- Under session_replication_role = replica (as logical replication applies
-- changes) the triggers fire too.
SET session_replication_role = replica;
INSERT INTO migchain.request (request_id, kind, country, presented_on, person_id) VALUES (501, 'T&O', 'AL', '2022-07-01', 501);
UPDATE migchain.request SET answer = 'negative', answered_on = '2022-08-01' WHERE request_id = 302;
DELETE FROM migchain.request WHERE request_id = 401;
RESET session_replication_role;
SELECT * FROM migchain.verify_request_rollup();
-- 2022 LP:  2 presented, 2 withdrawn;
-- 2022 T&O: 2 presented (302, 501), 1 negative, 1 pending.
SELECT * FROM migchain.overview(2022, 2022);
-- TRUNCATE empties the rollup, also as a replica.
SET session_replication_role = replica;
TRUNCATE migchain.request;
RESET session_replication_role;
SELECT count(*) AS rollup_rows FROM migchain.request_rollup;
SELECT * FROM migchain.overview();
SELECT * FROM migchain.verify_request_rollup();

DROP TABLE counts_before;
DROP VIEW my_deltas;
TRUNCATE migchain.request, migchain.load_batch RESTART IDENTITY;
RESET migchain.language;
RESET search_path;
