-- delays: days from presentation to answer, with answer_delays(), day_counts()
-- and sum(), and percentiles checked against percentile_disc and percentile_cont.
\pset null '(null)'
-- Text input: items in any order, names in any case, spaces allowed, day
-- counts in any order and 0 allowed.  Output: one order, non-zero days only,
-- beyond_min and beyond_max only when beyond is not 0.
SELECT 'answered=13, withdrawn=3, pending=4, days={0:2, 5:7, 31:3}, beyond=1, beyond_min=800, beyond_max=800'::migchain.delays;
SELECT ' BEYOND : 2 ,beyond_max=91310, Beyond_Min=732, days = { 731 : 2147483647 , 0:+1,1:-0 }, pending=9223372036854775807, withdrawn=-0, answered=2147483650 '::migchain.delays;
SELECT 'answered=0, withdrawn=0, pending=0, days={}, beyond=0'::migchain.delays;
SELECT 'pending=1, withdrawn=2, answered=2, beyond=0, days={ 3:1,2:1 }'::migchain.delays;
-- Casts from text and varchar in assignment.
CREATE TABLE delays_cast (d migchain.delays);
INSERT INTO delays_cast VALUES ('answered=1, withdrawn=0, pending=0, days={10:1}, beyond=0'::text),
  ('answered=1, withdrawn=0, pending=0, days={}, beyond=1, beyond_min=1000, beyond_max=1000'::varchar);
SELECT d FROM delays_cast;
-- Bad input, one per line.
SELECT ''::migchain.delays;
SELECT 'answered=0'::migchain.delays;
SELECT 'answered=0, withdrawn=0, pending=0, beyond=0'::migchain.delays;
SELECT 'answered=0, withdrawn=0, pending=0, days={}, beyond=0, answered=0'::migchain.delays;
SELECT 'answered=0, withdrawn=0, pending=0, days={}, beyond=0, refused=0'::migchain.delays;
SELECT 'answered=0, withdrawn=0, pending=0, days=, beyond=0'::migchain.delays;
SELECT 'answered=0, withdrawn=0, pending=0, days={0:0, beyond=0'::migchain.delays;
SELECT 'answered=0, withdrawn=0, pending=0, days={0}, beyond=0'::migchain.delays;
SELECT 'answered=0, withdrawn=0, pending=0, days={:1}, beyond=0'::migchain.delays;
SELECT 'answered=0, withdrawn=0, pending=0, days={0:}, beyond=0'::migchain.delays;
SELECT 'answered=1, withdrawn=0, pending=0, days={0:1;}, beyond=0'::migchain.delays;
SELECT 'answered=2, withdrawn=0, pending=0, days={4:1, 4:1}, beyond=0'::migchain.delays;
SELECT 'answered=1, withdrawn=0, pending=0, days={732:1}, beyond=0'::migchain.delays;
SELECT 'answered=1, withdrawn=0, pending=0, days={99999999999:1}, beyond=0'::migchain.delays;
SELECT 'answered=1, withdrawn=0, pending=0, days={-1:1}, beyond=0'::migchain.delays;
SELECT 'answered=1; withdrawn=0; pending=0; days={0:1}; beyond=0'::migchain.delays;
SELECT 'answered 1, withdrawn=0, pending=0, days={0:1}, beyond=0'::migchain.delays;
SELECT 'answered=1.5, withdrawn=0, pending=0, days={0:1}, beyond=0'::migchain.delays;
SELECT 'answered=1, withdrawn=0, pending=0, days={0:1}, beyond=0,'::migchain.delays;
SELECT 'answered=1, withdrawn=0, pending=0, days={0:1}, beyond=0 extra'::migchain.delays;
-- The counts must agree: answered is the day counts plus beyond.
SELECT 'answered=3, withdrawn=0, pending=0, days={0:1, 1:1}, beyond=0'::migchain.delays;
SELECT 'answered=1, withdrawn=0, pending=0, days={0:1, 1:1}, beyond=0'::migchain.delays;
SELECT 'answered=9223372036854775807, withdrawn=0, pending=0, days={0:2147483647}, beyond=9223372036854775807, beyond_min=800, beyond_max=900'::migchain.delays;
-- The bounds of the answers beyond 731 days: given exactly when beyond is
-- not 0, above 731, in order, equal for one answer.
SELECT 'answered=1, withdrawn=0, pending=0, days={}, beyond=1'::migchain.delays;
SELECT 'answered=1, withdrawn=0, pending=0, days={}, beyond=1, beyond_min=800'::migchain.delays;
SELECT 'answered=0, withdrawn=0, pending=0, days={}, beyond=0, beyond_min=0, beyond_max=0'::migchain.delays;
SELECT 'answered=2, withdrawn=0, pending=0, days={}, beyond=2, beyond_min=731, beyond_max=800'::migchain.delays;
SELECT 'answered=2, withdrawn=0, pending=0, days={}, beyond=2, beyond_min=900, beyond_max=800'::migchain.delays;
SELECT 'answered=1, withdrawn=0, pending=0, days={}, beyond=1, beyond_min=800, beyond_max=900'::migchain.delays;
-- Out of range: below 0 (-0 is 0), a day count or bound above 2147483647,
-- another count above 9223372036854775807.
SELECT 'answered=0, withdrawn=-1, pending=0, days={}, beyond=0'::migchain.delays;
SELECT 'answered=0, withdrawn=0, pending=9223372036854775808, days={}, beyond=0'::migchain.delays;
SELECT 'answered=2147483648, withdrawn=0, pending=0, days={5:2147483648}, beyond=0'::migchain.delays;
SELECT 'answered=1, withdrawn=0, pending=0, days={5:-1}, beyond=0'::migchain.delays;
SELECT 'answered=1, withdrawn=0, pending=0, days={}, beyond=1, beyond_min=800, beyond_max=2147483648'::migchain.delays;

