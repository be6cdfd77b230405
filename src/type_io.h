/*
 * type_io.h
 *		What the functions of the types share on the PostgreSQL side: the
 *		text their parsers read, the names they write in the database
 *		encoding, the error for bad text, binary input and output with their
 *		checks and error, and the language argument of label() and name().
 *
 * The parsers themselves (*_parse.c) know nothing of PostgreSQL.  Those of
 * request_kind, the label types (label_type.h: answer, case_outcome,
 * detention_exit) and country read UTF-8, so their input functions
 * hand them the text through mc_input_utf8().  Those of conditions and tally
 * read ASCII only, and ASCII bytes are the same in every encoding a database
 * can have (PostgreSQL allows no server encoding whose multibyte characters
 * hold ASCII bytes), so they read the text as it is.
 */
#ifndef TYPE_IO_H
#define TYPE_IO_H

#include "postgres.h"

#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"

#include "types.h"
#include "language.h"
#include "label_type.h"

extern const char *mc_input_utf8(const char *str, size_t *len);
extern const char *mc_utf8_to_server_or(const char *utf8,
										const char *(*fallback) (pg_wchar cp));
extern void mc_invalid_text(const char *typname, const char *str,
							const char *detail, const char *hint) pg_attribute_noreturn();
extern int	mc_label_input(const char *str, int (*parse) (const char *str, size_t len),
						   const char *typname, const char *hint);

extern int	mc_label_type_input(const LabelType *type, const char *str);
extern const char *mc_label_type_output(const LabelType *type, int ordinal, int language);
extern int	mc_label_type_recv(const LabelType *type, StringInfo buf);

extern void mc_recv_check_length(StringInfo buf, int nbytes, const char *typname);
extern int	mc_recv_one_byte(StringInfo buf, const char *typname);
extern int	mc_recv_ordinal(StringInfo buf, const char *typname, int count,
							const char *what, const char *valid);
extern int16 mc_recv_int16(StringInfo buf, const char *typname);
extern bytea *mc_send_one_byte(uint8 b);
extern bytea *mc_send_int16(int16 v);
extern void mc_invalid_binary(const char *typname, const char *detail) pg_attribute_noreturn();

extern MigchainLanguage mc_language_arg(text *lang);

#endif							/* TYPE_IO_H */
