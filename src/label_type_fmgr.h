/*
 * label_type_fmgr.h
 *		The SQL-callable functions of a type whose values are labels in Dutch
 *		and English (label_type.h): answer, case_outcome, detention_exit.
 *
 * The value is one byte, passed by value: the ordinal, which is also the
 * binary form.  MC_LABEL_TYPE_FUNCTIONS(prefix, type) defines, for the
 * LabelType type:
 *
 *	prefix_in			text input, Dutch or English, never looking at a setting;
 *	prefix_out			text output in the language of migchain.language;
 *	prefix_recv			binary input: exactly one byte, an ordinal;
 *	prefix_send			binary output: the ordinal;
 *	prefix_from_text	the cast from text, by the rules of text input;
 *	prefix_to_text		the cast to text, as output;
 *	prefix_label_lang	label(value, language): the label in 'nl' or 'en'.
 *
 * Comparison and hashing are PostgreSQL's functions of "char" but for
 * prefix_cmp (MC_INTEGER_TYPE_CMP, type_support.h).  The file that uses it
 * includes type_io.h.
 */
#ifndef LABEL_TYPE_FMGR_H
#define LABEL_TYPE_FMGR_H

#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"

#include "language.h"
#include "label_type.h"
#include "type_io.h"

#define MC_LABEL_TYPE_FUNCTIONS(prefix, type) \
	PG_FUNCTION_INFO_V1(prefix##_in); \
	Datum \
	prefix##_in(PG_FUNCTION_ARGS) \
	{ \
		PG_RETURN_DATUM(UInt8GetDatum(mc_label_type_input(&(type), PG_GETARG_CSTRING(0)))); \
	} \
	PG_FUNCTION_INFO_V1(prefix##_out); \
	Datum \
	prefix##_out(PG_FUNCTION_ARGS) \
	{ \
		PG_RETURN_CSTRING(pstrdup(mc_label_type_output(&(type), DatumGetUInt8(PG_GETARG_DATUM(0)), \
													   mc_language()))); \
	} \
	PG_FUNCTION_INFO_V1(prefix##_recv); \
	Datum \
	prefix##_recv(PG_FUNCTION_ARGS) \
	{ \
		PG_RETURN_DATUM(UInt8GetDatum(mc_label_type_recv(&(type), (StringInfo) PG_GETARG_POINTER(0)))); \
	} \
	PG_FUNCTION_INFO_V1(prefix##_send); \
	Datum \
	prefix##_send(PG_FUNCTION_ARGS) \
	{ \
		PG_RETURN_BYTEA_P(mc_send_one_byte(DatumGetUInt8(PG_GETARG_DATUM(0)))); \
	} \
	PG_FUNCTION_INFO_V1(prefix##_from_text); \
	Datum \
	prefix##_from_text(PG_FUNCTION_ARGS) \
	{ \
		PG_RETURN_DATUM(UInt8GetDatum(mc_label_type_input(&(type), \
														  text_to_cstring(PG_GETARG_TEXT_PP(0))))); \
	} \
	PG_FUNCTION_INFO_V1(prefix##_to_text); \
	Datum \
	prefix##_to_text(PG_FUNCTION_ARGS) \
	{ \
		PG_RETURN_TEXT_P(cstring_to_text(mc_label_type_output(&(type), DatumGetUInt8(PG_GETARG_DATUM(0)), \
															  mc_language()))); \
	} \
	PG_FUNCTION_INFO_V1(prefix##_label_lang); \
	Datum \
	prefix##_label_lang(PG_FUNCTION_ARGS) \
	{ \
		int			value = DatumGetUInt8(PG_GETARG_DATUM(0)); \
		\
		PG_RETURN_TEXT_P(cstring_to_text(mc_label_type_output(&(type), value, \
															  mc_language_arg(PG_GETARG_TEXT_PP(1))))); \
	}

#endif							/* LABEL_TYPE_FMGR_H */
