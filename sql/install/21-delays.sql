-- delays: a histogram of the whole days from the presentation of requests
-- to their answers, with the aggregates answer_delays(answer, presented_on,
-- answered_on), day_counts(int4) and sum(delays), and percentiles that
-- match percentile_disc and percentile_cont.  Days 0 to 731 are counted one
-- by one, later answers together with their least and greatest delay.
-- Text form like 'answered=13, withdrawn=3, pending=4, days={0:2, 5:7,
-- 31:3}, beyond=1, beyond_min=800, beyond_max=800'; see src/delays_parse.h.
-- Equality and hashing but no order, as for lights.

CREATE TYPE @extschema@.delays;

CREATE FUNCTION @extschema@.delays_in(pg_catalog.cstring) RETURNS @extschema@.delays
	AS 'MODULE_PATHNAME', 'delays_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.delays_in(pg_catalog.cstring) IS
	'text input of delays: "answered=13, withdrawn=3, pending=4, days={0:2, 5:7, 31:3}, beyond=1, beyond_min=800, beyond_max=800"';
CREATE FUNCTION @extschema@.delays_out(@extschema@.delays) RETURNS pg_catalog.cstring
	AS 'MODULE_PATHNAME', 'delays_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.delays_out(@extschema@.delays) IS 'text output of delays';
CREATE FUNCTION @extschema@.delays_recv(pg_catalog.internal) RETURNS @extschema@.delays
	AS 'MODULE_PATHNAME', 'delays_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.delays_recv(pg_catalog.internal) IS
	'binary input of delays: four big-endian int64 counts, two int32 bounds, 732 int32 day counts';
CREATE FUNCTION @extschema@.delays_send(@extschema@.delays) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME', 'delays_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.delays_send(@extschema@.delays) IS
	'binary output of delays: answered, withdrawn, pending, beyond (big-endian int64), beyond_min, beyond_max (int32), the counts of days 0 to 731 (int32)';

CREATE TYPE @extschema@.delays (
	INPUT = @extschema@.delays_in,
	OUTPUT = @extschema@.delays_out,
	RECEIVE = @extschema@.delays_recv,
	SEND = @extschema@.delays_send,
	INTERNALLENGTH = 2968,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE @extschema@.delays IS
	'days from presentation to answer: answered requests per day of delay (0 to 731, later ones with their least and greatest delay), withdrawn and pending counted apart';

-- From text and varchar in assignment too, as for every type of migchain.
CREATE CAST (pg_catalog.text AS @extschema@.delays) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.text AS @extschema@.delays) IS
	'delays from their text form, e.g. answered=2, withdrawn=0, pending=0, days={3:2}, beyond=0 (explicit or in assignment)';
CREATE CAST (pg_catalog.varchar AS @extschema@.delays) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.varchar AS @extschema@.delays) IS
	'delays from their text form, e.g. answered=2, withdrawn=0, pending=0, days={3:2}, beyond=0 (explicit or in assignment)';

-- Equality, hashing and addition.
CREATE FUNCTION @extschema@.delays_eq(@extschema@.delays, @extschema@.delays) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'delays_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.delays_eq(@extschema@.delays, @extschema@.delays) IS
	'true when every count is equal';
CREATE FUNCTION @extschema@.delays_ne(@extschema@.delays, @extschema@.delays) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'delays_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.delays_ne(@extschema@.delays, @extschema@.delays) IS
	'true when some count differs';
CREATE FUNCTION @extschema@.delays_hash(@extschema@.delays) RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'delays_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.delays_hash(@extschema@.delays) IS 'hash support for delays';
CREATE FUNCTION @extschema@.delays_hash_extended(@extschema@.delays, pg_catalog.int8) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'delays_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.delays_hash_extended(@extschema@.delays, pg_catalog.int8) IS
	'hash support for delays: 64-bit hash with a seed';
