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

/* migchain.language: the language of text output ('nl' or 'en'). */
int			migchain_language = MIGCHAIN_LANG_NL;

static const struct config_enum_entry language_options[] = {
	{"nl", MIGCHAIN_LANG_NL, false},
	{"en", MIGCHAIN_LANG_EN, false},
	{NULL, 0, false}
};

void		_PG_init(void);

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

	DefineCustomEnumVariable("migchain.language",
							 "Language of migchain's text output.",
							 "Valid values are \"nl\" (Dutch) and \"en\" (English).",
							 &migchain_language,
							 MIGCHAIN_LANG_NL,
							 language_options,
							 PGC_USERSET,
							 0,
							 NULL, NULL, NULL);
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
