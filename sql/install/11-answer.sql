-- The type answer: the answer of a country of origin to an LP or T&O
-- request.  One byte, the ordinal: pending = 0 < positive = 1 < negative = 2
-- < withdrawn = 3.  Text input accepts Dutch and English; text output
-- follows the setting migchain.language ('nl' or 'en').

CREATE TYPE @extschema@.answer;

CREATE FUNCTION @extschema@.answer_in(pg_catalog.cstring) RETURNS @extschema@.answer
	AS 'MODULE_PATHNAME', 'answer_in'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answer_in(pg_catalog.cstring) IS
	'text input of answer: Dutch and English labels and long forms, case-, accent- and space-insensitive';

-- STABLE, not IMMUTABLE: the label follows the setting migchain.language
-- (as date_out follows DateStyle).
CREATE FUNCTION @extschema@.answer_out(@extschema@.answer) RETURNS pg_catalog.cstring
	AS 'MODULE_PATHNAME', 'answer_out'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answer_out(@extschema@.answer) IS
	'text output of answer, in the language of migchain.language';

CREATE FUNCTION @extschema@.answer_recv(pg_catalog.internal) RETURNS @extschema@.answer
	AS 'MODULE_PATHNAME', 'answer_recv'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answer_recv(pg_catalog.internal) IS
	'binary input of answer: one byte, 0 (pending), 1 (positive), 2 (negative) or 3 (withdrawn)';

CREATE FUNCTION @extschema@.answer_send(@extschema@.answer) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME', 'answer_send'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answer_send(@extschema@.answer) IS
	'binary output of answer: one byte, 0 (pending), 1 (positive), 2 (negative) or 3 (withdrawn)';

CREATE TYPE @extschema@.answer (
	INPUT = @extschema@.answer_in,
	OUTPUT = @extschema@.answer_out,
	RECEIVE = @extschema@.answer_recv,
	SEND = @extschema@.answer_send,
	INTERNALLENGTH = 1,
	ALIGNMENT = char,
	PASSEDBYVALUE,
	STORAGE = plain
);
COMMENT ON TYPE @extschema@.answer IS
	'answer to an LP or T&O request: pending (bekend gesteld), positive (positief), negative (negatief) or withdrawn (ingetrokken)';

-- Casts to and from text.

CREATE FUNCTION @extschema@.answer(pg_catalog.text) RETURNS @extschema@.answer
	AS 'MODULE_PATHNAME', 'answer_from_text'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answer(pg_catalog.text) IS
	'answer named by a text, by the rules of text input';

-- STABLE, not IMMUTABLE: the label follows the setting migchain.language.
CREATE FUNCTION @extschema@.text(@extschema@.answer) RETURNS pg_catalog.text
	AS 'MODULE_PATHNAME', 'answer_to_text'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.text(@extschema@.answer) IS
	'answer as text, in the language of migchain.language';

-- From text and varchar in assignment too, as for every type of migchain.
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

CREATE CAST (@extschema@.answer AS pg_catalog.text)
	WITH FUNCTION @extschema@.text(@extschema@.answer)
	AS ASSIGNMENT;
COMMENT ON CAST (@extschema@.answer AS pg_catalog.text) IS
	'answer as text in the language of migchain.language (explicit or in assignment)';

-- What an answer means.

CREATE FUNCTION @extschema@.label(@extschema@.answer, pg_catalog.text) RETURNS pg_catalog.text
	AS 'MODULE_PATHNAME', 'answer_label_lang'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.label(@extschema@.answer, pg_catalog.text) IS
	'label of an answer in a language given: ''nl'' (Dutch) or ''en'' (English)';

