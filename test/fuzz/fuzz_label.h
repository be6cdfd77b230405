/*
 * fuzz_label.h
 *		The body of the libFuzzer harnesses for the text input of the label
 *		types (request_kind, answer).
 *
 * A harness defines LABEL_PARSE(str, len), the parser under test, and
 * check_round_trip(ordinal), which checks that the labels of what parsed
 * parse back to it, then includes this file.  The data is copied to a
 * buffer of its exact size plus a NUL, so a read past the end is caught by
 * AddressSanitizer.  It is parsed with its length (embedded NULs and all)
 * and as a C string, as the type's input function does.
 */
#ifndef FUZZ_LABEL_H
#define FUZZ_LABEL_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Stop with a crash libFuzzer records if cond does not hold. */
#ifndef CHECK
#define CHECK(cond) do { if (!(cond)) abort(); } while (0)
#endif

#ifdef LABEL_TYPE
#include "label_type.h"

#define LABEL_PARSE(str, len) label_type_parse(LABEL_TYPE, (str), (len))

/*
 * The ordinal is a value of the type, and its label in each language
 * parses back to it.
 */
static void
check_round_trip(int ordinal)
{
	int			lang;

	CHECK(ordinal >= 0 && ordinal < (LABEL_TYPE)->count);
	for (lang = 0; lang < LABEL_NUM_LANGS; lang++)
	{
		const char *label = label_type_label(LABEL_TYPE, ordinal, lang);

		CHECK(label != NULL);
		CHECK(label_type_parse(LABEL_TYPE, label, strlen(label)) == ordinal);
	}
}
#endif

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

	by_len = LABEL_PARSE(buf, size);
	by_str = LABEL_PARSE(buf, strlen(buf));
	if (by_len >= 0)
		check_round_trip(by_len);
	if (by_str >= 0)
		check_round_trip(by_str);
	/* Without an embedded NUL both calls see the same text. */
	if (strlen(buf) == size)
		CHECK(by_len == by_str);
	/* A NUL is never part of a label. */
	else
		CHECK(by_len == -1);

	free(buf);
	return 0;
}

#endif							/* FUZZ_LABEL_H */
