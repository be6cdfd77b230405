-- As an analyst: psql -X -v ON_ERROR_STOP=1 -f read.sql
-- Every type in its text form: the label of an answer follows migchain.language.
SELECT 'terugname en overname'::migchain.request_kind AS kind,
       'Ingetrokken (Geen antwoord verkregen)'::migchain.answer AS answer,
       'Marokko'::migchain.country AS country,
       'GGR?G'::migchain.conditions AS conditions,
       migchain.tally(1, 2, 3, 4) AS tally;

-- LP requests to Morocco presented in 2018 and 2019, with their answers so far.
SELECT c.year, c.kind, c.country, c.tally
  FROM migchain.period_cube(2018, 2019, 'laissez-passer') AS p(cube),
       migchain.request_cube_by_country(p.cube) AS c
 WHERE c.country = 'MA'
 ORDER BY c.year;

-- The same answer in English.
SET migchain.language = 'en';
SELECT 'Ingetrokken (Geen antwoord verkregen)'::migchain.answer AS answer;
