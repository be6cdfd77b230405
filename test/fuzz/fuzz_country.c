/*
 * fuzz_country.c
 *		libFuzzer harness for the country parser: no input may crash it,
 *		whatever parses must format and parse back to the same code, and only
 *		input with a letter other than A to Z is refused as a code that is
 *		not written in them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "country_parse.h"

int			LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	int			code = country_parse((const char *) data, size);

	/* A code with a letter other than A to Z: the input has such a letter. */
	if (code == COUNTRY_NOT_ASCII_CODE)
	{
		bool		non_ascii = false;

		for (size_t i = 0; i < size; i++)
			if (data[i] >= 0x80)
				non_ascii = true;
		if (!non_ascii)
			abort();
	}
	else if (code < 0)
		abort();
	else if (code != 0)
	{
		const McCountry *e = country_get(code);
		char		lower[8];
		size_t		n;

		if (e == NULL || code < 1 || code >= MC_COUNTRY_CODE_LIMIT)
			abort();
		/* The output form, and its lower-case spelling, read back. */
		if (country_parse(e->text, strlen(e->text)) != code)
			abort();
		n = strlen(e->text);
		if (n >= sizeof(lower))
			abort();
		for (size_t i = 0; i <= n; i++)
			lower[i] = (e->text[i] >= 'A' && e->text[i] <= 'Z') ?
				(char) (e->text[i] - 'A' + 'a') : e->text[i];
		if (country_parse(lower, n) != code)
			abort();
	}
	else
	{
		const char *label;
		int			s = country_suggest((const char *) data, size, &label);

		if (s > 0 && (country_get(s) == NULL || label == NULL))
			abort();
		if (s < 0 && (s != -1 || label == NULL))
			abort();
		if (s == 0 && label != NULL)
			abort();
	}
	return 0;
}
