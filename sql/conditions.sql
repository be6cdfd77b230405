-- The type conditions: the five traffic lights before a return.
\pset null '(null)'
-- The operators live in pg_catalog, which is always searched: they need
-- neither migchain on the search_path nor a qualified name.
SELECT 'GGR?G'::migchain.conditions = 'ggr?g' AS equal,
       'GGR?G'::migchain.conditions OPERATOR(pg_catalog.=) 'ggr?g' AS qualified_equal;
SET search_path = public, migchain;
-- The type is fixed-size, two bytes, passed by value, stored plain.
SELECT typlen, typbyval, typalign, typstorage
  FROM pg_type WHERE oid = 'migchain.conditions'::regtype;
--
-- Accepted text forms: G/g green, R/r red, ?/U/u unknown, output always G R ?.
--
SELECT 'GGR?G'::migchain.conditions;
SELECT 'GGGGG'::migchain.conditions;
SELECT 'RRRRR'::migchain.conditions;
SELECT '?????'::migchain.conditions;
SELECT 'ggr?g'::migchain.conditions;
SELECT 'gGrRg'::migchain.conditions;
SELECT 'UUUUU'::migchain.conditions;
SELECT 'uuuuu'::migchain.conditions;
SELECT 'GGRUG'::migchain.conditions;
SELECT 'u?U?u'::migchain.conditions;
SELECT ' GGR?G'::migchain.conditions;
SELECT 'GGR?G '::migchain.conditions;
SELECT '   GGR?G   '::migchain.conditions;
SELECT E'\tGGR?G\n'::migchain.conditions;
SELECT E'\r\nGGR?G\r\n'::migchain.conditions;
SELECT E'\x0bGGR?G\x0c'::migchain.conditions;
SELECT NULL::migchain.conditions;
-- A function-style cast reads the text form too.
SELECT migchain.conditions('RG?GR');
--
-- Bad text input: 22P02, the value quoted, a detail and a hint.
--
SELECT ''::migchain.conditions;
SELECT 'GGRR'::migchain.conditions;
SELECT 'G'::migchain.conditions;
SELECT 'GGRRGG'::migchain.conditions;
SELECT 'GG RRG'::migchain.conditions;
SELECT 'GGXRG'::migchain.conditions;
SELECT 'GGRÖG'::migchain.conditions;
SELECT 'GGRRG x'::migchain.conditions;
-- The same and many more, one per line: input, SQLSTATE, message, detail.
CREATE FUNCTION pg_temp.conditions_error(input text)
RETURNS TABLE (state text, message text, detail text, hint text)
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM input::migchain.conditions;
	state := 'accepted';
	RETURN NEXT;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT,
		detail = PG_EXCEPTION_DETAIL, hint = PG_EXCEPTION_HINT;
	RETURN NEXT;
END
$$;
-- The input is shown quoted, control characters and the no-break space as \uXXXX.
CREATE FUNCTION pg_temp.show(t text) RETURNS text LANGUAGE sql AS $$
	SELECT '''' || coalesce(string_agg(
		CASE WHEN ascii(ch) < 32 OR ascii(ch) IN (127, 160)
			 THEN format('\u%s', lpad(to_hex(ascii(ch)), 4, '0'))
			 ELSE replace(ch, '''', '''''') END, '' ORDER BY i), '') || ''''
	  FROM regexp_split_to_table(t, '') WITH ORDINALITY AS s(ch, i)
	 WHERE ch <> ''
