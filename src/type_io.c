/*
 * type_io.c
 *		What the functions of the types share on the PostgreSQL side (see
 *		type_io.h).
 */
#include "postgres.h"

#include "catalog/pg_conversion.h"
#include "catalog/pg_namespace.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "type_io.h"

StaticAssertDecl(MIGCHAIN_LANG_NL == LABEL_LANG_NL &&
				 MIGCHAIN_LANG_EN == LABEL_LANG_EN,
				 "languages of language.h and label_type.h differ");

/* Bytes converted at a time, so that no buffer outgrows what palloc gives. */
#define MC_CONVERT_CHUNK	8192

/*
 * The len bytes at s (NUL-terminated) converted from encoding from to
 * encoding to, with the conversion function *proc (looked up in pg_catalog
 * on first use, whatever the search path), the result's length in *outlen.
 * NULL when s has a character the other encoding lacks: unlike
 * pg_server_to_any(), whose error is 22P05, this lets an input function
 * raise its own.  Where PostgreSQL has no conversion between the two (a
 * MULE_INTERNAL database), the bytes are taken as they are.
 */
static const char *
mc_convert_or_null(const char *s, size_t len, int from, int to, Oid *proc,
				size_t *outlen)
{
	StringInfoData out;
	size_t		done = 0;

	if (!OidIsValid(*proc))
		*proc = FindDefaultConversion(PG_CATALOG_NAMESPACE, from, to);
	if (len == 0 || !OidIsValid(*proc))
	{
		*outlen = len;
		return s;
	}

	initStringInfo(&out);
	while (done < len)
	{
		int			chunk = (int) Min(len - done, MC_CONVERT_CHUNK);
		int			converted;

		enlargeStringInfo(&out, chunk * MAX_CONVERSION_GROWTH + 1);
		converted = pg_do_encoding_conversion_buf(*proc, from, to,
												  (unsigned char *) s + done, chunk,
												  (unsigned char *) out.data + out.len,
												  chunk * MAX_CONVERSION_GROWTH + 1,
												  true);
		/* nothing converted: a character the other encoding lacks */
		if (converted <= 0)
		{
			pfree(out.data);
			return NULL;
		}
		out.len += strlen(out.data + out.len);
		done += converted;
	}
	*outlen = out.len;
	return out.data;
}

/*
 * The text an input function got (str, NUL-terminated, in the database
 * encoding) as the UTF-8 its parser reads, its length in *len: in a UTF-8
 * database str itself; in SQL_ASCII, which says nothing of what its bytes
 * mean, str itself too, unchecked (the parsers refuse bytes they do not
 * know, so bad bytes are bad input); in any other encoding str converted to
 * UTF-8.  NULL when str has a character that has no equivalent in UTF-8
 * (WIN1252's byte 0x81, say): no value is spelled with one.
 */
const char *
mc_input_utf8(const char *str, size_t *len)
{
	static Oid	to_utf8 = InvalidOid;	/* the database encoding is fixed */
	int			encoding = GetDatabaseEncoding();

	*len = strlen(str);
	if (encoding == PG_UTF8 || encoding == PG_SQL_ASCII)
		return str;
	return mc_convert_or_null(str, *len, encoding, PG_UTF8, &to_utf8, len);
}

/*
 * The UTF-8 string utf8 (the name of a country, say) in the database
 * encoding, each character that encoding lacks replaced by what fallback
 * gives for its code point: ASCII, which every database encoding has, so
 * that the result never fails to convert (Somalië is Somalie in WIN1251).
 * In UTF8 and SQL_ASCII utf8 itself, as text input reads it.  Converted
 * whole where it can be, character by character only where it cannot.
 */
