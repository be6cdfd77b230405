/*
 * fuzz_detention_exit.c
 *		libFuzzer harness for the text input of detention_exit (see fuzz_label.h):
 *		whatever parses must format, in both languages, to a label that
 *		parses back to the same value.
 */
#include "detention_exit_parse.h"

#define LABEL_TYPE (&detention_exit_type)
#include "fuzz_label.h"
