-- migchain 0.1.0, released 2026-11-28: the install script of that version, kept as it was.

\echo Use "CREATE EXTENSION migchain" to load this file. \quit

-- sql/install/00-schema.sql
-- Schemas and the basics every other piece relies on.
-- The schema migchain itself is made by CREATE EXTENSION (see migchain.control).

COMMENT ON SCHEMA @extschema@ IS
	'migchain: types, tables and functions for return and readmission analytics in the migration chain';

CREATE SCHEMA migchain_bi;
COMMENT ON SCHEMA migchain_bi IS
	'migchain: views for BI tools and analysts, in plain SQL types only';

CREATE FUNCTION @extschema@.version() RETURNS pg_catalog.text
	AS 'MODULE_PATHNAME', 'migchain_version'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;	-- STABLE: a new library may be loaded under the same catalog
COMMENT ON FUNCTION @extschema@.version() IS
	'version of the loaded migchain library (compare with pg_extension.extversion)';

-- sql/install/10-request_kind.sql
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

CREATE CAST (pg_catalog.text AS @extschema@.request_kind)
	WITH FUNCTION @extschema@.request_kind(pg_catalog.text);
COMMENT ON CAST (pg_catalog.text AS @extschema@.request_kind) IS
	'parse a request_kind (explicit)';

CREATE CAST (@extschema@.request_kind AS pg_catalog.text)
	WITH FUNCTION @extschema@.text(@extschema@.request_kind)
	AS ASSIGNMENT;
COMMENT ON CAST (@extschema@.request_kind AS pg_catalog.text) IS
	'request_kind as text (explicit or in assignment)';

-- Comparison: LP < T&O.

CREATE FUNCTION @extschema@.request_kind_lt(@extschema@.request_kind, @extschema@.request_kind) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'request_kind_lt'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_kind_lt(@extschema@.request_kind, @extschema@.request_kind) IS
	'implementation of < for request_kind';

CREATE FUNCTION @extschema@.request_kind_le(@extschema@.request_kind, @extschema@.request_kind) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'request_kind_le'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_kind_le(@extschema@.request_kind, @extschema@.request_kind) IS
	'implementation of <= for request_kind';

CREATE FUNCTION @extschema@.request_kind_eq(@extschema@.request_kind, @extschema@.request_kind) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'request_kind_eq'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_kind_eq(@extschema@.request_kind, @extschema@.request_kind) IS
	'implementation of = for request_kind';

CREATE FUNCTION @extschema@.request_kind_ne(@extschema@.request_kind, @extschema@.request_kind) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'request_kind_ne'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_kind_ne(@extschema@.request_kind, @extschema@.request_kind) IS
	'implementation of <> for request_kind';

CREATE FUNCTION @extschema@.request_kind_ge(@extschema@.request_kind, @extschema@.request_kind) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'request_kind_ge'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_kind_ge(@extschema@.request_kind, @extschema@.request_kind) IS
	'implementation of >= for request_kind';

CREATE FUNCTION @extschema@.request_kind_gt(@extschema@.request_kind, @extschema@.request_kind) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'request_kind_gt'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_kind_gt(@extschema@.request_kind, @extschema@.request_kind) IS
	'implementation of > for request_kind';

CREATE FUNCTION @extschema@.request_kind_cmp(@extschema@.request_kind, @extschema@.request_kind) RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'request_kind_cmp'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_kind_cmp(@extschema@.request_kind, @extschema@.request_kind) IS
	'btree comparison of request_kind: -1, 0 or 1 (LP < T&O)';

CREATE FUNCTION @extschema@.request_kind_hash(@extschema@.request_kind) RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'request_kind_hash'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_kind_hash(@extschema@.request_kind) IS
	'hash of a request_kind';

CREATE FUNCTION @extschema@.request_kind_hash_extended(@extschema@.request_kind, pg_catalog.int8) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'request_kind_hash_extended'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_kind_hash_extended(@extschema@.request_kind, pg_catalog.int8) IS
	'64-bit hash of a request_kind with a seed';

CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.request_kind, RIGHTARG = @extschema@.request_kind,
	FUNCTION = @extschema@.request_kind_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
COMMENT ON OPERATOR @extschema@.< (@extschema@.request_kind, @extschema@.request_kind) IS
	'less than (LP < T&O)';

CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.request_kind, RIGHTARG = @extschema@.request_kind,
	FUNCTION = @extschema@.request_kind_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
COMMENT ON OPERATOR @extschema@.<= (@extschema@.request_kind, @extschema@.request_kind) IS
	'less than or equal';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.request_kind, RIGHTARG = @extschema@.request_kind,
	FUNCTION = @extschema@.request_kind_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES, MERGES
);
COMMENT ON OPERATOR @extschema@.= (@extschema@.request_kind, @extschema@.request_kind) IS
	'equal';

CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.request_kind, RIGHTARG = @extschema@.request_kind,
	FUNCTION = @extschema@.request_kind_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR @extschema@.<> (@extschema@.request_kind, @extschema@.request_kind) IS
	'not equal';

CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.request_kind, RIGHTARG = @extschema@.request_kind,
	FUNCTION = @extschema@.request_kind_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
COMMENT ON OPERATOR @extschema@.>= (@extschema@.request_kind, @extschema@.request_kind) IS
	'greater than or equal';

CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.request_kind, RIGHTARG = @extschema@.request_kind,
	FUNCTION = @extschema@.request_kind_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
COMMENT ON OPERATOR @extschema@.> (@extschema@.request_kind, @extschema@.request_kind) IS
	'greater than';

CREATE OPERATOR CLASS @extschema@.request_kind_ops
	DEFAULT FOR TYPE @extschema@.request_kind USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.request_kind_cmp(@extschema@.request_kind, @extschema@.request_kind);
COMMENT ON OPERATOR CLASS @extschema@.request_kind_ops USING btree IS
	'btree order of request_kind: LP < T&O';

CREATE OPERATOR CLASS @extschema@.request_kind_ops
	DEFAULT FOR TYPE @extschema@.request_kind USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.request_kind_hash(@extschema@.request_kind),
	FUNCTION 2 @extschema@.request_kind_hash_extended(@extschema@.request_kind, pg_catalog.int8);
COMMENT ON OPERATOR CLASS @extschema@.request_kind_ops USING hash IS
	'hash operator class of request_kind';

-- sql/install/11-answer.sql
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

CREATE CAST (pg_catalog.text AS @extschema@.answer)
	WITH FUNCTION @extschema@.answer(pg_catalog.text);
COMMENT ON CAST (pg_catalog.text AS @extschema@.answer) IS
	'parse an answer (explicit)';

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

-- Comparison: pending < positive < negative < withdrawn.

CREATE FUNCTION @extschema@.answer_lt(@extschema@.answer, @extschema@.answer) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'answer_lt'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answer_lt(@extschema@.answer, @extschema@.answer) IS
	'implementation of < for answer';

CREATE FUNCTION @extschema@.answer_le(@extschema@.answer, @extschema@.answer) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'answer_le'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answer_le(@extschema@.answer, @extschema@.answer) IS
	'implementation of <= for answer';

CREATE FUNCTION @extschema@.answer_eq(@extschema@.answer, @extschema@.answer) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'answer_eq'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answer_eq(@extschema@.answer, @extschema@.answer) IS
	'implementation of = for answer';