-- answer_delays: positive and negative answers add their delay in days,
-- withdrawn and pending requests are counted apart (their dates are not
-- read), a NULL answer is no request.
SELECT migchain.answer_delays(a, p, q)
  FROM (VALUES ('positive'::migchain.answer, '2020-01-01'::date, '2020-01-01'::date),
               ('negative', '2020-01-01', '2020-01-31'),
               ('positief', '2019-12-31', '2020-01-30'),
               ('positive', '2019-03-01', '2021-03-01'),
               ('negative', '2019-03-01', '2021-03-02'),
               ('withdrawn', '2020-01-01', '2021-01-01'),
               ('withdrawn', NULL, NULL),
               ('pending', '2020-01-01', NULL),
               ('pending', NULL, NULL),
               (NULL, '2020-01-01', '2020-01-02')) v(a, p, q);
-- No rows: the empty histogram (the initial value), and NULL accessors.
SELECT d, migchain.answered(d), migchain.median_days(d), migchain.percentile_days(d, 0.9),
       migchain.percentile_cont_days(d, 0.9), migchain.percentile_days_exact(d, 0.9),
       migchain.percentile_cont_days_exact(d, 0.9), migchain.min_days(d), migchain.max_days(d)
  FROM (SELECT migchain.answer_delays(a, p, q) AS d
          FROM (SELECT 'positive'::migchain.answer, '2020-01-01'::date, '2020-01-01'::date WHERE false) v(a, p, q)) s;
-- Only withdrawn and pending: nothing answered, so no percentile.
SELECT migchain.answered(d), migchain.withdrawn(d), migchain.pending(d), migchain.median_days(d)
  FROM (SELECT migchain.answer_delays(a, NULL, NULL) AS d
          FROM (VALUES ('withdrawn'::migchain.answer), ('pending'), ('withdrawn')) v(a)) s;
-- A positive or negative answer needs both dates; the delay is not negative
-- and the dates are finite.
SELECT migchain.answer_delays(a, p, q) FROM (VALUES ('positive'::migchain.answer, '2020-01-01'::date, NULL::date)) v(a, p, q);
SELECT migchain.answer_delays(a, p, q) FROM (VALUES ('negative'::migchain.answer, NULL::date, '2020-01-01'::date)) v(a, p, q);
SELECT migchain.answer_delays(a, p, q) FROM (VALUES ('negative'::migchain.answer, '2020-01-10'::date, '2020-01-01'::date)) v(a, p, q);
SELECT migchain.answer_delays(a, p, q) FROM (VALUES ('positive'::migchain.answer, '2020-01-10'::date, 'infinity'::date)) v(a, p, q);
SELECT migchain.answer_delays(a, p, q) FROM (VALUES ('positive'::migchain.answer, '-infinity'::date, '2020-01-01'::date)) v(a, p, q);
-- day_counts: whole days, NULLs not counted, negative refused.
SELECT migchain.day_counts(d) FROM (VALUES (0), (3), (3), (NULL), (731), (732), (91310)) v(d);
SELECT migchain.day_counts(d) FROM (VALUES (5), (-1)) v(d);

