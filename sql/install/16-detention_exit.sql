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
