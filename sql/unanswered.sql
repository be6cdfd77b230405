-- Unanswered requests: listed by unanswered_requests(as_of, months) when
-- pending on as_of and presented more than months months before it
-- (presented_on + months < as_of), withdrawn by withdraw_unanswered(), which
-- audits what it changed.  On hand-made rows, in a transaction that other
-- tests' rows do not disturb and that leaves nothing behind.
SET search_path = public, migchain;

BEGIN;
TRUNCATE migchain.request, migchain.unanswered_withdrawal;
INSERT INTO migchain.request (request_id, kind, answer, country, presented_on, person_id, answered_on) VALUES
  -- pending, presented 12 months and one day before 2024-03-15: due
  (1, 'LP', 'pending', 'MA', '2023-03-14', 101, NULL),
  -- pending, presented exactly 12 months before 2024-03-15: not yet
  (2, 'T&O', 'pending', 'DZ', '2023-03-15', 102, NULL),
  -- pending, presented 12 months less a day before: not yet
  (3, 'LP', 'pending', 'MA', '2023-03-16', 103, NULL),
  -- long overdue
  (4, 'T&O', 'pending', 'AF', '2019-07-01', 104, NULL),
  -- answered before as_of: not pending on 2024-03-15
  (5, 'LP', 'positive', 'MA', '2022-01-01', 105, '2022-05-01'),
  -- answered after as_of: still pending on 2024-03-15, listed, but it has
  -- its answer now, so it is not withdrawn
  (6, 'LP', 'negative', 'GN', '2022-06-01', 106, '2024-04-01'),
  -- withdrawn already
  (7, 'T&O', 'withdrawn', 'NG', '2021-01-01', 107, '2022-01-05'),
  -- presented on the last day of a month: 2024-01-31 + 1 month = 2024-02-29
  (8, 'LP', 'pending', 'SO', '2024-01-31', 108, NULL);

-- The boundary day: on 2024-03-15 request 2 (presented 2023-03-15) is not
-- unanswered after 12 months; on 2024-03-16 it is.
SELECT * FROM unanswered_requests('2024-03-15', 12);
SELECT * FROM unanswered_requests('2024-03-16', 12);
SELECT request_id FROM unanswered_requests('2024-03-14', 12);
-- Month ends: presented 2024-01-31, one month later is 2024-02-29.
SELECT request_id, age_days FROM unanswered_requests('2024-02-29', 1) WHERE request_id = 8;
SELECT request_id, age_days FROM unanswered_requests('2024-03-01', 1) WHERE request_id = 8;
-- The defaults are today and 12 months.
SELECT (SELECT count(*) FROM unanswered_requests()) = (SELECT count(*) FROM unanswered_requests(current_date, 12))
       AS defaults_are_today_and_12;

-- Withdraw as of 2024-03-15: requests 1 and 4 (6 has its answer).
CALL withdraw_unanswered('2024-03-15', 12);
SELECT request_id, answer, answered_on FROM migchain.request ORDER BY request_id;
SELECT withdrawal_id, request_id, answer_before, as_of, months,
       withdrawn_at = now() AS now, session_role = session_user AS session, acting_role = current_user AS acting
  FROM migchain.unanswered_withdrawal ORDER BY withdrawal_id;
-- Withdrawn, they are no longer pending on 2024-03-15: only 6 is listed.
SELECT request_id FROM unanswered_requests('2024-03-15', 12);
-- A second run changes nothing and audits nothing.
CALL withdraw_unanswered('2024-03-15', 12);
SELECT count(*) AS audit_rows FROM migchain.unanswered_withdrawal;
SELECT count(*) AS withdrawn FROM migchain.request WHERE answer = 'withdrawn';
-- A day later request 2 is due; its answer date is the as_of given.
CALL withdraw_unanswered('2024-03-16', 12);
SELECT request_id, answer, answered_on FROM migchain.request WHERE request_id = 2;
SELECT request_id, as_of, months FROM migchain.unanswered_withdrawal ORDER BY withdrawal_id;
-- With a shorter period, 3 and 8 follow.
CALL withdraw_unanswered('2024-03-20', 1);
SELECT request_id, as_of, months FROM migchain.unanswered_withdrawal ORDER BY withdrawal_id;
SELECT count(*) AS pending FROM migchain.request WHERE answer = 'pending';
-- The withdrawn requests count as withdrawn (not confirmed) in the figures.
SELECT answer, count(*) FROM migchain.request GROUP BY answer ORDER BY answer;
-- The work function refuses a role the session cannot act as.
SELECT withdraw_unanswered_audited('2024-03-20', 1, 'no_such_role');
ROLLBACK;

-- Bad arguments: 22023, naming the value, with a hint.
SELECT * FROM unanswered_requests(NULL, 12);
SELECT * FROM unanswered_requests('2024-03-15', NULL);
SELECT * FROM unanswered_requests('2024-03-15', 0);
SELECT * FROM unanswered_requests('2024-03-15', -12);
SELECT * FROM unanswered_requests('2024-03-15', 1201);
SELECT * FROM unanswered_requests('9999-12-31', 12);
CALL withdraw_unanswered(NULL, 12);
CALL withdraw_unanswered('2024-03-15', NULL);
CALL withdraw_unanswered('2024-03-15', 0);
CALL withdraw_unanswered('9999-12-31');
DO $$
BEGIN
	CALL migchain.withdraw_unanswered(current_date + 1, 12);
EXCEPTION WHEN invalid_parameter_value THEN
	RAISE NOTICE 'caught %', SQLSTATE;
END $$;
-- Today itself is allowed.
SELECT count(*) >= 0 AS today_is_allowed FROM unanswered_requests(current_date, 1200);

-- Who may run what: not PUBLIC; the audit table is dumped with the data.
SELECT p.oid::regprocedure AS routine, p.prosecdef AS security_definer, p.proconfig,
       has_function_privilege('public', p.oid, 'EXECUTE') AS public_may
  FROM pg_proc p
 WHERE p.pronamespace = 'migchain'::regnamespace
   AND p.proname IN ('unanswered_requests', 'withdraw_unanswered', 'withdraw_unanswered_audited',
                     'check_unanswered_arguments')
 ORDER BY 1::text;
SELECT relacl IS NULL AS no_grants FROM pg_class WHERE oid = 'migchain.unanswered_withdrawal'::regclass;
SELECT c.relname FROM pg_extension e, unnest(e.extconfig) AS t(oid) JOIN pg_class c ON c.oid = t.oid
 WHERE e.extname = 'migchain' AND c.relname LIKE 'unanswered%' ORDER BY 1;
RESET search_path;
