SET search_path = public, migchain;
-- Load batches (sql/install/29-load_batch.sql, 36-rollup.sql): a loader
-- begins a batch, loads, ends it (its rows and their checksum recorded) and
-- checks it later; the admin takes a bad one back, and the rollup of the
-- counters follows.  Rows may name only batches that exist and were not
-- taken back.
SET migchain.language = 'en';
TRUNCATE migchain.request, migchain.load_batch RESTART IDENTITY;
CREATE ROLE regress_batch_loader;
SELECT migchain.grant_loader('regress_batch_loader');

-- No batch unless one is begun or set.
SHOW migchain.load_batch;
SELECT migchain.current_load_batch();

-- A round trip, as a loader: begin_load() records the batch and sets
-- migchain.load_batch for the rest of the transaction, so the rows
-- inserted (and copied) then belong to it.
SET ROLE regress_batch_loader;
BEGIN;
SELECT migchain.begin_load('case system export', 'requests-2026-11.csv') AS batch;
SELECT current_setting('migchain.load_batch') AS setting, migchain.current_load_batch() AS current_batch;
INSERT INTO migchain.request (request_id, kind, answer, country, presented_on, answered_on, person_id) VALUES
  (1, 'LP', 'positive', 'MA', '2021-02-01', '2021-03-01', 1),
  (2, 'LP', 'pending', 'MA', '2021-02-02', NULL, 2),
  (3, 'T&O', 'negative', 'AL', '2021-03-01', '2021-04-01', 3);
COPY migchain.request (request_id, kind, answer, country, presented_on, answered_on, person_id) FROM STDIN;
4	T&O	pending	AL	2021-05-01	\N	4
5	LP	withdrawn	DZ	2021-06-01	2022-06-02	5
\.
SELECT batch_id, row_count, checksum <> 0 AS has_checksum FROM migchain.end_load();
COMMIT;
-- After the transaction the setting is back to no batch.
SELECT current_setting('migchain.load_batch') AS setting, migchain.current_load_batch() AS current_batch;
-- Who and when: loaded_by is the role the loader acts as, session_role the
-- role that logged in (here the superuser running this test, then SET ROLE).
SELECT batch_id, system, file, loaded_by, session_role = session_user AS session_role_is_login,
       loaded_by <> session_role AS after_set_role, ended_at >= loaded_at AS ended_after_begun,
       row_count, removed_at, removed_by, removed_rows, removal_reason
  FROM migchain.load_batch;
SELECT batch_id, recorded_rows, rows_now, recorded_checksum = checksum_now AS same_checksum, unchanged
  FROM migchain.load_batch_check(1);
-- The checksum is that of the rows' values: an answer given later changes
-- it, and taking the answer back restores it.
UPDATE migchain.request SET answer = 'positive', answered_on = '2021-05-01' WHERE request_id = 2;
SELECT batch_id, recorded_rows, rows_now, recorded_checksum = checksum_now AS same_checksum, unchanged
  FROM migchain.load_batch_check(1);
UPDATE migchain.request SET answer = 'pending', answered_on = NULL WHERE request_id = 2;
SELECT unchanged FROM migchain.load_batch_check(1);
-- No such batch: an error, not a row of NULLs.
SELECT * FROM migchain.load_batch_check(99);
SELECT * FROM migchain.load_batch_check(NULL);

-- A batch added to in later transactions: by naming it in batch_id, or by
-- setting migchain.load_batch.  Not ended yet: load_batch_check() cannot
-- say whether it changed.
SELECT migchain.begin_load('case system export', 'requests-2026-12.csv') AS batch;
INSERT INTO migchain.request (request_id, kind, country, presented_on, person_id, batch_id)
  VALUES (6, 'LP', 'NG', '2022-01-01', 6, 2);
SET migchain.load_batch = 2;
INSERT INTO migchain.request (request_id, kind, country, presented_on, person_id) VALUES (7, 'LP', 'NG', '2022-01-02', 7);
RESET migchain.load_batch;
SELECT batch_id, recorded_rows, rows_now, unchanged FROM migchain.load_batch_check(2);
SELECT batch_id, row_count FROM migchain.end_load(2);
-- Rows outside any batch.
INSERT INTO migchain.request (request_id, kind, answer, country, presented_on, answered_on, person_id) VALUES
  (8, 'LP', 'positive', 'MA', '2021-07-01', '2021-08-01', 8),
  (9, 'T&O', 'pending', 'AL', '2021-07-02', NULL, 9);
SELECT request_id, batch_id FROM migchain.request ORDER BY request_id;

