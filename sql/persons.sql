SET search_path = public, migchain;
-- person_cube: requests, distinct persons and persons presented to several
-- countries per year and kind, against plain SQL over the same rows.
SET migchain.language = 'en';

-- The plain SQL it must equal (count(DISTINCT) of countries, not min/max).
CREATE FUNCTION pg_temp.persons_oracle(rows regclass)
	RETURNS TABLE (year int, kind request_kind, presented bigint, persons bigint,
				   persons_several_countries bigint)
	LANGUAGE plpgsql AS $$
BEGIN
	RETURN QUERY EXECUTE format($q$
		SELECT p.year, p.kind, sum(p.requests)::bigint, count(*), count(*) FILTER (WHERE p.countries > 1)
		  FROM (SELECT date_part('year', presented_on)::int AS year, kind, person_id,
		               count(*) AS requests, count(DISTINCT country) AS countries
		          FROM %s GROUP BY 1, 2, 3) p
		 GROUP BY 1, 2$q$, rows);
END
$$;
-- The rows of person_cube_by_year that plain SQL does not give, and the
-- other way round: 0 when they agree.
CREATE FUNCTION pg_temp.persons_differ(rows regclass) RETURNS bigint
	LANGUAGE plpgsql AS $$
DECLARE
	n bigint;
BEGIN
	EXECUTE format($q$
		WITH c AS (SELECT p.* FROM (SELECT migchain.person_cube(kind, country, person_id, presented_on) AS cube
		                              FROM %s) s,
		                           migchain.person_cube_by_year(s.cube) p),
		     o AS (SELECT * FROM pg_temp.persons_oracle(%L))
		SELECT count(*) FROM ((TABLE c EXCEPT ALL TABLE o) UNION ALL (TABLE o EXCEPT ALL TABLE c)) d$q$,
		rows, rows) INTO n;
	RETURN n;
END
$$;

-- Small rows worked out by hand (not a temporary table: parallel workers
-- cannot read those).
CREATE TABLE person_rows (kind request_kind, country country, person_id int8, presented_on date);
INSERT INTO person_rows VALUES
  -- person 1: Morocco and Algeria, LP 2020 (several), Morocco again
  ('LP', 'MA', 1, '2020-01-05'), ('LP', 'DZ', 1, '2020-06-01'), ('LP', 'MA', 1, '2020-07-01'),
  -- the same person in another year: one country
  ('LP', 'MA', 1, '2021-02-02'),
  -- the same person under the other kind in 2020: one country
  ('T&O', 'AL', 1, '2020-03-03'),
  -- the largest person number, twice to one country on the edges of 2020
  ('LP', 'MA', 9223372036854775807, '2020-01-01'), ('LP', 'MA', 9223372036854775807, '2020-12-31'),
  -- any int8 is a person number for the aggregate (the table wants > 0)
  ('LP', 'NG', 0, '2020-05-05'), ('LP', 'GH', -9223372036854775808, '2020-05-05'),
  -- person 2: three T&O requests in 2021 to Albania and Serbia
  ('T&O', 'AL', 2, '2021-12-31'), ('T&O', 'RS', 2, '2021-01-01'), ('T&O', 'AL', 2, '2021-05-05');
-- 2020 LP: 7 requests of persons 1, max, 0 and min; person 1 in two countries.
-- 2020 T&O: 1 request, 1 person.  2021 LP: 1 and 1.  2021 T&O: 3 requests of
-- person 2, in two countries.
SELECT p.* FROM (SELECT person_cube(kind, country, person_id, presented_on) AS cube FROM person_rows) s,
       person_cube_by_year(s.cube) p
 ORDER BY p.year, p.kind;
SELECT * FROM pg_temp.persons_oracle('person_rows') ORDER BY year, kind;
SELECT pg_temp.persons_differ('person_rows') AS differing_rows;

-- The wire format, pinned: "MCP1", form 0 (counts only), 1 row: 2020 (07e4),
-- LP (00), 2 requests, 1 person, 1 of several countries.
SELECT person_cube(kind, country, person_id, presented_on)
  FROM person_rows WHERE person_id = 1 AND kind = 'LP' AND presented_on < '2020-07-01';
-- No rows: a cube without rows, which unpacks to nothing.
SELECT person_cube(kind, country, person_id, presented_on) FROM person_rows WHERE false;
SELECT count(*) FROM person_cube_by_year(
  (SELECT person_cube(kind, country, person_id, presented_on) FROM person_rows WHERE false));
-- As a window aggregate, counted on after each row's result: the persons
-- of LP 2020 so far.
SELECT presented_on, person_id,
       (SELECT p.persons FROM person_cube_by_year(w.cube) p WHERE p.year = 2020 AND p.kind = 'LP') AS lp_2020_persons
  FROM (SELECT presented_on, person_id,
               person_cube(kind, country, person_id, presented_on)
                 OVER (ORDER BY presented_on, person_id ROWS UNBOUNDED PRECEDING) AS cube
          FROM person_rows) w
 ORDER BY 1, 2;
