-- The migchain tour, run by make demo in a throwaway cluster.
\pset footer off
\echo
\echo '== migchain: return and readmission analytics for the migration chain =='
CREATE EXTENSION migchain;
SELECT extname AS extension, extversion AS version, migchain.version() AS library
  FROM pg_extension WHERE extname = 'migchain';
\echo 'Objects of the extension:'
\dx+ migchain