const char *
mc_utf8_to_server_or(const char *utf8, const char *(*fallback) (pg_wchar cp))
{
	static Oid	from_utf8 = InvalidOid;
	int			encoding = GetDatabaseEncoding();
	const char *conv;
	size_t		len;
	StringInfoData buf;

	if (encoding == PG_UTF8 || encoding == PG_SQL_ASCII)
		return utf8;
	conv = mc_convert_or_null(utf8, strlen(utf8), PG_UTF8, encoding, &from_utf8, &len);
	if (conv != NULL)
		return conv;

	initStringInfo(&buf);
	while (*utf8 != '\0')
	{
		const unsigned char *c = (const unsigned char *) utf8;
		int			mblen = pg_utf_mblen(c);
		char		one[MAX_MULTIBYTE_CHAR_LEN + 1];
		int			n;

		/* one character, never past the end of a string cut short */
		for (n = 0; n < mblen && n < MAX_MULTIBYTE_CHAR_LEN && utf8[n] != '\0'; n++)
			one[n] = utf8[n];
		one[n] = '\0';
		utf8 += n;
		if (*c < 0x80)
			appendStringInfoChar(&buf, one[0]);
		else
		{
			conv = n == mblen ?
				mc_convert_or_null(one, n, PG_UTF8, encoding, &from_utf8, &len) : NULL;
			appendStringInfoString(&buf, conv != NULL ? conv :
								   fallback(n == mblen ? utf8_to_unicode(c) : 0));
		}
	}
	return buf.data;
}

/*
 * Raise the error of a type's text input: str, quoted as the input function
 * got it, is not a value of type typname (22P02).  detail may be NULL.
 */
void
mc_invalid_text(const char *typname, const char *str, const char *detail,
				const char *hint)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%s\"", typname, str),
			 detail ? errdetail("%s", detail) : 0,
			 errhint("%s", hint)));
	pg_unreachable();
}

/*
 * Text input of a type whose values are labels in one language
 * (request_kind): the ordinal that parse finds in the UTF-8 of str, or the
 * 22P02 error with hint.  Those with Dutch and English labels use
 * mc_label_type_input().
 */
int
mc_label_input(const char *str, int (*parse) (const char *str, size_t len),
			   const char *typname, const char *hint)
{
	size_t		len;
	const char *utf8 = mc_input_utf8(str, &len);
	int			ordinal = utf8 != NULL ? parse(utf8, len) : -1;

	if (ordinal < 0)
		mc_invalid_text(typname, str, NULL, hint);
	return ordinal;
}

/*
 * Raise the error of binary input of a one-byte type whose byte b is not
 * one of its ordinals: not what (e.g. "an answer"); valid lists the bytes.
 */
static void mc_invalid_ordinal(const char *typname, int b, const char *what,
							   const char *valid) pg_attribute_noreturn();

static void
mc_invalid_ordinal(const char *typname, int b, const char *what,
				   const char *valid)
{
	mc_invalid_binary(typname,
					  psprintf("Byte %d is not %s; valid bytes are %s.", b, what, valid));
}

/*
 * The labels of type in a language joined for a message: "a", "b" and "c",
 * or with their ordinals: 0 (a), 1 (b) and 2 (c).
 */
static void
mc_label_type_list(StringInfo buf, const LabelType *type, int language,
				   bool with_ordinals)
{
	int			i;

	for (i = 0; i < type->count; i++)
	{
		if (i > 0)
			appendStringInfoString(buf, i == type->count - 1 ? " and " : ", ");
		if (with_ordinals)
			appendStringInfo(buf, "%d (%s)", i, type->labels[language][i]);
		else
			appendStringInfo(buf, "\"%s\"", type->labels[language][i]);
	}
}

/*
 * Text input of a label type (label_type.h): the ordinal of the value that
 * str names in Dutch or English, or the 22P02 error with a hint that lists
 * the labels of both languages.
 */
int
mc_label_type_input(const LabelType *type, const char *str)
{
	size_t		len;
	const char *utf8 = mc_input_utf8(str, &len);
	int			ordinal = utf8 != NULL ? label_type_parse(type, utf8, len) : -1;

	if (ordinal < 0)
	{
		StringInfoData hint;

		initStringInfo(&hint);
		appendStringInfoString(&hint, "Valid values are ");
		mc_label_type_list(&hint, type, LABEL_LANG_EN, false);
		appendStringInfoString(&hint, ", or in Dutch ");
		mc_label_type_list(&hint, type, LABEL_LANG_NL, false);
		appendStringInfoChar(&hint, '.');
		mc_invalid_text(type->typname, str, NULL, hint.data);
	}
	return ordinal;
}