-- Per group, as any aggregate.
SELECT s.kind, p.year, p.presented, p.persons, p.persons_several_countries
  FROM (SELECT kind, person_cube(kind, country, person_id, presented_on) AS cube
          FROM person_rows GROUP BY kind) s,
       person_cube_by_year(s.cube) p
 ORDER BY 1, 2;

-- A NULL argument is an error, as in request_cube: figures that must be
-- exact do not silently leave out a request.
SELECT person_cube(k, 'MA', 1, '2020-01-01') FROM (VALUES (NULL::request_kind)) v(k);
SELECT person_cube('LP', c, 1, '2020-01-01') FROM (VALUES (NULL::country)) v(c);
SELECT person_cube('LP', 'MA', p, '2020-01-01') FROM (VALUES (NULL::int8)) v(p);
SELECT person_cube('LP', 'MA', 1, d) FROM (VALUES (NULL::date)) v(d);
-- Dates that cannot be counted.
SELECT person_cube('LP', 'MA', 1, 'infinity');
SELECT person_cube('LP', 'MA', 1, '1850-01-01');
SELECT person_cube('LP', 'MA', 1, '2200-01-01');

-- Enough rows for the table to grow many times: 200,000 requests of 40,009
-- persons over 2018-2022, each presented about five times within some 200
-- days, mostly to one country and under one kind.
CREATE TABLE person_rows_many AS
SELECT (CASE WHEN (p + g / 100000) % 5 = 0 THEN 'T&O' ELSE 'LP' END)::request_kind AS kind,
       (ARRAY['MA', 'DZ', 'TN', 'AL', 'GE', 'NG', 'IQ'])[1 + (p + CASE WHEN g % 11 = 0 THEN g ELSE 0 END) % 7]::country AS country,
       p AS person_id,
       '2018-01-01'::date + ((p * 13 + g % 200) % 1826)::int AS presented_on
  FROM generate_series(1, 200000::int8) g, LATERAL (SELECT (g * 7) % 40009 AS p) x;
SELECT count(*) AS rows, sum(persons) AS persons, sum(persons_several_countries) AS several
  FROM pg_temp.persons_oracle('person_rows_many');
SELECT pg_temp.persons_differ('person_rows_many') AS differing_rows;

-- In parallel: partial states serialized by the workers, merged by the
-- leader, with the same answers.
ALTER TABLE person_rows_many SET (parallel_workers = 2);
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT person_cube(kind, country, person_id, presented_on) FROM person_rows_many;
SELECT pg_temp.persons_differ('person_rows_many') AS differing_rows;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- Partial states merged for certain: aggregated per partition, one
-- partition per country, so a person's countries only meet when the
-- partitions' states are combined.
CREATE TABLE person_rows_by_country (LIKE person_rows_many) PARTITION BY LIST (country);
CREATE TABLE person_rows_maghreb PARTITION OF person_rows_by_country FOR VALUES IN ('MA', 'DZ', 'TN');
CREATE TABLE person_rows_other PARTITION OF person_rows_by_country DEFAULT;
INSERT INTO person_rows_by_country SELECT * FROM person_rows_many;
INSERT INTO person_rows_by_country SELECT * FROM person_rows;
ANALYZE person_rows_by_country;
SET enable_partitionwise_aggregate = on;
SET max_parallel_workers_per_gather = 0;
EXPLAIN (COSTS OFF) SELECT person_cube(kind, country, person_id, presented_on) FROM person_rows_by_country;
-- (persons whose countries are in both partitions in a year and kind)
SELECT count(*) AS across_partitions FROM (
  SELECT 1 FROM person_rows_by_country
   GROUP BY date_part('year', presented_on), kind, person_id
  HAVING bool_or(country::text IN ('MA', 'DZ', 'TN')) AND bool_or(country::text NOT IN ('MA', 'DZ', 'TN'))) x;
SELECT pg_temp.persons_differ('person_rows_by_country') AS differing_rows;
RESET enable_partitionwise_aggregate;
RESET max_parallel_workers_per_gather;

-- A cube is a type of its own: person_cube_by_year takes nothing else.
SELECT * FROM person_cube_by_year('\x00'::bytea);
-- A cube written by hand, unpacked.
SELECT * FROM person_cube_by_year('{(2020,LP,5,3,2),(2020,T&O,1,1,0)}');
-- The cube of the rows, through its text form and back.
SELECT c::text::person_cube::text = c::text AS text_round_trip
  FROM (SELECT person_cube(kind, country, person_id, presented_on) AS c FROM person_rows) s;

DROP TABLE person_rows, person_rows_many, person_rows_by_country;
