-- Federation, what one database shows (docs/federation.md): the national
-- views and their member state, the role a hub logs in as, and the hub's
-- checks that need no second server.  test/t/070_federation.pl runs a hub
-- with two national databases.
SET search_path = public, migchain;
SET migchain.language = 'en';
TRUNCATE migchain.request, migchain.load_batch RESTART IDENTITY;

SELECT migchain.federation_format();

-- No member state yet: the views refuse, also with no requests.
SELECT count(*) FROM migchain.federation_counters;
SELECT count(*) FROM migchain.federation_persons;
SELECT * FROM migchain.federation_node;

-- The member state: any code or name of a country with an alpha-2 code.
SELECT migchain.set_member_state(NULL);
SELECT migchain.set_member_state('  ');
SELECT migchain.set_member_state('Atlantis');
SELECT migchain.set_member_state('XXA');
SELECT migchain.set_member_state('YUCS');
SELECT migchain.set_member_state('EL');
SELECT migchain.set_member_state('Netherlands');
SELECT member_state, set_by = current_user AS by_me, node_id IS NOT NULL AS has_node_id
  FROM migchain.federation_identity;
SELECT member_state, format, version = (SELECT extversion FROM pg_extension WHERE extname = 'migchain') AS version_ok,
       node_id = (SELECT node_id FROM migchain.federation_identity) AS node_id_ok
  FROM migchain.federation_node;
-- The node id is drawn once: setting the member state again keeps it;
-- deleting the row and setting it draws a new one.
SELECT node_id AS first_node_id FROM migchain.federation_identity \gset
SELECT migchain.set_member_state('BE');
SELECT migchain.set_member_state('NL');
SELECT member_state, node_id = :'first_node_id' AS same_node_id FROM migchain.federation_identity;
DELETE FROM migchain.federation_identity;
SELECT migchain.set_member_state('NL');
SELECT node_id <> :'first_node_id' AS new_node_id FROM migchain.federation_identity;
-- The table keeps one row of a canonical code.
\set VERBOSITY terse
INSERT INTO migchain.federation_identity (member_state) VALUES ('BE');
UPDATE migchain.federation_identity SET member_state = 'EL';
UPDATE migchain.federation_identity SET member_state = 'nl';
\set VERBOSITY default

-- The counters are those of request_counts(), the persons those of persons().
INSERT INTO migchain.request (request_id, kind, answer, country, presented_on, answered_on, person_id) VALUES
  (101, 'LP', 'positive', 'MA', '2020-02-01', '2020-03-01', 5001),
  (102, 'LP', 'negative', 'MA', '2020-03-15', '2020-05-01', 5002),
  (103, 'LP', 'withdrawn', 'DZ', '2020-06-01', '2021-06-02', 5002),
  (104, 'T&O', 'pending', 'AL', '2021-12-31', NULL, 5003),
  (105, 'LP', 'pending', 'YUCS', '2021-01-05', NULL, 5004),
  (106, 'LP', 'pending', 'MA', '2021-01-06', NULL, 5001);
SELECT member_state, format, year, kind, country, pending, positive, negative, withdrawn
  FROM migchain.federation_counters ORDER BY year, kind, country;
SELECT member_state, format, year, kind, presented, persons FROM migchain.federation_persons ORDER BY year, kind;
-- every row carries the node id
SELECT (SELECT count(*) FROM migchain.federation_counters
         WHERE node_id IS DISTINCT FROM (SELECT node_id FROM migchain.federation_identity)) AS counters_other,
       (SELECT count(*) FROM migchain.federation_persons
         WHERE node_id IS DISTINCT FROM (SELECT node_id FROM migchain.federation_identity)) AS persons_other;
(SELECT year, kind, country, pending, positive, negative, withdrawn FROM migchain.federation_counters
 EXCEPT SELECT * FROM migchain.request_counts())
