/*
 * cube_io.h
 *		What the text and binary forms of the cube types (request_cube,
 *		person_cube) share: reading "{(field, ...), ...}", reading the
 *		fields every cube has (a year, a kind, a country, a count), and the
 *		errors for values that are not cubes.
 */
#ifndef MIGCHAIN_CUBE_IO_H
#define MIGCHAIN_CUBE_IO_H

#include "postgres.h"

#include "lib/stringinfo.h"

#define CUBE_MAX_FIELDS		8

/* A reader of the text form of a cube, one parenthesised record at a time. */
typedef struct CubeTextReader
{
	const char *typname;		/* for errors */
	const char *hint;			/* for errors: how the type is written */
	const char *input;			/* the whole value, for errors */
	char	   *copy;			/* a copy that fields are cut out of */
	char	   *p;				/* the next unread byte of copy */
	int			nrecords;		/* records read */
} CubeTextReader;

extern void cube_text_begin(CubeTextReader *r, const char *typname, const char *hint,
							const char *str);
extern bool cube_text_next(CubeTextReader *r, char **fields, int nfields);
extern void cube_text_error(CubeTextReader *r, const char *fmt,...) pg_attribute_printf(2, 3) pg_attribute_noreturn();
extern int	cube_text_year(CubeTextReader *r, const char *field);
extern int	cube_text_kind(CubeTextReader *r, const char *field);
extern int	cube_text_country(CubeTextReader *r, const char *field);
extern int64 cube_text_count(CubeTextReader *r, const char *field);

extern int32 cube_recv_count(StringInfo buf, const char *typname, int32 max, int record_size);

#endif							/* MIGCHAIN_CUBE_IO_H */
