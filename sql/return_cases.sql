-- Return cases, their conditions over time, detention episodes, and the
-- functions and views over them, on hand-made rows whose answers are worked
-- out by hand (docs/conditions-and-cooperation.md has the definitions).
SET migchain.language = 'en';

-- Six cases: two closed in 2021 by departure, one without supervision,
-- one by a residence permit in 2022, two still open.
INSERT INTO migchain.return_case (case_id, person_id, country, opened_on, closed_on, outcome) VALUES
	(1, 11, 'MA', '2021-01-10', '2021-06-30', 'independent'),
	(2, 12, 'MA', '2021-02-01', NULL, NULL),
	(3, 13, 'DZ', '2021-03-01', NULL, NULL),			-- never observed
	(4, 14, 'AL', '2020-11-01', '2021-12-15', 'forced'),
	(5, 15, 'DZ', '2021-01-01', '2021-09-30', 'unsupervised'),
	(6, 16, 'AL', '2021-05-01', '2022-01-20', 'residence permit');
-- text parameters, as a loader binds them
PREPARE add_case(text, text, text, text, text) AS
	INSERT INTO migchain.return_case (person_id, country, opened_on, closed_on, outcome)
	VALUES ($1::bigint, $2, $3::date, $4::date, $5) RETURNING case_id, country, outcome;
SELECT setval(pg_get_serial_sequence('migchain.return_case', 'case_id'), 6);
EXECUTE add_case('19', 'Marokko', '2022-02-01', '2022-03-01', 'gedwongen vertrek');
DELETE FROM migchain.return_case WHERE case_id = 7;

INSERT INTO migchain.condition_observation (case_id, observed_on, conditions) VALUES
	(1, '2021-01-12', 'GR?GG'), (1, '2021-06-20', 'GGGGG'),
	(2, '2021-02-05', 'G?RGR'), (2, '2021-07-01', 'GGGGG'),
	(4, '2020-11-05', 'GGGG?'), (4, '2021-12-01', 'GGGGG'),
	(5, '2021-01-05', 'GGGGR'), (5, '2021-09-01', 'GGGRR'),
	(6, '2021-05-02', 'R?GGG');

INSERT INTO migchain.detention_episode
	(episode_id, person_id, case_id, started_on, ended_on, ended_by, left_unsupervised) VALUES
	(1, 14, 4, '2021-03-01', '2021-04-15', 'court', false),	-- person 14: two episodes in 2021
	(2, 14, 4, '2021-11-01', '2021-12-15', 'departure', false),
	(3, 15, 5, '2021-06-01', '2021-09-02', 'balancing of interests', true),
	(4, 17, NULL, '2021-02-01', '2021-03-10', 'maximum term', true),	-- no case known
	(5, 12, 2, '2021-10-01', NULL, NULL, false),			-- still detained
	(6, 18, NULL, '2020-10-01', '2020-12-20', 'other', false);
SELECT setval(pg_get_serial_sequence('migchain.detention_episode', 'episode_id'), 6);

-- Conditions on 25 June 2021: all six cases open.  MA: case 1 green in
-- all five (observed 20 June), case 2 G?RGR.  DZ: case 3 never observed
-- (unknown in all five), case 5 GGGGR.  AL: case 4 GGGG?, case 6 R?GGG.
SELECT * FROM migchain.conditions_as_of('2021-06-25');
-- On 30 June case 1 is closed (closed that day): not open.
SELECT country_code, open_cases, observed, returnable
  FROM migchain.conditions_as_of('2021-06-30');
-- Before anything was opened: no rows.
SELECT count(*) FROM migchain.conditions_as_of('2020-01-01');
-- The view is the function as of today: cases 2 (green since 1 July 2021)
-- and 3 are open.
SELECT * FROM migchain_bi.conditions_by_country;
SELECT (SELECT array_agg(c ORDER BY c.country_code) FROM migchain_bi.conditions_by_country c)::text
     = (SELECT array_agg(c ORDER BY c.country_code) FROM migchain.conditions_as_of(current_date) c)::text
       AS view_is_today;

-- Month ends May to August 2021: case 1 closes on 30 June, so it is not
-- open on that month end; case 2 turns green on 1 July.
SELECT * FROM migchain.returnable_by_month('2021-05-15', '2021-08-01');
-- The view: the month ends of the last 24 completed months; cases 2 and 3
-- are open on each, case 2 returnable on each.
SELECT count(*) AS rows, count(DISTINCT month_end) AS month_ends,
       sum(open_cases) AS open_cases, sum(returnable) AS returnable,
       max(month_end) = (date_trunc('month', current_date) - interval '1 day')::date
         AS ends_last_month,
       min(month_end) = (date_trunc('month', current_date) - interval '23 months' - interval '1 day')::date
         AS starts_24_months_before
  FROM migchain_bi.returnable_by_month;

-- Detention exits.  2020: episode 6 (other).  2021: episodes 1 to 4;
-- episode 5 still runs; person 14 counts once among the persons.
SELECT * FROM migchain.detention_exits();
SELECT * FROM migchain.detention_exits(2021, 2021);
-- Every year of a period, a year without exits with 0.
SELECT year, exits, lifted, left_unsupervised, persons FROM migchain.detention_exits(2019, 2022);
SELECT * FROM migchain_bi.detention_exits_by_year;