-- Accessors.  Ten answers on days 1..10: the median is the 5th (5), the
-- 90th percentile the 9th (9); percentile_cont interpolates.
SELECT migchain.answered(d), migchain.withdrawn(d), migchain.pending(d), migchain.answered_beyond(d),
       migchain.median_days(d), migchain.percentile_days(d, 0.9), migchain.percentile_days(d, 0),
       migchain.percentile_days(d, 1), migchain.percentile_cont_days(d, 0.5),
       migchain.percentile_cont_days(d, 0.25), migchain.min_days(d), migchain.max_days(d)
  FROM (SELECT migchain.day_counts(i) AS d FROM generate_series(1, 10) i) s;
-- A fraction outside 0 to 1 (or NaN) is refused; NULL gives NULL.
SELECT migchain.percentile_days('answered=1, withdrawn=0, pending=0, days={0:1}, beyond=0', 1.5);
SELECT migchain.percentile_days('answered=1, withdrawn=0, pending=0, days={0:1}, beyond=0', -0.1);
SELECT migchain.percentile_cont_days('answered=1, withdrawn=0, pending=0, days={0:1}, beyond=0', 'NaN');
SELECT migchain.percentile_days_exact('answered=1, withdrawn=0, pending=0, days={0:1}, beyond=0', 2);
SELECT migchain.percentile_cont_days_exact('answered=1, withdrawn=0, pending=0, days={0:1}, beyond=0', -1);
SELECT migchain.percentile_days('answered=0, withdrawn=0, pending=0, days={}, beyond=0', 1.5);
SELECT migchain.percentile_days('answered=1, withdrawn=0, pending=0, days={0:1}, beyond=0', NULL) AS strict;

-- The answers beyond 731 days: counted together with their least and
-- greatest delay.  Ranks on the exact days, and the first and last rank
-- beyond, are exact; a rank strictly inside gives beyond_max, an upper
-- bound, and percentile_days_exact says so; percentile_cont_days reads two
-- ranks and is exact when both are.  Here 6 answers: days 10, 20, then 800,
-- 900, 1000, 1100 beyond.
SELECT d FROM (SELECT migchain.day_counts(x) AS d FROM unnest('{10,20,800,900,1000,1100}'::int[]) x) s;
SELECT f, migchain.percentile_days(d, f) AS days, migchain.percentile_days_exact(d, f) AS exact,
       (SELECT percentile_disc(f) WITHIN GROUP (ORDER BY x) FROM unnest('{10,20,800,900,1000,1100}'::int[]) x) AS percentile_disc,
       migchain.percentile_cont_days(d, f) AS cont, migchain.percentile_cont_days_exact(d, f) AS cont_exact,
       (SELECT percentile_cont(f) WITHIN GROUP (ORDER BY x) FROM unnest('{10,20,800,900,1000,1100}'::int[]) x) AS percentile_cont
  FROM (SELECT migchain.day_counts(x) AS d FROM unnest('{10,20,800,900,1000,1100}'::int[]) x) s,
       unnest('{0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1}'::float8[]) f
 ORDER BY f;
-- When all the answers beyond have one delay, every rank is exact.
SELECT bool_and(migchain.percentile_days_exact(d, f)) AS all_exact,
       bool_and(migchain.percentile_days(d, f) = (SELECT percentile_disc(f) WITHIN GROUP (ORDER BY x) FROM unnest('{1,900,900,900,900}'::int[]) x)) AS all_equal
  FROM (SELECT migchain.day_counts(x) AS d FROM unnest('{1,900,900,900,900}'::int[]) x) s,
       generate_series(0, 100) g, LATERAL (SELECT g / 100.0::float8 AS f) ff;
-- min_days and max_days are exact, beyond too.
SELECT migchain.min_days(d), migchain.max_days(d)
  FROM (VALUES ('answered=3, withdrawn=0, pending=0, days={}, beyond=3, beyond_min=800, beyond_max=91310'::migchain.delays),
               ('answered=3, withdrawn=0, pending=0, days={0:1, 731:1}, beyond=1, beyond_min=5000, beyond_max=5000')) v(d);

