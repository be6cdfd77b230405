-- lights: counts of cases per condition and light, with light_counts() and sum().
\pset null '(null)'
-- Text input: every item once, any order, names in any case, spaces allowed;
-- each condition as green/red/unknown.  Output is always in one order.
SELECT 'cases=10, returnable=2, removable=8/1/1, country_cooperates=5/3/2, identity_established=6/0/4, available=9/1/0, person_cooperates=4/4/2'::migchain.lights;
SELECT 'person_cooperates=4/4/2,available=9/1/0,identity_established=6/0/4,country_cooperates=5/3/2,removable=8/1/1,returnable=2,cases=10'::migchain.lights;
SELECT '  CASES = 3 , Returnable:1, removable = 1 / 1 / 1, country_cooperates=+3/0/0, identity_established=1/2/0, available=2/0/1, PERSON_cooperates=3/-0/0  '::migchain.lights;
SELECT 'cases=0, returnable=0, removable=0/0/0, country_cooperates=0/0/0, identity_established=0/0/0, available=0/0/0, person_cooperates=0/0/0'::migchain.lights;
SELECT 'cases=9223372036854775807, returnable=9223372036854775807, removable=9223372036854775807/0/0, country_cooperates=9223372036854775807/0/0, identity_established=9223372036854775807/0/0, available=9223372036854775807/0/0, person_cooperates=9223372036854775807/0/0'::migchain.lights;
-- Casts from text and varchar in assignment.
CREATE TABLE lights_cast (l migchain.lights);
INSERT INTO lights_cast VALUES ('cases=1, returnable=0, removable=1/0/0, country_cooperates=0/1/0, identity_established=0/0/1, available=1/0/0, person_cooperates=1/0/0'::text),
  ('cases=1, returnable=1, removable=1/0/0, country_cooperates=1/0/0, identity_established=1/0/0, available=1/0/0, person_cooperates=1/0/0'::varchar);
