/*
 * migchain.c
 *		Module entry point: the module magic, the settings, version().
 */
#include "postgres.h"

#include "access/parallel.h"
#include "access/xact.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/guc.h"

#include "types.h"
#include "language.h"

PG_MODULE_MAGIC;

/*
 * migchain.language: the language of text output ("nl" or "en"), as given
 * (language_value), and the language it names (-1: none).
 */
static char *language_value = NULL;
static int	language_current = MIGCHAIN_LANG_NL;
static bool language_defining = false;	/* in DefineCustomStringVariable */

/* See language.h. */
int
mc_language_from_name(const char *name)
{
	if (name == NULL)
		return -1;
	if (pg_strcasecmp(name, "nl") == 0)
		return MIGCHAIN_LANG_NL;
	if (pg_strcasecmp(name, "en") == 0)
		return MIGCHAIN_LANG_EN;
	return -1;
}

/*
 * Check a new value of migchain.language.  A language is kept in lower case.
 * Anything else is refused where it is given by a statement of this session
 * (SET, ALTER ROLE or DATABASE ... SET, which tests the value): the one who
 * gives it sees the error.  A value given where no error can reach the one
 * who gave it (before the library was loaded, in the configuration file, by
 * ALTER ROLE or DATABASE ... SET applied when a session starts) is kept as it
 * is, and mc_language() refuses it when output needs the language: it must
 * never turn into Dutch without a word.
 */
static bool
language_check(char **newval, void **extra, GucSource source)
{
	int			language = mc_language_from_name(*newval);
	int		   *e;

	if (language < 0 && !language_defining && source >= PGC_S_INTERACTIVE)
	{
		GUC_check_errcode(ERRCODE_INVALID_PARAMETER_VALUE);
		GUC_check_errhint(MC_LANGUAGE_HINT);
		return false;
	}
	if (language >= 0)
	{
		char	   *canonical = malloc(3);

		if (canonical == NULL)
			return false;
		strcpy(canonical, language == MIGCHAIN_LANG_EN ? "en" : "nl");
		free(*newval);
		*newval = canonical;
	}
	e = malloc(sizeof(int));
	if (e == NULL)
		return false;
	*e = language;
	*extra = e;
	return true;
}

/* Take the language a checked value names (-1: none). */
static void
language_assign(const char *newval, void *extra)
{
	language_current = *(int *) extra;
}

/* See language.h. */
MigchainLanguage
mc_language(void)
{
	if (unlikely(language_current < 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for parameter \"%s\": \"%s\"", "migchain.language",
						language_value ? language_value : ""),
				 errdetail("Text output in migchain's language follows this setting, which was given before migchain was loaded, by ALTER ROLE or ALTER DATABASE ... SET, or in the configuration file."),
				 errhint("Valid languages are \"nl\" (Dutch) and \"en\" (English): SET migchain.language = 'en', or correct the setting where it was given.")));
	return (MigchainLanguage) language_current;
}

void		_PG_init(void);
extern void mc_rollup_define_settings(void);

/*
 * Define the settings when the library is loaded.
 *
 * A value set before the library was loaded (SET, ALTER ROLE or DATABASE
 * ... SET) is kept by PostgreSQL as a placeholder and applied here.  When
 * the library is first loaded in the middle of a parallel query, PostgreSQL
 * cannot apply it (no setting may change during a parallel operation): it
 * warns in its own words and the setting falls back to its default for the
 * rest of the session.  Say what that means for migchain, and how to avoid
 * it, rather than leave the output silently in the other language.
 */
void
_PG_init(void)
{
	char		wanted[16] = "";

	if (IsInParallelMode() && !IsParallelWorker())
	{
		const char *placeholder = GetConfigOption("migchain.language", true, false);

		if (placeholder != NULL)
			strlcpy(wanted, placeholder, sizeof(wanted));
	}

	/* a value given before the library was loaded is applied here */
	language_defining = true;
	PG_TRY();
	{
		DefineCustomStringVariable("migchain.language",
								   "Language of migchain's text output.",
								   MC_LANGUAGE_HINT,
								   &language_value,
								   "nl",
								   PGC_USERSET,
								   0,
								   language_check, language_assign, NULL);
	}
	PG_FINALLY();
	{
		language_defining = false;
	}
	PG_END_TRY();
	mc_rollup_define_settings();
	MarkGUCPrefixReserved("migchain");

	if (wanted[0] != '\0' &&
		pg_strcasecmp(wanted, GetConfigOption("migchain.language", false, false)) != 0)
		ereport(WARNING,
				(errcode(ERRCODE_INVALID_TRANSACTION_STATE),
				 errmsg("migchain.language is \"%s\" for the rest of this session, not \"%s\" as it was set",
						GetConfigOption("migchain.language", false, false), wanted),
				 errdetail("The migchain library was first loaded inside a parallel query, where the setting cannot be applied."),
				 errhint("SET migchain.language again, or load the library when sessions start: session_preload_libraries = 'migchain'.")));
}

PG_FUNCTION_INFO_V1(migchain_version);

/* The version of the loaded library, to compare with the installed SQL. */
Datum
migchain_version(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(MIGCHAIN_VERSION));
}
