-- conditions: the five traffic lights ("stoplichten") that must all be green
-- before a return can happen, 1 removable, 2 country_cooperates,
-- 3 identity_established, 4 available, 5 person_cooperates; each green, red
-- or unknown.  Text form like 'GGR?G'; stored as an int16 with two bits per
-- light (see src/conditions_parse.h), ordered by condition 1 first, each
-- light as unknown < green < red, which is the byte order of the text form.

CREATE TYPE @extschema@.conditions;

CREATE FUNCTION @extschema@.conditions_in(pg_catalog.cstring) RETURNS @extschema@.conditions
	AS 'MODULE_PATHNAME', 'conditions_in'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.conditions_in(pg_catalog.cstring) IS
	'text input of conditions: five lights G (green), R (red) or ? (unknown), e.g. GGR?G';

CREATE FUNCTION @extschema@.conditions_out(@extschema@.conditions) RETURNS pg_catalog.cstring
	AS 'MODULE_PATHNAME', 'conditions_out'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.conditions_out(@extschema@.conditions) IS
	'text output of conditions: five characters G, R or ?';

CREATE FUNCTION @extschema@.conditions_recv(pg_catalog.internal) RETURNS @extschema@.conditions
	AS 'MODULE_PATHNAME', 'conditions_recv'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.conditions_recv(pg_catalog.internal) IS
	'binary input of conditions: int16, network byte order, two bits per light';

CREATE FUNCTION @extschema@.conditions_send(@extschema@.conditions) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME', 'conditions_send'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.conditions_send(@extschema@.conditions) IS
	'binary output of conditions: int16, network byte order, two bits per light';

CREATE TYPE @extschema@.conditions (
	INPUT = @extschema@.conditions_in,
	OUTPUT = @extschema@.conditions_out,
	RECEIVE = @extschema@.conditions_recv,
	SEND = @extschema@.conditions_send,
	INTERNALLENGTH = 2,
	ALIGNMENT = int2,
	PASSEDBYVALUE,
	STORAGE = plain
);
COMMENT ON TYPE @extschema@.conditions IS
	'the five traffic lights before a return (removable, country_cooperates, identity_established, available, person_cooperates), each G green, R red or ? unknown, e.g. GGR?G';

-- Comparison.  The operators and hashing are PostgreSQL's own functions for
-- int2, the stored value's type: for every value they give exactly the
-- results of the C functions that 0.1.0 declared, their hash values
-- included, so hash indexes and hash partitions keep their hashes.  The C
-- functions stay in the library for 0.1.0's install script.  conditions_cmp
-- stays in C: btint2cmp returns the difference of the values, not -1, 0 or 1.

CREATE FUNCTION @extschema@.conditions_lt(@extschema@.conditions, @extschema@.conditions) RETURNS pg_catalog.bool
	AS 'int2lt'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.conditions_lt(@extschema@.conditions, @extschema@.conditions) IS
	'implementation of < for conditions';

CREATE FUNCTION @extschema@.conditions_le(@extschema@.conditions, @extschema@.conditions) RETURNS pg_catalog.bool
	AS 'int2le'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.conditions_le(@extschema@.conditions, @extschema@.conditions) IS
	'implementation of <= for conditions';

CREATE FUNCTION @extschema@.conditions_eq(@extschema@.conditions, @extschema@.conditions) RETURNS pg_catalog.bool
	AS 'int2eq'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.conditions_eq(@extschema@.conditions, @extschema@.conditions) IS
	'implementation of = for conditions';

CREATE FUNCTION @extschema@.conditions_ne(@extschema@.conditions, @extschema@.conditions) RETURNS pg_catalog.bool
	AS 'int2ne'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.conditions_ne(@extschema@.conditions, @extschema@.conditions) IS
	'implementation of <> for conditions';

CREATE FUNCTION @extschema@.conditions_ge(@extschema@.conditions, @extschema@.conditions) RETURNS pg_catalog.bool
	AS 'int2ge'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.conditions_ge(@extschema@.conditions, @extschema@.conditions) IS
	'implementation of >= for conditions';

CREATE FUNCTION @extschema@.conditions_gt(@extschema@.conditions, @extschema@.conditions) RETURNS pg_catalog.bool
	AS 'int2gt'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.conditions_gt(@extschema@.conditions, @extschema@.conditions) IS
	'implementation of > for conditions';

CREATE FUNCTION @extschema@.conditions_cmp(@extschema@.conditions, @extschema@.conditions) RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'conditions_cmp'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.conditions_cmp(@extschema@.conditions, @extschema@.conditions) IS
	'btree support for conditions: -1, 0 or 1 (condition 1 first, unknown < green < red)';

CREATE FUNCTION @extschema@.conditions_hash(@extschema@.conditions) RETURNS pg_catalog.int4
	AS 'hashint2'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.conditions_hash(@extschema@.conditions) IS
	'hash support for conditions';

