-- Where return is blocked: the five conditions of the open return cases per
-- country, the month-end series of returnable cases, exits from immigration
-- detention and departures per year.  Each is a function for any date or
-- period that reads the person-level tables with the rights of the
-- extension's owner and returns counts only (as not_confirmed_by_country),
-- and a view of migchain_bi over it.  Definitions:
-- docs/conditions-and-cooperation.md.

-- The conditions of the return cases open on a day, per country of return.
-- A case is open on as_of when it was opened on or before that day and not
-- closed on or before it.  Its conditions are those of its latest
-- observation on or before as_of; a case never observed by then counts as
-- unknown in all five (and not in "observed").
CREATE FUNCTION @extschema@.conditions_as_of(as_of pg_catalog.date DEFAULT CURRENT_DATE)
	RETURNS TABLE (country_code pg_catalog.text, country_name pg_catalog.text,
				   open_cases pg_catalog.int8, observed pg_catalog.int8,
				   returnable pg_catalog.int8,
				   red_removable pg_catalog.int8, red_country_cooperates pg_catalog.int8,
				   red_identity_established pg_catalog.int8, red_available pg_catalog.int8,
				   red_person_cooperates pg_catalog.int8,
				   unknown_removable pg_catalog.int8, unknown_country_cooperates pg_catalog.int8,
				   unknown_identity_established pg_catalog.int8, unknown_available pg_catalog.int8,
				   unknown_person_cooperates pg_catalog.int8)
	LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL RESTRICTED	-- not strict: NULL is an error
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF as_of IS NULL OR NOT @extschema@.year_in_range(as_of) THEN
		RAISE EXCEPTION 'conditions as of % cannot be counted', coalesce(as_of::text, 'NULL')
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Give a day of the years 1950 to 2199, e.g. conditions_as_of(''2022-12-31''); the view conditions_by_country is as of today.';
	END IF;
	RETURN QUERY
	WITH per_country AS (
		SELECT c.country,
			   @extschema@.light_counts(coalesce(o.conditions,
												 '?????'::@extschema@.conditions)) AS l,
			   pg_catalog.count(o.conditions) AS observed
		  FROM @extschema@.return_case c
		  LEFT JOIN LATERAL (
				SELECT co.conditions
				  FROM @extschema@.condition_observation co
				 WHERE co.case_id = c.case_id
				   AND co.observed_on <= as_of
				 ORDER BY co.observed_on DESC
				 LIMIT 1) o ON true
		 WHERE c.opened_on <= as_of
		   AND (c.closed_on IS NULL OR c.closed_on > as_of)
		 GROUP BY c.country
	)
	SELECT p.country::pg_catalog.text, @extschema@.name(p.country),
		   @extschema@.cases(p.l), p.observed, @extschema@.returnable_cases(p.l),
		   @extschema@.red(p.l, 1), @extschema@.red(p.l, 2), @extschema@.red(p.l, 3),
		   @extschema@.red(p.l, 4), @extschema@.red(p.l, 5),
		   @extschema@.unknown(p.l, 1), @extschema@.unknown(p.l, 2), @extschema@.unknown(p.l, 3),
		   @extschema@.unknown(p.l, 4), @extschema@.unknown(p.l, 5)
	  FROM per_country p
	 ORDER BY p.country::pg_catalog.text;
END
$$;
COMMENT ON FUNCTION @extschema@.conditions_as_of(pg_catalog.date) IS
	'per country of return, the return cases open on as_of and their conditions then (the latest observation on or before as_of; never observed: all unknown); counts only, read with the rights of the extension''s owner';

-- The last day of every month from the month of from_day to the month of
-- to_day, per country: the cases open that day and of those the returnable
-- ones (all five conditions green at their latest observation on or before
-- that day).  Countries with no open case at a month end have no row for it.
CREATE FUNCTION @extschema@.returnable_by_month(from_day pg_catalog.date,
												to_day pg_catalog.date)
	RETURNS TABLE (month_end pg_catalog.date, country_code pg_catalog.text,
				   country_name pg_catalog.text, open_cases pg_catalog.int8,
				   returnable pg_catalog.int8)
	LANGUAGE plpgsql STABLE STRICT SECURITY DEFINER PARALLEL RESTRICTED
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	first_end date;
	last_end date;