-- Against percentile_disc and percentile_cont over the same rows, in many
-- groups: 120000 requests, 6 years x 40 countries x 2 kinds = 480 groups.
-- Answers (about 4 in 5; the rest withdrawn or pending) come 0 to 731 days
-- after the presentation, spread differently per group; the delays of the
-- requests are from an integer hash of their number, the same on every
-- machine.
CREATE TABLE delays_requests (year int, country int, kind int, answer migchain.answer,
                              presented_on date, answered_on date);
INSERT INTO delays_requests
  SELECT year, country, kind, answer, presented_on,
         CASE WHEN answer = 'pending' THEN NULL
              ELSE presented_on + (h % (1 + (country * 37 + year * 11 + kind * 101) % 732))::int END
    FROM (SELECT i, 2017 + i % 6 AS year, (i / 6) % 40 AS country, (i / 240) % 2 AS kind,
                 (i::bigint * 2654435761) % 4294967296 AS h,
                 (ARRAY['positive', 'negative', 'positive', 'negative', 'withdrawn', 'positive', 'negative', 'pending', 'positive', 'negative'])[1 + (i / 480) % 10]::migchain.answer AS answer
            FROM generate_series(1, 120000) i) r,
         LATERAL (SELECT make_date(year, 1, 1) + (r.h % 365)::int AS presented_on) p;
CREATE TABLE delays_oracle AS
  SELECT year, country, kind,
         count(*) FILTER (WHERE answer IN ('positive', 'negative')) AS answered,
         count(*) FILTER (WHERE answer = 'withdrawn') AS withdrawn,
         count(*) FILTER (WHERE answer = 'pending') AS pending,
         percentile_disc(ARRAY[0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1]) WITHIN GROUP (ORDER BY answered_on - presented_on)
           FILTER (WHERE answer IN ('positive', 'negative')) AS disc,
         percentile_cont(ARRAY[0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1]) WITHIN GROUP (ORDER BY answered_on - presented_on)
           FILTER (WHERE answer IN ('positive', 'negative')) AS cont
    FROM delays_requests GROUP BY year, country, kind;
CREATE TABLE delays_groups AS
  SELECT year, country, kind, migchain.answer_delays(answer, presented_on, answered_on) AS d
    FROM delays_requests GROUP BY year, country, kind;
-- Every group, every fraction: the number of groups where anything differs
-- is 0.
SELECT count(*) AS groups,
       count(*) FILTER (WHERE migchain.answered(g.d) <> o.answered OR migchain.withdrawn(g.d) <> o.withdrawn
                          OR migchain.pending(g.d) <> o.pending) AS counts_differ,
       count(*) FILTER (WHERE ARRAY[migchain.percentile_days(g.d, 0), migchain.percentile_days(g.d, 0.1),
                                    migchain.percentile_days(g.d, 0.25), migchain.median_days(g.d),
                                    migchain.percentile_days(g.d, 0.75), migchain.percentile_days(g.d, 0.9),
                                    migchain.percentile_days(g.d, 0.99), migchain.percentile_days(g.d, 1)]
                          IS DISTINCT FROM o.disc) AS disc_differ,
       count(*) FILTER (WHERE ARRAY[migchain.percentile_cont_days(g.d, 0), migchain.percentile_cont_days(g.d, 0.1),
                                    migchain.percentile_cont_days(g.d, 0.25), migchain.percentile_cont_days(g.d, 0.5),
                                    migchain.percentile_cont_days(g.d, 0.75), migchain.percentile_cont_days(g.d, 0.9),
                                    migchain.percentile_cont_days(g.d, 0.99), migchain.percentile_cont_days(g.d, 1)]
                          IS DISTINCT FROM o.cont) AS cont_differ,
       count(*) FILTER (WHERE NOT migchain.percentile_days_exact(g.d, 0.9)) AS inexact,
       count(DISTINCT o.disc[6]) AS distinct_p90
  FROM delays_groups g JOIN delays_oracle o USING (year, country, kind);
-- A few of them side by side.
SELECT g.year, g.country, g.kind, migchain.answered(g.d), migchain.median_days(g.d), o.disc[4] AS percentile_disc_50,
       migchain.percentile_days(g.d, 0.9) AS p90, o.disc[6] AS percentile_disc_90,
       migchain.percentile_cont_days(g.d, 0.9) AS cont90, o.cont[6] AS percentile_cont_90
  FROM delays_groups g JOIN delays_oracle o USING (year, country, kind)
 WHERE g.country IN (0, 17, 39) AND g.year = 2019 ORDER BY g.country, g.kind;
