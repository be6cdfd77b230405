-- The type country: a country of origin by its ISO 3166 code (src/country.c).

CREATE TYPE @extschema@.country;

CREATE FUNCTION @extschema@.country_in(pg_catalog.cstring) RETURNS @extschema@.country
	AS 'MODULE_PATHNAME', 'country_in'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_in(pg_catalog.cstring) IS
	'text input of country: an ISO 3166 alpha-2, alpha-3 or numeric code, or an English or Dutch name';

CREATE FUNCTION @extschema@.country_out(@extschema@.country) RETURNS pg_catalog.cstring
	AS 'MODULE_PATHNAME', 'country_out'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_out(@extschema@.country) IS
	'text output of country: the alpha-2 code (XXA, XXX, or the ISO 3166-3 alpha-4 code of a former country)';

CREATE FUNCTION @extschema@.country_recv(pg_catalog.internal) RETURNS @extschema@.country
	AS 'MODULE_PATHNAME', 'country_recv'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_recv(pg_catalog.internal) IS
	'binary input of country: the two-byte code, big-endian';

CREATE FUNCTION @extschema@.country_send(@extschema@.country) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME', 'country_send'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_send(@extschema@.country) IS
	'binary output of country: the two-byte code, big-endian';

CREATE TYPE @extschema@.country (
	INPUT = @extschema@.country_in,
	OUTPUT = @extschema@.country_out,
	RECEIVE = @extschema@.country_recv,
	SEND = @extschema@.country_send,
	INTERNALLENGTH = 2,
	ALIGNMENT = int2,
	PASSEDBYVALUE,
	STORAGE = plain
);
COMMENT ON TYPE @extschema@.country IS
	'country of origin: ISO 3166-1 with Dutch and English names, XK (Kosovo), XXA (stateless), XXX (unknown) and the former countries of ISO 3166-3';

-- Comparison, by the stored code (see docs/types.md).  The operators and
-- hashing are PostgreSQL's own functions for int2, the stored code's type:
-- for every value they give exactly the results of the C functions that
-- 0.1.0 declared, their hash values included, so hash indexes and hash
-- partitions keep their hashes.  The C functions stay in the library for
-- 0.1.0's install script.  country_cmp stays in C: btint2cmp returns the
-- difference of the codes, not -1, 0 or 1.

CREATE FUNCTION @extschema@.country_lt(@extschema@.country, @extschema@.country) RETURNS pg_catalog.bool
	AS 'int2lt'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_lt(@extschema@.country, @extschema@.country) IS
	'country less than (by stored code)';

CREATE FUNCTION @extschema@.country_le(@extschema@.country, @extschema@.country) RETURNS pg_catalog.bool
	AS 'int2le'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_le(@extschema@.country, @extschema@.country) IS
	'country less than or equal (by stored code)';

CREATE FUNCTION @extschema@.country_eq(@extschema@.country, @extschema@.country) RETURNS pg_catalog.bool
	AS 'int2eq'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_eq(@extschema@.country, @extschema@.country) IS
	'country equal';

CREATE FUNCTION @extschema@.country_ne(@extschema@.country, @extschema@.country) RETURNS pg_catalog.bool
	AS 'int2ne'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_ne(@extschema@.country, @extschema@.country) IS
	'country not equal';

CREATE FUNCTION @extschema@.country_ge(@extschema@.country, @extschema@.country) RETURNS pg_catalog.bool
	AS 'int2ge'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_ge(@extschema@.country, @extschema@.country) IS
	'country greater than or equal (by stored code)';

CREATE FUNCTION @extschema@.country_gt(@extschema@.country, @extschema@.country) RETURNS pg_catalog.bool
	AS 'int2gt'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_gt(@extschema@.country, @extschema@.country) IS
	'country greater than (by stored code)';

