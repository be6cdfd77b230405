-- What a new user does first, with no settings of their own: load from a
-- staging table of text or varchar columns, and call the period functions
-- with the schema on the search path as the docs suggest.  Nothing here
-- sets search_path or casts to migchain's types.
SHOW search_path;

-- The operators of migchain's types need no search_path: they are in
-- pg_catalog, which name lookup always searches.
SELECT 'MA'::migchain.country = 'Marokko' AS country_equal,
       'GGR?G'::migchain.conditions < 'RRRRR' AS conditions_less,
       'LP'::migchain.request_kind <> 'T&O' AS kind_differs,
       'pending=1, positive=0, negative=0, withdrawn=0'::migchain.tally
         + 'pending=0, positive=1, negative=0, withdrawn=0' AS tally_sum;
-- Whatever path a client sets.
CREATE SCHEMA elsewhere;
SET search_path = elsewhere;
SELECT 'positief'::migchain.answer = 'positive' AS answer_equal,
       'MOB'::migchain.case_outcome = 'unsupervised' AS outcome_equal,
       'court'::migchain.detention_exit > 'departure' AS exit_greater;
RESET search_path;
DROP SCHEMA elsewhere;
-- They are the operators of the types' operator classes: an index serves them.
CREATE TABLE countries_seen (c migchain.country);
CREATE INDEX ON countries_seen (c);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM countries_seen WHERE c = 'MA';
RESET enable_seqscan;
DROP TABLE countries_seen;

-- Loading from text columns: every type reads text in assignment.
CREATE TABLE staging_text (kind text, answer text, country text, presented_on date,
                           person_id int8, answered_on date);
INSERT INTO staging_text VALUES
  ('T&O', 'negatief', 'Marokko', '2021-03-01', 901, '2021-04-01'),
  ('laissez-passer', 'Ingetrokken (Geen antwoord verkregen)', 'DZA', '2021-05-02', 902, '2022-05-02'),
  ('LP', 'pending', '504', '2021-06-03', 903, NULL);
INSERT INTO migchain.request (kind, answer, country, presented_on, person_id, answered_on, request_id)
SELECT kind, answer, country, presented_on, person_id, answered_on, person_id
  FROM staging_text;
-- ... and from varchar columns.
CREATE TABLE staging_varchar (kind varchar(20), answer varchar(40), country varchar(60),
                              presented_on date, person_id int8, answered_on date);
INSERT INTO staging_varchar VALUES ('TO', 'positief', 'Algerije', '2021-07-04', 904, '2021-08-01');
INSERT INTO migchain.request (kind, answer, country, presented_on, person_id, answered_on, request_id)
SELECT kind, answer, country, presented_on, person_id, answered_on, person_id
  FROM staging_varchar;
SELECT request_id, kind, answer, country, presented_on FROM migchain.request
 WHERE request_id BETWEEN 901 AND 904 ORDER BY request_id;
SELECT count(*) FROM migchain.request WHERE country = 'MA' AND kind = 'LP' AND answer = 'pending';
-- A bad value names itself, as in text input.
INSERT INTO migchain.request (kind, answer, country, presented_on, person_id)
SELECT 'LP', 'pending', country, '2021-01-01', 905 FROM (VALUES ('Atlantis'::varchar)) v(country);

-- The other types read text and varchar in assignment too.
CREATE TABLE typed (c migchain.conditions, t migchain.tally);
INSERT INTO typed SELECT v.c, v.t FROM (VALUES ('GGR?G'::text,
  'pending=0, positive=5, negative=1, withdrawn=2'::text)) v(c, t);
INSERT INTO typed SELECT v.c, v.t FROM (VALUES ('rrrrr'::varchar,
  'lopend=1, positief=0, negatief=0, ingetrokken=0'::varchar)) v(c, t);
SELECT c, t FROM typed ORDER BY c;
DROP TABLE typed;

-- With the schema on the search path, the period function for sheets 2 and
-- 3 is not confused with the tally accessor of the same meaning.
SET search_path = "$user", public, migchain;
SELECT count(*) > 0 AS has_rows FROM not_confirmed_by_country('LP');
SELECT not_confirmed('pending=1, positive=2, negative=3, withdrawn=4');
RESET search_path;

DELETE FROM migchain.request WHERE request_id BETWEEN 901 AND 905;
DROP TABLE staging_text, staging_varchar;