SELECT l FROM lights_cast;
-- Bad input, one per line.
SELECT ''::migchain.lights;
SELECT 'cases=1'::migchain.lights;
SELECT 'cases=1, returnable=0, removable=1/0/0, country_cooperates=1/0/0, identity_established=1/0/0, available=1/0/0'::migchain.lights;
SELECT 'cases=1, returnable=0, removable=1/0/0, country_cooperates=1/0/0, identity_established=1/0/0, available=1/0/0, person_cooperates=1/0/0, cases=1'::migchain.lights;
SELECT 'cases=1, returnable=0, removable=1/0/0, country_cooperates=1/0/0, identity_established=1/0/0, available=1/0/0, detained=1/0/0'::migchain.lights;
SELECT 'cases=1, returnable=0, removable=1/0/0, country_cooperates=1/0/0, identity_established=1/0/0, available=1/0/0, person_cooperates=1/0'::migchain.lights;
SELECT 'cases=1, returnable=0, removable=1/0/0, country_cooperates=1/0/0, identity_established=1/0/0, available=1/0/0, person_cooperates=1/0/0/0'::migchain.lights;
SELECT 'cases=1, returnable=0, removable=1/0/0, country_cooperates=1/0/0, identity_established=1/0/0, available=1/0/0, person_cooperates=1'::migchain.lights;
SELECT 'cases=1, returnable=0, removable=1/0/0, country_cooperates=1/0/0, identity_established=1/0/0, available=1/0/0, person_cooperates=1//0'::migchain.lights;
SELECT 'cases=1/0/0, returnable=0, removable=1/0/0, country_cooperates=1/0/0, identity_established=1/0/0, available=1/0/0, person_cooperates=1/0/0'::migchain.lights;
SELECT 'cases=1, returnable=0, removable=1/0/0, country_cooperates=1/0/0, identity_established=1/0/0, available=1/0/0, person_cooperates=1/0/0,'::migchain.lights;
SELECT 'cases=1; returnable=0; removable=1/0/0; country_cooperates=1/0/0; identity_established=1/0/0; available=1/0/0; person_cooperates=1/0/0'::migchain.lights;
SELECT 'cases 1, returnable=0, removable=1/0/0, country_cooperates=1/0/0, identity_established=1/0/0, available=1/0/0, person_cooperates=1/0/0'::migchain.lights;
SELECT 'cases=, returnable=0, removable=1/0/0, country_cooperates=1/0/0, identity_established=1/0/0, available=1/0/0, person_cooperates=1/0/0'::migchain.lights;
SELECT 'cases=1.5, returnable=0, removable=1/0/0, country_cooperates=1/0/0, identity_established=1/0/0, available=1/0/0, person_cooperates=1/0/0'::migchain.lights;
SELECT 'cases=- 1, returnable=0, removable=1/0/0, country_cooperates=1/0/0, identity_established=1/0/0, available=1/0/0, person_cooperates=1/0/0'::migchain.lights;
SELECT 'cases=1, returnable=0, removable=1/0/0, country_cooperates=1/0/0, identity_established=1/0/0, available=1/0/0, person_cooperates=1/0/0 extra'::migchain.lights;
SELECT '(1,0,1,0,0)'::migchain.lights;
-- The counts of a condition must add up to cases.
SELECT 'cases=2, returnable=0, removable=1/0/0, country_cooperates=2/0/0, identity_established=2/0/0, available=2/0/0, person_cooperates=2/0/0'::migchain.lights;
SELECT 'cases=2, returnable=0, removable=2/0/0, country_cooperates=2/0/0, identity_established=2/0/0, available=2/0/0, person_cooperates=1/1/1'::migchain.lights;
SELECT 'cases=9223372036854775807, returnable=0, removable=9223372036854775807/0/0, country_cooperates=9223372036854775807/0/0, identity_established=9223372036854775807/0/0, available=9223372036854775807/0/0, person_cooperates=9223372036854775807/9223372036854775807/2'::migchain.lights;
-- Returnable cases have all five green.
SELECT 'cases=2, returnable=2, removable=2/0/0, country_cooperates=2/0/0, identity_established=1/0/1, available=2/0/0, person_cooperates=2/0/0'::migchain.lights;
-- Out of range: below 0 (-0 is 0) or above the largest bigint.
SELECT 'cases=-1, returnable=0, removable=1/0/0, country_cooperates=1/0/0, identity_established=1/0/0, available=1/0/0, person_cooperates=1/0/0'::migchain.lights;
SELECT 'cases=1, returnable=0, removable=1/0/0, country_cooperates=1/0/0, identity_established=1/0/0, available=2/-1/0, person_cooperates=1/0/0'::migchain.lights;
SELECT 'cases=9223372036854775808, returnable=0, removable=1/0/0, country_cooperates=1/0/0, identity_established=1/0/0, available=1/0/0, person_cooperates=1/0/0'::migchain.lights;
-- Accessors: by condition number or name (in any case).
SELECT migchain.cases(l), migchain.returnable_cases(l),
       migchain.green(l, 1), migchain.red(l, 1), migchain.unknown(l, 1),
       migchain.green(l, 'country_cooperates'), migchain.red(l, 'Country_Cooperates'),
       migchain.unknown(l, 'country_cooperates'),
       migchain.green(l, 5), migchain.red(l, 'person_cooperates'), migchain.unknown(l, 5)
  FROM (VALUES ('cases=10, returnable=2, removable=8/1/1, country_cooperates=5/3/2, identity_established=6/0/4, available=9/1/0, person_cooperates=4/4/2'::migchain.lights)) v(l);
