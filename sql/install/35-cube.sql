-- The cubes: the counters of many requests in one value.  request_cube
-- counts requests per year presented, kind, country and answer; person_cube
-- counts requests and distinct persons per year presented and kind.  Each
-- is a type of its own (text and binary I/O, see docs/bi-views.md) made by
-- an aggregate of the same name and unpacked into rows by functions that
-- take only that type.

CREATE TYPE @extschema@.request_cube;
CREATE FUNCTION @extschema@.request_cube_in(pg_catalog.cstring) RETURNS @extschema@.request_cube
	AS 'MODULE_PATHNAME', 'request_cube_in'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_cube_in(pg_catalog.cstring) IS
	'text input of request_cube: {(year,kind,country,pending,positive,negative,withdrawn), ...}';
CREATE FUNCTION @extschema@.request_cube_out(@extschema@.request_cube) RETURNS pg_catalog.cstring
	AS 'MODULE_PATHNAME', 'request_cube_out'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_cube_out(@extschema@.request_cube) IS
	'text output of request_cube';
CREATE FUNCTION @extschema@.request_cube_recv(pg_catalog.internal) RETURNS @extschema@.request_cube
	AS 'MODULE_PATHNAME', 'request_cube_recv'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_cube_recv(pg_catalog.internal) IS
	'binary input of request_cube, checked as text input is';
CREATE FUNCTION @extschema@.request_cube_send(@extschema@.request_cube) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME', 'request_cube_send'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_cube_send(@extschema@.request_cube) IS
	'binary output of request_cube';
