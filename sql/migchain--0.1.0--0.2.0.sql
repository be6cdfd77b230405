-- migchain 0.1.0 -> 0.2.0: the changes since 0.1.0, in the order of CHANGELOG.md.
-- Every change to sql/install/ must be made here too; test/t/040_upgrade.pl
-- checks that an updated 0.1.0 has exactly the objects of a fresh install.

\echo Use "ALTER EXTENSION migchain UPDATE TO '0.2.0'" to load this file. \quit

-- The grant functions refuse a NULL role instead of doing nothing.
CREATE OR REPLACE FUNCTION @extschema@.check_grantee(grantee pg_catalog.regrole) RETURNS pg_catalog.text
	LANGUAGE plpgsql STABLE	-- not strict: no role (NULL) is an error, not a silent no-op
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF grantee IS NULL OR grantee::oid OPERATOR(pg_catalog.=) 0::oid THEN
		RAISE EXCEPTION 'a role is required'
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Name an existing role, e.g. migchain.grant_analyst(''bi_reader'').';
	END IF;
	RETURN grantee::text;	-- regrole output: the name, quoted where needed
END
$$;
ALTER FUNCTION @extschema@.grant_analyst(pg_catalog.regrole) CALLED ON NULL INPUT;
ALTER FUNCTION @extschema@.grant_loader(pg_catalog.regrole) CALLED ON NULL INPUT;
ALTER FUNCTION @extschema@.revoke_access(pg_catalog.regrole) CALLED ON NULL INPUT;

-- persons(): several countries when the smallest and largest country differ
-- (cheaper than count(DISTINCT)); its rights and comment stay as they were.
CREATE OR REPLACE FUNCTION @extschema@.persons(from_year pg_catalog.int4 DEFAULT NULL,
								   to_year pg_catalog.int4 DEFAULT NULL)
	RETURNS TABLE (year pg_catalog.int4, kind pg_catalog.text, presented pg_catalog.int8,
				   persons pg_catalog.int8, persons_several_countries pg_catalog.int8)
	LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL RESTRICTED
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
	RETURN QUERY EXECUTE
		'SELECT p.year, p.kind::pg_catalog.text, pg_catalog.sum(p.requests)::pg_catalog.int8,'
		'       pg_catalog.count(*), pg_catalog.count(*) FILTER (WHERE p.several)'
		'  FROM (SELECT pg_catalog.date_part(''year'', r.presented_on)::pg_catalog.int4 AS year,'
		'               r.kind, r.person_id, pg_catalog.count(*) AS requests,'
		'               @extschema@.min(r.country) OPERATOR(@extschema@.<>) @extschema@.max(r.country) AS several'
		'          FROM @extschema@.request r WHERE true' || cond ||
		'         GROUP BY 1, 2, 3) p'
		' GROUP BY p.year, p.kind';
END
$$;

-- The range of years, defined once (in C): the CHECK of presented_on calls
-- year_in_range(); it accepts exactly the dates it accepted before.
CREATE FUNCTION @extschema@.year_in_range(pg_catalog.date) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'year_in_range'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.year_in_range(pg_catalog.date) IS
	'whether a date is in a year migchain counts (1950 to 2199; not infinity)';
ALTER TABLE @extschema@.request DROP CONSTRAINT request_presented_in_range;
ALTER TABLE @extschema@.request ADD CONSTRAINT request_presented_in_range
	CHECK (@extschema@.year_in_range(presented_on));

-- The period filter of the functions that build their query, in one place.
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

-- person_cube: requests and distinct persons per year and kind in one pass,
-- into a hash table of (person, year, kind), in parallel, with a type of its
-- own for its result; persons() counts with it instead of a GROUP BY (its
-- rights and comment stay as they were).
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

CREATE OR REPLACE FUNCTION @extschema@.persons(from_year pg_catalog.int4 DEFAULT NULL,
								   to_year pg_catalog.int4 DEFAULT NULL)
	RETURNS TABLE (year pg_catalog.int4, kind pg_catalog.text, presented pg_catalog.int8,
				   persons pg_catalog.int8, persons_several_countries pg_catalog.int8)
	LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL RESTRICTED
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RETURN QUERY EXECUTE
		'SELECT p.year, p.kind::pg_catalog.text, p.presented, p.persons, p.persons_several_countries'
		'  FROM (SELECT @extschema@.person_cube(r.kind, r.country, r.person_id, r.presented_on)'
		'          FROM @extschema@.request r WHERE true' || @extschema@.period_filter(from_year, to_year) ||
		'       ) c(cube)'
		' CROSS JOIN LATERAL @extschema@.person_cube_by_year(c.cube) p';
END
$$;

-- request_cube returns a type of its own instead of a bytea.  The aggregate,
-- its final function, the functions that unpack it and period_cube() are
-- made anew; overview() and not_confirmed() keep their identity (and so the
-- views on them and every right on them): their bodies stop using the old
-- functions first and get their new bodies at the end.  The rights that
-- roles were given on the functions made anew are given again on the new
-- ones, and the extension's initial privileges stay those of a fresh
-- install (so pg_dump still dumps the roles' rights).
SELECT pg_catalog.set_config('migchain_upgrade.acl', coalesce(pg_catalog.json_agg(pg_catalog.json_build_object(
		'fn', m.new_fn, 'grantee', a.grantee, 'privilege', a.privilege_type,
		'grantable', a.is_grantable, 'grant', a.added))::pg_catalog.text, '[]'), true)
  FROM (VALUES ('@extschema@.period_cube(pg_catalog.int4, pg_catalog.int4, @extschema@.request_kind)',
				'@extschema@.period_cube(pg_catalog.int4, pg_catalog.int4, @extschema@.request_kind)'),
			   ('@extschema@.request_cube_by_year(pg_catalog.bytea)',
				'@extschema@.request_cube_by_year(@extschema@.request_cube)'),
			   ('@extschema@.request_cube_by_country(pg_catalog.bytea)',
				'@extschema@.request_cube_by_country(@extschema@.request_cube)'),
			   ('@extschema@.request_cube(@extschema@.request_kind, @extschema@.answer, @extschema@.country, pg_catalog.date)',
				'@extschema@.request_cube(@extschema@.request_kind, @extschema@.answer, @extschema@.country, pg_catalog.date)'),
			   ('@extschema@.request_cube_final(pg_catalog.internal)',
				'@extschema@.request_cube_final(pg_catalog.internal)')) m(old_fn, new_fn)
  JOIN pg_catalog.pg_proc p ON p.oid OPERATOR(pg_catalog.=) m.old_fn::pg_catalog.regprocedure
  LEFT JOIN pg_catalog.pg_init_privs i
	ON i.objoid OPERATOR(pg_catalog.=) p.oid
   AND i.classoid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
   AND i.objsubid OPERATOR(pg_catalog.=) 0
 CROSS JOIN LATERAL (
	-- what roles were given beyond the extension's own, and what was taken
	(SELECT x.grantee, x.privilege_type, x.is_grantable, true AS added
	   FROM pg_catalog.aclexplode(coalesce(p.proacl, pg_catalog.acldefault('f', p.proowner))) x
	 EXCEPT
	 SELECT y.grantee, y.privilege_type, y.is_grantable, true
	   FROM pg_catalog.aclexplode(coalesce(i.initprivs, pg_catalog.acldefault('f', p.proowner))) y)
	UNION ALL
	(SELECT y.grantee, y.privilege_type, y.is_grantable, false
	   FROM pg_catalog.aclexplode(coalesce(i.initprivs, pg_catalog.acldefault('f', p.proowner))) y
	 EXCEPT
	 SELECT x.grantee, x.privilege_type, x.is_grantable, false
	   FROM pg_catalog.aclexplode(coalesce(p.proacl, pg_catalog.acldefault('f', p.proowner))) x)) a
 WHERE a.grantee OPERATOR(pg_catalog.<>) p.proowner;
-- The roles that may insert requests need year_in_range(), which the CHECK
-- of presented_on now calls (as grant_loader() gives it).
SELECT pg_catalog.set_config('migchain_upgrade.acl', (pg_catalog.current_setting('migchain_upgrade.acl')::pg_catalog.jsonb
		OPERATOR(pg_catalog.||) coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
			'fn', '@extschema@.year_in_range(pg_catalog.date)', 'grantee', a.grantee,
			'privilege', 'EXECUTE', 'grantable', false, 'grant', true)), '[]'))::pg_catalog.text, true)
  FROM pg_catalog.pg_class c
 CROSS JOIN LATERAL pg_catalog.aclexplode(c.relacl) a
 WHERE c.oid OPERATOR(pg_catalog.=) '@extschema@.request'::pg_catalog.regclass
   AND a.privilege_type OPERATOR(pg_catalog.=) 'INSERT'
   AND a.grantee OPERATOR(pg_catalog.<>) c.relowner;

CREATE OR REPLACE FUNCTION @extschema@.overview(from_year pg_catalog.int4 DEFAULT NULL,
									 to_year pg_catalog.int4 DEFAULT NULL)
	RETURNS TABLE (year pg_catalog.int4, kind pg_catalog.text, presented pg_catalog.int8,
				   positive pg_catalog.int8, negative pg_catalog.int8,
				   withdrawn pg_catalog.int8, pending pg_catalog.int8)
	LANGUAGE sql STABLE PARALLEL RESTRICTED
BEGIN ATOMIC
	SELECT NULL::pg_catalog.int4, NULL::pg_catalog.text, NULL::pg_catalog.int8, NULL::pg_catalog.int8,
		   NULL::pg_catalog.int8, NULL::pg_catalog.int8, NULL::pg_catalog.int8 WHERE false;
END;
CREATE OR REPLACE FUNCTION @extschema@.not_confirmed(kind @extschema@.request_kind DEFAULT NULL,
										  from_year pg_catalog.int4 DEFAULT NULL,
										  to_year pg_catalog.int4 DEFAULT NULL)
	RETURNS TABLE (year pg_catalog.int4, kind pg_catalog.text, country_code pg_catalog.text,
				   country_name pg_catalog.text, negative pg_catalog.int8,
				   withdrawn pg_catalog.int8, not_confirmed pg_catalog.int8,
				   presented pg_catalog.int8, has_process pg_catalog.bool)
	LANGUAGE sql STABLE SECURITY DEFINER PARALLEL RESTRICTED
	SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT NULL::pg_catalog.int4, NULL::pg_catalog.text, NULL::pg_catalog.text, NULL::pg_catalog.text,
		   NULL::pg_catalog.int8, NULL::pg_catalog.int8, NULL::pg_catalog.int8, NULL::pg_catalog.int8,
		   NULL::pg_catalog.bool WHERE false;
END;
DROP FUNCTION @extschema@.period_cube(pg_catalog.int4, pg_catalog.int4, @extschema@.request_kind);
DROP FUNCTION @extschema@.request_cube_by_year(pg_catalog.bytea);
DROP FUNCTION @extschema@.request_cube_by_country(pg_catalog.bytea);
DROP AGGREGATE @extschema@.request_cube(@extschema@.request_kind, @extschema@.answer,
										@extschema@.country, pg_catalog.date);
DROP FUNCTION @extschema@.request_cube_final(pg_catalog.internal);

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
		query := query || format(' AND r.kind OPERATOR(@extschema@.=) %L::@extschema@.request_kind', kind);
	END IF;
	RETURN QUERY EXECUTE query;
END
$$;
COMMENT ON FUNCTION @extschema@.period_cube(pg_catalog.int4, pg_catalog.int4, @extschema@.request_kind) IS
	'request_cube of the requests presented in the years from_year to to_year (NULL: an open end), of one kind (NULL: both); runs with the rights of the extension''s owner and returns counts only (PARALLEL RESTRICTED: it starts a parallel query of its own)';

REVOKE EXECUTE ON FUNCTION @extschema@.period_cube(pg_catalog.int4, pg_catalog.int4,
	@extschema@.request_kind) FROM PUBLIC;

CREATE OR REPLACE FUNCTION @extschema@.overview(from_year pg_catalog.int4 DEFAULT NULL,
									 to_year pg_catalog.int4 DEFAULT NULL)
	RETURNS TABLE (year pg_catalog.int4, kind pg_catalog.text, presented pg_catalog.int8,
				   positive pg_catalog.int8, negative pg_catalog.int8,
				   withdrawn pg_catalog.int8, pending pg_catalog.int8)
	LANGUAGE sql STABLE PARALLEL RESTRICTED
BEGIN ATOMIC
	SELECT o.year, o.kind::pg_catalog.text,
		   @extschema@.total(o.tally), @extschema@.positive(o.tally),
		   @extschema@.negative(o.tally), @extschema@.withdrawn(o.tally),
		   @extschema@.pending(o.tally)
	  FROM @extschema@.period_cube(from_year, to_year) AS c(cube)
	 CROSS JOIN LATERAL @extschema@.request_cube_by_year(c.cube) o;
END;
CREATE OR REPLACE FUNCTION @extschema@.not_confirmed(kind @extschema@.request_kind DEFAULT NULL,
										  from_year pg_catalog.int4 DEFAULT NULL,
										  to_year pg_catalog.int4 DEFAULT NULL)
	RETURNS TABLE (year pg_catalog.int4, kind pg_catalog.text, country_code pg_catalog.text,
				   country_name pg_catalog.text, negative pg_catalog.int8,
				   withdrawn pg_catalog.int8, not_confirmed pg_catalog.int8,
				   presented pg_catalog.int8, has_process pg_catalog.bool)
	LANGUAGE sql STABLE SECURITY DEFINER PARALLEL RESTRICTED
	SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH cells AS (
		SELECT o.year, o.kind, o.country, o.tally
		  FROM @extschema@.period_cube(from_year, to_year, not_confirmed.kind) AS c(cube)
		 CROSS JOIN LATERAL @extschema@.request_cube_by_country(c.cube) o
	), process AS (
		-- for each year and kind with requests: the countries with a route
		-- that year, and whether one of their routes had a process
		SELECT y.year, y.kind, cr.country, pg_catalog.bool_or(cr.has_process) AS has_process
		  FROM (SELECT DISTINCT cells.year, cells.kind FROM cells) y
		  JOIN @extschema@.country_route cr
			ON cr.kind OPERATOR(@extschema@.=) y.kind
		   AND cr.valid_from < pg_catalog.make_date(y.year + 1, 1, 1)
		   AND coalesce(cr.valid_to, 'infinity') > pg_catalog.make_date(y.year, 1, 1)
		 GROUP BY y.year, y.kind, cr.country
	)
	SELECT cells.year, cells.kind::pg_catalog.text, cells.country::pg_catalog.text,
		   @extschema@.name(cells.country),
		   @extschema@.negative(cells.tally), @extschema@.withdrawn(cells.tally),
		   @extschema@.not_confirmed(cells.tally), @extschema@.total(cells.tally),
		   process.has_process
	  FROM cells
	  LEFT JOIN process
		ON process.year = cells.year
	   AND process.kind OPERATOR(@extschema@.=) cells.kind
	   AND process.country OPERATOR(@extschema@.=) cells.country
	UNION ALL
	SELECT process.year, process.kind::pg_catalog.text, process.country::pg_catalog.text,
		   @extschema@.name(process.country), NULL, NULL, NULL, NULL, false
	  FROM process
	 WHERE NOT process.has_process
	   AND NOT EXISTS (SELECT 1 FROM cells
						WHERE cells.year = process.year
						  AND cells.kind OPERATOR(@extschema@.=) process.kind
						  AND cells.country OPERATOR(@extschema@.=) process.country);
END;

DO $$
DECLARE
	item pg_catalog.json;
	fn pg_catalog.regprocedure;
	who pg_catalog.text;
	saved pg_catalog.aclitem[];
BEGIN
	FOR fn IN SELECT DISTINCT (x->>'fn')::pg_catalog.regprocedure
				FROM pg_catalog.json_array_elements(pg_catalog.current_setting('migchain_upgrade.acl')::pg_catalog.json) x
	LOOP
		SELECT i.initprivs INTO saved FROM pg_catalog.pg_init_privs i
		 WHERE i.objoid OPERATOR(pg_catalog.=) fn::pg_catalog.oid
		   AND i.classoid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
		   AND i.objsubid OPERATOR(pg_catalog.=) 0;
		FOR item IN SELECT x FROM pg_catalog.json_array_elements(pg_catalog.current_setting('migchain_upgrade.acl')::pg_catalog.json) x
					 WHERE (x->>'fn')::pg_catalog.regprocedure OPERATOR(pg_catalog.=) fn
		LOOP
			who := CASE WHEN (item->>'grantee')::pg_catalog.oid OPERATOR(pg_catalog.=) 0 THEN 'PUBLIC'
						ELSE (item->>'grantee')::pg_catalog.oid::pg_catalog.regrole::pg_catalog.text END;
			IF (item->>'grant')::pg_catalog.bool THEN
				EXECUTE format('GRANT %s ON FUNCTION %s TO %s%s', item->>'privilege', fn, who,
							   CASE WHEN (item->>'grantable')::pg_catalog.bool THEN ' WITH GRANT OPTION' ELSE '' END);
			ELSE
				EXECUTE format('REVOKE %s ON FUNCTION %s FROM %s', item->>'privilege', fn, who);
			END IF;
		END LOOP;
		-- GRANT and REVOKE in an extension's script are recorded as its
		-- initial privileges: put back those of a fresh install.
		IF saved IS NULL THEN
			DELETE FROM pg_catalog.pg_init_privs
			 WHERE objoid OPERATOR(pg_catalog.=) fn::pg_catalog.oid
			   AND classoid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
			   AND objsubid OPERATOR(pg_catalog.=) 0;
		ELSE
			UPDATE pg_catalog.pg_init_privs SET initprivs = saved
			 WHERE objoid OPERATOR(pg_catalog.=) fn::pg_catalog.oid
			   AND classoid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
			   AND objsubid OPERATOR(pg_catalog.=) 0;
		END IF;
	END LOOP;
END
$$;

-- The comparison and hash functions of request_kind, answer (all but
-- answer_cmp), country and conditions (all but their _cmp) are PostgreSQL's
-- own functions for "char" and int2, which give the same results and hash
-- values for every value; the C functions of 0.1.0 stay in the library.
-- Names, arguments, volatility, strictness, parallel safety, LEAKPROOF and
-- comments stay as they were.
CREATE OR REPLACE FUNCTION @extschema@.request_kind_lt(@extschema@.request_kind, @extschema@.request_kind) RETURNS pg_catalog.bool
	AS 'charlt'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.request_kind_le(@extschema@.request_kind, @extschema@.request_kind) RETURNS pg_catalog.bool
	AS 'charle'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.request_kind_eq(@extschema@.request_kind, @extschema@.request_kind) RETURNS pg_catalog.bool
	AS 'chareq'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.request_kind_ne(@extschema@.request_kind, @extschema@.request_kind) RETURNS pg_catalog.bool
	AS 'charne'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.request_kind_ge(@extschema@.request_kind, @extschema@.request_kind) RETURNS pg_catalog.bool
	AS 'charge'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.request_kind_gt(@extschema@.request_kind, @extschema@.request_kind) RETURNS pg_catalog.bool
	AS 'chargt'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.request_kind_cmp(@extschema@.request_kind, @extschema@.request_kind) RETURNS pg_catalog.int4
	AS 'btcharcmp'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.request_kind_hash(@extschema@.request_kind) RETURNS pg_catalog.int4
	AS 'hashchar'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.request_kind_hash_extended(@extschema@.request_kind, pg_catalog.int8) RETURNS pg_catalog.int8
	AS 'hashcharextended'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.answer_lt(@extschema@.answer, @extschema@.answer) RETURNS pg_catalog.bool
	AS 'charlt'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.answer_le(@extschema@.answer, @extschema@.answer) RETURNS pg_catalog.bool
	AS 'charle'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.answer_eq(@extschema@.answer, @extschema@.answer) RETURNS pg_catalog.bool
	AS 'chareq'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.answer_ne(@extschema@.answer, @extschema@.answer) RETURNS pg_catalog.bool
	AS 'charne'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.answer_ge(@extschema@.answer, @extschema@.answer) RETURNS pg_catalog.bool
	AS 'charge'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.answer_gt(@extschema@.answer, @extschema@.answer) RETURNS pg_catalog.bool
	AS 'chargt'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.answer_hash(@extschema@.answer) RETURNS pg_catalog.int4
	AS 'hashchar'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.answer_hash_extended(@extschema@.answer, pg_catalog.int8) RETURNS pg_catalog.int8
	AS 'hashcharextended'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.country_lt(@extschema@.country, @extschema@.country) RETURNS pg_catalog.bool
	AS 'int2lt'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.country_le(@extschema@.country, @extschema@.country) RETURNS pg_catalog.bool
	AS 'int2le'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.country_eq(@extschema@.country, @extschema@.country) RETURNS pg_catalog.bool
	AS 'int2eq'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.country_ne(@extschema@.country, @extschema@.country) RETURNS pg_catalog.bool
	AS 'int2ne'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.country_ge(@extschema@.country, @extschema@.country) RETURNS pg_catalog.bool
	AS 'int2ge'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.country_gt(@extschema@.country, @extschema@.country) RETURNS pg_catalog.bool
	AS 'int2gt'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.country_hash(@extschema@.country) RETURNS pg_catalog.int4
	AS 'hashint2'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.country_hash_extended(@extschema@.country, pg_catalog.int8) RETURNS pg_catalog.int8
	AS 'hashint2extended'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.conditions_lt(@extschema@.conditions, @extschema@.conditions) RETURNS pg_catalog.bool
	AS 'int2lt'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE OR REPLACE FUNCTION @extschema@.conditions_le(@extschema@.conditions, @extschema@.conditions) RETURNS pg_catalog.bool
	AS 'int2le'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE OR REPLACE FUNCTION @extschema@.conditions_eq(@extschema@.conditions, @extschema@.conditions) RETURNS pg_catalog.bool
	AS 'int2eq'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE OR REPLACE FUNCTION @extschema@.conditions_ne(@extschema@.conditions, @extschema@.conditions) RETURNS pg_catalog.bool
	AS 'int2ne'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE OR REPLACE FUNCTION @extschema@.conditions_ge(@extschema@.conditions, @extschema@.conditions) RETURNS pg_catalog.bool
	AS 'int2ge'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE OR REPLACE FUNCTION @extschema@.conditions_gt(@extschema@.conditions, @extschema@.conditions) RETURNS pg_catalog.bool
	AS 'int2gt'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE OR REPLACE FUNCTION @extschema@.conditions_hash(@extschema@.conditions) RETURNS pg_catalog.int4
	AS 'hashint2'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE OR REPLACE FUNCTION @extschema@.conditions_hash_extended(@extschema@.conditions, pg_catalog.int8) RETURNS pg_catalog.int8
	AS 'hashint2extended'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

-- The period function not_confirmed(kind, from_year, to_year) is named for
-- its view, not_confirmed_by_country, as overview() is for overview_by_year:
-- its name no longer collides with the tally accessor not_confirmed(tally).
-- Renamed, it keeps its identity, its rights, its body and the view on it.
ALTER FUNCTION @extschema@.not_confirmed(@extschema@.request_kind, pg_catalog.int4, pg_catalog.int4)
	RENAME TO not_confirmed_by_country;

-- Every type reads text and varchar in assignment (INSERT ... SELECT from a
-- staging table of text columns, a driver's string parameters): the casts
-- from text of request_kind, answer and conditions were explicit only, and
-- none came from varchar.
DROP CAST (pg_catalog.text AS @extschema@.request_kind);
CREATE CAST (pg_catalog.text AS @extschema@.request_kind)
	WITH FUNCTION @extschema@.request_kind(pg_catalog.text)
	AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.text AS @extschema@.request_kind) IS
	'parse a request_kind (explicit or in assignment)';
CREATE CAST (pg_catalog.varchar AS @extschema@.request_kind)
	WITH FUNCTION @extschema@.request_kind(pg_catalog.text)
	AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.varchar AS @extschema@.request_kind) IS
	'parse a request_kind (explicit or in assignment)';
DROP CAST (pg_catalog.text AS @extschema@.answer);
CREATE CAST (pg_catalog.varchar AS @extschema@.answer)
	WITH FUNCTION @extschema@.answer(pg_catalog.text)
	AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.varchar AS @extschema@.answer) IS
	'parse an answer in Dutch or English (explicit or in assignment)';
CREATE CAST (pg_catalog.text AS @extschema@.answer)
	WITH FUNCTION @extschema@.answer(pg_catalog.text)
	AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.text AS @extschema@.answer) IS
	'parse an answer in Dutch or English (explicit or in assignment)';
CREATE CAST (pg_catalog.varchar AS @extschema@.country) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.varchar AS @extschema@.country) IS
	'varchar to country: any accepted code or name';
DROP CAST (pg_catalog.text AS @extschema@.conditions);
CREATE CAST (pg_catalog.text AS @extschema@.conditions) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.text AS @extschema@.conditions) IS
	'conditions from their text form, e.g. GGR?G (explicit or in assignment)';
CREATE CAST (pg_catalog.varchar AS @extschema@.conditions) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.varchar AS @extschema@.conditions) IS
	'conditions from their text form, e.g. GGR?G (explicit or in assignment)';

-- From text and varchar in assignment too, as for every type of migchain.
CREATE CAST (pg_catalog.text AS @extschema@.tally) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.text AS @extschema@.tally) IS
	'a tally from its text form, e.g. pending=0, positive=5, negative=1, withdrawn=2 (explicit or in assignment)';
CREATE CAST (pg_catalog.varchar AS @extschema@.tally) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.varchar AS @extschema@.tally) IS
	'a tally from its text form, e.g. pending=0, positive=5, negative=1, withdrawn=2 (explicit or in assignment)';

-- has_process() is STRICT (a NULL year gives NULL, not whether a route ever
-- had a process) and names its own argument when the year is out of range,
-- through year_start() and year_end(), new.
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
CREATE OR REPLACE FUNCTION @extschema@.has_process(country @extschema@.country,
										kind @extschema@.request_kind,
										year pg_catalog.int4)
	RETURNS pg_catalog.bool
	LANGUAGE sql STABLE STRICT PARALLEL SAFE
	RETURN (SELECT CASE WHEN pg_catalog.bool_or(r.has_process) THEN true
						WHEN pg_catalog.count(*) > 0 THEN false END
			  FROM @extschema@.country_route r
			 WHERE r.country OPERATOR(@extschema@.=) has_process.country
			   AND r.kind OPERATOR(@extschema@.=) has_process.kind
			   AND r.valid_from < @extschema@.year_end(has_process.year)
			   AND coalesce(r.valid_to, 'infinity') > @extschema@.year_start(has_process.year));
COMMENT ON FUNCTION @extschema@.has_process(@extschema@.country, @extschema@.request_kind, pg_catalog.int4) IS
	'true when the country had a process for this kind of request at some time during the year, false when its routes say it had none, NULL when no route is recorded or an argument is NULL (STABLE: reads country_route)';

-- Routes never overlap, at any isolation level, and no role that may not
-- write routes can make their writers wait.  In 0.1.0 the overlap trigger
-- read the routes with its transaction's snapshot, so a REPEATABLE READ or
-- SERIALIZABLE transaction could add a route overlapping one that committed
-- after its snapshot was taken, and the writers took turns through an
-- advisory lock that every role can take.  The trigger function
-- country_route_check_overlap() becomes migchain's C function, which reads
-- the latest committed routes (the same function, so the constraint trigger
-- country_route_no_overlap and every right on it stay), and the new
-- statement trigger country_route_lock makes the writers take turns with a
-- lock on the table that only they can hold.
--
-- First the routes that 0.1.0 let overlap: with no route written meanwhile
-- (SHARE mode keeps writers out until the update ends), the update stops and
-- lists them if there are any.  Each pair is named once, the route that
-- starts later first, in the words of the trigger's error.
LOCK TABLE @extschema@.country_route IN SHARE MODE;
DO $$
DECLARE
	saved_datestyle pg_catalog.text := pg_catalog.current_setting('datestyle');
	pairs pg_catalog.text;
BEGIN
	-- days as the trigger's error writes them: ISO 8601, infinity for no end
	PERFORM pg_catalog.set_config('datestyle', 'ISO', true);
	SELECT pg_catalog.string_agg(pg_catalog.format('route %s for %s %s from %s to %s overlaps route %s from %s to %s',
				b.route_id, b.country, b.kind, b.valid_from, coalesce(b.valid_to::pg_catalog.text, 'infinity'),
				a.route_id, a.valid_from, coalesce(a.valid_to::pg_catalog.text, 'infinity')),
			E'\n' ORDER BY a.country, a.kind, a.valid_from, a.route_id, b.valid_from, b.route_id)
	  INTO pairs
	  FROM @extschema@.country_route a
	  JOIN @extschema@.country_route b
		ON b.country OPERATOR(@extschema@.=) a.country
	   AND b.kind OPERATOR(@extschema@.=) a.kind
	   AND (a.valid_from OPERATOR(pg_catalog.<) b.valid_from
			OR a.valid_from OPERATOR(pg_catalog.=) b.valid_from
			   AND a.route_id OPERATOR(pg_catalog.<) b.route_id)
	   AND b.valid_from OPERATOR(pg_catalog.<) coalesce(a.valid_to, 'infinity'::pg_catalog.date);
	PERFORM pg_catalog.set_config('datestyle', saved_datestyle, true);
	IF pairs IS NOT NULL THEN
		RAISE EXCEPTION 'cannot update migchain to 0.2.0: routes of one country and kind overlap'
			USING ERRCODE = 'exclusion_violation',
				  DETAIL = pairs,
				  HINT = 'End the earlier route of each pair on or before the day the later one starts (set its valid_to), '
						 'or delete the route that is wrong; then run ALTER EXTENSION migchain UPDATE again.';
	END IF;
END
$$;

CREATE OR REPLACE FUNCTION @extschema@.country_route_check_overlap() RETURNS pg_catalog.trigger
	AS 'MODULE_PATHNAME', 'country_route_check_overlap'
	LANGUAGE C;	-- volatile: takes a lock and reads the table
COMMENT ON FUNCTION @extschema@.country_route_check_overlap() IS
	'constraint trigger: the periods of one country and kind of request may not overlap (checked against the latest committed routes)';
COMMENT ON TRIGGER country_route_no_overlap ON @extschema@.country_route IS
	'the periods of one country and kind of request may not overlap (23P01)';

CREATE FUNCTION @extschema@.country_route_lock() RETURNS pg_catalog.trigger
	AS 'MODULE_PATHNAME', 'country_route_lock'
	LANGUAGE C;	-- volatile: takes a lock
COMMENT ON FUNCTION @extschema@.country_route_lock() IS
	'statement trigger: the writers of routes take turns (SHARE UPDATE EXCLUSIVE lock on country_route until the transaction ends)';

CREATE TRIGGER country_route_lock
	BEFORE INSERT OR UPDATE ON @extschema@.country_route
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.country_route_lock();
COMMENT ON TRIGGER country_route_lock ON @extschema@.country_route IS
	'the writers of routes take turns, from their first statement that writes routes to the end of their transaction';

-- What roles were given, or PUBLIC lost, of EXECUTE on
-- country_route_check_overlap() beyond the extension's own rights, they are
-- given, or lose, on country_route_lock() too: grant_loader() grants the
-- functions of the routes' triggers, loader_functions() now lists both.  The
-- extension's initial privileges of country_route_lock() stay those of a
-- fresh install, which has none (it keeps the default rights).
DO $$
DECLARE
	item record;
BEGIN
	FOR item IN
		WITH f AS (
			SELECT p.proowner, coalesce(p.proacl, pg_catalog.acldefault('f', p.proowner)) AS acl,
				   coalesce(i.initprivs, pg_catalog.acldefault('f', p.proowner)) AS init
			  FROM pg_catalog.pg_proc p
			  LEFT JOIN pg_catalog.pg_init_privs i
				ON i.objoid OPERATOR(pg_catalog.=) p.oid
			   AND i.classoid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
			   AND i.objsubid OPERATOR(pg_catalog.=) 0
			 WHERE p.oid OPERATOR(pg_catalog.=) '@extschema@.country_route_check_overlap()'::pg_catalog.regprocedure
		)
		SELECT a.grantee, a.is_grantable, a.added
		  FROM f CROSS JOIN LATERAL (
			(SELECT x.grantee, x.is_grantable, true AS added FROM pg_catalog.aclexplode(f.acl) x
			 EXCEPT
			 SELECT y.grantee, y.is_grantable, true FROM pg_catalog.aclexplode(f.init) y)
			UNION ALL
			(SELECT y.grantee, y.is_grantable, false FROM pg_catalog.aclexplode(f.init) y
			 EXCEPT
			 SELECT x.grantee, x.is_grantable, false FROM pg_catalog.aclexplode(f.acl) x)) a
		 WHERE a.grantee OPERATOR(pg_catalog.<>) f.proowner
	LOOP
		EXECUTE pg_catalog.format('%s EXECUTE ON FUNCTION @extschema@.country_route_lock() %s %s%s',
			CASE WHEN item.added THEN 'GRANT' ELSE 'REVOKE' END,
			CASE WHEN item.added THEN 'TO' ELSE 'FROM' END,
			CASE WHEN item.grantee OPERATOR(pg_catalog.=) 0 THEN 'PUBLIC'
				 ELSE item.grantee::pg_catalog.regrole::pg_catalog.text END,
			CASE WHEN item.added AND item.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END);
	END LOOP;
	-- GRANT and REVOKE in an extension's script are recorded as its initial
	-- privileges: a fresh install has none for this function.
	DELETE FROM pg_catalog.pg_init_privs
	 WHERE objoid OPERATOR(pg_catalog.=) '@extschema@.country_route_lock()'::pg_catalog.regprocedure::pg_catalog.oid
	   AND classoid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
	   AND objsubid OPERATOR(pg_catalog.=) 0;
END
$$;

-- The operators of migchain's types live in pg_catalog, which name lookup
-- always searches: "WHERE country = 'MA'" works for every role without
-- migchain on its search path, whatever path a role, database or client
-- sets.  Moved, they keep their identity, so the operator classes, the
-- constraints, the views and the SQL-standard bodies that use them stay as
-- they are; the PL/pgSQL bodies that name them are written anew.
DO $$
DECLARE
	op pg_catalog.regoperator;
BEGIN
	FOR op IN SELECT o.oid::pg_catalog.regoperator FROM pg_catalog.pg_operator o
			   WHERE o.oprnamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
	LOOP
		EXECUTE format('ALTER OPERATOR %s SET SCHEMA pg_catalog', op);
	END LOOP;
END
$$;
CREATE OR REPLACE FUNCTION @extschema@.period_cube(from_year pg_catalog.int4 DEFAULT NULL,
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
CREATE OR REPLACE FUNCTION @extschema@.generate_demo(seed pg_catalog.int8 DEFAULT 1,
										  scale pg_catalog.float8 DEFAULT 1,
										  first_year pg_catalog.int4 DEFAULT 2017,
										  last_year pg_catalog.int4 DEFAULT 2022)
	RETURNS pg_catalog.int8
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	existing pg_catalog.int8;
	routes pg_catalog.int8;
	made pg_catalog.int8;
BEGIN
	SELECT count(*) INTO existing FROM @extschema@.request;
	SELECT count(*) INTO routes FROM @extschema@.country_route;
	IF existing > 0 OR routes > 0 THEN
		RAISE EXCEPTION 'generate_demo fills empty tables only'
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  DETAIL = pg_catalog.format('Rows in migchain.request: %s; in migchain.country_route: %s.',
											 existing, routes),
				  HINT = 'Use a database of its own for the demo, or empty the tables first (TRUNCATE migchain.request, migchain.country_route).';
	END IF;

	INSERT INTO @extschema@.request
		(kind, answer, country, presented_on, person_id, answered_on, requested_on, source)
	SELECT d.kind, d.answer, d.country, d.presented_on, d.person_id, d.answered_on,
		   d.requested_on, d.source
	  FROM @extschema@.demo_requests(seed, scale, first_year, last_year) d;
	GET DIAGNOSTICS made = ROW_COUNT;

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

	RETURN made;
END
$$;

-- The type lights (sql/install/14-lights.sql): counts of cases per condition
-- and light, with the aggregates light_counts(conditions) and sum(lights).
-- Its operators are made in pg_catalog, where the update moved the others.
CREATE TYPE @extschema@.lights;

CREATE FUNCTION @extschema@.lights_in(pg_catalog.cstring) RETURNS @extschema@.lights
	AS 'MODULE_PATHNAME', 'lights_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.lights_in(pg_catalog.cstring) IS
	'text input of lights: "cases=10, returnable=2, removable=8/1/1, ..." (green/red/unknown per condition)';
CREATE FUNCTION @extschema@.lights_out(@extschema@.lights) RETURNS pg_catalog.cstring
	AS 'MODULE_PATHNAME', 'lights_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.lights_out(@extschema@.lights) IS 'text output of lights';
CREATE FUNCTION @extschema@.lights_recv(pg_catalog.internal) RETURNS @extschema@.lights
	AS 'MODULE_PATHNAME', 'lights_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.lights_recv(pg_catalog.internal) IS
	'binary input of lights: seventeen big-endian int64 counts';
CREATE FUNCTION @extschema@.lights_send(@extschema@.lights) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME', 'lights_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.lights_send(@extschema@.lights) IS
	'binary output of lights: seventeen big-endian int64 counts (cases, returnable, then green, red, unknown of conditions 1 to 5)';

CREATE TYPE @extschema@.lights (
	INPUT = @extschema@.lights_in,
	OUTPUT = @extschema@.lights_out,
	RECEIVE = @extschema@.lights_recv,
	SEND = @extschema@.lights_send,
	INTERNALLENGTH = 136,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE @extschema@.lights IS
	'counts of cases: all, returnable, and green/red/unknown per condition';

-- From text and varchar in assignment too, as for every type of migchain.
CREATE CAST (pg_catalog.text AS @extschema@.lights) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.text AS @extschema@.lights) IS
	'lights from their text form, e.g. cases=1, returnable=0, removable=1/0/0, ... (explicit or in assignment)';
CREATE CAST (pg_catalog.varchar AS @extschema@.lights) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.varchar AS @extschema@.lights) IS
	'lights from their text form, e.g. cases=1, returnable=0, removable=1/0/0, ... (explicit or in assignment)';

