-- Holidays, reply deadlines and the readmission-cooperation figures, on
-- hand-made rows (the tables are emptied inside a transaction that is
-- rolled back at the end).
\set ON_ERROR_ROLLBACK on
SET datestyle = 'ISO, YMD';
BEGIN;
TRUNCATE migchain.request, migchain.country_route, migchain.holiday;

-- Routes: Albania T&O 12 calendar days with tacit acceptance; Turkey T&O 10
-- working days; Georgia T&O 14 calendar days until 2021-01-01, nothing on
-- that day, 20 calendar days from 2021-01-02; Morocco LP a process without
-- an arrangement; Somalia LP no process.  (Numbered here: the sequence
-- does not roll back, and the later tests print route numbers.)
INSERT INTO migchain.country_route
	(route_id, country, kind, valid_from, valid_to, has_process, arrangement, reply_deadline, deadline_unit, tacit_acceptance)
VALUES (901, 'AL', 'T&O', '2000-01-01', NULL, true, 'eu_readmission_agreement', 12, 'calendar_days', true),
	   (902, 'TR', 'T&O', '2000-01-01', NULL, true, 'eu_readmission_agreement', 10, 'working_days', false),
	   (903, 'GE', 'T&O', '2020-01-01', '2021-01-01', true, 'eu_readmission_agreement', 14, 'calendar_days', false),
	   (904, 'GE', 'T&O', '2021-01-02', NULL, true, 'eu_readmission_agreement', 20, 'calendar_days', false),
	   (905, 'MA', 'LP', '2000-01-01', NULL, true, 'none', NULL, NULL, false),
	   (906, 'SO', 'LP', '2000-01-01', NULL, false, 'none', NULL, NULL, false);

-- Turkish holidays: Friday 23 April 2021, and 1 May 2021, a Saturday.
INSERT INTO migchain.holiday VALUES
	('TR', '2021-04-23', 'Ulusal Egemenlik ve Çocuk Bayramı'),
	('TUR', '2021-05-01', 'Emek ve Dayanışma Günü');
SELECT country, day, to_char(day, 'Dy') AS weekday, name FROM migchain.holiday ORDER BY country, day;

-- The table's rules.
INSERT INTO migchain.holiday VALUES ('TR', '2021-04-23', 'again');
INSERT INTO migchain.holiday VALUES ('TR', '1949-12-31', 'too early');
INSERT INTO migchain.holiday VALUES ('TR', '2021-06-01', '  ');

-- Reply deadlines.  Working days: the day of presentation does not count.
SELECT d.label, d.presented_on, to_char(d.presented_on, 'Dy') AS weekday,
	   migchain.reply_deadline(d.country, d.kind, d.presented_on) AS deadline,
	   to_char(migchain.reply_deadline(d.country, d.kind, d.presented_on), 'Dy') AS deadline_weekday
  FROM (VALUES
	('calendar days', 'AL'::migchain.country, 'T&O'::migchain.request_kind, '2021-03-01'::date),
	('calendar days over a month end', 'AL', 'T&O', '2021-02-20'),
	('working days over a weekend, a holiday and a holiday on a Saturday', 'TR', 'T&O', '2021-04-20'),
	('working days from a Saturday', 'TR', 'T&O', '2021-04-24'),
	('working days from a Thursday before a holiday', 'TR', 'T&O', '2021-04-22'),
	('last day of a route', 'GE', 'T&O', '2020-12-31'),
	('day after the route ended, before the next', 'GE', 'T&O', '2021-01-01'),
	('first day of the next route', 'GE', 'T&O', '2021-01-02'),
	('day before the first route', 'GE', 'T&O', '2019-12-31'),
	('route without a deadline', 'MA', 'LP', '2021-03-01'),
	('no process', 'SO', 'LP', '2021-03-01'),
	('no route at all', 'DZ', 'T&O', '2021-03-01'),
	('other kind than the route''s', 'AL', 'LP', '2021-03-01')
  ) AS d(label, country, kind, presented_on);
SELECT migchain.reply_deadline(NULL, 'T&O', '2021-03-01') IS NULL AS null_country,
	   migchain.reply_deadline('AL', 'T&O', NULL) IS NULL AS null_day;
SELECT migchain.reply_deadline('AL', 'T&O', 'infinity');
SELECT migchain.reply_deadline('AL', 'T&O', '5874897-12-25');