CREATE FUNCTION @extschema@.answer_ne(@extschema@.answer, @extschema@.answer) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'answer_ne'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answer_ne(@extschema@.answer, @extschema@.answer) IS
	'implementation of <> for answer';

CREATE FUNCTION @extschema@.answer_ge(@extschema@.answer, @extschema@.answer) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'answer_ge'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answer_ge(@extschema@.answer, @extschema@.answer) IS
	'implementation of >= for answer';

CREATE FUNCTION @extschema@.answer_gt(@extschema@.answer, @extschema@.answer) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'answer_gt'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answer_gt(@extschema@.answer, @extschema@.answer) IS
	'implementation of > for answer';

CREATE FUNCTION @extschema@.answer_cmp(@extschema@.answer, @extschema@.answer) RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'answer_cmp'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answer_cmp(@extschema@.answer, @extschema@.answer) IS
	'btree comparison of answer: -1, 0 or 1 (pending < positive < negative < withdrawn)';

CREATE FUNCTION @extschema@.answer_hash(@extschema@.answer) RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'answer_hash'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answer_hash(@extschema@.answer) IS
	'hash of an answer';

CREATE FUNCTION @extschema@.answer_hash_extended(@extschema@.answer, pg_catalog.int8) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'answer_hash_extended'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answer_hash_extended(@extschema@.answer, pg_catalog.int8) IS
	'64-bit hash of an answer with a seed';

CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.answer, RIGHTARG = @extschema@.answer,
	FUNCTION = @extschema@.answer_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
COMMENT ON OPERATOR @extschema@.< (@extschema@.answer, @extschema@.answer) IS
	'less than (pending < positive < negative < withdrawn)';

CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.answer, RIGHTARG = @extschema@.answer,
	FUNCTION = @extschema@.answer_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
COMMENT ON OPERATOR @extschema@.<= (@extschema@.answer, @extschema@.answer) IS
	'less than or equal';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.answer, RIGHTARG = @extschema@.answer,
	FUNCTION = @extschema@.answer_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES, MERGES
);
COMMENT ON OPERATOR @extschema@.= (@extschema@.answer, @extschema@.answer) IS
	'equal';

CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.answer, RIGHTARG = @extschema@.answer,
	FUNCTION = @extschema@.answer_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR @extschema@.<> (@extschema@.answer, @extschema@.answer) IS
	'not equal';

CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.answer, RIGHTARG = @extschema@.answer,
	FUNCTION = @extschema@.answer_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
COMMENT ON OPERATOR @extschema@.>= (@extschema@.answer, @extschema@.answer) IS
	'greater than or equal';

CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.answer, RIGHTARG = @extschema@.answer,
	FUNCTION = @extschema@.answer_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
COMMENT ON OPERATOR @extschema@.> (@extschema@.answer, @extschema@.answer) IS
	'greater than';

CREATE OPERATOR CLASS @extschema@.answer_ops
	DEFAULT FOR TYPE @extschema@.answer USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.answer_cmp(@extschema@.answer, @extschema@.answer);
COMMENT ON OPERATOR CLASS @extschema@.answer_ops USING btree IS
	'btree order of answer: pending < positive < negative < withdrawn';

CREATE OPERATOR CLASS @extschema@.answer_ops
	DEFAULT FOR TYPE @extschema@.answer USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.answer_hash(@extschema@.answer),
	FUNCTION 2 @extschema@.answer_hash_extended(@extschema@.answer, pg_catalog.int8);
COMMENT ON OPERATOR CLASS @extschema@.answer_ops USING hash IS
	'hash operator class of answer';

-- sql/install/12-country.sql
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

-- Comparison, by the stored code (see docs/types.md).

CREATE FUNCTION @extschema@.country_lt(@extschema@.country, @extschema@.country) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'country_lt'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_lt(@extschema@.country, @extschema@.country) IS
	'country less than (by stored code)';

CREATE FUNCTION @extschema@.country_le(@extschema@.country, @extschema@.country) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'country_le'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_le(@extschema@.country, @extschema@.country) IS
	'country less than or equal (by stored code)';

CREATE FUNCTION @extschema@.country_eq(@extschema@.country, @extschema@.country) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'country_eq'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_eq(@extschema@.country, @extschema@.country) IS
	'country equal';

CREATE FUNCTION @extschema@.country_ne(@extschema@.country, @extschema@.country) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'country_ne'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_ne(@extschema@.country, @extschema@.country) IS
	'country not equal';

CREATE FUNCTION @extschema@.country_ge(@extschema@.country, @extschema@.country) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'country_ge'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_ge(@extschema@.country, @extschema@.country) IS
	'country greater than or equal (by stored code)';

CREATE FUNCTION @extschema@.country_gt(@extschema@.country, @extschema@.country) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'country_gt'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_gt(@extschema@.country, @extschema@.country) IS
	'country greater than (by stored code)';

CREATE FUNCTION @extschema@.country_cmp(@extschema@.country, @extschema@.country) RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'country_cmp'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_cmp(@extschema@.country, @extschema@.country) IS
	'btree support for country: -1, 0 or 1 by stored code';

CREATE FUNCTION @extschema@.country_hash(@extschema@.country) RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'country_hash'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_hash(@extschema@.country) IS
	'hash support for country';

CREATE FUNCTION @extschema@.country_hash_extended(@extschema@.country, pg_catalog.int8) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'country_hash_extended'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_hash_extended(@extschema@.country, pg_catalog.int8) IS
	'hash support for country, with a seed';

CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country,
	FUNCTION = @extschema@.country_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
COMMENT ON OPERATOR @extschema@.< (@extschema@.country, @extschema@.country) IS
	'country less than (by stored code)';

CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country,
	FUNCTION = @extschema@.country_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
COMMENT ON OPERATOR @extschema@.<= (@extschema@.country, @extschema@.country) IS
	'country less than or equal (by stored code)';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country,
	FUNCTION = @extschema@.country_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES, MERGES
);
COMMENT ON OPERATOR @extschema@.= (@extschema@.country, @extschema@.country) IS
	'country equal';

CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country,
	FUNCTION = @extschema@.country_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR @extschema@.<> (@extschema@.country, @extschema@.country) IS
	'country not equal';

CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country,
	FUNCTION = @extschema@.country_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
COMMENT ON OPERATOR @extschema@.>= (@extschema@.country, @extschema@.country) IS
	'country greater than or equal (by stored code)';

CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country,
	FUNCTION = @extschema@.country_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
COMMENT ON OPERATOR @extschema@.> (@extschema@.country, @extschema@.country) IS
	'country greater than (by stored code)';

CREATE OPERATOR CLASS @extschema@.country_ops
	DEFAULT FOR TYPE @extschema@.country USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.country_cmp(@extschema@.country, @extschema@.country);
COMMENT ON OPERATOR CLASS @extschema@.country_ops USING btree IS
	'btree operator class for country, ordered by stored code';

CREATE OPERATOR CLASS @extschema@.country_ops
	DEFAULT FOR TYPE @extschema@.country USING hash AS
	OPERATOR 1 @extschema@.=,
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
	SORTOP = OPERATOR(@extschema@.<),
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.min(@extschema@.country) IS
	'the first country in the order of the type';

