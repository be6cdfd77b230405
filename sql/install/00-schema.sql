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
