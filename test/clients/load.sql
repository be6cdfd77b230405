-- As a loader: psql -X -v ON_ERROR_STOP=1 -f load.sql

-- One load batch: begin_load() records where the rows come from, who loads
-- them and when, and the rows inserted in its transaction belong to it.
BEGIN;
SELECT migchain.begin_load('case system', 'load.sql') AS batch \gset

-- COPY straight into the table: each field is read by its column's input
-- function, so every form a type accepts may stand in the file.
COPY migchain.request (kind, answer, country, presented_on, answered_on, person_id)
FROM STDIN (FORMAT csv);
LP,bekend gesteld,MAR,2023-03-01,,9100001
terugname en overname,Ingetrokken (Geen antwoord verkregen),Marokko,2022-01-05,2023-01-05,9100002
\.

-- From a staging table of text columns: INSERT ... SELECT with casts.
CREATE TEMP TABLE staging (kind text, answer text, country text, presented_on text,
                           answered_on text, person_id text);
COPY staging FROM STDIN (FORMAT csv);
T&O,Positief antwoord,504,2023-01-10,2023-02-01,9100003
laissez-passer,negatief,Algerije,2023-01-11,2023-04-01,9100004
\.
INSERT INTO migchain.request (kind, answer, country, presented_on, answered_on, person_id)
SELECT kind::migchain.request_kind, answer::migchain.answer, country::migchain.country,
       presented_on::date, answered_on::date, person_id::bigint
  FROM staging;

-- end_load() records the batch's row count and checksum.
SELECT row_count FROM migchain.end_load();
COMMIT;

SELECT person_id, kind, answer, country, presented_on
  FROM migchain.request WHERE batch_id = :batch ORDER BY person_id;
