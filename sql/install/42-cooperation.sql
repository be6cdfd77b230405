-- The EU's readmission-cooperation figures per year presented, country and
-- kind (see docs/conditions-and-cooperation.md): one aggregate,
-- cooperation_cube(), counts every request as of a day into dense counters
-- and histograms of the days to an answer, with each request's reply
-- deadline (reply_deadline.c); the period functions and the view unpack it.

CREATE TYPE @extschema@.cooperation_cube;
CREATE FUNCTION @extschema@.cooperation_cube_in(pg_catalog.cstring) RETURNS @extschema@.cooperation_cube
	AS 'MODULE_PATHNAME', 'cooperation_cube_in'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cooperation_cube_in(pg_catalog.cstring) IS
	'text input of cooperation_cube: {(year,kind,country,pending,positive,negative,withdrawn,with_deadline,answered_late,open_past_deadline,accepted_tacitly,open_over_12_months,median_days,p90_days), ...}';
CREATE FUNCTION @extschema@.cooperation_cube_out(@extschema@.cooperation_cube) RETURNS pg_catalog.cstring
	AS 'MODULE_PATHNAME', 'cooperation_cube_out'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cooperation_cube_out(@extschema@.cooperation_cube) IS
	'text output of cooperation_cube';
CREATE FUNCTION @extschema@.cooperation_cube_recv(pg_catalog.internal) RETURNS @extschema@.cooperation_cube
	AS 'MODULE_PATHNAME', 'cooperation_cube_recv'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cooperation_cube_recv(pg_catalog.internal) IS
	'binary input of cooperation_cube, checked as text input is';
CREATE FUNCTION @extschema@.cooperation_cube_send(@extschema@.cooperation_cube) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME', 'cooperation_cube_send'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cooperation_cube_send(@extschema@.cooperation_cube) IS
	'binary output of cooperation_cube';
