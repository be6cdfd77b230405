/*
 * fuzz_tally.c
 *		libFuzzer harness for the tally text parser: any bytes must parse or
 *		fail cleanly, and whatever parses must format and parse back to the
 *		same counts.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tally_parse.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *str = malloc(size + 1);
	int64_t		counts[TALLY_NCOUNTS];
	int64_t		again[TALLY_NCOUNTS];
	const char *detail;
	char		buf[TALLY_TEXT_MAX];
	int			i;

	memcpy(str, data, size);
	str[size] = '\0';
	if (tally_parse(str, counts, &detail) == TALLY_PARSE_OK)
	{
		for (i = 0; i < TALLY_NCOUNTS; i++)
			if (counts[i] < 0)
				abort();
		if (tally_format(counts, buf) >= TALLY_TEXT_MAX)
			abort();
		if (tally_parse(buf, again, &detail) != TALLY_PARSE_OK ||
			memcmp(counts, again, sizeof(counts)) != 0)
			abort();
	}
	else if (detail == NULL)
		abort();
	free(str);
	return 0;
}