-- Every fraction from 0 to 1 in steps of 0.001, on one group: the same.
SELECT count(*) AS fractions,
       count(*) FILTER (WHERE migchain.percentile_days(g.d, f) <> (SELECT percentile_disc(f) WITHIN GROUP (ORDER BY answered_on - presented_on)
                                                                 FROM delays_requests r WHERE (r.year, r.country, r.kind) = (2020, 7, 1) AND answer IN ('positive', 'negative'))) AS disc_differ
  FROM delays_groups g, generate_series(0, 1000) i, LATERAL (SELECT i / 1000.0::float8 AS f) ff
 WHERE (g.year, g.country, g.kind) = (2020, 7, 1);
-- The same with answers beyond 731 days: with days multiplied by 3, a third
-- of the answers fall beyond.  Where percentile_days_exact says exact, the
-- value is percentile_disc's; where not, it is the greatest delay beyond,
-- and percentile_disc's lies between the least and the greatest.  Likewise
-- percentile_cont_days: exact where it says so, else at least
-- percentile_cont's and at most the greatest delay.
CREATE TABLE delays_beyond AS
  SELECT year, country, kind, answer, presented_on, presented_on + 3 * (answered_on - presented_on) AS answered_on
    FROM delays_requests;
CREATE TABLE delays_beyond_oracle AS
  SELECT year, country, kind, f,
         percentile_disc(f) WITHIN GROUP (ORDER BY answered_on - presented_on) AS disc,
         percentile_cont(f) WITHIN GROUP (ORDER BY answered_on - presented_on) AS cont
    FROM delays_beyond, unnest('{0, 0.1, 0.5, 0.9, 0.99, 1}'::float8[]) f
   WHERE answer IN ('positive', 'negative')
   GROUP BY year, country, kind, f;
SELECT count(*) AS checks,
       count(*) FILTER (WHERE exact) AS exact,
       count(*) FILTER (WHERE exact AND days IS DISTINCT FROM disc) AS exact_differ,
       count(*) FILTER (WHERE NOT exact AND (days <> hi OR disc < lo OR disc > hi)) AS bound_wrong,
       count(*) FILTER (WHERE cont_exact) AS cont_exact,
       count(*) FILTER (WHERE cont_exact AND cont_days IS DISTINCT FROM cont) AS cont_exact_differ,
       count(*) FILTER (WHERE NOT cont_exact AND (cont_days < cont OR cont_days > hi)) AS cont_bound_wrong
  FROM (SELECT o.disc, o.cont, migchain.percentile_days(g.d, o.f) AS days,
               migchain.percentile_days_exact(g.d, o.f) AS exact,
               migchain.percentile_cont_days(g.d, o.f) AS cont_days,
               migchain.percentile_cont_days_exact(g.d, o.f) AS cont_exact,
               migchain.max_days(g.d) AS hi,
               (substring(g.d::text FROM 'beyond_min=([0-9]+)'))::int AS lo
          FROM (SELECT year, country, kind, migchain.answer_delays(answer, presented_on, answered_on) AS d
                  FROM delays_beyond GROUP BY 1, 2, 3) g
          JOIN delays_beyond_oracle o USING (year, country, kind)) c;
-- One group's fractions side by side.
SELECT o.f, migchain.percentile_days(g.d, o.f) AS days, migchain.percentile_days_exact(g.d, o.f) AS exact,
       o.disc AS percentile_disc, migchain.percentile_cont_days(g.d, o.f) AS cont,
       migchain.percentile_cont_days_exact(g.d, o.f) AS cont_exact, o.cont AS percentile_cont
  FROM (SELECT migchain.answer_delays(answer, presented_on, answered_on) AS d
          FROM delays_beyond WHERE (year, country, kind) = (2019, 39, 1)) g,
       delays_beyond_oracle o
 WHERE (o.year, o.country, o.kind) = (2019, 39, 1)
 ORDER BY o.f;