-- Equality, hashing and addition.
CREATE FUNCTION @extschema@.lights_eq(@extschema@.lights, @extschema@.lights) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'lights_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.lights_eq(@extschema@.lights, @extschema@.lights) IS
	'true when every count is equal';
CREATE FUNCTION @extschema@.lights_ne(@extschema@.lights, @extschema@.lights) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'lights_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.lights_ne(@extschema@.lights, @extschema@.lights) IS
	'true when some count differs';
CREATE FUNCTION @extschema@.lights_hash(@extschema@.lights) RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'lights_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.lights_hash(@extschema@.lights) IS 'hash support for lights';
CREATE FUNCTION @extschema@.lights_hash_extended(@extschema@.lights, pg_catalog.int8) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'lights_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.lights_hash_extended(@extschema@.lights, pg_catalog.int8) IS
	'hash support for lights: 64-bit hash with a seed';
CREATE FUNCTION @extschema@.lights_add(@extschema@.lights, @extschema@.lights) RETURNS @extschema@.lights
	AS 'MODULE_PATHNAME', 'lights_add' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.lights_add(@extschema@.lights, @extschema@.lights) IS
	'lights added count by count';

CREATE OPERATOR pg_catalog.= (
	LEFTARG = @extschema@.lights, RIGHTARG = @extschema@.lights, FUNCTION = @extschema@.lights_eq,
	COMMUTATOR = OPERATOR(pg_catalog.=), NEGATOR = OPERATOR(pg_catalog.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES
);
COMMENT ON OPERATOR pg_catalog.= (@extschema@.lights, @extschema@.lights) IS 'equal: every count the same';
CREATE OPERATOR pg_catalog.<> (
	LEFTARG = @extschema@.lights, RIGHTARG = @extschema@.lights, FUNCTION = @extschema@.lights_ne,
	COMMUTATOR = OPERATOR(pg_catalog.<>), NEGATOR = OPERATOR(pg_catalog.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR pg_catalog.<> (@extschema@.lights, @extschema@.lights) IS 'not equal: some count differs';

CREATE OPERATOR CLASS @extschema@.lights_ops
	DEFAULT FOR TYPE @extschema@.lights USING hash AS
	OPERATOR 1 pg_catalog.= ,
	FUNCTION 1 @extschema@.lights_hash(@extschema@.lights),
	FUNCTION 2 @extschema@.lights_hash_extended(@extschema@.lights, pg_catalog.int8);
COMMENT ON OPERATOR CLASS @extschema@.lights_ops USING hash IS 'hashing of lights';

CREATE OPERATOR pg_catalog.+ (
	LEFTARG = @extschema@.lights, RIGHTARG = @extschema@.lights,
	FUNCTION = @extschema@.lights_add, COMMUTATOR = OPERATOR(pg_catalog.+)
);
COMMENT ON OPERATOR pg_catalog.+ (@extschema@.lights, @extschema@.lights) IS 'lights added';

-- Accessors.
CREATE FUNCTION @extschema@.cases(@extschema@.lights) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'lights_cases' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cases(@extschema@.lights) IS 'the number of cases counted';
-- Not returnable(lights): returnable('GGGG?') of conditions would then be
-- ambiguous for an untyped literal.
CREATE FUNCTION @extschema@.returnable_cases(@extschema@.lights) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'lights_returnable' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.returnable_cases(@extschema@.lights) IS
	'the cases with all five conditions green';
CREATE FUNCTION @extschema@.green(l @extschema@.lights, n pg_catalog.int4) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'lights_green_number' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.green(@extschema@.lights, pg_catalog.int4) IS
	'the cases with condition n (1..5) green';
CREATE FUNCTION @extschema@.green(l @extschema@.lights, condition pg_catalog.text) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'lights_green_name' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.green(@extschema@.lights, pg_catalog.text) IS
	'the cases with the named condition green (removable, country_cooperates, ...)';
CREATE FUNCTION @extschema@.red(l @extschema@.lights, n pg_catalog.int4) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'lights_red_number' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.red(@extschema@.lights, pg_catalog.int4) IS
	'the cases with condition n (1..5) red';
CREATE FUNCTION @extschema@.red(l @extschema@.lights, condition pg_catalog.text) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'lights_red_name' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.red(@extschema@.lights, pg_catalog.text) IS
	'the cases with the named condition red (removable, country_cooperates, ...)';
CREATE FUNCTION @extschema@.unknown(l @extschema@.lights, n pg_catalog.int4) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'lights_unknown_number' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.unknown(@extschema@.lights, pg_catalog.int4) IS
	'the cases with condition n (1..5) unknown';
CREATE FUNCTION @extschema@.unknown(l @extschema@.lights, condition pg_catalog.text) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'lights_unknown_name' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.unknown(@extschema@.lights, pg_catalog.text) IS
	'the cases with the named condition unknown (removable, country_cooperates, ...)';

-- Aggregates.
CREATE FUNCTION @extschema@.lights_count_conditions(@extschema@.lights, @extschema@.conditions)
	RETURNS @extschema@.lights
	AS 'MODULE_PATHNAME', 'lights_count_conditions' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.lights_count_conditions(@extschema@.lights, @extschema@.conditions) IS
	'transition function of light_counts: the lights with one more case';
CREATE FUNCTION @extschema@.lights_combine(@extschema@.lights, @extschema@.lights)
	RETURNS @extschema@.lights
	AS 'MODULE_PATHNAME', 'lights_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.lights_combine(@extschema@.lights, @extschema@.lights) IS
	'transition and combine function of sum(lights) and light_counts: lights added';

CREATE AGGREGATE @extschema@.light_counts(@extschema@.conditions) (
	SFUNC = @extschema@.lights_count_conditions,
	STYPE = @extschema@.lights,
	COMBINEFUNC = @extschema@.lights_combine,
	INITCOND = 'cases=0, returnable=0, removable=0/0/0, country_cooperates=0/0/0, identity_established=0/0/0, available=0/0/0, person_cooperates=0/0/0',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.light_counts(@extschema@.conditions) IS
	'counts of the cases per condition and light, and of the returnable ones (NULL conditions are not counted)';

CREATE AGGREGATE @extschema@.sum(@extschema@.lights) (
	SFUNC = @extschema@.lights_combine,
	STYPE = @extschema@.lights,
	COMBINEFUNC = @extschema@.lights_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sum(@extschema@.lights) IS
	'lights merged: the counts added (NULL when there are no lights)';

-- ==== Outcome types: case_outcome and detention_exit ====

-- label(text, text), in sql/install/11-answer.sql:
-- case_outcome and detention_exit have a label() too, so an untyped literal
-- would no longer choose label(answer, text): label('positief', 'en') would be
-- ambiguous.  A literal, or a text, is read as an answer, as in 0.1.0.
CREATE FUNCTION @extschema@.label(pg_catalog.text, pg_catalog.text) RETURNS pg_catalog.text
	AS 'MODULE_PATHNAME', 'answer_label_text'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.label(pg_catalog.text, pg_catalog.text) IS
	'label of the answer a text names (by the rules of text input) in a language given: ''nl'' or ''en''';

-- The type case_outcome: how a return case ended.  One byte, the ordinal:
-- independent = 0 < forced = 1 < unsupervised = 2 < residence_permit = 3
-- < other_member_state = 4 < other = 5.  A case that has not ended has no
-- outcome (NULL).  Text input accepts Dutch and English; text output follows
-- the setting migchain.language ('nl' or 'en').

CREATE TYPE @extschema@.case_outcome;

CREATE FUNCTION @extschema@.case_outcome_in(pg_catalog.cstring) RETURNS @extschema@.case_outcome
	AS 'MODULE_PATHNAME', 'case_outcome_in'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.case_outcome_in(pg_catalog.cstring) IS
	'text input of case_outcome: Dutch and English labels and long forms, case-, accent- and space-insensitive';

-- STABLE, not IMMUTABLE: the label follows the setting migchain.language
-- (as date_out follows DateStyle).
CREATE FUNCTION @extschema@.case_outcome_out(@extschema@.case_outcome) RETURNS pg_catalog.cstring
	AS 'MODULE_PATHNAME', 'case_outcome_out'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.case_outcome_out(@extschema@.case_outcome) IS
	'text output of case_outcome, in the language of migchain.language';

CREATE FUNCTION @extschema@.case_outcome_recv(pg_catalog.internal) RETURNS @extschema@.case_outcome
	AS 'MODULE_PATHNAME', 'case_outcome_recv'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.case_outcome_recv(pg_catalog.internal) IS
	'binary input of case_outcome: one byte, 0 (independent), 1 (forced), 2 (unsupervised), 3 (residence permit), 4 (other member state) or 5 (other)';

CREATE FUNCTION @extschema@.case_outcome_send(@extschema@.case_outcome) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME', 'case_outcome_send'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.case_outcome_send(@extschema@.case_outcome) IS
	'binary output of case_outcome: one byte, 0 (independent), 1 (forced), 2 (unsupervised), 3 (residence permit), 4 (other member state) or 5 (other)';

CREATE TYPE @extschema@.case_outcome (
	INPUT = @extschema@.case_outcome_in,
	OUTPUT = @extschema@.case_outcome_out,
	RECEIVE = @extschema@.case_outcome_recv,
	SEND = @extschema@.case_outcome_send,
	INTERNALLENGTH = 1,
	ALIGNMENT = char,
	PASSEDBYVALUE,
	STORAGE = plain
);
COMMENT ON TYPE @extschema@.case_outcome IS
	'how a return case ended: independent (zelfstandig vertrek), forced (gedwongen vertrek), unsupervised (vertrek zonder toezicht), residence_permit (verblijfsvergunning), other_member_state (andere lidstaat) or other (overig)';

-- Casts to and from text.

CREATE FUNCTION @extschema@.case_outcome(pg_catalog.text) RETURNS @extschema@.case_outcome
	AS 'MODULE_PATHNAME', 'case_outcome_from_text'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.case_outcome(pg_catalog.text) IS
	'case_outcome named by a text, by the rules of text input';

-- STABLE, not IMMUTABLE: the label follows the setting migchain.language.
CREATE FUNCTION @extschema@.text(@extschema@.case_outcome) RETURNS pg_catalog.text
	AS 'MODULE_PATHNAME', 'case_outcome_to_text'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.text(@extschema@.case_outcome) IS
	'case_outcome as text, in the language of migchain.language';

-- From text and varchar in assignment too, as for every type of migchain.
CREATE CAST (pg_catalog.varchar AS @extschema@.case_outcome)
	WITH FUNCTION @extschema@.case_outcome(pg_catalog.text)
	AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.varchar AS @extschema@.case_outcome) IS
	'parse a case outcome in Dutch or English (explicit or in assignment)';
CREATE CAST (pg_catalog.text AS @extschema@.case_outcome)
	WITH FUNCTION @extschema@.case_outcome(pg_catalog.text)
	AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.text AS @extschema@.case_outcome) IS
	'parse a case outcome in Dutch or English (explicit or in assignment)';

CREATE CAST (@extschema@.case_outcome AS pg_catalog.text)
	WITH FUNCTION @extschema@.text(@extschema@.case_outcome)
	AS ASSIGNMENT;
COMMENT ON CAST (@extschema@.case_outcome AS pg_catalog.text) IS
	'case_outcome as text in the language of migchain.language (explicit or in assignment)';

-- What a case outcome means.

CREATE FUNCTION @extschema@.label(@extschema@.case_outcome, pg_catalog.text) RETURNS pg_catalog.text
	AS 'MODULE_PATHNAME', 'case_outcome_label_lang'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.label(@extschema@.case_outcome, pg_catalog.text) IS
	'label of a case outcome in a language given: ''nl'' (Dutch) or ''en'' (English)';

CREATE FUNCTION @extschema@.demonstrable_departure(@extschema@.case_outcome) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'case_outcome_demonstrable_departure'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.demonstrable_departure(@extschema@.case_outcome) IS
	'true if the case ended in demonstrable departure (aantoonbaar vertrek): independent or forced';

CREATE FUNCTION @extschema@.departed(@extschema@.case_outcome) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'case_outcome_departed'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.departed(@extschema@.case_outcome) IS
	'true if the person departed: independent, forced or unsupervised (not for residence_permit, other_member_state, other)';

-- Comparison: independent < forced < unsupervised < residence_permit < other_member_state < other.  The operators and hashing
-- are PostgreSQL's own functions for "char" (the byte compared unsigned,
-- hashed as a signed char; every byte of the type is below 128), as for
-- answer; case_outcome_cmp is in C because btcharcmp returns the difference of the
-- bytes, not -1, 0 or 1.

CREATE FUNCTION @extschema@.case_outcome_lt(@extschema@.case_outcome, @extschema@.case_outcome) RETURNS pg_catalog.bool
	AS 'charlt'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.case_outcome_lt(@extschema@.case_outcome, @extschema@.case_outcome) IS
	'implementation of < for case_outcome';

CREATE FUNCTION @extschema@.case_outcome_le(@extschema@.case_outcome, @extschema@.case_outcome) RETURNS pg_catalog.bool
	AS 'charle'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.case_outcome_le(@extschema@.case_outcome, @extschema@.case_outcome) IS
	'implementation of <= for case_outcome';

CREATE FUNCTION @extschema@.case_outcome_eq(@extschema@.case_outcome, @extschema@.case_outcome) RETURNS pg_catalog.bool
	AS 'chareq'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.case_outcome_eq(@extschema@.case_outcome, @extschema@.case_outcome) IS
	'implementation of = for case_outcome';

CREATE FUNCTION @extschema@.case_outcome_ne(@extschema@.case_outcome, @extschema@.case_outcome) RETURNS pg_catalog.bool
	AS 'charne'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.case_outcome_ne(@extschema@.case_outcome, @extschema@.case_outcome) IS
	'implementation of <> for case_outcome';

CREATE FUNCTION @extschema@.case_outcome_ge(@extschema@.case_outcome, @extschema@.case_outcome) RETURNS pg_catalog.bool
	AS 'charge'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.case_outcome_ge(@extschema@.case_outcome, @extschema@.case_outcome) IS
	'implementation of >= for case_outcome';

CREATE FUNCTION @extschema@.case_outcome_gt(@extschema@.case_outcome, @extschema@.case_outcome) RETURNS pg_catalog.bool
	AS 'chargt'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.case_outcome_gt(@extschema@.case_outcome, @extschema@.case_outcome) IS
	'implementation of > for case_outcome';

CREATE FUNCTION @extschema@.case_outcome_cmp(@extschema@.case_outcome, @extschema@.case_outcome) RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'case_outcome_cmp'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.case_outcome_cmp(@extschema@.case_outcome, @extschema@.case_outcome) IS
	'btree comparison of case_outcome: -1, 0 or 1 (independent < forced < unsupervised < residence_permit < other_member_state < other)';

CREATE FUNCTION @extschema@.case_outcome_hash(@extschema@.case_outcome) RETURNS pg_catalog.int4
	AS 'hashchar'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.case_outcome_hash(@extschema@.case_outcome) IS
	'hash of a case outcome';

CREATE FUNCTION @extschema@.case_outcome_hash_extended(@extschema@.case_outcome, pg_catalog.int8) RETURNS pg_catalog.int8
	AS 'hashcharextended'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.case_outcome_hash_extended(@extschema@.case_outcome, pg_catalog.int8) IS
	'64-bit hash of a case outcome with a seed';

CREATE OPERATOR pg_catalog.< (
	LEFTARG = @extschema@.case_outcome, RIGHTARG = @extschema@.case_outcome,
	FUNCTION = @extschema@.case_outcome_lt,
	COMMUTATOR = OPERATOR(pg_catalog.>), NEGATOR = OPERATOR(pg_catalog.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
COMMENT ON OPERATOR pg_catalog.< (@extschema@.case_outcome, @extschema@.case_outcome) IS
	'less than (independent < forced < unsupervised < residence_permit < other_member_state < other)';

CREATE OPERATOR pg_catalog.<= (
	LEFTARG = @extschema@.case_outcome, RIGHTARG = @extschema@.case_outcome,
	FUNCTION = @extschema@.case_outcome_le,
	COMMUTATOR = OPERATOR(pg_catalog.>=), NEGATOR = OPERATOR(pg_catalog.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
COMMENT ON OPERATOR pg_catalog.<= (@extschema@.case_outcome, @extschema@.case_outcome) IS
	'less than or equal';

CREATE OPERATOR pg_catalog.= (
	LEFTARG = @extschema@.case_outcome, RIGHTARG = @extschema@.case_outcome,
	FUNCTION = @extschema@.case_outcome_eq,
	COMMUTATOR = OPERATOR(pg_catalog.=), NEGATOR = OPERATOR(pg_catalog.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES, MERGES
);
COMMENT ON OPERATOR pg_catalog.= (@extschema@.case_outcome, @extschema@.case_outcome) IS
	'equal';

CREATE OPERATOR pg_catalog.<> (
	LEFTARG = @extschema@.case_outcome, RIGHTARG = @extschema@.case_outcome,
	FUNCTION = @extschema@.case_outcome_ne,
	COMMUTATOR = OPERATOR(pg_catalog.<>), NEGATOR = OPERATOR(pg_catalog.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR pg_catalog.<> (@extschema@.case_outcome, @extschema@.case_outcome) IS
	'not equal';

CREATE OPERATOR pg_catalog.>= (
	LEFTARG = @extschema@.case_outcome, RIGHTARG = @extschema@.case_outcome,
	FUNCTION = @extschema@.case_outcome_ge,
	COMMUTATOR = OPERATOR(pg_catalog.<=), NEGATOR = OPERATOR(pg_catalog.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
COMMENT ON OPERATOR pg_catalog.>= (@extschema@.case_outcome, @extschema@.case_outcome) IS
	'greater than or equal';

CREATE OPERATOR pg_catalog.> (
	LEFTARG = @extschema@.case_outcome, RIGHTARG = @extschema@.case_outcome,
	FUNCTION = @extschema@.case_outcome_gt,
	COMMUTATOR = OPERATOR(pg_catalog.<), NEGATOR = OPERATOR(pg_catalog.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
COMMENT ON OPERATOR pg_catalog.> (@extschema@.case_outcome, @extschema@.case_outcome) IS
	'greater than';

CREATE OPERATOR CLASS @extschema@.case_outcome_ops
	DEFAULT FOR TYPE @extschema@.case_outcome USING btree AS
	OPERATOR 1 pg_catalog.<,
	OPERATOR 2 pg_catalog.<=,
	OPERATOR 3 pg_catalog.=,
	OPERATOR 4 pg_catalog.>=,
	OPERATOR 5 pg_catalog.>,
	FUNCTION 1 @extschema@.case_outcome_cmp(@extschema@.case_outcome, @extschema@.case_outcome);
COMMENT ON OPERATOR CLASS @extschema@.case_outcome_ops USING btree IS
	'btree order of case_outcome: independent < forced < unsupervised < residence_permit < other_member_state < other';
COMMENT ON OPERATOR FAMILY @extschema@.case_outcome_ops USING btree IS
	'btree operator family of case_outcome';

CREATE OPERATOR CLASS @extschema@.case_outcome_ops
	DEFAULT FOR TYPE @extschema@.case_outcome USING hash AS
	OPERATOR 1 pg_catalog.=,
	FUNCTION 1 @extschema@.case_outcome_hash(@extschema@.case_outcome),
	FUNCTION 2 @extschema@.case_outcome_hash_extended(@extschema@.case_outcome, pg_catalog.int8);
COMMENT ON OPERATOR CLASS @extschema@.case_outcome_ops USING hash IS
	'hash operator class of case_outcome';
COMMENT ON OPERATOR FAMILY @extschema@.case_outcome_ops USING hash IS
	'hash operator family of case_outcome';

-- The type detention_exit: how an episode of immigration detention
-- (vreemdelingenbewaring) ended.  One byte, the ordinal: departure = 0 <
-- balancing = 1 < court = 2 < maximum_term = 3 < other = 4.  Text input
-- accepts Dutch and English; text output follows the setting
-- migchain.language ('nl' or 'en').

CREATE TYPE @extschema@.detention_exit;

CREATE FUNCTION @extschema@.detention_exit_in(pg_catalog.cstring) RETURNS @extschema@.detention_exit
	AS 'MODULE_PATHNAME', 'detention_exit_in'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.detention_exit_in(pg_catalog.cstring) IS
	'text input of detention_exit: Dutch and English labels and long forms, case-, accent- and space-insensitive';

-- STABLE, not IMMUTABLE: the label follows the setting migchain.language
-- (as date_out follows DateStyle).
CREATE FUNCTION @extschema@.detention_exit_out(@extschema@.detention_exit) RETURNS pg_catalog.cstring
	AS 'MODULE_PATHNAME', 'detention_exit_out'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.detention_exit_out(@extschema@.detention_exit) IS
	'text output of detention_exit, in the language of migchain.language';

CREATE FUNCTION @extschema@.detention_exit_recv(pg_catalog.internal) RETURNS @extschema@.detention_exit
	AS 'MODULE_PATHNAME', 'detention_exit_recv'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.detention_exit_recv(pg_catalog.internal) IS
	'binary input of detention_exit: one byte, 0 (departure), 1 (balancing), 2 (court), 3 (maximum term) or 4 (other)';

CREATE FUNCTION @extschema@.detention_exit_send(@extschema@.detention_exit) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME', 'detention_exit_send'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.detention_exit_send(@extschema@.detention_exit) IS
	'binary output of detention_exit: one byte, 0 (departure), 1 (balancing), 2 (court), 3 (maximum term) or 4 (other)';

CREATE TYPE @extschema@.detention_exit (
	INPUT = @extschema@.detention_exit_in,
	OUTPUT = @extschema@.detention_exit_out,
	RECEIVE = @extschema@.detention_exit_recv,
	SEND = @extschema@.detention_exit_send,
	INTERNALLENGTH = 1,
	ALIGNMENT = char,
	PASSEDBYVALUE,
	STORAGE = plain
);
COMMENT ON TYPE @extschema@.detention_exit IS
	'how an episode of immigration detention ended: departure (vertrek), lifted after a balancing of interests (belangenafweging), lifted by a court (rechter), maximum_term (maximale termijn) or other (overig)';

-- Casts to and from text.

CREATE FUNCTION @extschema@.detention_exit(pg_catalog.text) RETURNS @extschema@.detention_exit
	AS 'MODULE_PATHNAME', 'detention_exit_from_text'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.detention_exit(pg_catalog.text) IS
	'detention_exit named by a text, by the rules of text input';

-- STABLE, not IMMUTABLE: the label follows the setting migchain.language.
CREATE FUNCTION @extschema@.text(@extschema@.detention_exit) RETURNS pg_catalog.text
	AS 'MODULE_PATHNAME', 'detention_exit_to_text'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.text(@extschema@.detention_exit) IS
	'detention_exit as text, in the language of migchain.language';

-- From text and varchar in assignment too, as for every type of migchain.
CREATE CAST (pg_catalog.varchar AS @extschema@.detention_exit)
	WITH FUNCTION @extschema@.detention_exit(pg_catalog.text)
	AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.varchar AS @extschema@.detention_exit) IS
	'parse a detention exit in Dutch or English (explicit or in assignment)';
CREATE CAST (pg_catalog.text AS @extschema@.detention_exit)
	WITH FUNCTION @extschema@.detention_exit(pg_catalog.text)
	AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.text AS @extschema@.detention_exit) IS
	'parse a detention exit in Dutch or English (explicit or in assignment)';

CREATE CAST (@extschema@.detention_exit AS pg_catalog.text)
	WITH FUNCTION @extschema@.text(@extschema@.detention_exit)
	AS ASSIGNMENT;
COMMENT ON CAST (@extschema@.detention_exit AS pg_catalog.text) IS
	'detention_exit as text in the language of migchain.language (explicit or in assignment)';

-- What a detention exit means.

CREATE FUNCTION @extschema@.label(@extschema@.detention_exit, pg_catalog.text) RETURNS pg_catalog.text
	AS 'MODULE_PATHNAME', 'detention_exit_label_lang'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.label(@extschema@.detention_exit, pg_catalog.text) IS
	'label of a detention exit in a language given: ''nl'' (Dutch) or ''en'' (English)';

CREATE FUNCTION @extschema@.lifted(@extschema@.detention_exit) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'detention_exit_lifted'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.lifted(@extschema@.detention_exit) IS
	'true if detention was lifted: after a balancing of interests, by a court or at the maximum term (false for departure and other)';

-- Comparison: departure < balancing < court < maximum_term < other.  The operators and hashing
-- are PostgreSQL's own functions for "char" (the byte compared unsigned,
-- hashed as a signed char; every byte of the type is below 128), as for
-- answer; detention_exit_cmp is in C because btcharcmp returns the difference of the
-- bytes, not -1, 0 or 1.

CREATE FUNCTION @extschema@.detention_exit_lt(@extschema@.detention_exit, @extschema@.detention_exit) RETURNS pg_catalog.bool
	AS 'charlt'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.detention_exit_lt(@extschema@.detention_exit, @extschema@.detention_exit) IS
	'implementation of < for detention_exit';

CREATE FUNCTION @extschema@.detention_exit_le(@extschema@.detention_exit, @extschema@.detention_exit) RETURNS pg_catalog.bool
	AS 'charle'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.detention_exit_le(@extschema@.detention_exit, @extschema@.detention_exit) IS
	'implementation of <= for detention_exit';

CREATE FUNCTION @extschema@.detention_exit_eq(@extschema@.detention_exit, @extschema@.detention_exit) RETURNS pg_catalog.bool
	AS 'chareq'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.detention_exit_eq(@extschema@.detention_exit, @extschema@.detention_exit) IS
	'implementation of = for detention_exit';

CREATE FUNCTION @extschema@.detention_exit_ne(@extschema@.detention_exit, @extschema@.detention_exit) RETURNS pg_catalog.bool
	AS 'charne'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.detention_exit_ne(@extschema@.detention_exit, @extschema@.detention_exit) IS
	'implementation of <> for detention_exit';

CREATE FUNCTION @extschema@.detention_exit_ge(@extschema@.detention_exit, @extschema@.detention_exit) RETURNS pg_catalog.bool
	AS 'charge'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.detention_exit_ge(@extschema@.detention_exit, @extschema@.detention_exit) IS
	'implementation of >= for detention_exit';

CREATE FUNCTION @extschema@.detention_exit_gt(@extschema@.detention_exit, @extschema@.detention_exit) RETURNS pg_catalog.bool
	AS 'chargt'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.detention_exit_gt(@extschema@.detention_exit, @extschema@.detention_exit) IS
	'implementation of > for detention_exit';

CREATE FUNCTION @extschema@.detention_exit_cmp(@extschema@.detention_exit, @extschema@.detention_exit) RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'detention_exit_cmp'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.detention_exit_cmp(@extschema@.detention_exit, @extschema@.detention_exit) IS
	'btree comparison of detention_exit: -1, 0 or 1 (departure < balancing < court < maximum_term < other)';

CREATE FUNCTION @extschema@.detention_exit_hash(@extschema@.detention_exit) RETURNS pg_catalog.int4
	AS 'hashchar'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.detention_exit_hash(@extschema@.detention_exit) IS
	'hash of a detention exit';

CREATE FUNCTION @extschema@.detention_exit_hash_extended(@extschema@.detention_exit, pg_catalog.int8) RETURNS pg_catalog.int8
	AS 'hashcharextended'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.detention_exit_hash_extended(@extschema@.detention_exit, pg_catalog.int8) IS
	'64-bit hash of a detention exit with a seed';

CREATE OPERATOR pg_catalog.< (
	LEFTARG = @extschema@.detention_exit, RIGHTARG = @extschema@.detention_exit,
	FUNCTION = @extschema@.detention_exit_lt,
	COMMUTATOR = OPERATOR(pg_catalog.>), NEGATOR = OPERATOR(pg_catalog.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
COMMENT ON OPERATOR pg_catalog.< (@extschema@.detention_exit, @extschema@.detention_exit) IS
	'less than (departure < balancing < court < maximum_term < other)';

CREATE OPERATOR pg_catalog.<= (
	LEFTARG = @extschema@.detention_exit, RIGHTARG = @extschema@.detention_exit,
	FUNCTION = @extschema@.detention_exit_le,
	COMMUTATOR = OPERATOR(pg_catalog.>=), NEGATOR = OPERATOR(pg_catalog.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
COMMENT ON OPERATOR pg_catalog.<= (@extschema@.detention_exit, @extschema@.detention_exit) IS
	'less than or equal';

CREATE OPERATOR pg_catalog.= (
	LEFTARG = @extschema@.detention_exit, RIGHTARG = @extschema@.detention_exit,
	FUNCTION = @extschema@.detention_exit_eq,
	COMMUTATOR = OPERATOR(pg_catalog.=), NEGATOR = OPERATOR(pg_catalog.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES, MERGES
);
COMMENT ON OPERATOR pg_catalog.= (@extschema@.detention_exit, @extschema@.detention_exit) IS
	'equal';

CREATE OPERATOR pg_catalog.<> (
	LEFTARG = @extschema@.detention_exit, RIGHTARG = @extschema@.detention_exit,
	FUNCTION = @extschema@.detention_exit_ne,
	COMMUTATOR = OPERATOR(pg_catalog.<>), NEGATOR = OPERATOR(pg_catalog.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR pg_catalog.<> (@extschema@.detention_exit, @extschema@.detention_exit) IS
	'not equal';

CREATE OPERATOR pg_catalog.>= (
	LEFTARG = @extschema@.detention_exit, RIGHTARG = @extschema@.detention_exit,
	FUNCTION = @extschema@.detention_exit_ge,
	COMMUTATOR = OPERATOR(pg_catalog.<=), NEGATOR = OPERATOR(pg_catalog.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
COMMENT ON OPERATOR pg_catalog.>= (@extschema@.detention_exit, @extschema@.detention_exit) IS
	'greater than or equal';

CREATE OPERATOR pg_catalog.> (
	LEFTARG = @extschema@.detention_exit, RIGHTARG = @extschema@.detention_exit,
	FUNCTION = @extschema@.detention_exit_gt,
	COMMUTATOR = OPERATOR(pg_catalog.<), NEGATOR = OPERATOR(pg_catalog.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
COMMENT ON OPERATOR pg_catalog.> (@extschema@.detention_exit, @extschema@.detention_exit) IS
	'greater than';

CREATE OPERATOR CLASS @extschema@.detention_exit_ops
	DEFAULT FOR TYPE @extschema@.detention_exit USING btree AS
	OPERATOR 1 pg_catalog.<,
	OPERATOR 2 pg_catalog.<=,
	OPERATOR 3 pg_catalog.=,
	OPERATOR 4 pg_catalog.>=,
	OPERATOR 5 pg_catalog.>,
	FUNCTION 1 @extschema@.detention_exit_cmp(@extschema@.detention_exit, @extschema@.detention_exit);
COMMENT ON OPERATOR CLASS @extschema@.detention_exit_ops USING btree IS
	'btree order of detention_exit: departure < balancing < court < maximum_term < other';
COMMENT ON OPERATOR FAMILY @extschema@.detention_exit_ops USING btree IS
	'btree operator family of detention_exit';

CREATE OPERATOR CLASS @extschema@.detention_exit_ops
	DEFAULT FOR TYPE @extschema@.detention_exit USING hash AS
	OPERATOR 1 pg_catalog.=,
	FUNCTION 1 @extschema@.detention_exit_hash(@extschema@.detention_exit),
	FUNCTION 2 @extschema@.detention_exit_hash_extended(@extschema@.detention_exit, pg_catalog.int8);
COMMENT ON OPERATOR CLASS @extschema@.detention_exit_ops USING hash IS
	'hash operator class of detention_exit';
COMMENT ON OPERATOR FAMILY @extschema@.detention_exit_ops USING hash IS
	'hash operator family of detention_exit';

-- ==== end of outcome types ====

-- ==== Delays to answer: the type delays ====

-- delays: a histogram of the whole days from the presentation of requests
-- to their answers, with the aggregates answer_delays(answer, presented_on,
-- answered_on), day_counts(int4) and sum(delays), and percentiles that
-- match percentile_disc and percentile_cont.  Days 0 to 731 are counted one
-- by one, later answers together with their least and greatest delay.
-- Text form like 'answered=13, withdrawn=3, pending=4, days={0:2, 5:7,
-- 31:3}, beyond=1, beyond_min=800, beyond_max=800'; see src/delays_parse.h.
-- Equality and hashing but no order, as for lights.

CREATE TYPE @extschema@.delays;

CREATE FUNCTION @extschema@.delays_in(pg_catalog.cstring) RETURNS @extschema@.delays
	AS 'MODULE_PATHNAME', 'delays_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.delays_in(pg_catalog.cstring) IS
	'text input of delays: "answered=13, withdrawn=3, pending=4, days={0:2, 5:7, 31:3}, beyond=1, beyond_min=800, beyond_max=800"';
CREATE FUNCTION @extschema@.delays_out(@extschema@.delays) RETURNS pg_catalog.cstring
	AS 'MODULE_PATHNAME', 'delays_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.delays_out(@extschema@.delays) IS 'text output of delays';
CREATE FUNCTION @extschema@.delays_recv(pg_catalog.internal) RETURNS @extschema@.delays
	AS 'MODULE_PATHNAME', 'delays_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.delays_recv(pg_catalog.internal) IS
	'binary input of delays: four big-endian int64 counts, two int32 bounds, 732 int32 day counts';
CREATE FUNCTION @extschema@.delays_send(@extschema@.delays) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME', 'delays_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.delays_send(@extschema@.delays) IS
	'binary output of delays: answered, withdrawn, pending, beyond (big-endian int64), beyond_min, beyond_max (int32), the counts of days 0 to 731 (int32)';

CREATE TYPE @extschema@.delays (
	INPUT = @extschema@.delays_in,
	OUTPUT = @extschema@.delays_out,
	RECEIVE = @extschema@.delays_recv,
	SEND = @extschema@.delays_send,
	INTERNALLENGTH = 2968,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE @extschema@.delays IS
	'days from presentation to answer: answered requests per day of delay (0 to 731, later ones with their least and greatest delay), withdrawn and pending counted apart';

-- From text and varchar in assignment too, as for every type of migchain.
CREATE CAST (pg_catalog.text AS @extschema@.delays) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.text AS @extschema@.delays) IS
	'delays from their text form, e.g. answered=2, withdrawn=0, pending=0, days={3:2}, beyond=0 (explicit or in assignment)';
CREATE CAST (pg_catalog.varchar AS @extschema@.delays) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.varchar AS @extschema@.delays) IS
	'delays from their text form, e.g. answered=2, withdrawn=0, pending=0, days={3:2}, beyond=0 (explicit or in assignment)';

-- Equality, hashing and addition.
CREATE FUNCTION @extschema@.delays_eq(@extschema@.delays, @extschema@.delays) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'delays_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.delays_eq(@extschema@.delays, @extschema@.delays) IS
	'true when every count is equal';
CREATE FUNCTION @extschema@.delays_ne(@extschema@.delays, @extschema@.delays) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'delays_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.delays_ne(@extschema@.delays, @extschema@.delays) IS
	'true when some count differs';
CREATE FUNCTION @extschema@.delays_hash(@extschema@.delays) RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'delays_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.delays_hash(@extschema@.delays) IS 'hash support for delays';
CREATE FUNCTION @extschema@.delays_hash_extended(@extschema@.delays, pg_catalog.int8) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'delays_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.delays_hash_extended(@extschema@.delays, pg_catalog.int8) IS
	'hash support for delays: 64-bit hash with a seed';
CREATE FUNCTION @extschema@.delays_add(@extschema@.delays, @extschema@.delays) RETURNS @extschema@.delays
	AS 'MODULE_PATHNAME', 'delays_add' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.delays_add(@extschema@.delays, @extschema@.delays) IS
	'delays added count by count, the bounds of the later answers widened';

CREATE OPERATOR pg_catalog.= (
	LEFTARG = @extschema@.delays, RIGHTARG = @extschema@.delays, FUNCTION = @extschema@.delays_eq,
	COMMUTATOR = OPERATOR(pg_catalog.=), NEGATOR = OPERATOR(pg_catalog.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES
);
COMMENT ON OPERATOR pg_catalog.= (@extschema@.delays, @extschema@.delays) IS 'equal: every count the same';
CREATE OPERATOR pg_catalog.<> (
	LEFTARG = @extschema@.delays, RIGHTARG = @extschema@.delays, FUNCTION = @extschema@.delays_ne,
	COMMUTATOR = OPERATOR(pg_catalog.<>), NEGATOR = OPERATOR(pg_catalog.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR pg_catalog.<> (@extschema@.delays, @extschema@.delays) IS 'not equal: some count differs';

CREATE OPERATOR CLASS @extschema@.delays_ops
	DEFAULT FOR TYPE @extschema@.delays USING hash AS
	OPERATOR 1 pg_catalog.= ,
	FUNCTION 1 @extschema@.delays_hash(@extschema@.delays),
	FUNCTION 2 @extschema@.delays_hash_extended(@extschema@.delays, pg_catalog.int8);
COMMENT ON OPERATOR CLASS @extschema@.delays_ops USING hash IS 'hashing of delays';

CREATE OPERATOR pg_catalog.+ (
	LEFTARG = @extschema@.delays, RIGHTARG = @extschema@.delays,
	FUNCTION = @extschema@.delays_add, COMMUTATOR = OPERATOR(pg_catalog.+)
);
COMMENT ON OPERATOR pg_catalog.+ (@extschema@.delays, @extschema@.delays) IS 'delays added';

-- Accessors.  answered(delays) counts positive and negative answers, as
-- answered(tally) does: a withdrawal is no answer.
CREATE FUNCTION @extschema@.answered(@extschema@.delays) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'delays_answered' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answered(@extschema@.delays) IS
	'requests answered positively or negatively (whose delays are counted)';
CREATE FUNCTION @extschema@.withdrawn(@extschema@.delays) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'delays_withdrawn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.withdrawn(@extschema@.delays) IS
	'requests withdrawn, no answer obtained: counted apart, no delay';
CREATE FUNCTION @extschema@.pending(@extschema@.delays) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'delays_pending' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pending(@extschema@.delays) IS
	'requests without an answer yet: counted apart, no delay';
CREATE FUNCTION @extschema@.answered_beyond(@extschema@.delays) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'delays_beyond' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answered_beyond(@extschema@.delays) IS
	'answers later than 731 days (not counted day by day)';
CREATE FUNCTION @extschema@.median_days(@extschema@.delays) RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'delays_median_days' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.median_days(@extschema@.delays) IS
	'days to answer, median: percentile_disc(0.5) over the answered requests; NULL when none';
CREATE FUNCTION @extschema@.percentile_days(@extschema@.delays, fraction pg_catalog.float8)
	RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'delays_percentile_days' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.percentile_days(@extschema@.delays, pg_catalog.float8) IS
	'days to answer: percentile_disc(fraction) over the answered requests, exact up to 731 days (see percentile_days_exact); NULL when none';
CREATE FUNCTION @extschema@.percentile_days_exact(@extschema@.delays, fraction pg_catalog.float8)
	RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'delays_percentile_days_exact' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.percentile_days_exact(@extschema@.delays, pg_catalog.float8) IS
	'whether percentile_days(fraction) is exact; false when it is an upper bound (the longest delay beyond 731 days); NULL when nothing was answered';
CREATE FUNCTION @extschema@.percentile_cont_days(@extschema@.delays, fraction pg_catalog.float8)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'delays_percentile_cont_days' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.percentile_cont_days(@extschema@.delays, pg_catalog.float8) IS
	'days to answer: percentile_cont(fraction) over the answered requests, exact up to 731 days (see percentile_cont_days_exact); NULL when none';
CREATE FUNCTION @extschema@.percentile_cont_days_exact(@extschema@.delays, fraction pg_catalog.float8)
	RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'delays_percentile_cont_days_exact' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.percentile_cont_days_exact(@extschema@.delays, pg_catalog.float8) IS
	'whether percentile_cont_days(fraction) is exact; false when it is an upper bound (a row it reads is beyond 731 days and unknown); NULL when nothing was answered';
CREATE FUNCTION @extschema@.min_days(@extschema@.delays) RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'delays_min_days' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.min_days(@extschema@.delays) IS
	'the shortest delay of an answer, exact; NULL when none';
CREATE FUNCTION @extschema@.max_days(@extschema@.delays) RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'delays_max_days' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.max_days(@extschema@.delays) IS
	'the longest delay of an answer, exact; NULL when none';

-- Aggregates.
-- Not strict: a positive or negative answer with a NULL date is an error
-- rather than a row skipped, and pending and withdrawn requests are counted
-- without their dates (see delays_count_answer in src/delays.c).
CREATE FUNCTION @extschema@.delays_count_answer(@extschema@.delays, @extschema@.answer,
												pg_catalog.date, pg_catalog.date)
	RETURNS @extschema@.delays
	AS 'MODULE_PATHNAME', 'delays_count_answer' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.delays_count_answer(@extschema@.delays, @extschema@.answer, pg_catalog.date, pg_catalog.date) IS
	'transition function of answer_delays: the delays with one more request';
CREATE FUNCTION @extschema@.delays_count_day(@extschema@.delays, pg_catalog.int4)
	RETURNS @extschema@.delays
	AS 'MODULE_PATHNAME', 'delays_count_day' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.delays_count_day(@extschema@.delays, pg_catalog.int4) IS
	'transition function of day_counts: the delays with one more answer after that many days';
CREATE FUNCTION @extschema@.delays_combine(@extschema@.delays, @extschema@.delays)
	RETURNS @extschema@.delays
	AS 'MODULE_PATHNAME', 'delays_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.delays_combine(@extschema@.delays, @extschema@.delays) IS
	'transition and combine function of sum(delays), combine function of answer_delays and day_counts: delays added';

CREATE AGGREGATE @extschema@.answer_delays(answer @extschema@.answer,
										   presented_on pg_catalog.date,
										   answered_on pg_catalog.date) (
	SFUNC = @extschema@.delays_count_answer,
	STYPE = @extschema@.delays,
	COMBINEFUNC = @extschema@.delays_combine,
	INITCOND = 'answered=0, withdrawn=0, pending=0, days={}, beyond=0',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.answer_delays(@extschema@.answer, pg_catalog.date, pg_catalog.date) IS
	'days from presentation to answer of the positive and negative answers, withdrawn and pending requests counted apart (NULL answers are not counted; a positive or negative answer with a NULL date is an error)';

CREATE AGGREGATE @extschema@.day_counts(pg_catalog.int4) (
	SFUNC = @extschema@.delays_count_day,
	STYPE = @extschema@.delays,
	COMBINEFUNC = @extschema@.delays_combine,
	INITCOND = 'answered=0, withdrawn=0, pending=0, days={}, beyond=0',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.day_counts(pg_catalog.int4) IS
	'a histogram of whole days (e.g. durations), each counted as answered after that many days (NULLs are not counted)';

CREATE AGGREGATE @extschema@.sum(@extschema@.delays) (
	SFUNC = @extschema@.delays_combine,
	STYPE = @extschema@.delays,
	COMBINEFUNC = @extschema@.delays_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sum(@extschema@.delays) IS
	'delays merged: the counts added, the bounds of the later answers widened (NULL when there are no delays)';

-- ==== end of delays ====

-- ==== Holidays, reply deadlines and cooperation_by_country ====

-- sql/install/31-holiday.sql
-- Public holidays per country, and the reply deadline of a request: the
-- last day on which the country's answer is in time under the route valid
-- on the day it was presented (working days skip the country's holidays).

CREATE TABLE @extschema@.holiday (
	country @extschema@.country NOT NULL,
	day pg_catalog.date NOT NULL,
	name pg_catalog.text NOT NULL,
	CONSTRAINT holiday_pkey PRIMARY KEY (country, day),
	CONSTRAINT holiday_day_in_range CHECK (@extschema@.year_in_range(day)),
	CONSTRAINT holiday_name_not_empty CHECK (pg_catalog.btrim(name) <> '')
);
COMMENT ON TABLE @extschema@.holiday IS
	'public holidays of the countries of origin, one row per country and day: the working days of reply deadlines skip them';
COMMENT ON COLUMN @extschema@.holiday.country IS 'the country whose public holiday it is';
COMMENT ON COLUMN @extschema@.holiday.day IS 'the day of the holiday (in a year migchain counts, 1950 to 2199)';
COMMENT ON COLUMN @extschema@.holiday.name IS 'name of the holiday';

-- Users fill the table; the install script adds no rows, so the dump holds
-- every row once.
SELECT pg_catalog.pg_extension_config_dump('@extschema@.holiday', '');

-- STABLE: reads country_route and holiday (once per statement and process,
-- see src/reply_deadline.c), with the caller's rights.
CREATE FUNCTION @extschema@.reply_deadline(country @extschema@.country,
										   kind @extschema@.request_kind,
										   presented_on pg_catalog.date)
	RETURNS pg_catalog.date
	AS 'MODULE_PATHNAME', 'reply_deadline'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.reply_deadline(@extschema@.country, @extschema@.request_kind, pg_catalog.date) IS
	'the last day on which an answer to a request presented on presented_on is in time under the route valid that day: presented_on + n calendar days, or the n-th working day after presented_on (not counting presented_on; Saturdays, Sundays and the country''s holidays skipped); NULL when no route with a deadline applies (STABLE: reads country_route and holiday)';

-- sql/install/42-cooperation.sql
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
-- counts: counting them keeps every person, which the other figures need not.
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
		format('SELECT p.year, p.kind, p.country, pg_catalog.count(*)'
			   '  FROM (SELECT DISTINCT pg_catalog.date_part(''year'', r.presented_on)::pg_catalog.int4 AS year,'
			   '               r.kind, r.country, r.person_id'
			   '          FROM @extschema@.request r WHERE r.presented_on <= %L::pg_catalog.date', as_of)
		|| @extschema@.period_filter(from_year, to_year) ||
		'       ) p GROUP BY p.year, p.kind, p.country';
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

-- generate_demo also fills the holidays of Turkey and Sri Lanka: it is made
-- anew, with its parameter with_cases, in the section on return cases below.

-- who may run the functions that read with the owner's rights (sql/install/60-access.sql)
REVOKE EXECUTE ON FUNCTION @extschema@.cooperation_counts(pg_catalog.int4, pg_catalog.int4,
	pg_catalog.date) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.cooperation_persons(pg_catalog.int4, pg_catalog.int4,
	pg_catalog.date) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.cooperation(pg_catalog.int4, pg_catalog.int4,
	pg_catalog.date) FROM PUBLIC;

-- The roles given analyst access before the update (those who may read
-- overview_by_year) get what grant_analyst() gives on the new view and its
-- functions; the extension's initial privileges of those stay those of a
-- fresh install.
DO $$
DECLARE
	obj record;
	who pg_catalog.text;
	saved pg_catalog.aclitem[];
BEGIN
	FOR obj IN
		SELECT 'pg_catalog.pg_proc'::pg_catalog.regclass::pg_catalog.oid AS classid, f::pg_catalog.oid AS oid,
			   pg_catalog.format('FUNCTION %s', f) AS target, 'EXECUTE' AS privilege
		  FROM @extschema@.analyst_functions() f
		  JOIN pg_catalog.pg_proc p ON p.oid OPERATOR(pg_catalog.=) f::pg_catalog.oid
		 WHERE p.proname::pg_catalog.text LIKE 'cooperation%'
		UNION ALL
		SELECT 'pg_catalog.pg_class'::pg_catalog.regclass::pg_catalog.oid,
			   'migchain_bi.cooperation_by_country'::pg_catalog.regclass::pg_catalog.oid,
			   'TABLE migchain_bi.cooperation_by_country', 'SELECT'
	LOOP
		SELECT i.initprivs INTO saved FROM pg_catalog.pg_init_privs i
		 WHERE i.objoid OPERATOR(pg_catalog.=) obj.oid
		   AND i.classoid OPERATOR(pg_catalog.=) obj.classid
		   AND i.objsubid OPERATOR(pg_catalog.=) 0;
		FOR who IN
			SELECT DISTINCT a.grantee::pg_catalog.regrole::pg_catalog.text
			  FROM pg_catalog.pg_class c CROSS JOIN LATERAL pg_catalog.aclexplode(c.relacl) a
			 WHERE c.oid OPERATOR(pg_catalog.=) 'migchain_bi.overview_by_year'::pg_catalog.regclass
			   AND a.privilege_type OPERATOR(pg_catalog.=) 'SELECT'
			   AND a.grantee OPERATOR(pg_catalog.<>) c.relowner
			   AND a.grantee OPERATOR(pg_catalog.<>) 0
		LOOP
			EXECUTE pg_catalog.format('GRANT %s ON %s TO %s', obj.privilege, obj.target, who);
		END LOOP;
		-- GRANT in an extension's script is recorded as its initial
		-- privileges: put back those of a fresh install.
		IF saved IS NULL THEN
			DELETE FROM pg_catalog.pg_init_privs
			 WHERE objoid OPERATOR(pg_catalog.=) obj.oid
			   AND classoid OPERATOR(pg_catalog.=) obj.classid
			   AND objsubid OPERATOR(pg_catalog.=) 0;
		ELSE
			UPDATE pg_catalog.pg_init_privs SET initprivs = saved
			 WHERE objoid OPERATOR(pg_catalog.=) obj.oid
			   AND classoid OPERATOR(pg_catalog.=) obj.classid
			   AND objsubid OPERATOR(pg_catalog.=) 0;
		END IF;
	END LOOP;
END
$$;

-- ==== end of cooperation ====

-- ==== Return cases, conditions over time, detention, departures ====

-- The tables of the return cases, their conditions over time and the
-- detention episodes, as sql/install/32-return_case.sql makes them.

CREATE TABLE @extschema@.return_case (
	-- fixed-width columns first
	country @extschema@.country NOT NULL,
	outcome @extschema@.case_outcome,
	opened_on pg_catalog.date NOT NULL,
	closed_on pg_catalog.date,
	case_id pg_catalog.int8 GENERATED BY DEFAULT AS IDENTITY,
	person_id pg_catalog.int8 NOT NULL,
	CONSTRAINT return_case_pkey PRIMARY KEY (case_id),
	CONSTRAINT return_case_person_id_positive CHECK (person_id > 0),
	CONSTRAINT return_case_opened_in_range CHECK (@extschema@.year_in_range(opened_on)),
	CONSTRAINT return_case_closed_in_range CHECK (@extschema@.year_in_range(closed_on)),
	CONSTRAINT return_case_closed_not_before_opened CHECK (closed_on >= opened_on),
	CONSTRAINT return_case_closed_needs_outcome
		CHECK (closed_on IS NULL OR outcome IS NOT NULL),
	CONSTRAINT return_case_outcome_needs_closed
		CHECK (outcome IS NULL OR closed_on IS NOT NULL)
);
COMMENT ON TABLE @extschema@.return_case IS
	'return cases: a person who must leave, the country of return, when the case was opened and closed, and how it ended';
COMMENT ON COLUMN @extschema@.return_case.country IS 'the country the person is to return to';
COMMENT ON COLUMN @extschema@.return_case.outcome IS
	'how the case ended (independent or forced departure, departure without supervision, residence permit, another member state, other); NULL while the case is open';
COMMENT ON COLUMN @extschema@.return_case.opened_on IS 'the day the case was opened';
COMMENT ON COLUMN @extschema@.return_case.closed_on IS 'the day the case was closed; NULL while it is open';
COMMENT ON COLUMN @extschema@.return_case.case_id IS 'number of the case';
COMMENT ON COLUMN @extschema@.return_case.person_id IS
	'pseudonymous number of the person (the numbering of migchain.request)';

-- The key a detention episode names its case and person by (an index, not
-- a constraint: the primary key already makes it unique).
CREATE UNIQUE INDEX return_case_case_id_person_id_idx ON @extschema@.return_case (case_id, person_id);
CREATE INDEX return_case_closed_on_idx ON @extschema@.return_case (closed_on);
CREATE INDEX return_case_country_opened_on_idx ON @extschema@.return_case (country, opened_on);
CREATE INDEX return_case_person_id_idx ON @extschema@.return_case (person_id);

SELECT pg_catalog.pg_extension_config_dump('@extschema@.return_case', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.return_case_case_id_seq', '');

CREATE TABLE @extschema@.condition_observation (
	conditions @extschema@.conditions NOT NULL,
	observed_on pg_catalog.date NOT NULL,
	case_id pg_catalog.int8 NOT NULL,
	CONSTRAINT condition_observation_pkey PRIMARY KEY (case_id, observed_on),
	CONSTRAINT condition_observation_case_id_fkey FOREIGN KEY (case_id)
		REFERENCES @extschema@.return_case (case_id),
	CONSTRAINT condition_observation_observed_in_range
		CHECK (@extschema@.year_in_range(observed_on))
);
COMMENT ON TABLE @extschema@.condition_observation IS
	'the five conditions (traffic lights) of a return case as observed on a day; they hold until the next observation of the case';
COMMENT ON COLUMN @extschema@.condition_observation.conditions IS
	'the five lights in the order removable, country cooperates, identity established, available, person cooperates (e.g. GGR?G)';
COMMENT ON COLUMN @extschema@.condition_observation.observed_on IS
	'the day of the observation: within the case''s days, from opened_on to closed_on';
COMMENT ON COLUMN @extschema@.condition_observation.case_id IS 'the return case observed';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.condition_observation', '');

CREATE TABLE @extschema@.detention_episode (
	ended_by @extschema@.detention_exit,
	left_unsupervised pg_catalog.bool NOT NULL DEFAULT false,
	started_on pg_catalog.date NOT NULL,
	ended_on pg_catalog.date,
	episode_id pg_catalog.int8 GENERATED BY DEFAULT AS IDENTITY,
	person_id pg_catalog.int8 NOT NULL,
	case_id pg_catalog.int8,
	CONSTRAINT detention_episode_pkey PRIMARY KEY (episode_id),
	-- the case, when known, must be the person's
	CONSTRAINT detention_episode_case_id_person_id_fkey FOREIGN KEY (case_id, person_id)
		REFERENCES @extschema@.return_case (case_id, person_id),
	CONSTRAINT detention_episode_person_id_positive CHECK (person_id > 0),
	CONSTRAINT detention_episode_started_in_range CHECK (@extschema@.year_in_range(started_on)),
	CONSTRAINT detention_episode_ended_in_range CHECK (@extschema@.year_in_range(ended_on)),
	CONSTRAINT detention_episode_ended_not_before_started CHECK (ended_on >= started_on),
	CONSTRAINT detention_episode_ended_needs_how
		CHECK (ended_on IS NULL OR ended_by IS NOT NULL),
	CONSTRAINT detention_episode_how_needs_ended
		CHECK (ended_by IS NULL OR ended_on IS NOT NULL),
	CONSTRAINT detention_episode_unsupervised_after_lifting
		CHECK (NOT left_unsupervised
			   OR (ended_by IS NOT NULL
				   AND ended_by OPERATOR(pg_catalog.<>) 'departure'::@extschema@.detention_exit))
);
COMMENT ON TABLE @extschema@.detention_episode IS
	'episodes of immigration detention (vreemdelingenbewaring): when they started and ended, how they ended, and whether the person then left without supervision';
COMMENT ON COLUMN @extschema@.detention_episode.ended_by IS
	'how the detention ended: departure, or lifted (after a balancing of interests, by a court, at the maximum term, other); NULL while it runs';
COMMENT ON COLUMN @extschema@.detention_episode.left_unsupervised IS
	'true when the person left without supervision (destination unknown) after the detention was lifted';
COMMENT ON COLUMN @extschema@.detention_episode.started_on IS 'the first day of detention';
COMMENT ON COLUMN @extschema@.detention_episode.ended_on IS 'the day the detention ended; NULL while it runs';
COMMENT ON COLUMN @extschema@.detention_episode.episode_id IS 'number of the episode';
COMMENT ON COLUMN @extschema@.detention_episode.person_id IS
	'pseudonymous number of the person detained (the numbering of migchain.request)';
COMMENT ON COLUMN @extschema@.detention_episode.case_id IS
	'the return case the detention served, when known (it must be a case of the same person)';

CREATE INDEX detention_episode_ended_on_idx ON @extschema@.detention_episode (ended_on);
CREATE INDEX detention_episode_case_id_idx ON @extschema@.detention_episode (case_id);

SELECT pg_catalog.pg_extension_config_dump('@extschema@.detention_episode', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.detention_episode_episode_id_seq', '');

-- An observation lies within its case's days.  The check runs on both
-- sides and locks the case row (an observation takes it FOR SHARE, a change
-- of the case's days holds it FOR UPDATE), so a concurrent change of the
-- other side waits and is then checked against what committed.
CREATE FUNCTION @extschema@.condition_observation_check_case() RETURNS pg_catalog.trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	c record;
BEGIN
	SELECT rc.opened_on, rc.closed_on INTO c
	  FROM @extschema@.return_case rc
	 WHERE rc.case_id = NEW.case_id
	   FOR SHARE;
	-- no case: the foreign key reports it
	IF FOUND AND (NEW.observed_on < c.opened_on OR NEW.observed_on > c.closed_on) THEN
		RAISE EXCEPTION 'observation of % is outside return case % (% to %)',
				NEW.observed_on, NEW.case_id, c.opened_on, coalesce(c.closed_on::text, 'open')
			USING ERRCODE = 'check_violation',
				  HINT = 'Conditions are observed from the day a case is opened to the day it is closed.',
				  TABLE = 'condition_observation', SCHEMA = '@extschema@';
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.condition_observation_check_case() IS
	'trigger: an observation of conditions lies within its return case''s days (23514)';

CREATE TRIGGER condition_observation_check_case
	BEFORE INSERT OR UPDATE ON @extschema@.condition_observation
	FOR EACH ROW EXECUTE FUNCTION @extschema@.condition_observation_check_case();
COMMENT ON TRIGGER condition_observation_check_case ON @extschema@.condition_observation IS
	'an observation of conditions lies within its return case''s days (23514)';

CREATE FUNCTION @extschema@.return_case_check_observations() RETURNS pg_catalog.trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	o record;
BEGIN
	SELECT co.observed_on INTO o
	  FROM @extschema@.condition_observation co
	 WHERE co.case_id = NEW.case_id
	   AND (co.observed_on < NEW.opened_on OR co.observed_on > NEW.closed_on)
	 ORDER BY co.observed_on
	 LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'return case % (% to %) would leave its observation of % outside',
				NEW.case_id, NEW.opened_on, coalesce(NEW.closed_on::text, 'open'), o.observed_on
			USING ERRCODE = 'check_violation',
				  HINT = 'Conditions are observed from the day a case is opened to the day it is closed: correct or remove the observation first.',
				  TABLE = 'return_case', SCHEMA = '@extschema@';
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.return_case_check_observations() IS
	'trigger: a change of a return case''s days leaves every observation of its conditions within them (23514)';

CREATE TRIGGER return_case_check_observations
	BEFORE UPDATE OF opened_on, closed_on ON @extschema@.return_case
	FOR EACH ROW EXECUTE FUNCTION @extschema@.return_case_check_observations();
COMMENT ON TRIGGER return_case_check_observations ON @extschema@.return_case IS
	'a change of a return case''s days leaves every observation of its conditions within them (23514)';

-- The functions and views over them, as sql/install/41-blocked.sql.

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

-- The demo makes return cases too: generate_demo() gets with_cases.
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

DROP FUNCTION @extschema@.generate_demo(pg_catalog.int8, pg_catalog.float8, pg_catalog.int4, pg_catalog.int4);
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

-- One list of the tables a loader writes.
-- The tables a loader reads, inserts into and updates (never deletes from):
-- the one list grant_loader() and loader_functions() follow.
CREATE FUNCTION @extschema@.loader_tables() RETURNS SETOF pg_catalog.regclass
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT t.t
	  FROM (VALUES ('@extschema@.request'::pg_catalog.regclass),
				   ('@extschema@.country_route'::pg_catalog.regclass),
				   ('@extschema@.return_case'::pg_catalog.regclass),
				   ('@extschema@.condition_observation'::pg_catalog.regclass),
				   ('@extschema@.detention_episode'::pg_catalog.regclass),
				   ('@extschema@.holiday'::pg_catalog.regclass)) AS t(t);
END;
COMMENT ON FUNCTION @extschema@.loader_tables() IS
	'the tables of migchain that grant_loader() lets a role read, insert into and update (never delete from)';

CREATE OR REPLACE FUNCTION @extschema@.loader_functions() RETURNS SETOF pg_catalog.regprocedure
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH tables AS (
		SELECT t::pg_catalog.oid AS rel FROM @extschema@.loader_tables() t
	), parts AS (
		SELECT 'pg_catalog.pg_constraint'::pg_catalog.regclass::pg_catalog.oid AS classid, c.oid AS objid
		  FROM pg_catalog.pg_constraint c WHERE c.conrelid IN (SELECT tables.rel FROM tables)
		UNION ALL
		SELECT 'pg_catalog.pg_attrdef'::pg_catalog.regclass::pg_catalog.oid, a.oid
		  FROM pg_catalog.pg_attrdef a WHERE a.adrelid IN (SELECT tables.rel FROM tables)
		UNION ALL
		SELECT 'pg_catalog.pg_trigger'::pg_catalog.regclass::pg_catalog.oid, t.oid
		  FROM pg_catalog.pg_trigger t WHERE t.tgrelid IN (SELECT tables.rel FROM tables)
	), used AS (
		SELECT d.refclassid, d.refobjid
		  FROM pg_catalog.pg_depend d
		  JOIN parts ON parts.classid OPERATOR(pg_catalog.=) d.classid
					AND parts.objid OPERATOR(pg_catalog.=) d.objid
	), fns AS (
		SELECT used.refobjid AS fn
		  FROM used
		 WHERE used.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
		UNION
		SELECT o.oprcode::pg_catalog.oid
		  FROM used
		  JOIN pg_catalog.pg_operator o ON o.oid OPERATOR(pg_catalog.=) used.refobjid
		 WHERE used.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_operator'::pg_catalog.regclass
		UNION
		SELECT '@extschema@.country_eq(@extschema@.country, @extschema@.country)'::pg_catalog.regprocedure::pg_catalog.oid
		UNION
		SELECT '@extschema@.request_kind_eq(@extschema@.request_kind, @extschema@.request_kind)'::pg_catalog.regprocedure::pg_catalog.oid
	)
	SELECT p.oid::pg_catalog.regprocedure
	  FROM fns
	  JOIN pg_catalog.pg_proc p ON p.oid OPERATOR(pg_catalog.=) fns.fn
	 WHERE p.pronamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
	 ORDER BY p.oid::pg_catalog.regprocedure::pg_catalog.text;
END;
COMMENT ON FUNCTION @extschema@.loader_functions() IS
	'the functions of migchain that writing the tables of loader_tables() needs (constraints, defaults, triggers): what grant_loader grants EXECUTE on beside analyst_functions()';

CREATE OR REPLACE FUNCTION @extschema@.grant_loader(grantee pg_catalog.regrole) RETURNS pg_catalog.void
	LANGUAGE plpgsql	-- not strict: check_grantee() refuses a NULL role
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	who text := @extschema@.check_grantee(grantee);
	fn regprocedure;
	tab regclass;
	seq regclass;
BEGIN
	PERFORM @extschema@.grant_analyst(grantee);
	FOR fn IN SELECT f FROM @extschema@.loader_functions() f LOOP
		EXECUTE format('GRANT EXECUTE ON ROUTINE %s TO %s', fn, who);
	END LOOP;
	-- listing and withdrawing unanswered requests; the audit of what that
	-- changed is read, never written, by the loader
	EXECUTE format('GRANT EXECUTE ON FUNCTION @extschema@.unanswered_requests(pg_catalog.date, pg_catalog.int4) TO %s', who);
	EXECUTE format('GRANT EXECUTE ON PROCEDURE @extschema@.withdraw_unanswered(pg_catalog.date, pg_catalog.int4) TO %s', who);
	EXECUTE format('GRANT EXECUTE ON FUNCTION @extschema@.withdraw_unanswered_audited(pg_catalog.date, pg_catalog.int4, pg_catalog.name) TO %s', who);
	EXECUTE format('GRANT SELECT ON TABLE @extschema@.unanswered_withdrawal TO %s', who);
	FOR tab IN SELECT t FROM @extschema@.loader_tables() t LOOP
		EXECUTE format('GRANT SELECT, INSERT, UPDATE ON TABLE %s TO %s', tab, who);
	END LOOP;
	-- the sequences of the tables' identity columns
	FOR seq IN
		SELECT d.objid::regclass
		  FROM pg_depend d
		  JOIN pg_class c ON c.oid = d.objid AND c.relkind = 'S'
		 WHERE d.classid = 'pg_class'::regclass
		   AND d.refclassid = 'pg_class'::regclass
		   AND d.refobjid IN (SELECT t FROM @extschema@.loader_tables() t)
		   AND d.deptype IN ('a', 'i')
		 ORDER BY 1
	LOOP
		EXECUTE format('GRANT USAGE ON SEQUENCE %s TO %s', seq, who);
	END LOOP;
END
$$;
COMMENT ON FUNCTION @extschema@.grant_loader(pg_catalog.regrole) IS
	'lets a role read, insert into and update the tables of loader_tables() (requests, routes, return cases, their conditions, detention episodes, holidays; no delete), to list and withdraw unanswered requests and read their audit, and what an analyst may';

REVOKE EXECUTE ON FUNCTION @extschema@.generate_demo(pg_catalog.int8, pg_catalog.float8,
	pg_catalog.int4, pg_catalog.int4, pg_catalog.bool) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.demo_cases(pg_catalog.int8, pg_catalog.float8,
	pg_catalog.int4, pg_catalog.int4) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.conditions_as_of(pg_catalog.date) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.returnable_by_month(pg_catalog.date, pg_catalog.date) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.detention_exits(pg_catalog.int4, pg_catalog.int4) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.departures(pg_catalog.int4, pg_catalog.int4) FROM PUBLIC;


-- ==== end of return cases ====

-- ==== Unanswered requests ====

-- Unanswered requests: in practice a request that has had no answer for 12
-- months is recorded as unanswered and withdrawn ("Ingetrokken (Geen
-- antwoord verkregen)").  unanswered_requests() lists them,
-- withdraw_unanswered() withdraws them and records what it changed in
-- unanswered_withdrawal.  See docs/conditions-and-cooperation.md.
--
-- "More than N months": a request presented on day p is unanswered on day d
-- when p + N months < d, in PostgreSQL's month arithmetic (the day of the
-- month is kept, or the last day of a shorter month: 2023-01-31 + 1 month
-- is 2023-02-28).  Presented exactly N months before d, it is not yet.

-- The checks of the arguments, in one place for both.
CREATE FUNCTION @extschema@.check_unanswered_arguments(as_of pg_catalog.date, months pg_catalog.int4)
	RETURNS pg_catalog.void
	LANGUAGE plpgsql STABLE PARALLEL SAFE	-- STABLE: compares with current_date; not strict: NULL is an error
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF as_of IS NULL THEN
		RAISE EXCEPTION 'as_of must not be NULL'
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Give the day to count from, e.g. current_date (the default).';
	END IF;
	IF months IS NULL THEN
		RAISE EXCEPTION 'months must not be NULL'
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Give a number of months from 1 to 1200; the practice is 12 (the default).';
	END IF;
	IF as_of OPERATOR(pg_catalog.>) current_date THEN
		RAISE EXCEPTION 'as_of % is in the future', as_of
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Give a day up to today: whether a request is still unanswered on a later day is not known yet.';
	END IF;
	IF months OPERATOR(pg_catalog.<) 1 OR months OPERATOR(pg_catalog.>) 1200 THEN
		RAISE EXCEPTION 'months % is out of range', months
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Give a number of months from 1 to 1200; the practice is 12 (the default).';
	END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.check_unanswered_arguments(pg_catalog.date, pg_catalog.int4) IS
	'raises 22023 unless as_of is a day up to today and months is 1 to 1200 (the checks of unanswered_requests and withdraw_unanswered)';

-- The rows read are person-level: the function runs with its caller's
-- rights (so a role that may not read migchain.request gets nothing from
-- it), and only loaders and the admin may execute it (60-access.sql).
CREATE FUNCTION @extschema@.unanswered_requests(
	as_of pg_catalog.date DEFAULT CURRENT_DATE,
	months pg_catalog.int4 DEFAULT 12)
	RETURNS TABLE (request_id pg_catalog.int4, kind @extschema@.request_kind,
				   country @extschema@.country, person_id pg_catalog.int8,
				   presented_on pg_catalog.date, age_days pg_catalog.int4)
	LANGUAGE plpgsql STABLE PARALLEL SAFE	-- STABLE: reads the table; not strict: NULL is an error
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM @extschema@.check_unanswered_arguments(as_of, months);
	RETURN QUERY
	SELECT r.request_id, r.kind, r.country, r.person_id, r.presented_on,
		   as_of OPERATOR(pg_catalog.-) r.presented_on
	  FROM @extschema@.request r
	 WHERE (r.answer OPERATOR(pg_catalog.=) 'pending'::@extschema@.answer
			OR r.answered_on OPERATOR(pg_catalog.>) as_of)
	   AND (r.presented_on OPERATOR(pg_catalog.+) pg_catalog.make_interval(months => months))
			 OPERATOR(pg_catalog.<) as_of
	 ORDER BY r.presented_on, r.request_id;
END
$$;
COMMENT ON FUNCTION @extschema@.unanswered_requests(pg_catalog.date, pg_catalog.int4) IS
	'requests still pending on as_of (no answer then, or only later) that were presented more than months months before it (presented_on + months < as_of), with their age in days on as_of; person-level: for loaders and the admin';

-- What withdraw_unanswered() changed: one row per request it withdrew.
CREATE TABLE @extschema@.unanswered_withdrawal (
	withdrawal_id pg_catalog.int8 GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	request_id pg_catalog.int8 NOT NULL,
	answer_before @extschema@.answer NOT NULL,
	as_of pg_catalog.date NOT NULL,
	months pg_catalog.int4 NOT NULL,
	withdrawn_at pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.now(),
	session_role pg_catalog.name NOT NULL,
	acting_role pg_catalog.name NOT NULL
);
COMMENT ON TABLE @extschema@.unanswered_withdrawal IS
	'audit of withdraw_unanswered(): each request it recorded as withdrawn (no answer obtained), when and by whom; written only by that procedure';
COMMENT ON COLUMN @extschema@.unanswered_withdrawal.withdrawal_id IS 'number of the audit row';
COMMENT ON COLUMN @extschema@.unanswered_withdrawal.request_id IS
	'the request withdrawn (migchain.request.request_id; no foreign key, so the audit outlives a deleted request)';
COMMENT ON COLUMN @extschema@.unanswered_withdrawal.answer_before IS
	'its answer before: pending, the only answer the procedure changes';
COMMENT ON COLUMN @extschema@.unanswered_withdrawal.as_of IS
	'the as_of of the call: the day the request was recorded as withdrawn (its new answered_on)';
COMMENT ON COLUMN @extschema@.unanswered_withdrawal.months IS 'the months of the call: how long the request had gone unanswered at least';
COMMENT ON COLUMN @extschema@.unanswered_withdrawal.withdrawn_at IS 'when: the start of the transaction that withdrew it';
COMMENT ON COLUMN @extschema@.unanswered_withdrawal.session_role IS 'who: the role that logged in (session_user)';
COMMENT ON COLUMN @extschema@.unanswered_withdrawal.acting_role IS
	'who: the role the caller acted as (current_user when it called withdraw_unanswered; differs from session_role after SET ROLE)';
CREATE INDEX unanswered_withdrawal_request_id_idx ON @extschema@.unanswered_withdrawal (request_id);

SELECT pg_catalog.pg_extension_config_dump('@extschema@.unanswered_withdrawal', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.unanswered_withdrawal_withdrawal_id_seq', '');

-- The work, with the rights of the extension's owner: it updates the
-- requests and writes the audit in one statement, so an audit row exists
-- exactly for each request it withdrew, and no loader can write the audit
-- table itself.  SECURITY DEFINER with a pinned search_path and every name
-- qualified; it runs no dynamic SQL.  acting_as is the caller's current_user
-- (withdraw_unanswered passes it): it must be a role that the session's
-- login is a member of, so a caller can record only a role it could act as.
CREATE FUNCTION @extschema@.withdraw_unanswered_audited(as_of pg_catalog.date, months pg_catalog.int4,
														acting_as pg_catalog.name)
	RETURNS pg_catalog.int8
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER	-- not strict: NULL is an error
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	withdrawn int8;
BEGIN
	PERFORM @extschema@.check_unanswered_arguments(as_of, months);
	IF acting_as IS NULL
	   OR NOT EXISTS (SELECT FROM pg_catalog.pg_roles r WHERE r.rolname OPERATOR(pg_catalog.=) acting_as)
	   OR NOT pg_catalog.pg_has_role(session_user, acting_as, 'MEMBER') THEN
		RAISE EXCEPTION 'role "%" is not one the session can act as', acting_as
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Call migchain.withdraw_unanswered(as_of, months), which passes current_user.';
	END IF;
	-- Lock the requests due, in the order of their numbers (so that two
	-- calls at once do not deadlock), skipping none: a loader's update of
	-- one of them is waited for, and a request it answered meanwhile is no
	-- longer pending and is left alone (READ COMMITTED rechecks the
	-- condition on the row as updated).
	WITH due AS (
		SELECT r.request_id, r.answer
		  FROM @extschema@.request r
		 WHERE r.answer OPERATOR(pg_catalog.=) 'pending'::@extschema@.answer
		   AND (r.presented_on OPERATOR(pg_catalog.+) pg_catalog.make_interval(months => months))
				 OPERATOR(pg_catalog.<) as_of
		 ORDER BY r.request_id
		   FOR UPDATE
	), changed AS (
		UPDATE @extschema@.request r
		   SET answer = 'withdrawn'::@extschema@.answer, answered_on = as_of
		  FROM due
		 WHERE r.request_id OPERATOR(pg_catalog.=) due.request_id
		RETURNING r.request_id, due.answer
	), audited AS (
		INSERT INTO @extschema@.unanswered_withdrawal
			   (request_id, answer_before, as_of, months, session_role, acting_role)
		SELECT changed.request_id, changed.answer, as_of, months, session_user, acting_as
		  FROM changed
		RETURNING 1
	)
	SELECT pg_catalog.count(*) INTO withdrawn FROM audited;
	RETURN withdrawn;
END
$$;
COMMENT ON FUNCTION @extschema@.withdraw_unanswered_audited(pg_catalog.date, pg_catalog.int4, pg_catalog.name) IS
	'the work of withdraw_unanswered(): withdraws the requests due and writes the audit, with the owner''s rights; returns how many it withdrew';

CREATE PROCEDURE @extschema@.withdraw_unanswered(
	as_of pg_catalog.date DEFAULT CURRENT_DATE,
	months pg_catalog.int4 DEFAULT 12)
	LANGUAGE plpgsql	-- runs with the caller's rights; the work is done by withdraw_unanswered_audited
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	withdrawn int8;
BEGIN
	withdrawn := @extschema@.withdraw_unanswered_audited(as_of, months, current_user);
	RAISE NOTICE 'withdrew % unanswered request(s) as of % (presented more than % months before)',
		withdrawn, as_of, months;
END
$$;
COMMENT ON PROCEDURE @extschema@.withdraw_unanswered(pg_catalog.date, pg_catalog.int4) IS
	'records the requests pending and presented more than months months before as_of as withdrawn (answer withdrawn, answered_on as_of), audited in unanswered_withdrawal; running it again changes nothing; for loaders and the admin';

-- From sql/install/60-access.sql:
-- unanswered_requests() lists person-level rows and withdraw_unanswered()
-- changes requests: for loaders and the admin, not for PUBLIC.
-- withdraw_unanswered_audited() does the work with the owner's rights and
-- writes the audit table, which no other role may write: only the roles
-- that may run withdraw_unanswered() may execute it.  grant_loader must
-- grant EXECUTE on the three, and SELECT (nothing more) on
-- unanswered_withdrawal; grant_analyst grants none of them.
-- check_unanswered_arguments() only checks its arguments: PUBLIC keeps it.
REVOKE EXECUTE ON FUNCTION @extschema@.unanswered_requests(pg_catalog.date, pg_catalog.int4) FROM PUBLIC;
REVOKE EXECUTE ON PROCEDURE @extschema@.withdraw_unanswered(pg_catalog.date, pg_catalog.int4) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.withdraw_unanswered_audited(pg_catalog.date, pg_catalog.int4,
	pg_catalog.name) FROM PUBLIC;

-- ==== end of unanswered requests ====

-- ==== Answered means answered: a withdrawal is no answer ====

-- answered(tally) counted the withdrawn requests as answered; it counts the
-- positive and negative answers now (so acceptance_rate(tally) is positive
-- / (positive + negative), as the cooperation figures count it), and
-- closed(tally) the requests no longer pending.
CREATE OR REPLACE FUNCTION @extschema@.answered(@extschema@.tally) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'tally_replied' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answered(@extschema@.tally) IS
	'positive + negative: the requests the country answered (a withdrawal is no answer)';
CREATE FUNCTION @extschema@.closed(@extschema@.tally) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'tally_answered' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.closed(@extschema@.tally) IS
	'positive + negative + withdrawn: the requests no longer pending';
COMMENT ON FUNCTION @extschema@.acceptance_rate(@extschema@.tally) IS
	'positive / answered (positive + negative), rounded to 4 decimals; NULL when nothing was answered yet';

-- ==== end of answered ====

-- ==== Distinct persons per country ====

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

-- cooperation_persons() counts its distinct persons with country_person_cube()
-- rather than SELECT DISTINCT (its comment and rights stay).
CREATE OR REPLACE FUNCTION @extschema@.cooperation_persons(from_year pg_catalog.int4 DEFAULT NULL,
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
-- ==== end of distinct persons ====

-- ==== Dashboards: the rollup of the request counters, and load batches ====

-- Load batches (sql/install/29-load_batch.sql): provenance moves out of the
-- row, from the text column source to a 4-byte batch number.
-- Load batches: where the rows of migchain.request came from, who loaded
-- them and when, so that a bad load can be found, audited and taken back as
-- a whole.  A request names its batch by a 4-byte number (batch_id).

CREATE TABLE @extschema@.load_batch (
	batch_id pg_catalog.int4 GENERATED BY DEFAULT AS IDENTITY,
	system pg_catalog.text NOT NULL,
	file pg_catalog.text,
	loaded_at pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.now(),
	loaded_by pg_catalog.name NOT NULL DEFAULT CURRENT_USER,
	session_role pg_catalog.name NOT NULL DEFAULT SESSION_USER,
	ended_at pg_catalog.timestamptz,
	row_count pg_catalog.int8,
	checksum pg_catalog.int8,
	removed_at pg_catalog.timestamptz,
	removed_by pg_catalog.name,
	removed_rows pg_catalog.int8,
	removal_reason pg_catalog.text,
	CONSTRAINT load_batch_pkey PRIMARY KEY (batch_id),
	CONSTRAINT load_batch_system_not_empty CHECK (pg_catalog.btrim(system) OPERATOR(pg_catalog.<>) ''),
	CONSTRAINT load_batch_ended_has_summary
		CHECK ((ended_at IS NULL) = (row_count IS NULL) AND (ended_at IS NULL) = (checksum IS NULL)),
	CONSTRAINT load_batch_removal_complete
		CHECK ((removed_at IS NULL) = (removed_by IS NULL)
			   AND (removed_at IS NULL) = (removed_rows IS NULL)
			   AND (removed_at IS NULL) = (removal_reason IS NULL))
);
COMMENT ON TABLE @extschema@.load_batch IS
	'the loads of requests: which system and file, who loaded them and when, how many rows with which checksum, and whether the load was taken back';
COMMENT ON COLUMN @extschema@.load_batch.batch_id IS 'number of the batch (migchain.request.batch_id)';
COMMENT ON COLUMN @extschema@.load_batch.system IS 'the system the rows came from';
COMMENT ON COLUMN @extschema@.load_batch.file IS 'the file or export they came in, if any';
COMMENT ON COLUMN @extschema@.load_batch.loaded_at IS 'when the batch was begun (start of the transaction of begin_load)';
COMMENT ON COLUMN @extschema@.load_batch.loaded_by IS 'the role that began it (current_user)';
COMMENT ON COLUMN @extschema@.load_batch.session_role IS 'the role that logged in (session_user; differs from loaded_by after SET ROLE)';
COMMENT ON COLUMN @extschema@.load_batch.ended_at IS 'when end_load() recorded the batch''s row count and checksum; NULL while the load goes on';
COMMENT ON COLUMN @extschema@.load_batch.row_count IS 'the rows the batch had when it was ended';
COMMENT ON COLUMN @extschema@.load_batch.checksum IS
	'the checksum of those rows when the batch was ended: the exclusive or of request_row_hash() of each (load_batch_check() computes it again)';
COMMENT ON COLUMN @extschema@.load_batch.removed_at IS 'when remove_load_batch() took the batch back; NULL while its rows are in migchain.request';
COMMENT ON COLUMN @extschema@.load_batch.removed_by IS 'the role that took it back';
COMMENT ON COLUMN @extschema@.load_batch.removed_rows IS 'how many requests that removed';
COMMENT ON COLUMN @extschema@.load_batch.removal_reason IS 'why, in the words of the one who took it back';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.load_batch', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.load_batch_batch_id_seq', '');

-- The default of migchain.request.batch_id: the setting migchain.load_batch
-- (0, its default, is no batch: NULL).  STABLE: the setting does not change
-- within a statement, and a volatile default would keep COPY from writing
-- rows in batches.
CREATE FUNCTION @extschema@.current_load_batch() RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'current_load_batch'
	LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.current_load_batch() IS
	'the load batch rows inserted now belong to: the setting migchain.load_batch, NULL when it is 0 (no batch); the default of migchain.request.batch_id';

-- The requests get their new layout (sql/install/30-request.sql): request_id
-- becomes a 4-byte number, source becomes batch_id, and the 4-byte numbers
-- come before the 8-byte one, so a row holds 32 bytes of data at most.  The
-- table is made anew and the rows copied: columns cannot be reordered in
-- place, and a dropped column would still cost its NULL bit in every row.
-- What users made on the table themselves (indexes, triggers, policies,
-- views, publications, ...) would be lost with the old table: the update
-- refuses, naming them, rather than drop them.  The rights given on the
-- table, to roles or PUBLIC, go over to the new one.
DO $$
DECLARE
	others pg_catalog.text;
	too_big pg_catalog.int8;
BEGIN
	SELECT pg_catalog.string_agg(DISTINCT
			CASE WHEN d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_rewrite'::pg_catalog.regclass
				 THEN (SELECT pg_catalog.pg_describe_object('pg_catalog.pg_class'::pg_catalog.regclass, w.ev_class, 0)
						 FROM pg_catalog.pg_rewrite w WHERE w.oid OPERATOR(pg_catalog.=) d.objid)
				 ELSE pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid) END, ', ')
	  INTO others
	  FROM pg_catalog.pg_depend d
	 WHERE d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
	   AND d.refobjid OPERATOR(pg_catalog.=) '@extschema@.request'::pg_catalog.regclass
	   AND d.deptype OPERATOR(pg_catalog.<>) 'i'
	   AND NOT (d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_constraint'::pg_catalog.regclass
				AND d.objid IN (SELECT c.oid FROM pg_catalog.pg_constraint c
								 WHERE c.conrelid OPERATOR(pg_catalog.=) '@extschema@.request'::pg_catalog.regclass
								   AND c.conname IN ('request_pkey', 'request_person_id_positive',
													 'request_presented_in_range',
													 'request_final_answer_needs_date',
													 'request_pending_has_no_answer_date',
													 'request_answer_not_before_presentation',
													 'request_presented_not_before_requested')))
	   AND NOT (d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
				AND d.objid IN ('@extschema@.request_presented_on_idx'::pg_catalog.regclass,
								'@extschema@.request_country_presented_on_idx'::pg_catalog.regclass,
								'@extschema@.request_person_id_idx'::pg_catalog.regclass,
								'@extschema@.request_request_id_seq'::pg_catalog.regclass))
	   AND NOT (d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_attrdef'::pg_catalog.regclass)
	   AND NOT (d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
				AND d.objid OPERATOR(pg_catalog.=) '@extschema@.loader_tables()'::pg_catalog.regprocedure);
	-- a subscription that copies into the table would lose it without a word
	SELECT pg_catalog.concat_ws(', ', others,
			pg_catalog.string_agg('subscription ' OPERATOR(pg_catalog.||) pg_catalog.quote_ident(s.subname), ', '))
	  INTO others
	  FROM pg_catalog.pg_subscription_rel r
	  JOIN pg_catalog.pg_subscription s ON s.oid OPERATOR(pg_catalog.=) r.srsubid
	 WHERE r.srrelid OPERATOR(pg_catalog.=) '@extschema@.request'::pg_catalog.regclass;
	others := nullif(others, '');
	IF others IS NOT NULL THEN
		RAISE EXCEPTION 'migchain 0.2.0 makes the table migchain.request anew, and these depend on it: %', others
			USING ERRCODE = 'dependent_objects_still_exist',
				  DETAIL = 'The update copies the rows and the rights into a table of the new layout; it does not copy what was made on the old table, and would lose it.',
				  HINT = 'Note their definitions, drop them, update, and make them again on the new table.';
	END IF;
	SELECT r.request_id INTO too_big FROM @extschema@.request r
	 WHERE r.request_id OPERATOR(pg_catalog.>) 2147483647
		OR r.request_id OPERATOR(pg_catalog.<) -2147483648
	 ORDER BY pg_catalog.abs(r.request_id) DESC LIMIT 1;
	IF too_big IS NOT NULL THEN
		RAISE EXCEPTION 'request_id % does not fit the 4-byte request numbers of migchain 0.2.0', too_big
			USING ERRCODE = 'numeric_value_out_of_range',
				  DETAIL = 'Request numbers go from -2147483648 to 2147483647.',
				  HINT = 'Number the requests anew from 1 (they are the extension''s own numbers), then update.';
	END IF;
END
$$;

ALTER TABLE @extschema@.request RENAME TO request_0_1_0;
ALTER SEQUENCE @extschema@.request_request_id_seq RENAME TO request_0_1_0_request_id_seq;
ALTER TABLE @extschema@.request_0_1_0 RENAME CONSTRAINT request_pkey TO request_0_1_0_pkey;
ALTER INDEX @extschema@.request_presented_on_idx RENAME TO request_0_1_0_presented_on_idx;
ALTER INDEX @extschema@.request_country_presented_on_idx RENAME TO request_0_1_0_country_presented_on_idx;
ALTER INDEX @extschema@.request_person_id_idx RENAME TO request_0_1_0_person_id_idx;

CREATE TABLE @extschema@.request (
	-- fixed-width, never-NULL columns first: the overviews read only these;
	-- then the 4-byte numbers, so that a row holds 32 bytes of data at most
	-- (see docs/performance.md, Row size)
	kind @extschema@.request_kind NOT NULL,
	answer @extschema@.answer NOT NULL DEFAULT 'pending',
	country @extschema@.country NOT NULL,
	presented_on pg_catalog.date NOT NULL,
	request_id pg_catalog.int4 GENERATED BY DEFAULT AS IDENTITY,
	batch_id pg_catalog.int4 DEFAULT @extschema@.current_load_batch(),
	person_id pg_catalog.int8 NOT NULL,
	answered_on pg_catalog.date,
	requested_on pg_catalog.date,
	CONSTRAINT request_pkey PRIMARY KEY (request_id),
	CONSTRAINT request_person_id_positive CHECK (person_id > 0),
	CONSTRAINT request_presented_in_range
		CHECK (@extschema@.year_in_range(presented_on)),
	CONSTRAINT request_final_answer_needs_date
		CHECK (answer OPERATOR(pg_catalog.=) 'pending' OR answered_on IS NOT NULL),
	CONSTRAINT request_pending_has_no_answer_date
		CHECK (answer OPERATOR(pg_catalog.<>) 'pending' OR answered_on IS NULL),
	CONSTRAINT request_answer_not_before_presentation
		CHECK (answered_on >= presented_on),
	CONSTRAINT request_presented_not_before_requested
		CHECK (requested_on <= presented_on)
);
COMMENT ON TABLE @extschema@.request IS
	'laissez-passer (LP) and readmission (T&O) requests presented to countries of origin, with their answers';
COMMENT ON COLUMN @extschema@.request.kind IS 'LP (laissez-passer) or T&O (terugname en overname)';
COMMENT ON COLUMN @extschema@.request.answer IS
	'the answer so far: pending (bekend gesteld), positive, negative or withdrawn (no answer obtained)';
COMMENT ON COLUMN @extschema@.request.country IS 'the country of origin the request was presented to';
COMMENT ON COLUMN @extschema@.request.presented_on IS
	'the date the request was presented (bekend gesteld) to the authorities of the country';
COMMENT ON COLUMN @extschema@.request.request_id IS 'number of the request';
COMMENT ON COLUMN @extschema@.request.person_id IS
	'pseudonymous number of the person (the same person may be presented to several countries)';
COMMENT ON COLUMN @extschema@.request.answered_on IS
	'the date of the final answer or of the withdrawal; NULL while pending';
COMMENT ON COLUMN @extschema@.request.requested_on IS 'the date the request was made, if known';
COMMENT ON COLUMN @extschema@.request.batch_id IS
	'the load batch the row came in (migchain.load_batch: system, file, who, when); NULL: loaded outside a batch';

CREATE INDEX request_presented_on_idx ON @extschema@.request (presented_on);
CREATE INDEX request_country_presented_on_idx ON @extschema@.request (country, presented_on);
CREATE INDEX request_person_id_idx ON @extschema@.request (person_id);

SELECT pg_catalog.pg_extension_config_dump('@extschema@.request', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.request_request_id_seq', '');

-- Where the old table and its indexes were kept, and their storage
-- parameters, hold for the new ones, before the rows are copied.
DO $$
DECLARE
	t record;
BEGIN
	FOR t IN
		SELECT o.relname AS old_name, n.relname AS new_name, o.relkind, o.reltablespace, o.reloptions
		  FROM (VALUES ('request_0_1_0', 'request'),
					   ('request_0_1_0_pkey', 'request_pkey'),
					   ('request_0_1_0_presented_on_idx', 'request_presented_on_idx'),
					   ('request_0_1_0_country_presented_on_idx', 'request_country_presented_on_idx'),
					   ('request_0_1_0_person_id_idx', 'request_person_id_idx')) AS p(old_name, new_name)
		  JOIN pg_catalog.pg_class o
			ON o.relname OPERATOR(pg_catalog.=) p.old_name
		   AND o.relnamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
		  JOIN pg_catalog.pg_class n
			ON n.relname OPERATOR(pg_catalog.=) p.new_name
		   AND n.relnamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
	LOOP
		IF t.reltablespace OPERATOR(pg_catalog.<>) 0 THEN
			EXECUTE pg_catalog.format('ALTER %s @extschema@.%I SET TABLESPACE %I',
				CASE WHEN t.relkind OPERATOR(pg_catalog.=) 'i' THEN 'INDEX' ELSE 'TABLE' END, t.new_name,
				(SELECT s.spcname FROM pg_catalog.pg_tablespace s
				  WHERE s.oid OPERATOR(pg_catalog.=) t.reltablespace));
		END IF;
		IF t.reloptions IS NOT NULL THEN
			EXECUTE pg_catalog.format('ALTER %s @extschema@.%I SET (%s)',
				CASE WHEN t.relkind OPERATOR(pg_catalog.=) 'i' THEN 'INDEX' ELSE 'TABLE' END, t.new_name,
				pg_catalog.array_to_string(t.reloptions, ', '));
		END IF;
	END LOOP;
END
$$;

-- loader_tables() names the table by its number: made again, it names the
-- new one.
CREATE OR REPLACE FUNCTION @extschema@.loader_tables() RETURNS SETOF pg_catalog.regclass
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT t.t
	  FROM (VALUES ('@extschema@.request'::pg_catalog.regclass),
				   ('@extschema@.country_route'::pg_catalog.regclass),
				   ('@extschema@.return_case'::pg_catalog.regclass),
				   ('@extschema@.condition_observation'::pg_catalog.regclass),
				   ('@extschema@.detention_episode'::pg_catalog.regclass),
				   ('@extschema@.holiday'::pg_catalog.regclass)) AS t(t);
END;

-- The rows, in the order of their numbers; each value of source becomes a
-- load batch (system 'migchain 0.1.0', file: the value), ended below with
-- the rows it has.
INSERT INTO @extschema@.load_batch (system, file)
SELECT 'migchain 0.1.0', s.source
  FROM (SELECT DISTINCT o.source FROM @extschema@.request_0_1_0 o WHERE o.source IS NOT NULL) s
 ORDER BY s.source;
INSERT INTO @extschema@.request
	(kind, answer, country, presented_on, request_id, batch_id, person_id, answered_on, requested_on)
SELECT o.kind, o.answer, o.country, o.presented_on, o.request_id::pg_catalog.int4, b.batch_id,
	   o.person_id, o.answered_on, o.requested_on
  FROM @extschema@.request_0_1_0 o
  LEFT JOIN @extschema@.load_batch b
	ON b.system OPERATOR(pg_catalog.=) 'migchain 0.1.0' AND b.file OPERATOR(pg_catalog.=) o.source
 ORDER BY o.request_id;

-- The rights given on the old table, its columns and its sequence go over
-- to the new ones, each from the role that gave it (a right given on by a
-- role that holds the grant option is given again by that role, after its
-- own), so that REVOKE ... CASCADE still reaches it.  A temporary helper.
CREATE FUNCTION @extschema@.carry_grants_0_1_0(old_rel pg_catalog.regclass,
											   new_rel pg_catalog.regclass,
											   what pg_catalog.text)
	RETURNS pg_catalog.void
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	owner oid := (SELECT c.relowner FROM pg_class c WHERE c.oid = new_rel);
	e record;
	key text;
	done text[] := '{}';
	left_over int;
	progress bool := true;
	as_owner bool := false;
BEGIN
	LOOP
		left_over := 0;
		-- a round that gave nothing: the rest are given by the owner (a
		-- grantor without the grant option cannot be, as PostgreSQL keeps
		-- grants; this ends the loop whatever the catalog holds)
		as_owner := NOT progress;
		progress := false;
		FOR e IN
			SELECT NULL::name AS col, a.privilege_type, a.is_grantable, a.grantee, a.grantor
			  FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
			 WHERE c.oid = old_rel AND a.grantee <> c.relowner
			UNION ALL
			SELECT t.attname, a.privilege_type, a.is_grantable, a.grantee, a.grantor
			  FROM pg_attribute t CROSS JOIN LATERAL aclexplode(t.attacl) a
			 WHERE t.attrelid = old_rel AND t.attnum > 0 AND NOT t.attisdropped
			   AND EXISTS (SELECT FROM pg_attribute n
							WHERE n.attrelid = new_rel AND n.attname = t.attname AND NOT n.attisdropped)
			 ORDER BY 1 NULLS FIRST, 2, 4, 5
		LOOP
			key := concat_ws('/', e.col, e.privilege_type, e.grantee, e.grantor);
			CONTINUE WHEN key = ANY (done);
			IF as_owner OR e.grantor = owner
			   OR EXISTS (SELECT FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) n
						   WHERE c.oid = new_rel AND n.grantee = e.grantor
							 AND n.privilege_type = e.privilege_type AND n.is_grantable)
			   OR EXISTS (SELECT FROM pg_attribute t CROSS JOIN LATERAL aclexplode(t.attacl) n
						   WHERE t.attrelid = new_rel AND t.attname = e.col AND n.grantee = e.grantor
							 AND n.privilege_type = e.privilege_type AND n.is_grantable) THEN
				IF e.grantor <> owner AND NOT as_owner THEN
					EXECUTE format('SET ROLE %s', e.grantor::regrole);
				END IF;
				EXECUTE format('GRANT %s%s ON %s %s TO %s%s', e.privilege_type,
							   CASE WHEN e.col IS NULL THEN '' ELSE format(' (%I)', e.col) END,
							   what, new_rel,
							   CASE WHEN e.grantee = 0 THEN 'PUBLIC' ELSE e.grantee::regrole::text END,
							   CASE WHEN e.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END);
				IF e.grantor <> owner AND NOT as_owner THEN
					RESET ROLE;
				END IF;
				done := done || key;
				progress := true;
			ELSE
				left_over := left_over + 1;
			END IF;
		END LOOP;
		EXIT WHEN left_over = 0;
	END LOOP;
END
$$;

-- The numbering goes on where it was, with the sequence's options; the
-- rights go over; so do the table's settings (replica identity, row
-- security, the columns' statistics targets and options).  GRANT in an update script would be
-- recorded as the extension's initial privileges, which pg_dump leaves
-- out: the new objects get none, as in a fresh install, so the rights
-- given stay the roles' own and pg_dump keeps them.
DO $$
DECLARE
	last pg_catalog.int8;
	called pg_catalog.bool;
	old_table pg_catalog.pg_class;
	seq pg_catalog.pg_sequence;
	col record;
BEGIN
	SELECT s.last_value, s.is_called INTO last, called FROM @extschema@.request_0_1_0_request_id_seq s;
	IF last OPERATOR(pg_catalog.>) 2147483647 OR last OPERATOR(pg_catalog.<) -2147483648 THEN
		RAISE EXCEPTION 'the request numbers of migchain 0.1.0 have reached %, beyond the 4-byte numbers of migchain 0.2.0', last
			USING ERRCODE = 'numeric_value_out_of_range',
				  HINT = 'Number the requests anew from 1, and restart the sequence, then update.';
	END IF;
	-- the sequence's options, within the 4-byte numbers
	SELECT * INTO seq FROM pg_catalog.pg_sequence q
	 WHERE q.seqrelid OPERATOR(pg_catalog.=) '@extschema@.request_0_1_0_request_id_seq'::pg_catalog.regclass;
	EXECUTE pg_catalog.format('ALTER SEQUENCE @extschema@.request_request_id_seq INCREMENT BY %s MINVALUE %s MAXVALUE %s CACHE %s %s',
		greatest(least(seq.seqincrement, 2147483647), -2147483648),
		greatest(seq.seqmin, -2147483648), least(seq.seqmax, 2147483647),
		seq.seqcache, CASE WHEN seq.seqcycle THEN 'CYCLE' ELSE 'NO CYCLE' END);
	PERFORM pg_catalog.setval('@extschema@.request_request_id_seq', last, called);
	PERFORM @extschema@.carry_grants_0_1_0('@extschema@.request_0_1_0', '@extschema@.request', 'TABLE');
	PERFORM @extschema@.carry_grants_0_1_0('@extschema@.request_0_1_0_request_id_seq',
										   '@extschema@.request_request_id_seq', 'SEQUENCE');
	DELETE FROM pg_catalog.pg_init_privs i
	 WHERE i.classoid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
	   AND i.objoid IN ('@extschema@.request'::pg_catalog.regclass,
						'@extschema@.request_request_id_seq'::pg_catalog.regclass);

	SELECT * INTO old_table FROM pg_catalog.pg_class c
	 WHERE c.oid OPERATOR(pg_catalog.=) '@extschema@.request_0_1_0'::pg_catalog.regclass;
	IF old_table.relreplident OPERATOR(pg_catalog.=) 'f' THEN
		ALTER TABLE @extschema@.request REPLICA IDENTITY FULL;
	ELSIF old_table.relreplident OPERATOR(pg_catalog.=) 'n' THEN
		ALTER TABLE @extschema@.request REPLICA IDENTITY NOTHING;
	ELSIF old_table.relreplident OPERATOR(pg_catalog.=) 'i' THEN
		ALTER TABLE @extschema@.request REPLICA IDENTITY USING INDEX request_pkey;
	END IF;
	IF old_table.relrowsecurity THEN
		ALTER TABLE @extschema@.request ENABLE ROW LEVEL SECURITY;
	END IF;
	IF old_table.relforcerowsecurity THEN
		ALTER TABLE @extschema@.request FORCE ROW LEVEL SECURITY;
	END IF;
	FOR col IN
		SELECT a.attname, a.attstattarget, a.attoptions FROM pg_catalog.pg_attribute a
		 WHERE a.attrelid OPERATOR(pg_catalog.=) '@extschema@.request_0_1_0'::pg_catalog.regclass
		   AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped
		   AND (a.attstattarget OPERATOR(pg_catalog.>=) 0 OR a.attoptions IS NOT NULL)
		   AND a.attname OPERATOR(pg_catalog.<>) 'source'
	LOOP
		IF col.attstattarget OPERATOR(pg_catalog.>=) 0 THEN
			EXECUTE pg_catalog.format('ALTER TABLE @extschema@.request ALTER COLUMN %I SET STATISTICS %s',
									  col.attname, col.attstattarget);
		END IF;
		IF col.attoptions IS NOT NULL THEN
			EXECUTE pg_catalog.format('ALTER TABLE @extschema@.request ALTER COLUMN %I SET (%s)',
									  col.attname, pg_catalog.array_to_string(col.attoptions, ', '));
		END IF;
	END LOOP;
END
$$;
DROP FUNCTION @extschema@.carry_grants_0_1_0(pg_catalog.regclass, pg_catalog.regclass, pg_catalog.text);

DROP TABLE @extschema@.request_0_1_0;

-- Dropping a table does not take it off the extension's list of tables
-- whose rows pg_dump includes: the old table and its sequence go off it.
UPDATE pg_catalog.pg_extension e
   SET extconfig = k.extconfig, extcondition = k.extcondition
  FROM (SELECT x.oid,
			   pg_catalog.array_agg(c.tab ORDER BY c.i) AS extconfig,
			   pg_catalog.array_agg(c.cond ORDER BY c.i) AS extcondition
		  FROM pg_catalog.pg_extension x
		 CROSS JOIN LATERAL ROWS FROM (pg_catalog.unnest(x.extconfig), pg_catalog.unnest(x.extcondition))
			   WITH ORDINALITY AS c(tab, cond, i)
		 WHERE x.extname OPERATOR(pg_catalog.=) 'migchain'
		   AND EXISTS (SELECT 1 FROM pg_catalog.pg_class r WHERE r.oid OPERATOR(pg_catalog.=) c.tab)
		 GROUP BY x.oid) k
 WHERE e.oid OPERATOR(pg_catalog.=) k.oid;

-- The rollup of the request counters (sql/install/36-rollup.sql), counted
-- from the requests once, here.
-- The rollup of the request counters: requests per year presented, kind,
-- country and answer, kept exact by statement triggers on migchain.request
-- in the transaction of every change (see src/request_rollup.c and
-- docs/performance.md).  The overviews of the press answer read it instead
-- of the requests.

-- The deltas: one row per (year, kind, country) a statement changed, with
-- the change of each answer's count; compacted rows hold the sum of a
-- cell's earlier rows.  Not in pg_dump: restoring the requests counts them
-- again (their COPY fires the triggers).
CREATE TABLE @extschema@.request_rollup (
	year pg_catalog.int4 NOT NULL,
	kind @extschema@.request_kind NOT NULL,
	country @extschema@.country NOT NULL,
	pending pg_catalog.int8 NOT NULL,
	positive pg_catalog.int8 NOT NULL,
	negative pg_catalog.int8 NOT NULL,
	withdrawn pg_catalog.int8 NOT NULL,
	compacted pg_catalog.bool NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.request_rollup IS
	'the rollup of the request counters, as deltas: the requests of a year presented, kind and country are the sums of its rows; written by the triggers on migchain.request and by compact_request_rollup() only';
COMMENT ON COLUMN @extschema@.request_rollup.year IS 'year presented';
COMMENT ON COLUMN @extschema@.request_rollup.kind IS 'LP or T&O';
COMMENT ON COLUMN @extschema@.request_rollup.country IS 'country of origin';
COMMENT ON COLUMN @extschema@.request_rollup.pending IS 'change of the number of pending requests';
COMMENT ON COLUMN @extschema@.request_rollup.positive IS 'change of the number answered positively';
COMMENT ON COLUMN @extschema@.request_rollup.negative IS 'change of the number answered negatively';
COMMENT ON COLUMN @extschema@.request_rollup.withdrawn IS 'change of the number withdrawn';
COMMENT ON COLUMN @extschema@.request_rollup.compacted IS
	'true for the sum of a cell''s rows written by a compaction; false for a statement''s delta';

-- A publication FOR ALL TABLES (or of the schema) takes the rollup along:
-- its rows have no key, so deletes need the whole row to be sent, and a
-- subscriber drops the deltas it receives (it counts the requests it
-- receives itself).
ALTER TABLE @extschema@.request_rollup REPLICA IDENTITY FULL;
CREATE FUNCTION @extschema@.request_rollup_guard() RETURNS pg_catalog.trigger
	AS 'MODULE_PATHNAME', 'request_rollup_guard'
	LANGUAGE C;
COMMENT ON FUNCTION @extschema@.request_rollup_guard() IS
	'row trigger on migchain.request_rollup, enabled on replicas: drops the deltas logical replication brings (a subscriber counts the requests it receives itself); what migchain writes passes';
CREATE TRIGGER request_rollup_guard
	BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.request_rollup
	FOR EACH ROW EXECUTE FUNCTION @extschema@.request_rollup_guard();
ALTER TABLE @extschema@.request_rollup ENABLE REPLICA TRIGGER request_rollup_guard;
COMMENT ON TRIGGER request_rollup_guard ON @extschema@.request_rollup IS
	'on a logical replication subscriber, the deltas of the publisher are not applied: the subscriber keeps its own';

-- Counts the statements that wrote deltas: every 256th asks for a compaction.
CREATE SEQUENCE @extschema@.request_rollup_statement_seq;
COMMENT ON SEQUENCE @extschema@.request_rollup_statement_seq IS
	'the statements that wrote deltas into request_rollup, counted without waiting: every 256th asks for a compaction';

CREATE FUNCTION @extschema@.request_rollup_maintain() RETURNS pg_catalog.trigger
	AS 'MODULE_PATHNAME', 'request_rollup_maintain'
	LANGUAGE C;	-- volatile: writes the rollup
COMMENT ON FUNCTION @extschema@.request_rollup_maintain() IS
	'statement trigger on migchain.request: adds the statement''s changes to the rollup (with the owner''s rights), checks the load batches of new rows, and empties the rollup on TRUNCATE';

-- One trigger per event (a trigger with transition tables serves one), all
-- firing ALWAYS: also under session_replication_role = replica, as the
-- apply worker of logical replication runs.
CREATE TRIGGER request_rollup_insert
	AFTER INSERT ON @extschema@.request
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.request_rollup_maintain();
CREATE TRIGGER request_rollup_update
	AFTER UPDATE ON @extschema@.request
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.request_rollup_maintain();
CREATE TRIGGER request_rollup_delete
	AFTER DELETE ON @extschema@.request
	REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.request_rollup_maintain();
CREATE TRIGGER request_rollup_truncate
	AFTER TRUNCATE ON @extschema@.request
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.request_rollup_maintain();
ALTER TABLE @extschema@.request ENABLE ALWAYS TRIGGER request_rollup_insert;
ALTER TABLE @extschema@.request ENABLE ALWAYS TRIGGER request_rollup_update;
ALTER TABLE @extschema@.request ENABLE ALWAYS TRIGGER request_rollup_delete;
ALTER TABLE @extschema@.request ENABLE ALWAYS TRIGGER request_rollup_truncate;
COMMENT ON TRIGGER request_rollup_insert ON @extschema@.request IS
	'keeps the rollup of the request counters exact: the rows inserted';
COMMENT ON TRIGGER request_rollup_update ON @extschema@.request IS
	'keeps the rollup of the request counters exact: the rows updated (an answer moves a request from one count to another)';
COMMENT ON TRIGGER request_rollup_delete ON @extschema@.request IS
	'keeps the rollup of the request counters exact: the rows deleted';
COMMENT ON TRIGGER request_rollup_truncate ON @extschema@.request IS
	'keeps the rollup of the request counters exact: TRUNCATE empties it';

-- The apply worker of logical replication fires row triggers only, never
-- statement triggers: this row trigger, enabled on replicas only (the apply
-- worker runs with session_replication_role = replica), counts the rows it
-- applies (and those a table synchronization worker applies after its
-- copy), and is not queued in any other process (its WHEN condition).
CREATE FUNCTION @extschema@.request_rollup_in_apply() RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'request_rollup_in_apply'
	LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_rollup_in_apply() IS
	'true in a worker of logical replication that applies rows one by one (the apply worker; a table synchronization worker after its copy): the condition of the trigger request_rollup_apply';
CREATE FUNCTION @extschema@.request_rollup_apply() RETURNS pg_catalog.trigger
	AS 'MODULE_PATHNAME', 'request_rollup_apply'
	LANGUAGE C;	-- volatile: writes the rollup
COMMENT ON FUNCTION @extschema@.request_rollup_apply() IS
	'row trigger on migchain.request: in the apply worker of logical replication, which fires no statement triggers, adds each row applied to the rollup (with the owner''s rights); does nothing elsewhere';
CREATE TRIGGER request_rollup_apply
	AFTER INSERT OR UPDATE OR DELETE ON @extschema@.request
	FOR EACH ROW WHEN (@extschema@.request_rollup_in_apply())
	EXECUTE FUNCTION @extschema@.request_rollup_apply();
ALTER TABLE @extschema@.request ENABLE REPLICA TRIGGER request_rollup_apply;
COMMENT ON TRIGGER request_rollup_apply ON @extschema@.request IS
	'keeps the rollup of the request counters exact on a logical replication subscriber: the rows its apply worker applies';

CREATE FUNCTION @extschema@.request_rollup_ready() RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'request_rollup_ready'
	LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_rollup_ready() IS
	'true when the triggers that maintain the rollup exist and fire as they must (the statement triggers always, the one for logical replication on replicas); an error saying which does not, and how to rebuild the rollup, otherwise';

-- Compaction: the rows of every cell with new deltas become one, in one
-- statement, under an advisory lock (keys 1835624803, 1) that keeps
-- compactions, rebuilds and TRUNCATE from overlapping.  A background worker
-- runs it after a transaction that asked for it commits; anyone with the
-- right may run it too.  Meant for READ COMMITTED: each call sees the deltas
-- committed before it.
CREATE FUNCTION @extschema@.compact_request_rollup() RETURNS pg_catalog.int8
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	merged pg_catalog.int8;
BEGIN
	-- the key: 1835624803 ('migc') and 1, the rollup (advisory locks are per database)
	IF NOT pg_catalog.pg_try_advisory_xact_lock(1835624803, 1) THEN
		RETURN 0;	-- another compaction is at work
	END IF;
	WITH touched AS (
		SELECT DISTINCT d.year, d.kind, d.country
		  FROM @extschema@.request_rollup d
		 WHERE NOT d.compacted
	), gone AS (
		DELETE FROM @extschema@.request_rollup r
		 USING touched t
		 WHERE r.year OPERATOR(pg_catalog.=) t.year
		   AND r.kind OPERATOR(pg_catalog.=) t.kind
		   AND r.country OPERATOR(pg_catalog.=) t.country
		RETURNING r.year, r.kind, r.country, r.pending, r.positive, r.negative, r.withdrawn
	), summed AS (
		INSERT INTO @extschema@.request_rollup
			(year, kind, country, pending, positive, negative, withdrawn, compacted)
		SELECT g.year, g.kind, g.country, pg_catalog.sum(g.pending), pg_catalog.sum(g.positive),
			   pg_catalog.sum(g.negative), pg_catalog.sum(g.withdrawn), true
		  FROM gone g
		 GROUP BY g.year, g.kind, g.country
		HAVING pg_catalog.sum(g.pending) OPERATOR(pg_catalog.<>) 0
			OR pg_catalog.sum(g.positive) OPERATOR(pg_catalog.<>) 0
			OR pg_catalog.sum(g.negative) OPERATOR(pg_catalog.<>) 0
			OR pg_catalog.sum(g.withdrawn) OPERATOR(pg_catalog.<>) 0
		RETURNING 1
	)
	SELECT pg_catalog.count(*) INTO merged FROM gone;
	RETURN merged;
END
$$;
COMMENT ON FUNCTION @extschema@.compact_request_rollup() IS
	'merges the rows of every cell of the rollup that has new deltas into one (a background worker runs it after enough writes); returns how many rows it merged, 0 when another compaction was at work';

-- The counters of a period (NULL: an open end) and kind (NULL: both), from
-- the rollup, with the rights of the extension's owner; cells whose counts
-- are all 0 are left out.
CREATE FUNCTION @extschema@.request_counts(from_year pg_catalog.int4 DEFAULT NULL,
										   to_year pg_catalog.int4 DEFAULT NULL,
										   kind @extschema@.request_kind DEFAULT NULL)
	RETURNS TABLE (year pg_catalog.int4, kind @extschema@.request_kind, country @extschema@.country,
				   pending pg_catalog.int8, positive pg_catalog.int8, negative pg_catalog.int8,
				   withdrawn pg_catalog.int8)
	LANGUAGE sql STABLE SECURITY DEFINER PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT r.year, r.kind, r.country, pg_catalog.sum(r.pending)::pg_catalog.int8,
		   pg_catalog.sum(r.positive)::pg_catalog.int8, pg_catalog.sum(r.negative)::pg_catalog.int8,
		   pg_catalog.sum(r.withdrawn)::pg_catalog.int8
	  FROM @extschema@.request_rollup r
	 WHERE @extschema@.request_rollup_ready()
	   AND @extschema@.check_period(from_year, to_year)
	   AND (from_year IS NULL OR r.year OPERATOR(pg_catalog.>=) from_year)
	   AND (to_year IS NULL OR r.year OPERATOR(pg_catalog.<=) to_year)
	   AND (request_counts.kind IS NULL OR r.kind OPERATOR(pg_catalog.=) request_counts.kind)
	 GROUP BY r.year, r.kind, r.country
	HAVING pg_catalog.sum(r.pending) OPERATOR(pg_catalog.<>) 0
		OR pg_catalog.sum(r.positive) OPERATOR(pg_catalog.<>) 0
		OR pg_catalog.sum(r.negative) OPERATOR(pg_catalog.<>) 0
		OR pg_catalog.sum(r.withdrawn) OPERATOR(pg_catalog.<>) 0
	 ORDER BY r.year, r.kind, r.country;
END;
COMMENT ON FUNCTION @extschema@.request_counts(pg_catalog.int4, pg_catalog.int4, @extschema@.request_kind) IS
	'requests per year presented, kind and country with the count of each answer, from the rollup, for the years from_year to to_year (NULL: an open end) and a kind (NULL: both); read with the rights of the extension''s owner';

-- Whether the rollup equals a fresh count of the requests: the cells and
-- answers where it does not (none: it is exact).  Reads the rollup directly,
-- so it also works when request_rollup_ready() would refuse.
CREATE FUNCTION @extschema@.verify_request_rollup()
	RETURNS TABLE (year pg_catalog.int4, kind pg_catalog.text, country pg_catalog.text,
				   answer pg_catalog.text, in_rollup pg_catalog.int8, in_requests pg_catalog.int8)
	LANGUAGE sql STABLE SECURITY DEFINER PARALLEL RESTRICTED
	SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH rollup AS (
		SELECT r.year, r.kind, r.country, pg_catalog.sum(r.pending)::pg_catalog.int8 AS pending,
			   pg_catalog.sum(r.positive)::pg_catalog.int8 AS positive,
			   pg_catalog.sum(r.negative)::pg_catalog.int8 AS negative,
			   pg_catalog.sum(r.withdrawn)::pg_catalog.int8 AS withdrawn
		  FROM @extschema@.request_rollup r
		 GROUP BY r.year, r.kind, r.country
	), scan AS (
		SELECT o.year, o.kind, o.country, @extschema@.pending(o.tally) AS pending,
			   @extschema@.positive(o.tally) AS positive, @extschema@.negative(o.tally) AS negative,
			   @extschema@.withdrawn(o.tally) AS withdrawn
		  FROM @extschema@.period_cube() AS c(cube)
		 CROSS JOIN LATERAL @extschema@.request_cube_by_country(c.cube) o
	), both_sides AS (
		SELECT coalesce(rollup.year, scan.year) AS year, coalesce(rollup.kind, scan.kind) AS kind,
			   coalesce(rollup.country, scan.country) AS country,
			   ARRAY[coalesce(rollup.pending, 0), coalesce(rollup.positive, 0),
					 coalesce(rollup.negative, 0), coalesce(rollup.withdrawn, 0)] AS r,
			   ARRAY[coalesce(scan.pending, 0), coalesce(scan.positive, 0),
					 coalesce(scan.negative, 0), coalesce(scan.withdrawn, 0)] AS s
		  FROM rollup
		  FULL JOIN scan
			ON scan.year OPERATOR(pg_catalog.=) rollup.year
		   AND scan.kind OPERATOR(pg_catalog.=) rollup.kind
		   AND scan.country OPERATOR(pg_catalog.=) rollup.country
	)
	SELECT b.year, b.kind::pg_catalog.text, b.country::pg_catalog.text, a.answer, b.r[a.i], b.s[a.i]
	  FROM both_sides b
	 CROSS JOIN (VALUES (1, 'pending'), (2, 'positive'), (3, 'negative'), (4, 'withdrawn')) AS a(i, answer)
	 WHERE b.r[a.i] OPERATOR(pg_catalog.<>) b.s[a.i]
	 ORDER BY 1, 2, 3, a.i;
END;
COMMENT ON FUNCTION @extschema@.verify_request_rollup() IS
	'the counts where the rollup differs from a fresh count of the requests, per year, kind, country and answer; no rows when it is exact';

-- The functions that lock what they change and then count or delete rows
-- must see the rows committed up to then: at REPEATABLE READ or
-- SERIALIZABLE their snapshot would be older than their lock.
CREATE FUNCTION @extschema@.require_read_committed(what pg_catalog.text) RETURNS pg_catalog.void
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF pg_catalog.current_setting('transaction_isolation') OPERATOR(pg_catalog.<>) 'read committed' THEN
		RAISE EXCEPTION '% must run at the READ COMMITTED isolation level, not %', what,
				pg_catalog.upper(pg_catalog.current_setting('transaction_isolation'))
			USING ERRCODE = 'active_sql_transaction',
				  DETAIL = 'It locks what it changes and then reads the rows committed up to then; an older snapshot could miss rows.',
				  HINT = 'Run it in a transaction of its own, or after SET TRANSACTION ISOLATION LEVEL READ COMMITTED.';
	END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.require_read_committed(pg_catalog.text) IS
	'raises 25001 naming what (a function) unless the transaction is at READ COMMITTED: for rebuild_request_rollup(), end_load() and remove_load_batch()';

-- Count the requests again into the rollup and make its triggers fire
-- always: after a restore with --disable-triggers, or whenever
-- verify_request_rollup() finds a difference.  Writers wait meanwhile;
-- readers do not.
CREATE FUNCTION @extschema@.rebuild_request_rollup() RETURNS pg_catalog.int8
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	cells pg_catalog.int8;
BEGIN
	PERFORM @extschema@.require_read_committed('rebuild_request_rollup()');
	-- no writer of requests, no compaction, until the transaction ends
	LOCK TABLE @extschema@.request IN SHARE ROW EXCLUSIVE MODE;
	PERFORM pg_catalog.pg_advisory_xact_lock(1835624803, 1);	-- the compactions' lock
	ALTER TABLE @extschema@.request ENABLE ALWAYS TRIGGER request_rollup_insert;
	ALTER TABLE @extschema@.request ENABLE ALWAYS TRIGGER request_rollup_update;
	ALTER TABLE @extschema@.request ENABLE ALWAYS TRIGGER request_rollup_delete;
	ALTER TABLE @extschema@.request ENABLE ALWAYS TRIGGER request_rollup_truncate;
	ALTER TABLE @extschema@.request ENABLE REPLICA TRIGGER request_rollup_apply;
	ALTER TABLE @extschema@.request_rollup ENABLE REPLICA TRIGGER request_rollup_guard;
	DELETE FROM @extschema@.request_rollup;
	INSERT INTO @extschema@.request_rollup
		(year, kind, country, pending, positive, negative, withdrawn, compacted)
	SELECT o.year, o.kind, o.country, @extschema@.pending(o.tally), @extschema@.positive(o.tally),
		   @extschema@.negative(o.tally), @extschema@.withdrawn(o.tally), true
	  FROM @extschema@.period_cube() AS c(cube)
	 CROSS JOIN LATERAL @extschema@.request_cube_by_country(c.cube) o;
	GET DIAGNOSTICS cells = ROW_COUNT;
	RETURN cells;
END
$$;
COMMENT ON FUNCTION @extschema@.rebuild_request_rollup() IS
	'counts the requests again into the rollup and makes its triggers fire always (after a restore with --disable-triggers, or when verify_request_rollup() finds a difference); returns the number of cells; for the extension''s owner';

-- Load batches (29-load_batch.sql): begin, end, check, take back.

-- A 64-bit hash of a request's values, the same on every platform: the
-- checksum of a load batch is the exclusive or of its rows' hashes.
CREATE FUNCTION @extschema@.request_row_hash(request_id pg_catalog.int4, kind @extschema@.request_kind,
											 answer @extschema@.answer, country @extschema@.country,
											 presented_on pg_catalog.date, answered_on pg_catalog.date,
											 requested_on pg_catalog.date, person_id pg_catalog.int8)
	RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'request_row_hash'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	-- not strict: the dates may be NULL
COMMENT ON FUNCTION @extschema@.request_row_hash(pg_catalog.int4, @extschema@.request_kind, @extschema@.answer, @extschema@.country, pg_catalog.date, pg_catalog.date, pg_catalog.date, pg_catalog.int8) IS
	'a 64-bit hash of a request''s values (all but its batch), the same on every platform; a load batch''s checksum is the exclusive or of its rows'' hashes';

-- Begin a batch: with the caller's rights (loaded_by and session_role are
-- their defaults), and for the rest of the transaction the rows inserted
-- without a batch_id belong to it.  No SET clause: it would undo the
-- setting when the function returns; every name is qualified instead.
CREATE FUNCTION @extschema@.begin_load(system pg_catalog.text, file pg_catalog.text DEFAULT NULL)
	RETURNS pg_catalog.int4
	LANGUAGE plpgsql VOLATILE	-- not strict: a NULL system is an error
AS $$
DECLARE
	batch pg_catalog.int4;
BEGIN
	IF system IS NULL OR pg_catalog.btrim(system) OPERATOR(pg_catalog.=) '' THEN
		RAISE EXCEPTION 'a load batch needs the name of the system its rows come from, not %',
				coalesce(pg_catalog.quote_literal(system), 'NULL')
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'E.g. SELECT migchain.begin_load(''case system export'', ''requests-2026-11.csv'').';
	END IF;
	INSERT INTO @extschema@.load_batch (system, file)
	VALUES (begin_load.system, begin_load.file)
	RETURNING load_batch.batch_id INTO batch;
	PERFORM pg_catalog.set_config('migchain.load_batch', batch::pg_catalog.text, true);
	RETURN batch;
END
$$;
COMMENT ON FUNCTION @extschema@.begin_load(pg_catalog.text, pg_catalog.text) IS
	'begins a load batch (system, file; who and when are recorded) and sets migchain.load_batch for the rest of the transaction, so the requests inserted then belong to it; returns its number';

-- End a batch: record its rows and checksum (with the owner's rights: no
-- role may write those columns itself).
CREATE FUNCTION @extschema@.end_load(batch pg_catalog.int4 DEFAULT NULL,
									 OUT batch_id pg_catalog.int4, OUT row_count pg_catalog.int8,
									 OUT checksum pg_catalog.int8)
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	b @extschema@.load_batch;
BEGIN
	PERFORM @extschema@.require_read_committed('end_load()');
	batch_id := coalesce(batch, @extschema@.current_load_batch());
	IF batch_id IS NULL THEN
		RAISE EXCEPTION 'no load batch to end'
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Name the batch, end_load(batch), or call it in the transaction of begin_load().';
	END IF;
	SELECT * INTO b FROM @extschema@.load_batch l
	 WHERE l.batch_id OPERATOR(pg_catalog.=) end_load.batch_id FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'load batch % does not exist', batch_id
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'The batches are in migchain.load_batch.';
	ELSIF NOT EXISTS (SELECT FROM pg_catalog.pg_roles r
					   WHERE r.rolname OPERATOR(pg_catalog.=) session_user
						 AND (r.rolsuper
							  OR r.rolname OPERATOR(pg_catalog.=) b.session_role
							  OR (EXISTS (SELECT FROM pg_catalog.pg_roles o
										   WHERE o.rolname OPERATOR(pg_catalog.=) b.loaded_by)
								  AND pg_catalog.pg_has_role(session_user, b.loaded_by, 'MEMBER')))) THEN
		RAISE EXCEPTION 'load batch % was begun by %, not by %', batch_id, b.loaded_by, session_user
			USING ERRCODE = 'insufficient_privilege',
				  HINT = 'The role that began a batch (or one of its members) ends it, or the admin.';
	ELSIF b.removed_at IS NOT NULL THEN
		RAISE EXCEPTION 'load batch % was taken back', batch_id
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  DETAIL = pg_catalog.format('Removed at %s by %s.', b.removed_at, b.removed_by);
	ELSIF b.ended_at IS NOT NULL THEN
		RAISE EXCEPTION 'load batch % was ended at %', batch_id, b.ended_at
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  HINT = 'load_batch_check(batch) compares it with its rows now.';
	END IF;
	SELECT pg_catalog.count(*), coalesce(pg_catalog.bit_xor(@extschema@.request_row_hash(
				r.request_id, r.kind, r.answer, r.country, r.presented_on, r.answered_on,
				r.requested_on, r.person_id)), 0)
	  INTO row_count, checksum
	  FROM @extschema@.request r
	 WHERE r.batch_id OPERATOR(pg_catalog.=) end_load.batch_id;
	UPDATE @extschema@.load_batch l
	   SET ended_at = pg_catalog.clock_timestamp(), row_count = end_load.row_count,
		   checksum = end_load.checksum
	 WHERE l.batch_id OPERATOR(pg_catalog.=) end_load.batch_id;
END
$$;
COMMENT ON FUNCTION @extschema@.end_load(pg_catalog.int4) IS
	'ends a load batch (by default the one of migchain.load_batch): records how many requests it has and their checksum; for loaders and the admin';

-- A batch as recorded and as its rows are now; a batch that does not exist
-- (NULL included) is an error, not a row of NULLs.
CREATE FUNCTION @extschema@.load_batch_check(batch pg_catalog.int4,
	OUT batch_id pg_catalog.int4, OUT recorded_rows pg_catalog.int8,
	OUT recorded_checksum pg_catalog.int8, OUT rows_now pg_catalog.int8,
	OUT checksum_now pg_catalog.int8, OUT unchanged pg_catalog.bool)
	LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL RESTRICTED	-- not strict: a NULL batch is an error
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	b @extschema@.load_batch;
BEGIN
	SELECT * INTO b FROM @extschema@.load_batch l
	 WHERE l.batch_id OPERATOR(pg_catalog.=) load_batch_check.batch;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'load batch % does not exist', coalesce(batch::pg_catalog.text, 'NULL')
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'The batches are in migchain.load_batch.';
	END IF;
	SELECT pg_catalog.count(*), coalesce(pg_catalog.bit_xor(@extschema@.request_row_hash(
				r.request_id, r.kind, r.answer, r.country, r.presented_on, r.answered_on,
				r.requested_on, r.person_id)), 0)
	  INTO rows_now, checksum_now
	  FROM @extschema@.request r
	 WHERE r.batch_id OPERATOR(pg_catalog.=) load_batch_check.batch;
	batch_id := b.batch_id;
	recorded_rows := b.row_count;
	recorded_checksum := b.checksum;
	IF b.ended_at IS NOT NULL THEN
		unchanged := recorded_rows OPERATOR(pg_catalog.=) rows_now
			AND recorded_checksum OPERATOR(pg_catalog.=) checksum_now;
	END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.load_batch_check(pg_catalog.int4) IS
	'a load batch''s recorded rows and checksum beside those of its rows now; unchanged is NULL for a batch not ended (answers given later change rows, so change the checksum)';

-- Take a batch back: delete its requests (the rollup follows, through the
-- triggers) and record who, when, how many and why.  For the admin: loaders
-- never delete.
CREATE FUNCTION @extschema@.remove_load_batch(batch pg_catalog.int4, reason pg_catalog.text)
	RETURNS pg_catalog.int8
	LANGUAGE plpgsql VOLATILE	-- not strict: a NULL argument is an error
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	b @extschema@.load_batch;
	removed pg_catalog.int8;
BEGIN
	PERFORM @extschema@.require_read_committed('remove_load_batch()');
	IF reason IS NULL OR pg_catalog.btrim(reason) OPERATOR(pg_catalog.=) '' THEN
		RAISE EXCEPTION 'taking back a load batch needs a reason'
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'E.g. SELECT migchain.remove_load_batch(17, ''file loaded twice'').';
	END IF;
	-- waits for the loaders still adding to it; later ones are refused
	SELECT * INTO b FROM @extschema@.load_batch l
	 WHERE l.batch_id OPERATOR(pg_catalog.=) remove_load_batch.batch FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'load batch % does not exist', coalesce(batch::pg_catalog.text, 'NULL')
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'The batches are in migchain.load_batch.';
	ELSIF b.removed_at IS NOT NULL THEN
		RAISE EXCEPTION 'load batch % was already taken back', batch
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  DETAIL = pg_catalog.format('Removed at %s by %s: %s rows.', b.removed_at, b.removed_by, b.removed_rows);
	END IF;
	DELETE FROM @extschema@.request r WHERE r.batch_id OPERATOR(pg_catalog.=) remove_load_batch.batch;
	GET DIAGNOSTICS removed = ROW_COUNT;
	UPDATE @extschema@.load_batch l
	   SET removed_at = pg_catalog.clock_timestamp(), removed_by = current_user,
		   removed_rows = removed, removal_reason = reason
	 WHERE l.batch_id OPERATOR(pg_catalog.=) remove_load_batch.batch;
	RETURN removed;
END
$$;
COMMENT ON FUNCTION @extschema@.remove_load_batch(pg_catalog.int4, pg_catalog.text) IS
	'takes a load batch back: deletes its requests (the rollup follows) and records when, by whom, how many and why in migchain.load_batch; returns how many it deleted; for the admin';
INSERT INTO @extschema@.request_rollup
	(year, kind, country, pending, positive, negative, withdrawn, compacted)
SELECT o.year, o.kind, o.country, @extschema@.pending(o.tally), @extschema@.positive(o.tally),
	   @extschema@.negative(o.tally), @extschema@.withdrawn(o.tally), true
  FROM @extschema@.period_cube() AS c(cube)
 CROSS JOIN LATERAL @extschema@.request_cube_by_country(c.cube) o;

-- The batches made of the values of source are ended with the rows they have.
UPDATE @extschema@.load_batch l
   SET ended_at = pg_catalog.clock_timestamp(), row_count = n.row_count, checksum = n.checksum
  FROM (SELECT r.batch_id, pg_catalog.count(*) AS row_count,
			   pg_catalog.bit_xor(@extschema@.request_row_hash(r.request_id, r.kind, r.answer, r.country,
					r.presented_on, r.answered_on, r.requested_on, r.person_id)) AS checksum
		  FROM @extschema@.request r
		 WHERE r.batch_id IS NOT NULL
		 GROUP BY r.batch_id) n
 WHERE l.batch_id OPERATOR(pg_catalog.=) n.batch_id;

ANALYZE @extschema@.request;

-- The overviews answer from the rollup (sql/install/40-overview.sql).
CREATE OR REPLACE FUNCTION @extschema@.overview(from_year pg_catalog.int4 DEFAULT NULL,
									 to_year pg_catalog.int4 DEFAULT NULL)
	RETURNS TABLE (year pg_catalog.int4, kind pg_catalog.text, presented pg_catalog.int8,
				   positive pg_catalog.int8, negative pg_catalog.int8,
				   withdrawn pg_catalog.int8, pending pg_catalog.int8)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT c.year, c.kind::pg_catalog.text,
		   pg_catalog.sum(c.pending OPERATOR(pg_catalog.+) c.positive
						  OPERATOR(pg_catalog.+) c.negative OPERATOR(pg_catalog.+) c.withdrawn)::pg_catalog.int8,
		   pg_catalog.sum(c.positive)::pg_catalog.int8, pg_catalog.sum(c.negative)::pg_catalog.int8,
		   pg_catalog.sum(c.withdrawn)::pg_catalog.int8, pg_catalog.sum(c.pending)::pg_catalog.int8
	  FROM @extschema@.request_counts(from_year, to_year) c
	 GROUP BY c.year, c.kind
	 ORDER BY c.year, c.kind;
END;

CREATE OR REPLACE FUNCTION @extschema@.not_confirmed_by_country(kind @extschema@.request_kind DEFAULT NULL,
										  from_year pg_catalog.int4 DEFAULT NULL,
										  to_year pg_catalog.int4 DEFAULT NULL)
	RETURNS TABLE (year pg_catalog.int4, kind pg_catalog.text, country_code pg_catalog.text,
				   country_name pg_catalog.text, negative pg_catalog.int8,
				   withdrawn pg_catalog.int8, not_confirmed pg_catalog.int8,
				   presented pg_catalog.int8, has_process pg_catalog.bool)
	LANGUAGE sql STABLE SECURITY DEFINER PARALLEL RESTRICTED
	SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH cells AS (
		SELECT c.year, c.kind, c.country,
			   @extschema@.tally(c.pending, c.positive, c.negative, c.withdrawn) AS tally
		  FROM @extschema@.request_counts(from_year, to_year, not_confirmed_by_country.kind) c
	), process AS (
		-- for each year and kind with requests: the countries with a route
		-- that year, and whether one of their routes had a process
		SELECT y.year, y.kind, cr.country, pg_catalog.bool_or(cr.has_process) AS has_process
		  FROM (SELECT DISTINCT cells.year, cells.kind FROM cells) y
		  JOIN @extschema@.country_route cr
			ON cr.kind OPERATOR(pg_catalog.=) y.kind
		   AND cr.valid_from < pg_catalog.make_date(y.year + 1, 1, 1)
		   AND coalesce(cr.valid_to, 'infinity') > pg_catalog.make_date(y.year, 1, 1)
		 GROUP BY y.year, y.kind, cr.country
	)
	SELECT cells.year, cells.kind::pg_catalog.text, cells.country::pg_catalog.text,
		   @extschema@.name(cells.country),
		   @extschema@.negative(cells.tally), @extschema@.withdrawn(cells.tally),
		   @extschema@.not_confirmed(cells.tally), @extschema@.total(cells.tally),
		   process.has_process
	  FROM cells
	  LEFT JOIN process
		ON process.year = cells.year
	   AND process.kind OPERATOR(pg_catalog.=) cells.kind
	   AND process.country OPERATOR(pg_catalog.=) cells.country
	UNION ALL
	SELECT process.year, process.kind::pg_catalog.text, process.country::pg_catalog.text,
		   @extschema@.name(process.country), NULL, NULL, NULL, NULL, false
	  FROM process
	 WHERE NOT process.has_process
	   AND NOT EXISTS (SELECT 1 FROM cells
						WHERE cells.year = process.year
						  AND cells.kind OPERATOR(pg_catalog.=) process.kind
						  AND cells.country OPERATOR(pg_catalog.=) process.country);
END;

-- An analyst keeps the request cube of any period, which the views no
-- longer call (sql/install/60-access.sql).
CREATE OR REPLACE FUNCTION @extschema@.analyst_functions() RETURNS SETOF pg_catalog.regprocedure
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH RECURSIVE views AS (
		SELECT c.oid
		  FROM pg_catalog.pg_class c
		 WHERE c.relnamespace OPERATOR(pg_catalog.=) 'migchain_bi'::pg_catalog.regnamespace
		   AND c.relkind OPERATOR(pg_catalog.=) 'v'
	), walk(classid, objid) AS (
		SELECT d.refclassid, d.refobjid
		  FROM pg_catalog.pg_rewrite r
		  JOIN pg_catalog.pg_depend d
			ON d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_rewrite'::pg_catalog.regclass
		   AND d.objid OPERATOR(pg_catalog.=) r.oid
		 WHERE r.ev_class IN (SELECT views.oid FROM views)
		UNION
		SELECT d.refclassid, d.refobjid
		  FROM walk
		  JOIN pg_catalog.pg_depend d
			ON d.classid OPERATOR(pg_catalog.=) walk.classid
		   AND d.objid OPERATOR(pg_catalog.=) walk.objid
		 WHERE walk.classid IN ('pg_catalog.pg_proc'::pg_catalog.regclass,
								'pg_catalog.pg_operator'::pg_catalog.regclass)
		   AND d.deptype OPERATOR(pg_catalog.=) 'n'
	), fns AS (
		SELECT walk.objid AS fn
		  FROM walk
		 WHERE walk.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
		UNION
		SELECT o.oprcode::pg_catalog.oid
		  FROM walk
		  JOIN pg_catalog.pg_operator o ON o.oid OPERATOR(pg_catalog.=) walk.objid
		 WHERE walk.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_operator'::pg_catalog.regclass
		UNION
		-- the request cube of any period and what unpacks it, for groupings
		-- of the analyst's own (the views read the rollup instead)
		SELECT f.f::pg_catalog.oid
		  FROM (VALUES ('@extschema@.period_cube(pg_catalog.int4, pg_catalog.int4, @extschema@.request_kind)'::pg_catalog.regprocedure),
					   ('@extschema@.request_cube_by_year(@extschema@.request_cube)'::pg_catalog.regprocedure),
					   ('@extschema@.request_cube_by_country(@extschema@.request_cube)'::pg_catalog.regprocedure),
					   ('@extschema@.total(@extschema@.tally)'::pg_catalog.regprocedure),
					   ('@extschema@.pending(@extschema@.tally)'::pg_catalog.regprocedure),
					   ('@extschema@.positive(@extschema@.tally)'::pg_catalog.regprocedure),
					   ('@extschema@.negative(@extschema@.tally)'::pg_catalog.regprocedure),
					   ('@extschema@.withdrawn(@extschema@.tally)'::pg_catalog.regprocedure)) AS f(f)
	)
	SELECT p.oid::pg_catalog.regprocedure
	  FROM fns
	  JOIN pg_catalog.pg_proc p ON p.oid OPERATOR(pg_catalog.=) fns.fn
	 WHERE p.pronamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
	 ORDER BY p.oid::pg_catalog.regprocedure::pg_catalog.text;
END;
COMMENT ON FUNCTION @extschema@.analyst_functions() IS
	'the functions of migchain that the views of migchain_bi and the period functions need, and the request cube of any period (period_cube and its unpacking): what grant_analyst grants EXECUTE on';

-- Loaders begin, end and check load batches (sql/install/60-access.sql).
CREATE OR REPLACE FUNCTION @extschema@.grant_loader(grantee pg_catalog.regrole) RETURNS pg_catalog.void
	LANGUAGE plpgsql	-- not strict: check_grantee() refuses a NULL role
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	who text := @extschema@.check_grantee(grantee);
	fn regprocedure;
	tab regclass;
	seq regclass;
BEGIN
	PERFORM @extschema@.grant_analyst(grantee);
	FOR fn IN SELECT f FROM @extschema@.loader_functions() f LOOP
		EXECUTE format('GRANT EXECUTE ON ROUTINE %s TO %s', fn, who);
	END LOOP;
	-- listing and withdrawing unanswered requests; the audit of what that
	-- changed is read, never written, by the loader
	EXECUTE format('GRANT EXECUTE ON FUNCTION @extschema@.unanswered_requests(pg_catalog.date, pg_catalog.int4) TO %s', who);
	EXECUTE format('GRANT EXECUTE ON PROCEDURE @extschema@.withdraw_unanswered(pg_catalog.date, pg_catalog.int4) TO %s', who);
	EXECUTE format('GRANT EXECUTE ON FUNCTION @extschema@.withdraw_unanswered_audited(pg_catalog.date, pg_catalog.int4, pg_catalog.name) TO %s', who);
	EXECUTE format('GRANT SELECT ON TABLE @extschema@.unanswered_withdrawal TO %s', who);
	-- load batches: begun, ended and checked by the loader; only the system
	-- and file are theirs to write (who, when, how many rows: the defaults
	-- and end_load())
	EXECUTE format('GRANT SELECT ON TABLE @extschema@.load_batch TO %s', who);
	EXECUTE format('GRANT INSERT (system, file) ON TABLE @extschema@.load_batch TO %s', who);
	EXECUTE format('GRANT EXECUTE ON FUNCTION @extschema@.begin_load(pg_catalog.text, pg_catalog.text) TO %s', who);
	EXECUTE format('GRANT EXECUTE ON FUNCTION @extschema@.end_load(pg_catalog.int4) TO %s', who);
	EXECUTE format('GRANT EXECUTE ON FUNCTION @extschema@.load_batch_check(pg_catalog.int4) TO %s', who);
	FOR tab IN SELECT t FROM @extschema@.loader_tables() t LOOP
		EXECUTE format('GRANT SELECT, INSERT, UPDATE ON TABLE %s TO %s', tab, who);
	END LOOP;
	-- the load batch of a request is where it came from: a loader names it
	-- when it inserts, and does not move requests between batches after
	EXECUTE format('REVOKE UPDATE ON TABLE @extschema@.request FROM %s', who);
	EXECUTE format('GRANT UPDATE (kind, answer, country, presented_on, request_id, person_id, answered_on, requested_on) ON TABLE @extschema@.request TO %s', who);
	-- the sequences of the tables' identity columns
	FOR seq IN
		SELECT d.objid::regclass
		  FROM pg_depend d
		  JOIN pg_class c ON c.oid = d.objid AND c.relkind = 'S'
		 WHERE d.classid = 'pg_class'::regclass
		   AND d.refclassid = 'pg_class'::regclass
		   AND d.refobjid IN (SELECT t FROM @extschema@.loader_tables() t)
		   AND d.deptype IN ('a', 'i')
		 ORDER BY 1
	LOOP
		EXECUTE format('GRANT USAGE ON SEQUENCE %s TO %s', seq, who);
	END LOOP;
END
$$;
COMMENT ON FUNCTION @extschema@.grant_loader(pg_catalog.regrole) IS
	'lets a role read, insert into and update the tables of loader_tables() (requests, routes, return cases, their conditions, detention episodes, holidays; no delete), begin, end and check load batches, list and withdraw unanswered requests and read their audit, and what an analyst may';

-- ---- The rollup and load batches (sql/install/29-load_batch.sql, 36-rollup.sql) ----
-- request_counts() reads the rollup with the owner's rights and returns
-- counts down to 1: like period_cube(), for the roles given analyst access
-- (the views call it, so grant_analyst grants it).  verify_request_rollup()
-- counts too, and rebuild_request_rollup() and compact_request_rollup()
-- write the rollup: for the admin.  begin_load(), end_load() and
-- load_batch_check() are for loaders (grant_loader grants them);
-- remove_load_batch() deletes requests: for the admin only.
-- request_rollup_ready(), current_load_batch() and request_row_hash() read
-- nothing person-level: PUBLIC keeps them.
REVOKE EXECUTE ON FUNCTION @extschema@.request_counts(pg_catalog.int4, pg_catalog.int4,
	@extschema@.request_kind) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.verify_request_rollup() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.rebuild_request_rollup() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.compact_request_rollup() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.begin_load(pg_catalog.text, pg_catalog.text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.end_load(pg_catalog.int4) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.load_batch_check(pg_catalog.int4) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.remove_load_batch(pg_catalog.int4, pg_catalog.text) FROM PUBLIC;
-- ---- end of the rollup and load batches ----

-- ==== end of the rollup and load batches ====

-- ==== Publishing: disclosure control and frozen report snapshots ====

-- The published cells, their rules and report snapshots
-- (sql/install/48-publish.sql), as a fresh install has them.
-- Publishing: the figures of the press answer made safe to publish
-- (rounding, suppression of small counts and of what would reveal them) and
-- frozen report snapshots, so that a published figure can be shown again
-- later as it was.  See docs/publishing.md.

-- ---- The rules ----

CREATE FUNCTION @extschema@.round_count(count pg_catalog.int8, base pg_catalog.int4 DEFAULT 10)
	RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'round_count'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.round_count(pg_catalog.int8, pg_catalog.int4) IS
	'a count rounded to the nearest multiple of base (10: tens, the default; 5: fives), halves up';

CREATE FUNCTION @extschema@.check_publication(base pg_catalog.int4, threshold pg_catalog.int4)
	RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'check_publication'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	-- not strict: NULL is an error, not a silent NULL
COMMENT ON FUNCTION @extschema@.check_publication(pg_catalog.int4, pg_catalog.int4) IS
	'true for a valid rounding base (1 or more) and suppression threshold (0 or more); an error otherwise';

CREATE FUNCTION @extschema@.suppress_block(negative pg_catalog.int8[], withdrawn pg_catalog.int8[],
										   presented pg_catalog.int8[], positive pg_catalog.int8,
										   pending pg_catalog.int8, base pg_catalog.int4,
										   threshold pg_catalog.int4)
	RETURNS pg_catalog.int4[]
	AS 'MODULE_PATHNAME', 'suppress_block_masks'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.suppress_block(pg_catalog.int8[], pg_catalog.int8[], pg_catalog.int8[], pg_catalog.int8, pg_catalog.int8, pg_catalog.int4, pg_catalog.int4) IS
	'the cells to hide in one year and kind of the workbook, from the counts per country and the first sheet''s positive and pending: a mask per country (1 negative, 2 withdrawn, 4 not confirmed, 8 presented) and one for the totals (1 negative, 2 withdrawn, 4 not confirmed, 8 presented, 16 positive, 32 pending)';

-- The language of migchain.language, for SQL that picks a text by it.
CREATE FUNCTION @extschema@.output_language() RETURNS pg_catalog.text
	AS 'MODULE_PATHNAME', 'output_language'
	LANGUAGE C STABLE PARALLEL SAFE;	-- STABLE: follows migchain.language
COMMENT ON FUNCTION @extschema@.output_language() IS
	'the language of text output, nl or en, as the setting migchain.language gives it; an error for a setting that is not a language';

-- The note that travels with every published sheet, in the language of
-- migchain.language (or the one given).
CREATE FUNCTION @extschema@.publication_note(base pg_catalog.int4 DEFAULT 10,
											 threshold pg_catalog.int4 DEFAULT 5,
											 lang pg_catalog.text DEFAULT NULL)
	RETURNS pg_catalog.text
	LANGUAGE plpgsql STABLE PARALLEL SAFE	-- not strict: a NULL base is an error; STABLE: follows migchain.language
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	l text := coalesce(lang, @extschema@.output_language());
	rounded bool;
	hidden bool;
BEGIN
	PERFORM @extschema@.check_publication(base, threshold);
	IF l NOT IN ('nl', 'en') THEN
		RAISE EXCEPTION 'invalid language for the publication note: "%"', l
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Valid languages are nl (Dutch) and en (English).';
	END IF;
	rounded := base > 1;
	hidden := threshold > 1;
	IF NOT rounded AND NOT hidden THEN
		RETURN CASE l
			WHEN 'nl' THEN 'Exacte aantallen, niet afgerond en niets verborgen: alleen voor intern gebruik, niet voor publicatie.'
			ELSE 'Exact figures, not rounded and nothing hidden: for internal use only, not for publication.'
		END;
	END IF;
	IF l = 'nl' THEN
		RETURN concat_ws(' ',
			CASE WHEN rounded THEN format('Aantallen zijn afgerond op veelvouden van %s.', base) END,
			CASE WHEN hidden THEN format('%s worden niet getoond (x), evenals andere aantallen waaruit een niet getoond aantal zou zijn af te leiden.',
				CASE WHEN threshold = 2 THEN 'Aantallen van 1' ELSE format('Aantallen van 1 tot en met %s', threshold - 1) END) END,
			CASE WHEN rounded THEN 'Totalen zijn berekend uit de niet-afgeronde aantallen; afgeronde aantallen tellen daardoor niet altijd op tot het totaal.' END);
	END IF;
	RETURN concat_ws(' ',
		CASE WHEN rounded THEN format('Figures are rounded to multiples of %s.', base) END,
		CASE WHEN hidden THEN format('%s not shown (x), nor are other figures from which a count not shown could be derived.',
			CASE WHEN threshold = 2 THEN 'Counts of 1 are' ELSE format('Counts from 1 to %s are', threshold - 1) END) END,
		CASE WHEN rounded THEN 'Totals are computed from the unrounded figures, so rounded figures may not add up to the totals.' END);
END
$$;
COMMENT ON FUNCTION @extschema@.publication_note(pg_catalog.int4, pg_catalog.int4, pg_catalog.text) IS
	'the note that goes with every published sheet: how its figures were rounded and hidden, and that rounded figures may not add up; in the language of migchain.language, or lang (nl, en)';

-- ---- The published cells ----

-- Every cell of the press-answer workbook for a period, published: sheet 1
-- (per year and kind: presented, positive, negative, withdrawn, pending),
-- sheet 2 (T&O) and 3 (LP) (per year and country of origin, and a total row
-- per year with country_code NULL: negative, withdrawn, not_confirmed,
-- presented).  A cell shows its count rounded to base (flag 'rounded'), 0 as
-- 0 (flag NULL), or nothing (value NULL, flag 'suppressed') when the count
-- is from 1 to threshold - 1 or would reveal such a count (suppress_block,
-- per year and kind, so a year's cells are the same in every period); a
-- country without a process shows nothing, flagged 'no process'.  Totals are
-- rounded from the unrounded counts.  With base 1 and threshold 0 the
-- counts are exact.  Read with the rights of the extension's owner.
CREATE FUNCTION @extschema@.published_cells(from_year pg_catalog.int4 DEFAULT NULL,
											to_year pg_catalog.int4 DEFAULT NULL,
											base pg_catalog.int4 DEFAULT 10,
											threshold pg_catalog.int4 DEFAULT 5)
	RETURNS TABLE (sheet pg_catalog.int4, year pg_catalog.int4, kind pg_catalog.text,
				   country_code pg_catalog.text, country_name pg_catalog.text,
				   measure pg_catalog.text, value pg_catalog.int8, flag pg_catalog.text)
	LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL RESTRICTED	-- not strict: NULL is an open end
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	first_year int4;
	last_year int4;
BEGIN
	PERFORM @extschema@.check_publication(base, threshold);
	PERFORM @extschema@.check_period(from_year, to_year);
	SELECT coalesce(from_year, min(c.year)), coalesce(to_year, max(c.year))
	  INTO first_year, last_year
	  FROM @extschema@.request_counts(from_year, to_year) c;
	IF first_year IS NULL OR last_year IS NULL OR first_year > last_year THEN
		RETURN;		-- open ends and no request: nothing to publish
	END IF;
	RETURN QUERY
	WITH nc AS (
		SELECT n.year, n.kind, n.country_code, n.negative, n.withdrawn, n.presented, n.has_process
		  FROM @extschema@.not_confirmed_by_country(NULL, first_year, last_year) n
	), ov AS (
		SELECT o.year, o.kind, o.positive, o.pending
		  FROM @extschema@.overview(first_year, last_year) o
	), blocks AS (
		SELECT y.y AS year, k.kind, k.sheet
		  FROM generate_series(first_year, last_year) y(y)
		 CROSS JOIN (VALUES ('LP', 3), ('T&O', 2)) k(kind, sheet)
	), rows AS (
		SELECT nc.year, nc.kind, nc.country_code, nc.negative AS n, nc.withdrawn AS w,
			   nc.presented AS p,
			   row_number() OVER (PARTITION BY nc.year, nc.kind ORDER BY nc.country_code)::int4 AS i
		  FROM nc
		 WHERE nc.presented IS NOT NULL
	), masked AS (
		SELECT b.year, b.kind, b.sheet,
			   coalesce(ov.positive, 0) AS pos, coalesce(ov.pending, 0) AS pend,
			   coalesce(sum(r.n), 0)::int8 AS n, coalesce(sum(r.w), 0)::int8 AS w,
			   coalesce(sum(r.p), 0)::int8 AS p, count(r.i)::int4 AS m,
			   @extschema@.suppress_block(
				   coalesce(array_agg(r.n ORDER BY r.i) FILTER (WHERE r.i IS NOT NULL), '{}'),
				   coalesce(array_agg(r.w ORDER BY r.i) FILTER (WHERE r.i IS NOT NULL), '{}'),
				   coalesce(array_agg(r.p ORDER BY r.i) FILTER (WHERE r.i IS NOT NULL), '{}'),
				   coalesce(ov.positive, 0), coalesce(ov.pending, 0), base, threshold) AS masks
		  FROM blocks b
		  LEFT JOIN rows r ON r.year = b.year AND r.kind = b.kind
		  LEFT JOIN ov ON ov.year = b.year AND ov.kind = b.kind
		 GROUP BY b.year, b.kind, b.sheet, ov.positive, ov.pending
	), cells AS (
		-- sheet 1: the first sheet's row of each block
		SELECT 1 AS sheet, mk.year, mk.kind, NULL::text AS country_code, 0 AS ord,
			   x.measure, x.mno, x.count, (mk.masks[mk.m + 1] & x.bit) <> 0 AS hidden,
			   false AS no_process
		  FROM masked mk
		 CROSS JOIN LATERAL (VALUES
			   ('presented', 1, mk.p, 8), ('positive', 2, mk.pos, 16), ('negative', 3, mk.n, 1),
			   ('withdrawn', 4, mk.w, 2), ('pending', 5, mk.pend, 32)) x(measure, mno, count, bit)
		UNION ALL
		-- sheets 2 and 3: a row per country with requests
		SELECT mk.sheet, r.year, r.kind, r.country_code, 1,
			   x.measure, x.mno, x.count, (mk.masks[r.i] & x.bit) <> 0, false
		  FROM rows r
		  JOIN masked mk ON mk.year = r.year AND mk.kind = r.kind
		 CROSS JOIN LATERAL (VALUES
			   ('negative', 1, r.n, 1), ('withdrawn', 2, r.w, 2), ('not_confirmed', 3, r.n + r.w, 4),
			   ('presented', 4, r.p, 8)) x(measure, mno, count, bit)
		UNION ALL
		-- a country without a process that year: nothing to show but that
		SELECT CASE nc.kind WHEN 'T&O' THEN 2 ELSE 3 END, nc.year, nc.kind, nc.country_code, 1,
			   x.measure, x.mno, NULL::int8, false, true
		  FROM nc
		 CROSS JOIN (VALUES ('negative', 1), ('withdrawn', 2), ('not_confirmed', 3),
							('presented', 4)) x(measure, mno)
		 WHERE nc.presented IS NULL
		UNION ALL
		-- the total row of each year on sheets 2 and 3
		SELECT mk.sheet, mk.year, mk.kind, NULL::text, 2,
			   x.measure, x.mno, x.count, (mk.masks[mk.m + 1] & x.bit) <> 0, false
		  FROM masked mk
		 CROSS JOIN LATERAL (VALUES
			   ('negative', 1, mk.n, 1), ('withdrawn', 2, mk.w, 2), ('not_confirmed', 3, mk.n + mk.w, 4),
			   ('presented', 4, mk.p, 8)) x(measure, mno, count, bit)
	)
	SELECT c.sheet, c.year, c.kind, c.country_code,
		   CASE WHEN c.country_code IS NOT NULL
				THEN @extschema@.name(c.country_code::@extschema@.country) END,
		   c.measure,
		   CASE WHEN c.no_process OR c.hidden THEN NULL::int8
				WHEN c.count = 0 OR base = 1 THEN c.count
				ELSE @extschema@.round_count(c.count, base) END,
		   CASE WHEN c.no_process THEN 'no process'
				WHEN c.hidden THEN 'suppressed'
				WHEN c.count = 0 OR base = 1 THEN NULL::text
				ELSE 'rounded' END
	  FROM cells c
	 ORDER BY c.sheet, c.year, c.kind, c.ord, c.country_code, c.mno;
END
$$;
COMMENT ON FUNCTION @extschema@.published_cells(pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4) IS
	'every cell of the press-answer workbook for the years from_year to to_year (NULL: the first or last year with requests), rounded to base and with small counts, and what would reveal them, hidden below threshold: sheet 1 per year and kind, sheets 2 (T&O) and 3 (LP) per year and country with a total row (country_code NULL); flag rounded, suppressed, no process or NULL (exact)';

-- Sheet 1, published: one row per year and kind.
CREATE FUNCTION @extschema@.published_overview(from_year pg_catalog.int4 DEFAULT NULL,
											   to_year pg_catalog.int4 DEFAULT NULL,
											   base pg_catalog.int4 DEFAULT 10,
											   threshold pg_catalog.int4 DEFAULT 5)
	RETURNS TABLE (year pg_catalog.int4, kind pg_catalog.text,
				   presented pg_catalog.int8, presented_flag pg_catalog.text,
				   positive pg_catalog.int8, positive_flag pg_catalog.text,
				   negative pg_catalog.int8, negative_flag pg_catalog.text,
				   withdrawn pg_catalog.int8, withdrawn_flag pg_catalog.text,
				   pending pg_catalog.int8, pending_flag pg_catalog.text)
	LANGUAGE sql STABLE PARALLEL RESTRICTED
BEGIN ATOMIC
	SELECT c.year, c.kind,
		   pg_catalog.max(c.value) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'presented'),
		   pg_catalog.max(c.flag) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'presented'),
		   pg_catalog.max(c.value) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'positive'),
		   pg_catalog.max(c.flag) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'positive'),
		   pg_catalog.max(c.value) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'negative'),
		   pg_catalog.max(c.flag) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'negative'),
		   pg_catalog.max(c.value) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'withdrawn'),
		   pg_catalog.max(c.flag) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'withdrawn'),
		   pg_catalog.max(c.value) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'pending'),
		   pg_catalog.max(c.flag) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'pending')
	  FROM @extschema@.published_cells(from_year, to_year, base, threshold) c
	 WHERE c.sheet OPERATOR(pg_catalog.=) 1
	 GROUP BY c.year, c.kind
	 ORDER BY c.year, c.kind;
END;
COMMENT ON FUNCTION @extschema@.published_overview(pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4) IS
	'sheet 1 of the workbook, published (see published_cells): requests presented per year and kind with their answers, each with its flag';

-- Sheets 2 and 3, published: per year and country, and a total row per
-- year (country_code NULL).
CREATE FUNCTION @extschema@.published_not_confirmed(kind @extschema@.request_kind DEFAULT NULL,
													from_year pg_catalog.int4 DEFAULT NULL,
													to_year pg_catalog.int4 DEFAULT NULL,
													base pg_catalog.int4 DEFAULT 10,
													threshold pg_catalog.int4 DEFAULT 5)
	RETURNS TABLE (year pg_catalog.int4, kind pg_catalog.text, country_code pg_catalog.text,
				   country_name pg_catalog.text,
				   negative pg_catalog.int8, negative_flag pg_catalog.text,
				   withdrawn pg_catalog.int8, withdrawn_flag pg_catalog.text,
				   not_confirmed pg_catalog.int8, not_confirmed_flag pg_catalog.text,
				   presented pg_catalog.int8, presented_flag pg_catalog.text)
	LANGUAGE sql STABLE PARALLEL RESTRICTED
BEGIN ATOMIC
	SELECT c.year, c.kind, c.country_code, c.country_name,
		   pg_catalog.max(c.value) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'negative'),
		   pg_catalog.max(c.flag) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'negative'),
		   pg_catalog.max(c.value) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'withdrawn'),
		   pg_catalog.max(c.flag) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'withdrawn'),
		   pg_catalog.max(c.value) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'not_confirmed'),
		   pg_catalog.max(c.flag) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'not_confirmed'),
		   pg_catalog.max(c.value) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'presented'),
		   pg_catalog.max(c.flag) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'presented')
	  FROM @extschema@.published_cells(from_year, to_year, base, threshold) c
	 WHERE c.sheet OPERATOR(pg_catalog.<>) 1
	   AND (published_not_confirmed.kind IS NULL
			OR c.kind OPERATOR(pg_catalog.=) published_not_confirmed.kind::pg_catalog.text)
	 GROUP BY c.sheet, c.year, c.kind, c.country_code, c.country_name
	 ORDER BY c.sheet, c.year, c.country_code NULLS LAST;
END;
COMMENT ON FUNCTION @extschema@.published_not_confirmed(@extschema@.request_kind, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4) IS
	'sheets 2 (T&O) and 3 (LP) of the workbook, published (see published_cells): per year and country of origin the negative, withdrawn, not confirmed and presented requests, each with its flag, and a total row per year (country_code NULL); kind NULL: both';

CREATE VIEW migchain_bi.published_overview_by_year AS
	SELECT p.year, p.kind, p.presented, p.presented_flag, p.positive, p.positive_flag,
		   p.negative, p.negative_flag, p.withdrawn, p.withdrawn_flag, p.pending, p.pending_flag
	  FROM @extschema@.published_overview() p;
COMMENT ON VIEW migchain_bi.published_overview_by_year IS
	'overview_by_year as published: rounded to tens, counts under 5 and what would reveal them hidden (flag suppressed); totals are rounded from the unrounded figures, so rounded figures may not add up';
COMMENT ON COLUMN migchain_bi.published_overview_by_year.year IS 'year the requests were presented';
COMMENT ON COLUMN migchain_bi.published_overview_by_year.kind IS 'LP or T&O';
COMMENT ON COLUMN migchain_bi.published_overview_by_year.presented IS 'requests presented, rounded to tens (NULL: not shown)';
COMMENT ON COLUMN migchain_bi.published_overview_by_year.presented_flag IS 'rounded, suppressed, or NULL for an exact 0';
COMMENT ON COLUMN migchain_bi.published_overview_by_year.positive IS 'answered positively, rounded to tens (NULL: not shown)';
COMMENT ON COLUMN migchain_bi.published_overview_by_year.positive_flag IS 'rounded, suppressed, or NULL for an exact 0';
COMMENT ON COLUMN migchain_bi.published_overview_by_year.negative IS 'answered negatively, rounded to tens (NULL: not shown)';
COMMENT ON COLUMN migchain_bi.published_overview_by_year.negative_flag IS 'rounded, suppressed, or NULL for an exact 0';
COMMENT ON COLUMN migchain_bi.published_overview_by_year.withdrawn IS 'withdrawn, no answer obtained, rounded to tens (NULL: not shown)';
COMMENT ON COLUMN migchain_bi.published_overview_by_year.withdrawn_flag IS 'rounded, suppressed, or NULL for an exact 0';
COMMENT ON COLUMN migchain_bi.published_overview_by_year.pending IS 'still without an answer, rounded to tens (NULL: not shown)';
COMMENT ON COLUMN migchain_bi.published_overview_by_year.pending_flag IS 'rounded, suppressed, or NULL for an exact 0';

CREATE VIEW migchain_bi.published_not_confirmed_by_country AS
	SELECT p.year, p.kind, p.country_code, p.country_name, p.negative, p.negative_flag,
		   p.withdrawn, p.withdrawn_flag, p.not_confirmed, p.not_confirmed_flag,
		   p.presented, p.presented_flag
	  FROM @extschema@.published_not_confirmed() p;
COMMENT ON VIEW migchain_bi.published_not_confirmed_by_country IS
	'not_confirmed_by_country as published, with a total row per year and kind (country_code NULL): rounded to tens, counts under 5 and what would reveal them hidden (flag suppressed), no process flagged; rounded figures may not add up';
COMMENT ON COLUMN migchain_bi.published_not_confirmed_by_country.year IS 'year the requests were presented';
COMMENT ON COLUMN migchain_bi.published_not_confirmed_by_country.kind IS 'LP or T&O';
COMMENT ON COLUMN migchain_bi.published_not_confirmed_by_country.country_code IS 'country of origin, ISO 3166 code; NULL on the total row of the year';
COMMENT ON COLUMN migchain_bi.published_not_confirmed_by_country.country_name IS 'name of the country in the language of migchain.language; NULL on the total row';
COMMENT ON COLUMN migchain_bi.published_not_confirmed_by_country.negative IS 'answered negatively, rounded to tens (NULL: not shown or no process)';
COMMENT ON COLUMN migchain_bi.published_not_confirmed_by_country.negative_flag IS 'rounded, suppressed, no process, or NULL for an exact 0';
COMMENT ON COLUMN migchain_bi.published_not_confirmed_by_country.withdrawn IS 'withdrawn, no answer obtained, rounded to tens (NULL: not shown or no process)';
COMMENT ON COLUMN migchain_bi.published_not_confirmed_by_country.withdrawn_flag IS 'rounded, suppressed, no process, or NULL for an exact 0';
COMMENT ON COLUMN migchain_bi.published_not_confirmed_by_country.not_confirmed IS 'negative + withdrawn (counted, then rounded), rounded to tens (NULL: not shown or no process)';
COMMENT ON COLUMN migchain_bi.published_not_confirmed_by_country.not_confirmed_flag IS 'rounded, suppressed, no process, or NULL for an exact 0';
COMMENT ON COLUMN migchain_bi.published_not_confirmed_by_country.presented IS 'all requests presented, rounded to tens (NULL: not shown or no process)';
COMMENT ON COLUMN migchain_bi.published_not_confirmed_by_country.presented_flag IS 'rounded, suppressed, no process, or NULL for an exact 0';

-- ---- Frozen report snapshots ----

CREATE TABLE @extschema@.report_snapshot (
	snapshot_id pg_catalog.int4 GENERATED BY DEFAULT AS IDENTITY,
	label pg_catalog.text,
	from_year pg_catalog.int4 NOT NULL,
	to_year pg_catalog.int4 NOT NULL,
	base pg_catalog.int4 NOT NULL,
	threshold pg_catalog.int4 NOT NULL,
	extension_version pg_catalog.text NOT NULL,
	frozen_at pg_catalog.timestamptz NOT NULL,
	frozen_by pg_catalog.name NOT NULL,
	fingerprint pg_catalog.text NOT NULL,
	note_nl pg_catalog.text NOT NULL,
	note_en pg_catalog.text NOT NULL,
	CONSTRAINT report_snapshot_pkey PRIMARY KEY (snapshot_id),
	CONSTRAINT report_snapshot_period CHECK (from_year OPERATOR(pg_catalog.<=) to_year)
);
COMMENT ON TABLE @extschema@.report_snapshot IS
	'frozen report snapshots (freeze_report): the period and rules of a publication, when and by whom it was frozen, with which version of migchain, and a fingerprint of its input rows; never changed';
COMMENT ON COLUMN @extschema@.report_snapshot.snapshot_id IS 'number of the snapshot';
COMMENT ON COLUMN @extschema@.report_snapshot.label IS 'what the snapshot was frozen for, in the words of the one who froze it';
COMMENT ON COLUMN @extschema@.report_snapshot.from_year IS 'first year of the period';
COMMENT ON COLUMN @extschema@.report_snapshot.to_year IS 'last year of the period';
COMMENT ON COLUMN @extschema@.report_snapshot.base IS 'rounding base (1: not rounded)';
COMMENT ON COLUMN @extschema@.report_snapshot.threshold IS 'counts from 1 to threshold - 1 were hidden (0 or 1: none)';
COMMENT ON COLUMN @extschema@.report_snapshot.extension_version IS 'the version of migchain that computed it';
COMMENT ON COLUMN @extschema@.report_snapshot.frozen_at IS 'when it was frozen (start of the freezing transaction)';
COMMENT ON COLUMN @extschema@.report_snapshot.frozen_by IS 'the role that froze it (the session''s login role)';
COMMENT ON COLUMN @extschema@.report_snapshot.fingerprint IS
	'fingerprint of the requests of the period: the fingerprints of its sheets (report_snapshot_sheet) together';
COMMENT ON COLUMN @extschema@.report_snapshot.note_nl IS 'the publication note, in Dutch';
COMMENT ON COLUMN @extschema@.report_snapshot.note_en IS 'the publication note, in English';

CREATE TABLE @extschema@.report_snapshot_sheet (
	snapshot_id pg_catalog.int4 NOT NULL,
	sheet pg_catalog.int4 NOT NULL,
	row_count pg_catalog.int8 NOT NULL,
	row_hash pg_catalog.int8 NOT NULL,
	CONSTRAINT report_snapshot_sheet_pkey PRIMARY KEY (snapshot_id, sheet),
	CONSTRAINT report_snapshot_sheet_sheet CHECK (sheet OPERATOR(pg_catalog.>=) 1
												  AND sheet OPERATOR(pg_catalog.<=) 3)
);
COMMENT ON TABLE @extschema@.report_snapshot_sheet IS
	'the fingerprint of the input rows of each sheet of a snapshot: the requests and routes of the period (sheet 1), of T&O (sheet 2), of LP (sheet 3)';
COMMENT ON COLUMN @extschema@.report_snapshot_sheet.row_count IS 'how many requests';
COMMENT ON COLUMN @extschema@.report_snapshot_sheet.row_hash IS 'the exclusive or of request_row_hash() of each, and of a hash of each route of the period';

CREATE TABLE @extschema@.report_snapshot_cell (
	snapshot_id pg_catalog.int4 NOT NULL,
	ordinal pg_catalog.int4 NOT NULL,
	sheet pg_catalog.int4 NOT NULL,
	year pg_catalog.int4 NOT NULL,
	kind pg_catalog.text NOT NULL,
	country_code pg_catalog.text,
	country_name_nl pg_catalog.text,
	country_name_en pg_catalog.text,
	measure pg_catalog.text NOT NULL,
	value pg_catalog.int8,
	flag pg_catalog.text,
	count pg_catalog.int8,
	CONSTRAINT report_snapshot_cell_pkey PRIMARY KEY (snapshot_id, ordinal)
);
COMMENT ON TABLE @extschema@.report_snapshot_cell IS
	'the cells of a snapshot as published (value, flag) and as counted (count: for the extension''s owner only)';
COMMENT ON COLUMN @extschema@.report_snapshot_cell.ordinal IS 'position of the cell in the order of published_cells()';
COMMENT ON COLUMN @extschema@.report_snapshot_cell.value IS 'the published value (NULL: not shown)';
COMMENT ON COLUMN @extschema@.report_snapshot_cell.flag IS 'rounded, suppressed, no process, or NULL (exact)';
COMMENT ON COLUMN @extschema@.report_snapshot_cell.count IS 'the unrounded count (NULL: no process)';

CREATE TABLE @extschema@.report_snapshot_view (
	snapshot_id pg_catalog.int4 NOT NULL,
	view_name pg_catalog.text NOT NULL,
	rows pg_catalog.jsonb NOT NULL,
	CONSTRAINT report_snapshot_view_pkey PRIMARY KEY (snapshot_id, view_name)
);
COMMENT ON TABLE @extschema@.report_snapshot_view IS
	'the other overviews of a snapshot''s period as they were, unrounded (cooperation, detention exits, departures, conditions at the end of the period): for the extension''s owner';

-- The sheets, cells and views of a snapshot go with it when the owner
-- deletes it (a trigger, not a foreign key: pg_restore -j loads the tables
-- of an extension side by side, in no order).
CREATE FUNCTION @extschema@.report_snapshot_delete() RETURNS pg_catalog.trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF TG_OP = 'TRUNCATE' THEN
		TRUNCATE @extschema@.report_snapshot_sheet, @extschema@.report_snapshot_cell,
				 @extschema@.report_snapshot_view;
		RETURN NULL;
	END IF;
	DELETE FROM @extschema@.report_snapshot_sheet s WHERE s.snapshot_id = OLD.snapshot_id;
	DELETE FROM @extschema@.report_snapshot_cell c WHERE c.snapshot_id = OLD.snapshot_id;
	DELETE FROM @extschema@.report_snapshot_view v WHERE v.snapshot_id = OLD.snapshot_id;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.report_snapshot_delete() IS
	'trigger: deletes the sheets, cells and views of the report snapshots deleted or truncated';
CREATE TRIGGER report_snapshot_delete AFTER DELETE ON @extschema@.report_snapshot
	FOR EACH ROW EXECUTE FUNCTION @extschema@.report_snapshot_delete();
CREATE TRIGGER report_snapshot_truncate AFTER TRUNCATE ON @extschema@.report_snapshot
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.report_snapshot_delete();

SELECT pg_catalog.pg_extension_config_dump('@extschema@.report_snapshot', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.report_snapshot_snapshot_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.report_snapshot_sheet', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.report_snapshot_cell', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.report_snapshot_view', '');

-- A frozen snapshot is never changed, by anyone: the owner may delete it
-- (the only other right on the tables is the analysts' SELECT).
CREATE FUNCTION @extschema@.report_snapshot_frozen() RETURNS pg_catalog.trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RAISE EXCEPTION 'report snapshot % is frozen: it cannot be changed', OLD.snapshot_id
		USING ERRCODE = 'object_not_in_prerequisite_state',
			  HINT = 'Freeze a new snapshot with migchain.freeze_report(); the owner of migchain may delete this one.';
END
$$;
COMMENT ON FUNCTION @extschema@.report_snapshot_frozen() IS
	'trigger: refuses every change of a frozen report snapshot';
CREATE TRIGGER report_snapshot_frozen BEFORE UPDATE ON @extschema@.report_snapshot
	FOR EACH ROW EXECUTE FUNCTION @extschema@.report_snapshot_frozen();
CREATE TRIGGER report_snapshot_frozen BEFORE UPDATE ON @extschema@.report_snapshot_sheet
	FOR EACH ROW EXECUTE FUNCTION @extschema@.report_snapshot_frozen();
CREATE TRIGGER report_snapshot_frozen BEFORE UPDATE ON @extschema@.report_snapshot_cell
	FOR EACH ROW EXECUTE FUNCTION @extschema@.report_snapshot_frozen();
CREATE TRIGGER report_snapshot_frozen BEFORE UPDATE ON @extschema@.report_snapshot_view
	FOR EACH ROW EXECUTE FUNCTION @extschema@.report_snapshot_frozen();

-- The fingerprint of the input rows of each sheet of a period: the
-- requests (how many, and the exclusive or of their hashes, as a load
-- batch's checksum) and the routes of the period, which say where there was
-- no process: sheet 1 all, sheet 2 T&O, sheet 3 LP.
CREATE FUNCTION @extschema@.report_input_fingerprint(from_year pg_catalog.int4, to_year pg_catalog.int4)
	RETURNS TABLE (sheet pg_catalog.int4, row_count pg_catalog.int8, row_hash pg_catalog.int8)
	LANGUAGE sql STABLE SECURITY DEFINER PARALLEL RESTRICTED	-- not strict: check_period refuses NULL ends
	SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH per_kind AS (
		SELECT r.kind::pg_catalog.text AS kind, pg_catalog.count(*) AS n,
			   pg_catalog.bit_xor(@extschema@.request_row_hash(r.request_id, r.kind, r.answer,
					r.country, r.presented_on, r.answered_on, r.requested_on, r.person_id)) AS h
		  FROM @extschema@.request r
		 WHERE r.presented_on OPERATOR(pg_catalog.>=) @extschema@.period_start(from_year, to_year)
		   AND r.presented_on OPERATOR(pg_catalog.<) @extschema@.period_end(from_year, to_year)
		 GROUP BY r.kind
		UNION ALL
		SELECT cr.kind::pg_catalog.text, 0,
			   pg_catalog.bit_xor(pg_catalog.hashtextextended(pg_catalog.concat_ws('|', cr.route_id,
					cr.country, cr.kind, cr.valid_from, cr.valid_to, cr.has_process), 0))
		  FROM @extschema@.country_route cr
		 WHERE cr.valid_from OPERATOR(pg_catalog.<) @extschema@.period_end(from_year, to_year)
		   AND coalesce(cr.valid_to, 'infinity') OPERATOR(pg_catalog.>) @extschema@.period_start(from_year, to_year)
		 GROUP BY cr.kind
	), sheets AS (
		SELECT 1 AS sheet, NULL::pg_catalog.text AS kind
		UNION ALL SELECT 2, 'T&O'
		UNION ALL SELECT 3, 'LP'
	)
	SELECT s.sheet, coalesce(pg_catalog.sum(k.n), 0)::pg_catalog.int8,
		   coalesce(pg_catalog.bit_xor(k.h), 0)
	  FROM sheets s
	  LEFT JOIN per_kind k ON s.kind IS NULL OR k.kind OPERATOR(pg_catalog.=) s.kind
	 GROUP BY s.sheet
	 ORDER BY s.sheet;
END;
COMMENT ON FUNCTION @extschema@.report_input_fingerprint(pg_catalog.int4, pg_catalog.int4) IS
	'per sheet of the workbook, the requests of the period it reads (1: all, 2: T&O, 3: LP), how many, and the exclusive or of their request_row_hash() and of a hash of each route of the period (whether there was a process); counts and hashes only, read with the rights of the extension''s owner';

-- Freeze the publication of a period: its cells as published and as
-- counted, the other overviews of the period, the fingerprint of its
-- input; returns the snapshot's number.
CREATE FUNCTION @extschema@.freeze_report(from_year pg_catalog.int4, to_year pg_catalog.int4,
										  base pg_catalog.int4 DEFAULT 10,
										  threshold pg_catalog.int4 DEFAULT 5,
										  label pg_catalog.text DEFAULT NULL)
	RETURNS pg_catalog.int4
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER	-- not strict: a NULL year is an error
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	id int4;
	period_last date;
BEGIN
	PERFORM @extschema@.check_publication(base, threshold);
	IF from_year IS NULL OR to_year IS NULL THEN
		RAISE EXCEPTION 'a report snapshot needs a period with both ends: from_year % to_year %',
				coalesce(from_year::text, 'NULL'), coalesce(to_year::text, 'NULL')
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Name the first and last year, e.g. migchain.freeze_report(2018, 2022).';
	END IF;
	PERFORM @extschema@.check_period(from_year, to_year);
	period_last := least(make_date(freeze_report.to_year, 12, 31), CURRENT_DATE);
	-- One statement: everything it reads, it reads in one snapshot, so the
	-- fingerprint, the cells and the other overviews agree, without a lock
	-- that would make writers wait.
	WITH fp AS MATERIALIZED (
		SELECT f.sheet, f.row_count, f.row_hash
		  FROM @extschema@.report_input_fingerprint(freeze_report.from_year, freeze_report.to_year) f
	), pub AS MATERIALIZED (
		SELECT p.ordinal::int4 AS ordinal, p.sheet, p.year, p.kind, p.country_code, p.measure,
			   p.value, p.flag, c.value AS count
		  FROM @extschema@.published_cells(freeze_report.from_year, freeze_report.to_year,
										   freeze_report.base, freeze_report.threshold)
			   WITH ORDINALITY AS p(sheet, year, kind, country_code, country_name, measure, value, flag, ordinal)
		  JOIN @extschema@.published_cells(freeze_report.from_year, freeze_report.to_year, 1, 0)
			   WITH ORDINALITY AS c(sheet, year, kind, country_code, country_name, measure, value, flag, ordinal)
			ON c.ordinal = p.ordinal
	), views AS MATERIALIZED (
		SELECT 'cooperation' AS view_name, coalesce(jsonb_agg(to_jsonb(v)), '[]') AS rows
		  FROM @extschema@.cooperation(freeze_report.from_year, freeze_report.to_year) v
		UNION ALL
		SELECT 'detention_exits', coalesce(jsonb_agg(to_jsonb(v)), '[]')
		  FROM @extschema@.detention_exits(freeze_report.from_year, freeze_report.to_year) v
		UNION ALL
		SELECT 'departures', coalesce(jsonb_agg(to_jsonb(v)), '[]')
		  FROM @extschema@.departures(freeze_report.from_year, freeze_report.to_year) v
		UNION ALL
		SELECT 'conditions', coalesce(jsonb_agg(to_jsonb(v)), '[]')
		  FROM @extschema@.conditions_as_of(period_last) v
	), head AS (
		INSERT INTO @extschema@.report_snapshot (label, from_year, to_year, base, threshold,
			extension_version, frozen_at, frozen_by, fingerprint, note_nl, note_en)
		SELECT freeze_report.label, freeze_report.from_year, freeze_report.to_year,
			   freeze_report.base, freeze_report.threshold, e.extversion, now(), session_user,
			   (SELECT string_agg(format('%s:%s:%s', fp.sheet, fp.row_count, to_hex(fp.row_hash)), ' '
								  ORDER BY fp.sheet) FROM fp),
			   @extschema@.publication_note(freeze_report.base, freeze_report.threshold, 'nl'),
			   @extschema@.publication_note(freeze_report.base, freeze_report.threshold, 'en')
		  FROM pg_extension e
		 WHERE e.extname = 'migchain'
		RETURNING snapshot_id
	), sheets AS (
		INSERT INTO @extschema@.report_snapshot_sheet (snapshot_id, sheet, row_count, row_hash)
		SELECT head.snapshot_id, fp.sheet, fp.row_count, fp.row_hash FROM head, fp
	), cells AS (
		INSERT INTO @extschema@.report_snapshot_cell (snapshot_id, ordinal, sheet, year, kind,
			country_code, country_name_nl, country_name_en, measure, value, flag, count)
		SELECT head.snapshot_id, pub.ordinal, pub.sheet, pub.year, pub.kind, pub.country_code,
			   @extschema@.name(pub.country_code::@extschema@.country, 'nl'),
			   @extschema@.name(pub.country_code::@extschema@.country, 'en'),
			   pub.measure, pub.value, pub.flag, pub.count
		  FROM head, pub
	), other AS (
		INSERT INTO @extschema@.report_snapshot_view (snapshot_id, view_name, rows)
		SELECT head.snapshot_id, views.view_name, views.rows FROM head, views
	)
	SELECT head.snapshot_id INTO id FROM head;
	RETURN id;
END
$$;
COMMENT ON FUNCTION @extschema@.freeze_report(pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.text) IS
	'freezes the publication of the years from_year to to_year with a rounding base and suppression threshold: its cells as published and as counted, the other overviews of the period, a fingerprint of its input rows, the version of migchain, when and by whom; returns the snapshot''s number';

-- The snapshot's row, or an error naming the number.
CREATE FUNCTION @extschema@.report_snapshot_get(snapshot_id pg_catalog.int4)
	RETURNS @extschema@.report_snapshot
	LANGUAGE plpgsql STABLE SECURITY DEFINER	-- not strict: NULL is an error
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	s @extschema@.report_snapshot;
BEGIN
	SELECT * INTO s FROM @extschema@.report_snapshot r WHERE r.snapshot_id = report_snapshot_get.snapshot_id;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'report snapshot % does not exist', coalesce(snapshot_id::text, 'NULL')
			USING ERRCODE = 'undefined_object',
				  HINT = 'The snapshots are listed in migchain.report_snapshot.';
	END IF;
	RETURN s;
END
$$;
COMMENT ON FUNCTION @extschema@.report_snapshot_get(pg_catalog.int4) IS
	'the row of a report snapshot; an error when there is none';

-- The cells of a snapshot, as published (or, raw, as counted: for those
-- who may read the counts, the extension's owner).
CREATE FUNCTION @extschema@.report_snapshot_cells(snapshot_id pg_catalog.int4,
												  raw pg_catalog.bool DEFAULT false)
	RETURNS TABLE (sheet pg_catalog.int4, year pg_catalog.int4, kind pg_catalog.text,
				   country_code pg_catalog.text, country_name pg_catalog.text,
				   measure pg_catalog.text, value pg_catalog.int8, flag pg_catalog.text)
	LANGUAGE plpgsql STABLE PARALLEL RESTRICTED	-- not strict: NULL is an error
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	lang text := @extschema@.output_language();
	s @extschema@.report_snapshot := @extschema@.report_snapshot_get(snapshot_id);
BEGIN
	IF raw IS NULL THEN
		RAISE EXCEPTION 'raw must be true or false, not NULL'
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'raw => true gives the unrounded counts (for the owner of migchain), false the published cells.';
	END IF;
	IF raw AND NOT has_column_privilege('@extschema@.report_snapshot_cell', 'count', 'SELECT') THEN
		RAISE EXCEPTION 'permission denied for the unrounded counts of report snapshot %', s.snapshot_id
			USING ERRCODE = 'insufficient_privilege',
				  HINT = 'Only the owner of migchain reads a snapshot''s unrounded counts; read the published cells with raw => false.';
	END IF;
	IF raw THEN
		RETURN QUERY EXECUTE
			'SELECT c.sheet, c.year, c.kind, c.country_code,'
			'       CASE $2 WHEN ''en'' THEN c.country_name_en ELSE c.country_name_nl END,'
			'       c.measure, c.count, CASE WHEN c.flag = ''no process'' THEN c.flag END'
			'  FROM @extschema@.report_snapshot_cell c'
			' WHERE c.snapshot_id = $1 ORDER BY c.ordinal'
			USING s.snapshot_id, lang;
	ELSE
		RETURN QUERY
		SELECT c.sheet, c.year, c.kind, c.country_code,
			   CASE lang WHEN 'en' THEN c.country_name_en ELSE c.country_name_nl END,
			   c.measure, c.value, c.flag
		  FROM @extschema@.report_snapshot_cell c
		 WHERE c.snapshot_id = s.snapshot_id
		 ORDER BY c.ordinal;
	END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.report_snapshot_cells(pg_catalog.int4, pg_catalog.bool) IS
	'the cells of a report snapshot as they were published (raw: as counted, for the owner of migchain), in the order and with the columns of published_cells(); country names in the language of migchain.language';

CREATE FUNCTION @extschema@.report_snapshot_note(snapshot_id pg_catalog.int4)
	RETURNS pg_catalog.text
	LANGUAGE sql STABLE PARALLEL RESTRICTED
BEGIN ATOMIC
	SELECT CASE @extschema@.output_language()
			   WHEN 'en' THEN (@extschema@.report_snapshot_get(snapshot_id)).note_en
			   ELSE (@extschema@.report_snapshot_get(snapshot_id)).note_nl END;
END;
COMMENT ON FUNCTION @extschema@.report_snapshot_note(pg_catalog.int4) IS
	'the publication note of a report snapshot, in the language of migchain.language';

-- Whether today's data still gives a snapshot: per sheet, whether its input
-- rows have the same fingerprint, and how many of its published cells
-- (value or flag) differ when published again today with its rules.
CREATE FUNCTION @extschema@.report_snapshot_check(snapshot_id pg_catalog.int4)
	RETURNS TABLE (sheet pg_catalog.int4, kind pg_catalog.text, rows_then pg_catalog.int8,
				   rows_now pg_catalog.int8, input_matches pg_catalog.bool,
				   cells_changed pg_catalog.int4)
	LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL RESTRICTED	-- not strict: NULL is an error
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	s @extschema@.report_snapshot := @extschema@.report_snapshot_get(snapshot_id);
BEGIN
	RETURN QUERY
	WITH now_cells AS (
		SELECT p.* FROM @extschema@.published_cells(s.from_year, s.to_year, s.base, s.threshold) p
	), then_cells AS (
		SELECT c.* FROM @extschema@.report_snapshot_cell c WHERE c.snapshot_id = s.snapshot_id
	), diff AS (
		SELECT coalesce(t.sheet, n.sheet) AS sheet, pg_catalog.count(*)::int4 AS changed
		  FROM then_cells t
		  FULL JOIN now_cells n
			ON n.sheet = t.sheet AND n.year = t.year AND n.kind = t.kind
		   AND n.country_code IS NOT DISTINCT FROM t.country_code AND n.measure = t.measure
		 WHERE t.sheet IS NULL OR n.sheet IS NULL
			OR t.value IS DISTINCT FROM n.value OR t.flag IS DISTINCT FROM n.flag
		 GROUP BY 1
	)
	SELECT t.sheet, CASE t.sheet WHEN 1 THEN 'LP, T&O' WHEN 2 THEN 'T&O' ELSE 'LP' END,
		   t.row_count, f.row_count, t.row_count = f.row_count AND t.row_hash = f.row_hash,
		   coalesce(d.changed, 0)
	  FROM @extschema@.report_snapshot_sheet t
	  JOIN @extschema@.report_input_fingerprint(s.from_year, s.to_year) f ON f.sheet = t.sheet
	  LEFT JOIN diff d ON d.sheet = t.sheet
	 WHERE t.snapshot_id = s.snapshot_id
	 ORDER BY t.sheet;
END
$$;
COMMENT ON FUNCTION @extschema@.report_snapshot_check(pg_catalog.int4) IS
	'per sheet of a report snapshot: its input rows then and now, whether they still have the snapshot''s fingerprint, and how many published cells differ when published again today with the snapshot''s rules';

-- The walk of the functions views need, and the functions grant_analyst
-- grants (sql/install/60-access.sql): the published cells and the
-- snapshots' functions join them.
CREATE FUNCTION @extschema@.functions_of_views(views pg_catalog.oid[])
	RETURNS SETOF pg_catalog.regprocedure
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH RECURSIVE walk(classid, objid) AS (
		SELECT d.refclassid, d.refobjid
		  FROM pg_catalog.pg_rewrite r
		  JOIN pg_catalog.pg_depend d
			ON d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_rewrite'::pg_catalog.regclass
		   AND d.objid OPERATOR(pg_catalog.=) r.oid
		 WHERE r.ev_class OPERATOR(pg_catalog.=) ANY (views)
		UNION
		SELECT d.refclassid, d.refobjid
		  FROM walk
		  JOIN pg_catalog.pg_depend d
			ON d.classid OPERATOR(pg_catalog.=) walk.classid
		   AND d.objid OPERATOR(pg_catalog.=) walk.objid
		 WHERE walk.classid IN ('pg_catalog.pg_proc'::pg_catalog.regclass,
								'pg_catalog.pg_operator'::pg_catalog.regclass)
		   AND d.deptype OPERATOR(pg_catalog.=) 'n'
	), fns AS (
		SELECT walk.objid AS fn
		  FROM walk
		 WHERE walk.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
		UNION
		SELECT o.oprcode::pg_catalog.oid
		  FROM walk
		  JOIN pg_catalog.pg_operator o ON o.oid OPERATOR(pg_catalog.=) walk.objid
		 WHERE walk.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_operator'::pg_catalog.regclass
	)
	SELECT p.oid::pg_catalog.regprocedure
	  FROM fns
	  JOIN pg_catalog.pg_proc p ON p.oid OPERATOR(pg_catalog.=) fns.fn
	 WHERE p.pronamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace;
END;
COMMENT ON FUNCTION @extschema@.functions_of_views(pg_catalog.oid[]) IS
	'the functions of migchain that reading the views given needs: called by them, directly, behind an operator or inside the SQL-standard bodies of the functions they call';

CREATE OR REPLACE FUNCTION @extschema@.analyst_functions() RETURNS SETOF pg_catalog.regprocedure
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT u.f FROM (
	SELECT f.f
	  FROM @extschema@.functions_of_views(ARRAY(
			SELECT c.oid
			  FROM pg_catalog.pg_class c
			 WHERE c.relnamespace OPERATOR(pg_catalog.=) 'migchain_bi'::pg_catalog.regnamespace
			   AND c.relkind OPERATOR(pg_catalog.=) 'v')) AS f(f)
	UNION
	-- the request cube of any period and what unpacks it, for groupings
	-- of the analyst's own (the views read the rollup instead)
	SELECT f.f
	  FROM (VALUES ('@extschema@.period_cube(pg_catalog.int4, pg_catalog.int4, @extschema@.request_kind)'::pg_catalog.regprocedure),
				   ('@extschema@.request_cube_by_year(@extschema@.request_cube)'::pg_catalog.regprocedure),
				   ('@extschema@.request_cube_by_country(@extschema@.request_cube)'::pg_catalog.regprocedure),
				   ('@extschema@.total(@extschema@.tally)'::pg_catalog.regprocedure),
				   ('@extschema@.pending(@extschema@.tally)'::pg_catalog.regprocedure),
				   ('@extschema@.positive(@extschema@.tally)'::pg_catalog.regprocedure),
				   ('@extschema@.negative(@extschema@.tally)'::pg_catalog.regprocedure),
				   ('@extschema@.withdrawn(@extschema@.tally)'::pg_catalog.regprocedure),
				   -- publishing: the published cells of any period, and
				   -- freezing and reading report snapshots
				   ('@extschema@.published_cells(pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4)'::pg_catalog.regprocedure),
				   ('@extschema@.published_overview(pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4)'::pg_catalog.regprocedure),
				   ('@extschema@.published_not_confirmed(@extschema@.request_kind, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4)'::pg_catalog.regprocedure),
				   ('@extschema@.freeze_report(pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.text)'::pg_catalog.regprocedure),
				   ('@extschema@.report_snapshot_get(pg_catalog.int4)'::pg_catalog.regprocedure),
				   ('@extschema@.report_snapshot_cells(pg_catalog.int4, pg_catalog.bool)'::pg_catalog.regprocedure),
				   ('@extschema@.report_snapshot_note(pg_catalog.int4)'::pg_catalog.regprocedure),
				   ('@extschema@.report_snapshot_check(pg_catalog.int4)'::pg_catalog.regprocedure)) AS f(f)
	) AS u(f)
	 ORDER BY u.f::pg_catalog.text;
END;
COMMENT ON FUNCTION @extschema@.analyst_functions() IS
	'the functions of migchain that the views of migchain_bi and the period functions need, and the request cube of any period (period_cube and its unpacking): what grant_analyst grants EXECUTE on';

-- grant_analyst also lets analysts read what snapshots published.
CREATE OR REPLACE FUNCTION @extschema@.grant_analyst(grantee pg_catalog.regrole) RETURNS pg_catalog.void
	LANGUAGE plpgsql	-- not strict: check_grantee() refuses a NULL role
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	who text := @extschema@.check_grantee(grantee);
	fn regprocedure;
BEGIN
	EXECUTE format('GRANT USAGE ON SCHEMA @extschema@, migchain_bi TO %s', who);
	EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA migchain_bi TO %s', who);
	FOR fn IN SELECT f FROM @extschema@.analyst_functions() f LOOP
		EXECUTE format('GRANT EXECUTE ON ROUTINE %s TO %s', fn, who);
	END LOOP;
	-- report snapshots: what was frozen and published, never the unrounded
	-- counts (the column count of the cells)
	EXECUTE format('GRANT SELECT ON TABLE @extschema@.report_snapshot, @extschema@.report_snapshot_sheet TO %s', who);
	EXECUTE format('GRANT SELECT (snapshot_id, ordinal, sheet, year, kind, country_code, country_name_nl, country_name_en, measure, value, flag) ON TABLE @extschema@.report_snapshot_cell TO %s', who);
END
$$;
COMMENT ON FUNCTION @extschema@.grant_analyst(pg_catalog.regrole) IS
	'lets a role read the views of migchain_bi, call the period functions, publish and freeze report snapshots and read what they published, never the person-level tables nor a snapshot''s unrounded counts';

-- ---- Publishing (sql/install/48-publish.sql) ----
-- The published cells and the snapshots read the counts with the owner's
-- rights: for the roles given analyst access (grant_analyst grants them
-- through analyst_functions()), not for PUBLIC.  report_input_fingerprint()
-- reads the requests' hashes: it serves freeze_report() and
-- report_snapshot_check() only.  suppress_block() computes on its
-- arguments, but its work grows fast with the number of countries: it
-- serves published_cells(), which runs as the owner.  round_count(),
-- check_publication(), output_language() and publication_note() compute on
-- their arguments: PUBLIC keeps them.
REVOKE EXECUTE ON FUNCTION @extschema@.published_cells(pg_catalog.int4, pg_catalog.int4,
	pg_catalog.int4, pg_catalog.int4) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.freeze_report(pg_catalog.int4, pg_catalog.int4,
	pg_catalog.int4, pg_catalog.int4, pg_catalog.text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.report_snapshot_get(pg_catalog.int4) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.report_snapshot_cells(pg_catalog.int4, pg_catalog.bool) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.report_snapshot_note(pg_catalog.int4) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.report_snapshot_check(pg_catalog.int4) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.report_input_fingerprint(pg_catalog.int4, pg_catalog.int4) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.suppress_block(pg_catalog.int8[], pg_catalog.int8[],
	pg_catalog.int8[], pg_catalog.int8, pg_catalog.int8, pg_catalog.int4, pg_catalog.int4) FROM PUBLIC;
-- ---- end of publishing ----

-- ==== end of publishing ====

-- ==== Federation: national databases through postgres_fdw, counters only ====

-- The national and hub sides of federation (sql/install/70-federation.sql),
-- as a fresh install has them.
-- Federation (docs/federation.md): national migchain databases serve their
-- counters, never their rows, to a hub that reads them through postgres_fdw
-- and computes the overviews per member state and for the EU.  Every
-- migchain database has both sides: a national database serves the views
-- below; a hub attaches the national databases as foreign partitions.

-- ---- The national side ------------------------------------------------------

-- The format of what a national database serves (the columns of the views
-- federation_counters, federation_persons and federation_node and what they
-- mean).  A hub reads the members whose format is its own and refuses the
-- others.  Raise it whenever those views change.
CREATE FUNCTION @extschema@.federation_format() RETURNS pg_catalog.int4
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN 1;
COMMENT ON FUNCTION @extschema@.federation_format() IS
	'the format version of the counters a national database serves to a hub (federation_counters, federation_persons, federation_node); a hub reads members of its own format only';

-- Which member state this database is: one row, set by the admin with
-- set_member_state(); configuration, so pg_dump keeps it.  With a random
-- node id, drawn when the member state is first set and kept when it is set
-- again: a hub tells its members apart by it, whatever member state they
-- say they hold.  A copy restored from a dump has the node id of its
-- original; deleting the row and setting the member state draws a new one.
CREATE TABLE @extschema@.federation_identity (
	member_state pg_catalog.text NOT NULL,
	node_id pg_catalog.uuid NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
	set_at pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.now(),
	set_by pg_catalog.name NOT NULL DEFAULT current_user,
	CONSTRAINT federation_identity_member_state_check
		CHECK (member_state OPERATOR(pg_catalog.~) '^[A-Z]{2}$'
			   AND member_state::@extschema@.country::pg_catalog.text OPERATOR(pg_catalog.=) member_state)
);
CREATE UNIQUE INDEX federation_identity_one_row ON @extschema@.federation_identity ((true));
COMMENT ON TABLE @extschema@.federation_identity IS
	'the member state this database holds the requests of, as the federation views tell a hub: one row, written by set_member_state()';
COMMENT ON COLUMN @extschema@.federation_identity.member_state IS 'ISO 3166 alpha-2 code of the member state';
COMMENT ON COLUMN @extschema@.federation_identity.node_id IS
	'a random identifier of this database, drawn when its member state is first set and kept when it is set again; a hub checks that the rows of a member state come from the database it attached';
COMMENT ON COLUMN @extschema@.federation_identity.set_at IS 'when it was set';
COMMENT ON COLUMN @extschema@.federation_identity.set_by IS 'the role that set it';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.federation_identity', '');

-- A member state's code: the canonical ISO 3166 alpha-2 code of a country
-- (EL and UK are accepted and become GR and GB); an error for anything else.
CREATE FUNCTION @extschema@.member_state_code(code pg_catalog.text) RETURNS pg_catalog.text
	LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE	-- not strict: NULL is an error
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	canonical pg_catalog.text;
BEGIN
	IF code IS NULL OR pg_catalog.btrim(code) OPERATOR(pg_catalog.=) '' THEN
		RAISE EXCEPTION 'a member state is required, not %', coalesce(pg_catalog.quote_literal(code), 'NULL')
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Give its ISO 3166 alpha-2 code, e.g. ''NL''.';
	END IF;
	BEGIN
		canonical := code::@extschema@.country::pg_catalog.text;
	EXCEPTION WHEN invalid_text_representation THEN
		canonical := NULL;
	END;
	IF canonical IS NULL OR canonical OPERATOR(pg_catalog.!~) '^[A-Z]{2}$' THEN
		RAISE EXCEPTION '% is not the code of a member state', pg_catalog.quote_literal(code)
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Give the ISO 3166 alpha-2 code of a country, e.g. ''NL'' or ''BE'' (EL and UK are read as GR and GB).';
	END IF;
	RETURN canonical;
END
$$;
COMMENT ON FUNCTION @extschema@.member_state_code(pg_catalog.text) IS
	'the ISO 3166 alpha-2 code of a member state given as any code or name of a country; an error (22023) for anything that is not a country with an alpha-2 code';

CREATE FUNCTION @extschema@.set_member_state(code pg_catalog.text) RETURNS pg_catalog.text
	LANGUAGE plpgsql VOLATILE	-- not strict: member_state_code() refuses NULL
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	canonical pg_catalog.text := @extschema@.member_state_code(code);
BEGIN
	-- the node id stays: set_member_state() corrects the member state of
	-- this database, it does not make it another database
	UPDATE @extschema@.federation_identity
	   SET member_state = canonical, set_at = pg_catalog.now(), set_by = current_user;
	IF NOT FOUND THEN
		INSERT INTO @extschema@.federation_identity (member_state) VALUES (canonical);
	END IF;
	RETURN canonical;
END
$$;
COMMENT ON FUNCTION @extschema@.set_member_state(pg_catalog.text) IS
	'records which member state this database holds the requests of (ISO 3166 alpha-2), as the federation views tell a hub, and the first time a random node id; returns the code recorded; for the admin';

-- The member state, for the views: an error when none is set, so that a
-- hub never reads counters it cannot place.
CREATE FUNCTION @extschema@.federation_member_state() RETURNS pg_catalog.text
	LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	code pg_catalog.text;
BEGIN
	SELECT i.member_state INTO code FROM @extschema@.federation_identity i;
	IF code IS NULL THEN
		RAISE EXCEPTION 'this database has no member state: run migchain.set_member_state(''NL'')'
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  DETAIL = 'A hub places the counters of a national database by the member state it says it holds.',
				  HINT = 'As the admin of this database: SELECT migchain.set_member_state(''NL''), with the ISO 3166 alpha-2 code of its member state.';
	END IF;
	RETURN code;
END
$$;
COMMENT ON FUNCTION @extschema@.federation_member_state() IS
	'the member state set by set_member_state(); an error (55000) when none is set';

-- The node id, for the views: set with the member state.
CREATE FUNCTION @extschema@.federation_node_id() RETURNS pg_catalog.uuid
	LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	id pg_catalog.uuid;
BEGIN
	SELECT i.node_id INTO id FROM @extschema@.federation_identity i;
	IF id IS NULL THEN
		PERFORM @extschema@.federation_member_state();	-- raises its error
	END IF;
	RETURN id;
END
$$;
COMMENT ON FUNCTION @extschema@.federation_node_id() IS
	'the node id drawn by set_member_state(); an error (55000) when no member state is set';

-- The readiness of the rollup, for the views: request_rollup_ready(), its
-- error prefixed with the member state, so that a hub that reads several
-- members tells which one refused.
CREATE FUNCTION @extschema@.federation_rollup_ready() RETURNS pg_catalog.bool
	LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	code pg_catalog.text;
	msg pg_catalog.text;
	det pg_catalog.text;
	hnt pg_catalog.text;
BEGIN
	RETURN @extschema@.request_rollup_ready();
EXCEPTION WHEN object_not_in_prerequisite_state THEN
	-- request_rollup_ready()'s one error (55000), with its detail and hint
	GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT;
	SELECT i.member_state INTO code FROM @extschema@.federation_identity i;
	RAISE EXCEPTION 'member state %: %', coalesce(code, '(not set)'), msg
		USING ERRCODE = 'object_not_in_prerequisite_state',
			  DETAIL = coalesce(nullif(det, ''), 'The rollup of the request counters of this database is not kept by its triggers.'),
			  HINT = coalesce(nullif(hnt, ''), 'As the admin of this database: SELECT migchain.rebuild_request_rollup().');
END
$$;
COMMENT ON FUNCTION @extschema@.federation_rollup_ready() IS
	'request_rollup_ready() for the federation views: true, or its error with the member state of this database in front of the message';

-- The counters: one row per year presented, kind and country, from the
-- rollup (with the view owner's rights), cells whose counts are all 0 left
-- out, as request_counts() returns them.  A plain GROUP BY over the rollup:
-- a condition on year, kind or country is applied to the rollup's rows
-- before they are summed.  The member state and the readiness of the
-- rollup are checked once per query, also when there is no row.
CREATE VIEW @extschema@.federation_counters AS
	SELECT @extschema@.federation_member_state() AS member_state,
		   @extschema@.federation_node_id() AS node_id,
		   @extschema@.federation_format() AS format,
		   r.year, r.kind, r.country,
		   pg_catalog.sum(r.pending)::pg_catalog.int8 AS pending,
		   pg_catalog.sum(r.positive)::pg_catalog.int8 AS positive,
		   pg_catalog.sum(r.negative)::pg_catalog.int8 AS negative,
		   pg_catalog.sum(r.withdrawn)::pg_catalog.int8 AS withdrawn
	  FROM @extschema@.request_rollup r
	 WHERE @extschema@.federation_rollup_ready()
	   AND @extschema@.federation_member_state() IS NOT NULL
	 GROUP BY r.year, r.kind, r.country
	HAVING pg_catalog.sum(r.pending) OPERATOR(pg_catalog.<>) 0
		OR pg_catalog.sum(r.positive) OPERATOR(pg_catalog.<>) 0
		OR pg_catalog.sum(r.negative) OPERATOR(pg_catalog.<>) 0
		OR pg_catalog.sum(r.withdrawn) OPERATOR(pg_catalog.<>) 0;
COMMENT ON VIEW @extschema@.federation_counters IS
	'what a national database serves a hub: requests per year presented, kind and country with the count of each answer, from the rollup of the request counters; counts only';
COMMENT ON COLUMN @extschema@.federation_counters.member_state IS 'the member state of this database (set_member_state())';
COMMENT ON COLUMN @extschema@.federation_counters.node_id IS 'the node id of this database (set_member_state()), in every row: the hub checks it';
COMMENT ON COLUMN @extschema@.federation_counters.format IS 'federation_format() of this database, in every row: the hub checks it';
COMMENT ON COLUMN @extschema@.federation_counters.year IS 'year presented';
COMMENT ON COLUMN @extschema@.federation_counters.kind IS 'LP or T&O';
COMMENT ON COLUMN @extschema@.federation_counters.country IS 'country of origin';
COMMENT ON COLUMN @extschema@.federation_counters.pending IS 'requests still without an answer';
COMMENT ON COLUMN @extschema@.federation_counters.positive IS 'answered positively';
COMMENT ON COLUMN @extschema@.federation_counters.negative IS 'answered negatively';
COMMENT ON COLUMN @extschema@.federation_counters.withdrawn IS 'withdrawn';

-- Distinct persons per year and kind, counted here: the pseudonymous person
-- numbers never leave the database, and a hub can only add these counts up.
CREATE VIEW @extschema@.federation_persons AS
	SELECT @extschema@.federation_member_state() AS member_state,
		   @extschema@.federation_node_id() AS node_id,
		   @extschema@.federation_format() AS format,
		   p.year, p.kind::@extschema@.request_kind AS kind, p.presented, p.persons
	  FROM @extschema@.persons() p
	 WHERE @extschema@.federation_member_state() IS NOT NULL;
COMMENT ON VIEW @extschema@.federation_persons IS
	'what a national database serves a hub: requests and distinct persons per year presented and kind, counted in this database (the person numbers never leave it)';
COMMENT ON COLUMN @extschema@.federation_persons.member_state IS 'the member state of this database (set_member_state())';
COMMENT ON COLUMN @extschema@.federation_persons.node_id IS 'the node id of this database (set_member_state()), in every row: the hub checks it';
COMMENT ON COLUMN @extschema@.federation_persons.format IS 'federation_format() of this database, in every row: the hub checks it';
COMMENT ON COLUMN @extschema@.federation_persons.year IS 'year presented';
COMMENT ON COLUMN @extschema@.federation_persons.kind IS 'LP or T&O';
COMMENT ON COLUMN @extschema@.federation_persons.presented IS 'requests presented';
COMMENT ON COLUMN @extschema@.federation_persons.persons IS 'distinct persons those requests were about, in this database';

-- One row: who this database is, what a hub checks before it attaches it
-- (also when the database has no requests yet).
CREATE VIEW @extschema@.federation_node AS
	SELECT @extschema@.federation_member_state() AS member_state,
		   @extschema@.federation_node_id() AS node_id,
		   @extschema@.federation_format() AS format,
		   (SELECT e.extversion FROM pg_catalog.pg_extension e
			 WHERE e.extname OPERATOR(pg_catalog.=) 'migchain') AS version;
COMMENT ON VIEW @extschema@.federation_node IS
	'one row: the member state, node id, federation format and migchain version of this database, which a hub checks when it attaches it';
COMMENT ON COLUMN @extschema@.federation_node.node_id IS 'the node id of this database (set_member_state()), which a hub records when it attaches it';
COMMENT ON COLUMN @extschema@.federation_node.member_state IS 'the member state of this database (set_member_state())';
COMMENT ON COLUMN @extschema@.federation_node.format IS 'federation_format() of this database';
COMMENT ON COLUMN @extschema@.federation_node.version IS 'the version of migchain installed in this database';

-- The functions the role a hub logs in as must be able to execute: those
-- the three views call (directly, behind an operator, and inside
-- SQL-standard function bodies, as analyst_functions() walks them), and the
-- comparison operators of the types of their columns, which a hub sends in
-- the conditions it pushes down (kind = 'LP').
CREATE FUNCTION @extschema@.federation_functions() RETURNS SETOF pg_catalog.regprocedure
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT u.f FROM (
	SELECT f.f
	  FROM @extschema@.functions_of_views(ARRAY['@extschema@.federation_counters'::pg_catalog.regclass,
												'@extschema@.federation_persons'::pg_catalog.regclass,
												'@extschema@.federation_node'::pg_catalog.regclass]::pg_catalog.oid[]) AS f(f)
	UNION
	-- =, <>, <, <=, >, >= of request_kind and country (the operators
	-- are in pg_catalog, their functions in migchain's schema)
	SELECT o.oprcode::pg_catalog.regprocedure
	  FROM pg_catalog.pg_operator o
	  JOIN pg_catalog.pg_proc p ON p.oid OPERATOR(pg_catalog.=) o.oprcode
	 WHERE o.oprleft IN ('@extschema@.request_kind'::pg_catalog.regtype, '@extschema@.country'::pg_catalog.regtype)
	   AND o.oprright OPERATOR(pg_catalog.=) o.oprleft
	   AND o.oprname IN ('=', '<>', '<', '<=', '>', '>=')
	   AND p.pronamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
	) AS u(f)
	 ORDER BY u.f::pg_catalog.text;
END;
COMMENT ON FUNCTION @extschema@.federation_functions() IS
	'the functions of migchain that reading federation_counters, federation_persons and federation_node needs, and the comparisons of their kind and country columns: what grant_federation grants EXECUTE on';

CREATE FUNCTION @extschema@.grant_federation(grantee pg_catalog.regrole) RETURNS pg_catalog.void
	LANGUAGE plpgsql	-- not strict: check_grantee() refuses a NULL role
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	who text := @extschema@.check_grantee(grantee);
	fn regprocedure;
BEGIN
	EXECUTE format('GRANT USAGE ON SCHEMA @extschema@ TO %s', who);
	EXECUTE format('GRANT SELECT ON TABLE @extschema@.federation_counters, @extschema@.federation_persons, @extschema@.federation_node TO %s', who);
	FOR fn IN SELECT f FROM @extschema@.federation_functions() f LOOP
		EXECUTE format('GRANT EXECUTE ON ROUTINE %s TO %s', fn, who);
	END LOOP;
END
$$;
COMMENT ON FUNCTION @extschema@.grant_federation(pg_catalog.regrole) IS
	'lets a role (the one a hub''s user mapping logs in as) read federation_counters, federation_persons and federation_node and nothing else of migchain; revoke_access() takes it back';

-- ---- The hub side -----------------------------------------------------------

-- Which foreign server holds which member state; configuration, so pg_dump
-- keeps it.  The foreign partitions federation_attach() creates are not
-- part of the extension: pg_dump dumps them (and their servers and user
-- mappings) as objects of their own.
CREATE TABLE @extschema@.federation_member (
	member_state pg_catalog.text NOT NULL,
	server_name pg_catalog.name NOT NULL,
	node_id pg_catalog.uuid NOT NULL,
	attached_at pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.now(),
	format pg_catalog.int4 NOT NULL,
	CONSTRAINT federation_member_pkey PRIMARY KEY (member_state),
	CONSTRAINT federation_member_server_name_key UNIQUE (server_name),
	CONSTRAINT federation_member_node_id_key UNIQUE (node_id),
	CONSTRAINT federation_member_member_state_check
		CHECK (member_state OPERATOR(pg_catalog.~) '^[A-Z]{2}$'
			   AND member_state::@extschema@.country::pg_catalog.text OPERATOR(pg_catalog.=) member_state)
);
COMMENT ON TABLE @extschema@.federation_member IS
	'the member states of the federation: the foreign server (postgres_fdw) of each national database; written by federation_attach() and federation_detach()';
COMMENT ON COLUMN @extschema@.federation_member.member_state IS 'ISO 3166 alpha-2 code of the member state';
COMMENT ON COLUMN @extschema@.federation_member.server_name IS 'the foreign server of its national database';
COMMENT ON COLUMN @extschema@.federation_member.node_id IS 'the node id its national database had when it was attached (federation_node): the rows of the member state must carry it';
COMMENT ON COLUMN @extschema@.federation_member.attached_at IS 'when it was attached';
COMMENT ON COLUMN @extschema@.federation_member.format IS 'the federation format it served when attached';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.federation_member', '');

-- The counters and persons of every member state: one foreign partition per
-- member state, on its server, created by federation_attach().
CREATE TABLE @extschema@.federated_counters (
	member_state pg_catalog.text NOT NULL,
	node_id pg_catalog.uuid,
	format pg_catalog.int4,
	year pg_catalog.int4,
	kind @extschema@.request_kind,
	country @extschema@.country,
	pending pg_catalog.int8,
	positive pg_catalog.int8,
	negative pg_catalog.int8,
	withdrawn pg_catalog.int8
) PARTITION BY LIST (member_state);
COMMENT ON TABLE @extschema@.federated_counters IS
	'the counters of every member state (migchain.federation_counters of its national database): one foreign partition per member state, created by federation_attach()';
CREATE TABLE @extschema@.federated_persons (
	member_state pg_catalog.text NOT NULL,
	node_id pg_catalog.uuid,
	format pg_catalog.int4,
	year pg_catalog.int4,
	kind @extschema@.request_kind,
	presented pg_catalog.int8,
	persons pg_catalog.int8
) PARTITION BY LIST (member_state);
COMMENT ON TABLE @extschema@.federated_persons IS
	'requests and distinct persons of every member state (migchain.federation_persons of its national database): one foreign partition per member state, created by federation_attach()';

-- The error for a member whose server cannot be reached: names the member
-- state and its server, with what postgres_fdw said.
CREATE FUNCTION @extschema@.federation_unreachable(server pg_catalog.name, member_state pg_catalog.text,
												   message pg_catalog.text, detail pg_catalog.text)
	RETURNS pg_catalog.void
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RAISE EXCEPTION 'member state % cannot be reached on server %', coalesce(member_state, '?'),
			coalesce(pg_catalog.quote_ident(server), '?')
		USING ERRCODE = 'sqlclient_unable_to_establish_sqlconnection',
			  DETAIL = concat_ws(': ', message, nullif(detail, '')),
			  HINT = pg_catalog.format('Start that database server, or correct the options of server %s or its user mapping; SELECT migchain.federation_detach(%L) takes the member state out of the federation.',
									   coalesce(pg_catalog.quote_ident(server), '?'), coalesce(member_state, '?'));
END
$$;
COMMENT ON FUNCTION @extschema@.federation_unreachable(pg_catalog.name, pg_catalog.text, pg_catalog.text, pg_catalog.text) IS
	'raises 08001 naming the member state and server that cannot be reached, with postgres_fdw''s message and detail';

-- The error for a member whose format is not the hub's.
CREATE FUNCTION @extschema@.federation_format_error(server pg_catalog.name, member_state pg_catalog.text,
													format pg_catalog.int4)
	RETURNS pg_catalog.void
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RAISE EXCEPTION 'member state % (server %) serves federation format %, this hub reads format %',
			member_state, coalesce(pg_catalog.quote_ident(server), '?'),
			coalesce(format::pg_catalog.text, 'NULL'), @extschema@.federation_format()
		USING ERRCODE = 'feature_not_supported',
			  HINT = 'Install the same version of migchain on the hub and on every national database (ALTER EXTENSION migchain UPDATE), or take the member state out with migchain.federation_detach().';
END
$$;
COMMENT ON FUNCTION @extschema@.federation_format_error(pg_catalog.name, pg_catalog.text, pg_catalog.int4) IS
	'raises 0A000 naming the member state, its server and both federation formats';

-- In the hub's queries, after the members' rows are aggregated (remotely):
-- true for rows of a member state that is attached, from the national
-- database attached as that member state (its node id) and of the hub's
-- format; an error naming the member state and the server otherwise.  The
-- node id tells which attached database sent rows of a member state that is
-- not its own.  VOLATILE, so that it is never sent to a member.
CREATE FUNCTION @extschema@.federation_check(member_state pg_catalog.text, node_id pg_catalog.uuid,
											 format pg_catalog.int4)
	RETURNS pg_catalog.bool
	LANGUAGE plpgsql VOLATILE	-- not strict: a NULL node id or format is an error
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	mine @extschema@.federation_member;
	sender @extschema@.federation_member;
BEGIN
	SELECT * INTO mine FROM @extschema@.federation_member m
	 WHERE m.member_state OPERATOR(pg_catalog.=) federation_check.member_state;
	SELECT * INTO sender FROM @extschema@.federation_member m
	 WHERE m.node_id OPERATOR(pg_catalog.=) federation_check.node_id;
	IF sender.member_state IS NOT NULL
	   AND sender.member_state IS DISTINCT FROM federation_check.member_state THEN
		RAISE EXCEPTION 'server % attached as member state % now says it holds member state %',
				pg_catalog.quote_ident(sender.server_name), sender.member_state, coalesce(member_state, 'NULL')
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  DETAIL = pg_catalog.format('Its national database (node %s) changed its member state after it was attached; its rows are not counted as %s%s.',
											 node_id, coalesce(member_state, 'NULL'),
											 CASE WHEN mine.member_state IS NOT NULL
												  THEN pg_catalog.format(', which server %s holds', pg_catalog.quote_ident(mine.server_name))
												  ELSE '' END),
				  HINT = pg_catalog.format('Set it back in that database (SELECT migchain.set_member_state(%L)), or take it out with SELECT migchain.federation_detach(%L).',
										   sender.member_state, sender.member_state);
	END IF;
	IF mine.member_state IS NULL THEN
		RAISE EXCEPTION 'a member''s server says it holds member state %, which is not attached',
				coalesce(member_state, 'NULL')
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  DETAIL = pg_catalog.format('Its node id, %s, is that of no member attached.', coalesce(node_id::pg_catalog.text, 'NULL')),
				  HINT = 'A partition of migchain.federated_counters or federated_persons reaches a database that federation_attach() did not attach; detach it and attach the database again.';
	END IF;
	IF node_id IS DISTINCT FROM mine.node_id THEN
		RAISE EXCEPTION 'member state % (server %) is served by another national database than the one attached',
				member_state, pg_catalog.quote_ident(mine.server_name)
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  DETAIL = pg_catalog.format('Its rows carry node id %s, the database attached had node id %s: the server now reaches another database, or that database''s identity was set anew.',
											 coalesce(node_id::pg_catalog.text, 'NULL'), mine.node_id),
				  HINT = pg_catalog.format('Point server %s back at the database attached, or SELECT migchain.federation_detach(%L) and attach the database it reaches now.',
										   pg_catalog.quote_ident(mine.server_name), member_state);
	END IF;
	IF format IS DISTINCT FROM @extschema@.federation_format() THEN
		PERFORM @extschema@.federation_format_error(mine.server_name, member_state, format);
	END IF;
	RETURN true;
END
$$;
COMMENT ON FUNCTION @extschema@.federation_check(pg_catalog.text, pg_catalog.uuid, pg_catalog.int4) IS
	'true when a member''s rows are of an attached member state, from the database attached as it (node id) and of the hub''s federation format; an error naming the member state and its server (55000: not attached, or another database; 0A000: another format) otherwise; VOLATILE, so a hub never sends it to a member';

-- The partitions of a member state: their names.
CREATE FUNCTION @extschema@.federation_partition(what pg_catalog.text, member_state pg_catalog.text)
	RETURNS pg_catalog.text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN pg_catalog.quote_ident('@extschema@') OPERATOR(pg_catalog.||) '.'
		OPERATOR(pg_catalog.||) pg_catalog.quote_ident(what OPERATOR(pg_catalog.||) '_'
			OPERATOR(pg_catalog.||) pg_catalog.lower(member_state));
COMMENT ON FUNCTION @extschema@.federation_partition(pg_catalog.text, pg_catalog.text) IS
	'the qualified name of a member state''s partition of federated_counters or federated_persons (what): migchain.federated_counters_nl';

-- Before the hub reads: every member state attached has its two partitions,
-- attached to federated_counters and federated_persons for its member state
-- and on its server; an error naming the member state and what is missing
-- otherwise, so that a member whose partitions were dropped (DROP SERVER
-- ... CASCADE, DROP FOREIGN TABLE) or detached (ALTER TABLE ... DETACH
-- PARTITION) is never silently left out of the EU totals.  Reads the hub's
-- catalog only.
CREATE FUNCTION @extschema@.federation_check_members() RETURNS pg_catalog.void
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	m record;
	what pg_catalog.text;
	part pg_catalog.text;
	rel pg_catalog.regclass;
	problem pg_catalog.text;
BEGIN
	FOR m IN SELECT f.member_state, f.server_name,
					(SELECT s.oid FROM pg_catalog.pg_foreign_server s
					  WHERE s.srvname OPERATOR(pg_catalog.=) f.server_name) AS server
			   FROM @extschema@.federation_member f ORDER BY f.member_state LOOP
		FOREACH what IN ARRAY ARRAY['federated_counters', 'federated_persons'] LOOP
			part := @extschema@.federation_partition(what, m.member_state);
			rel := pg_catalog.to_regclass(part);
			problem := CASE
				WHEN m.server IS NULL THEN
					pg_catalog.format('its server %s does not exist', pg_catalog.quote_ident(m.server_name))
				WHEN rel IS NULL THEN
					pg_catalog.format('its partition %s does not exist', part)
				WHEN NOT EXISTS (SELECT FROM pg_catalog.pg_inherits i
								  WHERE i.inhrelid OPERATOR(pg_catalog.=) rel
									AND i.inhparent OPERATOR(pg_catalog.=) pg_catalog.to_regclass('@extschema@.' OPERATOR(pg_catalog.||) what)) THEN
					pg_catalog.format('%s is not a partition of migchain.%s', part, what)
				WHEN (SELECT pg_catalog.pg_get_expr(c.relpartbound, c.oid) FROM pg_catalog.pg_class c
					   WHERE c.oid OPERATOR(pg_catalog.=) rel)
					 IS DISTINCT FROM pg_catalog.format('FOR VALUES IN (%L)', m.member_state) THEN
					pg_catalog.format('%s is not the partition of member state %s', part, m.member_state)
				WHEN (SELECT t.ftserver FROM pg_catalog.pg_foreign_table t WHERE t.ftrelid OPERATOR(pg_catalog.=) rel)
					 IS DISTINCT FROM m.server THEN
					pg_catalog.format('%s is not on its server %s', part, pg_catalog.quote_ident(m.server_name))
				END;
			IF problem IS NOT NULL THEN
				RAISE EXCEPTION 'member state % is attached, but %', m.member_state, problem
					USING ERRCODE = 'object_not_in_prerequisite_state',
						  DETAIL = 'Its counters would be left out of every figure, the EU totals included.',
						  HINT = pg_catalog.format('SELECT migchain.federation_detach(%L) takes it out of the federation; then, to count it again, SELECT migchain.federation_attach(server, %L) with its server.',
												   m.member_state, m.member_state);
			END IF;
		END LOOP;
	END LOOP;
END
$$;
COMMENT ON FUNCTION @extschema@.federation_check_members() IS
	'an error (55000) naming the first member state of federation_member whose partition of federated_counters or federated_persons is missing, detached, of another member state or on another server than its own, or whose server is gone; reads the hub''s catalog only';

CREATE FUNCTION @extschema@.federation_attach(server pg_catalog.name, member_state pg_catalog.text)
	RETURNS pg_catalog.void
	LANGUAGE plpgsql VOLATILE	-- not strict: NULLs are errors
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	code pg_catalog.text := @extschema@.member_state_code(member_state);
	srv pg_catalog.pg_foreign_server;
	wrapper pg_catalog.name;
	other pg_catalog.text;
	exts pg_catalog.text;
	probe pg_catalog.text;
	remote record;
	msg pg_catalog.text;
	det pg_catalog.text;
	owner pg_catalog.name;
BEGIN
	-- the federated_* functions read the members with the rights and user
	-- mappings of their owner, the owner of migchain: attach as that role,
	-- so that the probe below goes through the user mapping they will use
	SELECT r.rolname INTO owner FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_roles r ON r.oid OPERATOR(pg_catalog.=) e.extowner
	 WHERE e.extname OPERATOR(pg_catalog.=) 'migchain';
	IF owner IS DISTINCT FROM current_user THEN
		RAISE EXCEPTION 'only the owner of migchain may attach a member state, not %', pg_catalog.quote_ident(current_user)
			USING ERRCODE = 'insufficient_privilege',
				  DETAIL = pg_catalog.format('The federated_* functions read the members with the rights and user mappings of %s, the owner of migchain.', pg_catalog.quote_ident(owner)),
				  HINT = pg_catalog.format('Attach as %s (log in as that role, or SET ROLE %s), with a user mapping of that role on the server.', pg_catalog.quote_ident(owner), pg_catalog.quote_ident(owner));
	END IF;
	SELECT * INTO srv FROM pg_catalog.pg_foreign_server s WHERE s.srvname OPERATOR(pg_catalog.=) server;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'server % does not exist', coalesce(pg_catalog.quote_ident(server), 'NULL')
			USING ERRCODE = 'undefined_object',
				  HINT = 'Create it first: CREATE SERVER name FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host ..., port ..., dbname ...).';
	END IF;
	SELECT w.fdwname INTO wrapper FROM pg_catalog.pg_foreign_data_wrapper w
	 WHERE w.oid OPERATOR(pg_catalog.=) srv.srvfdw;
	IF wrapper OPERATOR(pg_catalog.<>) 'postgres_fdw' THEN
		RAISE EXCEPTION 'server % uses foreign-data wrapper %, not postgres_fdw', pg_catalog.quote_ident(server),
				pg_catalog.quote_ident(wrapper)
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'A member state is attached through a server of postgres_fdw (CREATE EXTENSION postgres_fdw; CREATE SERVER ... FOREIGN DATA WRAPPER postgres_fdw).';
	END IF;
	IF NOT EXISTS (SELECT FROM pg_catalog.pg_user_mappings u
					WHERE u.srvid OPERATOR(pg_catalog.=) srv.oid
					  AND (u.umuser OPERATOR(pg_catalog.=) 0
						   OR u.usename OPERATOR(pg_catalog.=) owner)) THEN
		RAISE EXCEPTION 'server % has no user mapping for the owner of migchain or PUBLIC', pg_catalog.quote_ident(server)
			USING ERRCODE = 'undefined_object',
				  DETAIL = pg_catalog.format('The federated_* functions read the members through the user mapping of %s, the owner of migchain.', pg_catalog.quote_ident(owner)),
				  HINT = pg_catalog.format('CREATE USER MAPPING FOR %s SERVER %s OPTIONS (user ''...''), with the role that migchain.grant_federation() was given to in that database.',
										   pg_catalog.quote_ident(owner), pg_catalog.quote_ident(server));
	END IF;
	SELECT m.member_state INTO other FROM @extschema@.federation_member m
	 WHERE m.server_name OPERATOR(pg_catalog.=) server;
	IF FOUND THEN
		RAISE EXCEPTION 'server % is attached already, for member state %', pg_catalog.quote_ident(server), other
			USING ERRCODE = 'duplicate_object',
				  HINT = pg_catalog.format('SELECT migchain.federation_detach(%L) first.', other);
	END IF;
	SELECT m.server_name INTO other FROM @extschema@.federation_member m
	 WHERE m.member_state OPERATOR(pg_catalog.=) code;
	IF FOUND THEN
		RAISE EXCEPTION 'member state % is attached already, on server %', code, pg_catalog.quote_ident(other)
			USING ERRCODE = 'duplicate_object',
				  HINT = pg_catalog.format('SELECT migchain.federation_detach(%L) first.', code);
	END IF;

	-- migchain's types, operators and functions may be sent to the server
	SELECT o.option_value INTO exts
	  FROM pg_catalog.pg_options_to_table(srv.srvoptions) o
	 WHERE o.option_name OPERATOR(pg_catalog.=) 'extensions';
	IF exts IS NULL THEN
		EXECUTE pg_catalog.format('ALTER SERVER %I OPTIONS (ADD extensions %L)', server, 'migchain');
	ELSIF NOT 'migchain' OPERATOR(pg_catalog.=) ANY (pg_catalog.regexp_split_to_array(pg_catalog.btrim(exts), '\s*,\s*')) THEN
		EXECUTE pg_catalog.format('ALTER SERVER %I OPTIONS (SET extensions %L)', server, exts || ',migchain');
	END IF;

	-- who the server says it is, through a foreign table of this transaction
	probe := @extschema@.federation_partition('federation_probe', code);
	EXECUTE pg_catalog.format('CREATE FOREIGN TABLE %s (member_state pg_catalog.text, node_id pg_catalog.uuid, format pg_catalog.int4, version pg_catalog.text) SERVER %I OPTIONS (schema_name %L, table_name %L)',
							  probe, server, 'migchain', 'federation_node');
	BEGIN
		EXECUTE pg_catalog.format('SELECT member_state, node_id, format, version FROM %s', probe) INTO remote;
	EXCEPTION
		WHEN sqlclient_unable_to_establish_sqlconnection OR connection_failure THEN
			GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL;
			PERFORM @extschema@.federation_unreachable(server, code, msg, det);
		WHEN undefined_table THEN
			RAISE EXCEPTION 'the database of server % has no migchain.federation_node', pg_catalog.quote_ident(server)
				USING ERRCODE = 'undefined_table',
					  DETAIL = 'It has no migchain, or a version of migchain without federation.',
					  HINT = 'Install or update migchain in that database (CREATE EXTENSION migchain; ALTER EXTENSION migchain UPDATE), or point the server at the database that has it (option dbname).';
		WHEN insufficient_privilege THEN
			GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT;
			RAISE EXCEPTION 'the user mapping of server % may not read the federation views', pg_catalog.quote_ident(server)
				USING ERRCODE = 'insufficient_privilege',
					  DETAIL = msg,
					  HINT = 'In that database, as its admin: SELECT migchain.grant_federation(''role''), for the role the user mapping logs in as.';
	END;
	EXECUTE pg_catalog.format('DROP FOREIGN TABLE %s', probe);
	IF remote.format IS DISTINCT FROM @extschema@.federation_format() THEN
		PERFORM @extschema@.federation_format_error(server, code, remote.format);
	END IF;
	IF remote.member_state IS DISTINCT FROM code THEN
		RAISE EXCEPTION 'server % holds member state %, not %', pg_catalog.quote_ident(server),
				coalesce(remote.member_state, 'NULL'), code
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = pg_catalog.format('Attach it as %s, or correct its member state in that database: SELECT migchain.set_member_state(%L).',
										   remote.member_state, code);
	END IF;
	SELECT m.member_state, m.server_name INTO other, wrapper FROM @extschema@.federation_member m
	 WHERE m.node_id OPERATOR(pg_catalog.=) remote.node_id;
	IF FOUND THEN
		RAISE EXCEPTION 'the database of server % is attached already, as member state % on server %',
				pg_catalog.quote_ident(server), other, pg_catalog.quote_ident(wrapper)
			USING ERRCODE = 'duplicate_object',
				  DETAIL = pg_catalog.format('Both servers reach databases of node id %s: the same database, or a copy restored from its dump.', remote.node_id),
				  HINT = 'Attach one of them only.  A copy that is to be a member of its own draws a new node id there: DELETE FROM migchain.federation_identity, then SELECT migchain.set_member_state(...).';
	END IF;

	EXECUTE pg_catalog.format('CREATE FOREIGN TABLE %s PARTITION OF @extschema@.federated_counters FOR VALUES IN (%L) SERVER %I OPTIONS (schema_name %L, table_name %L, async_capable %L)',
							  @extschema@.federation_partition('federated_counters', code), code, server,
							  'migchain', 'federation_counters', 'true');
	EXECUTE pg_catalog.format('CREATE FOREIGN TABLE %s PARTITION OF @extschema@.federated_persons FOR VALUES IN (%L) SERVER %I OPTIONS (schema_name %L, table_name %L, async_capable %L)',
							  @extschema@.federation_partition('federated_persons', code), code, server,
							  'migchain', 'federation_persons', 'true');
	INSERT INTO @extschema@.federation_member (member_state, server_name, node_id, format)
	VALUES (code, server, remote.node_id, remote.format);
END
$$;
COMMENT ON FUNCTION @extschema@.federation_attach(pg_catalog.name, pg_catalog.text) IS
	'attaches the national database of a foreign server (postgres_fdw, with a user mapping for the owner of migchain) as a member state: checks that it serves the hub''s federation format, says it holds that member state and is not attached already (its node id), lets migchain''s objects be sent to it, creates its partitions of federated_counters and federated_persons and records it with its node id in federation_member; for the owner of migchain';

CREATE FUNCTION @extschema@.federation_detach(member_state pg_catalog.text) RETURNS pg_catalog.void
	LANGUAGE plpgsql VOLATILE	-- not strict: member_state_code() refuses NULL
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	code pg_catalog.text := @extschema@.member_state_code(member_state);
BEGIN
	IF NOT EXISTS (SELECT FROM @extschema@.federation_member m WHERE m.member_state OPERATOR(pg_catalog.=) code) THEN
		RAISE EXCEPTION 'member state % is not attached', code
			USING ERRCODE = 'undefined_object',
				  HINT = 'The member states attached are in migchain.federation_member.';
	END IF;
	EXECUTE pg_catalog.format('DROP FOREIGN TABLE IF EXISTS %s, %s',
							  @extschema@.federation_partition('federated_counters', code),
							  @extschema@.federation_partition('federated_persons', code));
	DELETE FROM @extschema@.federation_member m WHERE m.member_state OPERATOR(pg_catalog.=) code;
END
$$;
COMMENT ON FUNCTION @extschema@.federation_detach(pg_catalog.text) IS
	'takes a member state out of the federation: drops its partitions and its row of federation_member (its server and user mapping stay); for the admin';

-- The member state of a server postgres_fdw could not reach (08001), or
-- whose connection failed during the query (08006), from postgres_fdw's
-- message when it names the server (could not connect to server "name").
CREATE FUNCTION @extschema@.federation_report_unreachable(message pg_catalog.text, detail pg_catalog.text,
														  sqlstate pg_catalog.text)
	RETURNS pg_catalog.void
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	server pg_catalog.name := pg_catalog.substring(message, 'server "(.*)"');
	member pg_catalog.text := (SELECT m.member_state FROM @extschema@.federation_member m
								WHERE m.server_name OPERATOR(pg_catalog.=) server);
BEGIN
	IF sqlstate OPERATOR(pg_catalog.=) '08001' THEN
		PERFORM @extschema@.federation_unreachable(server, member, message, detail);
	END IF;
	-- a connection lost during the query: postgres_fdw's message (libpq's)
	-- does not name the server, so the hint lists them all
	RAISE EXCEPTION 'the connection to a member state failed during the query'
		USING ERRCODE = 'connection_failure',
			  DETAIL = concat_ws(': ', message, nullif(detail, '')),
			  HINT = pg_catalog.format('postgres_fdw did not say which server; the servers of the member states are %s.  Query again; if it fails again, see to the server that does not answer.',
									   (SELECT coalesce(string_agg(m.member_state OPERATOR(pg_catalog.||) ' ' OPERATOR(pg_catalog.||) pg_catalog.quote_ident(m.server_name), ', ' ORDER BY m.member_state), 'none')
										  FROM @extschema@.federation_member m));
END
$$;
COMMENT ON FUNCTION @extschema@.federation_report_unreachable(pg_catalog.text, pg_catalog.text, pg_catalog.text) IS
	'raises federation_unreachable() (08001) for the server named in postgres_fdw''s message; for a connection lost during the query (08006), whose message names no server, an error listing the members'' servers';

-- The hub's overviews: per member state, aggregated by each member's own
-- database (partition-wise aggregation: the GROUP BY has the partition key,
-- so each partition's aggregate is sent to its server), checked on the hub
-- (federation_check), and the EU totals (member_state 'EU', never a
-- country code) summed on the hub.  Read with the rights and the user
-- mappings of the functions' owner, the admin; the period and kind are
-- constants of the query each call plans, so they are sent to the members.
CREATE FUNCTION @extschema@.federated_overview(from_year pg_catalog.int4 DEFAULT NULL,
											   to_year pg_catalog.int4 DEFAULT NULL,
											   of_kind @extschema@.request_kind DEFAULT NULL)
	RETURNS TABLE (member_state pg_catalog.text, year pg_catalog.int4, kind pg_catalog.text,
				   presented pg_catalog.int8, positive pg_catalog.int8, negative pg_catalog.int8,
				   withdrawn pg_catalog.int8, pending pg_catalog.int8)
	LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL RESTRICTED
	SET search_path = pg_catalog, pg_temp
	SET enable_partitionwise_aggregate = on
AS $$
DECLARE
	msg pg_catalog.text;
	det pg_catalog.text;
	state pg_catalog.text;
BEGIN
	PERFORM @extschema@.check_period(from_year, to_year);
	PERFORM @extschema@.federation_check_members();
	RETURN QUERY EXECUTE $q$
		WITH per_member AS MATERIALIZED (
			SELECT c.member_state, c.node_id, c.format, c.year, c.kind,
				   pg_catalog.sum(c.pending) AS pending, pg_catalog.sum(c.positive) AS positive,
				   pg_catalog.sum(c.negative) AS negative, pg_catalog.sum(c.withdrawn) AS withdrawn
			  FROM @extschema@.federated_counters c
			 WHERE ($1 IS NULL OR c.year OPERATOR(pg_catalog.>=) $1)
			   AND ($2 IS NULL OR c.year OPERATOR(pg_catalog.<=) $2)
			   AND ($3 IS NULL OR c.kind OPERATOR(pg_catalog.=) $3)
			 GROUP BY c.member_state, c.node_id, c.format, c.year, c.kind
		), checked AS MATERIALIZED (
			SELECT * FROM per_member p WHERE @extschema@.federation_check(p.member_state, p.node_id, p.format)
		), rows AS (
			SELECT c.member_state, c.year, c.kind, c.pending, c.positive, c.negative, c.withdrawn
			  FROM checked c
			UNION ALL
			SELECT 'EU', c.year, c.kind, pg_catalog.sum(c.pending), pg_catalog.sum(c.positive),
				   pg_catalog.sum(c.negative), pg_catalog.sum(c.withdrawn)
			  FROM checked c
			 GROUP BY c.year, c.kind
		)
		SELECT r.member_state, r.year, r.kind::pg_catalog.text,
			   (r.pending OPERATOR(pg_catalog.+) r.positive OPERATOR(pg_catalog.+) r.negative
				OPERATOR(pg_catalog.+) r.withdrawn)::pg_catalog.int8,
			   r.positive::pg_catalog.int8, r.negative::pg_catalog.int8,
			   r.withdrawn::pg_catalog.int8, r.pending::pg_catalog.int8
		  FROM rows r
		 ORDER BY r.year, r.kind, r.member_state OPERATOR(pg_catalog.=) 'EU', r.member_state
	$q$ USING from_year, to_year, of_kind;
EXCEPTION WHEN sqlclient_unable_to_establish_sqlconnection OR connection_failure THEN
	GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL, state = RETURNED_SQLSTATE;
	PERFORM @extschema@.federation_report_unreachable(msg, det, state);
END
$$;
COMMENT ON FUNCTION @extschema@.federated_overview(pg_catalog.int4, pg_catalog.int4, @extschema@.request_kind) IS
	'requests presented per member state, year and kind with their answers so far, and the EU totals (member_state ''EU''), for the years from_year to to_year (NULL: an open end) and a kind (of_kind, NULL: both), from the counters of the national databases';

CREATE FUNCTION @extschema@.federated_not_confirmed(of_kind @extschema@.request_kind DEFAULT NULL,
													from_year pg_catalog.int4 DEFAULT NULL,
													to_year pg_catalog.int4 DEFAULT NULL)
	RETURNS TABLE (member_state pg_catalog.text, year pg_catalog.int4, kind pg_catalog.text,
				   country_code pg_catalog.text, country_name pg_catalog.text,
				   negative pg_catalog.int8, withdrawn pg_catalog.int8,
				   not_confirmed pg_catalog.int8, presented pg_catalog.int8)
	LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL RESTRICTED
	SET search_path = pg_catalog, pg_temp
	SET enable_partitionwise_aggregate = on
AS $$
DECLARE
	msg pg_catalog.text;
	det pg_catalog.text;
	state pg_catalog.text;
BEGIN
	PERFORM @extschema@.check_period(from_year, to_year);
	PERFORM @extschema@.federation_check_members();
	RETURN QUERY EXECUTE $q$
		WITH per_member AS MATERIALIZED (
			SELECT c.member_state, c.node_id, c.format, c.year, c.kind, c.country,
				   pg_catalog.sum(c.pending) AS pending, pg_catalog.sum(c.positive) AS positive,
				   pg_catalog.sum(c.negative) AS negative, pg_catalog.sum(c.withdrawn) AS withdrawn
			  FROM @extschema@.federated_counters c
			 WHERE ($1 IS NULL OR c.year OPERATOR(pg_catalog.>=) $1)
			   AND ($2 IS NULL OR c.year OPERATOR(pg_catalog.<=) $2)
			   AND ($3 IS NULL OR c.kind OPERATOR(pg_catalog.=) $3)
			 GROUP BY c.member_state, c.node_id, c.format, c.year, c.kind, c.country
		), checked AS MATERIALIZED (
			SELECT * FROM per_member p WHERE @extschema@.federation_check(p.member_state, p.node_id, p.format)
		), rows AS (
			SELECT c.member_state, c.year, c.kind, c.country, c.pending, c.positive, c.negative, c.withdrawn
			  FROM checked c
			UNION ALL
			SELECT 'EU', c.year, c.kind, c.country, pg_catalog.sum(c.pending), pg_catalog.sum(c.positive),
				   pg_catalog.sum(c.negative), pg_catalog.sum(c.withdrawn)
			  FROM checked c
			 GROUP BY c.year, c.kind, c.country
		)
		SELECT r.member_state, r.year, r.kind::pg_catalog.text, r.country::pg_catalog.text,
			   @extschema@.name(r.country),
			   r.negative::pg_catalog.int8, r.withdrawn::pg_catalog.int8,
			   (r.negative OPERATOR(pg_catalog.+) r.withdrawn)::pg_catalog.int8,
			   (r.pending OPERATOR(pg_catalog.+) r.positive OPERATOR(pg_catalog.+) r.negative
				OPERATOR(pg_catalog.+) r.withdrawn)::pg_catalog.int8
		  FROM rows r
		 ORDER BY r.year, r.kind, r.country, r.member_state OPERATOR(pg_catalog.=) 'EU', r.member_state
	$q$ USING from_year, to_year, of_kind;
EXCEPTION WHEN sqlclient_unable_to_establish_sqlconnection OR connection_failure THEN
	GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL, state = RETURNED_SQLSTATE;
	PERFORM @extschema@.federation_report_unreachable(msg, det, state);
END
$$;
COMMENT ON FUNCTION @extschema@.federated_not_confirmed(@extschema@.request_kind, pg_catalog.int4, pg_catalog.int4) IS
	'requests per member state, year, kind and country of origin with the negative and withdrawn (not confirmed) ones, and the EU totals (member_state ''EU''), for a kind (of_kind, NULL: both) and the years from_year to to_year (NULL: an open end)';

CREATE FUNCTION @extschema@.federated_persons(from_year pg_catalog.int4 DEFAULT NULL,
											  to_year pg_catalog.int4 DEFAULT NULL,
											  of_kind @extschema@.request_kind DEFAULT NULL)
	RETURNS TABLE (member_state pg_catalog.text, year pg_catalog.int4, kind pg_catalog.text,
				   presented pg_catalog.int8, persons pg_catalog.int8)
	LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL RESTRICTED
	SET search_path = pg_catalog, pg_temp
	SET enable_partitionwise_aggregate = on
AS $$
DECLARE
	msg pg_catalog.text;
	det pg_catalog.text;
	state pg_catalog.text;
BEGIN
	PERFORM @extschema@.check_period(from_year, to_year);
	PERFORM @extschema@.federation_check_members();
	RETURN QUERY EXECUTE $q$
		WITH per_member AS MATERIALIZED (
			SELECT p.member_state, p.node_id, p.format, p.year, p.kind,
				   pg_catalog.sum(p.presented) AS presented, pg_catalog.sum(p.persons) AS persons
			  FROM @extschema@.federated_persons p
			 WHERE ($1 IS NULL OR p.year OPERATOR(pg_catalog.>=) $1)
			   AND ($2 IS NULL OR p.year OPERATOR(pg_catalog.<=) $2)
			   AND ($3 IS NULL OR p.kind OPERATOR(pg_catalog.=) $3)
			 GROUP BY p.member_state, p.node_id, p.format, p.year, p.kind
		), checked AS MATERIALIZED (
			SELECT * FROM per_member p WHERE @extschema@.federation_check(p.member_state, p.node_id, p.format)
		), rows AS (
			SELECT c.member_state, c.year, c.kind, c.presented, c.persons
			  FROM checked c
			UNION ALL
			SELECT 'EU', c.year, c.kind, pg_catalog.sum(c.presented), pg_catalog.sum(c.persons)
			  FROM checked c
			 GROUP BY c.year, c.kind
		)
		SELECT r.member_state, r.year, r.kind::pg_catalog.text,
			   r.presented::pg_catalog.int8, r.persons::pg_catalog.int8
		  FROM rows r
		 ORDER BY r.year, r.kind, r.member_state OPERATOR(pg_catalog.=) 'EU', r.member_state
	$q$ USING from_year, to_year, of_kind;
EXCEPTION WHEN sqlclient_unable_to_establish_sqlconnection OR connection_failure THEN
	GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL, state = RETURNED_SQLSTATE;
	PERFORM @extschema@.federation_report_unreachable(msg, det, state);
END
$$;
COMMENT ON FUNCTION @extschema@.federated_persons(pg_catalog.int4, pg_catalog.int4, @extschema@.request_kind) IS
	'requests and distinct persons per member state, year and kind as each national database counts them, and their sums (member_state ''EU''; not distinct EU persons), for the years from_year to to_year (NULL: an open end) and a kind (of_kind, NULL: both)';

-- The views for BI tools on a hub: plain types, every view and column
-- commented; the functions above over the whole history.
CREATE VIEW migchain_bi.federated_overview_by_year AS
	SELECT o.member_state, o.year, o.kind, o.presented, o.positive, o.negative, o.withdrawn, o.pending
	  FROM @extschema@.federated_overview() o;
COMMENT ON VIEW migchain_bi.federated_overview_by_year IS
	'LP and T&O requests per member state and year presented with the answers received so far, as overview_by_year in each national database, and the EU totals in the rows of member_state ''EU'' (leave them out when adding up the member states)';
COMMENT ON COLUMN migchain_bi.federated_overview_by_year.member_state IS
	'member state (ISO 3166 alpha-2) whose national database counted the requests; EU: the sum of all member states';
COMMENT ON COLUMN migchain_bi.federated_overview_by_year.year IS 'year the requests were presented (bekend gesteld)';
COMMENT ON COLUMN migchain_bi.federated_overview_by_year.kind IS 'LP (laissez-passer) or T&O (terugname en overname)';
COMMENT ON COLUMN migchain_bi.federated_overview_by_year.presented IS 'requests presented (bekend gesteld) that year';
COMMENT ON COLUMN migchain_bi.federated_overview_by_year.positive IS 'of which answered positively: nationality confirmed';
COMMENT ON COLUMN migchain_bi.federated_overview_by_year.negative IS 'of which answered negatively: nationality not confirmed';
COMMENT ON COLUMN migchain_bi.federated_overview_by_year.withdrawn IS 'of which withdrawn: no answer obtained (ingetrokken)';
COMMENT ON COLUMN migchain_bi.federated_overview_by_year.pending IS 'of which still without an answer';

CREATE VIEW migchain_bi.federated_not_confirmed_by_country AS
	SELECT n.member_state, n.year, n.kind, n.country_code, n.country_name, n.negative, n.withdrawn,
		   n.not_confirmed, n.presented
	  FROM @extschema@.federated_not_confirmed() n;
COMMENT ON VIEW migchain_bi.federated_not_confirmed_by_country IS
	'requests per member state, year presented, kind and country of origin with those not confirmed (negative + withdrawn), and the EU totals in the rows of member_state ''EU''; whether a country had a process is national (its routes) and is not shown';
COMMENT ON COLUMN migchain_bi.federated_not_confirmed_by_country.member_state IS
	'member state (ISO 3166 alpha-2) whose national database counted the requests; EU: the sum of all member states';
COMMENT ON COLUMN migchain_bi.federated_not_confirmed_by_country.year IS 'year the requests were presented';
COMMENT ON COLUMN migchain_bi.federated_not_confirmed_by_country.kind IS 'LP or T&O';
COMMENT ON COLUMN migchain_bi.federated_not_confirmed_by_country.country_code IS 'country of origin, ISO 3166 code';
COMMENT ON COLUMN migchain_bi.federated_not_confirmed_by_country.country_name IS
	'name of the country in the language of migchain.language (on the hub)';
COMMENT ON COLUMN migchain_bi.federated_not_confirmed_by_country.negative IS 'answered negatively';
COMMENT ON COLUMN migchain_bi.federated_not_confirmed_by_country.withdrawn IS 'withdrawn, no answer obtained';
COMMENT ON COLUMN migchain_bi.federated_not_confirmed_by_country.not_confirmed IS 'negative + withdrawn';
COMMENT ON COLUMN migchain_bi.federated_not_confirmed_by_country.presented IS 'all requests presented';

CREATE VIEW migchain_bi.federated_persons_by_year AS
	SELECT p.member_state, p.year, p.kind, p.presented, p.persons
	  FROM @extschema@.federated_persons() p;
COMMENT ON VIEW migchain_bi.federated_persons_by_year IS
	'requests and distinct persons per member state, year presented and kind, each counted by its national database, and their sums in the rows of member_state ''EU''';
COMMENT ON COLUMN migchain_bi.federated_persons_by_year.member_state IS
	'member state (ISO 3166 alpha-2) whose national database counted them; EU: the sum of all member states';
COMMENT ON COLUMN migchain_bi.federated_persons_by_year.year IS 'year the requests were presented';
COMMENT ON COLUMN migchain_bi.federated_persons_by_year.kind IS 'LP or T&O';
COMMENT ON COLUMN migchain_bi.federated_persons_by_year.presented IS 'requests presented';
COMMENT ON COLUMN migchain_bi.federated_persons_by_year.persons IS
	'distinct persons in the national database; in the EU rows the sum of the national counts, NOT distinct persons in the EU: person numbers are pseudonymous per database, so one person presented by two member states counts twice';

-- ---- Access -----------------------------------------------------------------
-- Not for PUBLIC:
--   set_member_state, grant_federation, federation_attach, federation_detach
--                  for the admin;
--   federated_overview, federated_not_confirmed, federated_persons  read
--                  the members' counters with the owner's rights and user
--                  mappings: for the roles given analyst access (the views of
--                  migchain_bi call them, so grant_analyst grants them).
-- federation_member_state() and federation_node_id() return the identity
-- only, federation_rollup_ready() the readiness of the rollup,
-- federation_check and the error functions raise, federation_functions()
-- and federation_check_members() read the catalog: PUBLIC keeps them.  The national views are for the role given
-- grant_federation (their schema is not PUBLIC's).
REVOKE EXECUTE ON FUNCTION @extschema@.set_member_state(pg_catalog.text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.grant_federation(pg_catalog.regrole) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.federation_attach(pg_catalog.name, pg_catalog.text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.federation_detach(pg_catalog.text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.federated_overview(pg_catalog.int4, pg_catalog.int4,
	@extschema@.request_kind) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.federated_not_confirmed(@extschema@.request_kind,
	pg_catalog.int4, pg_catalog.int4) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.federated_persons(pg_catalog.int4, pg_catalog.int4,
	@extschema@.request_kind) FROM PUBLIC;

-- ==== end of federation ====

-- ==== The rights of the roles on what is new ====

-- The roles given loader or analyst rights under 0.1.0 get the same on
-- what this version adds: a role granted INSERT on the requests itself may
-- read, insert into and update the new tables of loader_tables() and use
-- their sequences (grant_loader); a role granted SELECT on overview_by_year
-- itself reads the new views and executes the functions they need
-- (grant_analyst).  Rights a role has through membership in another role
-- (pg_write_all_data, ...) come with that role.
DO $$
DECLARE
	who pg_catalog.text;
	saved pg_catalog.pg_init_privs[];
BEGIN
	-- GRANT in an extension's script is recorded as the extension's initial
	-- privileges, which pg_dump leaves out: they are put back as they were
	-- (those of a fresh install) below, so the roles' rights stay theirs.
	SELECT pg_catalog.array_agg(i) INTO saved FROM pg_catalog.pg_init_privs i;
	FOR who IN
		SELECT DISTINCT a.grantee::pg_catalog.regrole::pg_catalog.text
		  FROM pg_catalog.pg_class c
		 CROSS JOIN LATERAL pg_catalog.aclexplode(c.relacl) a
		 WHERE c.oid OPERATOR(pg_catalog.=) '@extschema@.request'::pg_catalog.regclass
		   AND a.privilege_type OPERATOR(pg_catalog.=) 'INSERT'
		   AND a.grantee OPERATOR(pg_catalog.<>) 0
		   AND a.grantee OPERATOR(pg_catalog.<>) c.relowner
	LOOP
		EXECUTE pg_catalog.format('SELECT @extschema@.grant_loader(%L)', who);
	END LOOP;
	FOR who IN
		SELECT DISTINCT a.grantee::pg_catalog.regrole::pg_catalog.text
		  FROM pg_catalog.pg_class c
		 CROSS JOIN LATERAL pg_catalog.aclexplode(c.relacl) a
		 WHERE c.oid OPERATOR(pg_catalog.=) 'migchain_bi.overview_by_year'::pg_catalog.regclass
		   AND a.privilege_type OPERATOR(pg_catalog.=) 'SELECT'
		   AND a.grantee OPERATOR(pg_catalog.<>) 0
		   AND a.grantee OPERATOR(pg_catalog.<>) c.relowner
	LOOP
		EXECUTE pg_catalog.format('SELECT @extschema@.grant_analyst(%L)', who);
	END LOOP;
	DELETE FROM pg_catalog.pg_init_privs i
	 WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.unnest(saved) s
						WHERE s.objoid OPERATOR(pg_catalog.=) i.objoid
						  AND s.classoid OPERATOR(pg_catalog.=) i.classoid
						  AND s.objsubid OPERATOR(pg_catalog.=) i.objsubid
						  AND s.privtype OPERATOR(pg_catalog.=) i.privtype
						  AND s.initprivs OPERATOR(pg_catalog.=) i.initprivs);
	INSERT INTO pg_catalog.pg_init_privs
	SELECT s.* FROM pg_catalog.unnest(saved) s
	 WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_init_privs i
						WHERE s.objoid OPERATOR(pg_catalog.=) i.objoid
						  AND s.classoid OPERATOR(pg_catalog.=) i.classoid
						  AND s.objsubid OPERATOR(pg_catalog.=) i.objsubid);
END
$$;
