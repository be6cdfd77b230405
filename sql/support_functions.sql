--
-- The comparison and hash functions of request_kind, answer, country and
-- conditions run PostgreSQL's own functions of "char" and int2 where those
-- give exactly what migchain's C functions give: the same order and, since
-- hash indexes and hash partitions store them, the same hash values.  The
-- C functions, which 0.1.0 declared, are still in the library: this
-- compares them with what the SQL functions run now, for every value of
-- each type and every pair of values.
--
SET search_path = public, migchain;

-- What each SQL function runs.
SELECT p.proname, l.lanname, p.prosrc, p.proleakproof
  FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
 WHERE p.pronamespace = 'migchain'::regnamespace
   AND p.proname ~ '^(request_kind|answer|country|conditions)_(lt|le|eq|ne|ge|gt|cmp|hash|hash_extended)$'
 ORDER BY p.proname;

-- The C functions of the library, under the names pg_temp.c_TYPE_FUNC.
DO $$
DECLARE
	t text;
	f text;
BEGIN
	FOREACH t IN ARRAY ARRAY['request_kind', 'answer', 'country', 'conditions'] LOOP
		FOREACH f IN ARRAY ARRAY['lt', 'le', 'eq', 'ne', 'ge', 'gt'] LOOP
			EXECUTE format('CREATE FUNCTION pg_temp.c_%1$s_%2$s(migchain.%1$s, migchain.%1$s) RETURNS bool'
						   ' AS %3$L, %4$L LANGUAGE C IMMUTABLE STRICT', t, f, '$libdir/migchain', t || '_' || f);
		END LOOP;
		EXECUTE format('CREATE FUNCTION pg_temp.c_%1$s_cmp(migchain.%1$s, migchain.%1$s) RETURNS int4'
					   ' AS %2$L, %3$L LANGUAGE C IMMUTABLE STRICT', t, '$libdir/migchain', t || '_cmp');
		EXECUTE format('CREATE FUNCTION pg_temp.c_%1$s_hash(migchain.%1$s) RETURNS int4'
					   ' AS %2$L, %3$L LANGUAGE C IMMUTABLE STRICT', t, '$libdir/migchain', t || '_hash');
		EXECUTE format('CREATE FUNCTION pg_temp.c_%1$s_hash_extended(migchain.%1$s, int8) RETURNS int8'
					   ' AS %2$L, %3$L LANGUAGE C IMMUTABLE STRICT', t, '$libdir/migchain', t || '_hash_extended');
	END LOOP;
END $$;

-- Every value of each type: 2 kinds, 4 answers, every country, and the 243
-- conditions (three lights to the power of five).
CREATE TEMP TABLE v_request_kind AS SELECT unnest('{LP,T&O}'::request_kind[]) AS v;
CREATE TEMP TABLE v_answer AS SELECT unnest('{pending,positive,negative,withdrawn}'::answer[]) AS v;
CREATE TEMP TABLE v_country AS SELECT code AS v FROM countries();
CREATE TEMP TABLE v_conditions AS
SELECT conditions(a, b, c, d, e) AS v
  FROM (VALUES (true), (false), (NULL)) AS l1(a), (VALUES (true), (false), (NULL)) AS l2(b),
	   (VALUES (true), (false), (NULL)) AS l3(c), (VALUES (true), (false), (NULL)) AS l4(d),
	   (VALUES (true), (false), (NULL)) AS l5(e);

-- For one type: its values, the values whose hash or 64-bit hash (with seeds
-- 0, 1, -1, 42 and the extremes) differ between the C function and the SQL
-- function, its pairs, and the pairs for which a comparison operator or the
-- btree comparison differs.
CREATE FUNCTION pg_temp.compare(t text, OUT type text, OUT "values" int8, OUT hash_differs int8,
								OUT pairs int8, OUT order_differs int8)