BEGIN
	IF NOT @extschema@.year_in_range(from_day) OR NOT @extschema@.year_in_range(to_day)
	   OR to_day < from_day THEN
		RAISE EXCEPTION 'month-end series from % to % is not valid', from_day, to_day
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Give two days of the years 1950 to 2199, the first not after the second, e.g. returnable_by_month(''2021-01-01'', ''2022-12-31'').';
	END IF;
	first_end := (date_trunc('month', from_day) + interval '1 month - 1 day')::date;
	last_end := (date_trunc('month', to_day) + interval '1 month - 1 day')::date;
	RETURN QUERY
	WITH spans AS (
		-- an observation holds from its day until the case's next one
		SELECT co.case_id, co.conditions, co.observed_on AS from_day,
			   lead(co.observed_on) OVER (PARTITION BY co.case_id ORDER BY co.observed_on) AS next_day
		  FROM @extschema@.condition_observation co
	), case_months AS (
		-- every month end on which a case is open: from the month it was
		-- opened in to the month it was closed in, less the month ends on
		-- or after the day it was closed
		SELECT c.case_id, c.country, m.month_end
		  FROM @extschema@.return_case c
		 CROSS JOIN LATERAL (
				SELECT (g + interval '1 month - 1 day')::date AS month_end
				  FROM generate_series(greatest(date_trunc('month', first_end),
												date_trunc('month', c.opened_on)),
									   least(date_trunc('month', last_end),
											 date_trunc('month', coalesce(c.closed_on, last_end))),
									   interval '1 month') AS g) m
		 WHERE c.opened_on <= last_end
		   AND (c.closed_on IS NULL OR c.closed_on > first_end)
		   AND (c.closed_on IS NULL OR c.closed_on > m.month_end)
	)
	SELECT cm.month_end,
		   cm.country::text, @extschema@.name(cm.country),
		   count(*),
		   count(*) FILTER (WHERE s.conditions OPERATOR(pg_catalog.=)
							'GGGGG'::@extschema@.conditions)
	  FROM case_months cm
	  LEFT JOIN spans s
		ON s.case_id = cm.case_id
	   AND s.from_day <= cm.month_end
	   AND (s.next_day IS NULL OR s.next_day > cm.month_end)
	 GROUP BY cm.month_end, cm.country
	 ORDER BY cm.month_end, cm.country::text;
END
$$;
COMMENT ON FUNCTION @extschema@.returnable_by_month(pg_catalog.date, pg_catalog.date) IS
	'per month end from the month of from_day to that of to_day and per country of return: the open return cases and the returnable ones (all five conditions green; the EU''s "ready to be returned"); counts only, read with the rights of the extension''s owner';

-- Exits from immigration detention per year the detention ended.
CREATE FUNCTION @extschema@.detention_exits(from_year pg_catalog.int4 DEFAULT NULL,
											to_year pg_catalog.int4 DEFAULT NULL)
	RETURNS TABLE (year pg_catalog.int4, exits pg_catalog.int8,
				   departed pg_catalog.int8, lifted pg_catalog.int8,
				   lifted_balancing pg_catalog.int8, lifted_court pg_catalog.int8,
				   lifted_maximum_term pg_catalog.int8, ended_other pg_catalog.int8,
				   left_unsupervised pg_catalog.int8,
				   left_unsupervised_after_balancing pg_catalog.int8,
				   persons pg_catalog.int8)
	LANGUAGE sql STABLE SECURITY DEFINER PARALLEL RESTRICTED	-- not strict: NULL is an open end
	SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH counted AS (
		SELECT pg_catalog.date_part('year', d.ended_on)::pg_catalog.int4 AS year,
			   pg_catalog.count(*) AS exits,
			   pg_catalog.count(*) FILTER (WHERE d.ended_by OPERATOR(pg_catalog.=) 'departure'::@extschema@.detention_exit) AS departed,
			   pg_catalog.count(*) FILTER (WHERE d.ended_by IN ('balancing'::@extschema@.detention_exit,
																'court'::@extschema@.detention_exit,
																'maximum_term'::@extschema@.detention_exit)) AS lifted,
			   pg_catalog.count(*) FILTER (WHERE d.ended_by OPERATOR(pg_catalog.=) 'balancing'::@extschema@.detention_exit) AS balancing,
			   pg_catalog.count(*) FILTER (WHERE d.ended_by OPERATOR(pg_catalog.=) 'court'::@extschema@.detention_exit) AS court,
			   pg_catalog.count(*) FILTER (WHERE d.ended_by OPERATOR(pg_catalog.=) 'maximum_term'::@extschema@.detention_exit) AS maximum_term,
			   pg_catalog.count(*) FILTER (WHERE d.ended_by OPERATOR(pg_catalog.=) 'other'::@extschema@.detention_exit) AS other,
			   pg_catalog.count(*) FILTER (WHERE d.left_unsupervised) AS unsupervised,
			   pg_catalog.count(*) FILTER (WHERE d.left_unsupervised
										   AND d.ended_by OPERATOR(pg_catalog.=) 'balancing'::@extschema@.detention_exit) AS unsupervised_balancing,
			   pg_catalog.count(DISTINCT d.person_id) AS persons
		  FROM @extschema@.detention_episode d
		 WHERE d.ended_on >= @extschema@.period_start(from_year, to_year)
		   AND d.ended_on < @extschema@.period_end(from_year, to_year)
		 GROUP BY 1
	), span AS (
		-- every year of the period, those without exits too (0, not missing)
		SELECT coalesce(from_year, pg_catalog.min(counted.year)) AS lo,
			   coalesce(to_year, pg_catalog.max(counted.year)) AS hi
		  FROM counted
	)
	SELECT y.y, coalesce(c.exits, 0), coalesce(c.departed, 0), coalesce(c.lifted, 0),
		   coalesce(c.balancing, 0), coalesce(c.court, 0), coalesce(c.maximum_term, 0),
		   coalesce(c.other, 0), coalesce(c.unsupervised, 0), coalesce(c.unsupervised_balancing, 0),
		   coalesce(c.persons, 0)
	  FROM span
	 CROSS JOIN LATERAL pg_catalog.generate_series(span.lo, span.hi) AS y(y)
	  LEFT JOIN counted c ON c.year = y.y
	 ORDER BY 1;
