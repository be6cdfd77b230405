/*
 * fuzz_request_kind.c
 *		libFuzzer harness for the text input of request_kind (see
 *		fuzz_label.h): whatever parses must format to a label (the same in
 *		every language) that parses back to the same kind.
 */
#include <stdlib.h>
#include <string.h>

#include "request_kind_parse.h"

/* Stop with a crash libFuzzer records if cond does not hold. */
#define CHECK(cond) do { if (!(cond)) abort(); } while (0)
#define LABEL_PARSE(str, len) request_kind_parse((str), (len))

static void
check_round_trip(int ordinal)
{
	const char *label;

	CHECK(ordinal >= 0 && ordinal < REQUEST_KIND_NUM);
	label = request_kind_label(ordinal);
	CHECK(label != NULL);
	CHECK(request_kind_parse(label, strlen(label)) == ordinal);
}

#include "fuzz_label.h"
