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

-- From text and varchar in assignment too, as for every type of migchain.
CREATE CAST (pg_catalog.text AS @extschema@.tally) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.text AS @extschema@.tally) IS
	'a tally from its text form, e.g. pending=0, positive=5, negative=1, withdrawn=2 (explicit or in assignment)';
CREATE CAST (pg_catalog.varchar AS @extschema@.tally) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.varchar AS @extschema@.tally) IS
	'a tally from its text form, e.g. pending=0, positive=5, negative=1, withdrawn=2 (explicit or in assignment)';

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

CREATE OPERATOR pg_catalog.= (
	LEFTARG = @extschema@.tally, RIGHTARG = @extschema@.tally,
	FUNCTION = @extschema@.tally_eq,
	COMMUTATOR = OPERATOR(pg_catalog.=), NEGATOR = OPERATOR(pg_catalog.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES, MERGES
);
COMMENT ON OPERATOR pg_catalog.= (@extschema@.tally, @extschema@.tally) IS 'equal tallies';
CREATE OPERATOR pg_catalog.<> (
	LEFTARG = @extschema@.tally, RIGHTARG = @extschema@.tally,
	FUNCTION = @extschema@.tally_ne,
	COMMUTATOR = OPERATOR(pg_catalog.<>), NEGATOR = OPERATOR(pg_catalog.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR pg_catalog.<> (@extschema@.tally, @extschema@.tally) IS 'different tallies';
CREATE OPERATOR pg_catalog.< (
	LEFTARG = @extschema@.tally, RIGHTARG = @extschema@.tally, FUNCTION = @extschema@.tally_lt,
	COMMUTATOR = OPERATOR(pg_catalog.>), NEGATOR = OPERATOR(pg_catalog.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
COMMENT ON OPERATOR pg_catalog.< (@extschema@.tally, @extschema@.tally) IS 'less than';
CREATE OPERATOR pg_catalog.<= (
	LEFTARG = @extschema@.tally, RIGHTARG = @extschema@.tally, FUNCTION = @extschema@.tally_le,
	COMMUTATOR = OPERATOR(pg_catalog.>=), NEGATOR = OPERATOR(pg_catalog.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
COMMENT ON OPERATOR pg_catalog.<= (@extschema@.tally, @extschema@.tally) IS 'less than or equal';
CREATE OPERATOR pg_catalog.> (
	LEFTARG = @extschema@.tally, RIGHTARG = @extschema@.tally, FUNCTION = @extschema@.tally_gt,
	COMMUTATOR = OPERATOR(pg_catalog.<), NEGATOR = OPERATOR(pg_catalog.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
COMMENT ON OPERATOR pg_catalog.> (@extschema@.tally, @extschema@.tally) IS 'greater than';
CREATE OPERATOR pg_catalog.>= (
	LEFTARG = @extschema@.tally, RIGHTARG = @extschema@.tally, FUNCTION = @extschema@.tally_ge,
	COMMUTATOR = OPERATOR(pg_catalog.<=), NEGATOR = OPERATOR(pg_catalog.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
COMMENT ON OPERATOR pg_catalog.>= (@extschema@.tally, @extschema@.tally) IS 'greater than or equal';

CREATE OPERATOR CLASS @extschema@.tally_ops
	DEFAULT FOR TYPE @extschema@.tally USING btree AS
	OPERATOR 1 pg_catalog.< ,
	OPERATOR 2 pg_catalog.<= ,
	OPERATOR 3 pg_catalog.= ,
	OPERATOR 4 pg_catalog.>= ,
	OPERATOR 5 pg_catalog.> ,
	FUNCTION 1 @extschema@.tally_cmp(@extschema@.tally, @extschema@.tally);
COMMENT ON OPERATOR CLASS @extschema@.tally_ops USING btree IS
	'tallies ordered by pending, positive, negative, then withdrawn';
CREATE OPERATOR CLASS @extschema@.tally_ops
	DEFAULT FOR TYPE @extschema@.tally USING hash AS
	OPERATOR 1 pg_catalog.= ,
	FUNCTION 1 @extschema@.tally_hash(@extschema@.tally),
	FUNCTION 2 @extschema@.tally_hash_extended(@extschema@.tally, pg_catalog.int8);
COMMENT ON OPERATOR CLASS @extschema@.tally_ops USING hash IS 'hashing of tallies';

CREATE OPERATOR pg_catalog.+ (
	LEFTARG = @extschema@.tally, RIGHTARG = @extschema@.tally,
	FUNCTION = @extschema@.tally_add, COMMUTATOR = OPERATOR(pg_catalog.+)
);
COMMENT ON OPERATOR pg_catalog.+ (@extschema@.tally, @extschema@.tally) IS 'tallies added';

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
-- A withdrawal is no answer ("ingetrokken, geen antwoord verkregen"):
-- answered counts the countries' answers, closed every request that is no
-- longer pending.
CREATE FUNCTION @extschema@.answered(@extschema@.tally) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'tally_replied' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answered(@extschema@.tally) IS
	'positive + negative: the requests the country answered (a withdrawal is no answer)';
CREATE FUNCTION @extschema@.closed(@extschema@.tally) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'tally_answered' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.closed(@extschema@.tally) IS
	'positive + negative + withdrawn: the requests no longer pending';
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
	'positive / answered (positive + negative), rounded to 4 decimals; NULL when nothing was answered yet';

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