CREATE AGGREGATE @extschema@.max(@extschema@.country) (
	SFUNC = @extschema@.country_larger,
	STYPE = @extschema@.country,
	COMBINEFUNC = @extschema@.country_larger,
	SORTOP = OPERATOR(@extschema@.>),
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

-- sql/install/13-conditions.sql
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

-- Comparison.

CREATE FUNCTION @extschema@.conditions_lt(@extschema@.conditions, @extschema@.conditions) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'conditions_lt'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.conditions_lt(@extschema@.conditions, @extschema@.conditions) IS
	'implementation of < for conditions';

CREATE FUNCTION @extschema@.conditions_le(@extschema@.conditions, @extschema@.conditions) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'conditions_le'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.conditions_le(@extschema@.conditions, @extschema@.conditions) IS
	'implementation of <= for conditions';

CREATE FUNCTION @extschema@.conditions_eq(@extschema@.conditions, @extschema@.conditions) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'conditions_eq'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.conditions_eq(@extschema@.conditions, @extschema@.conditions) IS
	'implementation of = for conditions';

CREATE FUNCTION @extschema@.conditions_ne(@extschema@.conditions, @extschema@.conditions) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'conditions_ne'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.conditions_ne(@extschema@.conditions, @extschema@.conditions) IS
	'implementation of <> for conditions';

CREATE FUNCTION @extschema@.conditions_ge(@extschema@.conditions, @extschema@.conditions) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'conditions_ge'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.conditions_ge(@extschema@.conditions, @extschema@.conditions) IS
	'implementation of >= for conditions';

CREATE FUNCTION @extschema@.conditions_gt(@extschema@.conditions, @extschema@.conditions) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'conditions_gt'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.conditions_gt(@extschema@.conditions, @extschema@.conditions) IS
	'implementation of > for conditions';

CREATE FUNCTION @extschema@.conditions_cmp(@extschema@.conditions, @extschema@.conditions) RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'conditions_cmp'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.conditions_cmp(@extschema@.conditions, @extschema@.conditions) IS
	'btree support for conditions: -1, 0 or 1 (condition 1 first, unknown < green < red)';

CREATE FUNCTION @extschema@.conditions_hash(@extschema@.conditions) RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'conditions_hash'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.conditions_hash(@extschema@.conditions) IS
	'hash support for conditions';

CREATE FUNCTION @extschema@.conditions_hash_extended(@extschema@.conditions, pg_catalog.int8) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'conditions_hash_extended'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.conditions_hash_extended(@extschema@.conditions, pg_catalog.int8) IS
	'hash support for conditions: 64-bit hash with a seed';

CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.conditions, RIGHTARG = @extschema@.conditions,
	FUNCTION = @extschema@.conditions_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
COMMENT ON OPERATOR @extschema@.< (@extschema@.conditions, @extschema@.conditions) IS
	'less than (condition 1 first, unknown < green < red)';

CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.conditions, RIGHTARG = @extschema@.conditions,
	FUNCTION = @extschema@.conditions_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
COMMENT ON OPERATOR @extschema@.<= (@extschema@.conditions, @extschema@.conditions) IS
	'less than or equal (condition 1 first, unknown < green < red)';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.conditions, RIGHTARG = @extschema@.conditions,
	FUNCTION = @extschema@.conditions_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES, MERGES
);
COMMENT ON OPERATOR @extschema@.= (@extschema@.conditions, @extschema@.conditions) IS
	'equal: all five lights the same';

CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.conditions, RIGHTARG = @extschema@.conditions,
	FUNCTION = @extschema@.conditions_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR @extschema@.<> (@extschema@.conditions, @extschema@.conditions) IS
	'not equal: some light differs';

CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.conditions, RIGHTARG = @extschema@.conditions,
	FUNCTION = @extschema@.conditions_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
COMMENT ON OPERATOR @extschema@.>= (@extschema@.conditions, @extschema@.conditions) IS
	'greater than or equal (condition 1 first, unknown < green < red)';

CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.conditions, RIGHTARG = @extschema@.conditions,
	FUNCTION = @extschema@.conditions_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
COMMENT ON OPERATOR @extschema@.> (@extschema@.conditions, @extschema@.conditions) IS
	'greater than (condition 1 first, unknown < green < red)';

CREATE OPERATOR CLASS @extschema@.conditions_ops
	DEFAULT FOR TYPE @extschema@.conditions USING btree AS
	OPERATOR 1 @extschema@.< ,
	OPERATOR 2 @extschema@.<= ,
	OPERATOR 3 @extschema@.= ,
	OPERATOR 4 @extschema@.>= ,
	OPERATOR 5 @extschema@.> ,
	FUNCTION 1 @extschema@.conditions_cmp(@extschema@.conditions, @extschema@.conditions);
COMMENT ON OPERATOR CLASS @extschema@.conditions_ops USING btree IS
	'btree order of conditions: condition 1 first, each light unknown < green < red (the byte order of the text form)';

CREATE OPERATOR CLASS @extschema@.conditions_ops
	DEFAULT FOR TYPE @extschema@.conditions USING hash AS
	OPERATOR 1 @extschema@.= ,
	FUNCTION 1 @extschema@.conditions_hash(@extschema@.conditions),
	FUNCTION 2 @extschema@.conditions_hash_extended(@extschema@.conditions, pg_catalog.int8);
COMMENT ON OPERATOR CLASS @extschema@.conditions_ops USING hash IS
	'hash operator class of conditions';

-- Casts to and from text, through the text form.

