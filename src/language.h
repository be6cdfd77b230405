/*
 * language.h
 *		The setting migchain.language: the language of text output (answer
 *		labels, country names).  Defined in migchain.c.
 */
#ifndef MIGCHAIN_LANGUAGE_H
#define MIGCHAIN_LANGUAGE_H

/* Languages of text output (the setting migchain.language). */
typedef enum MigchainLanguage
{
	MIGCHAIN_LANG_NL = 0,
	MIGCHAIN_LANG_EN = 1
} MigchainLanguage;

/*
 * The language of migchain.language, or an error (22023) naming the value
 * when the setting holds one that is not a language: a value given before
 * the library was loaded (SET, ALTER ROLE or DATABASE ... SET) or in the
 * configuration file is kept as it was given, and every function whose
 * output follows the setting refuses it until a valid one is set.
 */
extern MigchainLanguage mc_language(void);

/* The language a name ("nl", "en", any case) gives, or -1 for none. */
extern int	mc_language_from_name(const char *name);

#define MC_LANGUAGE_HINT "Valid languages are \"nl\" (Dutch) and \"en\" (English)."

#endif							/* MIGCHAIN_LANGUAGE_H */
