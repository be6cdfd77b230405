/*
 * answer_parse.h
 *		Text forms of the type answer, without PostgreSQL.
 */
#ifndef ANSWER_PARSE_H
#define ANSWER_PARSE_H

#include <stddef.h>

#include "label_type.h"

/* Ordinals; answer.c checks they agree with MC_ANSWER_* in types.h. */
#define ANSWER_ORD_PENDING		0
#define ANSWER_ORD_POSITIVE		1
#define ANSWER_ORD_NEGATIVE		2
#define ANSWER_ORD_WITHDRAWN	3
#define ANSWER_NUM				4

/* Languages of labels (label_type.h). */
#define ANSWER_LANG_NL			LABEL_LANG_NL
#define ANSWER_LANG_EN			LABEL_LANG_EN
#define ANSWER_NUM_LANGS		LABEL_NUM_LANGS

/* The labels of answer, for label_type.c and label_type_fmgr.h. */
extern const LabelType answer_type;

extern int	answer_parse(const char *str, size_t len);
extern const char *answer_label(int ordinal, int language);

#endif							/* ANSWER_PARSE_H */