/*
 * The output label of the value ordinal of a label type in a language; a
 * value or language out of range cannot happen.
 */
const char *
mc_label_type_output(const LabelType *type, int ordinal, int language)
{
	const char *label = label_type_label(type, ordinal, language);

	if (label == NULL)
		elog(ERROR, "invalid %s value %d or language %d",
			 type->typname, ordinal, language);
	return label;
}

/*
 * Binary input of a label type: exactly one byte, an ordinal of the type,
 * or the 22P03 error listing the valid bytes with their English labels.
 */
int
mc_label_type_recv(const LabelType *type, StringInfo buf)
{
	int			b = mc_recv_one_byte(buf, type->typname);

	if (b >= type->count)
	{
		StringInfoData valid;

		initStringInfo(&valid);
		mc_label_type_list(&valid, type, LABEL_LANG_EN, true);
		mc_invalid_ordinal(type->typname, b, type->what, valid.data);
	}
	return b;
}

/*
 * Raise the error of a type's binary input: the value is not one of type
 * typname (22P03), detail saying what is wrong with it.
 */
void
mc_invalid_binary(const char *typname, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid binary data for type %s", typname),
			 errdetail("%s", detail),
			 errhint("Send the value as migchain.%s_send() writes it.", typname)));
	pg_unreachable();
}

/*
 * Check that the binary value in buf is nbytes long, the size of the binary
 * form of the fixed-size type typname, or raise its error.  Before a read
 * past the end raises PostgreSQL's 08P01, a code of the connection class
 * that drivers may take for a lost connection, and before a value that is
 * too long is taken for a shorter one.
 */
void
mc_recv_check_length(StringInfo buf, int nbytes, const char *typname)
{
	int			len = buf->len - buf->cursor;

	if (len != nbytes)
		mc_invalid_binary(typname,
						  psprintf(len == 1 ? "The value has %d byte instead of %d." :
								   "The value has %d bytes instead of %d.",
								   len, nbytes));
}

/* Binary input of the one-byte types (request_kind, answer): the byte. */
int
mc_recv_one_byte(StringInfo buf, const char *typname)
{
	mc_recv_check_length(buf, 1, typname);
	return pq_getmsgbyte(buf);
}

/*
 * Binary input of the one-byte types whose values are the ordinals 0 to
 * count - 1 (request_kind, answer): the ordinal, or the error saying that
 * the byte is not what (e.g. "an answer") and which bytes are valid.
 */
int
mc_recv_ordinal(StringInfo buf, const char *typname, int count,
				const char *what, const char *valid)
{
	int			b = mc_recv_one_byte(buf, typname);

	if (b >= count)
		mc_invalid_ordinal(typname, b, what, valid);
	return b;
}

/* Binary input of the two-byte types (country, conditions): big-endian. */
int16
mc_recv_int16(StringInfo buf, const char *typname)
{
	mc_recv_check_length(buf, sizeof(int16), typname);
	return (int16) pq_getmsgint(buf, sizeof(int16));
}

/* Binary output of the one-byte types: the byte. */
bytea *
mc_send_one_byte(uint8 b)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, b);
	return pq_endtypsend(&buf);
}

/* Binary output of the two-byte types: the int16, big-endian. */
bytea *
mc_send_int16(int16 v)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint16(&buf, (uint16) v);
	return pq_endtypsend(&buf);
}

/*
 * The language a function's language argument names: 'nl' or 'en', in any
 * case, as migchain.language takes them; 22023 for anything else.
 */
MigchainLanguage
mc_language_arg(text *lang)
{
	char	   *s = text_to_cstring(lang);
	int			language = mc_language_from_name(s);

	if (language < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid language: \"%s\"", s),
				 errhint(MC_LANGUAGE_HINT)));
	return (MigchainLanguage) language;
}
