-- migchain 0.1.0 -> 0.2.0: the changes since 0.1.0, in the order of CHANGELOG.md.
-- Every change to sql/install/ must be made here too; test/t/040_upgrade.pl
-- checks that an updated 0.1.0 has exactly the objects of a fresh install.

\echo Use "ALTER EXTENSION migchain UPDATE TO '0.2.0'" to load this file. \quit

-- The grant functions refuse a NULL role instead of doing nothing.
CREATE OR REPLACE FUNCTION @extschema@.check_grantee(grantee pg_catalog.regrole) RETURNS pg_catalog.text
	LANGUAGE plpgsql STABLE	-- not strict: no role (NULL) is an error, not a silent no-op
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF grantee IS NULL OR grantee::oid OPERATOR(pg_catalog.=) 0::oid THEN
		RAISE EXCEPTION 'a role is required'
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Name an existing role, e.g. migchain.grant_analyst(''bi_reader'').';
	END IF;
	RETURN grantee::text;	-- regrole output: the name, quoted where needed
END
$$;
ALTER FUNCTION @extschema@.grant_analyst(pg_catalog.regrole) CALLED ON NULL INPUT;
ALTER FUNCTION @extschema@.grant_loader(pg_catalog.regrole) CALLED ON NULL INPUT;
ALTER FUNCTION @extschema@.revoke_access(pg_catalog.regrole) CALLED ON NULL INPUT;

-- persons(): several countries when the smallest and largest country differ
-- (cheaper than count(DISTINCT)); its rights and comment stay as they were.
CREATE OR REPLACE FUNCTION @extschema@.persons(from_year pg_catalog.int4 DEFAULT NULL,
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
		'       pg_catalog.count(*), pg_catalog.count(*) FILTER (WHERE p.several)'
		'  FROM (SELECT pg_catalog.date_part(''year'', r.presented_on)::pg_catalog.int4 AS year,'
		'               r.kind, r.person_id, pg_catalog.count(*) AS requests,'
		'               @extschema@.min(r.country) OPERATOR(@extschema@.<>) @extschema@.max(r.country) AS several'
		'          FROM @extschema@.request r WHERE true' || cond ||
		'         GROUP BY 1, 2, 3) p'
		' GROUP BY p.year, p.kind';
END
$$;
