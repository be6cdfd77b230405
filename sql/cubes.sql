-- The cube types request_cube and person_cube: text and binary forms, and
-- every way a value can fail to be a cube.
SET search_path = public, migchain;

-- Text form: cells in braces; white space around the parts does not matter.
SELECT '{}'::request_cube;
SELECT ' { ( 2018 , LP , MA , 0 , 5 , 1 , 2 ) , (2018,T&O,MA,1,0,0,0),(2019,LP,XXA,0,0,0,1) } '::request_cube;
-- Kinds and countries as their text input reads them, printed as codes.
SELECT '{(2018,laissez-passer,MAR,0,5,1,2),(2018,terugname,504,1,0,0,0)}'::request_cube;
SELECT '{(1950,LP,YUCS,1,0,0,0),(2199,T&O,XK,0,0,0,9223372036854775807)}'::request_cube;
SELECT '{}'::person_cube;
SELECT ' {(2018,LP,120,100,3), (2018,T&O,80,75,0)} '::person_cube;

-- Not a cube: one error per line.
SELECT ''::request_cube;
SELECT '(2018,LP,MA,0,5,1,2)'::request_cube;
SELECT '{'::request_cube;
SELECT '{(2018,LP,MA,0,5,1,2)'::request_cube;
SELECT '{(2018,LP,MA,0,5,1,2)} x'::request_cube;
SELECT '{(2018,LP,MA,0,5,1,2),}'::request_cube;
SELECT '{(2018,LP,MA,0,5,1,2)(2019,LP,MA,0,5,1,2)}'::request_cube;
SELECT '{(2018,LP,MA,0,5,1)}'::request_cube;
SELECT '{(2018,LP,MA,0,5,1,2,3)}'::request_cube;
SELECT '{(2018,LP,,0,5,1,2)}'::request_cube;
SELECT '{(1949,LP,MA,0,5,1,2)}'::request_cube;
SELECT '{(2200,LP,MA,0,5,1,2)}'::request_cube;
SELECT '{(-2018,LP,MA,0,5,1,2)}'::request_cube;
SELECT '{(2018,XX,MA,0,5,1,2)}'::request_cube;
SELECT '{(2018,LP,Atlantis,0,5,1,2)}'::request_cube;
SELECT '{(2018,LP,MA,0,-5,1,2)}'::request_cube;
SELECT '{(2018,LP,MA,0,9223372036854775808,1,2)}'::request_cube;
SELECT '{(2018,LP,MA,0,0,0,0)}'::request_cube;
SELECT '{(2018,LP,MA,0,5,1,2),(2018,LP,MA,1,0,0,0)}'::request_cube;
SELECT '{(2018,T&O,MA,0,5,1,2),(2018,LP,MA,1,0,0,0)}'::request_cube;
SELECT '{(2019,LP,MA,0,5,1,2),(2018,LP,MA,1,0,0,0)}'::request_cube;
SELECT '{(2018,LP,NL,0,5,1,2),(2018,LP,MA,1,0,0,0)}'::request_cube;
SELECT '{(2018,LP,5,3,2),(2018,LP,1,1,0)}'::person_cube;
SELECT '{(2018,LP,5,0,0)}'::person_cube;
SELECT '{(2018,LP,0,0,0)}'::person_cube;
SELECT '{(2018,LP,2,3,0)}'::person_cube;
SELECT '{(2018,LP,3,2,2)}'::person_cube;
SELECT '{(2018,LP,3,2,1,0)}'::person_cube;
SELECT '{(1900,LP,3,2,1)}'::person_cube;

-- Binary form, pinned: the number of cells, then per cell year, kind,
-- country (as country_send writes it) and the four counts.
SELECT request_cube_send('{(2018,T&O,MA,1,2,3,4)}');
SELECT country_send('MA');
SELECT person_cube_send('{(2018,LP,5,3,2)}');

-- Round trips of the aggregates' results through text and binary COPY.
CREATE TABLE cube_rt (id int, r request_cube, p person_cube);
INSERT INTO cube_rt VALUES
  (1, '{}', '{}'),
  (2, '{(2018,LP,MA,0,5,1,2),(2018,T&O,MA,1,0,0,0),(2019,LP,XXA,0,0,0,1)}',
      '{(2018,LP,120,100,3),(2018,T&O,80,75,0)}'),
  (3, (SELECT request_cube(d.kind, d.answer, d.country, d.presented_on) FROM demo_requests(3, 0.05, 2017, 2022) d),
      (SELECT person_cube(d.kind, d.country, d.person_id, d.presented_on) FROM demo_requests(3, 0.05, 2017, 2022) d));
SELECT id, r::text::request_cube::text = r::text AS request_text,
       p::text::person_cube::text = p::text AS person_text FROM cube_rt ORDER BY id;
