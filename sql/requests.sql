SET search_path = public, migchain;
-- Requests and routes: constraints, and the overviews on a small dataset whose
-- every figure is worked out by hand in the comments.
SET migchain.language = 'en';

-- Routes: Morocco and Albania have processes; Somalia has no LP process;
-- Ethiopia has none until 1 June 2021, then a working arrangement.
INSERT INTO migchain.country_route (country, kind, valid_from, valid_to, has_process,
    arrangement, arrangement_name, reply_deadline, deadline_unit, tacit_acceptance) VALUES
  ('MA', 'LP', '2000-01-01', NULL, true, 'none', NULL, NULL, NULL, false),
  ('AL', 'T&O', '2006-05-01', NULL, true, 'eu_readmission_agreement', 'EU-Albania', 12, 'calendar_days', true),
  ('SO', 'LP', '2000-01-01', NULL, false, 'none', NULL, NULL, NULL, false),
  ('ET', 'LP', '2000-01-01', '2021-06-01', false, 'none', NULL, NULL, NULL, false),
  ('ET', 'LP', '2021-06-01', NULL, true, 'working_arrangement', 'Admission procedures', NULL, NULL, false);

-- Twelve requests.
INSERT INTO migchain.request (request_id, kind, answer, country, presented_on, answered_on, person_id) VALUES
  (1, 'LP', 'positive', 'MA', '2020-02-01', '2020-03-01', 1),
  (2, 'LP', 'negative', 'MA', '2020-03-15', '2020-05-01', 2),
  (3, 'LP', 'withdrawn', 'MA', '2020-04-01', '2021-04-05', 3),
  (4, 'LP', 'withdrawn', 'DZ', '2020-06-01', '2021-06-02', 3),
  (5, 'LP', 'positive', 'NG', '2020-12-31', '2021-01-10', 4),
  (6, 'T&O', 'positive', 'AL', '2020-01-10', '2020-01-20', 5),
  (7, 'T&O', 'negative', 'AL', '2020-07-07', '2020-07-19', 6),
  (8, 'LP', 'pending', 'MA', '2021-01-01', NULL, 7),
  (9, 'LP', 'negative', 'DZ', '2021-05-05', '2021-09-09', 8),
  (10, 'T&O', 'withdrawn', 'AL', '2021-08-08', '2022-08-10', 9),
  (11, 'T&O', 'pending', 'AL', '2021-12-31', NULL, 10),
  (12, 'LP', 'positive', 'MA', '2022-03-03', '2022-04-04', 11);

-- Sheet 1.  2020 LP: requests 1-5, positive 1 and 5, negative 2, withdrawn 3
-- and 4.  2020 T&O: 6 positive, 7 negative.  2021 LP: 8 pending, 9 negative.
-- 2021 T&O: 10 withdrawn, 11 pending.  2022 LP: 12 positive.
SELECT * FROM migchain_bi.overview_by_year ORDER BY year, kind;
SELECT * FROM migchain.overview(2021, 2021) ORDER BY year, kind;
SELECT * FROM migchain.overview(2021, NULL) ORDER BY year, kind;
SELECT * FROM migchain.overview(NULL, 2020) ORDER BY year, kind;
SELECT * FROM migchain.overview(2023, 2030) ORDER BY year, kind;
-- presented = positive + negative + withdrawn + pending, in every row.
SELECT count(*) FILTER (WHERE presented <> positive + negative + withdrawn + pending) AS broken
  FROM migchain_bi.overview_by_year;

-- Sheets 2 and 3.  Somalia: no LP process, so NULL counts (never 0) in every
-- year with LP requests; Ethiopia the same in 2020 only (a process from June
-- 2021).  Algeria and Nigeria have no route recorded: has_process NULL.
SELECT * FROM migchain_bi.not_confirmed_by_country ORDER BY year, kind, country_code;
SELECT * FROM migchain.not_confirmed_by_country('T&O', 2020, 2021) ORDER BY year, kind, country_code;
SELECT year, country_code, country_name, not_confirmed, has_process
  FROM migchain.not_confirmed_by_country('LP', 2022, 2022) ORDER BY country_code;
