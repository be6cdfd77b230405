/*
 * country.c
 *		The type migchain.country: a country of origin by its ISO 3166 code.
 *
 * A value is an int16 code that never depends on the position of a country
 * in the generated table (see tools/gen-country-table.pl): a two-letter code
 * c1 c2 is stored as (c1 - 'A') * 26 + (c2 - 'A') + 1, XXA (stateless) as
 * 677, XXX (unknown) as 678, and the former countries of ISO 3166-3 from 679
 * on.  Values sort by that code.  Reading and folding the text forms lives
 * in country_parse.c.
 */
#include "postgres.h"

#include "access/hash.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "types.h"
#include "language.h"
#include "type_support.h"
#include "type_io.h"
#include "country_parse.h"

StaticAssertDecl(MC_COUNTRY_CODE_LIMIT == MC_COUNTRY_CODE_MAX + 1,
				 "country_table.h and types.h disagree on the largest code");

#define COUNTRY_ACCEPTED_HINT \
	"Valid values are ISO 3166 alpha-2, alpha-3 and numeric codes (alpha-4 for former countries), " \
	"English and Dutch country names, EL, UK, XK (Kosovo), XXA (stateless) and XXX (unknown); " \
	"migchain.countries() lists them."
#define COUNTRY_NOT_ASCII_CODE_HINT \
	"Codes are written with the letters A to Z, in either case, or digits; " \
	"accents are ignored in names only."

/* The entry of a stored value; a code not in use is a corrupt value. */
static const McCountry *
country_entry(Country c)
{
	const McCountry *e = country_get(c);

	if (e == NULL)
		elog(ERROR, "invalid country code %d", (int) c);
	return e;
}

/*
 * The ASCII transliteration of a letter of a name (code point cp) that the
 * database encoding lacks: "e" for "ë", "AE" for "Æ" (see country_table.h).
 * The generator checks that every letter of every name and label has one;
 * "?" is for what it would not let through.
 */
static const char *
country_ascii(pg_wchar cp)
{
	const char *ascii = NULL;

	if (cp >= MC_COUNTRY_FOLD_START && cp < MC_COUNTRY_FOLD_END)
		ascii = mc_country_ascii[cp - MC_COUNTRY_FOLD_START];
	return ascii != NULL ? ascii : "?";
}

/*
 * A UTF-8 string of the table (a name, a hint's label) in the database
 * encoding: as it is where the encoding has its letters (UTF8, LATIN1,
 * EUC_JP), else with each letter the encoding lacks transliterated
 * ("Somalie" in WIN1251).  Never an error: a name can always be written.
 */
static const char *
country_to_server(const char *utf8)
{
	return mc_utf8_to_server_or(utf8, country_ascii);
}

/* A UTF-8 string of the table as text in the database encoding. */
static text *
country_text(const char *utf8)
{
	return cstring_to_text(country_to_server(utf8));
}

/*
 * The country str names (text input, the casts from text), or 22P02 with a
 * hint: the country closest to str when one is, else what is accepted.
 */
static Country
country_from_cstring(const char *str)
{
	size_t		len;
	const char *utf8 = mc_input_utf8(str, &len);
	const char *hint = COUNTRY_ACCEPTED_HINT;
	const char *label;
	int			code;
	int			suggestion;

	if (utf8 == NULL)
		mc_invalid_text("country", str, NULL, hint);
	code = country_parse(utf8, len);
	if (code > 0)
		return (Country) code;
	if (code == COUNTRY_NOT_ASCII_CODE)
		mc_invalid_text("country", str, NULL, COUNTRY_NOT_ASCII_CODE_HINT);

	suggestion = country_suggest(utf8, len, &label);
	if (suggestion != 0)
	{
		label = country_to_server(label);
		if (suggestion < 0)
			hint = psprintf("Did you mean %s?", label);
		else
			hint = psprintf("Did you mean \"%s\" (%s)?",
							country_entry((Country) suggestion)->text, label);
	}
	mc_invalid_text("country", str, NULL, hint);
}

PG_FUNCTION_INFO_V1(country_in);

/* Text input: a code or a name in English or Dutch, see country_parse.c. */
Datum
country_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);

	PG_RETURN_COUNTRY(country_from_cstring(str));
}

PG_FUNCTION_INFO_V1(country_out);

