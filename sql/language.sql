-- migchain.language: a value that is not a language is never taken for
-- Dutch.  This session has not used migchain yet, so the library is not
-- loaded and PostgreSQL keeps whatever is set: migchain refuses it where
-- output needs the language.
SET migchain.language = 'fr';
SELECT 'positief'::migchain.answer;
SELECT migchain.name('MA');
-- What takes its language as an argument, or none, still works.
SELECT migchain.label('positief', 'en'), 'MAR'::migchain.country;
SHOW migchain.language;
-- Now the library is loaded: a bad value is refused where it is given, and
-- the one set before stays until a language is set.
SET migchain.language = 'english';
SHOW migchain.language;
SELECT 'positief'::migchain.answer;
SET migchain.language = 'EN';
SHOW migchain.language;
SELECT 'positief'::migchain.answer, migchain.name('MA');
RESET migchain.language;
SELECT 'positief'::migchain.answer, migchain.name('MA');
-- ALTER ROLE and ALTER DATABASE ... SET test the value once the library is
-- loaded.
CREATE ROLE regress_migchain_language;
ALTER ROLE regress_migchain_language SET migchain.language = 'english';
DROP ROLE regress_migchain_language;
-- Given by ALTER DATABASE in a session that has not loaded the library,
-- the value is stored as it is; a new session applies it, and migchain
-- refuses it when output needs the language.
\c
ALTER DATABASE :"DBNAME" SET migchain.language = 'english';
\c
SHOW migchain.language;
SELECT 'positief'::migchain.answer;
SELECT migchain.name('SO');
SET migchain.language = 'en';
SELECT 'positief'::migchain.answer;
ALTER DATABASE :"DBNAME" RESET migchain.language;