SET migchain.language = 'nl';
SELECT year, country_code, country_name FROM migchain.not_confirmed_by_country('LP', 2022, 2022) ORDER BY country_code;
SET migchain.language = 'en';

-- Persons: person 3 was presented to Morocco and Algeria in 2020.
SELECT * FROM migchain_bi.persons_by_year ORDER BY year, kind;

-- Periods: bad ones are refused.
SELECT * FROM migchain.overview(2022, 2021);
SELECT * FROM migchain.overview(1800, 2021);
SELECT * FROM migchain.not_confirmed_by_country('LP', 2020, 3000);
SELECT migchain.period_start(2020, 2021), migchain.period_end(2020, 2021),
       migchain.period_start(NULL, 2021), migchain.period_end(2020, NULL);
SELECT migchain.has_process('SO', 'LP', 2020) AS somalia_lp,
       migchain.has_process('ET', 'LP', 2020) AS ethiopia_2020,
       migchain.has_process('ET', 'LP', 2021) AS ethiopia_2021,
       migchain.has_process('DZ', 'LP', 2020) AS algeria_unknown;
-- A NULL year is no year: NULL, as for a NULL country or kind (not whether
-- a route ever had a process).  A year out of range names the argument.
SELECT migchain.has_process('SO', 'LP', NULL) AS somalia_no_year,
       migchain.has_process('MA', 'LP', NULL) AS morocco_no_year,
       migchain.has_process(NULL, 'LP', 2020) AS no_country,
       migchain.has_process('MA', NULL, 2020) AS no_kind;