CREATE TYPE @extschema@.cooperation_cube (
	INPUT = @extschema@.cooperation_cube_in,
	OUTPUT = @extschema@.cooperation_cube_out,
	RECEIVE = @extschema@.cooperation_cube_recv,
	SEND = @extschema@.cooperation_cube_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE @extschema@.cooperation_cube IS
	'readmission-cooperation figures per year presented, kind and country as of a day: the result of the aggregate cooperation_cube()';

-- STABLE, not IMMUTABLE: it reads the routes and holidays (once per
-- statement and process) to find each request's deadline.
CREATE FUNCTION @extschema@.cooperation_cube_trans(pg_catalog.internal, @extschema@.request_kind,
	@extschema@.answer, @extschema@.country, pg_catalog.date, pg_catalog.date, pg_catalog.date)
	RETURNS pg_catalog.internal
	AS 'MODULE_PATHNAME', 'cooperation_cube_trans'
	LANGUAGE C STABLE PARALLEL SAFE;	-- not strict: makes the state; a pending request has no answer date
COMMENT ON FUNCTION @extschema@.cooperation_cube_trans(pg_catalog.internal, @extschema@.request_kind, @extschema@.answer, @extschema@.country, pg_catalog.date, pg_catalog.date, pg_catalog.date) IS
	'transition function of cooperation_cube: counts one request as of a day (STABLE: reads country_route and holiday)';
CREATE FUNCTION @extschema@.cooperation_cube_combine(pg_catalog.internal, pg_catalog.internal)
	RETURNS pg_catalog.internal
	AS 'MODULE_PATHNAME', 'cooperation_cube_combine'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	-- not strict: a worker may have seen no rows
COMMENT ON FUNCTION @extschema@.cooperation_cube_combine(pg_catalog.internal, pg_catalog.internal) IS
	'combine function of cooperation_cube: adds the counters and days of two parallel workers';
CREATE FUNCTION @extschema@.cooperation_cube_serial(pg_catalog.internal) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME', 'cooperation_cube_serial'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cooperation_cube_serial(pg_catalog.internal) IS
	'serialize function of cooperation_cube';
CREATE FUNCTION @extschema@.cooperation_cube_deserial(pg_catalog.bytea, pg_catalog.internal)
	RETURNS pg_catalog.internal
	AS 'MODULE_PATHNAME', 'cooperation_cube_deserial'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cooperation_cube_deserial(pg_catalog.bytea, pg_catalog.internal) IS
	'deserialize function of cooperation_cube';
CREATE FUNCTION @extschema@.cooperation_cube_final(pg_catalog.internal) RETURNS @extschema@.cooperation_cube
	AS 'MODULE_PATHNAME', 'cooperation_cube_final'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	-- not strict: no rows give an empty cube
COMMENT ON FUNCTION @extschema@.cooperation_cube_final(pg_catalog.internal) IS
	'final function of cooperation_cube: the counters, and the median and 90th percentile of the days to an answer, as a cooperation_cube';

CREATE AGGREGATE @extschema@.cooperation_cube(@extschema@.request_kind, @extschema@.answer,
	@extschema@.country, pg_catalog.date, pg_catalog.date, pg_catalog.date) (
	SFUNC = @extschema@.cooperation_cube_trans,
	STYPE = pg_catalog.internal,
	FINALFUNC = @extschema@.cooperation_cube_final,
	COMBINEFUNC = @extschema@.cooperation_cube_combine,
	SERIALFUNC = @extschema@.cooperation_cube_serial,
	DESERIALFUNC = @extschema@.cooperation_cube_deserial,
	SSPACE = 1048576,	-- 144 kB of counters per year and the days to answers
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cooperation_cube(@extschema@.request_kind, @extschema@.answer, @extschema@.country, pg_catalog.date, pg_catalog.date, pg_catalog.date) IS
	'cooperation_cube(kind, answer, country, presented_on, answered_on, as_of): readmission-cooperation figures per year presented, kind and country as of the day as_of, in one pass (unpack with cooperation_cube_rows)';

CREATE FUNCTION @extschema@.cooperation_cube_rows(cube @extschema@.cooperation_cube,
	OUT year pg_catalog.int4, OUT kind @extschema@.request_kind, OUT country @extschema@.country,
	OUT presented pg_catalog.int8, OUT answered pg_catalog.int8, OUT positive pg_catalog.int8,
	OUT negative pg_catalog.int8, OUT withdrawn pg_catalog.int8, OUT pending pg_catalog.int8,
	OUT with_deadline pg_catalog.int8, OUT answered_late pg_catalog.int8,
	OUT open_past_deadline pg_catalog.int8, OUT accepted_tacitly pg_catalog.int8,
	OUT open_over_12_months pg_catalog.int8, OUT median_days pg_catalog.int4,
	OUT p90_days pg_catalog.int4)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'cooperation_cube_rows'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1000;
COMMENT ON FUNCTION @extschema@.cooperation_cube_rows(@extschema@.cooperation_cube) IS
	'the figures of every year, kind and country of a cooperation cube (median_days and p90_days NULL when nothing was answered)';

-- The counts of a period as of a day, without distinct persons, read with
-- the rights of the extension's owner; the query is made with the period's
-- dates and as_of as constants (see period_cube).
CREATE FUNCTION @extschema@.cooperation_counts(from_year pg_catalog.int4 DEFAULT NULL,
											   to_year pg_catalog.int4 DEFAULT NULL,
											   as_of pg_catalog.date DEFAULT CURRENT_DATE)
	RETURNS SETOF @extschema@.cooperation_cube
	LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL RESTRICTED ROWS 1
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF as_of IS NULL THEN
		RAISE EXCEPTION 'as_of may not be NULL'
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Give the day the figures are made for, e.g. current_date (the default).';
	END IF;
	RETURN QUERY EXECUTE
		format('SELECT @extschema@.cooperation_cube(r.kind, r.answer, r.country, r.presented_on, r.answered_on, %L::pg_catalog.date)'
			   ' FROM @extschema@.request r WHERE r.presented_on <= %L::pg_catalog.date', as_of, as_of)
		|| @extschema@.period_filter(from_year, to_year);
END
$$;
COMMENT ON FUNCTION @extschema@.cooperation_counts(pg_catalog.int4, pg_catalog.int4, pg_catalog.date) IS
	'cooperation_cube of the requests presented in the years from_year to to_year (NULL: an open end) as of the day as_of; runs with the rights of the extension''s owner and returns counts only (PARALLEL RESTRICTED: it starts a parallel query of its own)';

-- Distinct persons per year, kind and country as of a day, apart from the
-- counts: counting them keeps every person, which the other figures need
-- not.  One aggregate, country_person_cube(), counts them in one pass (in
-- parallel where the planner chooses), as persons() does per year and kind.
CREATE FUNCTION @extschema@.cooperation_persons(from_year pg_catalog.int4 DEFAULT NULL,
												to_year pg_catalog.int4 DEFAULT NULL,
												as_of pg_catalog.date DEFAULT CURRENT_DATE)
	RETURNS TABLE (year pg_catalog.int4, kind @extschema@.request_kind,
				   country @extschema@.country, persons pg_catalog.int8)
	LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL RESTRICTED
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF as_of IS NULL THEN
		RAISE EXCEPTION 'as_of may not be NULL'
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Give the day the figures are made for, e.g. current_date (the default).';
	END IF;
	RETURN QUERY EXECUTE
		format('SELECT p.year, p.kind, p.country, p.persons'
			   '  FROM (SELECT @extschema@.country_person_cube(r.kind, r.country, r.person_id, r.presented_on) AS cube'
			   '          FROM @extschema@.request r WHERE r.presented_on <= %L::pg_catalog.date', as_of)
		|| @extschema@.period_filter(from_year, to_year) ||
		'       ) s CROSS JOIN LATERAL @extschema@.country_person_cube_rows(s.cube) p';
END
$$;
COMMENT ON FUNCTION @extschema@.cooperation_persons(pg_catalog.int4, pg_catalog.int4, pg_catalog.date) IS
	'distinct persons presented per year, kind and country in the years from_year to to_year (NULL: an open end), up to the day as_of; counts only, read with the rights of the extension''s owner';

-- The figures per year, country and kind for any period, as of a day.  A
-- country without a process for a kind, in a year with requests of that
-- kind, shows has_process false and NULL counts, as not_confirmed_by_country
-- does.  The deadline figures are NULL for a row where no request had a
-- deadline (with_deadline = 0).
CREATE FUNCTION @extschema@.cooperation(from_year pg_catalog.int4 DEFAULT NULL,
										to_year pg_catalog.int4 DEFAULT NULL,
										as_of pg_catalog.date DEFAULT CURRENT_DATE)
	RETURNS TABLE (year pg_catalog.int4, country_code pg_catalog.text, country_name pg_catalog.text,
				   kind pg_catalog.text, presented pg_catalog.int8, answered pg_catalog.int8,
				   positive pg_catalog.int8, negative pg_catalog.int8, withdrawn pg_catalog.int8,
				   pending pg_catalog.int8, acceptance_rate pg_catalog.numeric,
				   median_days pg_catalog.int4, p90_days pg_catalog.int4,
				   with_deadline pg_catalog.int8, answered_late pg_catalog.int8,
				   open_past_deadline pg_catalog.int8, accepted_tacitly pg_catalog.int8,
				   open_over_12_months pg_catalog.int8, persons pg_catalog.int8,
				   has_process pg_catalog.bool)
	LANGUAGE sql STABLE SECURITY DEFINER PARALLEL RESTRICTED
	SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH cells AS (
		SELECT o.*
		  FROM @extschema@.cooperation_counts(from_year, to_year, as_of) AS c(cube)
		 CROSS JOIN LATERAL @extschema@.cooperation_cube_rows(c.cube) o
	), process AS (
		SELECT y.year, y.kind, cr.country, pg_catalog.bool_or(cr.has_process) AS has_process
		  FROM (SELECT DISTINCT cells.year, cells.kind FROM cells) y
		  JOIN @extschema@.country_route cr
			ON cr.kind OPERATOR(pg_catalog.=) y.kind
		   AND cr.valid_from < pg_catalog.make_date(y.year + 1, 1, 1)
		   AND coalesce(cr.valid_to, 'infinity') > pg_catalog.make_date(y.year, 1, 1)
		 GROUP BY y.year, y.kind, cr.country
	)
	SELECT cells.year, cells.country::pg_catalog.text, @extschema@.name(cells.country),
		   cells.kind::pg_catalog.text, cells.presented, cells.answered, cells.positive,
		   cells.negative, cells.withdrawn, cells.pending,
		   CASE WHEN cells.answered > 0
				THEN pg_catalog.round(cells.positive::pg_catalog.numeric / cells.answered, 4) END,
		   cells.median_days, cells.p90_days, cells.with_deadline,
		   CASE WHEN cells.with_deadline > 0 THEN cells.answered_late END,
		   CASE WHEN cells.with_deadline > 0 THEN cells.open_past_deadline END,
		   CASE WHEN cells.with_deadline > 0 THEN cells.accepted_tacitly END,
		   cells.open_over_12_months, p.persons, process.has_process
	  FROM cells
	  LEFT JOIN @extschema@.cooperation_persons(from_year, to_year, as_of) p
		ON p.year = cells.year
	   AND p.kind OPERATOR(pg_catalog.=) cells.kind
	   AND p.country OPERATOR(pg_catalog.=) cells.country
	  LEFT JOIN process
		ON process.year = cells.year
	   AND process.kind OPERATOR(pg_catalog.=) cells.kind
	   AND process.country OPERATOR(pg_catalog.=) cells.country
	UNION ALL
	SELECT process.year, process.country::pg_catalog.text, @extschema@.name(process.country),
		   process.kind::pg_catalog.text, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
		   NULL, NULL, NULL, NULL, NULL, NULL, false
	  FROM process
	 WHERE NOT process.has_process
	   AND NOT EXISTS (SELECT 1 FROM cells
						WHERE cells.year = process.year
						  AND cells.kind OPERATOR(pg_catalog.=) process.kind
						  AND cells.country OPERATOR(pg_catalog.=) process.country);
END;
COMMENT ON FUNCTION @extschema@.cooperation(pg_catalog.int4, pg_catalog.int4, pg_catalog.date) IS
	'readmission-cooperation figures per year presented, country and kind for the years from_year to to_year (NULL: an open end), as of the day as_of (an answer dated later is not yet known; requests presented later are not counted)';

CREATE VIEW migchain_bi.cooperation_by_country AS
	SELECT c.year, c.country_code, c.country_name, c.kind, c.presented, c.answered, c.positive,
		   c.negative, c.withdrawn, c.pending, c.acceptance_rate, c.median_days, c.p90_days,
		   c.with_deadline, c.answered_late, c.open_past_deadline, c.accepted_tacitly,
		   c.open_over_12_months, c.persons, c.has_process
	  FROM @extschema@.cooperation() c;
COMMENT ON VIEW migchain_bi.cooperation_by_country IS
	'the EU''s readmission-cooperation indicators per year presented, country of origin and kind, as of today: answers, acceptance rate, days to an answer, answers against the arrangement''s reply deadline, requests open over 12 months, distinct persons';
COMMENT ON COLUMN migchain_bi.cooperation_by_country.year IS 'year the requests were presented (bekend gesteld)';
COMMENT ON COLUMN migchain_bi.cooperation_by_country.country_code IS 'country of origin, ISO 3166 code';
COMMENT ON COLUMN migchain_bi.cooperation_by_country.country_name IS
	'name of the country in the language of migchain.language';
COMMENT ON COLUMN migchain_bi.cooperation_by_country.kind IS 'LP (laissez-passer) or T&O (terugname en overname)';
COMMENT ON COLUMN migchain_bi.cooperation_by_country.presented IS
	'requests presented that year up to today (NULL: no process)';
COMMENT ON COLUMN migchain_bi.cooperation_by_country.answered IS
	'of which answered: positive + negative (a withdrawal is no answer)';
COMMENT ON COLUMN migchain_bi.cooperation_by_country.positive IS 'of which answered positively: nationality confirmed';
COMMENT ON COLUMN migchain_bi.cooperation_by_country.negative IS 'of which answered negatively: nationality not confirmed';
COMMENT ON COLUMN migchain_bi.cooperation_by_country.withdrawn IS 'of which withdrawn: no answer obtained';
COMMENT ON COLUMN migchain_bi.cooperation_by_country.pending IS 'of which still without an answer';
COMMENT ON COLUMN migchain_bi.cooperation_by_country.acceptance_rate IS
	'positive / answered, rounded to 4 decimals as acceptance_rate(tally) (NULL when nothing was answered)';
COMMENT ON COLUMN migchain_bi.cooperation_by_country.median_days IS
	'median of the days from presentation to a positive or negative answer (as percentile_disc(0.5); NULL when nothing was answered)';
COMMENT ON COLUMN migchain_bi.cooperation_by_country.p90_days IS
	'90th percentile of the days from presentation to a positive or negative answer (as percentile_disc(0.9); NULL when nothing was answered)';
COMMENT ON COLUMN migchain_bi.cooperation_by_country.with_deadline IS
	'requests whose route on the day of presentation sets a reply deadline';
COMMENT ON COLUMN migchain_bi.cooperation_by_country.answered_late IS
	'requests answered (positive or negative) after the deadline day (NULL when no request has a deadline)';
COMMENT ON COLUMN migchain_bi.cooperation_by_country.open_past_deadline IS
	'requests without an answer whose deadline day has passed (NULL when no request has a deadline)';
COMMENT ON COLUMN migchain_bi.cooperation_by_country.accepted_tacitly IS
	'requests under a route where silence is acceptance with neither an answer nor a withdrawal by the deadline day, which has passed; not counted as positive (NULL when no request has a deadline)';
COMMENT ON COLUMN migchain_bi.cooperation_by_country.open_over_12_months IS
	'requests still without an answer presented more than 12 months ago';
COMMENT ON COLUMN migchain_bi.cooperation_by_country.persons IS 'distinct persons those requests were about';
COMMENT ON COLUMN migchain_bi.cooperation_by_country.has_process IS
	'false when the country had no process for this kind of request that year (counts are then NULL, not 0); NULL when no route is recorded';
