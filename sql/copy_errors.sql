SET search_path = public, migchain;
-- Loading requests from a text file with COPY: a bad row of each kind stops
-- the load, and the error's context names the line (and the column when the
-- value itself is bad).  Nothing of a failed load stays, not even its load
-- batch.
SET migchain.language = 'en';
SELECT '/tmp/migchain_regress_copy_errors_' || pg_backend_pid() || '.txt' AS file \gset
SELECT 'rm -f ' || :'file' AS remove_file \gset

-- A good file loads, in a load batch of its own.
COPY (VALUES (1, 'LP', 'positive', 'MA', '2020-01-01', '2020-02-01', NULL, '1'),
             (2, 'T&O', 'Ingetrokken (Geen antwoord verkregen)', 'Albanië', '2020-01-02', '2021-01-05', '2019-12-01', '2'),
             (3, 'laissez-passer', 'bekend gesteld', 'NGA', '2020-01-03', NULL, NULL, '3'))
  TO :'file';
BEGIN;
SELECT migchain.begin_load('case system', 'requests.txt') AS batch \gset
COPY migchain.request (request_id, kind, answer, country, presented_on, answered_on, requested_on, person_id)
  FROM :'file';
SELECT row_count FROM migchain.end_load();
COMMIT;
SELECT request_id, kind, answer, country, presented_on, answered_on, requested_on, person_id,
       batch_id = :batch AS in_batch
  FROM migchain.request ORDER BY request_id;
SELECT system, file, row_count FROM migchain.load_batch WHERE batch_id = :batch;
TRUNCATE migchain.request;

-- One bad row per file, after good ones; each load fails as a whole.
-- Line 2: a kind that is not LP or T&O.  In a load batch: the batch goes
-- with the failed load.
COPY (VALUES (1, 'LP', 'positive', 'MA', '2020-01-01', '2020-02-01', NULL, '1'),
             (2, 'refusal', 'negative', 'MA', '2020-01-01', '2020-02-01', NULL, '2'))
  TO :'file';
BEGIN;
SELECT migchain.begin_load('case system', 'requests-bad.txt') AS batch \gset
COPY migchain.request (request_id, kind, answer, country, presented_on, answered_on, requested_on, person_id)
  FROM :'file';
COMMIT;
SELECT count(*) AS batches FROM migchain.load_batch WHERE batch_id = :batch OR file = 'requests-bad.txt';
-- The files below load outside a batch (batch_id NULL in the failing rows).
-- Line 3: a country that does not exist.
COPY (VALUES (1, 'LP', 'positive', 'MA', '2020-01-01', '2020-02-01', NULL, '1'),
             (2, 'LP', 'positive', 'DZ', '2020-01-01', '2020-02-01', NULL, '2'),
             (3, 'LP', 'positive', 'Atlantis', '2020-01-01', '2020-02-01', NULL, '3'))
  TO :'file';
COPY migchain.request (request_id, kind, answer, country, presented_on, answered_on, requested_on, person_id)
  FROM :'file';
-- Line 2: an answer that is not one ("refusal" is not a category).
COPY (VALUES (1, 'LP', 'positive', 'MA', '2020-01-01', '2020-02-01', NULL, '1'),
             (2, 'LP', 'refused', 'MA', '2020-01-01', '2020-02-01', NULL, '2'))
  TO :'file';
COPY migchain.request (request_id, kind, answer, country, presented_on, answered_on, requested_on, person_id)
  FROM :'file';
-- Line 2: an answer before the presentation.
COPY (VALUES (1, 'LP', 'positive', 'MA', '2020-01-01', '2020-02-01', NULL, '1'),
             (2, 'LP', 'negative', 'MA', '2020-03-01', '2020-02-01', NULL, '2'))
  TO :'file';
COPY migchain.request (request_id, kind, answer, country, presented_on, answered_on, requested_on, person_id)
  FROM :'file';
-- Line 1: a final answer without a date.
COPY (VALUES (1, 'LP', 'withdrawn', 'MA', '2020-01-01', NULL, NULL, '1'))
  TO :'file';
COPY migchain.request (request_id, kind, answer, country, presented_on, answered_on, requested_on, person_id)
  FROM :'file';
-- Line 2: a pending request with an answer date.
COPY (VALUES (1, 'LP', 'positive', 'MA', '2020-01-01', '2020-02-01', NULL, '1'),
             (2, 'LP', 'pending', 'MA', '2020-01-01', '2020-02-01', NULL, '2'))
  TO :'file';
COPY migchain.request (request_id, kind, answer, country, presented_on, answered_on, requested_on, person_id)
  FROM :'file';
-- Line 2: presented before it was requested.
COPY (VALUES (1, 'LP', 'positive', 'MA', '2020-01-01', '2020-02-01', NULL, '1'),
             (2, 'LP', 'pending', 'MA', '2020-01-01', NULL, '2020-01-02', '2'))
  TO :'file';