-- case_outcome and detention_exit have a label() too, so an untyped literal
-- would no longer choose label(answer, text): label('positief', 'en') would be
-- ambiguous.  A literal, or a text, is read as an answer, as in 0.1.0.
CREATE FUNCTION @extschema@.label(pg_catalog.text, pg_catalog.text) RETURNS pg_catalog.text
	AS 'MODULE_PATHNAME', 'answer_label_text'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.label(pg_catalog.text, pg_catalog.text) IS
	'label of the answer a text names (by the rules of text input) in a language given: ''nl'' or ''en''';

CREATE FUNCTION @extschema@.is_final(@extschema@.answer) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'answer_is_final'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_final(@extschema@.answer) IS
	'true unless the answer is pending: positive, negative or withdrawn';

CREATE FUNCTION @extschema@.confirms_nationality(@extschema@.answer) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'answer_confirms_nationality'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.confirms_nationality(@extschema@.answer) IS
	'true if the answer is positive: the country confirmed the nationality';

CREATE FUNCTION @extschema@.is_not_confirmed(@extschema@.answer) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'answer_is_not_confirmed'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_not_confirmed(@extschema@.answer) IS
	'true if the answer is negative or withdrawn: "not confirmed" in the published figures';

-- Comparison: pending < positive < negative < withdrawn.  The operators
-- and hashing are PostgreSQL's own functions for "char", which compare bytes
-- as unsigned and hash the byte as a signed char: for the four bytes of the
-- type (below 128) that is exactly what the C functions that 0.1.0 declared
-- return, their hash values included, so hash indexes and hash partitions
-- keep their hashes.  The C functions stay in the library for 0.1.0's
-- install script.  answer_cmp stays in C: btcharcmp returns the difference
-- of the bytes (-3 for pending and withdrawn), not -1, 0 or 1.

CREATE FUNCTION @extschema@.answer_lt(@extschema@.answer, @extschema@.answer) RETURNS pg_catalog.bool
	AS 'charlt'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answer_lt(@extschema@.answer, @extschema@.answer) IS
	'implementation of < for answer';

CREATE FUNCTION @extschema@.answer_le(@extschema@.answer, @extschema@.answer) RETURNS pg_catalog.bool
	AS 'charle'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answer_le(@extschema@.answer, @extschema@.answer) IS
	'implementation of <= for answer';

CREATE FUNCTION @extschema@.answer_eq(@extschema@.answer, @extschema@.answer) RETURNS pg_catalog.bool
	AS 'chareq'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answer_eq(@extschema@.answer, @extschema@.answer) IS
	'implementation of = for answer';

CREATE FUNCTION @extschema@.answer_ne(@extschema@.answer, @extschema@.answer) RETURNS pg_catalog.bool
	AS 'charne'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answer_ne(@extschema@.answer, @extschema@.answer) IS
	'implementation of <> for answer';

CREATE FUNCTION @extschema@.answer_ge(@extschema@.answer, @extschema@.answer) RETURNS pg_catalog.bool
	AS 'charge'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answer_ge(@extschema@.answer, @extschema@.answer) IS
	'implementation of >= for answer';

CREATE FUNCTION @extschema@.answer_gt(@extschema@.answer, @extschema@.answer) RETURNS pg_catalog.bool
	AS 'chargt'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answer_gt(@extschema@.answer, @extschema@.answer) IS
	'implementation of > for answer';

CREATE FUNCTION @extschema@.answer_cmp(@extschema@.answer, @extschema@.answer) RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'answer_cmp'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answer_cmp(@extschema@.answer, @extschema@.answer) IS
	'btree comparison of answer: -1, 0 or 1 (pending < positive < negative < withdrawn)';

CREATE FUNCTION @extschema@.answer_hash(@extschema@.answer) RETURNS pg_catalog.int4
	AS 'hashchar'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answer_hash(@extschema@.answer) IS
	'hash of an answer';

CREATE FUNCTION @extschema@.answer_hash_extended(@extschema@.answer, pg_catalog.int8) RETURNS pg_catalog.int8
	AS 'hashcharextended'
	LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answer_hash_extended(@extschema@.answer, pg_catalog.int8) IS
	'64-bit hash of an answer with a seed';

