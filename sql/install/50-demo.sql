-- Demo data: deterministic, of the order of the public figures.

CREATE FUNCTION @extschema@.demo_requests(seed pg_catalog.int8, scale pg_catalog.float8,
	first_year pg_catalog.int4, last_year pg_catalog.int4,
	OUT kind @extschema@.request_kind, OUT answer @extschema@.answer,
	OUT country @extschema@.country, OUT presented_on pg_catalog.date,
	OUT person_id pg_catalog.int8, OUT answered_on pg_catalog.date,
	OUT requested_on pg_catalog.date, OUT source pg_catalog.text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'demo_requests'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 50000;
COMMENT ON FUNCTION @extschema@.demo_requests(pg_catalog.int8, pg_catalog.float8, pg_catalog.int4, pg_catalog.int4) IS
	'the demo''s requests: the same rows for the same arguments on any machine (about 8000 a year at scale 1)';

CREATE FUNCTION @extschema@.demo_cases(seed pg_catalog.int8, scale pg_catalog.float8,
	first_year pg_catalog.int4, last_year pg_catalog.int4,
	OUT case_no pg_catalog.int8, OUT person_id pg_catalog.int8,
	OUT country @extschema@.country, OUT opened_on pg_catalog.date,
	OUT closed_on pg_catalog.date, OUT outcome @extschema@.case_outcome,
	OUT obs1_on pg_catalog.date, OUT obs1 @extschema@.conditions,
	OUT obs2_on pg_catalog.date, OUT obs2 @extschema@.conditions,
	OUT obs3_on pg_catalog.date, OUT obs3 @extschema@.conditions,
	OUT det1_start pg_catalog.date, OUT det1_end pg_catalog.date,
	OUT det1_exit @extschema@.detention_exit, OUT det1_unsupervised pg_catalog.bool,
	OUT det2_start pg_catalog.date, OUT det2_end pg_catalog.date,
	OUT det2_exit @extschema@.detention_exit, OUT det2_unsupervised pg_catalog.bool)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'demo_cases'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 100000;
COMMENT ON FUNCTION @extschema@.demo_cases(pg_catalog.int8, pg_catalog.float8, pg_catalog.int4, pg_catalog.int4) IS
	'the demo''s return cases, one row per case with up to three observations of its conditions and up to two detention episodes: the same rows for the same arguments on any machine (departures per year as the public figures at scale 1)';

CREATE FUNCTION @extschema@.generate_demo(seed pg_catalog.int8 DEFAULT 1,
										  scale pg_catalog.float8 DEFAULT 1,
										  first_year pg_catalog.int4 DEFAULT 2017,
										  last_year pg_catalog.int4 DEFAULT 2022,
										  with_cases pg_catalog.bool DEFAULT true)
	RETURNS pg_catalog.int8
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	existing pg_catalog.int8;
	routes pg_catalog.int8;
	cases pg_catalog.int8;
	episodes pg_catalog.int8;
	made pg_catalog.int8;
	batch pg_catalog.int4;
BEGIN
	SELECT count(*) INTO existing FROM @extschema@.request;
	SELECT count(*) INTO routes FROM @extschema@.country_route;
	SELECT count(*) INTO cases FROM @extschema@.return_case;
	SELECT count(*) INTO episodes FROM @extschema@.detention_episode;
	IF existing > 0 OR routes > 0 OR cases > 0 OR episodes > 0 THEN
		RAISE EXCEPTION 'generate_demo fills empty tables only'
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  DETAIL = pg_catalog.format('Rows in migchain.request: %s; in migchain.country_route: %s; in migchain.return_case: %s; in migchain.detention_episode: %s.',
											 existing, routes, cases, episodes),
				  HINT = 'Use a database of its own for the demo, or empty the tables first (TRUNCATE migchain.request, migchain.country_route, migchain.detention_episode, migchain.condition_observation, migchain.return_case).';
	END IF;

	-- The requests come in one load batch, as a real load would.
	batch := @extschema@.begin_load('migchain demo',
		pg_catalog.format('generate_demo(seed => %s, scale => %s, first_year => %s, last_year => %s)',
						  seed, scale, first_year, last_year));
	INSERT INTO @extschema@.request
		(kind, answer, country, presented_on, person_id, answered_on, requested_on, batch_id)
	SELECT d.kind, d.answer, d.country, d.presented_on, d.person_id, d.answered_on,
		   d.requested_on, batch
	  FROM @extschema@.demo_requests(seed, scale, first_year, last_year) d;
	GET DIAGNOSTICS made = ROW_COUNT;
	PERFORM @extschema@.end_load(batch);

	-- Routes: an LP process for every country of the demo but Somalia, and
	-- the readmission agreements and working arrangements.
	INSERT INTO @extschema@.country_route
		(country, kind, valid_from, valid_to, has_process, arrangement, arrangement_name,
		 reply_deadline, deadline_unit, tacit_acceptance, note)
	SELECT v.country::@extschema@.country, v.kind::@extschema@.request_kind,
		   v.valid_from::date, v.valid_to::date, v.has_process, v.arrangement, v.name,
		   v.deadline, v.unit, v.tacit, 'demo'
	  FROM (VALUES
		('SO', 'LP', '2000-01-01', NULL, false, 'none', NULL, NULL, NULL, false),
		('AF', 'LP', '2000-01-01', '2016-10-02', true, 'none', NULL, NULL, NULL, false),
		('AF', 'LP', '2016-10-02', NULL, true, 'working_arrangement', 'Joint Way Forward', NULL, NULL, false),
		('BD', 'LP', '2000-01-01', '2017-09-20', true, 'none', NULL, NULL, NULL, false),
		('BD', 'LP', '2017-09-20', NULL, true, 'working_arrangement', 'Standard Operating Procedures', NULL, NULL, false),
		('ET', 'LP', '2000-01-01', '2018-01-29', true, 'none', NULL, NULL, NULL, false),
		('ET', 'LP', '2018-01-29', NULL, true, 'working_arrangement', 'Admission procedures', NULL, NULL, false),
		('AL', 'T&O', '2006-05-01', NULL, true, 'eu_readmission_agreement', 'EU-Albania readmission agreement', 12, 'calendar_days', true),
		('AM', 'T&O', '2014-01-01', NULL, true, 'eu_readmission_agreement', 'EU-Armenia readmission agreement', 12, 'calendar_days', true),
		('AZ', 'T&O', '2014-09-01', NULL, true, 'eu_readmission_agreement', 'EU-Azerbaijan readmission agreement', 15, 'calendar_days', true),
		('BA', 'T&O', '2008-01-01', NULL, true, 'eu_readmission_agreement', 'EU-Bosnia and Herzegovina readmission agreement', 14, 'calendar_days', true),
		('BY', 'T&O', '2020-07-01', NULL, true, 'eu_readmission_agreement', 'EU-Belarus readmission agreement', 15, 'calendar_days', false),
		('GE', 'T&O', '2011-03-01', NULL, true, 'eu_readmission_agreement', 'EU-Georgia readmission agreement', 12, 'calendar_days', true),
		('LK', 'T&O', '2005-05-01', NULL, true, 'eu_readmission_agreement', 'EU-Sri Lanka readmission agreement', 25, 'working_days', false),
		('MD', 'T&O', '2008-01-01', NULL, true, 'eu_readmission_agreement', 'EU-Moldova readmission agreement', 14, 'calendar_days', true),
		('MK', 'T&O', '2008-01-01', NULL, true, 'eu_readmission_agreement', 'EU-North Macedonia readmission agreement', 14, 'calendar_days', true),
		('PK', 'T&O', '2010-12-01', NULL, true, 'eu_readmission_agreement', 'EU-Pakistan readmission agreement', 30, 'calendar_days', true),
		('RS', 'T&O', '2008-01-01', NULL, true, 'eu_readmission_agreement', 'EU-Serbia readmission agreement', 14, 'calendar_days', true),
		('RU', 'T&O', '2007-06-01', NULL, true, 'eu_readmission_agreement', 'EU-Russia readmission agreement', 25, 'calendar_days', false),
		('TR', 'T&O', '2014-10-01', NULL, true, 'eu_readmission_agreement', 'EU-Turkey readmission agreement', 25, 'working_days', false),
		('UA', 'T&O', '2008-01-01', NULL, true, 'eu_readmission_agreement', 'EU-Ukraine readmission agreement', 14, 'calendar_days', true),
		('XK', 'T&O', '2013-01-01', NULL, true, 'bilateral_agreement', 'Benelux-Kosovo readmission agreement', 14, 'calendar_days', false)
	  ) AS v(country, kind, valid_from, valid_to, has_process, arrangement, name, deadline, unit, tacit);

	INSERT INTO @extschema@.country_route (country, kind, valid_from, has_process, note)
	SELECT DISTINCT d.country, 'LP'::@extschema@.request_kind, '2000-01-01'::date, true, 'demo'
	  FROM @extschema@.request d
	 WHERE NOT EXISTS (SELECT 1 FROM @extschema@.country_route r
						WHERE r.country OPERATOR(pg_catalog.=) d.country
						  AND r.kind OPERATOR(pg_catalog.=) 'LP');

	IF with_cases THEN
		-- Return cases, their conditions over time and detention episodes;
		-- the case numbers are the generator's, the sequence follows them.
		INSERT INTO @extschema@.return_case
			(case_id, person_id, country, opened_on, closed_on, outcome)
		SELECT d.case_no, d.person_id, d.country, d.opened_on, d.closed_on, d.outcome
		  FROM @extschema@.demo_cases(seed, scale, first_year, last_year) d;
		PERFORM pg_catalog.setval(pg_catalog.pg_get_serial_sequence('@extschema@.return_case', 'case_id'),
								  greatest((SELECT max(case_id) FROM @extschema@.return_case), 1));

		INSERT INTO @extschema@.condition_observation (case_id, observed_on, conditions)
		SELECT d.case_no, o.observed_on, o.conditions
		  FROM @extschema@.demo_cases(seed, scale, first_year, last_year) d
		 CROSS JOIN LATERAL (VALUES (d.obs1_on, d.obs1), (d.obs2_on, d.obs2), (d.obs3_on, d.obs3))
			   AS o(observed_on, conditions)
		 WHERE o.observed_on IS NOT NULL;

		INSERT INTO @extschema@.detention_episode
			(person_id, case_id, started_on, ended_on, ended_by, left_unsupervised)
		SELECT d.person_id, d.case_no, e.started_on, e.ended_on, e.ended_by, e.left_unsupervised
		  FROM @extschema@.demo_cases(seed, scale, first_year, last_year) d
		 CROSS JOIN LATERAL (VALUES (1, d.det1_start, d.det1_end, d.det1_exit, d.det1_unsupervised),
									(2, d.det2_start, d.det2_end, d.det2_exit, d.det2_unsupervised))
			   AS e(n, started_on, ended_on, ended_by, left_unsupervised)
		 WHERE e.started_on IS NOT NULL
		 ORDER BY d.case_no, e.n;
	END IF;
	-- Public holidays of the countries whose demo routes count working days
	-- (Turkey and Sri Lanka), 2017 to early 2023: illustrative, not an
	-- official calendar (Sri Lanka's Poya days but Vesak are left out).
	-- Holidays already in the table are kept.
	INSERT INTO @extschema@.holiday (country, day, name)
	SELECT v.country::@extschema@.country, v.day::date, v.name
	  FROM (VALUES
		('LK', '2017-01-14', 'Tamil Thai Pongal Day'),
		('LK', '2017-02-04', 'Independence Day'),
		('LK', '2017-04-13', 'Day prior to Sinhala and Tamil New Year'),
		('LK', '2017-04-14', 'Sinhala and Tamil New Year'),
		('LK', '2017-05-01', 'May Day'),
		('LK', '2017-05-10', 'Vesak Full Moon Poya Day'),
		('LK', '2017-05-11', 'Day following Vesak Full Moon Poya Day'),
		('LK', '2017-12-25', 'Christmas Day'),
		('LK', '2018-01-14', 'Tamil Thai Pongal Day'),
		('LK', '2018-02-04', 'Independence Day'),
		('LK', '2018-03-30', 'Good Friday'),
		('LK', '2018-04-13', 'Day prior to Sinhala and Tamil New Year'),
		('LK', '2018-04-14', 'Sinhala and Tamil New Year'),
		('LK', '2018-04-29', 'Vesak Full Moon Poya Day'),
		('LK', '2018-04-30', 'Day following Vesak Full Moon Poya Day'),
		('LK', '2018-05-01', 'May Day'),
		('LK', '2018-12-25', 'Christmas Day'),
		('LK', '2019-01-14', 'Tamil Thai Pongal Day'),
		('LK', '2019-02-04', 'Independence Day'),
		('LK', '2019-04-13', 'Day prior to Sinhala and Tamil New Year'),
		('LK', '2019-04-14', 'Sinhala and Tamil New Year'),
		('LK', '2019-04-19', 'Good Friday'),
		('LK', '2019-05-01', 'May Day'),
		('LK', '2019-05-18', 'Vesak Full Moon Poya Day'),
		('LK', '2019-05-19', 'Day following Vesak Full Moon Poya Day'),
		('LK', '2019-12-25', 'Christmas Day'),
		('LK', '2020-01-14', 'Tamil Thai Pongal Day'),
		('LK', '2020-02-04', 'Independence Day'),
		('LK', '2020-04-10', 'Good Friday'),
		('LK', '2020-04-13', 'Day prior to Sinhala and Tamil New Year'),
		('LK', '2020-04-14', 'Sinhala and Tamil New Year'),
		('LK', '2020-05-01', 'May Day'),
		('LK', '2020-05-07', 'Vesak Full Moon Poya Day'),
		('LK', '2020-05-08', 'Day following Vesak Full Moon Poya Day'),
		('LK', '2020-12-25', 'Christmas Day'),
		('LK', '2021-01-14', 'Tamil Thai Pongal Day'),
		('LK', '2021-02-04', 'Independence Day'),
		('LK', '2021-04-02', 'Good Friday'),
		('LK', '2021-04-13', 'Day prior to Sinhala and Tamil New Year'),
		('LK', '2021-04-14', 'Sinhala and Tamil New Year'),
		('LK', '2021-05-01', 'May Day'),
		('LK', '2021-05-26', 'Vesak Full Moon Poya Day'),
		('LK', '2021-05-27', 'Day following Vesak Full Moon Poya Day'),
		('LK', '2021-12-25', 'Christmas Day'),
		('LK', '2022-01-14', 'Tamil Thai Pongal Day'),
		('LK', '2022-02-04', 'Independence Day'),
		('LK', '2022-04-13', 'Day prior to Sinhala and Tamil New Year'),
		('LK', '2022-04-14', 'Sinhala and Tamil New Year'),
		('LK', '2022-04-15', 'Good Friday'),
		('LK', '2022-05-01', 'May Day'),
		('LK', '2022-05-15', 'Vesak Full Moon Poya Day'),
		('LK', '2022-05-16', 'Day following Vesak Full Moon Poya Day'),
		('LK', '2022-12-25', 'Christmas Day'),
		('LK', '2023-01-15', 'Tamil Thai Pongal Day'),
		('LK', '2023-02-04', 'Independence Day'),
		('TR', '2017-01-01', 'New Year''s Day'),
		('TR', '2017-04-23', 'National Sovereignty and Children''s Day'),
		('TR', '2017-05-01', 'Labour and Solidarity Day'),
		('TR', '2017-05-19', 'Commemoration of Ataturk, Youth and Sports Day'),
		('TR', '2017-06-25', 'Ramadan Feast (day 1)'),
		('TR', '2017-06-26', 'Ramadan Feast (day 2)'),
		('TR', '2017-06-27', 'Ramadan Feast (day 3)'),
		('TR', '2017-07-15', 'Democracy and National Unity Day'),
		('TR', '2017-08-30', 'Victory Day'),
		('TR', '2017-09-01', 'Feast of Sacrifice (day 1)'),
		('TR', '2017-09-02', 'Feast of Sacrifice (day 2)'),
		('TR', '2017-09-03', 'Feast of Sacrifice (day 3)'),
		('TR', '2017-09-04', 'Feast of Sacrifice (day 4)'),
		('TR', '2017-10-29', 'Republic Day'),
		('TR', '2018-01-01', 'New Year''s Day'),
		('TR', '2018-04-23', 'National Sovereignty and Children''s Day'),
		('TR', '2018-05-01', 'Labour and Solidarity Day'),
		('TR', '2018-05-19', 'Commemoration of Ataturk, Youth and Sports Day'),
		('TR', '2018-06-15', 'Ramadan Feast (day 1)'),
		('TR', '2018-06-16', 'Ramadan Feast (day 2)'),
		('TR', '2018-06-17', 'Ramadan Feast (day 3)'),
		('TR', '2018-07-15', 'Democracy and National Unity Day'),
		('TR', '2018-08-21', 'Feast of Sacrifice (day 1)'),
		('TR', '2018-08-22', 'Feast of Sacrifice (day 2)'),
		('TR', '2018-08-23', 'Feast of Sacrifice (day 3)'),
		('TR', '2018-08-24', 'Feast of Sacrifice (day 4)'),
		('TR', '2018-08-30', 'Victory Day'),
		('TR', '2018-10-29', 'Republic Day'),
		('TR', '2019-01-01', 'New Year''s Day'),
		('TR', '2019-04-23', 'National Sovereignty and Children''s Day'),
		('TR', '2019-05-01', 'Labour and Solidarity Day'),
		('TR', '2019-05-19', 'Commemoration of Ataturk, Youth and Sports Day'),
		('TR', '2019-06-04', 'Ramadan Feast (day 1)'),
		('TR', '2019-06-05', 'Ramadan Feast (day 2)'),
		('TR', '2019-06-06', 'Ramadan Feast (day 3)'),
		('TR', '2019-07-15', 'Democracy and National Unity Day'),
		('TR', '2019-08-11', 'Feast of Sacrifice (day 1)'),
		('TR', '2019-08-12', 'Feast of Sacrifice (day 2)'),
		('TR', '2019-08-13', 'Feast of Sacrifice (day 3)'),
		('TR', '2019-08-14', 'Feast of Sacrifice (day 4)'),
		('TR', '2019-08-30', 'Victory Day'),
		('TR', '2019-10-29', 'Republic Day'),
		('TR', '2020-01-01', 'New Year''s Day'),
		('TR', '2020-04-23', 'National Sovereignty and Children''s Day'),
		('TR', '2020-05-01', 'Labour and Solidarity Day'),
		('TR', '2020-05-19', 'Commemoration of Ataturk, Youth and Sports Day'),
		('TR', '2020-05-24', 'Ramadan Feast (day 1)'),
		('TR', '2020-05-25', 'Ramadan Feast (day 2)'),
		('TR', '2020-05-26', 'Ramadan Feast (day 3)'),
		('TR', '2020-07-15', 'Democracy and National Unity Day'),
		('TR', '2020-07-31', 'Feast of Sacrifice (day 1)'),
		('TR', '2020-08-01', 'Feast of Sacrifice (day 2)'),
		('TR', '2020-08-02', 'Feast of Sacrifice (day 3)'),
		('TR', '2020-08-03', 'Feast of Sacrifice (day 4)'),
		('TR', '2020-08-30', 'Victory Day'),
		('TR', '2020-10-29', 'Republic Day'),
		('TR', '2021-01-01', 'New Year''s Day'),
		('TR', '2021-04-23', 'National Sovereignty and Children''s Day'),
		('TR', '2021-05-01', 'Labour and Solidarity Day'),
		('TR', '2021-05-13', 'Ramadan Feast (day 1)'),
		('TR', '2021-05-14', 'Ramadan Feast (day 2)'),
		('TR', '2021-05-15', 'Ramadan Feast (day 3)'),
		('TR', '2021-05-19', 'Commemoration of Ataturk, Youth and Sports Day'),
		('TR', '2021-07-15', 'Democracy and National Unity Day'),
		('TR', '2021-07-20', 'Feast of Sacrifice (day 1)'),
		('TR', '2021-07-21', 'Feast of Sacrifice (day 2)'),
		('TR', '2021-07-22', 'Feast of Sacrifice (day 3)'),
		('TR', '2021-07-23', 'Feast of Sacrifice (day 4)'),
		('TR', '2021-08-30', 'Victory Day'),
		('TR', '2021-10-29', 'Republic Day'),
		('TR', '2022-01-01', 'New Year''s Day'),
		('TR', '2022-04-23', 'National Sovereignty and Children''s Day'),
		('TR', '2022-05-01', 'Labour and Solidarity Day'),
		('TR', '2022-05-02', 'Ramadan Feast (day 1)'),
		('TR', '2022-05-03', 'Ramadan Feast (day 2)'),
		('TR', '2022-05-04', 'Ramadan Feast (day 3)'),
		('TR', '2022-05-19', 'Commemoration of Ataturk, Youth and Sports Day'),
		('TR', '2022-07-09', 'Feast of Sacrifice (day 1)'),
		('TR', '2022-07-10', 'Feast of Sacrifice (day 2)'),
		('TR', '2022-07-11', 'Feast of Sacrifice (day 3)'),
		('TR', '2022-07-12', 'Feast of Sacrifice (day 4)'),
		('TR', '2022-07-15', 'Democracy and National Unity Day'),
		('TR', '2022-08-30', 'Victory Day'),
		('TR', '2022-10-29', 'Republic Day'),
		('TR', '2023-01-01', 'New Year''s Day')
	  ) AS v(country, day, name)
	ON CONFLICT (country, day) DO NOTHING;

	RETURN made;
END
$$;
COMMENT ON FUNCTION @extschema@.generate_demo(pg_catalog.int8, pg_catalog.float8, pg_catalog.int4, pg_catalog.int4, pg_catalog.bool) IS
	'fills the empty tables with deterministic demo data (scale 1: about 8000 requests a year; with_cases: also return cases, their conditions and detention episodes, about 20000 cases a year) and returns the number of requests';
