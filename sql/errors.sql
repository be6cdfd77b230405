SET search_path = public, migchain;
-- Errors of docs/errors.md that the tests of the types and the requests do
-- not reach.  Rows get explicit ids, so no sequence moves: other tests print
-- route and request numbers.
SET migchain.language = 'en';

-- A request count that would pass 2^63 - 1: two countries' cells of one
-- year, kind and answer summed by request_cube_by_year.
SELECT * FROM migchain.request_cube_by_country('{(2020,LP,NL,0,9223372036854775807,0,0),(2020,LP,NO,0,1,0,0)}');
SELECT * FROM migchain.request_cube_by_year('{(2020,LP,NL,0,9223372036854775807,0,0),(2020,LP,NO,0,1,0,0)}');

-- The demo's arguments.
SELECT count(*) FROM migchain.demo_requests(1, 0, 2017, 2022);
SELECT count(*) FROM migchain.demo_requests(1, -1, 2017, 2022);
SELECT count(*) FROM migchain.demo_requests(1, 'NaN', 2017, 2022);
SELECT count(*) FROM migchain.demo_requests(1, 10001, 2017, 2022);
SELECT count(*) FROM migchain.demo_requests(1, 1, 1949, 2022);
SELECT count(*) FROM migchain.demo_requests(1, 1, 2017, 2200);
SELECT count(*) FROM migchain.demo_requests(1, 1, 2022, 2017);
SELECT count(*) FROM migchain.demo_requests(1, 0.001, 2020, 2020);
-- generate_demo fills empty tables only.
INSERT INTO migchain.request (request_id, kind, country, presented_on, person_id)
  VALUES (9000001, 'LP', 'MA', '2020-01-01', 1);
SELECT migchain.generate_demo(1, 0.01);
-- A request number that is taken.
INSERT INTO migchain.request (request_id, kind, country, presented_on, person_id)
  VALUES (9000001, 'T&O', 'AL', '2021-01-01', 2);
SELECT count(*) FROM migchain.request;
TRUNCATE migchain.request;

-- Routes: a reply deadline from 1 to 366 days; a route number that is taken.
INSERT INTO migchain.country_route (route_id, country, kind, valid_from, has_process, reply_deadline, deadline_unit)
  VALUES (9000001, 'TN', 'LP', '2020-01-01', true, 0, 'calendar_days');
INSERT INTO migchain.country_route (route_id, country, kind, valid_from, has_process, reply_deadline, deadline_unit)
  VALUES (9000001, 'TN', 'LP', '2020-01-01', true, 367, 'calendar_days');
INSERT INTO migchain.country_route (route_id, country, kind, valid_from, has_process, reply_deadline, deadline_unit)
  VALUES (9000001, 'TN', 'LP', '2020-01-01', true, 366, 'calendar_days');
INSERT INTO migchain.country_route (route_id, country, kind, valid_from, has_process)
  VALUES (9000001, 'TN', 'T&O', '2020-01-01', true);
-- The overlap is checked for an UPDATE too.
INSERT INTO migchain.country_route (route_id, country, kind, valid_from, valid_to, has_process)
  VALUES (9000002, 'TN', 'T&O', '2019-01-01', '2021-01-01', true);
UPDATE migchain.country_route SET kind = 'LP' WHERE route_id = 9000002;
UPDATE migchain.country_route SET valid_to = '2020-01-01' WHERE route_id = 9000002;
UPDATE migchain.country_route SET kind = 'LP' WHERE route_id = 9000002;
-- Overlaps within one statement: a multi-row INSERT, COPY (as a restore
-- loads the rows).  Two routes that start on the same day get another hint.
INSERT INTO migchain.country_route (route_id, country, kind, valid_from, valid_to, has_process) VALUES
  (9000003, 'DZ', 'LP', '2018-01-01', '2020-01-01', true),
  (9000004, 'DZ', 'LP', '2019-06-01', NULL, true);
COPY migchain.country_route (route_id, country, kind, valid_from, valid_to, has_process) FROM stdin;
9000003	DZ	LP	2018-01-01	2020-01-01	t
9000004	DZ	LP	2018-01-01	\N	t
\.
COPY migchain.country_route (route_id, country, kind, valid_from, valid_to, has_process) FROM stdin;
9000003	DZ	LP	2018-01-01	2020-01-01	t
9000004	DZ	LP	2020-01-01	\N	t
\.
-- The check runs after the statement, on the rows as it left them: one
-- UPDATE may move the day one route ends and the next one starts, where
-- moving the end first, in an UPDATE of its own, makes the routes overlap.
UPDATE migchain.country_route SET valid_to = '2021-01-01' WHERE route_id = 9000003;
UPDATE migchain.country_route
   SET valid_to = CASE WHEN route_id = 9000003 THEN '2021-01-01' ELSE valid_to END,
       valid_from = CASE WHEN route_id = 9000004 THEN '2021-01-01' ELSE valid_from END
 WHERE route_id IN (9000003, 9000004);
