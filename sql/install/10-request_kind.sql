-- The type request_kind: LP (laissez-passer) or T&O (terugname en overname,
-- readmission).  One byte, the ordinal (LP = 0 < T&O = 1).  Its output is
-- the same in every language, so every function is IMMUTABLE.

CREATE TYPE @extschema@.request_kind;

CREATE FUNCTION @extschema@.request_kind_in(pg_catalog.cstring) RETURNS @extschema@.request_kind
	AS 'MODULE_PATHNAME', 'request_kind_in'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_kind_in(pg_catalog.cstring) IS
	'text input of request_kind: LP, T&O and their long forms, case-, accent- and space-insensitive';

CREATE FUNCTION @extschema@.request_kind_out(@extschema@.request_kind) RETURNS pg_catalog.cstring
	AS 'MODULE_PATHNAME', 'request_kind_out'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_kind_out(@extschema@.request_kind) IS
	'text output of request_kind: LP or T&O';

CREATE FUNCTION @extschema@.request_kind_recv(pg_catalog.internal) RETURNS @extschema@.request_kind
	AS 'MODULE_PATHNAME', 'request_kind_recv'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_kind_recv(pg_catalog.internal) IS
	'binary input of request_kind: one byte, 0 (LP) or 1 (T&O)';

CREATE FUNCTION @extschema@.request_kind_send(@extschema@.request_kind) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME', 'request_kind_send'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_kind_send(@extschema@.request_kind) IS
	'binary output of request_kind: one byte, 0 (LP) or 1 (T&O)';

CREATE TYPE @extschema@.request_kind (
	INPUT = @extschema@.request_kind_in,
	OUTPUT = @extschema@.request_kind_out,
	RECEIVE = @extschema@.request_kind_recv,
	SEND = @extschema@.request_kind_send,
	INTERNALLENGTH = 1,
	ALIGNMENT = char,
	PASSEDBYVALUE,
	STORAGE = plain
);
COMMENT ON TYPE @extschema@.request_kind IS
	'kind of a request to a country of origin: LP (laissez-passer) or T&O (terugname en overname, readmission)';

-- Casts to and from text.

CREATE FUNCTION @extschema@.request_kind(pg_catalog.text) RETURNS @extschema@.request_kind
	AS 'MODULE_PATHNAME', 'request_kind_from_text'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_kind(pg_catalog.text) IS
	'request_kind named by a text, by the rules of text input';

CREATE FUNCTION @extschema@.text(@extschema@.request_kind) RETURNS pg_catalog.text
	AS 'MODULE_PATHNAME', 'request_kind_to_text'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.text(@extschema@.request_kind) IS
	'request_kind as text: LP or T&O';

-- From text and varchar in assignment too, as for every type of migchain:
-- INSERT ... SELECT from a staging table of text columns, or a driver's
-- string parameter, needs no cast.
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

CREATE CAST (@extschema@.request_kind AS pg_catalog.text)
	WITH FUNCTION @extschema@.text(@extschema@.request_kind)
	AS ASSIGNMENT;
COMMENT ON CAST (@extschema@.request_kind AS pg_catalog.text) IS
	'request_kind as text (explicit or in assignment)';

-- Comparison: LP < T&O.  The functions are PostgreSQL's own for "char",
-- which compare bytes as unsigned, return the difference of two bytes from
-- btcharcmp and hash the byte as a signed char: for the two bytes of the
-- type (below 128) that is exactly what the C functions that 0.1.0 declared
-- return, their hash values included, so hash indexes and hash partitions
-- keep their hashes.  The C functions (request_kind_lt ...
-- request_kind_hash_extended) stay in the library for 0.1.0's install script.

CREATE FUNCTION @extschema@.request_kind_lt(@extschema@.request_kind, @extschema@.request_kind) RETURNS pg_catalog.bool
	AS 'charlt'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_kind_lt(@extschema@.request_kind, @extschema@.request_kind) IS
	'implementation of < for request_kind';

CREATE FUNCTION @extschema@.request_kind_le(@extschema@.request_kind, @extschema@.request_kind) RETURNS pg_catalog.bool
	AS 'charle'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_kind_le(@extschema@.request_kind, @extschema@.request_kind) IS
	'implementation of <= for request_kind';

CREATE FUNCTION @extschema@.request_kind_eq(@extschema@.request_kind, @extschema@.request_kind) RETURNS pg_catalog.bool
	AS 'chareq'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_kind_eq(@extschema@.request_kind, @extschema@.request_kind) IS
	'implementation of = for request_kind';

CREATE FUNCTION @extschema@.request_kind_ne(@extschema@.request_kind, @extschema@.request_kind) RETURNS pg_catalog.bool
	AS 'charne'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_kind_ne(@extschema@.request_kind, @extschema@.request_kind) IS
	'implementation of <> for request_kind';

CREATE FUNCTION @extschema@.request_kind_ge(@extschema@.request_kind, @extschema@.request_kind) RETURNS pg_catalog.bool
	AS 'charge'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_kind_ge(@extschema@.request_kind, @extschema@.request_kind) IS
	'implementation of >= for request_kind';

