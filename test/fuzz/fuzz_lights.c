/*
 * fuzz_lights.c
 *		libFuzzer harness for the lights text parser: any bytes must parse or
 *		fail cleanly, whatever parses must pass the checks, and it must
 *		format and parse back to the same counts.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lights_parse.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *str = malloc(size + 1);
	LightsCounts counts;
	LightsCounts again;
	const char *detail;
	char		buf[LIGHTS_TEXT_MAX];
	int			item;
	LightsParseResult r;

	memcpy(str, data, size);
	str[size] = '\0';
	r = lights_parse(str, &counts, &item, &detail);
	if (r == LIGHTS_PARSE_OK)
	{
		if (lights_check(&counts, &item) != LIGHTS_PARSE_OK)
			abort();
		if (lights_format(&counts, buf) >= LIGHTS_TEXT_MAX)
			abort();
		if (lights_parse(buf, &again, &item, &detail) != LIGHTS_PARSE_OK ||
			memcmp(&counts, &again, sizeof(counts)) != 0)
			abort();
	}
	else if ((r == LIGHTS_PARSE_SYNTAX || r == LIGHTS_PARSE_UNKNOWN_NAME) ?
			 detail == NULL : (item < 0 || item >= LIGHTS_NITEMS))
		abort();
	free(str);
	return 0;
}