END;
COMMENT ON FUNCTION @extschema@.detention_exits(pg_catalog.int4, pg_catalog.int4) IS
	'episodes of immigration detention that ended per year, by how they ended, and those after which the person left without supervision, for every year from from_year to to_year (NULL: from the first or to the last year with an exit; a year without exits shows 0); counts only, read with the rights of the extension''s owner';

-- Return cases closed per year, by how they ended.
CREATE FUNCTION @extschema@.departures(from_year pg_catalog.int4 DEFAULT NULL,
									   to_year pg_catalog.int4 DEFAULT NULL)
	RETURNS TABLE (year pg_catalog.int4, independent pg_catalog.int8, forced pg_catalog.int8,
				   demonstrable pg_catalog.int8, unsupervised pg_catalog.int8,
				   residence_permit pg_catalog.int8, other_member_state pg_catalog.int8,
				   other pg_catalog.int8, closed pg_catalog.int8)
	LANGUAGE sql STABLE SECURITY DEFINER PARALLEL RESTRICTED	-- not strict: NULL is an open end
	SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH counted AS (
		SELECT pg_catalog.date_part('year', c.closed_on)::pg_catalog.int4 AS year,
			   pg_catalog.count(*) FILTER (WHERE c.outcome OPERATOR(pg_catalog.=) 'independent'::@extschema@.case_outcome) AS independent,
			   pg_catalog.count(*) FILTER (WHERE c.outcome OPERATOR(pg_catalog.=) 'forced'::@extschema@.case_outcome) AS forced,
			   pg_catalog.count(*) FILTER (WHERE c.outcome IN ('independent'::@extschema@.case_outcome,
															   'forced'::@extschema@.case_outcome)) AS demonstrable,
			   pg_catalog.count(*) FILTER (WHERE c.outcome OPERATOR(pg_catalog.=) 'unsupervised'::@extschema@.case_outcome) AS unsupervised,
			   pg_catalog.count(*) FILTER (WHERE c.outcome OPERATOR(pg_catalog.=) 'residence_permit'::@extschema@.case_outcome) AS residence_permit,
			   pg_catalog.count(*) FILTER (WHERE c.outcome OPERATOR(pg_catalog.=) 'other_member_state'::@extschema@.case_outcome) AS other_member_state,
			   pg_catalog.count(*) FILTER (WHERE c.outcome OPERATOR(pg_catalog.=) 'other'::@extschema@.case_outcome) AS other,
			   pg_catalog.count(*) AS closed
		  FROM @extschema@.return_case c
		 WHERE c.closed_on >= @extschema@.period_start(from_year, to_year)
		   AND c.closed_on < @extschema@.period_end(from_year, to_year)
		 GROUP BY 1
	), span AS (
		-- every year of the period, those without closed cases too
		SELECT coalesce(from_year, pg_catalog.min(counted.year)) AS lo,
			   coalesce(to_year, pg_catalog.max(counted.year)) AS hi
		  FROM counted
	)
	SELECT y.y, coalesce(c.independent, 0), coalesce(c.forced, 0), coalesce(c.demonstrable, 0),
		   coalesce(c.unsupervised, 0), coalesce(c.residence_permit, 0),
		   coalesce(c.other_member_state, 0), coalesce(c.other, 0), coalesce(c.closed, 0)
	  FROM span
	 CROSS JOIN LATERAL pg_catalog.generate_series(span.lo, span.hi) AS y(y)
	  LEFT JOIN counted c ON c.year = y.y
	 ORDER BY 1;
