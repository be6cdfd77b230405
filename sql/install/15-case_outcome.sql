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
