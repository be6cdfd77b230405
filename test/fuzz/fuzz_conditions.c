/*
 * fuzz_conditions.c
 *		libFuzzer harness for the text form of conditions.
 *
 * Any bytes go to the parser.  Whatever parses must be a valid value, format
 * to five of G, R and ?, and reparse to the same value; whatever fails must
 * point inside the input.  Every valid 16-bit pattern formats and reparses;
 * every invalid one refuses to format.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "conditions_parse.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ConditionsParseResult r;
	ConditionsParseResult again;
	char		buf[MC_CONDITIONS_TEXT_LEN + 1];
	char	   *copy;
	int			n;

	/* A copy of exactly size bytes, so reads past the end are caught. */
	copy = malloc(size ? size : 1);
	if (copy == NULL)
		return 0;
	memcpy(copy, data, size);
	r = conditions_parse(copy, size);
	free(copy);

	if (r.status != MC_CONDITIONS_OK)
	{
		if (r.offset > size || r.lights < 0 || r.lights > MC_NUM_CONDITIONS)
			abort();
		if (r.status == MC_CONDITIONS_EMPTY && r.lights != 0)
			abort();
	}
	else
	{
		if (!conditions_is_valid(r.value))
			abort();
		if (!conditions_format(r.value, buf))
			abort();
		if (strlen(buf) != MC_CONDITIONS_TEXT_LEN)
			abort();
		for (n = 0; n < MC_CONDITIONS_TEXT_LEN; n++)
			if (buf[n] != 'G' && buf[n] != 'R' && buf[n] != '?')
				abort();
		again = conditions_parse(buf, MC_CONDITIONS_TEXT_LEN);
		if (again.status != MC_CONDITIONS_OK || again.value != r.value)
			abort();
	}

	/* The first two bytes as a raw 16-bit pattern, as binary input sees it. */
	if (size >= 2)
	{
		uint32_t	v = ((uint32_t) data[0] << 8) | data[1];

		if (conditions_format(v, buf))
		{
			if (!conditions_is_valid(v) || v > MC_CONDITIONS_MAX)
				abort();
			again = conditions_parse(buf, strlen(buf));
			if (again.status != MC_CONDITIONS_OK || again.value != v)
				abort();
		}
		else if (conditions_is_valid(v))
			abort();
	}
	return 0;
}