-- Merged: + and sum() of the groups' delays are the delays of all rows, and
-- the partial states of any split add up to the same.
SELECT migchain.sum(d) = (SELECT migchain.answer_delays(answer, presented_on, answered_on) FROM delays_requests) AS merged_equals_whole,
       migchain.answered(migchain.sum(d)), migchain.withdrawn(migchain.sum(d)), migchain.pending(migchain.sum(d)),
       migchain.median_days(migchain.sum(d)),
       (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY answered_on - presented_on)
          FROM delays_requests WHERE answer IN ('positive', 'negative')) AS percentile_disc_50
  FROM delays_groups;
SELECT (SELECT migchain.answer_delays(answer, presented_on, answered_on) FROM delays_requests WHERE year < 2020)
     + (SELECT migchain.answer_delays(answer, presented_on, answered_on) FROM delays_requests WHERE year >= 2020)
     = (SELECT migchain.answer_delays(answer, presented_on, answered_on) FROM delays_requests) AS plus_equals_whole;
SELECT migchain.sum(d) FROM (VALUES ('answered=2, withdrawn=1, pending=0, days={3:1}, beyond=1, beyond_min=900, beyond_max=900'::migchain.delays),
  (NULL), ('answered=3, withdrawn=0, pending=5, days={3:1, 4:1}, beyond=1, beyond_min=800, beyond_max=800'),
  ('answered=2, withdrawn=0, pending=0, days={}, beyond=2, beyond_min=1000, beyond_max=2000'),
  ('answered=0, withdrawn=0, pending=0, days={}, beyond=0')) v(d);
SELECT migchain.sum(d) IS NULL AS no_rows_is_null
  FROM (SELECT 'answered=0, withdrawn=0, pending=0, days={}, beyond=0'::migchain.delays WHERE false) v(d);
-- Counting past the largest count is an error, not a wrap-around: a day
-- count (at most 2147483647), answered (at most 9223372036854775807).
SELECT 'answered=2147483647, withdrawn=0, pending=0, days={7:2147483647}, beyond=0'::migchain.delays
     + 'answered=1, withdrawn=0, pending=0, days={7:1}, beyond=0';
SELECT migchain.delays_count_day('answered=2147483647, withdrawn=0, pending=0, days={7:2147483647}, beyond=0', 7);
SELECT migchain.delays_count_day('answered=9223372036854775807, withdrawn=0, pending=0, days={}, beyond=9223372036854775807, beyond_min=800, beyond_max=900', 1);
SELECT migchain.delays_count_answer('answered=0, withdrawn=9223372036854775807, pending=0, days={}, beyond=0', 'withdrawn', NULL, NULL);
-- Outside an aggregate the transition functions leave their argument alone.
SELECT d, migchain.delays_count_day(d, 5) AS counted, migchain.delays_count_answer(d, 'pending', NULL, NULL) AS pending
  FROM (VALUES ('answered=0, withdrawn=0, pending=0, days={}, beyond=0'::migchain.delays)) v(d);

-- Parallel: partial aggregates in workers, combined in the leader; the same
-- result as without workers.  A worker that sees no rows is fine too.
ALTER TABLE delays_requests SET (parallel_workers = 2);
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT migchain.answer_delays(answer, presented_on, answered_on) FROM delays_requests;
CREATE TABLE delays_parallel AS SELECT migchain.answer_delays(answer, presented_on, answered_on) AS d FROM delays_requests;
EXPLAIN (COSTS OFF) SELECT kind, migchain.answer_delays(answer, presented_on, answered_on) FROM delays_requests GROUP BY kind;
CREATE TABLE delays_parallel_kind AS SELECT kind, migchain.answer_delays(answer, presented_on, answered_on) AS d FROM delays_requests GROUP BY kind;
SELECT migchain.answer_delays(answer, presented_on, answered_on) FROM delays_requests WHERE year > 3000;
EXPLAIN (COSTS OFF) SELECT migchain.day_counts(answered_on - presented_on) FROM delays_requests;
CREATE TABLE delays_parallel_days AS SELECT migchain.day_counts(answered_on - presented_on) AS d FROM delays_requests;
SET max_parallel_workers_per_gather = 0;
EXPLAIN (COSTS OFF) SELECT migchain.answer_delays(answer, presented_on, answered_on) FROM delays_requests;
SELECT p.d = (SELECT migchain.answer_delays(answer, presented_on, answered_on) FROM delays_requests) AS parallel_equals_serial,
       (SELECT bool_and(k.d = s.d) FROM delays_parallel_kind k
          JOIN (SELECT kind, migchain.answer_delays(answer, presented_on, answered_on) AS d FROM delays_requests GROUP BY kind) s USING (kind))
         AS grouped_parallel_equals_serial,
       (SELECT x.d = (SELECT migchain.day_counts(answered_on - presented_on) FROM delays_requests) FROM delays_parallel_days x)
         AS day_counts_parallel_equals_serial
  FROM delays_parallel p;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- Equality and hashing: GROUP BY and DISTINCT by hash (the 480 groups'
-- delays twice); no order, so count(DISTINCT d), which sorts, is refused.
SELECT 'answered=2, withdrawn=0, pending=0, days={0:1, 5:1}, beyond=0'::migchain.delays
     = 'beyond=0, days={5:1, 0:1, 9:0}, pending=0, withdrawn=0, answered=2' AS same,
       'answered=2, withdrawn=0, pending=0, days={0:1, 5:1}, beyond=0'::migchain.delays
     <> 'answered=2, withdrawn=0, pending=0, days={0:1, 6:1}, beyond=0' AS differ;