COPY cube_rt TO '/tmp/migchain_cube_rt.bin' (FORMAT binary);
CREATE TABLE cube_rt2 (LIKE cube_rt);
COPY cube_rt2 FROM '/tmp/migchain_cube_rt.bin' (FORMAT binary);
SELECT a.id, a.r::text = b.r::text AS request_binary, a.p::text = b.p::text AS person_binary
  FROM cube_rt a JOIN cube_rt2 b USING (id) ORDER BY a.id;
-- The demo's cube unpacks to the demo's counts.
SELECT (SELECT sum(total(c.tally)) FROM cube_rt, request_cube_by_country(cube_rt.r) c WHERE id = 3)
       = (SELECT count(*) FROM demo_requests(3, 0.05, 2017, 2022)) AS every_request_counted;

-- Binary input is checked as text input is: a binary COPY file of one row
-- of one field, made by hand.
CREATE FUNCTION pg_temp.recv(typ regtype, field bytea) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	lo oid := lo_from_bytea(0, '\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
							|| '\x0001'::bytea || int4send(length(field)) || field || '\xffff'::bytea);
	result text;
BEGIN
	PERFORM lo_export(lo, '/tmp/migchain_cube_bad.bin');
	PERFORM lo_unlink(lo);
	EXECUTE format('CREATE TEMP TABLE cube_in (c %s)', typ);
	BEGIN
		COPY cube_in FROM '/tmp/migchain_cube_bad.bin' (FORMAT binary);
		SELECT c::text INTO result FROM cube_in;
	EXCEPTION WHEN OTHERS THEN
		DROP TABLE cube_in;
		RAISE;
	END;
	DROP TABLE cube_in;
	RETURN result;
END
$$;
\set SHOW_CONTEXT never
SELECT pg_temp.recv('request_cube', request_cube_send('{(2018,T&O,MA,1,2,3,4)}'));
SELECT pg_temp.recv('request_cube', '\x000000');
SELECT pg_temp.recv('request_cube', int4send(2) || '\x07e2010219000000000000000100000000000000020000000000000003000000000000000400');
SELECT pg_temp.recv('request_cube', int4send(-1));
-- year 1949; kind 2; country 0 and an unassigned code; a negative count; no
-- requests; two cells out of order.
SELECT pg_temp.recv('request_cube', int4send(1) || int2send(1949::int2) || '\x01'::bytea || country_send('MA')
  || int8send(1) || int8send(0) || int8send(0) || int8send(0));
SELECT pg_temp.recv('request_cube', int4send(1) || int2send(2018::int2) || '\x02'::bytea || country_send('MA')
  || int8send(1) || int8send(0) || int8send(0) || int8send(0));
SELECT pg_temp.recv('request_cube', int4send(1) || int2send(2018::int2) || '\x01'::bytea || int2send(0::int2)
  || int8send(1) || int8send(0) || int8send(0) || int8send(0));
SELECT pg_temp.recv('request_cube', int4send(1) || int2send(2018::int2) || '\x01'::bytea || int2send(1::int2)
  || int8send(1) || int8send(0) || int8send(0) || int8send(0));
SELECT pg_temp.recv('request_cube', int4send(1) || int2send(2018::int2) || '\x01'::bytea || country_send('MA')
  || int8send(1) || int8send(-1) || int8send(0) || int8send(0));
SELECT pg_temp.recv('request_cube', int4send(1) || int2send(2018::int2) || '\x01'::bytea || country_send('MA')
  || int8send(0) || int8send(0) || int8send(0) || int8send(0));
SELECT pg_temp.recv('request_cube', int4send(2)
  || int2send(2018::int2) || '\x01'::bytea || country_send('MA') || int8send(1) || int8send(0) || int8send(0) || int8send(0)
  || int2send(2018::int2) || '\x00'::bytea || country_send('MA') || int8send(1) || int8send(0) || int8send(0) || int8send(0));
SELECT pg_temp.recv('person_cube', person_cube_send('{(2018,LP,5,3,2)}'));
SELECT pg_temp.recv('person_cube', '\x00');
SELECT pg_temp.recv('person_cube', int4send(1) || int2send(2018::int2) || '\x00'::bytea || int8send(5) || int8send(3));
SELECT pg_temp.recv('person_cube', int4send(1) || int2send(2018::int2) || '\x00'::bytea
  || int8send(5) || int8send(6) || int8send(0));
SELECT pg_temp.recv('person_cube', int4send(1) || int2send(2018::int2) || '\x03'::bytea
  || int8send(5) || int8send(3) || int8send(0));
SELECT pg_temp.recv('person_cube', int4send(2)
  || int2send(2019::int2) || '\x00'::bytea || int8send(5) || int8send(3) || int8send(0)
  || int2send(2018::int2) || '\x00'::bytea || int8send(5) || int8send(3) || int8send(0));
\set SHOW_CONTEXT errors

DROP TABLE cube_rt, cube_rt2;
COPY (SELECT 1 WHERE false) TO PROGRAM 'rm -f /tmp/migchain_cube_rt.bin /tmp/migchain_cube_bad.bin';
