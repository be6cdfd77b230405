/*
 * detention_exit_parse.h
 *		Text forms of the type detention_exit, without PostgreSQL.
 */
#ifndef DETENTION_EXIT_PARSE_H
#define DETENTION_EXIT_PARSE_H

#include "label_type.h"

/* Ordinals; detention_exit.c checks they agree with MC_EXIT_* in types.h. */
#define DETENTION_EXIT_ORD_DEPARTURE	0
#define DETENTION_EXIT_ORD_BALANCING	1
#define DETENTION_EXIT_ORD_COURT		2
#define DETENTION_EXIT_ORD_MAXIMUM_TERM	3
#define DETENTION_EXIT_ORD_OTHER		4
#define DETENTION_EXIT_NUM				5

/* The names and labels of detention_exit (label_type.c parses with them). */
extern const LabelType detention_exit_type;

#endif							/* DETENTION_EXIT_PARSE_H */
