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

-- person_cube: requests and distinct persons per year and kind in one pass,
-- into a hash table of (person, year, kind), in parallel; persons() counts
-- with it instead of a GROUP BY (its rights and comment stay as they were).
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
CREATE FUNCTION @extschema@.person_cube_final(pg_catalog.internal) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME', 'person_cube_final'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	-- not strict: no rows give an empty cube
COMMENT ON FUNCTION @extschema@.person_cube_final(pg_catalog.internal) IS
	'final function of person_cube: the counts in the person cube wire format';

CREATE AGGREGATE @extschema@.person_cube(@extschema@.request_kind, @extschema@.country,
										 pg_catalog.int8, pg_catalog.date) (
	SFUNC = @extschema@.person_cube_trans,
	STYPE = pg_catalog.internal,
	FINALFUNC = @extschema@.person_cube_final,
	COMBINEFUNC = @extschema@.person_cube_combine,
	SERIALFUNC = @extschema@.person_cube_serial,
	DESERIALFUNC = @extschema@.person_cube_deserial,
	SSPACE = 32768,	-- the counters and a first table of 1024 entries; 16 bytes more per person, year and kind
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.person_cube(@extschema@.request_kind, @extschema@.country, pg_catalog.int8, pg_catalog.date) IS
	'requests, distinct persons and persons presented to several countries per year presented and kind, in one pass (unpack with person_cube_by_year)';

CREATE FUNCTION @extschema@.person_cube_by_year(cube pg_catalog.bytea,
	OUT year pg_catalog.int4, OUT kind pg_catalog.text, OUT presented pg_catalog.int8,
	OUT persons pg_catalog.int8, OUT persons_several_countries pg_catalog.int8)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'person_cube_by_year'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.person_cube_by_year(pg_catalog.bytea) IS
	'the requests, distinct persons and persons presented to several countries of every year and kind of a person cube';

CREATE OR REPLACE FUNCTION @extschema@.persons(from_year pg_catalog.int4 DEFAULT NULL,
								   to_year pg_catalog.int4 DEFAULT NULL)
	RETURNS TABLE (year pg_catalog.int4, kind pg_catalog.text, presented pg_catalog.int8,
				   persons pg_catalog.int8, persons_several_countries pg_catalog.int8)
	LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL RESTRICTED
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	query pg_catalog.text := 'SELECT @extschema@.person_cube(r.kind, r.country, r.person_id, r.presented_on)'
		' FROM @extschema@.request r WHERE true';
BEGIN
	PERFORM @extschema@.check_period(from_year, to_year);
	IF from_year IS NOT NULL THEN
		query := query || format(' AND r.presented_on >= pg_catalog.make_date(%s, 1, 1)', from_year);
	END IF;
	IF to_year IS NOT NULL THEN
		query := query || format(' AND r.presented_on < pg_catalog.make_date(%s, 1, 1)', to_year + 1);
	END IF;
	RETURN QUERY EXECUTE
		'SELECT p.year, p.kind, p.presented, p.persons, p.persons_several_countries'
		'  FROM (' || query || ') c(cube)'
		' CROSS JOIN LATERAL @extschema@.person_cube_by_year(c.cube) p';
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