SELECT migchain.green('cases=0, returnable=0, removable=0/0/0, country_cooperates=0/0/0, identity_established=0/0/0, available=0/0/0, person_cooperates=0/0/0', 6);
SELECT migchain.red('cases=0, returnable=0, removable=0/0/0, country_cooperates=0/0/0, identity_established=0/0/0, available=0/0/0, person_cooperates=0/0/0', 0);
SELECT migchain.unknown('cases=0, returnable=0, removable=0/0/0, country_cooperates=0/0/0, identity_established=0/0/0, available=0/0/0, person_cooperates=0/0/0', 'detained');
SELECT migchain.green('cases=0, returnable=0, removable=0/0/0, country_cooperates=0/0/0, identity_established=0/0/0, available=0/0/0, person_cooperates=0/0/0', NULL::int) AS strict;
-- returnable(conditions) with an untyped literal is not ambiguous.
SELECT migchain.returnable('GGGGG');
-- Equality and addition.
SELECT 'cases=1, returnable=0, removable=1/0/0, country_cooperates=0/1/0, identity_established=0/0/1, available=1/0/0, person_cooperates=1/0/0'::migchain.lights
     = 'person_cooperates=1/0/0, available=1/0/0, identity_established=0/0/1, country_cooperates=0/1/0, removable=1/0/0, returnable=0, cases=1' AS same,
       'cases=1, returnable=0, removable=1/0/0, country_cooperates=0/1/0, identity_established=0/0/1, available=1/0/0, person_cooperates=1/0/0'::migchain.lights
     <> 'cases=1, returnable=0, removable=1/0/0, country_cooperates=0/1/0, identity_established=0/0/1, available=0/1/0, person_cooperates=1/0/0' AS differ;
SELECT 'cases=10, returnable=2, removable=8/1/1, country_cooperates=5/3/2, identity_established=6/0/4, available=9/1/0, person_cooperates=4/4/2'::migchain.lights
     + 'cases=1, returnable=0, removable=1/0/0, country_cooperates=0/1/0, identity_established=0/0/1, available=1/0/0, person_cooperates=1/0/0';
SELECT 'cases=9223372036854775807, returnable=0, removable=0/0/9223372036854775807, country_cooperates=0/0/9223372036854775807, identity_established=0/0/9223372036854775807, available=0/0/9223372036854775807, person_cooperates=0/0/9223372036854775807'::migchain.lights
     + 'cases=1, returnable=0, removable=0/0/1, country_cooperates=0/0/1, identity_established=0/0/1, available=0/0/1, person_cooperates=0/0/1';
-- Binary form: seventeen big-endian int64 (cases, returnable, then green,
-- red, unknown of each condition in turn), pinned.
SELECT migchain.lights_send('cases=258, returnable=1, removable=256/1/1, country_cooperates=1/256/1, identity_established=1/1/256, available=258/0/0, person_cooperates=1/0/257');
-- Text and binary round trips through a table and binary COPY.
CREATE TABLE lights_rt (id int, l migchain.lights);
INSERT INTO lights_rt VALUES
  (1, 'cases=0, returnable=0, removable=0/0/0, country_cooperates=0/0/0, identity_established=0/0/0, available=0/0/0, person_cooperates=0/0/0'),
  (2, 'cases=10, returnable=2, removable=8/1/1, country_cooperates=5/3/2, identity_established=6/0/4, available=9/1/0, person_cooperates=4/4/2'),
  (3, 'cases=9223372036854775807, returnable=1, removable=9223372036854775807/0/0, country_cooperates=1/9223372036854775806/0, identity_established=1/0/9223372036854775806, available=9223372036854775806/0/1, person_cooperates=2/3/9223372036854775802');
SELECT id, l::text::migchain.lights = l AS text_round_trip FROM lights_rt ORDER BY id;
COPY lights_rt TO '/tmp/migchain_lights_rt.bin' (FORMAT binary);
CREATE TABLE lights_rt2 (LIKE lights_rt);
COPY lights_rt2 FROM '/tmp/migchain_lights_rt.bin' (FORMAT binary);
SELECT a.id, a.l = b.l AS binary_round_trip, b.l FROM lights_rt a JOIN lights_rt2 b USING (id) ORDER BY a.id;
-- Binary input checks what text input checks: binary COPY files made by
-- hand (header, one row of one 136-byte field, trailer).  The field: cases,
-- returnable, then green/red/unknown of the five conditions.
CREATE TABLE lights_bad (l migchain.lights);
CREATE FUNCTION pg_temp.lights_copy_file(counts int8[]) RETURNS bytea
  LANGUAGE sql AS $$
    SELECT '\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
           || '\x000100000088'::bytea
           || (SELECT string_agg(int8send(c), ''::bytea ORDER BY o) FROM unnest(counts) WITH ORDINALITY u(c, o))
           || '\xffff'::bytea
  $$;