-- A batch that does not exist: refused, by batch_id and by the setting.
INSERT INTO migchain.request (request_id, kind, country, presented_on, person_id, batch_id)
  VALUES (10, 'LP', 'MA', '2022-01-01', 10, 99);
SET migchain.load_batch = 99;
INSERT INTO migchain.request (request_id, kind, country, presented_on, person_id) VALUES (10, 'LP', 'MA', '2022-01-01', 10);
RESET migchain.load_batch;
-- A loader does not move requests between batches (nor out of one): the
-- batch is where a row came from.
UPDATE migchain.request SET batch_id = 2 WHERE request_id = 8;
UPDATE migchain.request SET batch_id = NULL WHERE request_id = 1;
-- Nor adds rows to a batch that was ended: what end_load() recorded stays
-- true.  Answers to its requests are updates, which it may make.
INSERT INTO migchain.request (request_id, kind, country, presented_on, person_id, batch_id)
  VALUES (10, 'LP', 'MA', '2022-01-01', 10, 1);
UPDATE migchain.request SET answer = 'negative', answered_on = '2021-05-02' WHERE request_id = 4;
UPDATE migchain.request SET answer = 'pending', answered_on = NULL WHERE request_id = 4;
-- The admin may (a restore of a dump writes the rows of ended batches),
-- and may name a batch that does not exist (yet): a parallel pg_restore
-- copies the requests before the batches.
RESET ROLE;
BEGIN;
UPDATE migchain.request SET batch_id = 99 WHERE request_id = 8;
SELECT request_id, batch_id FROM migchain.request WHERE request_id = 8;
ROLLBACK;
BEGIN;
INSERT INTO migchain.request (request_id, kind, country, presented_on, person_id, batch_id)
  VALUES (10, 'LP', 'MA', '2022-01-01', 10, 1);
SELECT batch_id, recorded_rows, rows_now, unchanged FROM migchain.load_batch_check(1);
ROLLBACK;
SET ROLE regress_batch_loader;

-- end_load(): once per batch, of a batch that exists, and without a name
-- only in the transaction of begin_load().  (The admin pins the time batch
-- 1 was ended, so that the message does not depend on the clock.)
RESET ROLE;
UPDATE migchain.load_batch SET ended_at = '2026-11-02 10:00:00+00' WHERE batch_id = 1;
SET ROLE regress_batch_loader;
SELECT * FROM migchain.end_load(1);
SELECT * FROM migchain.end_load();
SELECT * FROM migchain.end_load(99);
-- The role that began a batch (or one of its members) ends it, or the
-- admin; another loader may not.
RESET ROLE;
CREATE ROLE regress_other_loader;
SELECT migchain.grant_loader('regress_other_loader');
SET SESSION AUTHORIZATION regress_other_loader;
SELECT * FROM migchain.end_load(2);
RESET SESSION AUTHORIZATION;
SET ROLE regress_batch_loader;
-- end_load() and remove_load_batch() lock the batch and then read its rows:
-- at READ COMMITTED only, or a snapshot older than the lock would miss rows.
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT * FROM migchain.end_load(2);
ROLLBACK;
-- begin_load() needs the name of the system.
SELECT migchain.begin_load(NULL);
SELECT migchain.begin_load('', 'requests.csv');
SELECT migchain.begin_load('   ');

-- The columns a loader may write are the system and the file of a new
-- batch: who, when, how many rows, which checksum and the removal are not
-- theirs to write, nor may they delete a batch.
INSERT INTO migchain.load_batch (system, file) VALUES ('direct insert', 'x.csv') RETURNING batch_id, loaded_by;
INSERT INTO migchain.load_batch (system, loaded_by) VALUES ('direct insert', 'someone_else');
INSERT INTO migchain.load_batch (system, session_role) VALUES ('direct insert', 'someone_else');
INSERT INTO migchain.load_batch (system, row_count, checksum) VALUES ('direct insert', 0, 0);
UPDATE migchain.load_batch SET row_count = 5 WHERE batch_id = 1;
UPDATE migchain.load_batch SET checksum = 0 WHERE batch_id = 1;
UPDATE migchain.load_batch SET file = 'other.csv' WHERE batch_id = 1;
UPDATE migchain.load_batch SET removed_at = now() WHERE batch_id = 1;
DELETE FROM migchain.load_batch WHERE batch_id = 3;
-- A system that is empty breaks the table's own rule.  (Terse: the failing
-- row holds the time it was begun.)
\set VERBOSITY terse
INSERT INTO migchain.load_batch (system) VALUES ('');
\set VERBOSITY default
-- Taking a batch back is the admin's.
SELECT migchain.remove_load_batch(1, 'loaded twice');
RESET ROLE;