COPY migchain.request (request_id, kind, answer, country, presented_on, answered_on, requested_on, person_id)
  FROM :'file';
-- Line 2: presented in 1900.
COPY (VALUES (1, 'LP', 'positive', 'MA', '2020-01-01', '2020-02-01', NULL, '1'),
             (2, 'LP', 'pending', 'MA', '1900-01-01', NULL, NULL, '2'))
  TO :'file';
COPY migchain.request (request_id, kind, answer, country, presented_on, answered_on, requested_on, person_id)
  FROM :'file';
-- Line 2: person number 0.
COPY (VALUES (1, 'LP', 'positive', 'MA', '2020-01-01', '2020-02-01', NULL, '1'),
             (2, 'LP', 'pending', 'MA', '2020-01-01', NULL, NULL, '0'))
  TO :'file';
COPY migchain.request (request_id, kind, answer, country, presented_on, answered_on, requested_on, person_id)
  FROM :'file';
-- Line 2: no country.
COPY (VALUES (1, 'LP', 'positive', 'MA', '2020-01-01', '2020-02-01', NULL, '1'),
             (2, 'LP', 'pending', NULL, '2020-01-01', NULL, NULL, '2'))
  TO :'file';
COPY migchain.request (request_id, kind, answer, country, presented_on, answered_on, requested_on, person_id)
  FROM :'file';
-- Line 2: a date that does not exist.
COPY (VALUES (1, 'LP', 'positive', 'MA', '2020-01-01', '2020-02-01', NULL, '1'),
             (2, 'LP', 'pending', 'MA', '2020-02-30', NULL, NULL, '2'))
  TO :'file';
COPY migchain.request (request_id, kind, answer, country, presented_on, answered_on, requested_on, person_id)
  FROM :'file';
-- Line 3: the request number of line 1 again.
COPY (VALUES (1, 'LP', 'positive', 'MA', '2020-01-01', '2020-02-01', NULL, '1'),
             (2, 'LP', 'pending', 'MA', '2020-01-01', NULL, NULL, '2'),
             (1, 'LP', 'pending', 'MA', '2020-01-01', NULL, NULL, '3'))
  TO :'file';
COPY migchain.request (request_id, kind, answer, country, presented_on, answered_on, requested_on, person_id)
  FROM :'file';
-- Lines with a column short and a column too many, written as lines of
-- text (CSV with a delimiter the lines do not contain writes them as they are).
COPY (VALUES (E'1\tLP\tpositive\tMA\t2020-01-01\t2020-02-01\t\\N\t1'),
             (E'2\tLP\tpending\tMA\t2020-01-01\t\\N\t\\N'))
  TO :'file' (FORMAT csv, DELIMITER '|');
COPY migchain.request (request_id, kind, answer, country, presented_on, answered_on, requested_on, person_id)
  FROM :'file';
COPY (VALUES (E'1\tLP\tpositive\tMA\t2020-01-01\t2020-02-01\t\\N\t1'),
             (E'2\tLP\tpositive\tMA\t2020-01-01\t2020-02-01\t\\N\t2'),
             (E'3\tLP\tpending\tMA\t2020-01-01\t\\N\t\\N\t3\textra'))
  TO :'file' (FORMAT csv, DELIMITER '|');
COPY migchain.request (request_id, kind, answer, country, presented_on, answered_on, requested_on, person_id)
  FROM :'file';
-- Nothing was loaded by the failed files.
SELECT count(*) FROM migchain.request;
-- The same lines without the bad one load, in a batch that end_load()
-- records and load_batch_check() finds unchanged.
COPY (VALUES (E'1\tLP\tpositive\tMA\t2020-01-01\t2020-02-01\t\\N\t1'),
             (E'2\tLP\tpositive\tMA\t2020-01-01\t2020-02-01\t\\N\t2'))
  TO :'file' (FORMAT csv, DELIMITER '|');
BEGIN;
SELECT migchain.begin_load('case system', 'requests-fixed.txt') AS batch \gset
COPY migchain.request (request_id, kind, answer, country, presented_on, answered_on, requested_on, person_id)
  FROM :'file';
SELECT row_count FROM migchain.end_load();
COMMIT;
SELECT request_id, kind, answer, requested_on, batch_id = :batch AS in_batch FROM migchain.request ORDER BY request_id;
SELECT recorded_rows, rows_now, recorded_checksum = checksum_now AS same_checksum, unchanged
  FROM migchain.load_batch_check(:batch);
TRUNCATE migchain.request, migchain.load_batch RESTART IDENTITY;

-- The file is removed.
COPY (SELECT 1 WHERE false) TO PROGRAM :'remove_file';
RESET migchain.language;
