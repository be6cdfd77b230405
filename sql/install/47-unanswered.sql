-- Unanswered requests: in practice a request that has had no answer for 12
-- months is recorded as unanswered and withdrawn ("Ingetrokken (Geen
-- antwoord verkregen)").  unanswered_requests() lists them,
-- withdraw_unanswered() withdraws them and records what it changed in
-- unanswered_withdrawal.  See docs/conditions-and-cooperation.md.
--
-- "More than N months": a request presented on day p is unanswered on day d
-- when p + N months < d, in PostgreSQL's month arithmetic (the day of the
-- month is kept, or the last day of a shorter month: 2023-01-31 + 1 month
-- is 2023-02-28).  Presented exactly N months before d, it is not yet.

-- The checks of the arguments, in one place for both.
CREATE FUNCTION @extschema@.check_unanswered_arguments(as_of pg_catalog.date, months pg_catalog.int4)
	RETURNS pg_catalog.void
	LANGUAGE plpgsql STABLE PARALLEL SAFE	-- STABLE: compares with current_date; not strict: NULL is an error
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF as_of IS NULL THEN
		RAISE EXCEPTION 'as_of must not be NULL'
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Give the day to count from, e.g. current_date (the default).';
	END IF;
	IF months IS NULL THEN
		RAISE EXCEPTION 'months must not be NULL'
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Give a number of months from 1 to 1200; the practice is 12 (the default).';
	END IF;
	IF as_of OPERATOR(pg_catalog.>) current_date THEN
		RAISE EXCEPTION 'as_of % is in the future', as_of
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Give a day up to today: whether a request is still unanswered on a later day is not known yet.';
	END IF;
	IF months OPERATOR(pg_catalog.<) 1 OR months OPERATOR(pg_catalog.>) 1200 THEN
		RAISE EXCEPTION 'months % is out of range', months
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Give a number of months from 1 to 1200; the practice is 12 (the default).';
	END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.check_unanswered_arguments(pg_catalog.date, pg_catalog.int4) IS
	'raises 22023 unless as_of is a day up to today and months is 1 to 1200 (the checks of unanswered_requests and withdraw_unanswered)';

-- The rows read are person-level: the function runs with its caller's
-- rights (so a role that may not read migchain.request gets nothing from
-- it), and only loaders and the admin may execute it (60-access.sql).
CREATE FUNCTION @extschema@.unanswered_requests(
	as_of pg_catalog.date DEFAULT CURRENT_DATE,
	months pg_catalog.int4 DEFAULT 12)
	RETURNS TABLE (request_id pg_catalog.int4, kind @extschema@.request_kind,
				   country @extschema@.country, person_id pg_catalog.int8,
				   presented_on pg_catalog.date, age_days pg_catalog.int4)
	LANGUAGE plpgsql STABLE PARALLEL SAFE	-- STABLE: reads the table; not strict: NULL is an error
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM @extschema@.check_unanswered_arguments(as_of, months);
	RETURN QUERY
	SELECT r.request_id, r.kind, r.country, r.person_id, r.presented_on,
		   as_of OPERATOR(pg_catalog.-) r.presented_on
	  FROM @extschema@.request r
	 WHERE (r.answer OPERATOR(pg_catalog.=) 'pending'::@extschema@.answer
			OR r.answered_on OPERATOR(pg_catalog.>) as_of)
	   AND (r.presented_on OPERATOR(pg_catalog.+) pg_catalog.make_interval(months => months))
			 OPERATOR(pg_catalog.<) as_of
	 ORDER BY r.presented_on, r.request_id;
END
$$;
COMMENT ON FUNCTION @extschema@.unanswered_requests(pg_catalog.date, pg_catalog.int4) IS
	'requests still pending on as_of (no answer then, or only later) that were presented more than months months before it (presented_on + months < as_of), with their age in days on as_of; person-level: for loaders and the admin';

-- What withdraw_unanswered() changed: one row per request it withdrew.
CREATE TABLE @extschema@.unanswered_withdrawal (
	withdrawal_id pg_catalog.int8 GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	request_id pg_catalog.int8 NOT NULL,
	answer_before @extschema@.answer NOT NULL,
	as_of pg_catalog.date NOT NULL,
	months pg_catalog.int4 NOT NULL,
	withdrawn_at pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.now(),
	session_role pg_catalog.name NOT NULL,
	acting_role pg_catalog.name NOT NULL
);
COMMENT ON TABLE @extschema@.unanswered_withdrawal IS
	'audit of withdraw_unanswered(): each request it recorded as withdrawn (no answer obtained), when and by whom; written only by that procedure';
COMMENT ON COLUMN @extschema@.unanswered_withdrawal.withdrawal_id IS 'number of the audit row';
COMMENT ON COLUMN @extschema@.unanswered_withdrawal.request_id IS
	'the request withdrawn (migchain.request.request_id; no foreign key, so the audit outlives a deleted request)';
COMMENT ON COLUMN @extschema@.unanswered_withdrawal.answer_before IS
	'its answer before: pending, the only answer the procedure changes';