$$;
SELECT pg_temp.show(input) AS input, e.state, e.detail
  FROM (VALUES
	(''),
	(' '),
	(E'\t\n'),
	('G'),
	('GG'),
	('GGR'),
	('GGRR'),
	('GGRR '),
	(' GGRR'),
	('GGRRGG'),
	('GGRRG?'),
	('GGRRGu'),
	('gggggg'),
	('GGGGGGGGGGGGGGGGGGGG'),
	('GGRRGx'),
	('GGRRG x'),
	('GGRRG G'),
	('GGRRG;'),
	('GGRRG!'),
	(E'GGRRG\x01'),
	('GG RRG'),
	(E'GG\tRRG'),
	('G G R ? G'),
	('GGXRG'),
	('ggrrx'),
	('O????'),
	('ooooo'),
	('A????'),
	('YYYYY'),
	('JJJJJ'),
	('NNNNN'),
	('XXXXX'),
	('00000'),
	('11111'),
	('01201'),
	('-----'),
	('.....'),
	('*****'),
	('G-G-R'),
	('G,G,R,?,G'),
	('"GGRRG"'),
	('''GGRRG'''),
	('(GGRRG)'),
	('{GGRRG}'),
	('groen'),
	('green'),
	('GREEN'),
	('RED'),
	('rood'),
	('unknown'),
	('onbekend'),
	('true'),
	('NULL'),
	('GGRÖG'),
	('ÖGRRG'),
	(E'\u00a0GGRRG'),
	(E'GGRR\u00a0G'),
	(E'GGRRG\u00a0'),
	('ＧＧＲＲＧ'),
	('GGR？G')
  ) AS v(input), pg_temp.conditions_error(v.input) AS e;
-- Every rejection has the same message form and hint.
SELECT DISTINCT e.state, regexp_replace(e.message, '".*"', '"..."', 's') AS message, e.hint
  FROM (VALUES (''), ('GGRR'), ('GGRRGG'), ('GG RRG'), ('GGXRG'), ('GGRÖG'), ('GGRRG x'))
	AS v(input), pg_temp.conditions_error(v.input) AS e;
--
-- All 3^5 = 243 values: n is the value's rank in base 3 (digit 0 unknown,
-- 1 green, 2 red; condition 1 most significant); code is the expected
-- stored integer, the same digits in base 4.
--
CREATE TEMP TABLE conditions_all AS
SELECT n, txt, code, txt::migchain.conditions AS c
  FROM (SELECT n,
			   string_agg(substr('?GR', d + 1, 1), '' ORDER BY i) AS txt,
			   sum(d * 4 ^ (5 - i))::int AS code
		  FROM (SELECT n, i, (n / (3 ^ (5 - i))::int) % 3 AS d
				  FROM generate_series(0, 242) AS n, generate_series(1, 5) AS i) AS digits
		 GROUP BY n) AS s;
SELECT count(*), count(DISTINCT c) FROM conditions_all;
SELECT n, txt, code, c FROM conditions_all ORDER BY c LIMIT 5;
SELECT n, txt, code, c FROM conditions_all ORDER BY c DESC LIMIT 5;
-- Text round trip, in every accepted spelling.
SELECT bool_and(c::text = txt) AS text_round_trip,
	   bool_and(lower(txt)::migchain.conditions = c) AS lower_case,
	   bool_and(replace(txt, '?', 'U')::migchain.conditions = c) AS u_for_unknown,
	   bool_and(replace(lower(txt), '?', 'u')::migchain.conditions = c) AS lower_u,
	   bool_and((' ' || txt || E'\n')::migchain.conditions = c) AS with_whitespace,
	   bool_and(txt::text::migchain.conditions::text = txt) AS through_casts
  FROM conditions_all;
-- The binary form is the documented integer, two bytes big-endian.
SELECT bool_and(migchain.conditions_send(c) = int2send(code::int2)) AS send_is_layout
  FROM conditions_all;
-- Order: the integers' order, which is the rank n and the byte order of the text.
SELECT bool_and(r_value = n) AS order_is_rank, bool_and(r_text = n) AS order_is_text_order
  FROM (SELECT n,
			   row_number() OVER (ORDER BY c) - 1 AS r_value,
			   row_number() OVER (ORDER BY txt COLLATE "C") - 1 AS r_text
		  FROM conditions_all) AS r;