-- Moving a route to another country or kind is checked there.
UPDATE migchain.country_route SET country = 'TN', kind = 'LP' WHERE route_id = 9000004;
UPDATE migchain.country_route SET country = 'TN', kind = 'T&O' WHERE route_id = 9000004;
-- A deleted route frees its period.
INSERT INTO migchain.country_route (route_id, country, kind, valid_from, has_process)
  VALUES (9000005, 'DZ', 'LP', '2019-01-01', true);
DELETE FROM migchain.country_route WHERE route_id = 9000003;
INSERT INTO migchain.country_route (route_id, country, kind, valid_from, has_process)
  VALUES (9000005, 'DZ', 'LP', '2019-01-01', true);
SELECT route_id, country, kind, valid_from, valid_to, reply_deadline FROM migchain.country_route ORDER BY route_id;
-- generate_demo refuses routes that are there, too.
SELECT migchain.generate_demo(1, 0.01);
TRUNCATE migchain.country_route;

-- The functions of the routes' triggers serve those triggers only: attached
-- to another table they refuse to run (they would lock and read it).
CREATE TEMP TABLE my_routes (country migchain.country, kind migchain.request_kind,
  valid_from date, valid_to date, route_id int8);
CREATE TRIGGER my_lock BEFORE INSERT ON my_routes
  FOR EACH STATEMENT EXECUTE FUNCTION migchain.country_route_lock();
INSERT INTO my_routes VALUES ('MA', 'LP', '2020-01-01', NULL, 1);
DROP TRIGGER my_lock ON my_routes;
CREATE TRIGGER my_check AFTER INSERT ON my_routes
  FOR EACH ROW EXECUTE FUNCTION migchain.country_route_check_overlap();
INSERT INTO my_routes VALUES ('MA', 'LP', '2020-01-01', NULL, 1);
DROP TABLE my_routes;
SELECT migchain.country_route_lock();

-- So does the function of the rollup's triggers: it serves the statement
-- triggers on migchain.request only (it would count another table's rows
-- into the rollup), not another table with the same columns, nor a row
-- trigger, nor a statement trigger without its transition table.
CREATE TEMP TABLE request (LIKE migchain.request);
CREATE TRIGGER my_rollup AFTER INSERT ON request REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION migchain.request_rollup_maintain();
INSERT INTO request (request_id, kind, answer, country, presented_on, person_id) VALUES (9000010, 'LP', 'pending', 'MA', '2020-01-01', 1);
DROP TABLE request;
CREATE TRIGGER my_rollup AFTER INSERT ON migchain.request
  FOR EACH ROW EXECUTE FUNCTION migchain.request_rollup_maintain();
INSERT INTO migchain.request (request_id, kind, country, presented_on, person_id) VALUES (9000010, 'LP', 'MA', '2020-01-01', 1);
DROP TRIGGER my_rollup ON migchain.request;
CREATE TRIGGER my_rollup AFTER INSERT ON migchain.request
  FOR EACH STATEMENT EXECUTE FUNCTION migchain.request_rollup_maintain();
INSERT INTO migchain.request (request_id, kind, country, presented_on, person_id) VALUES (9000010, 'LP', 'MA', '2020-01-01', 1);
DROP TRIGGER my_rollup ON migchain.request;
SELECT count(*) AS requests FROM migchain.request;
-- The row trigger for logical replication likewise: a row trigger on
-- migchain.request only, not on another table, nor a statement trigger.
CREATE TEMP TABLE request (LIKE migchain.request);
CREATE TRIGGER my_apply AFTER INSERT ON request
  FOR EACH ROW EXECUTE FUNCTION migchain.request_rollup_apply();
INSERT INTO request (request_id, kind, answer, country, presented_on, person_id) VALUES (9000010, 'LP', 'pending', 'MA', '2020-01-01', 1);
DROP TABLE request;
CREATE TRIGGER my_apply AFTER INSERT ON migchain.request
  FOR EACH STATEMENT EXECUTE FUNCTION migchain.request_rollup_apply();
INSERT INTO migchain.request (request_id, kind, country, presented_on, person_id) VALUES (9000010, 'LP', 'MA', '2020-01-01', 1);
DROP TRIGGER my_apply ON migchain.request;
SELECT count(*) AS requests FROM migchain.request;
-- And the guard of the rollup against replicated counts: a BEFORE row
-- trigger on migchain.request_rollup only.
CREATE TEMP TABLE request_rollup (LIKE migchain.request_rollup);
CREATE TRIGGER my_guard BEFORE INSERT ON request_rollup
  FOR EACH ROW EXECUTE FUNCTION migchain.request_rollup_guard();
INSERT INTO request_rollup VALUES (2020, 'LP', 'MA', 1, 0, 0, 0, false);
DROP TABLE request_rollup;

RESET migchain.language;