COMMENT ON COLUMN @extschema@.unanswered_withdrawal.as_of IS
	'the as_of of the call: the day the request was recorded as withdrawn (its new answered_on)';
COMMENT ON COLUMN @extschema@.unanswered_withdrawal.months IS 'the months of the call: how long the request had gone unanswered at least';
COMMENT ON COLUMN @extschema@.unanswered_withdrawal.withdrawn_at IS 'when: the start of the transaction that withdrew it';
COMMENT ON COLUMN @extschema@.unanswered_withdrawal.session_role IS 'who: the role that logged in (session_user)';
COMMENT ON COLUMN @extschema@.unanswered_withdrawal.acting_role IS
	'who: the role the caller acted as (current_user when it called withdraw_unanswered; differs from session_role after SET ROLE)';
CREATE INDEX unanswered_withdrawal_request_id_idx ON @extschema@.unanswered_withdrawal (request_id);

SELECT pg_catalog.pg_extension_config_dump('@extschema@.unanswered_withdrawal', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.unanswered_withdrawal_withdrawal_id_seq', '');

-- The work, with the rights of the extension's owner: it updates the
-- requests and writes the audit in one statement, so an audit row exists
-- exactly for each request it withdrew, and no loader can write the audit
-- table itself.  SECURITY DEFINER with a pinned search_path and every name
-- qualified; it runs no dynamic SQL.  acting_as is the caller's current_user
-- (withdraw_unanswered passes it): it must be a role that the session's
-- login is a member of, so a caller can record only a role it could act as.
CREATE FUNCTION @extschema@.withdraw_unanswered_audited(as_of pg_catalog.date, months pg_catalog.int4,
														acting_as pg_catalog.name)
	RETURNS pg_catalog.int8
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER	-- not strict: NULL is an error
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	withdrawn int8;
BEGIN
	PERFORM @extschema@.check_unanswered_arguments(as_of, months);
	IF acting_as IS NULL
	   OR NOT EXISTS (SELECT FROM pg_catalog.pg_roles r WHERE r.rolname OPERATOR(pg_catalog.=) acting_as)
	   OR NOT pg_catalog.pg_has_role(session_user, acting_as, 'MEMBER') THEN
		RAISE EXCEPTION 'role "%" is not one the session can act as', acting_as
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Call migchain.withdraw_unanswered(as_of, months), which passes current_user.';
	END IF;
	-- Lock the requests due, in the order of their numbers (so that two
	-- calls at once do not deadlock), skipping none: a loader's update of
	-- one of them is waited for, and a request it answered meanwhile is no
	-- longer pending and is left alone (READ COMMITTED rechecks the
	-- condition on the row as updated).
	WITH due AS (
		SELECT r.request_id, r.answer
		  FROM @extschema@.request r
		 WHERE r.answer OPERATOR(pg_catalog.=) 'pending'::@extschema@.answer
		   AND (r.presented_on OPERATOR(pg_catalog.+) pg_catalog.make_interval(months => months))
				 OPERATOR(pg_catalog.<) as_of
		 ORDER BY r.request_id
		   FOR UPDATE
	), changed AS (
		UPDATE @extschema@.request r
		   SET answer = 'withdrawn'::@extschema@.answer, answered_on = as_of
		  FROM due
		 WHERE r.request_id OPERATOR(pg_catalog.=) due.request_id
		RETURNING r.request_id, due.answer
	), audited AS (
		INSERT INTO @extschema@.unanswered_withdrawal
			   (request_id, answer_before, as_of, months, session_role, acting_role)
		SELECT changed.request_id, changed.answer, as_of, months, session_user, acting_as
		  FROM changed
		RETURNING 1
	)
	SELECT pg_catalog.count(*) INTO withdrawn FROM audited;
	RETURN withdrawn;
END
$$;
COMMENT ON FUNCTION @extschema@.withdraw_unanswered_audited(pg_catalog.date, pg_catalog.int4, pg_catalog.name) IS
	'the work of withdraw_unanswered(): withdraws the requests due and writes the audit, with the owner''s rights; returns how many it withdrew';

CREATE PROCEDURE @extschema@.withdraw_unanswered(
	as_of pg_catalog.date DEFAULT CURRENT_DATE,
	months pg_catalog.int4 DEFAULT 12)
	LANGUAGE plpgsql	-- runs with the caller's rights; the work is done by withdraw_unanswered_audited
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	withdrawn int8;
BEGIN
	withdrawn := @extschema@.withdraw_unanswered_audited(as_of, months, current_user);
	RAISE NOTICE 'withdrew % unanswered request(s) as of % (presented more than % months before)',
		withdrawn, as_of, months;
END
$$;
COMMENT ON PROCEDURE @extschema@.withdraw_unanswered(pg_catalog.date, pg_catalog.int4) IS
	'records the requests pending and presented more than months months before as_of as withdrawn (answer withdrawn, answered_on as_of), audited in unanswered_withdrawal; running it again changes nothing; for loaders and the admin';