-- first a good one, read back
SELECT lo_from_bytea(0, pg_temp.lights_copy_file('{3,1,2,1,0,1,1,1,3,0,0,1,2,0,1,0,2}')) AS lo \gset
SELECT lo_export(:lo, '/tmp/migchain_lights_bad.bin') AS exported;
SELECT lo_unlink(:lo) AS unlinked;
COPY lights_bad FROM '/tmp/migchain_lights_bad.bin' (FORMAT binary);
SELECT l FROM lights_bad;
-- a negative count
SELECT lo_from_bytea(0, pg_temp.lights_copy_file('{3,1,2,1,0,1,1,1,3,0,0,1,2,0,1,-1,3}')) AS lo \gset
SELECT lo_export(:lo, '/tmp/migchain_lights_bad.bin') AS exported;
SELECT lo_unlink(:lo) AS unlinked;
COPY lights_bad FROM '/tmp/migchain_lights_bad.bin' (FORMAT binary);
-- counts of a condition that do not add up to cases
SELECT lo_from_bytea(0, pg_temp.lights_copy_file('{3,1,2,1,0,1,1,1,3,0,0,1,2,1,1,0,2}')) AS lo \gset
SELECT lo_export(:lo, '/tmp/migchain_lights_bad.bin') AS exported;
SELECT lo_unlink(:lo) AS unlinked;
COPY lights_bad FROM '/tmp/migchain_lights_bad.bin' (FORMAT binary);
-- more returnable cases than green lights of available
SELECT lo_from_bytea(0, pg_temp.lights_copy_file('{3,2,2,1,0,2,1,0,3,0,0,1,2,0,2,0,1}')) AS lo \gset
SELECT lo_export(:lo, '/tmp/migchain_lights_bad.bin') AS exported;
SELECT lo_unlink(:lo) AS unlinked;
COPY lights_bad FROM '/tmp/migchain_lights_bad.bin' (FORMAT binary);
-- and a value that is not 136 bytes: too short (one int8), too long, empty.
COPY (SELECT 1::int8) TO '/tmp/migchain_lights_bad.bin' (FORMAT binary);
COPY lights_bad FROM '/tmp/migchain_lights_bad.bin' (FORMAT binary);
\set VERBOSITY sqlstate
COPY lights_bad FROM '/tmp/migchain_lights_bad.bin' (FORMAT binary);
\set VERBOSITY default
COPY (SELECT migchain.lights_send('cases=0, returnable=0, removable=0/0/0, country_cooperates=0/0/0, identity_established=0/0/0, available=0/0/0, person_cooperates=0/0/0') || '\x00'::bytea)
  TO '/tmp/migchain_lights_bad.bin' (FORMAT binary);
COPY lights_bad FROM '/tmp/migchain_lights_bad.bin' (FORMAT binary);
COPY (SELECT ''::bytea) TO '/tmp/migchain_lights_bad.bin' (FORMAT binary);
COPY lights_bad FROM '/tmp/migchain_lights_bad.bin' (FORMAT binary);
-- Aggregates: light_counts counts cases (NULL conditions are not), sum merges.
SELECT migchain.light_counts(c) FROM (VALUES ('GGGGG'::migchain.conditions), ('GR?GG'),
  (NULL), ('RRRRR'), ('?????'), ('GGGGG')) v(c);
