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

#define CUBE_MAX_FIELDS		16

/*
 * A value of a cube type: a varlena with the number of records, then the
 * records, each record_size bytes (a multiple of 8, aligned like a double).
 */
typedef struct CubeHeader
{
	int32		vl_len_;		/* varlena header */
	int32		nrecords;
} CubeHeader;

#define CUBE_RECORDS(cube)	((char *) (cube) + sizeof(CubeHeader))

struct CubeTextReader;

/* What the generic input and output functions need to know of a cube type. */
typedef struct CubeType
{
	const char *typname;
	const char *hint;			/* how the text form is written */
	const char *record_name;	/* "Cell", "Row": for binary errors */
	int			nfields;		/* fields of a record in the text form */
	Size		record_size;	/* bytes of a record in memory */
	int			wire_size;		/* bytes of a record in the binary form */
	int32		max_records;
	/* fill a zeroed record from the text fields */
	void		(*read_text) (struct CubeTextReader *r, char **fields, void *record);
	/* append a record's text fields, separated by commas */
	void		(*write_text) (StringInfo buf, const void *record);
	/* fill a zeroed record from the binary form, write it */
	void		(*read_binary) (StringInfo buf, void *record);
	void		(*write_binary) (StringInfo buf, const void *record);
	/* what is wrong with record i (those before it are right), or NULL */
	const char *(*problem) (const char *records, int32 i);
} CubeType;

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

extern CubeHeader *cube_in(const CubeType *type, const char *str);
extern char *cube_out(const CubeType *type, const CubeHeader *cube);
extern CubeHeader *cube_recv(const CubeType *type, StringInfo buf);
extern bytea *cube_send(const CubeType *type, const CubeHeader *cube);
extern void cube_check_binary(const CubeType *type, const CubeHeader *cube);

#endif							/* MIGCHAIN_CUBE_IO_H */
