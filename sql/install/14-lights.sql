-- lights: counts of cases per condition and light (green, red, unknown) and
-- of the returnable cases, with the aggregates light_counts(conditions) and
-- sum(lights).  Text form like 'cases=10, returnable=2, removable=8/1/1,
-- country_cooperates=5/3/2, identity_established=6/0/4, available=9/1/0,
-- person_cooperates=4/4/2' (green/red/unknown); see src/lights_parse.h.
-- Equality and hashing but no order: counts of seventeen kinds have no
-- order an analyst would sort by, and GROUP BY, DISTINCT and = need only
-- the hash class.

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