CREATE TYPE @extschema@.request_cube (
	INPUT = @extschema@.request_cube_in,
	OUTPUT = @extschema@.request_cube_out,
	RECEIVE = @extschema@.request_cube_recv,
	SEND = @extschema@.request_cube_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE @extschema@.request_cube IS
	'requests counted per year presented, kind, country and answer: the result of the aggregate request_cube()';

-- request_cube(): one pass over the requests into dense counters.
CREATE FUNCTION @extschema@.request_cube_trans(pg_catalog.internal, @extschema@.request_kind,
											   @extschema@.answer, @extschema@.country, pg_catalog.date)
	RETURNS pg_catalog.internal
	AS 'MODULE_PATHNAME', 'request_cube_trans'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	-- not strict: makes the state, rejects NULLs itself
COMMENT ON FUNCTION @extschema@.request_cube_trans(pg_catalog.internal, @extschema@.request_kind, @extschema@.answer, @extschema@.country, pg_catalog.date) IS
	'transition function of request_cube: counts one request';
CREATE FUNCTION @extschema@.request_cube_combine(pg_catalog.internal, pg_catalog.internal)
	RETURNS pg_catalog.internal
	AS 'MODULE_PATHNAME', 'request_cube_combine'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	-- not strict: a worker may have seen no rows
COMMENT ON FUNCTION @extschema@.request_cube_combine(pg_catalog.internal, pg_catalog.internal) IS
	'combine function of request_cube: adds the counters of two parallel workers';
CREATE FUNCTION @extschema@.request_cube_serial(pg_catalog.internal) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME', 'request_cube_serial'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_cube_serial(pg_catalog.internal) IS
	'serialize function of request_cube';
CREATE FUNCTION @extschema@.request_cube_deserial(pg_catalog.bytea, pg_catalog.internal)
	RETURNS pg_catalog.internal
	AS 'MODULE_PATHNAME', 'request_cube_deserial'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_cube_deserial(pg_catalog.bytea, pg_catalog.internal) IS
	'deserialize function of request_cube';
CREATE FUNCTION @extschema@.request_cube_final(pg_catalog.internal) RETURNS @extschema@.request_cube
	AS 'MODULE_PATHNAME', 'request_cube_final'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	-- not strict: no rows give an empty cube
COMMENT ON FUNCTION @extschema@.request_cube_final(pg_catalog.internal) IS
	'final function of request_cube: the counters as a request_cube';

CREATE AGGREGATE @extschema@.request_cube(@extschema@.request_kind, @extschema@.answer,
										  @extschema@.country, pg_catalog.date) (
	SFUNC = @extschema@.request_cube_trans,
	STYPE = pg_catalog.internal,
	FINALFUNC = @extschema@.request_cube_final,
	COMBINEFUNC = @extschema@.request_cube_combine,
	SERIALFUNC = @extschema@.request_cube_serial,
	DESERIALFUNC = @extschema@.request_cube_deserial,
	SSPACE = 393216,	-- 64 kB of counters per year, for some six years
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.request_cube(@extschema@.request_kind, @extschema@.answer, @extschema@.country, pg_catalog.date) IS
	'requests counted per year presented, kind, country and answer, in one pass (unpack with request_cube_by_year or request_cube_by_country)';

CREATE FUNCTION @extschema@.request_cube_by_year(cube @extschema@.request_cube,
	OUT year pg_catalog.int4, OUT kind @extschema@.request_kind, OUT tally @extschema@.tally)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'request_cube_by_year'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.request_cube_by_year(@extschema@.request_cube) IS
	'the tally of every year and kind of a request cube';
CREATE FUNCTION @extschema@.request_cube_by_country(cube @extschema@.request_cube,
	OUT year pg_catalog.int4, OUT kind @extschema@.request_kind, OUT country @extschema@.country,
	OUT tally @extschema@.tally)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'request_cube_by_country'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1000;
COMMENT ON FUNCTION @extschema@.request_cube_by_country(@extschema@.request_cube) IS
	'the tally of every year, kind and country of a request cube';

CREATE TYPE @extschema@.person_cube;
CREATE FUNCTION @extschema@.person_cube_in(pg_catalog.cstring) RETURNS @extschema@.person_cube
	AS 'MODULE_PATHNAME', 'person_cube_in'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.person_cube_in(pg_catalog.cstring) IS
	'text input of person_cube: {(year,kind,requests,persons,persons_several_countries), ...}';
CREATE FUNCTION @extschema@.person_cube_out(@extschema@.person_cube) RETURNS pg_catalog.cstring
	AS 'MODULE_PATHNAME', 'person_cube_out'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.person_cube_out(@extschema@.person_cube) IS
	'text output of person_cube';
CREATE FUNCTION @extschema@.person_cube_recv(pg_catalog.internal) RETURNS @extschema@.person_cube
	AS 'MODULE_PATHNAME', 'person_cube_recv'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.person_cube_recv(pg_catalog.internal) IS
	'binary input of person_cube, checked as text input is';
CREATE FUNCTION @extschema@.person_cube_send(@extschema@.person_cube) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME', 'person_cube_send'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.person_cube_send(@extschema@.person_cube) IS
	'binary output of person_cube';
CREATE TYPE @extschema@.person_cube (
	INPUT = @extschema@.person_cube_in,
	OUTPUT = @extschema@.person_cube_out,
	RECEIVE = @extschema@.person_cube_recv,
	SEND = @extschema@.person_cube_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE @extschema@.person_cube IS
	'requests, distinct persons and persons presented to several countries per year presented and kind: the result of the aggregate person_cube()';

-- person_cube(): requests and distinct persons per year and kind in one
-- pass, into a hash table of (person, year, kind).
CREATE FUNCTION @extschema@.person_cube_trans(pg_catalog.internal, @extschema@.request_kind,
											  @extschema@.country, pg_catalog.int8, pg_catalog.date)
	RETURNS pg_catalog.internal
	AS 'MODULE_PATHNAME', 'person_cube_trans'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	-- not strict: makes the state, rejects NULLs itself
COMMENT ON FUNCTION @extschema@.person_cube_trans(pg_catalog.internal, @extschema@.request_kind, @extschema@.country, pg_catalog.int8, pg_catalog.date) IS
	'transition function of person_cube: counts one request and its person';
CREATE FUNCTION @extschema@.person_cube_combine(pg_catalog.internal, pg_catalog.internal)
	RETURNS pg_catalog.internal
	AS 'MODULE_PATHNAME', 'person_cube_combine'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	-- not strict: a worker may have seen no rows
COMMENT ON FUNCTION @extschema@.person_cube_combine(pg_catalog.internal, pg_catalog.internal) IS
	'combine function of person_cube: merges the persons of two parallel workers';
CREATE FUNCTION @extschema@.person_cube_serial(pg_catalog.internal) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME', 'person_cube_serial'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.person_cube_serial(pg_catalog.internal) IS
	'serialize function of person_cube';
CREATE FUNCTION @extschema@.person_cube_deserial(pg_catalog.bytea, pg_catalog.internal)
	RETURNS pg_catalog.internal
	AS 'MODULE_PATHNAME', 'person_cube_deserial'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.person_cube_deserial(pg_catalog.bytea, pg_catalog.internal) IS
	'deserialize function of person_cube';
CREATE FUNCTION @extschema@.person_cube_final(pg_catalog.internal) RETURNS @extschema@.person_cube
	AS 'MODULE_PATHNAME', 'person_cube_final'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	-- not strict: no rows give an empty cube
COMMENT ON FUNCTION @extschema@.person_cube_final(pg_catalog.internal) IS
	'final function of person_cube: the counts as a person_cube';

-- The final function adds the rows it still holds back (for the CPU's
-- cache) to its hash table before it counts: that changes how the state
-- holds its persons, not what it counts, so more rows may be added after it
-- and it may run again with the same result (a window).  FINALFUNC_MODIFY
-- stays READ_ONLY, which keeps person_cube usable as a window function.
CREATE AGGREGATE @extschema@.person_cube(@extschema@.request_kind, @extschema@.country,
										 pg_catalog.int8, pg_catalog.date) (
	SFUNC = @extschema@.person_cube_trans,
	STYPE = pg_catalog.internal,
	FINALFUNC = @extschema@.person_cube_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.person_cube_combine,
	SERIALFUNC = @extschema@.person_cube_serial,
	DESERIALFUNC = @extschema@.person_cube_deserial,
	SSPACE = 32768,	-- the counters and a first table of 1024 entries; 16 bytes more per person, year and kind
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.person_cube(@extschema@.request_kind, @extschema@.country, pg_catalog.int8, pg_catalog.date) IS
	'requests, distinct persons and persons presented to several countries per year presented and kind, in one pass (unpack with person_cube_by_year)';

CREATE FUNCTION @extschema@.person_cube_by_year(cube @extschema@.person_cube,
	OUT year pg_catalog.int4, OUT kind @extschema@.request_kind, OUT presented pg_catalog.int8,
	OUT persons pg_catalog.int8, OUT persons_several_countries pg_catalog.int8)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'person_cube_by_year'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.person_cube_by_year(@extschema@.person_cube) IS
	'the requests, distinct persons and persons presented to several countries of every year and kind of a person cube';

-- country_person_cube(): requests and distinct persons per year, kind and
-- country in one pass, by person_cube's machinery with the country in the
-- key of an entry: a hash table of (person, year, kind, country).  Its
-- combine, serialize and deserialize functions are person_cube's (a
-- partial state says which of the two it is).
CREATE TYPE @extschema@.country_person_cube;
CREATE FUNCTION @extschema@.country_person_cube_in(pg_catalog.cstring) RETURNS @extschema@.country_person_cube
	AS 'MODULE_PATHNAME', 'country_person_cube_in'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_person_cube_in(pg_catalog.cstring) IS
	'text input of country_person_cube: {(year,kind,country,requests,persons), ...}';
CREATE FUNCTION @extschema@.country_person_cube_out(@extschema@.country_person_cube) RETURNS pg_catalog.cstring
	AS 'MODULE_PATHNAME', 'country_person_cube_out'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_person_cube_out(@extschema@.country_person_cube) IS
	'text output of country_person_cube';
CREATE FUNCTION @extschema@.country_person_cube_recv(pg_catalog.internal) RETURNS @extschema@.country_person_cube
	AS 'MODULE_PATHNAME', 'country_person_cube_recv'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_person_cube_recv(pg_catalog.internal) IS
	'binary input of country_person_cube, checked as text input is';
CREATE FUNCTION @extschema@.country_person_cube_send(@extschema@.country_person_cube) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME', 'country_person_cube_send'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_person_cube_send(@extschema@.country_person_cube) IS
	'binary output of country_person_cube';
CREATE TYPE @extschema@.country_person_cube (
	INPUT = @extschema@.country_person_cube_in,
	OUTPUT = @extschema@.country_person_cube_out,
	RECEIVE = @extschema@.country_person_cube_recv,
	SEND = @extschema@.country_person_cube_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE @extschema@.country_person_cube IS
	'requests and distinct persons per year presented, kind and country: the result of the aggregate country_person_cube()';

CREATE FUNCTION @extschema@.country_person_cube_trans(pg_catalog.internal, @extschema@.request_kind,
													  @extschema@.country, pg_catalog.int8, pg_catalog.date)
	RETURNS pg_catalog.internal
	AS 'MODULE_PATHNAME', 'country_person_cube_trans'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	-- not strict: makes the state, rejects NULLs itself
COMMENT ON FUNCTION @extschema@.country_person_cube_trans(pg_catalog.internal, @extschema@.request_kind, @extschema@.country, pg_catalog.int8, pg_catalog.date) IS
	'transition function of country_person_cube: counts one request and its person';
CREATE FUNCTION @extschema@.country_person_cube_combine(pg_catalog.internal, pg_catalog.internal)
	RETURNS pg_catalog.internal
	AS 'MODULE_PATHNAME', 'person_cube_combine'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	-- not strict: a worker may have seen no rows
COMMENT ON FUNCTION @extschema@.country_person_cube_combine(pg_catalog.internal, pg_catalog.internal) IS
	'combine function of country_person_cube: merges the persons of two parallel workers (person_cube''s)';
CREATE FUNCTION @extschema@.country_person_cube_serial(pg_catalog.internal) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME', 'person_cube_serial'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_person_cube_serial(pg_catalog.internal) IS
	'serialize function of country_person_cube (person_cube''s)';
CREATE FUNCTION @extschema@.country_person_cube_deserial(pg_catalog.bytea, pg_catalog.internal)
	RETURNS pg_catalog.internal
	AS 'MODULE_PATHNAME', 'person_cube_deserial'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_person_cube_deserial(pg_catalog.bytea, pg_catalog.internal) IS
	'deserialize function of country_person_cube (person_cube''s)';
CREATE FUNCTION @extschema@.country_person_cube_final(pg_catalog.internal) RETURNS @extschema@.country_person_cube
	AS 'MODULE_PATHNAME', 'country_person_cube_final'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	-- not strict: no rows give an empty cube
COMMENT ON FUNCTION @extschema@.country_person_cube_final(pg_catalog.internal) IS
	'final function of country_person_cube: the counts as a country_person_cube';

-- READ_ONLY, as person_cube: the final function may run again.
CREATE AGGREGATE @extschema@.country_person_cube(@extschema@.request_kind, @extschema@.country,
												 pg_catalog.int8, pg_catalog.date) (
	SFUNC = @extschema@.country_person_cube_trans,
	STYPE = pg_catalog.internal,
	FINALFUNC = @extschema@.country_person_cube_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.country_person_cube_combine,
	SERIALFUNC = @extschema@.country_person_cube_serial,
	DESERIALFUNC = @extschema@.country_person_cube_deserial,
	SSPACE = 3412448,	-- 24 bytes of counters per year, kind and country, a first table of 1024 entries; 16 bytes more per person, year, kind and country
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.country_person_cube(@extschema@.request_kind, @extschema@.country, pg_catalog.int8, pg_catalog.date) IS
	'requests and distinct persons per year presented, kind and country, in one pass (unpack with country_person_cube_rows)';

CREATE FUNCTION @extschema@.country_person_cube_rows(cube @extschema@.country_person_cube,
	OUT year pg_catalog.int4, OUT kind @extschema@.request_kind, OUT country @extschema@.country,
	OUT presented pg_catalog.int8, OUT persons pg_catalog.int8)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'country_person_cube_rows'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1000;
COMMENT ON FUNCTION @extschema@.country_person_cube_rows(@extschema@.country_person_cube) IS
	'the requests and distinct persons of every year, kind and country of a country person cube';

-- The counters of a period, read with the rights of the extension's owner:
-- everything built on them (the views, the period functions) returns
-- aggregates only and needs no right on the person-level table.  The query
-- is made with the period's dates as constants, so a short period reads
-- the index on presented_on and a long one the whole table, in parallel.
CREATE FUNCTION @extschema@.period_filter(from_year pg_catalog.int4, to_year pg_catalog.int4)
	RETURNS pg_catalog.text
	LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE	-- not strict: NULL is an open end
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	cond pg_catalog.text := '';
BEGIN
	PERFORM @extschema@.check_period(from_year, to_year);
	IF from_year IS NOT NULL THEN
		cond := cond || format(' AND r.presented_on >= pg_catalog.make_date(%s, 1, 1)', from_year);
	END IF;
	IF to_year IS NOT NULL THEN
		cond := cond || format(' AND r.presented_on < pg_catalog.make_date(%s, 1, 1)', to_year + 1);
	END IF;
	RETURN cond;
END
$$;
COMMENT ON FUNCTION @extschema@.period_filter(pg_catalog.int4, pg_catalog.int4) IS
	'the conditions " AND ..." on r.presented_on that keep the requests of the years from_year to to_year (NULL: an open end), with the dates as constants; an error for a period that is not valid';

CREATE FUNCTION @extschema@.period_cube(from_year pg_catalog.int4 DEFAULT NULL,
										to_year pg_catalog.int4 DEFAULT NULL,
										kind @extschema@.request_kind DEFAULT NULL)
	RETURNS SETOF @extschema@.request_cube
	LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL RESTRICTED ROWS 1
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	query pg_catalog.text := 'SELECT @extschema@.request_cube(r.kind, r.answer, r.country, r.presented_on)'
		' FROM @extschema@.request r WHERE true' || @extschema@.period_filter(from_year, to_year);
BEGIN
	IF kind IS NOT NULL THEN
		query := query || format(' AND r.kind OPERATOR(pg_catalog.=) %L::@extschema@.request_kind', kind);
	END IF;
	RETURN QUERY EXECUTE query;
END
$$;
COMMENT ON FUNCTION @extschema@.period_cube(pg_catalog.int4, pg_catalog.int4, @extschema@.request_kind) IS
	'request_cube of the requests presented in the years from_year to to_year (NULL: an open end), of one kind (NULL: both); runs with the rights of the extension''s owner and returns counts only (PARALLEL RESTRICTED: it starts a parallel query of its own)';