SELECT count(*) AS distinct_delays, count(DISTINCT g.d::text) AS distinct_texts
  FROM (SELECT DISTINCT d FROM (SELECT d FROM delays_groups UNION ALL SELECT d FROM delays_groups) u) s,
       LATERAL (SELECT s.d) g;
SELECT count(DISTINCT d) FROM delays_groups;
SELECT migchain.delays_hash('answered=2, withdrawn=0, pending=0, days={0:1, 5:1}, beyond=0')
     = migchain.delays_hash('days={5:1, 0:1}, answered=2, withdrawn=0, pending=0, beyond=0') AS hash_equal,
       migchain.delays_hash_extended('answered=2, withdrawn=0, pending=0, days={0:1, 5:1}, beyond=0', 7)
     = migchain.delays_hash_extended('days={5:1, 0:1}, answered=2, withdrawn=0, pending=0, beyond=0', 7) AS hash_extended_equal;

-- Binary form: answered, withdrawn, pending, beyond (int64), beyond_min,
-- beyond_max (int32), then the counts of days 0 to 731 (int32), 2968 bytes;
-- pinned: the head, and the counts of days 0, 1 and 731.
SELECT length(b), substr(b, 1, 40) AS head, substr(b, 41, 4) AS day0, substr(b, 45, 4) AS day1,
       substr(b, 41 + 4 * 731, 4) AS day731
  FROM (SELECT migchain.delays_send('answered=65795, withdrawn=2, pending=3, days={0:1, 1:258, 731:65535}, beyond=1, beyond_min=800, beyond_max=800') AS b) s;
-- Text and binary round trips through a table and binary COPY.
CREATE TABLE delays_rt (id int, d migchain.delays);
INSERT INTO delays_rt VALUES
  (1, 'answered=0, withdrawn=0, pending=0, days={}, beyond=0'),
  (2, 'answered=13, withdrawn=3, pending=4, days={0:2, 5:7, 31:3}, beyond=1, beyond_min=800, beyond_max=800'),
  (3, 'answered=9223372036854775807, withdrawn=9223372036854775807, pending=9223372036854775807, days={0:2147483647, 731:2147483647}, beyond=9223372032559808513, beyond_min=732, beyond_max=2147483647');
INSERT INTO delays_rt SELECT 3 + row_number() OVER (ORDER BY year, country, kind), d FROM delays_groups;
SELECT count(*) AS rows, bool_and(d::text::migchain.delays = d) AS text_round_trip FROM delays_rt;
COPY delays_rt TO '/tmp/migchain_delays_rt.bin' (FORMAT binary);
CREATE TABLE delays_rt2 (LIKE delays_rt);
COPY delays_rt2 FROM '/tmp/migchain_delays_rt.bin' (FORMAT binary);
SELECT count(*) AS rows, bool_and(a.d = b.d) AS binary_round_trip FROM delays_rt a JOIN delays_rt2 b USING (id);
SELECT id, d FROM delays_rt2 WHERE id <= 3 ORDER BY id;
-- Binary input checks what text input checks: binary COPY files made by
-- hand (header, one row of one 2968-byte field, trailer).
CREATE TABLE delays_bad (d migchain.delays);
CREATE FUNCTION pg_temp.delays_copy_file(counts int8[], bounds int4[], days int4[]) RETURNS bytea
  LANGUAGE sql AS $$
    SELECT '\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
           || '\x000100000b98'::bytea
           || (SELECT string_agg(int8send(c), ''::bytea ORDER BY o) FROM unnest(counts) WITH ORDINALITY u(c, o))
           || int4send(bounds[1]) || int4send(bounds[2])
           || (SELECT string_agg(int4send(coalesce(days[d + 1], 0)), ''::bytea ORDER BY d) FROM generate_series(0, 731) d)
           || '\xffff'::bytea
  $$;
