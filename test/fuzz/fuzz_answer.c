/*
 * fuzz_answer.c
 *		libFuzzer harness for the text input of answer (see fuzz_label.h):
 *		whatever parses must format, in both languages, to a label that
 *		parses back to the same answer.
 */
#include <stdlib.h>
#include <string.h>

#include "answer_parse.h"

/* Stop with a crash libFuzzer records if cond does not hold. */
#define CHECK(cond) do { if (!(cond)) abort(); } while (0)
#define LABEL_PARSE(str, len) answer_parse((str), (len))

static void
check_round_trip(int ordinal)
{
	int			lang;

	CHECK(ordinal >= 0 && ordinal < ANSWER_NUM);
	for (lang = 0; lang < ANSWER_NUM_LANGS; lang++)
	{
		const char *label = answer_label(ordinal, lang);

		CHECK(label != NULL);
		CHECK(answer_parse(label, strlen(label)) == ordinal);
	}
}

#include "fuzz_label.h"
