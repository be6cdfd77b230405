/*
 * fuzz_case_outcome.c
 *		libFuzzer harness for the text input of case_outcome (see fuzz_label.h):
 *		whatever parses must format, in both languages, to a label that
 *		parses back to the same value.
 */
#include "case_outcome_parse.h"

#define LABEL_TYPE (&case_outcome_type)
#include "fuzz_label.h"