SELECT migchain.light_counts(c) FROM (SELECT 'GGGGG'::migchain.conditions WHERE false) v(c);
SELECT migchain.sum(l) FROM (VALUES ('cases=1, returnable=0, removable=1/0/0, country_cooperates=0/1/0, identity_established=0/0/1, available=1/0/0, person_cooperates=1/0/0'::migchain.lights),
  (NULL), ('cases=10, returnable=2, removable=8/1/1, country_cooperates=5/3/2, identity_established=6/0/4, available=9/1/0, person_cooperates=4/4/2')) v(l);
SELECT migchain.sum(l) IS NULL AS no_rows_is_null
  FROM (SELECT 'cases=0, returnable=0, removable=0/0/0, country_cooperates=0/0/0, identity_established=0/0/0, available=0/0/0, person_cooperates=0/0/0'::migchain.lights WHERE false) v(l);
-- Against plain SQL over the text form: 3000 cases in 7 groups, each light
-- green, red or unknown by its own step through i, every 13th case NULL.
CREATE TABLE lights_cases (g int, c migchain.conditions);
INSERT INTO lights_cases
  SELECT i % 7,
         CASE WHEN i % 13 = 0 THEN NULL
              ELSE migchain.conditions((ARRAY[true, false, NULL])[1 + i % 3],
                                       (ARRAY[true, true, false, NULL])[1 + i % 4],
                                       (ARRAY[true, true, true, false, NULL])[1 + i % 5],
                                       (ARRAY[true, NULL])[1 + (i / 2) % 2],
                                       (ARRAY[true, true, false])[1 + (i / 3) % 3]) END
    FROM generate_series(1, 3000) i;
CREATE TABLE lights_oracle AS
  SELECT (SELECT count(c) FROM lights_cases) AS cases,
         (SELECT count(*) FROM lights_cases WHERE c::text = 'GGGGG') AS returnable,
         array_agg(green ORDER BY n) AS green, array_agg(red ORDER BY n) AS red,
         array_agg(unknown ORDER BY n) AS unknown
    FROM (SELECT n, count(*) FILTER (WHERE substr(c::text, n, 1) = 'G') AS green,
                 count(*) FILTER (WHERE substr(c::text, n, 1) = 'R') AS red,
                 count(*) FILTER (WHERE substr(c::text, n, 1) = '?') AS unknown
            FROM lights_cases, generate_series(1, 5) n GROUP BY n) per_condition;
SELECT * FROM lights_oracle;
SELECT migchain.light_counts(c) FROM lights_cases;
SELECT migchain.cases(l) = o.cases AS cases, migchain.returnable_cases(l) = o.returnable AS returnable,
       ARRAY[migchain.green(l, 1), migchain.green(l, 2), migchain.green(l, 3), migchain.green(l, 4), migchain.green(l, 5)] = o.green AS green,
       ARRAY[migchain.red(l, 1), migchain.red(l, 2), migchain.red(l, 3), migchain.red(l, 4), migchain.red(l, 5)] = o.red AS red,
       ARRAY[migchain.unknown(l, 1), migchain.unknown(l, 2), migchain.unknown(l, 3), migchain.unknown(l, 4), migchain.unknown(l, 5)] = o.unknown AS unknown
  FROM (SELECT migchain.light_counts(c) AS l FROM lights_cases) a, lights_oracle o;
-- Grouped, and merged again: the sum of the per-group lights is the lights of all.
SELECT g, migchain.light_counts(c) FROM lights_cases GROUP BY g ORDER BY g;
SELECT migchain.sum(l) = (SELECT migchain.light_counts(c) FROM lights_cases) AS merged_equals_whole
  FROM (SELECT migchain.light_counts(c) AS l FROM lights_cases GROUP BY g) s;
