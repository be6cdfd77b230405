-- Federation (docs/federation.md): national migchain databases serve their
-- counters, never their rows, to a hub that reads them through postgres_fdw
-- and computes the overviews per member state and for the EU.  Every
-- migchain database has both sides: a national database serves the views
-- below; a hub attaches the national databases as foreign partitions.

-- ---- The national side ------------------------------------------------------

-- The format of what a national database serves (the columns of the views
-- federation_counters, federation_persons and federation_node and what they
-- mean).  A hub reads the members whose format is its own and refuses the
-- others.  Raise it whenever those views change.
CREATE FUNCTION @extschema@.federation_format() RETURNS pg_catalog.int4
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN 1;
COMMENT ON FUNCTION @extschema@.federation_format() IS
	'the format version of the counters a national database serves to a hub (federation_counters, federation_persons, federation_node); a hub reads members of its own format only';

-- Which member state this database is: one row, set by the admin with
-- set_member_state(); configuration, so pg_dump keeps it.  With a random
-- node id, drawn when the member state is first set and kept when it is set
-- again: a hub tells its members apart by it, whatever member state they
-- say they hold.  A copy restored from a dump has the node id of its
-- original; deleting the row and setting the member state draws a new one.
CREATE TABLE @extschema@.federation_identity (
	member_state pg_catalog.text NOT NULL,
	node_id pg_catalog.uuid NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
	set_at pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.now(),
	set_by pg_catalog.name NOT NULL DEFAULT current_user,
	CONSTRAINT federation_identity_member_state_check
		CHECK (member_state OPERATOR(pg_catalog.~) '^[A-Z]{2}$'
			   AND member_state::@extschema@.country::pg_catalog.text OPERATOR(pg_catalog.=) member_state)
);
CREATE UNIQUE INDEX federation_identity_one_row ON @extschema@.federation_identity ((true));
COMMENT ON TABLE @extschema@.federation_identity IS
	'the member state this database holds the requests of, as the federation views tell a hub: one row, written by set_member_state()';
COMMENT ON COLUMN @extschema@.federation_identity.member_state IS 'ISO 3166 alpha-2 code of the member state';
COMMENT ON COLUMN @extschema@.federation_identity.node_id IS
	'a random identifier of this database, drawn when its member state is first set and kept when it is set again; a hub checks that the rows of a member state come from the database it attached';
COMMENT ON COLUMN @extschema@.federation_identity.set_at IS 'when it was set';
COMMENT ON COLUMN @extschema@.federation_identity.set_by IS 'the role that set it';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.federation_identity', '');

-- A member state's code: the canonical ISO 3166 alpha-2 code of a country
-- (EL and UK are accepted and become GR and GB); an error for anything else.
CREATE FUNCTION @extschema@.member_state_code(code pg_catalog.text) RETURNS pg_catalog.text
	LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE	-- not strict: NULL is an error
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	canonical pg_catalog.text;
BEGIN
	IF code IS NULL OR pg_catalog.btrim(code) OPERATOR(pg_catalog.=) '' THEN
		RAISE EXCEPTION 'a member state is required, not %', coalesce(pg_catalog.quote_literal(code), 'NULL')
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Give its ISO 3166 alpha-2 code, e.g. ''NL''.';
	END IF;
	BEGIN
		canonical := code::@extschema@.country::pg_catalog.text;
	EXCEPTION WHEN invalid_text_representation THEN
		canonical := NULL;
	END;
	IF canonical IS NULL OR canonical OPERATOR(pg_catalog.!~) '^[A-Z]{2}$' THEN
		RAISE EXCEPTION '% is not the code of a member state', pg_catalog.quote_literal(code)
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Give the ISO 3166 alpha-2 code of a country, e.g. ''NL'' or ''BE'' (EL and UK are read as GR and GB).';
	END IF;
	RETURN canonical;
END
$$;
COMMENT ON FUNCTION @extschema@.member_state_code(pg_catalog.text) IS
	'the ISO 3166 alpha-2 code of a member state given as any code or name of a country; an error (22023) for anything that is not a country with an alpha-2 code';

CREATE FUNCTION @extschema@.set_member_state(code pg_catalog.text) RETURNS pg_catalog.text
	LANGUAGE plpgsql VOLATILE	-- not strict: member_state_code() refuses NULL
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	canonical pg_catalog.text := @extschema@.member_state_code(code);
BEGIN
	-- the node id stays: set_member_state() corrects the member state of
	-- this database, it does not make it another database
	UPDATE @extschema@.federation_identity
	   SET member_state = canonical, set_at = pg_catalog.now(), set_by = current_user;
	IF NOT FOUND THEN
		INSERT INTO @extschema@.federation_identity (member_state) VALUES (canonical);
	END IF;
	RETURN canonical;
END
$$;
COMMENT ON FUNCTION @extschema@.set_member_state(pg_catalog.text) IS
	'records which member state this database holds the requests of (ISO 3166 alpha-2), as the federation views tell a hub, and the first time a random node id; returns the code recorded; for the admin';

-- The member state, for the views: an error when none is set, so that a
-- hub never reads counters it cannot place.
CREATE FUNCTION @extschema@.federation_member_state() RETURNS pg_catalog.text
	LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	code pg_catalog.text;
BEGIN
	SELECT i.member_state INTO code FROM @extschema@.federation_identity i;
	IF code IS NULL THEN
		RAISE EXCEPTION 'this database has no member state: run migchain.set_member_state(''NL'')'
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  DETAIL = 'A hub places the counters of a national database by the member state it says it holds.',
				  HINT = 'As the admin of this database: SELECT migchain.set_member_state(''NL''), with the ISO 3166 alpha-2 code of its member state.';
	END IF;
	RETURN code;
END
$$;
COMMENT ON FUNCTION @extschema@.federation_member_state() IS
	'the member state set by set_member_state(); an error (55000) when none is set';

-- The node id, for the views: set with the member state.
CREATE FUNCTION @extschema@.federation_node_id() RETURNS pg_catalog.uuid
	LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	id pg_catalog.uuid;
BEGIN
	SELECT i.node_id INTO id FROM @extschema@.federation_identity i;
	IF id IS NULL THEN
		PERFORM @extschema@.federation_member_state();	-- raises its error
	END IF;
	RETURN id;
END
$$;
COMMENT ON FUNCTION @extschema@.federation_node_id() IS
	'the node id drawn by set_member_state(); an error (55000) when no member state is set';

-- The readiness of the rollup, for the views: request_rollup_ready(), its
-- error prefixed with the member state, so that a hub that reads several
-- members tells which one refused.
CREATE FUNCTION @extschema@.federation_rollup_ready() RETURNS pg_catalog.bool
	LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	code pg_catalog.text;
	msg pg_catalog.text;
	det pg_catalog.text;
	hnt pg_catalog.text;
BEGIN
	RETURN @extschema@.request_rollup_ready();
EXCEPTION WHEN object_not_in_prerequisite_state THEN
	-- request_rollup_ready()'s one error (55000), with its detail and hint
	GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT;
	SELECT i.member_state INTO code FROM @extschema@.federation_identity i;
	RAISE EXCEPTION 'member state %: %', coalesce(code, '(not set)'), msg
		USING ERRCODE = 'object_not_in_prerequisite_state',
			  DETAIL = coalesce(nullif(det, ''), 'The rollup of the request counters of this database is not kept by its triggers.'),
			  HINT = coalesce(nullif(hnt, ''), 'As the admin of this database: SELECT migchain.rebuild_request_rollup().');