CREATE FUNCTION @extschema@.country_cmp(@extschema@.country, @extschema@.country) RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'country_cmp'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_cmp(@extschema@.country, @extschema@.country) IS
	'btree support for country: -1, 0 or 1 by stored code';

CREATE FUNCTION @extschema@.country_hash(@extschema@.country) RETURNS pg_catalog.int4
	AS 'hashint2'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_hash(@extschema@.country) IS
	'hash support for country';

CREATE FUNCTION @extschema@.country_hash_extended(@extschema@.country, pg_catalog.int8) RETURNS pg_catalog.int8
	AS 'hashint2extended'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_hash_extended(@extschema@.country, pg_catalog.int8) IS
	'hash support for country, with a seed';

CREATE OPERATOR pg_catalog.< (
	LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country,
	FUNCTION = @extschema@.country_lt,
	COMMUTATOR = OPERATOR(pg_catalog.>), NEGATOR = OPERATOR(pg_catalog.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
COMMENT ON OPERATOR pg_catalog.< (@extschema@.country, @extschema@.country) IS
	'country less than (by stored code)';

CREATE OPERATOR pg_catalog.<= (
	LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country,
	FUNCTION = @extschema@.country_le,
	COMMUTATOR = OPERATOR(pg_catalog.>=), NEGATOR = OPERATOR(pg_catalog.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
COMMENT ON OPERATOR pg_catalog.<= (@extschema@.country, @extschema@.country) IS
	'country less than or equal (by stored code)';

CREATE OPERATOR pg_catalog.= (
	LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country,
	FUNCTION = @extschema@.country_eq,
	COMMUTATOR = OPERATOR(pg_catalog.=), NEGATOR = OPERATOR(pg_catalog.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES, MERGES
);
COMMENT ON OPERATOR pg_catalog.= (@extschema@.country, @extschema@.country) IS
	'country equal';

CREATE OPERATOR pg_catalog.<> (
	LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country,
	FUNCTION = @extschema@.country_ne,
	COMMUTATOR = OPERATOR(pg_catalog.<>), NEGATOR = OPERATOR(pg_catalog.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR pg_catalog.<> (@extschema@.country, @extschema@.country) IS
	'country not equal';

CREATE OPERATOR pg_catalog.>= (
	LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country,
	FUNCTION = @extschema@.country_ge,
	COMMUTATOR = OPERATOR(pg_catalog.<=), NEGATOR = OPERATOR(pg_catalog.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
COMMENT ON OPERATOR pg_catalog.>= (@extschema@.country, @extschema@.country) IS
	'country greater than or equal (by stored code)';

CREATE OPERATOR pg_catalog.> (
	LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country,
	FUNCTION = @extschema@.country_gt,
	COMMUTATOR = OPERATOR(pg_catalog.<), NEGATOR = OPERATOR(pg_catalog.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
COMMENT ON OPERATOR pg_catalog.> (@extschema@.country, @extschema@.country) IS
	'country greater than (by stored code)';

CREATE OPERATOR CLASS @extschema@.country_ops
	DEFAULT FOR TYPE @extschema@.country USING btree AS
	OPERATOR 1 pg_catalog.<,
	OPERATOR 2 pg_catalog.<=,
	OPERATOR 3 pg_catalog.=,
	OPERATOR 4 pg_catalog.>=,
	OPERATOR 5 pg_catalog.>,
	FUNCTION 1 @extschema@.country_cmp(@extschema@.country, @extschema@.country);
COMMENT ON OPERATOR CLASS @extschema@.country_ops USING btree IS
	'btree operator class for country, ordered by stored code';

CREATE OPERATOR CLASS @extschema@.country_ops
	DEFAULT FOR TYPE @extschema@.country USING hash AS
	OPERATOR 1 pg_catalog.=,
	FUNCTION 1 @extschema@.country_hash(@extschema@.country),
	FUNCTION 2 @extschema@.country_hash_extended(@extschema@.country, pg_catalog.int8);
COMMENT ON OPERATOR CLASS @extschema@.country_ops USING hash IS
	'hash operator class for country';

CREATE FUNCTION @extschema@.country_smaller(@extschema@.country, @extschema@.country) RETURNS @extschema@.country
	AS 'MODULE_PATHNAME', 'country_smaller'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_smaller(@extschema@.country, @extschema@.country) IS
	'the smaller of two countries (by stored code), for min(country)';

CREATE FUNCTION @extschema@.country_larger(@extschema@.country, @extschema@.country) RETURNS @extschema@.country
	AS 'MODULE_PATHNAME', 'country_larger'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_larger(@extschema@.country, @extschema@.country) IS
	'the larger of two countries (by stored code), for max(country)';

CREATE AGGREGATE @extschema@.min(@extschema@.country) (
	SFUNC = @extschema@.country_smaller,
	STYPE = @extschema@.country,
	COMBINEFUNC = @extschema@.country_smaller,
	SORTOP = OPERATOR(pg_catalog.<),
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.min(@extschema@.country) IS
	'the first country in the order of the type';

CREATE AGGREGATE @extschema@.max(@extschema@.country) (
	SFUNC = @extschema@.country_larger,
	STYPE = @extschema@.country,
	COMBINEFUNC = @extschema@.country_larger,
	SORTOP = OPERATOR(pg_catalog.>),
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.max(@extschema@.country) IS
	'the last country in the order of the type';

-- Casts through the text forms.
CREATE CAST (@extschema@.country AS pg_catalog.text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (@extschema@.country AS pg_catalog.text) IS
	'country to its text form (alpha-2 code)';
CREATE CAST (pg_catalog.text AS @extschema@.country) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.text AS @extschema@.country) IS
	'text to country: any accepted code or name';
CREATE CAST (pg_catalog.varchar AS @extschema@.country) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.varchar AS @extschema@.country) IS
	'varchar to country: any accepted code or name';

-- Codes and names.

CREATE FUNCTION @extschema@.name(@extschema@.country, pg_catalog.text) RETURNS pg_catalog.text
	AS 'MODULE_PATHNAME', 'country_name_in'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.name(@extschema@.country, pg_catalog.text) IS
	'name of a country in a language: nl (Dutch) or en (English)';

-- STABLE, not IMMUTABLE: the language follows the setting migchain.language.
CREATE FUNCTION @extschema@.name(@extschema@.country) RETURNS pg_catalog.text
	AS 'MODULE_PATHNAME', 'country_name'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.name(@extschema@.country) IS
	'name of a country in the language of migchain.language';

CREATE FUNCTION @extschema@.alpha3(@extschema@.country) RETURNS pg_catalog.text
	AS 'MODULE_PATHNAME', 'country_alpha3'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.alpha3(@extschema@.country) IS
	'ISO 3166 alpha-3 code of a country (XKX for Kosovo, XXA stateless, XXX unknown)';

CREATE FUNCTION @extschema@.numeric_code(@extschema@.country) RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'country_numeric_code'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.numeric_code(@extschema@.country) IS
	'ISO 3166 numeric code of a country; NULL where there is none (XK, XXA, XXX, some former countries)';

CREATE FUNCTION @extschema@.is_current(@extschema@.country) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'country_is_current'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_current(@extschema@.country) IS
	'false for a former country of ISO 3166-3, true otherwise (also for XK, XXA and XXX)';

CREATE FUNCTION @extschema@.countries(
		OUT code @extschema@.country, OUT alpha3 pg_catalog.text,
		OUT numeric_code pg_catalog.int4, OUT name_en pg_catalog.text,
		OUT name_nl pg_catalog.text, OUT is_current pg_catalog.bool)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'country_countries'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	ROWS 300;
COMMENT ON FUNCTION @extschema@.countries() IS
	'every country migchain.country knows, current and former, in the order of the type';
