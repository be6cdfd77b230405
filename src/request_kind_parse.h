/*
 * request_kind_parse.h
 *		Text forms of the type request_kind, without PostgreSQL.
 */
#ifndef REQUEST_KIND_PARSE_H
#define REQUEST_KIND_PARSE_H

#include <stddef.h>

/* Ordinals; request_kind.c checks they agree with MC_KIND_* in types.h. */
#define REQUEST_KIND_ORD_LP		0
#define REQUEST_KIND_ORD_TO		1
#define REQUEST_KIND_NUM		2

extern int	request_kind_parse(const char *str, size_t len);
extern const char *request_kind_label(int ordinal);

#endif							/* REQUEST_KIND_PARSE_H */