UNION ALL
(SELECT * FROM migchain.request_counts()
 EXCEPT SELECT year, kind, country, pending, positive, negative, withdrawn FROM migchain.federation_counters);
-- A cell whose requests are gone is left out, as request_counts() leaves it.
DELETE FROM migchain.request WHERE request_id = 103;
SELECT count(*) FROM migchain.federation_counters WHERE country = 'DZ';
-- Conditions on year and kind are applied to the rollup's rows, below the
-- sum; the member state and the rollup are checked once (One-Time Filter).
EXPLAIN (COSTS OFF)
SELECT * FROM migchain.federation_counters WHERE year >= 2021 AND kind = 'LP';
-- A rollup its triggers no longer keep: the view refuses, as request_counts()
-- does, naming the member state (a hub reads several).
ALTER TABLE migchain.request DISABLE TRIGGER request_rollup_insert;
SELECT count(*) FROM migchain.federation_counters;
ALTER TABLE migchain.request ENABLE ALWAYS TRIGGER request_rollup_insert;
SELECT count(*) FROM migchain.federation_counters;

-- The role of a hub: the three views, nothing else.
SELECT migchain.grant_federation(NULL);
CREATE ROLE regress_migchain_federation;
SELECT migchain.grant_federation('regress_migchain_federation');
SELECT f AS federation_functions FROM migchain.federation_functions() f;
SET ROLE regress_migchain_federation;
SELECT count(*) FROM migchain.federation_counters WHERE kind = 'LP' AND country = 'MA';
SELECT count(*) FROM migchain.federation_persons;
SELECT member_state, format FROM migchain.federation_node;
SELECT count(*) FROM migchain.request;
SELECT count(*) FROM migchain.request_rollup;
SELECT count(*) FROM migchain.load_batch;
SELECT count(*) FROM migchain.country_route;
SELECT count(*) FROM migchain.federation_identity;
SELECT count(*) FROM migchain_bi.overview_by_year;
SELECT count(*) FROM migchain.request_counts();
SELECT count(*) FROM migchain.period_cube();
SELECT migchain.set_member_state('BE');
SELECT migchain.grant_federation('regress_migchain_federation');
RESET ROLE;
SELECT migchain.revoke_access('regress_migchain_federation');
SET ROLE regress_migchain_federation;
SELECT count(*) FROM migchain.federation_counters;
RESET ROLE;
DROP ROLE regress_migchain_federation;

-- The hub, with no member state attached: empty views.
SELECT count(*) FROM migchain_bi.federated_overview_by_year;
SELECT count(*) FROM migchain_bi.federated_not_confirmed_by_country;
SELECT count(*) FROM migchain_bi.federated_persons_by_year;
SELECT count(*) FROM migchain.federated_overview(2022, 2018);
-- Attaching is for the owner of migchain, whose user mappings the hub's
-- functions use (another superuser is refused; the detail and hint name
-- the owner, whose name differs from place to place).
CREATE EXTENSION postgres_fdw;
CREATE ROLE regress_migchain_admin SUPERUSER;
SET ROLE regress_migchain_admin;
\set VERBOSITY terse
SELECT migchain.federation_attach('no_such_server', 'NL');
\set VERBOSITY default
RESET ROLE;
-- It checks the server before it goes to it.
SELECT migchain.federation_attach('no_such_server', 'NL');
CREATE FOREIGN DATA WRAPPER regress_other_fdw;
CREATE SERVER regress_other FOREIGN DATA WRAPPER regress_other_fdw;
SELECT migchain.federation_attach('regress_other', 'NL');
CREATE SERVER regress_nowhere FOREIGN DATA WRAPPER postgres_fdw
	OPTIONS (host '/nonexistent', port '1', dbname 'nowhere');