CREATE FUNCTION @extschema@.request_kind_gt(@extschema@.request_kind, @extschema@.request_kind) RETURNS pg_catalog.bool
	AS 'chargt'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_kind_gt(@extschema@.request_kind, @extschema@.request_kind) IS
	'implementation of > for request_kind';

CREATE FUNCTION @extschema@.request_kind_cmp(@extschema@.request_kind, @extschema@.request_kind) RETURNS pg_catalog.int4
	AS 'btcharcmp'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_kind_cmp(@extschema@.request_kind, @extschema@.request_kind) IS
	'btree comparison of request_kind: -1, 0 or 1 (LP < T&O)';

CREATE FUNCTION @extschema@.request_kind_hash(@extschema@.request_kind) RETURNS pg_catalog.int4
	AS 'hashchar'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_kind_hash(@extschema@.request_kind) IS
	'hash of a request_kind';

CREATE FUNCTION @extschema@.request_kind_hash_extended(@extschema@.request_kind, pg_catalog.int8) RETURNS pg_catalog.int8
	AS 'hashcharextended'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_kind_hash_extended(@extschema@.request_kind, pg_catalog.int8) IS
	'64-bit hash of a request_kind with a seed';

CREATE OPERATOR pg_catalog.< (
	LEFTARG = @extschema@.request_kind, RIGHTARG = @extschema@.request_kind,
	FUNCTION = @extschema@.request_kind_lt,
	COMMUTATOR = OPERATOR(pg_catalog.>), NEGATOR = OPERATOR(pg_catalog.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
COMMENT ON OPERATOR pg_catalog.< (@extschema@.request_kind, @extschema@.request_kind) IS
	'less than (LP < T&O)';

CREATE OPERATOR pg_catalog.<= (
	LEFTARG = @extschema@.request_kind, RIGHTARG = @extschema@.request_kind,
	FUNCTION = @extschema@.request_kind_le,
	COMMUTATOR = OPERATOR(pg_catalog.>=), NEGATOR = OPERATOR(pg_catalog.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
COMMENT ON OPERATOR pg_catalog.<= (@extschema@.request_kind, @extschema@.request_kind) IS
	'less than or equal';

CREATE OPERATOR pg_catalog.= (
	LEFTARG = @extschema@.request_kind, RIGHTARG = @extschema@.request_kind,
	FUNCTION = @extschema@.request_kind_eq,
	COMMUTATOR = OPERATOR(pg_catalog.=), NEGATOR = OPERATOR(pg_catalog.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES, MERGES
);
COMMENT ON OPERATOR pg_catalog.= (@extschema@.request_kind, @extschema@.request_kind) IS
	'equal';

CREATE OPERATOR pg_catalog.<> (
	LEFTARG = @extschema@.request_kind, RIGHTARG = @extschema@.request_kind,
	FUNCTION = @extschema@.request_kind_ne,
	COMMUTATOR = OPERATOR(pg_catalog.<>), NEGATOR = OPERATOR(pg_catalog.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR pg_catalog.<> (@extschema@.request_kind, @extschema@.request_kind) IS
	'not equal';

CREATE OPERATOR pg_catalog.>= (
	LEFTARG = @extschema@.request_kind, RIGHTARG = @extschema@.request_kind,
	FUNCTION = @extschema@.request_kind_ge,
	COMMUTATOR = OPERATOR(pg_catalog.<=), NEGATOR = OPERATOR(pg_catalog.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
COMMENT ON OPERATOR pg_catalog.>= (@extschema@.request_kind, @extschema@.request_kind) IS
	'greater than or equal';

CREATE OPERATOR pg_catalog.> (
	LEFTARG = @extschema@.request_kind, RIGHTARG = @extschema@.request_kind,
	FUNCTION = @extschema@.request_kind_gt,
	COMMUTATOR = OPERATOR(pg_catalog.<), NEGATOR = OPERATOR(pg_catalog.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
COMMENT ON OPERATOR pg_catalog.> (@extschema@.request_kind, @extschema@.request_kind) IS
	'greater than';

CREATE OPERATOR CLASS @extschema@.request_kind_ops
	DEFAULT FOR TYPE @extschema@.request_kind USING btree AS
	OPERATOR 1 pg_catalog.<,
	OPERATOR 2 pg_catalog.<=,
	OPERATOR 3 pg_catalog.=,
	OPERATOR 4 pg_catalog.>=,
	OPERATOR 5 pg_catalog.>,
	FUNCTION 1 @extschema@.request_kind_cmp(@extschema@.request_kind, @extschema@.request_kind);
COMMENT ON OPERATOR CLASS @extschema@.request_kind_ops USING btree IS
	'btree order of request_kind: LP < T&O';

CREATE OPERATOR CLASS @extschema@.request_kind_ops
	DEFAULT FOR TYPE @extschema@.request_kind USING hash AS
	OPERATOR 1 pg_catalog.=,
	FUNCTION 1 @extschema@.request_kind_hash(@extschema@.request_kind),
	FUNCTION 2 @extschema@.request_kind_hash_extended(@extschema@.request_kind, pg_catalog.int8);
COMMENT ON OPERATOR CLASS @extschema@.request_kind_ops USING hash IS
	'hash operator class of request_kind';