CREATE CAST (@extschema@.conditions AS pg_catalog.text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (@extschema@.conditions AS pg_catalog.text) IS
	'the text form of conditions, e.g. GGR?G';

CREATE CAST (pg_catalog.text AS @extschema@.conditions) WITH INOUT;
COMMENT ON CAST (pg_catalog.text AS @extschema@.conditions) IS
	'conditions from their text form, e.g. GGR?G';

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

-- sql/install/20-tally.sql
-- tally: counts of requests per answer category, with the aggregates
-- answer_tally(answer) and sum(tally).

CREATE TYPE @extschema@.tally;

CREATE FUNCTION @extschema@.tally_in(pg_catalog.cstring) RETURNS @extschema@.tally
	AS 'MODULE_PATHNAME', 'tally_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.tally_in(pg_catalog.cstring) IS
	'text input of tally: "pending=0, positive=5, negative=1, withdrawn=2"';
CREATE FUNCTION @extschema@.tally_out(@extschema@.tally) RETURNS pg_catalog.cstring
	AS 'MODULE_PATHNAME', 'tally_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.tally_out(@extschema@.tally) IS 'text output of tally';
CREATE FUNCTION @extschema@.tally_recv(pg_catalog.internal) RETURNS @extschema@.tally
	AS 'MODULE_PATHNAME', 'tally_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.tally_recv(pg_catalog.internal) IS
	'binary input of tally: four big-endian int64 counts';
CREATE FUNCTION @extschema@.tally_send(@extschema@.tally) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME', 'tally_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.tally_send(@extschema@.tally) IS
	'binary output of tally: four big-endian int64 counts';

CREATE TYPE @extschema@.tally (
	INPUT = @extschema@.tally_in,
	OUTPUT = @extschema@.tally_out,
	RECEIVE = @extschema@.tally_recv,
	SEND = @extschema@.tally_send,
	INTERNALLENGTH = 32,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE @extschema@.tally IS
	'counts of requests per answer category (pending, positive, negative, withdrawn)';

CREATE FUNCTION @extschema@.tally(pending pg_catalog.int8, positive pg_catalog.int8,
								  negative pg_catalog.int8, withdrawn pg_catalog.int8)
	RETURNS @extschema@.tally
	AS 'MODULE_PATHNAME', 'tally_make' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.tally(pg_catalog.int8, pg_catalog.int8, pg_catalog.int8, pg_catalog.int8) IS
	'a tally from its four counts (pending, positive, negative, withdrawn)';

-- Equality and addition.
CREATE FUNCTION @extschema@.tally_eq(@extschema@.tally, @extschema@.tally) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'tally_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.tally_eq(@extschema@.tally, @extschema@.tally) IS
	'true when every count is equal';
CREATE FUNCTION @extschema@.tally_ne(@extschema@.tally, @extschema@.tally) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'tally_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.tally_ne(@extschema@.tally, @extschema@.tally) IS
	'true when some count differs';
CREATE FUNCTION @extschema@.tally_add(@extschema@.tally, @extschema@.tally) RETURNS @extschema@.tally
	AS 'MODULE_PATHNAME', 'tally_add' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.tally_add(@extschema@.tally, @extschema@.tally) IS
	'the counts of two tallies added category by category';

-- Comparison: tallies are ordered by their pending, positive, negative and
-- withdrawn counts in turn, so that they can be sorted, grouped and hashed.
CREATE FUNCTION @extschema@.tally_cmp(@extschema@.tally, @extschema@.tally) RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'tally_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.tally_cmp(@extschema@.tally, @extschema@.tally) IS
	'btree support: -1, 0 or 1 by pending, positive, negative, then withdrawn';
CREATE FUNCTION @extschema@.tally_lt(@extschema@.tally, @extschema@.tally) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'tally_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.tally_lt(@extschema@.tally, @extschema@.tally) IS 'less than';
CREATE FUNCTION @extschema@.tally_le(@extschema@.tally, @extschema@.tally) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'tally_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.tally_le(@extschema@.tally, @extschema@.tally) IS 'less than or equal';
CREATE FUNCTION @extschema@.tally_gt(@extschema@.tally, @extschema@.tally) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'tally_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.tally_gt(@extschema@.tally, @extschema@.tally) IS 'greater than';
CREATE FUNCTION @extschema@.tally_ge(@extschema@.tally, @extschema@.tally) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'tally_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.tally_ge(@extschema@.tally, @extschema@.tally) IS 'greater than or equal';
CREATE FUNCTION @extschema@.tally_hash(@extschema@.tally) RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'tally_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.tally_hash(@extschema@.tally) IS 'hash support';
CREATE FUNCTION @extschema@.tally_hash_extended(@extschema@.tally, pg_catalog.int8) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'tally_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.tally_hash_extended(@extschema@.tally, pg_catalog.int8) IS
	'hash support with a seed';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.tally, RIGHTARG = @extschema@.tally,
	FUNCTION = @extschema@.tally_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES, MERGES
);
COMMENT ON OPERATOR @extschema@.= (@extschema@.tally, @extschema@.tally) IS 'equal tallies';
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.tally, RIGHTARG = @extschema@.tally,
	FUNCTION = @extschema@.tally_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR @extschema@.<> (@extschema@.tally, @extschema@.tally) IS 'different tallies';
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.tally, RIGHTARG = @extschema@.tally, FUNCTION = @extschema@.tally_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
COMMENT ON OPERATOR @extschema@.< (@extschema@.tally, @extschema@.tally) IS 'less than';
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.tally, RIGHTARG = @extschema@.tally, FUNCTION = @extschema@.tally_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
COMMENT ON OPERATOR @extschema@.<= (@extschema@.tally, @extschema@.tally) IS 'less than or equal';
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.tally, RIGHTARG = @extschema@.tally, FUNCTION = @extschema@.tally_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
COMMENT ON OPERATOR @extschema@.> (@extschema@.tally, @extschema@.tally) IS 'greater than';
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.tally, RIGHTARG = @extschema@.tally, FUNCTION = @extschema@.tally_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
COMMENT ON OPERATOR @extschema@.>= (@extschema@.tally, @extschema@.tally) IS 'greater than or equal';

CREATE OPERATOR CLASS @extschema@.tally_ops
	DEFAULT FOR TYPE @extschema@.tally USING btree AS
	OPERATOR 1 @extschema@.< ,
	OPERATOR 2 @extschema@.<= ,
	OPERATOR 3 @extschema@.= ,
	OPERATOR 4 @extschema@.>= ,
	OPERATOR 5 @extschema@.> ,
	FUNCTION 1 @extschema@.tally_cmp(@extschema@.tally, @extschema@.tally);
COMMENT ON OPERATOR CLASS @extschema@.tally_ops USING btree IS
	'tallies ordered by pending, positive, negative, then withdrawn';
CREATE OPERATOR CLASS @extschema@.tally_ops
	DEFAULT FOR TYPE @extschema@.tally USING hash AS
	OPERATOR 1 @extschema@.= ,
	FUNCTION 1 @extschema@.tally_hash(@extschema@.tally),
	FUNCTION 2 @extschema@.tally_hash_extended(@extschema@.tally, pg_catalog.int8);
COMMENT ON OPERATOR CLASS @extschema@.tally_ops USING hash IS 'hashing of tallies';

CREATE OPERATOR @extschema@.+ (
	LEFTARG = @extschema@.tally, RIGHTARG = @extschema@.tally,
	FUNCTION = @extschema@.tally_add, COMMUTATOR = OPERATOR(@extschema@.+)
);
COMMENT ON OPERATOR @extschema@.+ (@extschema@.tally, @extschema@.tally) IS 'tallies added';

-- Accessors.
CREATE FUNCTION @extschema@.pending(@extschema@.tally) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'tally_pending' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pending(@extschema@.tally) IS
	'requests without an answer yet (bekend gesteld)';
CREATE FUNCTION @extschema@.positive(@extschema@.tally) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'tally_positive' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.positive(@extschema@.tally) IS
	'requests answered positively: nationality confirmed';
CREATE FUNCTION @extschema@.negative(@extschema@.tally) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'tally_negative' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.negative(@extschema@.tally) IS
	'requests answered negatively: nationality not confirmed';
CREATE FUNCTION @extschema@.withdrawn(@extschema@.tally) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'tally_withdrawn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.withdrawn(@extschema@.tally) IS
	'requests withdrawn, no answer obtained (ingetrokken, geen antwoord verkregen)';
CREATE FUNCTION @extschema@.not_confirmed(@extschema@.tally) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'tally_not_confirmed' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.not_confirmed(@extschema@.tally) IS
	'negative + withdrawn: nationality not confirmed';
CREATE FUNCTION @extschema@.answered(@extschema@.tally) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'tally_answered' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answered(@extschema@.tally) IS
	'positive + negative + withdrawn: requests with a final answer';
CREATE FUNCTION @extschema@.total(@extschema@.tally) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'tally_total' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.total(@extschema@.tally) IS
	'all requests: presented = positive + negative + withdrawn + pending';
CREATE FUNCTION @extschema@.acceptance_rate(t @extschema@.tally) RETURNS pg_catalog.numeric
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN CASE WHEN @extschema@.answered(t) = 0 THEN NULL
				ELSE pg_catalog.round(@extschema@.positive(t)::pg_catalog.numeric
									  / @extschema@.answered(t)::pg_catalog.numeric, 4) END;
COMMENT ON FUNCTION @extschema@.acceptance_rate(@extschema@.tally) IS
	'positive / answered, rounded to 4 decimals; NULL when nothing was answered yet';

-- Aggregates.
CREATE FUNCTION @extschema@.tally_count_answer(@extschema@.tally, @extschema@.answer)
	RETURNS @extschema@.tally
	AS 'MODULE_PATHNAME', 'tally_count_answer' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.tally_count_answer(@extschema@.tally, @extschema@.answer) IS
	'transition function of answer_tally: the tally with one more answer';
CREATE FUNCTION @extschema@.tally_combine(@extschema@.tally, @extschema@.tally)
	RETURNS @extschema@.tally
	AS 'MODULE_PATHNAME', 'tally_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.tally_combine(@extschema@.tally, @extschema@.tally) IS
	'transition and combine function of sum(tally) and answer_tally: tallies added';

CREATE AGGREGATE @extschema@.answer_tally(@extschema@.answer) (
	SFUNC = @extschema@.tally_count_answer,
	STYPE = @extschema@.tally,
	COMBINEFUNC = @extschema@.tally_combine,
	INITCOND = 'pending=0, positive=0, negative=0, withdrawn=0',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.answer_tally(@extschema@.answer) IS
	'counts of the answers per category (NULL answers are not counted)';

CREATE AGGREGATE @extschema@.sum(@extschema@.tally) (
	SFUNC = @extschema@.tally_combine,
	STYPE = @extschema@.tally,
	COMBINEFUNC = @extschema@.tally_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sum(@extschema@.tally) IS
	'tallies merged: the counts added per category (NULL when there are no tallies)';

-- sql/install/25-period.sql
-- Periods of whole years (from_year to to_year inclusive; NULL = open end).

CREATE FUNCTION @extschema@.period_start(from_year pg_catalog.int4, to_year pg_catalog.int4)
	RETURNS pg_catalog.date
	AS 'MODULE_PATHNAME', 'period_start'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	-- not strict: NULL is an open end
COMMENT ON FUNCTION @extschema@.period_start(pg_catalog.int4, pg_catalog.int4) IS
	'1 January of from_year (-infinity when NULL), after checking the period';
CREATE FUNCTION @extschema@.period_end(from_year pg_catalog.int4, to_year pg_catalog.int4)
	RETURNS pg_catalog.date
	AS 'MODULE_PATHNAME', 'period_end'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	-- not strict: NULL is an open end
COMMENT ON FUNCTION @extschema@.period_end(pg_catalog.int4, pg_catalog.int4) IS
	'1 January after to_year, the first day after the period (infinity when NULL), after checking the period';
CREATE FUNCTION @extschema@.check_period(from_year pg_catalog.int4, to_year pg_catalog.int4)
	RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'check_period'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	-- not strict: NULL is an open end
COMMENT ON FUNCTION @extschema@.check_period(pg_catalog.int4, pg_catalog.int4) IS
	'true for a valid period of years (NULL: an open end); an error otherwise';

-- sql/install/30-request.sql
-- The data: LP and T&O requests, and the countries' routes and arrangements
-- over time.  Both are extension tables whose rows pg_dump includes.

CREATE TABLE @extschema@.request (
	-- fixed-width, never-NULL columns first: the overviews read only these
	kind @extschema@.request_kind NOT NULL,
	answer @extschema@.answer NOT NULL DEFAULT 'pending',
	country @extschema@.country NOT NULL,
	presented_on pg_catalog.date NOT NULL,
	request_id pg_catalog.int8 GENERATED BY DEFAULT AS IDENTITY,
	person_id pg_catalog.int8 NOT NULL,
	answered_on pg_catalog.date,
	requested_on pg_catalog.date,
	source pg_catalog.text,
	CONSTRAINT request_pkey PRIMARY KEY (request_id),
	CONSTRAINT request_person_id_positive CHECK (person_id > 0),
	CONSTRAINT request_presented_in_range
		CHECK (presented_on >= '1950-01-01' AND presented_on < '2200-01-01'),
	CONSTRAINT request_final_answer_needs_date
		CHECK (answer OPERATOR(@extschema@.=) 'pending' OR answered_on IS NOT NULL),
	CONSTRAINT request_pending_has_no_answer_date
		CHECK (answer OPERATOR(@extschema@.<>) 'pending' OR answered_on IS NULL),
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
COMMENT ON COLUMN @extschema@.request.source IS 'where the row came from (system, file, batch)';

CREATE INDEX request_presented_on_idx ON @extschema@.request (presented_on);
CREATE INDEX request_country_presented_on_idx ON @extschema@.request (country, presented_on);
CREATE INDEX request_person_id_idx ON @extschema@.request (person_id);

SELECT pg_catalog.pg_extension_config_dump('@extschema@.request', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.request_request_id_seq', '');

CREATE TABLE @extschema@.country_route (
	country @extschema@.country NOT NULL,
	kind @extschema@.request_kind NOT NULL,
	valid_from pg_catalog.date NOT NULL,
	valid_to pg_catalog.date,
	has_process pg_catalog.bool NOT NULL,
	arrangement pg_catalog.text NOT NULL DEFAULT 'none',
	arrangement_name pg_catalog.text,
	reply_deadline pg_catalog.int4,
	deadline_unit pg_catalog.text,
	tacit_acceptance pg_catalog.bool NOT NULL DEFAULT false,
	route_id pg_catalog.int8 GENERATED BY DEFAULT AS IDENTITY,
	note pg_catalog.text,
	CONSTRAINT country_route_pkey PRIMARY KEY (route_id),
	CONSTRAINT country_route_period_check CHECK (valid_to > valid_from),
	CONSTRAINT country_route_arrangement_check
		CHECK (arrangement IN ('eu_readmission_agreement', 'bilateral_agreement',
							   'working_arrangement', 'none')),
	CONSTRAINT country_route_deadline_check
		CHECK (reply_deadline > 0 AND reply_deadline <= 366),
	CONSTRAINT country_route_deadline_unit_check
		CHECK ((reply_deadline IS NULL) = (deadline_unit IS NULL)
			   AND deadline_unit IN ('calendar_days', 'working_days')),
	CONSTRAINT country_route_tacit_acceptance_needs_deadline
		CHECK (NOT tacit_acceptance OR reply_deadline IS NOT NULL),
	CONSTRAINT country_route_no_process_no_arrangement
		CHECK (has_process OR (arrangement = 'none' AND reply_deadline IS NULL))
);
COMMENT ON TABLE @extschema@.country_route IS
	'per country and kind of request, over time: whether a process exists and under which arrangement';
COMMENT ON COLUMN @extschema@.country_route.country IS 'the country of origin';
COMMENT ON COLUMN @extschema@.country_route.kind IS 'LP or T&O';
COMMENT ON COLUMN @extschema@.country_route.valid_from IS 'first day this route applies';
COMMENT ON COLUMN @extschema@.country_route.valid_to IS
	'first day this route no longer applies; NULL while it still applies';
COMMENT ON COLUMN @extschema@.country_route.has_process IS
	'false when the country has no process at all for this kind of request (e.g. no LP process)';
COMMENT ON COLUMN @extschema@.country_route.arrangement IS
	'eu_readmission_agreement, bilateral_agreement, working_arrangement or none';
COMMENT ON COLUMN @extschema@.country_route.arrangement_name IS
	'name of the agreement or arrangement (e.g. Joint Way Forward)';
COMMENT ON COLUMN @extschema@.country_route.reply_deadline IS
	'days the country has to answer under the arrangement, if it sets a deadline';
COMMENT ON COLUMN @extschema@.country_route.deadline_unit IS 'calendar_days or working_days';
COMMENT ON COLUMN @extschema@.country_route.tacit_acceptance IS
	'true when no answer by the deadline counts as acceptance';
COMMENT ON COLUMN @extschema@.country_route.route_id IS 'number of the route';
COMMENT ON COLUMN @extschema@.country_route.note IS 'free text';

CREATE INDEX country_route_country_kind_idx ON @extschema@.country_route (country, kind, valid_from);

SELECT pg_catalog.pg_extension_config_dump('@extschema@.country_route', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.country_route_route_id_seq', '');

-- Periods of one country and kind may not overlap.  (An exclusion
-- constraint would need GiST support for the custom types.)
CREATE FUNCTION @extschema@.country_route_check_overlap() RETURNS pg_catalog.trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	other @extschema@.country_route;
BEGIN
	-- One writer of routes at a time, so that two transactions cannot each
	-- add an overlapping period the other does not see yet.
	PERFORM pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('migchain.country_route'));
	SELECT * INTO other
	  FROM @extschema@.country_route o
	 WHERE o.country OPERATOR(@extschema@.=) NEW.country
	   AND o.kind OPERATOR(@extschema@.=) NEW.kind
	   AND o.route_id <> NEW.route_id
	   AND o.valid_from < coalesce(NEW.valid_to, 'infinity')
	   AND NEW.valid_from < coalesce(o.valid_to, 'infinity')
	 LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'route for % % from % overlaps route % from % to %',
			NEW.country, NEW.kind, NEW.valid_from, other.route_id, other.valid_from,
			coalesce(other.valid_to::text, 'now')
			USING ERRCODE = 'exclusion_violation',
				  HINT = 'End the earlier route (valid_to) on or before the day the new one starts.';
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.country_route_check_overlap() IS
	'constraint trigger: the periods of one country and kind of request may not overlap';

CREATE CONSTRAINT TRIGGER country_route_no_overlap
	AFTER INSERT OR UPDATE ON @extschema@.country_route
	FOR EACH ROW EXECUTE FUNCTION @extschema@.country_route_check_overlap();

-- Whether a country had a process for a kind of request during a year.
CREATE FUNCTION @extschema@.has_process(country @extschema@.country,
										kind @extschema@.request_kind,
										year pg_catalog.int4)
	RETURNS pg_catalog.bool
	LANGUAGE sql STABLE PARALLEL SAFE
	RETURN (SELECT CASE WHEN pg_catalog.bool_or(r.has_process) THEN true
						WHEN pg_catalog.count(*) > 0 THEN false END
			  FROM @extschema@.country_route r
			 WHERE r.country OPERATOR(@extschema@.=) has_process.country
			   AND r.kind OPERATOR(@extschema@.=) has_process.kind
			   AND r.valid_from < @extschema@.period_end(has_process.year, has_process.year)
			   AND coalesce(r.valid_to, 'infinity') > @extschema@.period_start(has_process.year, has_process.year));
COMMENT ON FUNCTION @extschema@.has_process(@extschema@.country, @extschema@.request_kind, pg_catalog.int4) IS
	'true when the country had a process for this kind of request at some time during the year, false when its routes say it had none, NULL when no route is recorded (STABLE: reads country_route)';

-- sql/install/40-overview.sql
-- The overviews of the press answer: totals per year (sheet 1) and the
-- requests not confirmed per country (sheets 2 and 3), for any period and
-- as views for BI tools.

-- request_cube: one pass over the requests into dense counters.
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
CREATE FUNCTION @extschema@.request_cube_final(pg_catalog.internal) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME', 'request_cube_final'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	-- not strict: no rows give an empty cube
COMMENT ON FUNCTION @extschema@.request_cube_final(pg_catalog.internal) IS
	'final function of request_cube: the counters in the cube wire format';

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

CREATE FUNCTION @extschema@.request_cube_by_year(cube pg_catalog.bytea,
	OUT year pg_catalog.int4, OUT kind @extschema@.request_kind, OUT tally @extschema@.tally)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'request_cube_by_year'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.request_cube_by_year(pg_catalog.bytea) IS
	'the tally of every year and kind of a request cube';
CREATE FUNCTION @extschema@.request_cube_by_country(cube pg_catalog.bytea,
	OUT year pg_catalog.int4, OUT kind @extschema@.request_kind, OUT country @extschema@.country,
	OUT tally @extschema@.tally)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'request_cube_by_country'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1000;
COMMENT ON FUNCTION @extschema@.request_cube_by_country(pg_catalog.bytea) IS
	'the tally of every year, kind and country of a request cube';

-- The counters of a period, read with the rights of the extension's owner:
-- everything built on them (the views, the period functions) returns
-- aggregates only and needs no right on the person-level table.  The query
-- is made with the period's dates as constants, so a short period reads
-- the index on presented_on and a long one the whole table, in parallel.
CREATE FUNCTION @extschema@.period_cube(from_year pg_catalog.int4 DEFAULT NULL,
										to_year pg_catalog.int4 DEFAULT NULL,
										kind @extschema@.request_kind DEFAULT NULL)
	RETURNS SETOF pg_catalog.bytea
	LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL RESTRICTED ROWS 1
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	query pg_catalog.text := 'SELECT @extschema@.request_cube(r.kind, r.answer, r.country, r.presented_on)'
		' FROM @extschema@.request r WHERE true';
BEGIN
	PERFORM @extschema@.check_period(from_year, to_year);
	IF from_year IS NOT NULL THEN
		query := query || format(' AND r.presented_on >= pg_catalog.make_date(%s, 1, 1)', from_year);
	END IF;
	IF to_year IS NOT NULL THEN
		query := query || format(' AND r.presented_on < pg_catalog.make_date(%s, 1, 1)', to_year + 1);
	END IF;
	IF kind IS NOT NULL THEN
		query := query || format(' AND r.kind OPERATOR(@extschema@.=) %L::@extschema@.request_kind', kind);
	END IF;
	RETURN QUERY EXECUTE query;
END
$$;
COMMENT ON FUNCTION @extschema@.period_cube(pg_catalog.int4, pg_catalog.int4, @extschema@.request_kind) IS
	'request_cube of the requests presented in the years from_year to to_year (NULL: an open end), of one kind (NULL: both); runs with the rights of the extension''s owner and returns counts only (PARALLEL RESTRICTED: it starts a parallel query of its own)';

-- Sheet 1: totals per year and kind, for any period ("the last five years").
CREATE FUNCTION @extschema@.overview(from_year pg_catalog.int4 DEFAULT NULL,
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
COMMENT ON FUNCTION @extschema@.overview(pg_catalog.int4, pg_catalog.int4) IS
	'requests presented per year and kind with their answers so far, for the years from_year to to_year (NULL: an open end)';

-- Sheets 2 and 3: not confirmed per country, for a kind (NULL: both) and
-- any period; with the owner's rights, to read the routes.  A country without a process for a kind, in a year that has
-- requests of that kind, shows has_process false and NULL counts: "no
-- process", never 0.
CREATE FUNCTION @extschema@.not_confirmed(kind @extschema@.request_kind DEFAULT NULL,
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
COMMENT ON FUNCTION @extschema@.not_confirmed(@extschema@.request_kind, pg_catalog.int4, pg_catalog.int4) IS
	'requests per year, kind and country with the negative and withdrawn (not confirmed) ones, for a kind (NULL: both) and the years from_year to to_year (NULL: an open end)';

-- Requests and distinct persons per year and kind, for any period.  Counts
-- only, read with the rights of the extension's owner (see period_cube).
CREATE FUNCTION @extschema@.persons(from_year pg_catalog.int4 DEFAULT NULL,
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
		'       pg_catalog.count(*), pg_catalog.count(*) FILTER (WHERE p.countries > 1)'
		'  FROM (SELECT pg_catalog.date_part(''year'', r.presented_on)::pg_catalog.int4 AS year,'
		'               r.kind, r.person_id, pg_catalog.count(*) AS requests,'
		'               pg_catalog.count(DISTINCT r.country) AS countries'
		'          FROM @extschema@.request r WHERE true' || cond ||
		'         GROUP BY 1, 2, 3) p'
		' GROUP BY p.year, p.kind';
END
$$;
COMMENT ON FUNCTION @extschema@.persons(pg_catalog.int4, pg_catalog.int4) IS
	'requests and distinct persons presented per year and kind, and the persons presented to more than one country that year, for the years from_year to to_year (NULL: an open end); counts only, read with the rights of the extension''s owner';

-- The views for BI tools: plain types only, every view and column
-- commented.  They are the functions above over the whole history.
CREATE VIEW migchain_bi.overview_by_year AS
	SELECT o.year, o.kind, o.presented, o.positive, o.negative, o.withdrawn, o.pending
	  FROM @extschema@.overview() o;
COMMENT ON VIEW migchain_bi.overview_by_year IS
	'LP and T&O requests per year presented, with the answers received so far (sheet 1 of the press answer): presented = positive + negative + withdrawn + pending';
COMMENT ON COLUMN migchain_bi.overview_by_year.year IS 'year the requests were presented (bekend gesteld)';
COMMENT ON COLUMN migchain_bi.overview_by_year.kind IS 'LP (laissez-passer) or T&O (terugname en overname)';
COMMENT ON COLUMN migchain_bi.overview_by_year.presented IS 'requests presented (bekend gesteld) that year';
COMMENT ON COLUMN migchain_bi.overview_by_year.positive IS 'of which answered positively: nationality confirmed';
COMMENT ON COLUMN migchain_bi.overview_by_year.negative IS 'of which answered negatively: nationality not confirmed';
COMMENT ON COLUMN migchain_bi.overview_by_year.withdrawn IS 'of which withdrawn: no answer obtained (ingetrokken)';
COMMENT ON COLUMN migchain_bi.overview_by_year.pending IS 'of which still without an answer';

CREATE VIEW migchain_bi.not_confirmed_by_country AS
	SELECT n.year, n.kind, n.country_code, n.country_name, n.negative, n.withdrawn,
		   n.not_confirmed, n.presented, n.has_process
	  FROM @extschema@.not_confirmed() n;
COMMENT ON VIEW migchain_bi.not_confirmed_by_country IS
	'requests per year presented, kind and country of origin, with those not confirmed (negative + withdrawn): sheets 2 (T&O) and 3 (LP) of the press answer';
COMMENT ON COLUMN migchain_bi.not_confirmed_by_country.year IS 'year the requests were presented';
COMMENT ON COLUMN migchain_bi.not_confirmed_by_country.kind IS 'LP or T&O';
COMMENT ON COLUMN migchain_bi.not_confirmed_by_country.country_code IS 'country of origin, ISO 3166 code';
COMMENT ON COLUMN migchain_bi.not_confirmed_by_country.country_name IS
	'name of the country in the language of migchain.language';
COMMENT ON COLUMN migchain_bi.not_confirmed_by_country.negative IS 'answered negatively (NULL: no process)';
COMMENT ON COLUMN migchain_bi.not_confirmed_by_country.withdrawn IS 'withdrawn, no answer obtained (NULL: no process)';
COMMENT ON COLUMN migchain_bi.not_confirmed_by_country.not_confirmed IS 'negative + withdrawn (NULL: no process)';
COMMENT ON COLUMN migchain_bi.not_confirmed_by_country.presented IS 'all requests presented (NULL: no process)';
COMMENT ON COLUMN migchain_bi.not_confirmed_by_country.has_process IS
	'false when the country had no process for this kind of request that year (counts are then NULL, not 0); NULL when no route is recorded';

CREATE VIEW migchain_bi.persons_by_year AS
	SELECT p.year, p.kind, p.presented, p.persons, p.persons_several_countries
	  FROM @extschema@.persons() p;
COMMENT ON VIEW migchain_bi.persons_by_year IS
	'requests and distinct persons per year presented and kind: a person whose nationality is unknown may be presented to several countries';
COMMENT ON COLUMN migchain_bi.persons_by_year.year IS 'year the requests were presented';
COMMENT ON COLUMN migchain_bi.persons_by_year.kind IS 'LP or T&O';
COMMENT ON COLUMN migchain_bi.persons_by_year.presented IS 'requests presented';
COMMENT ON COLUMN migchain_bi.persons_by_year.persons IS 'distinct persons those requests were about';
COMMENT ON COLUMN migchain_bi.persons_by_year.persons_several_countries IS
	'persons presented to more than one country that year';

-- sql/install/50-demo.sql
-- Demo data: deterministic, of the order of the public figures.

CREATE FUNCTION @extschema@.demo_requests(seed pg_catalog.int8, scale pg_catalog.float8,
	first_year pg_catalog.int4, last_year pg_catalog.int4,
	OUT kind @extschema@.request_kind, OUT answer @extschema@.answer,
	OUT country @extschema@.country, OUT presented_on pg_catalog.date,
	OUT person_id pg_catalog.int8, OUT answered_on pg_catalog.date,
	OUT requested_on pg_catalog.date, OUT source pg_catalog.text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'demo_requests'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 50000;
COMMENT ON FUNCTION @extschema@.demo_requests(pg_catalog.int8, pg_catalog.float8, pg_catalog.int4, pg_catalog.int4) IS
	'the demo''s requests: the same rows for the same arguments on any machine (about 8000 a year at scale 1)';

CREATE FUNCTION @extschema@.generate_demo(seed pg_catalog.int8 DEFAULT 1,
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
						WHERE r.country OPERATOR(@extschema@.=) d.country
						  AND r.kind OPERATOR(@extschema@.=) 'LP');

	RETURN made;
END
$$;
COMMENT ON FUNCTION @extschema@.generate_demo(pg_catalog.int8, pg_catalog.float8, pg_catalog.int4, pg_catalog.int4) IS
	'fills the empty tables with deterministic demo data (scale 1: about 8000 requests a year) and returns the number of requests';

-- sql/install/60-access.sql
-- Access control: who may read and write what (see docs/security.md).
--
-- Three kinds of role:
--   analyst  reads the views of migchain_bi and calls the period functions;
--            never reads the person-level rows of migchain.request (nor
--            migchain.country_route: an analyst sees the views only).
--   loader   inserts and updates requests and routes, reads them (it must
--            find the rows it updates, and the source it loads from holds
--            the same rows), and has what an analyst has.  It does not
--            delete or truncate: a request once presented stays in the
--            published figures, a correction is an update (e.g. withdrawn).
--   admin    the owner of the extension (a superuser: the extension is not
--            trusted); runs the demo generator and the grant functions.
--
-- The views read the tables with their owner's rights, but every function
-- a view calls (the request_cube aggregate, the tally accessors, casts,
-- operators) is checked against the role that runs the query.  By default
-- PUBLIC may execute every function, so analysts need nothing more; the
-- grant functions still grant EXECUTE on exactly those functions, so that
-- an analyst keeps working in a database where EXECUTE was revoked from
-- PUBLIC.

-- Not for PUBLIC:
--   generate_demo  writes demo rows into the tables;
--   demo_requests  its rows look exactly like person-level rows (person
--                  numbers included): no role but the admin should be able
--                  to mistake them for, or mix them with, real ones;
--   grant_analyst, grant_loader, revoke_access  (below) hand out rights;
--   period_cube, not_confirmed, persons  read the tables with the owner's
--                  rights (below).
-- Every other function of migchain is a pure computation on its arguments
-- or reads the tables with the caller's rights (has_process), so PUBLIC
-- keeps EXECUTE on them.
REVOKE EXECUTE ON FUNCTION @extschema@.generate_demo(pg_catalog.int8, pg_catalog.float8,
	pg_catalog.int4, pg_catalog.int4) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.demo_requests(pg_catalog.int8, pg_catalog.float8,
	pg_catalog.int4, pg_catalog.int4) FROM PUBLIC;
-- The functions that read the tables with the owner's rights return counts
-- only, but every count down to 1: they are for the roles given analyst
-- access, not for every role that can reach the schema.
REVOKE EXECUTE ON FUNCTION @extschema@.period_cube(pg_catalog.int4, pg_catalog.int4,
	@extschema@.request_kind) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.not_confirmed(@extschema@.request_kind,
	pg_catalog.int4, pg_catalog.int4) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.persons(pg_catalog.int4, pg_catalog.int4) FROM PUBLIC;

-- The functions an analyst must be able to execute: those the views of
-- migchain_bi call, directly or behind an operator, and, following the
-- dependencies of SQL-standard function bodies, the functions those call in
-- turn (overview() calls period_cube() and the tally accessors).  Computed
-- from the catalog, so a new view brings its functions.
CREATE FUNCTION @extschema@.analyst_functions() RETURNS SETOF pg_catalog.regprocedure
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
	)
	SELECT p.oid::pg_catalog.regprocedure
	  FROM fns
	  JOIN pg_catalog.pg_proc p ON p.oid OPERATOR(pg_catalog.=) fns.fn
	 WHERE p.pronamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
	 ORDER BY p.oid::pg_catalog.regprocedure::pg_catalog.text;
END;
COMMENT ON FUNCTION @extschema@.analyst_functions() IS
	'the functions of migchain that the views of migchain_bi and the period functions need: what grant_analyst grants EXECUTE on';

-- The functions a loader must be able to execute beside an analyst's: those
-- the constraints, defaults and triggers of the tables call (directly, or
-- behind an operator; constraints are checked with the rights of the role
-- that writes), and the operators the trigger function's queries use (its
-- body is parsed at call time, so pg_depend does not know them).
CREATE FUNCTION @extschema@.loader_functions() RETURNS SETOF pg_catalog.regprocedure
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH tables AS (
		SELECT '@extschema@.request'::pg_catalog.regclass::pg_catalog.oid AS rel
		UNION ALL
		SELECT '@extschema@.country_route'::pg_catalog.regclass::pg_catalog.oid
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
	'the functions of migchain that writing requests and routes needs (constraints, trigger): what grant_loader grants EXECUTE on beside analyst_functions()';

-- The grant functions run with the rights of their caller (not SECURITY
-- DEFINER): only a role that may grant these rights itself, i.e. a
-- superuser or the owner of the extension, can use them.
CREATE FUNCTION @extschema@.check_grantee(grantee pg_catalog.regrole) RETURNS pg_catalog.text
	LANGUAGE plpgsql STABLE STRICT
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF grantee::oid OPERATOR(pg_catalog.=) 0::oid THEN
		RAISE EXCEPTION 'a role is required'
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Name an existing role, e.g. migchain.grant_analyst(''bi_reader'').';
	END IF;
	RETURN grantee::text;	-- regrole output: the name, quoted where needed
END
$$;
COMMENT ON FUNCTION @extschema@.check_grantee(pg_catalog.regrole) IS
	'the role as a quoted name for GRANT and REVOKE; an error for no role (STABLE: reads the catalog)';

CREATE FUNCTION @extschema@.grant_analyst(grantee pg_catalog.regrole) RETURNS pg_catalog.void
	LANGUAGE plpgsql STRICT
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
END
$$;
COMMENT ON FUNCTION @extschema@.grant_analyst(pg_catalog.regrole) IS
	'lets a role read the views of migchain_bi and call the period functions, never the person-level tables';

CREATE FUNCTION @extschema@.grant_loader(grantee pg_catalog.regrole) RETURNS pg_catalog.void
	LANGUAGE plpgsql STRICT
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	who text := @extschema@.check_grantee(grantee);
	fn regprocedure;
BEGIN
	PERFORM @extschema@.grant_analyst(grantee);
	FOR fn IN SELECT f FROM @extschema@.loader_functions() f LOOP
		EXECUTE format('GRANT EXECUTE ON ROUTINE %s TO %s', fn, who);
	END LOOP;
	EXECUTE format('GRANT SELECT, INSERT, UPDATE ON TABLE @extschema@.request, @extschema@.country_route TO %s', who);
	EXECUTE format('GRANT USAGE ON SEQUENCE @extschema@.request_request_id_seq, @extschema@.country_route_route_id_seq TO %s', who);
END
$$;
COMMENT ON FUNCTION @extschema@.grant_loader(pg_catalog.regrole) IS
	'lets a role read, insert and update requests and routes (no delete), and what an analyst may';

CREATE FUNCTION @extschema@.revoke_access(grantee pg_catalog.regrole) RETURNS pg_catalog.void
	LANGUAGE plpgsql STRICT
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	who text := @extschema@.check_grantee(grantee);
BEGIN
	EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA @extschema@, migchain_bi FROM %s', who);
	EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA @extschema@ FROM %s', who);
	EXECUTE format('REVOKE ALL ON ALL ROUTINES IN SCHEMA @extschema@ FROM %s', who);
	EXECUTE format('REVOKE ALL ON SCHEMA @extschema@, migchain_bi FROM %s', who);
END
$$;
COMMENT ON FUNCTION @extschema@.revoke_access(pg_catalog.regrole) IS
	'takes back every right on the objects of migchain and migchain_bi that was granted to the role itself (what PUBLIC may, it still may)';

REVOKE EXECUTE ON FUNCTION @extschema@.grant_analyst(pg_catalog.regrole) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.grant_loader(pg_catalog.regrole) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.revoke_access(pg_catalog.regrole) FROM PUBLIC;