-- The table's rules, for whoever may write it.
INSERT INTO migchain.load_batch (batch_id, system) VALUES (1, 'again');
\set VERBOSITY terse
UPDATE migchain.load_batch SET row_count = NULL WHERE batch_id = 1;
UPDATE migchain.load_batch SET removed_at = now() WHERE batch_id = 1;
\set VERBOSITY default

-- Taking back batch 1: its five requests go, and the overviews drop by
-- exactly those: 2021 LP by 3 (1 positive, 1 pending, 1 withdrawn), 2021
-- T&O by 2 (1 negative, 1 pending).
-- Before: 2021 LP:  4 presented, 2 positive, 1 withdrawn, 1 pending;
--         2021 T&O: 3 presented, 1 negative, 2 pending;
--         2022 LP:  2 presented, 2 pending.
SELECT * FROM migchain.overview();
SELECT migchain.remove_load_batch(1, NULL);
SELECT migchain.remove_load_batch(1, ' ');
SELECT migchain.remove_load_batch(99, 'loaded twice');
SELECT migchain.remove_load_batch(NULL, 'loaded twice');
BEGIN ISOLATION LEVEL SERIALIZABLE;
SELECT migchain.remove_load_batch(1, 'loaded twice');
ROLLBACK;
SELECT migchain.remove_load_batch(1, 'loaded twice');
SELECT * FROM migchain.verify_request_rollup();
-- After: 2021 LP:  1 presented, 1 positive;
--        2021 T&O: 1 presented, 1 pending;
--        2022 LP:  2 presented, 2 pending.
SELECT * FROM migchain.overview();
SELECT request_id, batch_id FROM migchain.request ORDER BY request_id;
SELECT batch_id, removed_at IS NOT NULL AS removed, removed_by = current_user AS removed_by_admin,
       removed_rows, removal_reason, row_count
  FROM migchain.load_batch WHERE batch_id = 1;
-- What it was is still there to compare with: no rows now.
SELECT batch_id, recorded_rows, rows_now, unchanged FROM migchain.load_batch_check(1);
-- Once only; and no rows may join it afterwards, nor can it be ended.
-- (Terse: the detail says when and by whom.)
\set VERBOSITY terse
SELECT migchain.remove_load_batch(1, 'loaded twice');
SELECT * FROM migchain.end_load(1);
\set VERBOSITY default
SET ROLE regress_batch_loader;
INSERT INTO migchain.request (request_id, kind, country, presented_on, person_id, batch_id)
  VALUES (1, 'LP', 'MA', '2021-02-01', 1, 1);
SET migchain.load_batch = 1;
INSERT INTO migchain.request (request_id, kind, country, presented_on, person_id) VALUES (1, 'LP', 'MA', '2021-02-01', 1);
RESET migchain.load_batch;
RESET ROLE;

-- The checksum does not depend on the order of the rows: the same rows
-- loaded in another order give the same checksum.  Loaded once ...
BEGIN;
SELECT migchain.begin_load('case system export', 'requests-2027-01.csv') AS batch \gset
INSERT INTO migchain.request (request_id, kind, answer, country, presented_on, answered_on, requested_on, person_id)
SELECT 20 + i, CASE WHEN i % 2 = 0 THEN 'LP' ELSE 'T&O' END::migchain.request_kind,
       CASE WHEN i % 3 = 0 THEN 'positive' ELSE 'pending' END::migchain.answer, 'MA',
       date '2022-03-01' + i, CASE WHEN i % 3 = 0 THEN date '2022-06-01' END,
       CASE WHEN i > 3 THEN date '2022-02-01' END, 20 + i
  FROM generate_series(1, 6) i ORDER BY i;
SELECT row_count, checksum AS first_checksum FROM migchain.end_load() \gset
COMMIT;
SELECT migchain.remove_load_batch(:batch, 'to be loaded again') AS removed;
-- ... and again, the other way round.
BEGIN;
SELECT migchain.begin_load('case system export', 'requests-2027-01-reversed.csv') AS batch \gset
INSERT INTO migchain.request (request_id, kind, answer, country, presented_on, answered_on, requested_on, person_id)
SELECT 20 + i, CASE WHEN i % 2 = 0 THEN 'LP' ELSE 'T&O' END::migchain.request_kind,
       CASE WHEN i % 3 = 0 THEN 'positive' ELSE 'pending' END::migchain.answer, 'MA',
       date '2022-03-01' + i, CASE WHEN i % 3 = 0 THEN date '2022-06-01' END,
       CASE WHEN i > 3 THEN date '2022-02-01' END, 20 + i
  FROM generate_series(6, 1, -1) i ORDER BY i DESC;