-- Every operator and the comparison function agree with the ranks, on all pairs.
SELECT count(*) AS pairs,
	   bool_and((a.c < b.c) = (a.n < b.n)) AS lt,
	   bool_and((a.c <= b.c) = (a.n <= b.n)) AS le,
	   bool_and((a.c = b.c) = (a.n = b.n)) AS eq,
	   bool_and((a.c <> b.c) = (a.n <> b.n)) AS ne,
	   bool_and((a.c >= b.c) = (a.n >= b.n)) AS ge,
	   bool_and((a.c > b.c) = (a.n > b.n)) AS gt,
	   bool_and(migchain.conditions_cmp(a.c, b.c) = sign(a.n - b.n)) AS cmp
  FROM conditions_all AS a, conditions_all AS b;
-- Hashes: seed 0 agrees with the 32-bit hash, other seeds differ, no collisions here.
SELECT bool_and((migchain.conditions_hash_extended(c, 0) & 4294967295)
				= (migchain.conditions_hash(c)::int8 & 4294967295)) AS seed_0_agrees,
	   bool_and(migchain.conditions_hash_extended(c, 0) <> migchain.conditions_hash_extended(c, 1)) AS seed_matters,
	   count(DISTINCT migchain.conditions_hash(c)) AS distinct_hashes
  FROM conditions_all;
-- Accessors against the text form.
SELECT bool_and(migchain.removable(c) IS NOT DISTINCT FROM
				CASE substr(txt, 1, 1) WHEN 'G' THEN true WHEN 'R' THEN false END) AS removable,
	   bool_and(migchain.country_cooperates(c) IS NOT DISTINCT FROM
				CASE substr(txt, 2, 1) WHEN 'G' THEN true WHEN 'R' THEN false END) AS country_cooperates,
	   bool_and(migchain.identity_established(c) IS NOT DISTINCT FROM
				CASE substr(txt, 3, 1) WHEN 'G' THEN true WHEN 'R' THEN false END) AS identity_established,
	   bool_and(migchain.available(c) IS NOT DISTINCT FROM
				CASE substr(txt, 4, 1) WHEN 'G' THEN true WHEN 'R' THEN false END) AS available,
	   bool_and(migchain.person_cooperates(c) IS NOT DISTINCT FROM
				CASE substr(txt, 5, 1) WHEN 'G' THEN true WHEN 'R' THEN false END) AS person_cooperates
  FROM conditions_all;
SELECT bool_and(migchain.light(c, i) = substr(txt, i, 1)) AS light
  FROM conditions_all, generate_series(1, 5) AS i;
-- The constructor: true green, false red, NULL unknown.
SELECT bool_and(migchain.conditions(
			CASE substr(txt, 1, 1) WHEN 'G' THEN true WHEN 'R' THEN false END,
			CASE substr(txt, 2, 1) WHEN 'G' THEN true WHEN 'R' THEN false END,
			CASE substr(txt, 3, 1) WHEN 'G' THEN true WHEN 'R' THEN false END,
			CASE substr(txt, 4, 1) WHEN 'G' THEN true WHEN 'R' THEN false END,
			CASE substr(txt, 5, 1) WHEN 'G' THEN true WHEN 'R' THEN false END) = c) AS constructor
  FROM conditions_all;
-- Counts, lists and returnable.
SELECT bool_and(migchain.green_count(c) = length(txt) - length(replace(txt, 'G', ''))) AS green_count,
	   bool_and(migchain.red_count(c) = length(txt) - length(replace(txt, 'R', ''))) AS red_count,
	   bool_and(migchain.unknown_count(c) = length(txt) - length(replace(txt, '?', ''))) AS unknown_count,
	   bool_and(migchain.red_conditions(c) = ARRAY(
			SELECT migchain.condition_name(i) FROM generate_series(1, 5) AS i
			 WHERE substr(txt, i, 1) = 'R' ORDER BY i)) AS red_conditions,
	   bool_and(migchain.unknown_conditions(c) = ARRAY(
			SELECT migchain.condition_name(i) FROM generate_series(1, 5) AS i
			 WHERE substr(txt, i, 1) = '?' ORDER BY i)) AS unknown_conditions,
	   bool_and(migchain.first_red(c) IS NOT DISTINCT FROM
				migchain.condition_name(nullif(strpos(txt, 'R'), 0))) AS first_red,
	   bool_and(migchain.returnable(c) = (txt = 'GGGGG')) AS returnable,
	   count(*) FILTER (WHERE migchain.returnable(c)) AS returnable_values,
	   count(*) FILTER (WHERE migchain.first_red(c) IS NULL) AS values_without_red
  FROM conditions_all;
