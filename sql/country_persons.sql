SET search_path = public, migchain;
-- country_person_cube: requests and distinct persons per year, kind and
-- country (person_cube's machinery, keyed by country too), against
-- count(DISTINCT person_id) over the same rows, serial and in parallel;
-- its text and binary forms.
SET migchain.language = 'en';

-- The rows of country_person_cube_rows that count(DISTINCT) does not give,
-- and the other way round: 0 when they agree.
CREATE FUNCTION pg_temp.country_persons_differ(rows regclass) RETURNS bigint
	LANGUAGE plpgsql AS $$
DECLARE
	n bigint;
BEGIN
	EXECUTE format($q$
		WITH c AS (SELECT p.* FROM (SELECT migchain.country_person_cube(kind, country, person_id, presented_on) AS cube
		                              FROM %s) s,
		                           migchain.country_person_cube_rows(s.cube) p),
		     o AS (SELECT date_part('year', presented_on)::int, kind, country, count(*), count(DISTINCT person_id)
		             FROM %s GROUP BY 1, 2, 3)
		SELECT count(*) FROM ((TABLE c EXCEPT ALL TABLE o) UNION ALL (TABLE o EXCEPT ALL TABLE c)) d$q$,
		rows, rows) INTO n;
	RETURN n;
END
$$;

-- Small rows worked out by hand.
CREATE TABLE cp_rows (kind request_kind, country country, person_id int8, presented_on date);
INSERT INTO cp_rows VALUES
  -- person 1: Morocco twice and Algeria once, LP 2020; Morocco in 2021
  ('LP', 'MA', 1, '2020-01-05'), ('LP', 'DZ', 1, '2020-06-01'), ('LP', 'MA', 1, '2020-07-01'),
  ('LP', 'MA', 1, '2021-02-02'),
  -- person 1 under the other kind in 2020
  ('T&O', 'MA', 1, '2020-03-03'),
  -- the largest and smallest person numbers, and 0
  ('LP', 'MA', 9223372036854775807, '2020-01-01'), ('LP', 'MA', 9223372036854775807, '2020-12-31'),
  ('LP', 'MA', 0, '2020-05-05'), ('LP', 'DZ', -9223372036854775808, '2020-05-05'),
  -- person 2: Albania twice and Serbia once, T&O 2021
  ('T&O', 'AL', 2, '2021-12-31'), ('T&O', 'RS', 2, '2021-01-01'), ('T&O', 'AL', 2, '2021-05-05');
-- 2020 LP DZ: 2 requests, persons 1 and min; 2020 LP MA: 5 requests, persons
-- 1, max and 0; 2020 T&O MA: 1 and 1; 2021 LP MA: 1 and 1; 2021 T&O AL: 2
-- requests of person 2; 2021 T&O RS: 1 and 1.  Records in order of country
-- code (DZ before MA).
SELECT country_person_cube(kind, country, person_id, presented_on) FROM cp_rows;
SELECT p.* FROM (SELECT country_person_cube(kind, country, person_id, presented_on) AS cube FROM cp_rows) s,
       country_person_cube_rows(s.cube) p;
SELECT pg_temp.country_persons_differ('cp_rows') AS differing_rows;
-- No rows: a cube without records.
SELECT country_person_cube(kind, country, person_id, presented_on) FROM cp_rows WHERE false;
-- As a window aggregate, counted on after each result: MA LP 2020 so far.
SELECT presented_on, person_id,
       (SELECT p.persons FROM country_person_cube_rows(w.cube) p
         WHERE p.year = 2020 AND p.kind = 'LP' AND p.country = 'MA') AS ma_lp_2020_persons
  FROM (SELECT presented_on, person_id,
               country_person_cube(kind, country, person_id, presented_on)
                 OVER (ORDER BY presented_on, person_id ROWS UNBOUNDED PRECEDING) AS cube
          FROM cp_rows WHERE presented_on < '2021-01-01') w
 ORDER BY 1, 2;

-- A NULL argument is an error: figures that must be exact do not silently
-- leave out a request.
SELECT country_person_cube(k, 'MA', 1, '2020-01-01') FROM (VALUES (NULL::request_kind)) v(k);
SELECT country_person_cube('LP', c, 1, '2020-01-01') FROM (VALUES (NULL::country)) v(c);
SELECT country_person_cube('LP', 'MA', p, '2020-01-01') FROM (VALUES (NULL::int8)) v(p);
SELECT country_person_cube('LP', 'MA', 1, d) FROM (VALUES (NULL::date)) v(d);
SELECT country_person_cube('LP', 'MA', 1, 'infinity');
SELECT country_person_cube('LP', 'MA', 1, '1850-01-01');

-- Generated rows, enough for the table to grow many times: 200,000
-- requests of 40,009 persons over 2018-2022 to seven countries, a person
-- mostly to one country, some to several.
CREATE TABLE cp_rows_many AS
SELECT (CASE WHEN (p + g / 100000) % 5 = 0 THEN 'T&O' ELSE 'LP' END)::request_kind AS kind,
       (ARRAY['MA', 'DZ', 'TN', 'AL', 'GE', 'NG', 'IQ'])[1 + (p + CASE WHEN g % 11 = 0 THEN g ELSE 0 END) % 7]::country AS country,
       p AS person_id,
       '2018-01-01'::date + ((p * 13 + g % 200) % 1826)::int AS presented_on
  FROM generate_series(1, 200000::int8) g, LATERAL (SELECT (g * 7) % 40009 AS p) x;
SELECT count(*) AS cells, sum(requests) AS requests, sum(persons) AS persons
  FROM (SELECT count(*) AS requests, count(DISTINCT person_id) AS persons
          FROM cp_rows_many GROUP BY date_part('year', presented_on), kind, country) c;
-- Without parallel workers.
SET max_parallel_workers_per_gather = 0;
EXPLAIN (COSTS OFF) SELECT country_person_cube(kind, country, person_id, presented_on) FROM cp_rows_many;
SELECT pg_temp.country_persons_differ('cp_rows_many') AS differing_rows;
-- In parallel: partial states serialized by the workers, merged by the
-- leader, with the same answers.
ALTER TABLE cp_rows_many SET (parallel_workers = 2);
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT country_person_cube(kind, country, person_id, presented_on) FROM cp_rows_many;
SELECT pg_temp.country_persons_differ('cp_rows_many') AS differing_rows;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- Partial states merged for certain: one partition per group of countries,
-- aggregated per partition and combined, where the same person meets in
-- both partitions' states under different countries.
CREATE TABLE cp_rows_by_country (LIKE cp_rows_many) PARTITION BY LIST (country);
CREATE TABLE cp_rows_maghreb PARTITION OF cp_rows_by_country FOR VALUES IN ('MA', 'DZ', 'TN');
CREATE TABLE cp_rows_other PARTITION OF cp_rows_by_country DEFAULT;
INSERT INTO cp_rows_by_country SELECT * FROM cp_rows_many;
INSERT INTO cp_rows_by_country SELECT * FROM cp_rows;
ANALYZE cp_rows_by_country;
SET enable_partitionwise_aggregate = on;
SET max_parallel_workers_per_gather = 0;
EXPLAIN (COSTS OFF) SELECT country_person_cube(kind, country, person_id, presented_on) FROM cp_rows_by_country;
SELECT pg_temp.country_persons_differ('cp_rows_by_country') AS differing_rows;
RESET enable_partitionwise_aggregate;
RESET max_parallel_workers_per_gather;

-- Text form: read back as written; records in order of year, kind and
-- country code; the country as its code.
SELECT '{}'::country_person_cube;
SELECT ' {(2018,LP,MA,120,100), (2018,T&O,DZ,80,75)} '::country_person_cube;
SELECT '{(2018,LP,Morocco,3,2)}'::country_person_cube;
SELECT * FROM country_person_cube_rows('{(2020,LP,DZ,5,3),(2020,LP,MA,1,1),(2020,T&O,AL,2,2)}');
-- Bad text input: out of order, a repeated cell, no persons, more persons
-- than requests, a field too many, an unknown country, a year out of range.
SELECT '{(2018,LP,MA,5,3),(2018,LP,DZ,1,1)}'::country_person_cube;
SELECT '{(2018,LP,MA,5,3),(2018,LP,MA,1,1)}'::country_person_cube;
SELECT '{(2018,LP,MA,5,0)}'::country_person_cube;
SELECT '{(2018,LP,MA,2,3)}'::country_person_cube;
SELECT '{(2018,LP,MA,3,2,1)}'::country_person_cube;
SELECT '{(2018,LP,QQ,3,2)}'::country_person_cube;
SELECT '{(1900,LP,MA,3,2)}'::country_person_cube;
-- Binary form pinned: 1 record, 2018 (07e2), LP (00), MA's code, 5 and 3.
SELECT country_person_cube_send('{(2018,LP,MA,5,3)}') = int4send(1) || int2send(2018::int2) || '\x00'::bytea
       || country_send('MA') || int8send(5) || int8send(3) AS binary_form;

-- Round trips through text and binary COPY.
CREATE TABLE cp_rt (id int, c country_person_cube);
INSERT INTO cp_rt VALUES
  (1, '{}'),
  (2, '{(2018,LP,MA,120,100),(2018,T&O,DZ,80,75)}'),
  (3, (SELECT country_person_cube(kind, country, person_id, presented_on) FROM cp_rows_many));
SELECT id, c::text::country_person_cube::text = c::text AS text_round_trip FROM cp_rt ORDER BY id;
COPY cp_rt TO '/tmp/migchain_cpcube_rt.bin' (FORMAT binary);
CREATE TABLE cp_rt2 (LIKE cp_rt);
COPY cp_rt2 FROM '/tmp/migchain_cpcube_rt.bin' (FORMAT binary);
SELECT a.id, a.c::text = b.c::text AS binary_round_trip FROM cp_rt a JOIN cp_rt2 b USING (id) ORDER BY a.id;

-- Binary input is checked as text input is: a binary COPY file of one row
-- of one field, made by hand.
CREATE FUNCTION pg_temp.recv(field bytea) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	lo oid := lo_from_bytea(0, '\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
							|| '\x0001'::bytea || int4send(length(field)) || field || '\xffff'::bytea);
	result text;
BEGIN
	PERFORM lo_export(lo, '/tmp/migchain_cpcube_bad.bin');
	PERFORM lo_unlink(lo);
	CREATE TEMP TABLE cp_in (c country_person_cube);
	BEGIN
		COPY cp_in FROM '/tmp/migchain_cpcube_bad.bin' (FORMAT binary);
		SELECT c::text INTO result FROM cp_in;
	EXCEPTION WHEN OTHERS THEN
		DROP TABLE cp_in;
		RAISE;
	END;
	DROP TABLE cp_in;
	RETURN result;
END
$$;
\set SHOW_CONTEXT never
SELECT pg_temp.recv(country_person_cube_send('{(2018,LP,MA,5,3)}'));
-- cut short; more persons than requests; kind 2; an unassigned country
-- code; out of order
SELECT pg_temp.recv(int4send(1) || int2send(2018::int2) || '\x00'::bytea || country_send('MA') || int8send(5));
SELECT pg_temp.recv(int4send(1) || int2send(2018::int2) || '\x00'::bytea || country_send('MA') || int8send(5) || int8send(6));
SELECT pg_temp.recv(int4send(1) || int2send(2018::int2) || '\x02'::bytea || country_send('MA') || int8send(5) || int8send(3));
SELECT pg_temp.recv(int4send(1) || int2send(2018::int2) || '\x00'::bytea || int2send(1::int2) || int8send(5) || int8send(3));
SELECT pg_temp.recv(int4send(2)
  || int2send(2019::int2) || '\x00'::bytea || country_send('MA') || int8send(5) || int8send(3)
  || int2send(2018::int2) || '\x00'::bytea || country_send('MA') || int8send(5) || int8send(3));
\set SHOW_CONTEXT errors

DROP TABLE cp_rows, cp_rows_many, cp_rows_by_country, cp_rt, cp_rt2;
COPY (SELECT 1 WHERE false) TO PROGRAM 'rm -f /tmp/migchain_cpcube_rt.bin /tmp/migchain_cpcube_bad.bin';