SELECT row_count = :row_count AS same_rows, checksum = :first_checksum AS same_checksum FROM migchain.end_load();
COMMIT;
-- One value changed, and the checksum differs.
UPDATE migchain.request SET person_id = 1021 WHERE request_id = 21;
SELECT rows_now, checksum_now = recorded_checksum AS same_checksum, unchanged FROM migchain.load_batch_check(:batch);
UPDATE migchain.request SET person_id = 21 WHERE request_id = 21;
SELECT unchanged FROM migchain.load_batch_check(:batch);

-- request_row_hash: the same value on every platform (pinned: FNV-1a and
-- splitmix64's finalizer over the 29 big-endian bytes, computed apart from
-- migchain, with country MA as its binary form 0x0139), and another one
-- when any value changes, including a date that becomes NULL and a date
-- that is 2000-01-01 (day 0 of PostgreSQL's dates) instead of NULL.
SELECT migchain.request_row_hash(1, 'LP', 'positive', 'MA', '2021-02-01', '2021-03-01', '2021-01-15', 1);
WITH variants(changed, h) AS (VALUES
  ('nothing', migchain.request_row_hash(1, 'LP', 'positive', 'MA', '2021-02-01', '2021-03-01', '2021-01-15', 1)),
  ('request_id', migchain.request_row_hash(2, 'LP', 'positive', 'MA', '2021-02-01', '2021-03-01', '2021-01-15', 1)),
  ('kind', migchain.request_row_hash(1, 'T&O', 'positive', 'MA', '2021-02-01', '2021-03-01', '2021-01-15', 1)),
  ('answer', migchain.request_row_hash(1, 'LP', 'negative', 'MA', '2021-02-01', '2021-03-01', '2021-01-15', 1)),
  ('country', migchain.request_row_hash(1, 'LP', 'positive', 'DZ', '2021-02-01', '2021-03-01', '2021-01-15', 1)),
  ('presented_on', migchain.request_row_hash(1, 'LP', 'positive', 'MA', '2021-02-02', '2021-03-01', '2021-01-15', 1)),
  ('answered_on', migchain.request_row_hash(1, 'LP', 'positive', 'MA', '2021-02-01', '2021-03-02', '2021-01-15', 1)),
  ('requested_on', migchain.request_row_hash(1, 'LP', 'positive', 'MA', '2021-02-01', '2021-03-01', '2021-01-16', 1)),
  ('person_id', migchain.request_row_hash(1, 'LP', 'positive', 'MA', '2021-02-01', '2021-03-01', '2021-01-15', 2)),
  ('answered_on NULL', migchain.request_row_hash(1, 'LP', 'positive', 'MA', '2021-02-01', NULL, '2021-01-15', 1)),
  ('requested_on NULL', migchain.request_row_hash(1, 'LP', 'positive', 'MA', '2021-02-01', '2021-03-01', NULL, 1)),
  ('both NULL', migchain.request_row_hash(1, 'LP', 'positive', 'MA', '2021-02-01', NULL, NULL, 1)),
  ('requested_on 2000-01-01, answered_on NULL', migchain.request_row_hash(1, 'LP', 'positive', 'MA', '2021-02-01', NULL, '2000-01-01', 1)),
  ('answered_on 2000-01-01, requested_on NULL', migchain.request_row_hash(1, 'LP', 'positive', 'MA', '2021-02-01', '2000-01-01', NULL, 1)),
  ('both 2000-01-01', migchain.request_row_hash(1, 'LP', 'positive', 'MA', '2021-02-01', '2000-01-01', '2000-01-01', 1)))
SELECT count(*) AS variants, count(DISTINCT h) AS distinct_hashes FROM variants;
-- Only the two dates may be NULL.
SELECT migchain.request_row_hash(NULL, 'LP', 'positive', 'MA', '2021-02-01', NULL, NULL, 1);
SELECT migchain.request_row_hash(1, 'LP', NULL, 'MA', '2021-02-01', NULL, NULL, 1);
SELECT migchain.request_row_hash(1, 'LP', 'positive', 'MA', NULL, NULL, NULL, 1);
SELECT migchain.request_row_hash(1, 'LP', 'positive', 'MA', '2021-02-01', NULL, NULL, NULL);

SELECT * FROM migchain.verify_request_rollup();
SELECT migchain.revoke_access('regress_batch_loader');
DROP ROLE regress_batch_loader;
SELECT migchain.revoke_access('regress_other_loader');
DROP ROLE regress_other_loader;
TRUNCATE migchain.request, migchain.load_batch RESTART IDENTITY;
RESET migchain.language;
RESET search_path;