END
$$;
COMMENT ON FUNCTION @extschema@.federation_rollup_ready() IS
	'request_rollup_ready() for the federation views: true, or its error with the member state of this database in front of the message';

-- The counters: one row per year presented, kind and country, from the
-- rollup (with the view owner's rights), cells whose counts are all 0 left
-- out, as request_counts() returns them.  A plain GROUP BY over the rollup:
-- a condition on year, kind or country is applied to the rollup's rows
-- before they are summed.  The member state and the readiness of the
-- rollup are checked once per query, also when there is no row.
CREATE VIEW @extschema@.federation_counters AS
	SELECT @extschema@.federation_member_state() AS member_state,
		   @extschema@.federation_node_id() AS node_id,
		   @extschema@.federation_format() AS format,
		   r.year, r.kind, r.country,
		   pg_catalog.sum(r.pending)::pg_catalog.int8 AS pending,
		   pg_catalog.sum(r.positive)::pg_catalog.int8 AS positive,
		   pg_catalog.sum(r.negative)::pg_catalog.int8 AS negative,
		   pg_catalog.sum(r.withdrawn)::pg_catalog.int8 AS withdrawn
	  FROM @extschema@.request_rollup r
	 WHERE @extschema@.federation_rollup_ready()
	   AND @extschema@.federation_member_state() IS NOT NULL
	 GROUP BY r.year, r.kind, r.country
	HAVING pg_catalog.sum(r.pending) OPERATOR(pg_catalog.<>) 0
		OR pg_catalog.sum(r.positive) OPERATOR(pg_catalog.<>) 0
		OR pg_catalog.sum(r.negative) OPERATOR(pg_catalog.<>) 0
		OR pg_catalog.sum(r.withdrawn) OPERATOR(pg_catalog.<>) 0;
COMMENT ON VIEW @extschema@.federation_counters IS
	'what a national database serves a hub: requests per year presented, kind and country with the count of each answer, from the rollup of the request counters; counts only';
COMMENT ON COLUMN @extschema@.federation_counters.member_state IS 'the member state of this database (set_member_state())';
COMMENT ON COLUMN @extschema@.federation_counters.node_id IS 'the node id of this database (set_member_state()), in every row: the hub checks it';
COMMENT ON COLUMN @extschema@.federation_counters.format IS 'federation_format() of this database, in every row: the hub checks it';
COMMENT ON COLUMN @extschema@.federation_counters.year IS 'year presented';
COMMENT ON COLUMN @extschema@.federation_counters.kind IS 'LP or T&O';
COMMENT ON COLUMN @extschema@.federation_counters.country IS 'country of origin';
COMMENT ON COLUMN @extschema@.federation_counters.pending IS 'requests still without an answer';
COMMENT ON COLUMN @extschema@.federation_counters.positive IS 'answered positively';
COMMENT ON COLUMN @extschema@.federation_counters.negative IS 'answered negatively';
COMMENT ON COLUMN @extschema@.federation_counters.withdrawn IS 'withdrawn';

-- Distinct persons per year and kind, counted here: the pseudonymous person
-- numbers never leave the database, and a hub can only add these counts up.
CREATE VIEW @extschema@.federation_persons AS
	SELECT @extschema@.federation_member_state() AS member_state,
		   @extschema@.federation_node_id() AS node_id,
		   @extschema@.federation_format() AS format,
		   p.year, p.kind::@extschema@.request_kind AS kind, p.presented, p.persons
	  FROM @extschema@.persons() p
	 WHERE @extschema@.federation_member_state() IS NOT NULL;
COMMENT ON VIEW @extschema@.federation_persons IS
	'what a national database serves a hub: requests and distinct persons per year presented and kind, counted in this database (the person numbers never leave it)';
COMMENT ON COLUMN @extschema@.federation_persons.member_state IS 'the member state of this database (set_member_state())';
COMMENT ON COLUMN @extschema@.federation_persons.node_id IS 'the node id of this database (set_member_state()), in every row: the hub checks it';
COMMENT ON COLUMN @extschema@.federation_persons.format IS 'federation_format() of this database, in every row: the hub checks it';
COMMENT ON COLUMN @extschema@.federation_persons.year IS 'year presented';
COMMENT ON COLUMN @extschema@.federation_persons.kind IS 'LP or T&O';
COMMENT ON COLUMN @extschema@.federation_persons.presented IS 'requests presented';
COMMENT ON COLUMN @extschema@.federation_persons.persons IS 'distinct persons those requests were about, in this database';

-- One row: who this database is, what a hub checks before it attaches it
-- (also when the database has no requests yet).
CREATE VIEW @extschema@.federation_node AS
	SELECT @extschema@.federation_member_state() AS member_state,
		   @extschema@.federation_node_id() AS node_id,
		   @extschema@.federation_format() AS format,
		   (SELECT e.extversion FROM pg_catalog.pg_extension e
			 WHERE e.extname OPERATOR(pg_catalog.=) 'migchain') AS version;
COMMENT ON VIEW @extschema@.federation_node IS
	'one row: the member state, node id, federation format and migchain version of this database, which a hub checks when it attaches it';
COMMENT ON COLUMN @extschema@.federation_node.node_id IS 'the node id of this database (set_member_state()), which a hub records when it attaches it';
COMMENT ON COLUMN @extschema@.federation_node.member_state IS 'the member state of this database (set_member_state())';
COMMENT ON COLUMN @extschema@.federation_node.format IS 'federation_format() of this database';
COMMENT ON COLUMN @extschema@.federation_node.version IS 'the version of migchain installed in this database';

-- The functions the role a hub logs in as must be able to execute: those
-- the three views call (directly, behind an operator, and inside
-- SQL-standard function bodies, as analyst_functions() walks them), and the
-- comparison operators of the types of their columns, which a hub sends in
-- the conditions it pushes down (kind = 'LP').
CREATE FUNCTION @extschema@.federation_functions() RETURNS SETOF pg_catalog.regprocedure
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT u.f FROM (
	SELECT f.f
	  FROM @extschema@.functions_of_views(ARRAY['@extschema@.federation_counters'::pg_catalog.regclass,
												'@extschema@.federation_persons'::pg_catalog.regclass,
												'@extschema@.federation_node'::pg_catalog.regclass]::pg_catalog.oid[]) AS f(f)
	UNION
	-- =, <>, <, <=, >, >= of request_kind and country (the operators
	-- are in pg_catalog, their functions in migchain's schema)
	SELECT o.oprcode::pg_catalog.regprocedure
	  FROM pg_catalog.pg_operator o
	  JOIN pg_catalog.pg_proc p ON p.oid OPERATOR(pg_catalog.=) o.oprcode
	 WHERE o.oprleft IN ('@extschema@.request_kind'::pg_catalog.regtype, '@extschema@.country'::pg_catalog.regtype)
	   AND o.oprright OPERATOR(pg_catalog.=) o.oprleft
	   AND o.oprname IN ('=', '<>', '<', '<=', '>', '>=')
	   AND p.pronamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
	) AS u(f)
	 ORDER BY u.f::pg_catalog.text;
END;
COMMENT ON FUNCTION @extschema@.federation_functions() IS
	'the functions of migchain that reading federation_counters, federation_persons and federation_node needs, and the comparisons of their kind and country columns: what grant_federation grants EXECUTE on';

CREATE FUNCTION @extschema@.grant_federation(grantee pg_catalog.regrole) RETURNS pg_catalog.void
	LANGUAGE plpgsql	-- not strict: check_grantee() refuses a NULL role
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	who text := @extschema@.check_grantee(grantee);
	fn regprocedure;
BEGIN
	EXECUTE format('GRANT USAGE ON SCHEMA @extschema@ TO %s', who);
	EXECUTE format('GRANT SELECT ON TABLE @extschema@.federation_counters, @extschema@.federation_persons, @extschema@.federation_node TO %s', who);
	FOR fn IN SELECT f FROM @extschema@.federation_functions() f LOOP
		EXECUTE format('GRANT EXECUTE ON ROUTINE %s TO %s', fn, who);
	END LOOP;
END
$$;
COMMENT ON FUNCTION @extschema@.grant_federation(pg_catalog.regrole) IS
	'lets a role (the one a hub''s user mapping logs in as) read federation_counters, federation_persons and federation_node and nothing else of migchain; revoke_access() takes it back';

-- ---- The hub side -----------------------------------------------------------

-- Which foreign server holds which member state; configuration, so pg_dump
-- keeps it.  The foreign partitions federation_attach() creates are not
-- part of the extension: pg_dump dumps them (and their servers and user
-- mappings) as objects of their own.
CREATE TABLE @extschema@.federation_member (
	member_state pg_catalog.text NOT NULL,
	server_name pg_catalog.name NOT NULL,
	node_id pg_catalog.uuid NOT NULL,
	attached_at pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.now(),
	format pg_catalog.int4 NOT NULL,
	CONSTRAINT federation_member_pkey PRIMARY KEY (member_state),
	CONSTRAINT federation_member_server_name_key UNIQUE (server_name),
	CONSTRAINT federation_member_node_id_key UNIQUE (node_id),
	CONSTRAINT federation_member_member_state_check
		CHECK (member_state OPERATOR(pg_catalog.~) '^[A-Z]{2}$'
			   AND member_state::@extschema@.country::pg_catalog.text OPERATOR(pg_catalog.=) member_state)
);
COMMENT ON TABLE @extschema@.federation_member IS
	'the member states of the federation: the foreign server (postgres_fdw) of each national database; written by federation_attach() and federation_detach()';
COMMENT ON COLUMN @extschema@.federation_member.member_state IS 'ISO 3166 alpha-2 code of the member state';
COMMENT ON COLUMN @extschema@.federation_member.server_name IS 'the foreign server of its national database';
COMMENT ON COLUMN @extschema@.federation_member.node_id IS 'the node id its national database had when it was attached (federation_node): the rows of the member state must carry it';
COMMENT ON COLUMN @extschema@.federation_member.attached_at IS 'when it was attached';
COMMENT ON COLUMN @extschema@.federation_member.format IS 'the federation format it served when attached';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.federation_member', '');

-- The counters and persons of every member state: one foreign partition per
-- member state, on its server, created by federation_attach().
CREATE TABLE @extschema@.federated_counters (
	member_state pg_catalog.text NOT NULL,
	node_id pg_catalog.uuid,
	format pg_catalog.int4,
	year pg_catalog.int4,
	kind @extschema@.request_kind,
	country @extschema@.country,
	pending pg_catalog.int8,
	positive pg_catalog.int8,
	negative pg_catalog.int8,
	withdrawn pg_catalog.int8
) PARTITION BY LIST (member_state);
COMMENT ON TABLE @extschema@.federated_counters IS
	'the counters of every member state (migchain.federation_counters of its national database): one foreign partition per member state, created by federation_attach()';
CREATE TABLE @extschema@.federated_persons (
	member_state pg_catalog.text NOT NULL,
	node_id pg_catalog.uuid,
	format pg_catalog.int4,
	year pg_catalog.int4,
	kind @extschema@.request_kind,
	presented pg_catalog.int8,
	persons pg_catalog.int8
) PARTITION BY LIST (member_state);
COMMENT ON TABLE @extschema@.federated_persons IS
	'requests and distinct persons of every member state (migchain.federation_persons of its national database): one foreign partition per member state, created by federation_attach()';

-- The error for a member whose server cannot be reached: names the member
-- state and its server, with what postgres_fdw said.
CREATE FUNCTION @extschema@.federation_unreachable(server pg_catalog.name, member_state pg_catalog.text,
												   message pg_catalog.text, detail pg_catalog.text)
	RETURNS pg_catalog.void
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RAISE EXCEPTION 'member state % cannot be reached on server %', coalesce(member_state, '?'),
			coalesce(pg_catalog.quote_ident(server), '?')
		USING ERRCODE = 'sqlclient_unable_to_establish_sqlconnection',
			  DETAIL = concat_ws(': ', message, nullif(detail, '')),
			  HINT = pg_catalog.format('Start that database server, or correct the options of server %s or its user mapping; SELECT migchain.federation_detach(%L) takes the member state out of the federation.',
									   coalesce(pg_catalog.quote_ident(server), '?'), coalesce(member_state, '?'));
END
$$;
COMMENT ON FUNCTION @extschema@.federation_unreachable(pg_catalog.name, pg_catalog.text, pg_catalog.text, pg_catalog.text) IS
	'raises 08001 naming the member state and server that cannot be reached, with postgres_fdw''s message and detail';

-- The error for a member whose format is not the hub's.
CREATE FUNCTION @extschema@.federation_format_error(server pg_catalog.name, member_state pg_catalog.text,
													format pg_catalog.int4)
	RETURNS pg_catalog.void
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RAISE EXCEPTION 'member state % (server %) serves federation format %, this hub reads format %',
			member_state, coalesce(pg_catalog.quote_ident(server), '?'),
			coalesce(format::pg_catalog.text, 'NULL'), @extschema@.federation_format()
		USING ERRCODE = 'feature_not_supported',
			  HINT = 'Install the same version of migchain on the hub and on every national database (ALTER EXTENSION migchain UPDATE), or take the member state out with migchain.federation_detach().';
END
$$;
COMMENT ON FUNCTION @extschema@.federation_format_error(pg_catalog.name, pg_catalog.text, pg_catalog.int4) IS
	'raises 0A000 naming the member state, its server and both federation formats';

-- In the hub's queries, after the members' rows are aggregated (remotely):
-- true for rows of a member state that is attached, from the national
-- database attached as that member state (its node id) and of the hub's
-- format; an error naming the member state and the server otherwise.  The
-- node id tells which attached database sent rows of a member state that is
-- not its own.  VOLATILE, so that it is never sent to a member.
CREATE FUNCTION @extschema@.federation_check(member_state pg_catalog.text, node_id pg_catalog.uuid,
											 format pg_catalog.int4)
	RETURNS pg_catalog.bool
	LANGUAGE plpgsql VOLATILE	-- not strict: a NULL node id or format is an error
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	mine @extschema@.federation_member;
	sender @extschema@.federation_member;
BEGIN
	SELECT * INTO mine FROM @extschema@.federation_member m
	 WHERE m.member_state OPERATOR(pg_catalog.=) federation_check.member_state;
	SELECT * INTO sender FROM @extschema@.federation_member m
	 WHERE m.node_id OPERATOR(pg_catalog.=) federation_check.node_id;
	IF sender.member_state IS NOT NULL
	   AND sender.member_state IS DISTINCT FROM federation_check.member_state THEN
		RAISE EXCEPTION 'server % attached as member state % now says it holds member state %',
				pg_catalog.quote_ident(sender.server_name), sender.member_state, coalesce(member_state, 'NULL')
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  DETAIL = pg_catalog.format('Its national database (node %s) changed its member state after it was attached; its rows are not counted as %s%s.',
											 node_id, coalesce(member_state, 'NULL'),
											 CASE WHEN mine.member_state IS NOT NULL
												  THEN pg_catalog.format(', which server %s holds', pg_catalog.quote_ident(mine.server_name))
												  ELSE '' END),
				  HINT = pg_catalog.format('Set it back in that database (SELECT migchain.set_member_state(%L)), or take it out with SELECT migchain.federation_detach(%L).',
										   sender.member_state, sender.member_state);
	END IF;
	IF mine.member_state IS NULL THEN
		RAISE EXCEPTION 'a member''s server says it holds member state %, which is not attached',
				coalesce(member_state, 'NULL')
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  DETAIL = pg_catalog.format('Its node id, %s, is that of no member attached.', coalesce(node_id::pg_catalog.text, 'NULL')),
				  HINT = 'A partition of migchain.federated_counters or federated_persons reaches a database that federation_attach() did not attach; detach it and attach the database again.';
	END IF;
	IF node_id IS DISTINCT FROM mine.node_id THEN
		RAISE EXCEPTION 'member state % (server %) is served by another national database than the one attached',
				member_state, pg_catalog.quote_ident(mine.server_name)
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  DETAIL = pg_catalog.format('Its rows carry node id %s, the database attached had node id %s: the server now reaches another database, or that database''s identity was set anew.',
											 coalesce(node_id::pg_catalog.text, 'NULL'), mine.node_id),
				  HINT = pg_catalog.format('Point server %s back at the database attached, or SELECT migchain.federation_detach(%L) and attach the database it reaches now.',
										   pg_catalog.quote_ident(mine.server_name), member_state);
	END IF;
	IF format IS DISTINCT FROM @extschema@.federation_format() THEN
		PERFORM @extschema@.federation_format_error(mine.server_name, member_state, format);
	END IF;
	RETURN true;
END
$$;
COMMENT ON FUNCTION @extschema@.federation_check(pg_catalog.text, pg_catalog.uuid, pg_catalog.int4) IS
	'true when a member''s rows are of an attached member state, from the database attached as it (node id) and of the hub''s federation format; an error naming the member state and its server (55000: not attached, or another database; 0A000: another format) otherwise; VOLATILE, so a hub never sends it to a member';

-- The partitions of a member state: their names.
CREATE FUNCTION @extschema@.federation_partition(what pg_catalog.text, member_state pg_catalog.text)
	RETURNS pg_catalog.text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN pg_catalog.quote_ident('@extschema@') OPERATOR(pg_catalog.||) '.'
		OPERATOR(pg_catalog.||) pg_catalog.quote_ident(what OPERATOR(pg_catalog.||) '_'
			OPERATOR(pg_catalog.||) pg_catalog.lower(member_state));
COMMENT ON FUNCTION @extschema@.federation_partition(pg_catalog.text, pg_catalog.text) IS
	'the qualified name of a member state''s partition of federated_counters or federated_persons (what): migchain.federated_counters_nl';

-- Before the hub reads: every member state attached has its two partitions,
-- attached to federated_counters and federated_persons for its member state
-- and on its server; an error naming the member state and what is missing
-- otherwise, so that a member whose partitions were dropped (DROP SERVER
-- ... CASCADE, DROP FOREIGN TABLE) or detached (ALTER TABLE ... DETACH
-- PARTITION) is never silently left out of the EU totals.  Reads the hub's
-- catalog only.
CREATE FUNCTION @extschema@.federation_check_members() RETURNS pg_catalog.void
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	m record;
	what pg_catalog.text;
	part pg_catalog.text;
	rel pg_catalog.regclass;
	problem pg_catalog.text;
BEGIN
	FOR m IN SELECT f.member_state, f.server_name,
					(SELECT s.oid FROM pg_catalog.pg_foreign_server s
					  WHERE s.srvname OPERATOR(pg_catalog.=) f.server_name) AS server
			   FROM @extschema@.federation_member f ORDER BY f.member_state LOOP
		FOREACH what IN ARRAY ARRAY['federated_counters', 'federated_persons'] LOOP
			part := @extschema@.federation_partition(what, m.member_state);
			rel := pg_catalog.to_regclass(part);
			problem := CASE
				WHEN m.server IS NULL THEN
					pg_catalog.format('its server %s does not exist', pg_catalog.quote_ident(m.server_name))
				WHEN rel IS NULL THEN
					pg_catalog.format('its partition %s does not exist', part)
				WHEN NOT EXISTS (SELECT FROM pg_catalog.pg_inherits i
								  WHERE i.inhrelid OPERATOR(pg_catalog.=) rel
									AND i.inhparent OPERATOR(pg_catalog.=) pg_catalog.to_regclass('@extschema@.' OPERATOR(pg_catalog.||) what)) THEN
					pg_catalog.format('%s is not a partition of migchain.%s', part, what)
				WHEN (SELECT pg_catalog.pg_get_expr(c.relpartbound, c.oid) FROM pg_catalog.pg_class c
					   WHERE c.oid OPERATOR(pg_catalog.=) rel)
					 IS DISTINCT FROM pg_catalog.format('FOR VALUES IN (%L)', m.member_state) THEN
					pg_catalog.format('%s is not the partition of member state %s', part, m.member_state)
				WHEN (SELECT t.ftserver FROM pg_catalog.pg_foreign_table t WHERE t.ftrelid OPERATOR(pg_catalog.=) rel)
					 IS DISTINCT FROM m.server THEN
					pg_catalog.format('%s is not on its server %s', part, pg_catalog.quote_ident(m.server_name))
				END;
			IF problem IS NOT NULL THEN
				RAISE EXCEPTION 'member state % is attached, but %', m.member_state, problem
					USING ERRCODE = 'object_not_in_prerequisite_state',
						  DETAIL = 'Its counters would be left out of every figure, the EU totals included.',
						  HINT = pg_catalog.format('SELECT migchain.federation_detach(%L) takes it out of the federation; then, to count it again, SELECT migchain.federation_attach(server, %L) with its server.',
												   m.member_state, m.member_state);
			END IF;
		END LOOP;
	END LOOP;
END
$$;
COMMENT ON FUNCTION @extschema@.federation_check_members() IS
	'an error (55000) naming the first member state of federation_member whose partition of federated_counters or federated_persons is missing, detached, of another member state or on another server than its own, or whose server is gone; reads the hub''s catalog only';

CREATE FUNCTION @extschema@.federation_attach(server pg_catalog.name, member_state pg_catalog.text)
	RETURNS pg_catalog.void
	LANGUAGE plpgsql VOLATILE	-- not strict: NULLs are errors
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	code pg_catalog.text := @extschema@.member_state_code(member_state);
	srv pg_catalog.pg_foreign_server;
	wrapper pg_catalog.name;
	other pg_catalog.text;
	exts pg_catalog.text;
	probe pg_catalog.text;
	remote record;
	msg pg_catalog.text;
	det pg_catalog.text;
	owner pg_catalog.name;
BEGIN
	-- the federated_* functions read the members with the rights and user
	-- mappings of their owner, the owner of migchain: attach as that role,
	-- so that the probe below goes through the user mapping they will use
	SELECT r.rolname INTO owner FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_roles r ON r.oid OPERATOR(pg_catalog.=) e.extowner
	 WHERE e.extname OPERATOR(pg_catalog.=) 'migchain';
	IF owner IS DISTINCT FROM current_user THEN
		RAISE EXCEPTION 'only the owner of migchain may attach a member state, not %', pg_catalog.quote_ident(current_user)
			USING ERRCODE = 'insufficient_privilege',
				  DETAIL = pg_catalog.format('The federated_* functions read the members with the rights and user mappings of %s, the owner of migchain.', pg_catalog.quote_ident(owner)),
				  HINT = pg_catalog.format('Attach as %s (log in as that role, or SET ROLE %s), with a user mapping of that role on the server.', pg_catalog.quote_ident(owner), pg_catalog.quote_ident(owner));
	END IF;
	SELECT * INTO srv FROM pg_catalog.pg_foreign_server s WHERE s.srvname OPERATOR(pg_catalog.=) server;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'server % does not exist', coalesce(pg_catalog.quote_ident(server), 'NULL')
			USING ERRCODE = 'undefined_object',
				  HINT = 'Create it first: CREATE SERVER name FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host ..., port ..., dbname ...).';
	END IF;
	SELECT w.fdwname INTO wrapper FROM pg_catalog.pg_foreign_data_wrapper w
	 WHERE w.oid OPERATOR(pg_catalog.=) srv.srvfdw;
	IF wrapper OPERATOR(pg_catalog.<>) 'postgres_fdw' THEN
		RAISE EXCEPTION 'server % uses foreign-data wrapper %, not postgres_fdw', pg_catalog.quote_ident(server),
				pg_catalog.quote_ident(wrapper)
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'A member state is attached through a server of postgres_fdw (CREATE EXTENSION postgres_fdw; CREATE SERVER ... FOREIGN DATA WRAPPER postgres_fdw).';
	END IF;
	IF NOT EXISTS (SELECT FROM pg_catalog.pg_user_mappings u
					WHERE u.srvid OPERATOR(pg_catalog.=) srv.oid
					  AND (u.umuser OPERATOR(pg_catalog.=) 0
						   OR u.usename OPERATOR(pg_catalog.=) owner)) THEN
		RAISE EXCEPTION 'server % has no user mapping for the owner of migchain or PUBLIC', pg_catalog.quote_ident(server)
			USING ERRCODE = 'undefined_object',
				  DETAIL = pg_catalog.format('The federated_* functions read the members through the user mapping of %s, the owner of migchain.', pg_catalog.quote_ident(owner)),
				  HINT = pg_catalog.format('CREATE USER MAPPING FOR %s SERVER %s OPTIONS (user ''...''), with the role that migchain.grant_federation() was given to in that database.',
										   pg_catalog.quote_ident(owner), pg_catalog.quote_ident(server));
	END IF;
	SELECT m.member_state INTO other FROM @extschema@.federation_member m
	 WHERE m.server_name OPERATOR(pg_catalog.=) server;
	IF FOUND THEN
		RAISE EXCEPTION 'server % is attached already, for member state %', pg_catalog.quote_ident(server), other
			USING ERRCODE = 'duplicate_object',
				  HINT = pg_catalog.format('SELECT migchain.federation_detach(%L) first.', other);
	END IF;
	SELECT m.server_name INTO other FROM @extschema@.federation_member m
	 WHERE m.member_state OPERATOR(pg_catalog.=) code;
	IF FOUND THEN
		RAISE EXCEPTION 'member state % is attached already, on server %', code, pg_catalog.quote_ident(other)
			USING ERRCODE = 'duplicate_object',
				  HINT = pg_catalog.format('SELECT migchain.federation_detach(%L) first.', code);
	END IF;

	-- migchain's types, operators and functions may be sent to the server
	SELECT o.option_value INTO exts
	  FROM pg_catalog.pg_options_to_table(srv.srvoptions) o
	 WHERE o.option_name OPERATOR(pg_catalog.=) 'extensions';
	IF exts IS NULL THEN
		EXECUTE pg_catalog.format('ALTER SERVER %I OPTIONS (ADD extensions %L)', server, 'migchain');
	ELSIF NOT 'migchain' OPERATOR(pg_catalog.=) ANY (pg_catalog.regexp_split_to_array(pg_catalog.btrim(exts), '\s*,\s*')) THEN
		EXECUTE pg_catalog.format('ALTER SERVER %I OPTIONS (SET extensions %L)', server, exts || ',migchain');
	END IF;

	-- who the server says it is, through a foreign table of this transaction
	probe := @extschema@.federation_partition('federation_probe', code);
	EXECUTE pg_catalog.format('CREATE FOREIGN TABLE %s (member_state pg_catalog.text, node_id pg_catalog.uuid, format pg_catalog.int4, version pg_catalog.text) SERVER %I OPTIONS (schema_name %L, table_name %L)',
							  probe, server, 'migchain', 'federation_node');
	BEGIN
		EXECUTE pg_catalog.format('SELECT member_state, node_id, format, version FROM %s', probe) INTO remote;
	EXCEPTION
		WHEN sqlclient_unable_to_establish_sqlconnection OR connection_failure THEN
			GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL;
			PERFORM @extschema@.federation_unreachable(server, code, msg, det);
		WHEN undefined_table THEN
			RAISE EXCEPTION 'the database of server % has no migchain.federation_node', pg_catalog.quote_ident(server)
				USING ERRCODE = 'undefined_table',
					  DETAIL = 'It has no migchain, or a version of migchain without federation.',
					  HINT = 'Install or update migchain in that database (CREATE EXTENSION migchain; ALTER EXTENSION migchain UPDATE), or point the server at the database that has it (option dbname).';
		WHEN insufficient_privilege THEN
			GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT;
			RAISE EXCEPTION 'the user mapping of server % may not read the federation views', pg_catalog.quote_ident(server)
				USING ERRCODE = 'insufficient_privilege',
					  DETAIL = msg,
					  HINT = 'In that database, as its admin: SELECT migchain.grant_federation(''role''), for the role the user mapping logs in as.';
	END;
	EXECUTE pg_catalog.format('DROP FOREIGN TABLE %s', probe);
	IF remote.format IS DISTINCT FROM @extschema@.federation_format() THEN
		PERFORM @extschema@.federation_format_error(server, code, remote.format);
	END IF;
	IF remote.member_state IS DISTINCT FROM code THEN
		RAISE EXCEPTION 'server % holds member state %, not %', pg_catalog.quote_ident(server),
				coalesce(remote.member_state, 'NULL'), code
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = pg_catalog.format('Attach it as %s, or correct its member state in that database: SELECT migchain.set_member_state(%L).',
										   remote.member_state, code);
	END IF;
	SELECT m.member_state, m.server_name INTO other, wrapper FROM @extschema@.federation_member m
	 WHERE m.node_id OPERATOR(pg_catalog.=) remote.node_id;
	IF FOUND THEN
		RAISE EXCEPTION 'the database of server % is attached already, as member state % on server %',
				pg_catalog.quote_ident(server), other, pg_catalog.quote_ident(wrapper)
			USING ERRCODE = 'duplicate_object',
				  DETAIL = pg_catalog.format('Both servers reach databases of node id %s: the same database, or a copy restored from its dump.', remote.node_id),
				  HINT = 'Attach one of them only.  A copy that is to be a member of its own draws a new node id there: DELETE FROM migchain.federation_identity, then SELECT migchain.set_member_state(...).';
	END IF;

	EXECUTE pg_catalog.format('CREATE FOREIGN TABLE %s PARTITION OF @extschema@.federated_counters FOR VALUES IN (%L) SERVER %I OPTIONS (schema_name %L, table_name %L, async_capable %L)',
							  @extschema@.federation_partition('federated_counters', code), code, server,
							  'migchain', 'federation_counters', 'true');
	EXECUTE pg_catalog.format('CREATE FOREIGN TABLE %s PARTITION OF @extschema@.federated_persons FOR VALUES IN (%L) SERVER %I OPTIONS (schema_name %L, table_name %L, async_capable %L)',
							  @extschema@.federation_partition('federated_persons', code), code, server,
							  'migchain', 'federation_persons', 'true');
	INSERT INTO @extschema@.federation_member (member_state, server_name, node_id, format)
	VALUES (code, server, remote.node_id, remote.format);
END
$$;
COMMENT ON FUNCTION @extschema@.federation_attach(pg_catalog.name, pg_catalog.text) IS
	'attaches the national database of a foreign server (postgres_fdw, with a user mapping for the owner of migchain) as a member state: checks that it serves the hub''s federation format, says it holds that member state and is not attached already (its node id), lets migchain''s objects be sent to it, creates its partitions of federated_counters and federated_persons and records it with its node id in federation_member; for the owner of migchain';

CREATE FUNCTION @extschema@.federation_detach(member_state pg_catalog.text) RETURNS pg_catalog.void
	LANGUAGE plpgsql VOLATILE	-- not strict: member_state_code() refuses NULL
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	code pg_catalog.text := @extschema@.member_state_code(member_state);
BEGIN
	IF NOT EXISTS (SELECT FROM @extschema@.federation_member m WHERE m.member_state OPERATOR(pg_catalog.=) code) THEN
		RAISE EXCEPTION 'member state % is not attached', code
			USING ERRCODE = 'undefined_object',
				  HINT = 'The member states attached are in migchain.federation_member.';
	END IF;
	EXECUTE pg_catalog.format('DROP FOREIGN TABLE IF EXISTS %s, %s',
							  @extschema@.federation_partition('federated_counters', code),
							  @extschema@.federation_partition('federated_persons', code));
	DELETE FROM @extschema@.federation_member m WHERE m.member_state OPERATOR(pg_catalog.=) code;
END
$$;
COMMENT ON FUNCTION @extschema@.federation_detach(pg_catalog.text) IS
	'takes a member state out of the federation: drops its partitions and its row of federation_member (its server and user mapping stay); for the admin';

-- The member state of a server postgres_fdw could not reach (08001), or
-- whose connection failed during the query (08006), from postgres_fdw's
-- message when it names the server (could not connect to server "name").
CREATE FUNCTION @extschema@.federation_report_unreachable(message pg_catalog.text, detail pg_catalog.text,
														  sqlstate pg_catalog.text)
	RETURNS pg_catalog.void
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	server pg_catalog.name := pg_catalog.substring(message, 'server "(.*)"');
	member pg_catalog.text := (SELECT m.member_state FROM @extschema@.federation_member m
								WHERE m.server_name OPERATOR(pg_catalog.=) server);
BEGIN
	IF sqlstate OPERATOR(pg_catalog.=) '08001' THEN
		PERFORM @extschema@.federation_unreachable(server, member, message, detail);
	END IF;
	-- a connection lost during the query: postgres_fdw's message (libpq's)
	-- does not name the server, so the hint lists them all
	RAISE EXCEPTION 'the connection to a member state failed during the query'
		USING ERRCODE = 'connection_failure',
			  DETAIL = concat_ws(': ', message, nullif(detail, '')),
			  HINT = pg_catalog.format('postgres_fdw did not say which server; the servers of the member states are %s.  Query again; if it fails again, see to the server that does not answer.',
									   (SELECT coalesce(string_agg(m.member_state OPERATOR(pg_catalog.||) ' ' OPERATOR(pg_catalog.||) pg_catalog.quote_ident(m.server_name), ', ' ORDER BY m.member_state), 'none')
										  FROM @extschema@.federation_member m));
END
$$;
COMMENT ON FUNCTION @extschema@.federation_report_unreachable(pg_catalog.text, pg_catalog.text, pg_catalog.text) IS
	'raises federation_unreachable() (08001) for the server named in postgres_fdw''s message; for a connection lost during the query (08006), whose message names no server, an error listing the members'' servers';

-- The hub's overviews: per member state, aggregated by each member's own
-- database (partition-wise aggregation: the GROUP BY has the partition key,
-- so each partition's aggregate is sent to its server), checked on the hub
-- (federation_check), and the EU totals (member_state 'EU', never a
-- country code) summed on the hub.  Read with the rights and the user
-- mappings of the functions' owner, the admin; the period and kind are
-- constants of the query each call plans, so they are sent to the members.
CREATE FUNCTION @extschema@.federated_overview(from_year pg_catalog.int4 DEFAULT NULL,
											   to_year pg_catalog.int4 DEFAULT NULL,
											   of_kind @extschema@.request_kind DEFAULT NULL)
	RETURNS TABLE (member_state pg_catalog.text, year pg_catalog.int4, kind pg_catalog.text,
				   presented pg_catalog.int8, positive pg_catalog.int8, negative pg_catalog.int8,
				   withdrawn pg_catalog.int8, pending pg_catalog.int8)
	LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL RESTRICTED
	SET search_path = pg_catalog, pg_temp
	SET enable_partitionwise_aggregate = on
AS $$
DECLARE
	msg pg_catalog.text;
	det pg_catalog.text;
	state pg_catalog.text;
BEGIN
	PERFORM @extschema@.check_period(from_year, to_year);
	PERFORM @extschema@.federation_check_members();
	RETURN QUERY EXECUTE $q$
		WITH per_member AS MATERIALIZED (
			SELECT c.member_state, c.node_id, c.format, c.year, c.kind,
				   pg_catalog.sum(c.pending) AS pending, pg_catalog.sum(c.positive) AS positive,
				   pg_catalog.sum(c.negative) AS negative, pg_catalog.sum(c.withdrawn) AS withdrawn
			  FROM @extschema@.federated_counters c
			 WHERE ($1 IS NULL OR c.year OPERATOR(pg_catalog.>=) $1)
			   AND ($2 IS NULL OR c.year OPERATOR(pg_catalog.<=) $2)
			   AND ($3 IS NULL OR c.kind OPERATOR(pg_catalog.=) $3)
			 GROUP BY c.member_state, c.node_id, c.format, c.year, c.kind
		), checked AS MATERIALIZED (
			SELECT * FROM per_member p WHERE @extschema@.federation_check(p.member_state, p.node_id, p.format)
		), rows AS (
			SELECT c.member_state, c.year, c.kind, c.pending, c.positive, c.negative, c.withdrawn
			  FROM checked c
			UNION ALL
			SELECT 'EU', c.year, c.kind, pg_catalog.sum(c.pending), pg_catalog.sum(c.positive),
				   pg_catalog.sum(c.negative), pg_catalog.sum(c.withdrawn)
			  FROM checked c
			 GROUP BY c.year, c.kind
		)
		SELECT r.member_state, r.year, r.kind::pg_catalog.text,
			   (r.pending OPERATOR(pg_catalog.+) r.positive OPERATOR(pg_catalog.+) r.negative
				OPERATOR(pg_catalog.+) r.withdrawn)::pg_catalog.int8,
			   r.positive::pg_catalog.int8, r.negative::pg_catalog.int8,
			   r.withdrawn::pg_catalog.int8, r.pending::pg_catalog.int8
		  FROM rows r
		 ORDER BY r.year, r.kind, r.member_state OPERATOR(pg_catalog.=) 'EU', r.member_state
	$q$ USING from_year, to_year, of_kind;
EXCEPTION WHEN sqlclient_unable_to_establish_sqlconnection OR connection_failure THEN
	GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL, state = RETURNED_SQLSTATE;
	PERFORM @extschema@.federation_report_unreachable(msg, det, state);
END
$$;
COMMENT ON FUNCTION @extschema@.federated_overview(pg_catalog.int4, pg_catalog.int4, @extschema@.request_kind) IS
	'requests presented per member state, year and kind with their answers so far, and the EU totals (member_state ''EU''), for the years from_year to to_year (NULL: an open end) and a kind (of_kind, NULL: both), from the counters of the national databases';

CREATE FUNCTION @extschema@.federated_not_confirmed(of_kind @extschema@.request_kind DEFAULT NULL,
													from_year pg_catalog.int4 DEFAULT NULL,
													to_year pg_catalog.int4 DEFAULT NULL)
	RETURNS TABLE (member_state pg_catalog.text, year pg_catalog.int4, kind pg_catalog.text,
				   country_code pg_catalog.text, country_name pg_catalog.text,
				   negative pg_catalog.int8, withdrawn pg_catalog.int8,
				   not_confirmed pg_catalog.int8, presented pg_catalog.int8)
	LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL RESTRICTED
	SET search_path = pg_catalog, pg_temp
	SET enable_partitionwise_aggregate = on
AS $$
DECLARE
	msg pg_catalog.text;
	det pg_catalog.text;
	state pg_catalog.text;
BEGIN
	PERFORM @extschema@.check_period(from_year, to_year);
	PERFORM @extschema@.federation_check_members();
	RETURN QUERY EXECUTE $q$
		WITH per_member AS MATERIALIZED (
			SELECT c.member_state, c.node_id, c.format, c.year, c.kind, c.country,
				   pg_catalog.sum(c.pending) AS pending, pg_catalog.sum(c.positive) AS positive,
				   pg_catalog.sum(c.negative) AS negative, pg_catalog.sum(c.withdrawn) AS withdrawn
			  FROM @extschema@.federated_counters c
			 WHERE ($1 IS NULL OR c.year OPERATOR(pg_catalog.>=) $1)
			   AND ($2 IS NULL OR c.year OPERATOR(pg_catalog.<=) $2)
			   AND ($3 IS NULL OR c.kind OPERATOR(pg_catalog.=) $3)
			 GROUP BY c.member_state, c.node_id, c.format, c.year, c.kind, c.country
		), checked AS MATERIALIZED (
			SELECT * FROM per_member p WHERE @extschema@.federation_check(p.member_state, p.node_id, p.format)
		), rows AS (
			SELECT c.member_state, c.year, c.kind, c.country, c.pending, c.positive, c.negative, c.withdrawn
			  FROM checked c
			UNION ALL
			SELECT 'EU', c.year, c.kind, c.country, pg_catalog.sum(c.pending), pg_catalog.sum(c.positive),
				   pg_catalog.sum(c.negative), pg_catalog.sum(c.withdrawn)
			  FROM checked c
			 GROUP BY c.year, c.kind, c.country
		)
		SELECT r.member_state, r.year, r.kind::pg_catalog.text, r.country::pg_catalog.text,
			   @extschema@.name(r.country),
			   r.negative::pg_catalog.int8, r.withdrawn::pg_catalog.int8,
			   (r.negative OPERATOR(pg_catalog.+) r.withdrawn)::pg_catalog.int8,
			   (r.pending OPERATOR(pg_catalog.+) r.positive OPERATOR(pg_catalog.+) r.negative
				OPERATOR(pg_catalog.+) r.withdrawn)::pg_catalog.int8
		  FROM rows r
		 ORDER BY r.year, r.kind, r.country, r.member_state OPERATOR(pg_catalog.=) 'EU', r.member_state
	$q$ USING from_year, to_year, of_kind;
EXCEPTION WHEN sqlclient_unable_to_establish_sqlconnection OR connection_failure THEN
	GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL, state = RETURNED_SQLSTATE;
	PERFORM @extschema@.federation_report_unreachable(msg, det, state);
END
$$;
COMMENT ON FUNCTION @extschema@.federated_not_confirmed(@extschema@.request_kind, pg_catalog.int4, pg_catalog.int4) IS
	'requests per member state, year, kind and country of origin with the negative and withdrawn (not confirmed) ones, and the EU totals (member_state ''EU''), for a kind (of_kind, NULL: both) and the years from_year to to_year (NULL: an open end)';

CREATE FUNCTION @extschema@.federated_persons(from_year pg_catalog.int4 DEFAULT NULL,
											  to_year pg_catalog.int4 DEFAULT NULL,
											  of_kind @extschema@.request_kind DEFAULT NULL)
	RETURNS TABLE (member_state pg_catalog.text, year pg_catalog.int4, kind pg_catalog.text,
				   presented pg_catalog.int8, persons pg_catalog.int8)
	LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL RESTRICTED
	SET search_path = pg_catalog, pg_temp
	SET enable_partitionwise_aggregate = on
AS $$
DECLARE
	msg pg_catalog.text;
	det pg_catalog.text;
	state pg_catalog.text;
BEGIN
	PERFORM @extschema@.check_period(from_year, to_year);
	PERFORM @extschema@.federation_check_members();
	RETURN QUERY EXECUTE $q$
		WITH per_member AS MATERIALIZED (
			SELECT p.member_state, p.node_id, p.format, p.year, p.kind,
				   pg_catalog.sum(p.presented) AS presented, pg_catalog.sum(p.persons) AS persons
			  FROM @extschema@.federated_persons p
			 WHERE ($1 IS NULL OR p.year OPERATOR(pg_catalog.>=) $1)
			   AND ($2 IS NULL OR p.year OPERATOR(pg_catalog.<=) $2)
			   AND ($3 IS NULL OR p.kind OPERATOR(pg_catalog.=) $3)
			 GROUP BY p.member_state, p.node_id, p.format, p.year, p.kind
		), checked AS MATERIALIZED (
			SELECT * FROM per_member p WHERE @extschema@.federation_check(p.member_state, p.node_id, p.format)
		), rows AS (
			SELECT c.member_state, c.year, c.kind, c.presented, c.persons
			  FROM checked c
			UNION ALL
			SELECT 'EU', c.year, c.kind, pg_catalog.sum(c.presented), pg_catalog.sum(c.persons)
			  FROM checked c
			 GROUP BY c.year, c.kind
		)
		SELECT r.member_state, r.year, r.kind::pg_catalog.text,
			   r.presented::pg_catalog.int8, r.persons::pg_catalog.int8
		  FROM rows r
		 ORDER BY r.year, r.kind, r.member_state OPERATOR(pg_catalog.=) 'EU', r.member_state
	$q$ USING from_year, to_year, of_kind;
EXCEPTION WHEN sqlclient_unable_to_establish_sqlconnection OR connection_failure THEN
	GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL, state = RETURNED_SQLSTATE;
	PERFORM @extschema@.federation_report_unreachable(msg, det, state);
END
$$;
COMMENT ON FUNCTION @extschema@.federated_persons(pg_catalog.int4, pg_catalog.int4, @extschema@.request_kind) IS
	'requests and distinct persons per member state, year and kind as each national database counts them, and their sums (member_state ''EU''; not distinct EU persons), for the years from_year to to_year (NULL: an open end) and a kind (of_kind, NULL: both)';

-- The views for BI tools on a hub: plain types, every view and column
-- commented; the functions above over the whole history.
CREATE VIEW migchain_bi.federated_overview_by_year AS
	SELECT o.member_state, o.year, o.kind, o.presented, o.positive, o.negative, o.withdrawn, o.pending
	  FROM @extschema@.federated_overview() o;
COMMENT ON VIEW migchain_bi.federated_overview_by_year IS
	'LP and T&O requests per member state and year presented with the answers received so far, as overview_by_year in each national database, and the EU totals in the rows of member_state ''EU'' (leave them out when adding up the member states)';
COMMENT ON COLUMN migchain_bi.federated_overview_by_year.member_state IS
	'member state (ISO 3166 alpha-2) whose national database counted the requests; EU: the sum of all member states';
COMMENT ON COLUMN migchain_bi.federated_overview_by_year.year IS 'year the requests were presented (bekend gesteld)';
COMMENT ON COLUMN migchain_bi.federated_overview_by_year.kind IS 'LP (laissez-passer) or T&O (terugname en overname)';
COMMENT ON COLUMN migchain_bi.federated_overview_by_year.presented IS 'requests presented (bekend gesteld) that year';
COMMENT ON COLUMN migchain_bi.federated_overview_by_year.positive IS 'of which answered positively: nationality confirmed';
COMMENT ON COLUMN migchain_bi.federated_overview_by_year.negative IS 'of which answered negatively: nationality not confirmed';
COMMENT ON COLUMN migchain_bi.federated_overview_by_year.withdrawn IS 'of which withdrawn: no answer obtained (ingetrokken)';
COMMENT ON COLUMN migchain_bi.federated_overview_by_year.pending IS 'of which still without an answer';

CREATE VIEW migchain_bi.federated_not_confirmed_by_country AS
	SELECT n.member_state, n.year, n.kind, n.country_code, n.country_name, n.negative, n.withdrawn,
		   n.not_confirmed, n.presented
	  FROM @extschema@.federated_not_confirmed() n;
COMMENT ON VIEW migchain_bi.federated_not_confirmed_by_country IS
	'requests per member state, year presented, kind and country of origin with those not confirmed (negative + withdrawn), and the EU totals in the rows of member_state ''EU''; whether a country had a process is national (its routes) and is not shown';
COMMENT ON COLUMN migchain_bi.federated_not_confirmed_by_country.member_state IS
	'member state (ISO 3166 alpha-2) whose national database counted the requests; EU: the sum of all member states';
COMMENT ON COLUMN migchain_bi.federated_not_confirmed_by_country.year IS 'year the requests were presented';
COMMENT ON COLUMN migchain_bi.federated_not_confirmed_by_country.kind IS 'LP or T&O';
COMMENT ON COLUMN migchain_bi.federated_not_confirmed_by_country.country_code IS 'country of origin, ISO 3166 code';
COMMENT ON COLUMN migchain_bi.federated_not_confirmed_by_country.country_name IS
	'name of the country in the language of migchain.language (on the hub)';
COMMENT ON COLUMN migchain_bi.federated_not_confirmed_by_country.negative IS 'answered negatively';
COMMENT ON COLUMN migchain_bi.federated_not_confirmed_by_country.withdrawn IS 'withdrawn, no answer obtained';
COMMENT ON COLUMN migchain_bi.federated_not_confirmed_by_country.not_confirmed IS 'negative + withdrawn';
COMMENT ON COLUMN migchain_bi.federated_not_confirmed_by_country.presented IS 'all requests presented';

CREATE VIEW migchain_bi.federated_persons_by_year AS
	SELECT p.member_state, p.year, p.kind, p.presented, p.persons
	  FROM @extschema@.federated_persons() p;
COMMENT ON VIEW migchain_bi.federated_persons_by_year IS
	'requests and distinct persons per member state, year presented and kind, each counted by its national database, and their sums in the rows of member_state ''EU''';
COMMENT ON COLUMN migchain_bi.federated_persons_by_year.member_state IS
	'member state (ISO 3166 alpha-2) whose national database counted them; EU: the sum of all member states';
COMMENT ON COLUMN migchain_bi.federated_persons_by_year.year IS 'year the requests were presented';
COMMENT ON COLUMN migchain_bi.federated_persons_by_year.kind IS 'LP or T&O';
COMMENT ON COLUMN migchain_bi.federated_persons_by_year.presented IS 'requests presented';
COMMENT ON COLUMN migchain_bi.federated_persons_by_year.persons IS
	'distinct persons in the national database; in the EU rows the sum of the national counts, NOT distinct persons in the EU: person numbers are pseudonymous per database, so one person presented by two member states counts twice';

-- ---- Access -----------------------------------------------------------------
-- Not for PUBLIC:
--   set_member_state, grant_federation, federation_attach, federation_detach
--                  for the admin;
--   federated_overview, federated_not_confirmed, federated_persons  read
--                  the members' counters with the owner's rights and user
--                  mappings: for the roles given analyst access (the views of
--                  migchain_bi call them, so grant_analyst grants them).
-- federation_member_state() and federation_node_id() return the identity
-- only, federation_rollup_ready() the readiness of the rollup,
-- federation_check and the error functions raise, federation_functions()
-- and federation_check_members() read the catalog: PUBLIC keeps them.  The national views are for the role given
-- grant_federation (their schema is not PUBLIC's).
REVOKE EXECUTE ON FUNCTION @extschema@.set_member_state(pg_catalog.text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.grant_federation(pg_catalog.regrole) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.federation_attach(pg_catalog.name, pg_catalog.text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.federation_detach(pg_catalog.text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.federated_overview(pg_catalog.int4, pg_catalog.int4,
	@extschema@.request_kind) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.federated_not_confirmed(@extschema@.request_kind,
	pg_catalog.int4, pg_catalog.int4) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.federated_persons(pg_catalog.int4, pg_catalog.int4,
	@extschema@.request_kind) FROM PUBLIC;
