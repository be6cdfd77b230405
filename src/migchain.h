/*
 * migchain.h
 *		Shared declarations of the migchain extension.
 *
 * The on-disk and in-memory representations of the types live here, so the
 * aggregates can index dense counters by the values' ordinals.  The parsers
 * that know nothing of PostgreSQL have their own header, parse.h.
 */
#ifndef MIGCHAIN_H
#define MIGCHAIN_H

#include "postgres.h"
#include "fmgr.h"

/* Languages of text output (the setting migchain.language). */
typedef enum MigchainLanguage
{
	MIGCHAIN_LANG_NL = 0,
	MIGCHAIN_LANG_EN = 1
} MigchainLanguage;

extern int	migchain_language;

#endif							/* MIGCHAIN_H */