-- first a good one, read back
SELECT lo_from_bytea(0, pg_temp.delays_copy_file('{4,1,2,1}', '{900,900}', '{1,0,2}')) AS lo \gset
SELECT lo_export(:lo, '/tmp/migchain_delays_bad.bin') AS exported;
SELECT lo_unlink(:lo) AS unlinked;
COPY delays_bad FROM '/tmp/migchain_delays_bad.bin' (FORMAT binary);
SELECT d FROM delays_bad;
-- a negative count
SELECT lo_from_bytea(0, pg_temp.delays_copy_file('{3,-1,2,0}', '{0,0}', '{1,0,2}')) AS lo \gset
SELECT lo_export(:lo, '/tmp/migchain_delays_bad.bin') AS exported;
SELECT lo_unlink(:lo) AS unlinked;
COPY delays_bad FROM '/tmp/migchain_delays_bad.bin' (FORMAT binary);
-- a negative day count
SELECT lo_from_bytea(0, pg_temp.delays_copy_file('{1,0,0,0}', '{0,0}', '{2,-1}')) AS lo \gset
SELECT lo_export(:lo, '/tmp/migchain_delays_bad.bin') AS exported;
SELECT lo_unlink(:lo) AS unlinked;
COPY delays_bad FROM '/tmp/migchain_delays_bad.bin' (FORMAT binary);
-- answered that is not the day counts plus beyond
SELECT lo_from_bytea(0, pg_temp.delays_copy_file('{5,0,0,1}', '{900,900}', '{1,0,2}')) AS lo \gset
SELECT lo_export(:lo, '/tmp/migchain_delays_bad.bin') AS exported;
SELECT lo_unlink(:lo) AS unlinked;
COPY delays_bad FROM '/tmp/migchain_delays_bad.bin' (FORMAT binary);
-- bounds without answers beyond, and a least delay beyond that is not beyond
SELECT lo_from_bytea(0, pg_temp.delays_copy_file('{3,0,0,0}', '{900,900}', '{1,0,2}')) AS lo \gset
SELECT lo_export(:lo, '/tmp/migchain_delays_bad.bin') AS exported;
SELECT lo_unlink(:lo) AS unlinked;
COPY delays_bad FROM '/tmp/migchain_delays_bad.bin' (FORMAT binary);
SELECT lo_from_bytea(0, pg_temp.delays_copy_file('{5,0,0,2}', '{700,900}', '{1,0,2}')) AS lo \gset
SELECT lo_export(:lo, '/tmp/migchain_delays_bad.bin') AS exported;
SELECT lo_unlink(:lo) AS unlinked;
COPY delays_bad FROM '/tmp/migchain_delays_bad.bin' (FORMAT binary);
-- and a value that is not 2968 bytes: too short (one int8), too long.
COPY (SELECT 1::int8) TO '/tmp/migchain_delays_bad.bin' (FORMAT binary);
COPY delays_bad FROM '/tmp/migchain_delays_bad.bin' (FORMAT binary);
\set VERBOSITY sqlstate
COPY delays_bad FROM '/tmp/migchain_delays_bad.bin' (FORMAT binary);
\set VERBOSITY default
COPY (SELECT migchain.delays_send('answered=0, withdrawn=0, pending=0, days={}, beyond=0') || '\x00'::bytea)
  TO '/tmp/migchain_delays_bad.bin' (FORMAT binary);
COPY delays_bad FROM '/tmp/migchain_delays_bad.bin' (FORMAT binary);
SELECT count(*) AS loaded FROM delays_bad;
DROP TABLE delays_bad, delays_beyond, delays_beyond_oracle, delays_cast, delays_groups, delays_oracle, delays_parallel,
  delays_parallel_days, delays_parallel_kind, delays_requests, delays_rt, delays_rt2;
-- Leave no file behind (another user's run could not overwrite it).
COPY (SELECT 1 WHERE false) TO PROGRAM 'rm -f /tmp/migchain_delays_bad.bin /tmp/migchain_delays_rt.bin';