CREATE OPERATOR pg_catalog.< (
	LEFTARG = @extschema@.answer, RIGHTARG = @extschema@.answer,
	FUNCTION = @extschema@.answer_lt,
	COMMUTATOR = OPERATOR(pg_catalog.>), NEGATOR = OPERATOR(pg_catalog.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
COMMENT ON OPERATOR pg_catalog.< (@extschema@.answer, @extschema@.answer) IS
	'less than (pending < positive < negative < withdrawn)';

CREATE OPERATOR pg_catalog.<= (
	LEFTARG = @extschema@.answer, RIGHTARG = @extschema@.answer,
	FUNCTION = @extschema@.answer_le,
	COMMUTATOR = OPERATOR(pg_catalog.>=), NEGATOR = OPERATOR(pg_catalog.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
COMMENT ON OPERATOR pg_catalog.<= (@extschema@.answer, @extschema@.answer) IS
	'less than or equal';

CREATE OPERATOR pg_catalog.= (
	LEFTARG = @extschema@.answer, RIGHTARG = @extschema@.answer,
	FUNCTION = @extschema@.answer_eq,
	COMMUTATOR = OPERATOR(pg_catalog.=), NEGATOR = OPERATOR(pg_catalog.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES, MERGES
);
COMMENT ON OPERATOR pg_catalog.= (@extschema@.answer, @extschema@.answer) IS
	'equal';

CREATE OPERATOR pg_catalog.<> (
	LEFTARG = @extschema@.answer, RIGHTARG = @extschema@.answer,
	FUNCTION = @extschema@.answer_ne,
	COMMUTATOR = OPERATOR(pg_catalog.<>), NEGATOR = OPERATOR(pg_catalog.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR pg_catalog.<> (@extschema@.answer, @extschema@.answer) IS
	'not equal';

CREATE OPERATOR pg_catalog.>= (
	LEFTARG = @extschema@.answer, RIGHTARG = @extschema@.answer,
	FUNCTION = @extschema@.answer_ge,
	COMMUTATOR = OPERATOR(pg_catalog.<=), NEGATOR = OPERATOR(pg_catalog.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
COMMENT ON OPERATOR pg_catalog.>= (@extschema@.answer, @extschema@.answer) IS
	'greater than or equal';

CREATE OPERATOR pg_catalog.> (
	LEFTARG = @extschema@.answer, RIGHTARG = @extschema@.answer,
	FUNCTION = @extschema@.answer_gt,
	COMMUTATOR = OPERATOR(pg_catalog.<), NEGATOR = OPERATOR(pg_catalog.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
COMMENT ON OPERATOR pg_catalog.> (@extschema@.answer, @extschema@.answer) IS
	'greater than';

CREATE OPERATOR CLASS @extschema@.answer_ops
	DEFAULT FOR TYPE @extschema@.answer USING btree AS
	OPERATOR 1 pg_catalog.<,
	OPERATOR 2 pg_catalog.<=,
	OPERATOR 3 pg_catalog.=,
	OPERATOR 4 pg_catalog.>=,
	OPERATOR 5 pg_catalog.>,
	FUNCTION 1 @extschema@.answer_cmp(@extschema@.answer, @extschema@.answer);
COMMENT ON OPERATOR CLASS @extschema@.answer_ops USING btree IS
	'btree order of answer: pending < positive < negative < withdrawn';

CREATE OPERATOR CLASS @extschema@.answer_ops
	DEFAULT FOR TYPE @extschema@.answer USING hash AS
	OPERATOR 1 pg_catalog.=,
	FUNCTION 1 @extschema@.answer_hash(@extschema@.answer),
	FUNCTION 2 @extschema@.answer_hash_extended(@extschema@.answer, pg_catalog.int8);
COMMENT ON OPERATOR CLASS @extschema@.answer_ops USING hash IS
	'hash operator class of answer';