CREATE FUNCTION @extschema@.delays_add(@extschema@.delays, @extschema@.delays) RETURNS @extschema@.delays
	AS 'MODULE_PATHNAME', 'delays_add' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.delays_add(@extschema@.delays, @extschema@.delays) IS
	'delays added count by count, the bounds of the later answers widened';

CREATE OPERATOR pg_catalog.= (
	LEFTARG = @extschema@.delays, RIGHTARG = @extschema@.delays, FUNCTION = @extschema@.delays_eq,
	COMMUTATOR = OPERATOR(pg_catalog.=), NEGATOR = OPERATOR(pg_catalog.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES
);
COMMENT ON OPERATOR pg_catalog.= (@extschema@.delays, @extschema@.delays) IS 'equal: every count the same';
CREATE OPERATOR pg_catalog.<> (
	LEFTARG = @extschema@.delays, RIGHTARG = @extschema@.delays, FUNCTION = @extschema@.delays_ne,
	COMMUTATOR = OPERATOR(pg_catalog.<>), NEGATOR = OPERATOR(pg_catalog.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR pg_catalog.<> (@extschema@.delays, @extschema@.delays) IS 'not equal: some count differs';

CREATE OPERATOR CLASS @extschema@.delays_ops
	DEFAULT FOR TYPE @extschema@.delays USING hash AS
	OPERATOR 1 pg_catalog.= ,
	FUNCTION 1 @extschema@.delays_hash(@extschema@.delays),
	FUNCTION 2 @extschema@.delays_hash_extended(@extschema@.delays, pg_catalog.int8);
COMMENT ON OPERATOR CLASS @extschema@.delays_ops USING hash IS 'hashing of delays';

CREATE OPERATOR pg_catalog.+ (
	LEFTARG = @extschema@.delays, RIGHTARG = @extschema@.delays,
	FUNCTION = @extschema@.delays_add, COMMUTATOR = OPERATOR(pg_catalog.+)
);
COMMENT ON OPERATOR pg_catalog.+ (@extschema@.delays, @extschema@.delays) IS 'delays added';

-- Accessors.  answered(delays) counts positive and negative answers, as
-- answered(tally) does: a withdrawal is no answer.
CREATE FUNCTION @extschema@.answered(@extschema@.delays) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'delays_answered' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answered(@extschema@.delays) IS
	'requests answered positively or negatively (whose delays are counted)';
CREATE FUNCTION @extschema@.withdrawn(@extschema@.delays) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'delays_withdrawn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.withdrawn(@extschema@.delays) IS
	'requests withdrawn, no answer obtained: counted apart, no delay';
CREATE FUNCTION @extschema@.pending(@extschema@.delays) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'delays_pending' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pending(@extschema@.delays) IS
	'requests without an answer yet: counted apart, no delay';
CREATE FUNCTION @extschema@.answered_beyond(@extschema@.delays) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'delays_beyond' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answered_beyond(@extschema@.delays) IS
	'answers later than 731 days (not counted day by day)';
CREATE FUNCTION @extschema@.median_days(@extschema@.delays) RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'delays_median_days' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.median_days(@extschema@.delays) IS
	'days to answer, median: percentile_disc(0.5) over the answered requests; NULL when none';
CREATE FUNCTION @extschema@.percentile_days(@extschema@.delays, fraction pg_catalog.float8)
	RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'delays_percentile_days' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.percentile_days(@extschema@.delays, pg_catalog.float8) IS
	'days to answer: percentile_disc(fraction) over the answered requests, exact up to 731 days (see percentile_days_exact); NULL when none';
CREATE FUNCTION @extschema@.percentile_days_exact(@extschema@.delays, fraction pg_catalog.float8)
	RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'delays_percentile_days_exact' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.percentile_days_exact(@extschema@.delays, pg_catalog.float8) IS
	'whether percentile_days(fraction) is exact; false when it is an upper bound (the longest delay beyond 731 days); NULL when nothing was answered';
CREATE FUNCTION @extschema@.percentile_cont_days(@extschema@.delays, fraction pg_catalog.float8)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'delays_percentile_cont_days' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.percentile_cont_days(@extschema@.delays, pg_catalog.float8) IS
	'days to answer: percentile_cont(fraction) over the answered requests, exact up to 731 days (see percentile_cont_days_exact); NULL when none';
CREATE FUNCTION @extschema@.percentile_cont_days_exact(@extschema@.delays, fraction pg_catalog.float8)
	RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'delays_percentile_cont_days_exact' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.percentile_cont_days_exact(@extschema@.delays, pg_catalog.float8) IS
	'whether percentile_cont_days(fraction) is exact; false when it is an upper bound (a row it reads is beyond 731 days and unknown); NULL when nothing was answered';
CREATE FUNCTION @extschema@.min_days(@extschema@.delays) RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'delays_min_days' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.min_days(@extschema@.delays) IS
	'the shortest delay of an answer, exact; NULL when none';
CREATE FUNCTION @extschema@.max_days(@extschema@.delays) RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'delays_max_days' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.max_days(@extschema@.delays) IS
	'the longest delay of an answer, exact; NULL when none';

-- Aggregates.
-- Not strict: a positive or negative answer with a NULL date is an error
-- rather than a row skipped, and pending and withdrawn requests are counted
-- without their dates (see delays_count_answer in src/delays.c).
CREATE FUNCTION @extschema@.delays_count_answer(@extschema@.delays, @extschema@.answer,
												pg_catalog.date, pg_catalog.date)
	RETURNS @extschema@.delays
	AS 'MODULE_PATHNAME', 'delays_count_answer' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.delays_count_answer(@extschema@.delays, @extschema@.answer, pg_catalog.date, pg_catalog.date) IS
	'transition function of answer_delays: the delays with one more request';
CREATE FUNCTION @extschema@.delays_count_day(@extschema@.delays, pg_catalog.int4)
	RETURNS @extschema@.delays
	AS 'MODULE_PATHNAME', 'delays_count_day' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.delays_count_day(@extschema@.delays, pg_catalog.int4) IS
	'transition function of day_counts: the delays with one more answer after that many days';
CREATE FUNCTION @extschema@.delays_combine(@extschema@.delays, @extschema@.delays)
	RETURNS @extschema@.delays
	AS 'MODULE_PATHNAME', 'delays_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.delays_combine(@extschema@.delays, @extschema@.delays) IS
	'transition and combine function of sum(delays), combine function of answer_delays and day_counts: delays added';

CREATE AGGREGATE @extschema@.answer_delays(answer @extschema@.answer,
										   presented_on pg_catalog.date,
										   answered_on pg_catalog.date) (
	SFUNC = @extschema@.delays_count_answer,
	STYPE = @extschema@.delays,
	COMBINEFUNC = @extschema@.delays_combine,
	INITCOND = 'answered=0, withdrawn=0, pending=0, days={}, beyond=0',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.answer_delays(@extschema@.answer, pg_catalog.date, pg_catalog.date) IS
	'days from presentation to answer of the positive and negative answers, withdrawn and pending requests counted apart (NULL answers are not counted; a positive or negative answer with a NULL date is an error)';

CREATE AGGREGATE @extschema@.day_counts(pg_catalog.int4) (
	SFUNC = @extschema@.delays_count_day,
	STYPE = @extschema@.delays,
	COMBINEFUNC = @extschema@.delays_combine,
	INITCOND = 'answered=0, withdrawn=0, pending=0, days={}, beyond=0',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.day_counts(pg_catalog.int4) IS
	'a histogram of whole days (e.g. durations), each counted as answered after that many days (NULLs are not counted)';

CREATE AGGREGATE @extschema@.sum(@extschema@.delays) (
	SFUNC = @extschema@.delays_combine,
	STYPE = @extschema@.delays,
	COMBINEFUNC = @extschema@.delays_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sum(@extschema@.delays) IS
	'delays merged: the counts added, the bounds of the later answers widened (NULL when there are no delays)';