SELECT migchain.has_process('SO', 'LP', 3000);
SELECT migchain.has_process('SO', 'LP', 1949);
-- the first and the last year (Morocco's route starts in 2000)
SELECT migchain.has_process('MA', 'LP', 1950) AS first_year, migchain.has_process('MA', 'LP', 2199) AS last_year;
SELECT migchain.year_start(2020), migchain.year_end(2020), migchain.year_end(2199), migchain.year_start(NULL);
SELECT migchain.year_end(2200);

-- The cube by hand, and its errors.
SELECT c.year, c.kind, c.country, c.tally
  FROM (SELECT migchain.request_cube(kind, answer, country, presented_on) AS cube
          FROM migchain.request) s,
       migchain.request_cube_by_country(s.cube) c
 ORDER BY 1, 2, 3;
SELECT count(*) FROM migchain.request_cube_by_year(
  (SELECT migchain.request_cube(kind, answer, country, presented_on) FROM migchain.request WHERE false));
SELECT migchain.request_cube(k, 'positive', 'NL', '2020-01-01')
  FROM (VALUES (NULL::migchain.request_kind)) v(k);
SELECT migchain.request_cube('LP', 'positive', 'NL', 'infinity');
SELECT migchain.request_cube('LP', 'positive', 'NL', '1850-01-01');
-- A cube is a type of its own: the unpacking functions take nothing else.
SELECT * FROM migchain.request_cube_by_year('\x00'::bytea);
-- A cube written by hand: 2020, LP, NL, one positive answer.
SELECT * FROM migchain.request_cube_by_year('{(2020,LP,NL,0,1,0,0)}');
SELECT * FROM migchain.request_cube_by_country('{(2020,LP,NL,0,1,0,0)}');
-- The cube of the table, through its text form and back.
SELECT c::text::migchain.request_cube::text = c::text AS text_round_trip
  FROM (SELECT migchain.request_cube(kind, answer, country, presented_on) AS c
          FROM migchain.request) s;

-- Parallel plans for the overviews, with the same answers.
ALTER TABLE migchain.request SET (parallel_workers = 2);
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
-- (the views run this query inside migchain.period_cube(); the plan of the
-- real thing on a large table is checked in test/t/010_overview_oracle.pl)
EXPLAIN (COSTS OFF) SELECT migchain.request_cube(r.kind, r.answer, r.country, r.presented_on)
  FROM migchain.request r;
SELECT * FROM migchain_bi.overview_by_year ORDER BY year, kind;
SELECT sum(not_confirmed) AS not_confirmed, sum(presented) AS presented,
       count(*) FILTER (WHERE has_process = false) AS without_process
  FROM migchain_bi.not_confirmed_by_country;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
ALTER TABLE migchain.request RESET (parallel_workers);

-- A query for one country and period uses an index.
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM migchain.request
 WHERE country = 'MA' AND presented_on >= '2021-01-01' AND presented_on < '2022-01-01';
RESET enable_seqscan;

-- Impossible rows are refused, one per line.
INSERT INTO migchain.request (kind, answer, country, presented_on, person_id) VALUES ('LP', 'positive', 'MA', '2020-01-01', 20);
INSERT INTO migchain.request (kind, answer, country, presented_on, answered_on, person_id) VALUES ('LP', 'pending', 'MA', '2020-01-01', '2020-02-01', 20);
INSERT INTO migchain.request (kind, answer, country, presented_on, answered_on, person_id) VALUES ('LP', 'negative', 'MA', '2020-01-01', '2019-12-31', 20);
INSERT INTO migchain.request (kind, country, presented_on, requested_on, person_id) VALUES ('LP', 'MA', '2020-01-01', '2020-01-02', 20);
INSERT INTO migchain.request (kind, country, presented_on, person_id) VALUES ('LP', 'MA', '1900-01-01', 20);
INSERT INTO migchain.request (kind, country, presented_on, person_id) VALUES ('LP', 'MA', '2020-01-01', 0);
INSERT INTO migchain.request (kind, country, presented_on, person_id) VALUES ('LP', NULL, '2020-01-01', 20);
INSERT INTO migchain.request (kind, country, presented_on, person_id) VALUES ('LP', 'Atlantis', '2020-01-01', 20);
INSERT INTO migchain.request (kind, country, presented_on, person_id) VALUES ('refusal', 'MA', '2020-01-01', 20);
INSERT INTO migchain.country_route (country, kind, valid_from, has_process) VALUES ('MA', 'LP', '2010-01-01', true);
INSERT INTO migchain.country_route (country, kind, valid_from, valid_to, has_process) VALUES ('SO', 'T&O', '2020-01-01', '2019-01-01', true);
INSERT INTO migchain.country_route (country, kind, valid_from, has_process, deadline_unit) VALUES ('TN', 'LP', '2020-01-01', true, 'calendar_days');
INSERT INTO migchain.country_route (country, kind, valid_from, has_process, reply_deadline, deadline_unit) VALUES ('TN', 'LP', '2020-01-01', true, 10, 'weeks');
INSERT INTO migchain.country_route (country, kind, valid_from, has_process, tacit_acceptance) VALUES ('TN', 'LP', '2020-01-01', true, true);
INSERT INTO migchain.country_route (country, kind, valid_from, has_process, arrangement) VALUES ('TN', 'LP', '2020-01-01', false, 'working_arrangement');
INSERT INTO migchain.country_route (country, kind, valid_from, has_process, arrangement) VALUES ('TN', 'LP', '2020-01-01', true, 'treaty');
-- A new route may start when the previous one ends.
UPDATE migchain.country_route SET valid_to = '2023-01-01' WHERE country = 'MA' AND kind = 'LP';
INSERT INTO migchain.country_route (country, kind, valid_from, has_process, arrangement, arrangement_name)
  VALUES ('MA', 'LP', '2023-01-01', true, 'working_arrangement', 'demo arrangement');
SELECT count(*) FROM migchain.country_route WHERE country = 'MA';

-- The tables are dumped with the extension, the load batches and the
-- sequences of the identities too; the rollup is not (restoring the
-- requests counts them again).
SELECT extconfig::regclass[] FROM pg_extension WHERE extname = 'migchain';

TRUNCATE migchain.request, migchain.country_route;
RESET migchain.language;
