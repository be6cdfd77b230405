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

extern int	migchain_language;

#endif							/* MIGCHAIN_LANGUAGE_H */