END;
COMMENT ON FUNCTION @extschema@.departures(pg_catalog.int4, pg_catalog.int4) IS
	'return cases closed per year by how they ended: independent and forced (demonstrable) departures, departures without supervision, and the other endings, for every year from from_year to to_year (NULL: from the first or to the last year with a closed case; a year without shows 0); counts only, read with the rights of the extension''s owner';

-- The views for BI tools.

CREATE VIEW migchain_bi.conditions_by_country AS
	SELECT c.country_code, c.country_name, c.open_cases, c.observed, c.returnable,
		   c.red_removable, c.red_country_cooperates, c.red_identity_established,
		   c.red_available, c.red_person_cooperates,
		   c.unknown_removable, c.unknown_country_cooperates, c.unknown_identity_established,
		   c.unknown_available, c.unknown_person_cooperates
	  FROM @extschema@.conditions_as_of(CURRENT_DATE) c;
COMMENT ON VIEW migchain_bi.conditions_by_country IS
	'the return cases open today per country of return, and their five conditions (stoplichten) at the latest observation: returnable when all five are green; per condition the red and the unknown ones (conditions_as_of(date) for another day)';
COMMENT ON COLUMN migchain_bi.conditions_by_country.country_code IS 'country of return, ISO 3166 code';
COMMENT ON COLUMN migchain_bi.conditions_by_country.country_name IS
	'name of the country in the language of migchain.language';
COMMENT ON COLUMN migchain_bi.conditions_by_country.open_cases IS 'return cases open today';
COMMENT ON COLUMN migchain_bi.conditions_by_country.observed IS
	'of which with at least one observation of their conditions (the others count as unknown in all five)';
COMMENT ON COLUMN migchain_bi.conditions_by_country.returnable IS
	'of which returnable: all five conditions green (ready to be returned)';
COMMENT ON COLUMN migchain_bi.conditions_by_country.red_removable IS
	'of which condition 1 red: the person is not legally removable (niet juridisch verwijderbaar)';
COMMENT ON COLUMN migchain_bi.conditions_by_country.red_country_cooperates IS
	'of which condition 2 red: the country of origin does not cooperate (land werkt niet mee)';
COMMENT ON COLUMN migchain_bi.conditions_by_country.red_identity_established IS
	'of which condition 3 red: identity and nationality not established (identiteit staat niet vast)';
COMMENT ON COLUMN migchain_bi.conditions_by_country.red_available IS
	'of which condition 4 red: the person is not available (niet beschikbaar)';
COMMENT ON COLUMN migchain_bi.conditions_by_country.red_person_cooperates IS
	'of which condition 5 red: the person does not cooperate (vreemdeling werkt niet mee)';
COMMENT ON COLUMN migchain_bi.conditions_by_country.unknown_removable IS 'of which condition 1 unknown';
COMMENT ON COLUMN migchain_bi.conditions_by_country.unknown_country_cooperates IS 'of which condition 2 unknown';
COMMENT ON COLUMN migchain_bi.conditions_by_country.unknown_identity_established IS 'of which condition 3 unknown';
COMMENT ON COLUMN migchain_bi.conditions_by_country.unknown_available IS 'of which condition 4 unknown';
COMMENT ON COLUMN migchain_bi.conditions_by_country.unknown_person_cooperates IS 'of which condition 5 unknown';

-- The series runs over the last 24 completed months: the month ends up to
-- the last day of the previous month (the current month's end is still
-- to come).
CREATE VIEW migchain_bi.returnable_by_month AS
	SELECT r.month_end, r.country_code, r.country_name, r.open_cases, r.returnable
	  FROM @extschema@.returnable_by_month(
			(pg_catalog.date_trunc('month', CURRENT_DATE) - '24 months'::pg_catalog.interval)::pg_catalog.date,
			(pg_catalog.date_trunc('month', CURRENT_DATE) - '1 day'::pg_catalog.interval)::pg_catalog.date) r;
COMMENT ON VIEW migchain_bi.returnable_by_month IS
	'per month end of the last 24 completed months and per country of return: the open return cases and the returnable ones, all five conditions green (ready to be returned); returnable_by_month(from, to) for other months';