LANGUAGE plpgsql AS $$
BEGIN
	type := t;
	EXECUTE format($q$
		SELECT count(*),
			   count(*) FILTER (WHERE pg_temp.c_%1$s_hash(v) IS DISTINCT FROM migchain.%1$s_hash(v)
				   OR EXISTS (SELECT FROM unnest('{0,1,-1,42,9223372036854775807,-9223372036854775808}'::int8[]) s
							   WHERE pg_temp.c_%1$s_hash_extended(v, s) IS DISTINCT FROM migchain.%1$s_hash_extended(v, s)))
		  FROM v_%1$s$q$, t) INTO "values", hash_differs;
	EXECUTE format($q$
		SELECT count(*),
			   count(*) FILTER (WHERE pg_temp.c_%1$s_lt(a.v, b.v) IS DISTINCT FROM migchain.%1$s_lt(a.v, b.v)
				   OR pg_temp.c_%1$s_le(a.v, b.v) IS DISTINCT FROM migchain.%1$s_le(a.v, b.v)
				   OR pg_temp.c_%1$s_eq(a.v, b.v) IS DISTINCT FROM migchain.%1$s_eq(a.v, b.v)
				   OR pg_temp.c_%1$s_ne(a.v, b.v) IS DISTINCT FROM migchain.%1$s_ne(a.v, b.v)
				   OR pg_temp.c_%1$s_ge(a.v, b.v) IS DISTINCT FROM migchain.%1$s_ge(a.v, b.v)
				   OR pg_temp.c_%1$s_gt(a.v, b.v) IS DISTINCT FROM migchain.%1$s_gt(a.v, b.v)
				   OR pg_temp.c_%1$s_cmp(a.v, b.v) IS DISTINCT FROM migchain.%1$s_cmp(a.v, b.v))
		  FROM v_%1$s a, v_%1$s b$q$, t) INTO pairs, order_differs;
END $$;

SELECT (pg_temp.compare(t)).*
  FROM unnest('{request_kind,answer,country,conditions}'::text[]) WITH ORDINALITY AS u(t, n)
 ORDER BY n;

-- Why answer_cmp, country_cmp and conditions_cmp stay in C: btcharcmp and
-- btint2cmp give the same sign, but the difference of the values, not -1, 0
-- or 1 as the C functions (and the documentation of the _cmp functions) do.
CREATE FUNCTION pg_temp.b_answer_cmp(answer, answer) RETURNS int4 AS 'btcharcmp' LANGUAGE internal IMMUTABLE STRICT;
CREATE FUNCTION pg_temp.b_country_cmp(country, country) RETURNS int4 AS 'btint2cmp' LANGUAGE internal IMMUTABLE STRICT;
CREATE FUNCTION pg_temp.b_conditions_cmp(conditions, conditions) RETURNS int4 AS 'btint2cmp' LANGUAGE internal IMMUTABLE STRICT;
SELECT answer_cmp('pending', 'withdrawn') AS answer_cmp, pg_temp.b_answer_cmp('pending', 'withdrawn') AS btcharcmp,
	   country_cmp('AF', 'NL') AS country_cmp, pg_temp.b_country_cmp('AF', 'NL') AS btint2cmp,
	   conditions_cmp('?????', 'RRRRR') AS conditions_cmp, pg_temp.b_conditions_cmp('?????', 'RRRRR') AS btint2cmp;
SELECT 'answer' AS type, count(*) AS pairs,
	   count(*) FILTER (WHERE sign(pg_temp.b_answer_cmp(a.v, b.v)) <> answer_cmp(a.v, b.v)) AS sign_differs,
	   count(*) FILTER (WHERE pg_temp.b_answer_cmp(a.v, b.v) <> answer_cmp(a.v, b.v)) AS value_differs
  FROM v_answer a, v_answer b
UNION ALL
SELECT 'country', count(*),
	   count(*) FILTER (WHERE sign(pg_temp.b_country_cmp(a.v, b.v)) <> country_cmp(a.v, b.v)),
	   count(*) FILTER (WHERE pg_temp.b_country_cmp(a.v, b.v) <> country_cmp(a.v, b.v))
  FROM v_country a, v_country b
UNION ALL
SELECT 'conditions', count(*),
	   count(*) FILTER (WHERE sign(pg_temp.b_conditions_cmp(a.v, b.v)) <> conditions_cmp(a.v, b.v)),
	   count(*) FILTER (WHERE pg_temp.b_conditions_cmp(a.v, b.v) <> conditions_cmp(a.v, b.v))
  FROM v_conditions a, v_conditions b;

-- Hash indexes, hash joins and hash aggregation work through them.
CREATE TEMP TABLE hashed AS SELECT v FROM v_country;
CREATE INDEX hashed_v ON hashed USING hash (v);
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT v FROM hashed WHERE v = 'NL';
SELECT v FROM hashed WHERE v = 'NL';
RESET enable_seqscan;
RESET enable_bitmapscan;
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM v_country a JOIN hashed b ON a.v = b.v;
SELECT count(*) FROM v_country a JOIN hashed b ON a.v = b.v;
RESET enable_mergejoin;
RESET enable_nestloop;
SELECT count(*) AS groups FROM (SELECT v FROM v_conditions GROUP BY v) g;