-- Departures: cases closed per year by how they ended.
SELECT * FROM migchain.departures();
SELECT * FROM migchain_bi.departures_by_year;
SELECT * FROM migchain.departures(2022, NULL);
SELECT year, demonstrable, unsupervised, closed FROM migchain.departures(2019, 2023);

-- Bad rows: each is refused with its constraint, and a statement with one
-- bad row writes nothing.
INSERT INTO migchain.return_case (person_id, country, opened_on, closed_on, outcome)
	VALUES (20, 'MA', '2021-05-01', '2021-04-01', 'forced');
INSERT INTO migchain.return_case (person_id, country, opened_on, outcome)
	VALUES (20, 'MA', '2021-05-01', 'forced');
INSERT INTO migchain.return_case (person_id, country, opened_on, closed_on)
	VALUES (20, 'MA', '2021-05-01', '2021-06-01');
INSERT INTO migchain.return_case (person_id, country, opened_on) VALUES (0, 'MA', '2021-05-01');
INSERT INTO migchain.return_case (person_id, country, opened_on) VALUES (20, 'MA', '1949-12-31');
INSERT INTO migchain.return_case (person_id, country, opened_on, closed_on, outcome)
	VALUES (20, 'MA', '2021-05-01', '2200-01-01', 'other');
INSERT INTO migchain.return_case (case_id, person_id, country, opened_on) VALUES (1, 20, 'MA', '2021-05-01');
INSERT INTO migchain.return_case (person_id, country, opened_on, closed_on, outcome)
	VALUES (20, 'MA', '2021-05-01', '2021-06-01', 'departure');
INSERT INTO migchain.return_case (person_id, country, opened_on, closed_on, outcome) VALUES
	(21, 'MA', '2021-05-01', '2021-06-01', 'forced'),
	(22, 'MA', '2021-05-01', '2021-04-01', 'forced');
SELECT count(*) AS cases FROM migchain.return_case;

-- observations: outside the case's days, of no case, twice on one day,
-- and a year migchain does not count on an open case
INSERT INTO migchain.condition_observation VALUES ('GGGGG', '2021-01-09', 1);
INSERT INTO migchain.condition_observation VALUES ('GGGGG', '2021-07-01', 1);
INSERT INTO migchain.condition_observation VALUES ('GGGGG', '2021-07-01', 99);
INSERT INTO migchain.condition_observation VALUES ('GGGGR', '2021-06-20', 1);
INSERT INTO migchain.condition_observation VALUES ('GGGGG', '2200-01-01', 3);
INSERT INTO migchain.condition_observation VALUES ('GGGXG', '2021-07-02', 3);
-- the observation may be on the first and on the last day of the case
INSERT INTO migchain.condition_observation VALUES ('G????', '2021-01-10', 1), ('GGGGG', '2021-06-30', 1);
-- a case's days cannot leave an observation outside
UPDATE migchain.return_case SET closed_on = '2021-06-29' WHERE case_id = 1;
UPDATE migchain.return_case SET opened_on = '2021-01-11' WHERE case_id = 1;
SELECT count(*) AS observations FROM migchain.condition_observation;

-- detention episodes
INSERT INTO migchain.detention_episode (person_id, started_on, ended_on, ended_by)
	VALUES (30, '2021-05-01', '2021-04-30', 'court');
INSERT INTO migchain.detention_episode (person_id, started_on, ended_on)
	VALUES (30, '2021-05-01', '2021-06-01');
INSERT INTO migchain.detention_episode (person_id, started_on, ended_by)
	VALUES (30, '2021-05-01', 'court');
INSERT INTO migchain.detention_episode (person_id, started_on, ended_on, ended_by, left_unsupervised)
	VALUES (30, '2021-05-01', '2021-06-01', 'departure', true);
INSERT INTO migchain.detention_episode (person_id, started_on, left_unsupervised)
	VALUES (30, '2021-05-01', true);
INSERT INTO migchain.detention_episode (person_id, case_id, started_on) VALUES (30, 1, '2021-05-01');
INSERT INTO migchain.detention_episode (person_id, started_on) VALUES (-1, '2021-05-01');
INSERT INTO migchain.detention_episode (person_id, started_on) VALUES (30, '2200-01-01');
INSERT INTO migchain.detention_episode (person_id, started_on, ended_on, ended_by)
	VALUES (30, '2199-12-01', '2200-01-01', 'court');
INSERT INTO migchain.detention_episode (episode_id, person_id, started_on) VALUES (1, 30, '2021-05-01');
INSERT INTO migchain.detention_episode (person_id, started_on, ended_on, ended_by)
	VALUES (30, '2021-05-01', '2021-06-01', 'released');
SELECT count(*) AS episodes FROM migchain.detention_episode;

-- Bad arguments of the period functions.
SELECT * FROM migchain.departures(2022, 2021);
SELECT * FROM migchain.detention_exits(1900, NULL);
SELECT * FROM migchain.returnable_by_month('2021-05-01', '2021-04-01');
SELECT * FROM migchain.returnable_by_month('2021-05-01', 'infinity');
SELECT count(*) FROM migchain.conditions_as_of(NULL);
SELECT count(*) FROM migchain.conditions_as_of('infinity');