COMMENT ON COLUMN migchain_bi.returnable_by_month.month_end IS 'the last day of the month';
COMMENT ON COLUMN migchain_bi.returnable_by_month.country_code IS 'country of return, ISO 3166 code';
COMMENT ON COLUMN migchain_bi.returnable_by_month.country_name IS
	'name of the country in the language of migchain.language';
COMMENT ON COLUMN migchain_bi.returnable_by_month.open_cases IS 'return cases open on that day';
COMMENT ON COLUMN migchain_bi.returnable_by_month.returnable IS
	'of which all five conditions green at their latest observation on or before that day';

CREATE VIEW migchain_bi.detention_exits_by_year AS
	SELECT d.year, d.exits, d.departed, d.lifted, d.lifted_balancing, d.lifted_court,
		   d.lifted_maximum_term, d.ended_other, d.left_unsupervised,
		   d.left_unsupervised_after_balancing, d.persons
	  FROM @extschema@.detention_exits() d;
COMMENT ON VIEW migchain_bi.detention_exits_by_year IS
	'episodes of immigration detention (vreemdelingenbewaring) ended per year, by how they ended, and the people who left without supervision after detention was lifted (detention_exits(from_year, to_year) for a period)';
COMMENT ON COLUMN migchain_bi.detention_exits_by_year.year IS 'year the detention ended';
COMMENT ON COLUMN migchain_bi.detention_exits_by_year.exits IS
	'episodes that ended that year (a person detained twice counts twice)';
COMMENT ON COLUMN migchain_bi.detention_exits_by_year.departed IS
	'of which ended by departure from detention (demonstrable departure)';
COMMENT ON COLUMN migchain_bi.detention_exits_by_year.lifted IS
	'of which lifted: after a balancing of interests, by a court or at the maximum term';
COMMENT ON COLUMN migchain_bi.detention_exits_by_year.lifted_balancing IS
	'of which lifted after a balancing of interests, removal not in sight within a reasonable time (opgeheven na belangenafweging)';
COMMENT ON COLUMN migchain_bi.detention_exits_by_year.lifted_court IS 'of which lifted by a court';
COMMENT ON COLUMN migchain_bi.detention_exits_by_year.lifted_maximum_term IS 'of which ended at the maximum term';
COMMENT ON COLUMN migchain_bi.detention_exits_by_year.ended_other IS 'of which ended otherwise';
COMMENT ON COLUMN migchain_bi.detention_exits_by_year.left_unsupervised IS
	'episodes after which the person left without supervision (destination unknown): detention lifted, or ended otherwise than by departure';
COMMENT ON COLUMN migchain_bi.detention_exits_by_year.left_unsupervised_after_balancing IS
	'of which the detention was lifted after a balancing of interests';
COMMENT ON COLUMN migchain_bi.detention_exits_by_year.persons IS
	'distinct persons whose detention ended that year';

CREATE VIEW migchain_bi.departures_by_year AS
	SELECT d.year, d.independent, d.forced, d.demonstrable, d.unsupervised,
		   d.residence_permit, d.other_member_state, d.other, d.closed
	  FROM @extschema@.departures() d;
COMMENT ON VIEW migchain_bi.departures_by_year IS
	'return cases closed per year by how they ended: demonstrable departure (independent under supervision, forced) and departure without supervision, as in the published departure figures (departures(from_year, to_year) for a period)';
COMMENT ON COLUMN migchain_bi.departures_by_year.year IS 'year the case was closed';
COMMENT ON COLUMN migchain_bi.departures_by_year.independent IS
	'independent departure under supervision (zelfstandig vertrek, aantoonbaar)';
COMMENT ON COLUMN migchain_bi.departures_by_year.forced IS 'forced departure (gedwongen vertrek)';
COMMENT ON COLUMN migchain_bi.departures_by_year.demonstrable IS
	'demonstrable departure (aantoonbaar vertrek): independent + forced';
COMMENT ON COLUMN migchain_bi.departures_by_year.unsupervised IS
	'departure without supervision, destination unknown (vertrek zonder toezicht)';
COMMENT ON COLUMN migchain_bi.departures_by_year.residence_permit IS
	'cases closed because a residence permit was granted';
COMMENT ON COLUMN migchain_bi.departures_by_year.other_member_state IS
	'cases closed because the person was transferred to, or moved on to, another member state';
COMMENT ON COLUMN migchain_bi.departures_by_year.other IS 'cases closed otherwise';
COMMENT ON COLUMN migchain_bi.departures_by_year.closed IS 'all cases closed that year';
