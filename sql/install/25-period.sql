-- Periods of whole years (from_year to to_year inclusive; NULL = open end).

CREATE FUNCTION @extschema@.period_start(from_year pg_catalog.int4, to_year pg_catalog.int4)
	RETURNS pg_catalog.date
	AS 'MODULE_PATHNAME', 'period_start'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	-- not strict: NULL is an open end
COMMENT ON FUNCTION @extschema@.period_start(pg_catalog.int4, pg_catalog.int4) IS
	'1 January of from_year (-infinity when NULL), after checking the period';
CREATE FUNCTION @extschema@.period_end(from_year pg_catalog.int4, to_year pg_catalog.int4)
	RETURNS pg_catalog.date
	AS 'MODULE_PATHNAME', 'period_end'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	-- not strict: NULL is an open end
COMMENT ON FUNCTION @extschema@.period_end(pg_catalog.int4, pg_catalog.int4) IS
	'1 January after to_year, the first day after the period (infinity when NULL), after checking the period';
CREATE FUNCTION @extschema@.check_period(from_year pg_catalog.int4, to_year pg_catalog.int4)
	RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'check_period'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	-- not strict: NULL is an open end
COMMENT ON FUNCTION @extschema@.check_period(pg_catalog.int4, pg_catalog.int4) IS
	'true for a valid period of years (NULL: an open end); an error otherwise';

-- One whole year, for functions that take a year (has_process): an error
-- names their argument year.
CREATE FUNCTION @extschema@.year_start(year pg_catalog.int4)
	RETURNS pg_catalog.date
	AS 'MODULE_PATHNAME', 'year_start'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.year_start(pg_catalog.int4) IS
	'1 January of year, after checking that migchain counts the year (1950 to 2199)';
CREATE FUNCTION @extschema@.year_end(year pg_catalog.int4)
	RETURNS pg_catalog.date
	AS 'MODULE_PATHNAME', 'year_end'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.year_end(pg_catalog.int4) IS
	'1 January after year, the first day after it, after checking that migchain counts the year (1950 to 2199)';

-- The years migchain counts (1950 to 2199), defined once in C: the CHECK of
-- request.presented_on, the aggregates, the periods and the demo use them.
CREATE FUNCTION @extschema@.year_in_range(pg_catalog.date) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'year_in_range'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.year_in_range(pg_catalog.date) IS
	'whether a date is in a year migchain counts (1950 to 2199; not infinity)';
