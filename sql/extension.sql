-- The extension is created by pg_regress (--load-extension=migchain; amcheck too).
-- Its version, its schemas and the library agree.
SELECT extname, extversion = (SELECT default_version FROM pg_available_extensions WHERE name = 'migchain') AS current_version,
       extnamespace::regnamespace AS schema, extrelocatable
  FROM pg_extension WHERE extname = 'migchain';
SELECT migchain.version() = (SELECT extversion FROM pg_extension WHERE extname = 'migchain') AS library_matches;
SELECT nspname FROM pg_namespace WHERE nspname LIKE 'migchain%' ORDER BY 1;
-- migchain_bi belongs to the extension and is dropped with it; the schema
-- migchain is made by CREATE EXTENSION from the control file and stays.
SELECT pg_describe_object(classid, objid, objsubid) AS member
  FROM pg_depend
 WHERE refclassid = 'pg_extension'::regclass
   AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'migchain')
   AND classid = 'pg_namespace'::regclass
 ORDER BY 1;
-- The extension is not relocatable and not trusted.
SELECT v.name, v.superuser, v.trusted, v.relocatable, v.schema
  FROM pg_available_extension_versions v
  JOIN pg_available_extensions e ON e.name = v.name AND e.default_version = v.version
 WHERE v.name = 'migchain';
-- The setting for the language of text output.
SHOW migchain.language;
SET migchain.language = 'en';
SHOW migchain.language;
SET migchain.language = 'fr';
RESET migchain.language;
SHOW migchain.language;
-- Settings under the reserved prefix that do not exist are refused.
SET migchain.nonsense = 1;
