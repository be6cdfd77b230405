/*
 * fuzz_request_kind.c
 *		libFuzzer harness for the text input of request_kind.
 *
 * The data is copied to a buffer of its exact size plus a NUL, so a read
 * past the end is caught by AddressSanitizer.  It is parsed with its length
 * (embedded NULs and all) and as a C string, as request_kind_in does.
 * Whatever parses must format to a label (the same in every language)
 * that parses back to the same kind.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "request_kind_parse.h"

/* Stop with a crash libFuzzer records if cond does not hold. */
#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

static void
check_round_trip(int ordinal)
{
	const char *label;

	CHECK(ordinal >= 0 && ordinal < REQUEST_KIND_NUM);
	label = request_kind_label(ordinal);
	CHECK(label != NULL);
	CHECK(request_kind_parse(label, strlen(label)) == ordinal);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *buf = malloc(size + 1);
	int			by_len;
	int			by_str;

	if (buf == NULL)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';

	by_len = request_kind_parse(buf, size);
	by_str = request_kind_parse(buf, strlen(buf));
	if (by_len >= 0)
		check_round_trip(by_len);
	if (by_str >= 0)
		check_round_trip(by_str);
	/* Without an embedded NUL both calls see the same text. */
	if (strlen(buf) == size)
		CHECK(by_len == by_str);
	/* A NUL is never part of a request kind. */
	else
		CHECK(by_len == -1);

	free(buf);
	return 0;
}