SELECT migchain.federation_attach('regress_nowhere', 'Atlantis');
-- a user mapping of another role is not the one the hub's functions use
CREATE USER MAPPING FOR regress_migchain_admin SERVER regress_nowhere OPTIONS (user 'nobody');
\set VERBOSITY terse
SELECT migchain.federation_attach('regress_nowhere', 'NL');
\set VERBOSITY default
CREATE USER MAPPING FOR CURRENT_USER SERVER regress_nowhere OPTIONS (user 'nobody');
\set VERBOSITY terse
SELECT migchain.federation_attach('regress_nowhere', 'NL');
\set VERBOSITY default
-- nothing was left behind, and the server lets migchain's objects be sent
-- only once the attach succeeds
SELECT count(*) FROM migchain.federation_member;
SELECT count(*) FROM pg_class WHERE relname LIKE 'federation_probe%';
SELECT srvoptions FROM pg_foreign_server WHERE srvname = 'regress_nowhere';
SELECT migchain.federation_detach('NL');
SELECT migchain.federation_detach(NULL);
-- The table of members keeps a member state once, a server once, a
-- national database (node id) once, and canonical codes.
INSERT INTO migchain.federation_member (member_state, server_name, node_id, format)
VALUES ('NL', 'regress_nowhere', '00000000-0000-4000-8000-00000000000a', 1);
INSERT INTO migchain.federation_member (member_state, server_name, node_id, format)
VALUES ('NL', 'regress_other', '00000000-0000-4000-8000-00000000000b', 1);
INSERT INTO migchain.federation_member (member_state, server_name, node_id, format)
VALUES ('BE', 'regress_nowhere', '00000000-0000-4000-8000-00000000000b', 1);
INSERT INTO migchain.federation_member (member_state, server_name, node_id, format)
VALUES ('BE', 'regress_other', '00000000-0000-4000-8000-00000000000a', 1);
\set VERBOSITY terse
INSERT INTO migchain.federation_member (member_state, server_name, node_id, format)
VALUES ('UK', 'regress_other', '00000000-0000-4000-8000-00000000000b', 1);
\set VERBOSITY default
INSERT INTO migchain.federation_member (member_state, server_name, node_id, format)
VALUES ('BE', 'regress_other', '00000000-0000-4000-8000-00000000000b', 1);
-- A member's rows of another format, of a member state not attached, from
-- another database than the one attached, or from an attached database that
-- calls itself another member state, are refused, naming them.
SELECT migchain.federation_check('NL', '00000000-0000-4000-8000-00000000000a', 1);
SELECT migchain.federation_check('NL', '00000000-0000-4000-8000-00000000000a', 2);
SELECT migchain.federation_check('LU', '00000000-0000-4000-8000-00000000000c', 1);
SELECT migchain.federation_check('NL', '00000000-0000-4000-8000-00000000000c', 1);
SELECT migchain.federation_check('NL', NULL, 1);
SELECT migchain.federation_check('BE', '00000000-0000-4000-8000-00000000000a', 1);
SELECT migchain.federation_check('LU', '00000000-0000-4000-8000-00000000000a', 1);
-- Members without their partitions (these were written by hand): every
-- hub function refuses before it reads, naming the first.
SELECT count(*) FROM migchain_bi.federated_overview_by_year;
SELECT count(*) FROM migchain_bi.federated_not_confirmed_by_country;
SELECT count(*) FROM migchain.federated_persons(2020, 2021);
DELETE FROM migchain.federation_member;
DROP USER MAPPING FOR CURRENT_USER SERVER regress_nowhere;
DROP USER MAPPING FOR regress_migchain_admin SERVER regress_nowhere;
DROP SERVER regress_nowhere;
DROP SERVER regress_other;
DROP FOREIGN DATA WRAPPER regress_other_fdw;
DROP ROLE regress_migchain_admin;
DROP EXTENSION postgres_fdw;
DELETE FROM migchain.federation_identity;
TRUNCATE migchain.request, migchain.load_batch RESTART IDENTITY;
RESET migchain.language;
RESET search_path;