-- The setter, for every value, condition and light.
SELECT count(*) AS settings,
	   bool_and(migchain.set_condition(c, i, v)::text =
				overlay(txt PLACING CASE WHEN v THEN 'G' WHEN NOT v THEN 'R' ELSE '?' END
						FROM i FOR 1)) AS set_condition
  FROM conditions_all, generate_series(1, 5) AS i, (VALUES (true), (false), (NULL)) AS l(v);
--
-- Binary round trip through COPY (FORMAT binary).
--
SELECT '/tmp/migchain-regress-conditions-' || pg_backend_pid() || '.bin' AS copyfile,
	   'rm -f /tmp/migchain-regress-conditions-' || pg_backend_pid() || '.bin' AS rmfile \gset
COPY (SELECT n, c FROM conditions_all ORDER BY n) TO :'copyfile' (FORMAT binary);
CREATE TEMP TABLE conditions_copy (n int, c migchain.conditions);
COPY conditions_copy FROM :'copyfile' (FORMAT binary);
SELECT count(*) AS rows, bool_and(a.c = b.c) AS same
  FROM conditions_all AS a JOIN conditions_copy AS b USING (n);
-- Binary input checks what text input checks: a two-byte integer whose
-- pairs hold 0, 1 or 2 and whose bits above the lowest ten are clear.
CREATE TEMP TABLE conditions_wire (c migchain.conditions);
COPY (SELECT 341::int2) TO :'copyfile' (FORMAT binary);
COPY conditions_wire FROM :'copyfile' (FORMAT binary);
SELECT c FROM conditions_wire;
COPY (SELECT 3::int2) TO :'copyfile' (FORMAT binary);
COPY conditions_wire FROM :'copyfile' (FORMAT binary);
COPY (SELECT 768::int2) TO :'copyfile' (FORMAT binary);
COPY conditions_wire FROM :'copyfile' (FORMAT binary);
COPY (SELECT 683::int2) TO :'copyfile' (FORMAT binary);
COPY conditions_wire FROM :'copyfile' (FORMAT binary);
COPY (SELECT 1023::int2) TO :'copyfile' (FORMAT binary);
COPY conditions_wire FROM :'copyfile' (FORMAT binary);
COPY (SELECT 1024::int2) TO :'copyfile' (FORMAT binary);
COPY conditions_wire FROM :'copyfile' (FORMAT binary);
COPY (SELECT (-32768)::int2) TO :'copyfile' (FORMAT binary);
COPY conditions_wire FROM :'copyfile' (FORMAT binary);
COPY (SELECT (-1)::int2) TO :'copyfile' (FORMAT binary);
COPY conditions_wire FROM :'copyfile' (FORMAT binary);
-- Too few bytes, too many bytes: 22P03 as any bad value (never the
-- connection class's 08P01 of a read past the end).
COPY (SELECT true) TO :'copyfile' (FORMAT binary);
COPY conditions_wire FROM :'copyfile' (FORMAT binary);
\set VERBOSITY sqlstate
COPY conditions_wire FROM :'copyfile' (FORMAT binary);
\set VERBOSITY default
COPY (SELECT 341::int4) TO :'copyfile' (FORMAT binary);
COPY conditions_wire FROM :'copyfile' (FORMAT binary);
SELECT count(*) AS rows_after_rejections FROM conditions_wire;
COPY (SELECT 1 WHERE false) TO PROGRAM :'rmfile';
-- Pinned bytes of the binary form.
SELECT migchain.conditions_send('GGR?G');
SELECT migchain.conditions_send('?????');
SELECT migchain.conditions_send('GGGGG');
SELECT migchain.conditions_send('RRRRR');
SELECT migchain.conditions_send('R????');
SELECT migchain.conditions_send('????R');
--
-- Functions one by one.
--
SELECT migchain.conditions(true, true, false, NULL, true);
SELECT migchain.conditions(true, true, true, true, true);
SELECT migchain.conditions(false, false, false, false, false);
SELECT migchain.conditions(NULL, NULL, NULL, NULL, NULL);
SELECT migchain.conditions(removable => true, country_cooperates => false,
						   identity_established => NULL, available => true,
						   person_cooperates => true);
SELECT migchain.removable('GGR?G'), migchain.country_cooperates('GGR?G'),
	   migchain.identity_established('GGR?G'), migchain.available('GGR?G'),
	   migchain.person_cooperates('GGR?G');
SELECT migchain.removable(NULL);
SELECT migchain.light('GGR?G', 1), migchain.light('GGR?G', 3), migchain.light('GGR?G', 4);
SELECT migchain.light(NULL, 1);
SELECT migchain.light('GGR?G', NULL);
SELECT migchain.light('GGR?G', 0);
SELECT migchain.light('GGR?G', 6);
SELECT migchain.light('GGR?G', -2147483648);
SELECT migchain.condition_name(1), migchain.condition_name(2), migchain.condition_name(3),
	   migchain.condition_name(4), migchain.condition_name(5);
SELECT migchain.condition_name(0);
SELECT migchain.returnable('GGGGG'), migchain.returnable('GGGG?'), migchain.returnable('RGGGG');
SELECT migchain.red_conditions('GRRGR'), migchain.red_conditions('GGGGG'), migchain.red_conditions('RRRRR');
SELECT migchain.unknown_conditions('?G?G?'), migchain.unknown_conditions('GGGGG');
SELECT migchain.first_red('GG?RR'), migchain.first_red('GG?GG'), migchain.first_red('R????');
SELECT migchain.green_count('GGR?G'), migchain.red_count('GGR?G'), migchain.unknown_count('GGR?G');
SELECT migchain.set_condition('GGR?G', 3, true);
SELECT migchain.set_condition('GGR?G', 4, false);
SELECT migchain.set_condition('GGR?G', 1, NULL);
SELECT migchain.set_condition('GGR?G', 5, true);
SELECT migchain.set_condition(NULL, 1, true);
SELECT migchain.set_condition('GGR?G', NULL, true);
SELECT migchain.set_condition('GGR?G', 0, true);
SELECT migchain.set_condition('GGR?G', 6, NULL);
-- Operators one by one.
SELECT 'GGR?G'::migchain.conditions < 'GGRGG', '?????'::migchain.conditions < 'GGGGG',
	   'GGGGG'::migchain.conditions < 'RRRRR', 'RG???'::migchain.conditions > 'GRRRR',
	   'gg?rr'::migchain.conditions = 'GGURR', 'GGGGG'::migchain.conditions <> 'GGGGR',
	   'GGGGG'::migchain.conditions <= 'GGGGG', 'GGGGG'::migchain.conditions >= 'GGGG?';
-- Casts to and from text.
SELECT castsource::regtype, casttarget::regtype, castcontext, castmethod
  FROM pg_cast
 WHERE castsource = 'migchain.conditions'::regtype OR casttarget = 'migchain.conditions'::regtype
 ORDER BY 1, 2;
SELECT 'gg?rr'::text::migchain.conditions, pg_typeof('GGR?G'::migchain.conditions::text);
CREATE TEMP TABLE conditions_as_text (t text);
INSERT INTO conditions_as_text VALUES ('ggurr'::migchain.conditions);
SELECT t FROM conditions_as_text;
SELECT 'GGRRX'::text::migchain.conditions;
--
-- Indexes: btree for order and ranges, hash for equality; both checked.
--
CREATE TABLE conditions_regress_cases (id serial, c migchain.conditions);
INSERT INTO conditions_regress_cases (c)
SELECT c FROM conditions_all, generate_series(1, 20);
CREATE INDEX conditions_regress_btree ON conditions_regress_cases (c);
ANALYZE conditions_regress_cases;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM conditions_regress_cases WHERE c = 'GGGGG';
SELECT count(*) FROM conditions_regress_cases WHERE c = 'GGGGG';
EXPLAIN (COSTS OFF) SELECT count(*) FROM conditions_regress_cases WHERE c >= 'GGGGG' AND c < 'GGR??';
SELECT count(*) FROM conditions_regress_cases WHERE c >= 'GGGGG' AND c < 'GGR??';
EXPLAIN (COSTS OFF) SELECT DISTINCT c FROM conditions_regress_cases ORDER BY c LIMIT 3;
SELECT DISTINCT c FROM conditions_regress_cases ORDER BY c LIMIT 3;
SELECT DISTINCT c FROM conditions_regress_cases ORDER BY c DESC LIMIT 3;
SELECT bt_index_check('conditions_regress_btree', true);
SELECT bt_index_parent_check('conditions_regress_btree', true);
DROP INDEX conditions_regress_btree;
CREATE INDEX conditions_regress_hash ON conditions_regress_cases USING hash (c);
EXPLAIN (COSTS OFF) SELECT count(*) FROM conditions_regress_cases WHERE c = 'GGR?G';
SELECT count(*) FROM conditions_regress_cases WHERE c = 'GGR?G';
RESET enable_seqscan;
-- Hash aggregation and hash joins use the hash operator class.
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT c, count(*) FROM conditions_regress_cases GROUP BY c;
SELECT count(*) AS groups, min(n), max(n)
  FROM (SELECT c, count(*) AS n FROM conditions_regress_cases GROUP BY c) AS g;
RESET enable_sort;
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM conditions_regress_cases JOIN conditions_all USING (c);
SELECT count(*) FROM conditions_regress_cases JOIN conditions_all USING (c);
RESET enable_mergejoin;
SET enable_hashjoin = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM conditions_regress_cases JOIN conditions_all USING (c);
SELECT count(*) FROM conditions_regress_cases JOIN conditions_all USING (c);
RESET enable_hashjoin;
RESET enable_nestloop;
DROP TABLE conditions_regress_cases;
--
-- Catalog: every function is commented, and volatility and strictness are as documented.
--
SELECT p.oid::regprocedure AS function, p.provolatile AS volatile, p.proisstrict AS strict,
	   p.proparallel AS parallel, obj_description(p.oid, 'pg_proc') IS NOT NULL AS commented
  FROM pg_proc AS p
 WHERE p.pronamespace = 'migchain'::regnamespace
   AND ('migchain.conditions'::regtype = ANY (p.proargtypes)
		OR p.prorettype = 'migchain.conditions'::regtype
		OR p.proname = 'condition_name')
 ORDER BY p.oid::regprocedure::text;
SELECT o.oid::regoperator AS operator, obj_description(o.oid, 'pg_operator') IS NOT NULL AS commented
  FROM pg_operator AS o
 WHERE o.oprleft = 'migchain.conditions'::regtype
 ORDER BY o.oid::regoperator::text;
SELECT opcname, amname, opcdefault, obj_description(c.oid, 'pg_opclass') IS NOT NULL AS commented
  FROM pg_opclass AS c JOIN pg_am AS a ON a.oid = c.opcmethod
 WHERE opcintype = 'migchain.conditions'::regtype
 ORDER BY 1, 2;
RESET search_path;