/* Text output: the alpha-2 code, XXA, XXX, or a former country's alpha-4. */
Datum
country_out(PG_FUNCTION_ARGS)
{
	Country		c = PG_GETARG_COUNTRY(0);

	PG_RETURN_CSTRING(pstrdup(country_entry(c)->text));
}

PG_FUNCTION_INFO_V1(country_recv);

/* Binary input: the int16 code, big-endian; it must be a code in use. */
Datum
country_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			code = mc_recv_int16(buf, "country");

	if (country_get(code) == NULL)
		mc_invalid_binary("country",
						  psprintf("The code %d is not the stored code of any country; the codes are migchain's own, not ISO's numeric codes.",
								   code));
	PG_RETURN_COUNTRY((Country) code);
}

PG_FUNCTION_INFO_V1(country_send);

/* Binary output: the int16 code, big-endian. */
Datum
country_send(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(mc_send_int16(PG_GETARG_COUNTRY(0)));
}

/*
 * Comparison and hashing by stored code: the C functions 0.1.0 declared.
 * 0.2.0 declares int2's own instead but for country_cmp (see type_support.h).
 */
MC_INTEGER_TYPE_SUPPORT(country, PG_GETARG_COUNTRY)

PG_FUNCTION_INFO_V1(country_smaller);

/* Support of min(country): the smaller of two values. */
Datum
country_smaller(PG_FUNCTION_ARGS)
{
	Country		a = PG_GETARG_COUNTRY(0);
	Country		b = PG_GETARG_COUNTRY(1);

	PG_RETURN_COUNTRY(a < b ? a : b);
}

PG_FUNCTION_INFO_V1(country_larger);

/* Support of max(country): the larger of two values. */
Datum
country_larger(PG_FUNCTION_ARGS)
{
	Country		a = PG_GETARG_COUNTRY(0);
	Country		b = PG_GETARG_COUNTRY(1);

	PG_RETURN_COUNTRY(a > b ? a : b);
}

PG_FUNCTION_INFO_V1(country_name_in);

/* name(country, language): the country's name in Dutch or English. */
Datum
country_name_in(PG_FUNCTION_ARGS)
{
	const McCountry *e = country_entry(PG_GETARG_COUNTRY(0));
	MigchainLanguage lang = mc_language_arg(PG_GETARG_TEXT_PP(1));

	PG_RETURN_TEXT_P(country_text(lang == MIGCHAIN_LANG_EN ? e->name_en : e->name_nl));
}

PG_FUNCTION_INFO_V1(country_name);

/* name(country): the name in the language of migchain.language. */
Datum
country_name(PG_FUNCTION_ARGS)
{
	const McCountry *e = country_entry(PG_GETARG_COUNTRY(0));

	PG_RETURN_TEXT_P(country_text(mc_language() == MIGCHAIN_LANG_EN ?
								  e->name_en : e->name_nl));
}

PG_FUNCTION_INFO_V1(country_alpha3);

/* alpha3(country): the ISO 3166 alpha-3 code (XKX for Kosovo). */
Datum
country_alpha3(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(country_entry(PG_GETARG_COUNTRY(0))->alpha3));
}

PG_FUNCTION_INFO_V1(country_numeric_code);

/* numeric_code(country): the ISO 3166 numeric code, NULL where there is none. */
Datum
country_numeric_code(PG_FUNCTION_ARGS)
{
	const McCountry *e = country_entry(PG_GETARG_COUNTRY(0));

	if (e->numeric < 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(e->numeric);
}

PG_FUNCTION_INFO_V1(country_is_current);

/* is_current(country): false for the former countries of ISO 3166-3. */
Datum
country_is_current(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(country_entry(PG_GETARG_COUNTRY(0))->current);
}

PG_FUNCTION_INFO_V1(country_countries);

/* countries(): every country the type knows, in stored-code order. */
Datum
country_countries(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < mc_num_countries; i++)
	{
		const McCountry *e = &mc_countries[i];
		Datum		values[6];
		bool		nulls[6] = {false, false, false, false, false, false};

		values[0] = CountryGetDatum(e->code);
		values[1] = PointerGetDatum(cstring_to_text(e->alpha3));
		if (e->numeric >= 0)
			values[2] = Int32GetDatum(e->numeric);
		else
			nulls[2] = true;
		values[3] = PointerGetDatum(country_text(e->name_en));
		values[4] = PointerGetDatum(country_text(e->name_nl));
		values[5] = BoolGetDatum(e->current);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
