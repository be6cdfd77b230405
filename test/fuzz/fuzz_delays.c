/*
 * fuzz_delays.c
 *		libFuzzer harness for the delays text parser: any bytes must parse or
 *		fail cleanly, whatever parses must pass the checks, and it must
 *		format within its buffer and parse back to the same counts.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "delays_parse.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *str = malloc(size + 1);
	static DelaysCounts counts;
	static DelaysCounts again;
	static char buf[DELAYS_TEXT_MAX];
	const char *detail;
	int			item;
	int64_t		day;
	DelaysParseResult r;

	memcpy(str, data, size);
	str[size] = '\0';
	r = delays_parse(str, &counts, &item, &day, &detail);
	if (r == DELAYS_PARSE_OK)
	{
		if (delays_check(&counts, &item, &day, &detail) != DELAYS_PARSE_OK)
			abort();
		if (delays_format(&counts, buf) >= DELAYS_TEXT_MAX)
			abort();
		if (delays_parse(buf, &again, &item, &day, &detail) != DELAYS_PARSE_OK ||
			memcmp(&counts, &again, sizeof(counts)) != 0)
			abort();
	}
	else if ((r == DELAYS_PARSE_SYNTAX || r == DELAYS_PARSE_UNKNOWN_NAME ||
			  r == DELAYS_PARSE_BEYOND) ?
			 detail == NULL :
			 (item < 0 || item >= DELAYS_NITEMS ||
			  (day >= 0 && (item != DELAYS_ITEM_DAYS || day > INT32_MAX))))
		abort();
	free(str);
	return 0;
}
