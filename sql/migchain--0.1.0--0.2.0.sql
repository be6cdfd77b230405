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
