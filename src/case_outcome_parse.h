/*
 * case_outcome_parse.h
 *		Text forms of the type case_outcome, without PostgreSQL.
 */
#ifndef CASE_OUTCOME_PARSE_H
#define CASE_OUTCOME_PARSE_H

#include "label_type.h"

/* Ordinals; case_outcome.c checks they agree with MC_OUTCOME_* in types.h. */
#define CASE_OUTCOME_ORD_INDEPENDENT		0
#define CASE_OUTCOME_ORD_FORCED				1
#define CASE_OUTCOME_ORD_UNSUPERVISED		2
#define CASE_OUTCOME_ORD_RESIDENCE_PERMIT	3
#define CASE_OUTCOME_ORD_OTHER_MEMBER_STATE	4
#define CASE_OUTCOME_ORD_OTHER				5
#define CASE_OUTCOME_NUM					6

/* The names and labels of case_outcome (label_type.c parses with them). */
extern const LabelType case_outcome_type;

#endif							/* CASE_OUTCOME_PARSE_H */