CREATE FUNCTION @extschema@.conditions_hash_extended(@extschema@.conditions, pg_catalog.int8) RETURNS pg_catalog.int8
	AS 'hashint2extended'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.conditions_hash_extended(@extschema@.conditions, pg_catalog.int8) IS
	'hash support for conditions: 64-bit hash with a seed';

CREATE OPERATOR pg_catalog.< (
	LEFTARG = @extschema@.conditions, RIGHTARG = @extschema@.conditions,
	FUNCTION = @extschema@.conditions_lt,
	COMMUTATOR = OPERATOR(pg_catalog.>), NEGATOR = OPERATOR(pg_catalog.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
COMMENT ON OPERATOR pg_catalog.< (@extschema@.conditions, @extschema@.conditions) IS
	'less than (condition 1 first, unknown < green < red)';

CREATE OPERATOR pg_catalog.<= (
	LEFTARG = @extschema@.conditions, RIGHTARG = @extschema@.conditions,
	FUNCTION = @extschema@.conditions_le,
	COMMUTATOR = OPERATOR(pg_catalog.>=), NEGATOR = OPERATOR(pg_catalog.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
COMMENT ON OPERATOR pg_catalog.<= (@extschema@.conditions, @extschema@.conditions) IS
	'less than or equal (condition 1 first, unknown < green < red)';

CREATE OPERATOR pg_catalog.= (
	LEFTARG = @extschema@.conditions, RIGHTARG = @extschema@.conditions,
	FUNCTION = @extschema@.conditions_eq,
	COMMUTATOR = OPERATOR(pg_catalog.=), NEGATOR = OPERATOR(pg_catalog.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES, MERGES
);
COMMENT ON OPERATOR pg_catalog.= (@extschema@.conditions, @extschema@.conditions) IS
	'equal: all five lights the same';

CREATE OPERATOR pg_catalog.<> (
	LEFTARG = @extschema@.conditions, RIGHTARG = @extschema@.conditions,
	FUNCTION = @extschema@.conditions_ne,
	COMMUTATOR = OPERATOR(pg_catalog.<>), NEGATOR = OPERATOR(pg_catalog.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR pg_catalog.<> (@extschema@.conditions, @extschema@.conditions) IS
	'not equal: some light differs';

CREATE OPERATOR pg_catalog.>= (
	LEFTARG = @extschema@.conditions, RIGHTARG = @extschema@.conditions,
	FUNCTION = @extschema@.conditions_ge,
	COMMUTATOR = OPERATOR(pg_catalog.<=), NEGATOR = OPERATOR(pg_catalog.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
COMMENT ON OPERATOR pg_catalog.>= (@extschema@.conditions, @extschema@.conditions) IS
	'greater than or equal (condition 1 first, unknown < green < red)';

CREATE OPERATOR pg_catalog.> (
	LEFTARG = @extschema@.conditions, RIGHTARG = @extschema@.conditions,
	FUNCTION = @extschema@.conditions_gt,
	COMMUTATOR = OPERATOR(pg_catalog.<), NEGATOR = OPERATOR(pg_catalog.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
COMMENT ON OPERATOR pg_catalog.> (@extschema@.conditions, @extschema@.conditions) IS
	'greater than (condition 1 first, unknown < green < red)';

CREATE OPERATOR CLASS @extschema@.conditions_ops
	DEFAULT FOR TYPE @extschema@.conditions USING btree AS
	OPERATOR 1 pg_catalog.< ,
	OPERATOR 2 pg_catalog.<= ,
	OPERATOR 3 pg_catalog.= ,
	OPERATOR 4 pg_catalog.>= ,
	OPERATOR 5 pg_catalog.> ,
	FUNCTION 1 @extschema@.conditions_cmp(@extschema@.conditions, @extschema@.conditions);
COMMENT ON OPERATOR CLASS @extschema@.conditions_ops USING btree IS
	'btree order of conditions: condition 1 first, each light unknown < green < red (the byte order of the text form)';

CREATE OPERATOR CLASS @extschema@.conditions_ops
	DEFAULT FOR TYPE @extschema@.conditions USING hash AS
	OPERATOR 1 pg_catalog.= ,
	FUNCTION 1 @extschema@.conditions_hash(@extschema@.conditions),
	FUNCTION 2 @extschema@.conditions_hash_extended(@extschema@.conditions, pg_catalog.int8);
COMMENT ON OPERATOR CLASS @extschema@.conditions_ops USING hash IS
	'hash operator class of conditions';

-- Casts to and from text, through the text form.

CREATE CAST (@extschema@.conditions AS pg_catalog.text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (@extschema@.conditions AS pg_catalog.text) IS
	'the text form of conditions, e.g. GGR?G';

CREATE CAST (pg_catalog.text AS @extschema@.conditions) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.text AS @extschema@.conditions) IS
	'conditions from their text form, e.g. GGR?G (explicit or in assignment)';
CREATE CAST (pg_catalog.varchar AS @extschema@.conditions) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.varchar AS @extschema@.conditions) IS
	'conditions from their text form, e.g. GGR?G (explicit or in assignment)';

-- Construction.

-- Not STRICT: a NULL argument is an unknown light, not an unknown result.
CREATE FUNCTION @extschema@.conditions(
		removable pg_catalog.bool,
		country_cooperates pg_catalog.bool,
		identity_established pg_catalog.bool,
		available pg_catalog.bool,
		person_cooperates pg_catalog.bool)
	RETURNS @extschema@.conditions
	AS 'MODULE_PATHNAME', 'conditions_make'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.conditions(pg_catalog.bool, pg_catalog.bool, pg_catalog.bool, pg_catalog.bool, pg_catalog.bool) IS
	'conditions from five booleans in condition order: true green, false red, NULL unknown';

-- Not STRICT: a NULL value sets the light to unknown.  A NULL conditions or
-- condition number gives NULL, as a STRICT function would (done in C).
CREATE FUNCTION @extschema@.set_condition(c @extschema@.conditions, n pg_catalog.int4, value pg_catalog.bool)
	RETURNS @extschema@.conditions
	AS 'MODULE_PATHNAME', 'conditions_set'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.set_condition(@extschema@.conditions, pg_catalog.int4, pg_catalog.bool) IS
	'conditions with condition n (1..5) set to green (true), red (false) or unknown (NULL)';

-- Access.

CREATE FUNCTION @extschema@.removable(@extschema@.conditions) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'conditions_removable'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.removable(@extschema@.conditions) IS
	'condition 1, the person is legally removable (juridisch verwijderbaar): true green, false red, NULL unknown';

CREATE FUNCTION @extschema@.country_cooperates(@extschema@.conditions) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'conditions_country_cooperates'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_cooperates(@extschema@.conditions) IS
	'condition 2, the country of origin cooperates (land van herkomst werkt mee): true green, false red, NULL unknown';

CREATE FUNCTION @extschema@.identity_established(@extschema@.conditions) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'conditions_identity_established'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.identity_established(@extschema@.conditions) IS
	'condition 3, identity and nationality are established (identiteit staat vast): true green, false red, NULL unknown';

CREATE FUNCTION @extschema@.available(@extschema@.conditions) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'conditions_available'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.available(@extschema@.conditions) IS
	'condition 4, the person is available (beschikbaar): true green, false red, NULL unknown';

CREATE FUNCTION @extschema@.person_cooperates(@extschema@.conditions) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'conditions_person_cooperates'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.person_cooperates(@extschema@.conditions) IS
	'condition 5, the person cooperates (vreemdeling werkt mee): true green, false red, NULL unknown';

CREATE FUNCTION @extschema@.light(c @extschema@.conditions, n pg_catalog.int4) RETURNS pg_catalog.text
	AS 'MODULE_PATHNAME', 'conditions_light'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.light(@extschema@.conditions, pg_catalog.int4) IS
	'the light of condition n (1..5) as text: G green, R red, ? unknown';

CREATE FUNCTION @extschema@.condition_name(n pg_catalog.int4) RETURNS pg_catalog.text
	AS 'MODULE_PATHNAME', 'conditions_condition_name'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.condition_name(pg_catalog.int4) IS
	'the name of condition n (1..5): removable, country_cooperates, identity_established, available, person_cooperates';

CREATE FUNCTION @extschema@.returnable(@extschema@.conditions) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'conditions_returnable'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.returnable(@extschema@.conditions) IS
	'whether all five lights are green (an unknown light is not green)';

CREATE FUNCTION @extschema@.green_count(@extschema@.conditions) RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'conditions_green_count'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.green_count(@extschema@.conditions) IS
	'the number of green lights (0 to 5)';

CREATE FUNCTION @extschema@.red_count(@extschema@.conditions) RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'conditions_red_count'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.red_count(@extschema@.conditions) IS
	'the number of red lights (0 to 5)';

CREATE FUNCTION @extschema@.unknown_count(@extschema@.conditions) RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'conditions_unknown_count'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.unknown_count(@extschema@.conditions) IS
	'the number of unknown lights (0 to 5)';

CREATE FUNCTION @extschema@.red_conditions(@extschema@.conditions) RETURNS pg_catalog.text[]
	AS 'MODULE_PATHNAME', 'conditions_red_conditions'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.red_conditions(@extschema@.conditions) IS
	'names of the red conditions in condition order (empty if none is red)';

CREATE FUNCTION @extschema@.unknown_conditions(@extschema@.conditions) RETURNS pg_catalog.text[]
	AS 'MODULE_PATHNAME', 'conditions_unknown_conditions'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.unknown_conditions(@extschema@.conditions) IS
	'names of the unknown conditions in condition order (empty if none is unknown)';

CREATE FUNCTION @extschema@.first_red(@extschema@.conditions) RETURNS pg_catalog.text
	AS 'MODULE_PATHNAME', 'conditions_first_red'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.first_red(@extschema@.conditions) IS
	'name of the first red condition in condition order, NULL if none is red';