-- Parallel: partial aggregates in workers, combined in the leader; the same
-- result.  Workers that see no rows (a filter no row passes) are fine too.
ALTER TABLE lights_cases SET (parallel_workers = 2);
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT migchain.light_counts(c) FROM lights_cases;
SELECT migchain.cases(l) = o.cases AS cases, migchain.returnable_cases(l) = o.returnable AS returnable,
       ARRAY[migchain.green(l, 1), migchain.green(l, 2), migchain.green(l, 3), migchain.green(l, 4), migchain.green(l, 5)] = o.green AS green,
       ARRAY[migchain.red(l, 1), migchain.red(l, 2), migchain.red(l, 3), migchain.red(l, 4), migchain.red(l, 5)] = o.red AS red,
       ARRAY[migchain.unknown(l, 1), migchain.unknown(l, 2), migchain.unknown(l, 3), migchain.unknown(l, 4), migchain.unknown(l, 5)] = o.unknown AS unknown
  FROM (SELECT migchain.light_counts(c) AS l FROM lights_cases) a, lights_oracle o;
SELECT migchain.light_counts(c) FROM lights_cases WHERE g > 100;
EXPLAIN (COSTS OFF) SELECT migchain.sum(l) FROM (SELECT migchain.light_counts(c) AS l FROM lights_cases GROUP BY g) s;
SELECT migchain.sum(l) FROM (SELECT migchain.light_counts(c) AS l FROM lights_cases GROUP BY g) s;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
-- Hashing: DISTINCT and GROUP BY by hash (the lights of the 7 groups, twice:
-- 7 distinct).  No order: count(DISTINCT l), which sorts, is refused.
SELECT count(*) AS distinct_lights
  FROM (SELECT DISTINCT l FROM (SELECT migchain.light_counts(c) AS l FROM lights_cases GROUP BY g
                                UNION ALL
                                SELECT migchain.light_counts(c) FROM lights_cases GROUP BY g) u) d;
SELECT count(DISTINCT l) FROM (SELECT migchain.light_counts(c) AS l FROM lights_cases GROUP BY g) s;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT l, count(*) FROM (SELECT migchain.light_counts(c) AS l FROM lights_cases GROUP BY g) s GROUP BY l;
RESET enable_sort;
SELECT migchain.lights_hash('cases=1, returnable=0, removable=1/0/0, country_cooperates=0/1/0, identity_established=0/0/1, available=1/0/0, person_cooperates=1/0/0')
     = migchain.lights_hash('person_cooperates=1/0/0, available=1/0/0, identity_established=0/0/1, country_cooperates=0/1/0, removable=1/0/0, returnable=0, cases=1') AS hash_equal,
       migchain.lights_hash_extended('cases=1, returnable=0, removable=1/0/0, country_cooperates=0/1/0, identity_established=0/0/1, available=1/0/0, person_cooperates=1/0/0', 7)
     = migchain.lights_hash_extended('person_cooperates=1/0/0, available=1/0/0, identity_established=0/0/1, country_cooperates=0/1/0, removable=1/0/0, returnable=0, cases=1', 7) AS hash_extended_equal;
-- Counting past the largest count is an error, not a wrap-around.
SELECT migchain.lights_count_conditions('cases=9223372036854775807, returnable=0, removable=0/0/9223372036854775807, country_cooperates=0/0/9223372036854775807, identity_established=0/0/9223372036854775807, available=0/0/9223372036854775807, person_cooperates=0/0/9223372036854775807', 'GGGGG');
-- Outside an aggregate the transition function leaves its argument alone.
SELECT l, migchain.lights_count_conditions(l, 'GGGGG') AS counted
  FROM (VALUES ('cases=0, returnable=0, removable=0/0/0, country_cooperates=0/0/0, identity_established=0/0/0, available=0/0/0, person_cooperates=0/0/0'::migchain.lights)) v(l);
DROP TABLE lights_bad, lights_cases, lights_cast, lights_oracle, lights_rt, lights_rt2;
-- Leave no file behind (another user's run could not overwrite it).
COPY (SELECT 1 WHERE false) TO PROGRAM 'rm -f /tmp/migchain_lights_bad.bin /tmp/migchain_lights_rt.bin';