-- Requests (person_id: two requests are about person 1).
INSERT INTO migchain.request (request_id, kind, country, person_id, presented_on, answer, answered_on) VALUES
	-- Albania: 12 calendar days, deadline 2021-03-13 for 1 March
	(1, 'T&O', 'AL', 1, '2021-03-01', 'positive', '2021-03-13'),	-- on the deadline day: in time
	(2, 'T&O', 'AL', 1, '2021-03-01', 'negative', '2021-03-14'),	-- a day late: late, and accepted tacitly
	(3, 'T&O', 'AL', 2, '2021-03-01', 'pending', NULL),				-- open past its deadline, accepted tacitly
	(4, 'T&O', 'AL', 3, '2021-03-01', 'withdrawn', '2021-03-05'),	-- withdrawn before the deadline: no acceptance
	(5, 'T&O', 'AL', 4, '2021-03-01', 'positive', '2021-09-01'),	-- answered after as_of: pending as of 2021-08-01
	(6, 'T&O', 'AL', 5, '2021-07-25', 'pending', NULL),				-- deadline 2021-08-06 not passed as of 2021-08-01
	(7, 'T&O', 'AL', 6, '2021-08-05', 'pending', NULL),				-- presented after as_of: not counted
	(14, 'T&O', 'AL', 7, '2021-03-01', 'withdrawn', '2021-03-20'),	-- withdrawn after the deadline: accepted tacitly
	-- Turkey: 10 working days, deadline 2021-05-05 for 20 April
	(8, 'T&O', 'TR', 8, '2021-04-20', 'positive', '2021-05-05'),	-- on the deadline day
	(9, 'T&O', 'TR', 9, '2021-04-20', 'negative', '2021-05-06'),	-- a day late
	-- Morocco: no arrangement
	(10, 'LP', 'MA', 10, '2020-06-01', 'pending', NULL),			-- open over 12 months
	(12, 'LP', 'MA', 12, '2020-07-31', 'pending', NULL),			-- 12 months and a day: over
	(13, 'LP', 'MA', 13, '2020-08-01', 'pending', NULL),			-- exactly 12 months: not over
	(11, 'LP', 'MA', 11, '2021-02-01', 'positive', '2021-03-03');	-- 30 days

SELECT * FROM migchain.cooperation(2020, 2021, '2021-08-01') ORDER BY year, kind, country_code;

-- Half a year later request 5's answer is known: 184 days.
SELECT year, country_code, kind, presented, positive, pending, median_days, p90_days,
	   answered_late, open_past_deadline, accepted_tacitly
  FROM migchain.cooperation(2021, 2021, '2022-02-01') WHERE country_code = 'AL';

-- As of a day before everything: no rows.
SELECT count(*) FROM migchain.cooperation(NULL, NULL, '2019-01-01');
SELECT * FROM migchain.cooperation(2021, 2021, NULL);

-- The view: every year, as of today.
SELECT year, country_code, kind, presented, answered, pending, with_deadline, has_process
  FROM migchain_bi.cooperation_by_country ORDER BY year, kind, country_code;

-- The cube: text and binary forms round-trip, input is checked.
SELECT migchain.cooperation_cube(kind, answer, country, presented_on, answered_on, '2021-08-01') AS cube
  FROM migchain.request \gset
SELECT :'cube'::migchain.cooperation_cube::text = :'cube' AS text_round_trip,
	   length(migchain.cooperation_cube_send(:'cube')) AS binary_bytes;
-- binary form: 4 bytes of the number of records, 85 bytes per record
SELECT migchain.cooperation_cube_send('{(2021,T&O,AL,0,1,0,0,1,0,0,0,0,5,5)}');
SELECT * FROM migchain.cooperation_cube_rows('{(2021,T&O,ALB,1,1,1,0,3,1,1,1,0,12,13)}');
SELECT '{}'::migchain.cooperation_cube;
SELECT '{(2021,T&O,AL,0,0,0,0,0,0,0,0,0,-,-)}'::migchain.cooperation_cube;
SELECT '{(2021,T&O,AL,1,1,0,0,1,0,0,0,0,-,-)}'::migchain.cooperation_cube;
SELECT '{(2021,T&O,AL,0,2,0,0,0,0,0,0,0,9,3)}'::migchain.cooperation_cube;
SELECT '{(2021,T&O,TR,0,1,0,0,0,0,0,0,0,1,1),(2021,T&O,AL,0,1,0,0,0,0,0,0,0,1,1)}'::migchain.cooperation_cube;

-- The aggregate refuses what it cannot count.
SELECT migchain.cooperation_cube(k, a, c, p, d, o)
  FROM (VALUES (NULL::migchain.request_kind, 'pending'::migchain.answer, 'AL'::migchain.country,
				'2021-01-01'::date, NULL::date, '2021-08-01'::date)) v(k, a, c, p, d, o);
SELECT migchain.cooperation_cube(k, a, c, p, d, o)
  FROM (VALUES ('LP'::migchain.request_kind, 'positive'::migchain.answer, 'AL'::migchain.country,
				'2021-01-01'::date, NULL::date, '2021-08-01'::date)) v(k, a, c, p, d, o);
SELECT migchain.cooperation_cube(k, a, c, p, d, o)
  FROM (VALUES ('LP'::migchain.request_kind, 'negative'::migchain.answer, 'AL'::migchain.country,
				'2021-01-01'::date, '2020-12-31'::date, '2021-08-01'::date)) v(k, a, c, p, d, o);

-- PL/pgSQL keeps the FmgrInfo of a simple expression for the transaction:
-- reply_deadline() still sees a holiday added between two evaluations
-- (Monday 26 April moves the deadline of 20 April from 5 to 6 May).
DO $$
DECLARE
	d date;
BEGIN
	FOR i IN 1..2 LOOP
		d := migchain.reply_deadline('TR', 'T&O', '2021-04-20');
		RAISE NOTICE 'evaluation %: %', i, d;
		IF i = 1 THEN
			INSERT INTO migchain.holiday VALUES ('TR', '2021-04-26', 'a holiday added');
		END IF;
	END LOOP;
END
$$;
ROLLBACK;
