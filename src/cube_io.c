/*
 * cube_io.c
 *		Reading the text form of the cube types, and their errors (see
 *		cube_io.h).
 *
 * A cube is written as its records in braces, each record a parenthesised
 * list of fields separated by commas, records separated by commas:
 * "{(2018,LP,MA,0,5,1,2),(2018,T&O,DZ,1,0,0,0)}", or "{}" for no records.
 * White space may surround braces, parentheses, commas and fields.  What the
 * fields are and in which order records come is each type's business.
 */
#include "postgres.h"

#include "common/int.h"
#include "libpq/pqformat.h"

#include "country_parse.h"
#include "cube_io.h"
#include "types.h"
#include "request_kind_parse.h"
#include "type_io.h"
#include "year.h"

/* White space between the parts of a cube's text. */
static inline bool
cube_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static void
cube_text_skip_space(CubeTextReader *r)
{
	while (cube_is_space(*r->p))
		r->p++;
}

/* Start reading str: it must open with "{". */
void
cube_text_begin(CubeTextReader *r, const char *typname, const char *hint, const char *str)
{
	r->typname = typname;
	r->hint = hint;
	r->input = str;
	r->copy = pstrdup(str);
	r->p = r->copy;
	r->nrecords = 0;
	cube_text_skip_space(r);
	if (*r->p != '{')
		cube_text_error(r, "The value does not start with \"{\".");
	r->p++;
}

/*
 * Read the next record into fields (nfields of them, NUL-terminated and
 * trimmed, pointing into the reader's copy); false after the closing "}",
 * which only white space may follow.
 */
bool
cube_text_next(CubeTextReader *r, char **fields, int nfields)
{
	int			i;

	cube_text_skip_space(r);
	if (r->nrecords > 0)
	{
		if (*r->p == '}')
			goto end;
		if (*r->p != ',')
			cube_text_error(r, "Record %d is not followed by \",\" or \"}\".", r->nrecords);
		r->p++;
		cube_text_skip_space(r);
	}
	else if (*r->p == '}')
		goto end;
	if (*r->p != '(')
		cube_text_error(r, "Record %d does not start with \"(\".", r->nrecords + 1);
	r->p++;
	for (i = 0; i < nfields; i++)
	{
		char	   *start;
		char	   *end;

		cube_text_skip_space(r);
		start = r->p;
		while (*r->p != '\0' && *r->p != ',' && *r->p != ')' &&
			   *r->p != '(' && *r->p != '{' && *r->p != '}')
			r->p++;
		end = r->p;
		while (end > start && cube_is_space(end[-1]))
			end--;
		if (end == start)
			cube_text_error(r, "Field %d of record %d is empty.", i + 1, r->nrecords + 1);
		if (*r->p != (i == nfields - 1 ? ')' : ','))
			cube_text_error(r, "Record %d does not have exactly %d fields.",
							r->nrecords + 1, nfields);
		r->p++;
		*end = '\0';
		fields[i] = start;
	}
	r->nrecords++;
	return true;

end:
	r->p++;
	cube_text_skip_space(r);
	if (*r->p != '\0')
		cube_text_error(r, "Only white space may follow the closing \"}\".");
	return false;
}

/* Raise 22P02 for the value being read, with a detail. */
void
cube_text_error(CubeTextReader *r, const char *fmt,...)
{
	char		detail[256];
	va_list		args;

	va_start(args, fmt);
	vsnprintf(detail, sizeof(detail), fmt, args);
	va_end(args);
	mc_invalid_text(r->typname, r->input, detail, r->hint);
}

/* A year of the range, written in decimal digits. */
int
cube_text_year(CubeTextReader *r, const char *field)
{
	int64		year = 0;
	const char *s;

	for (s = field; *s; s++)
	{
		if (*s < '0' || *s > '9' || year > MC_MAX_YEAR)
			cube_text_error(r, "Record %d has the year \"%s\", which is not a year from %d to %d.",
							r->nrecords, field, MC_MIN_YEAR, MC_MAX_YEAR);
		year = year * 10 + (*s - '0');
	}
	if (!mc_year_in_range((int32) year))
		cube_text_error(r, "Record %d has the year \"%s\", which is not a year from %d to %d.",
						r->nrecords, field, MC_MIN_YEAR, MC_MAX_YEAR);
	return (int) year;
}

/* A request kind, as its text input reads it. */
int
cube_text_kind(CubeTextReader *r, const char *field)
{
	int			kind = request_kind_parse(field, strlen(field));

	if (kind < 0)
		cube_text_error(r, "Record %d has the kind \"%s\", which is neither LP nor T&O.",
						r->nrecords, field);
	return kind;
}

/* A country, by any code its text input reads. */
int
cube_text_country(CubeTextReader *r, const char *field)
{
	int			code = country_parse(field, strlen(field));

	if (code <= 0)
		cube_text_error(r, "Record %d has the country \"%s\", which is not a country code.",
						r->nrecords, field);
	return code;
}

/* A count: a whole number from 0 to the largest bigint, in decimal digits. */
int64
cube_text_count(CubeTextReader *r, const char *field)
{
	int64		n = 0;
	const char *s;

	for (s = field; *s; s++)
	{
		if (*s < '0' || *s > '9')
			cube_text_error(r, "Record %d has the count \"%s\", which is not a whole number.",
							r->nrecords, field);
		if (pg_mul_s64_overflow(n, 10, &n) || pg_add_s64_overflow(n, *s - '0', &n))
			cube_text_error(r, "Record %d has the count \"%s\", which is larger than %lld.",
							r->nrecords, field, (long long) PG_INT64_MAX);
	}
	return n;
}

#define CUBE_SIZE(type, n)	(sizeof(CubeHeader) + (Size) (n) * (type)->record_size)

/* Text input of a cube type: its records in braces, each checked. */
CubeHeader *
cube_in(const CubeType *type, const char *str)
{
	CubeTextReader r;
	char	   *fields[CUBE_MAX_FIELDS];
	int32		capacity = 16;
	int32		n = 0;
	CubeHeader *cube = palloc0(CUBE_SIZE(type, capacity));

	Assert(type->nfields <= CUBE_MAX_FIELDS);
	cube_text_begin(&r, type->typname, type->hint, str);
	while (cube_text_next(&r, fields, type->nfields))
	{
		const char *problem;

		if (n == type->max_records)
			cube_text_error(&r, "A %s has at most %d records.", type->typname, type->max_records);
		if (n == capacity)
		{
			cube = repalloc(cube, CUBE_SIZE(type, capacity * 2));
			memset(CUBE_RECORDS(cube) + capacity * type->record_size, 0,
				   capacity * type->record_size);
			capacity *= 2;
		}
		type->read_text(&r, fields, CUBE_RECORDS(cube) + n * type->record_size);
		problem = type->problem(CUBE_RECORDS(cube), n);
		if (problem != NULL)
			cube_text_error(&r, "Record %d: %s", n + 1, problem);
		n++;
	}
	cube->nrecords = n;
	SET_VARSIZE(cube, CUBE_SIZE(type, n));
	return cube;
}

/* Text output of a cube type: its records in braces. */
char *
cube_out(const CubeType *type, const CubeHeader *cube)
{
	StringInfoData buf;
	int32		i;

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	for (i = 0; i < cube->nrecords; i++)
	{
		appendStringInfoString(&buf, i > 0 ? ",(" : "(");
		type->write_text(&buf, CUBE_RECORDS(cube) + i * type->record_size);
		appendStringInfoChar(&buf, ')');
	}
	appendStringInfoChar(&buf, '}');
	return buf.data;
}

/*
 * Binary input of a cube type: the number of records n (int32), from 0 to
 * the type's maximum, then exactly n records, each checked; else 22P03.
 */
CubeHeader *
cube_recv(const CubeType *type, StringInfo buf)
{
	CubeHeader *cube;
	int32		n;
	int32		i;

	if (buf->len - buf->cursor < 4)
		mc_invalid_binary(type->typname,
						  psprintf("The value has only %d of the 4 bytes of its number of records.",
								   buf->len - buf->cursor));
	n = (int32) pq_getmsgint(buf, 4);
	if (n < 0 || n > type->max_records || buf->len - buf->cursor != n * type->wire_size)
		mc_invalid_binary(type->typname,
						  psprintf("The value has %d bytes after its number of records, %d, which needs %d bytes each.",
								   buf->len - buf->cursor, n, type->wire_size));
	cube = palloc0(CUBE_SIZE(type, n));
	SET_VARSIZE(cube, CUBE_SIZE(type, n));
	cube->nrecords = n;
	for (i = 0; i < n; i++)
		type->read_binary(buf, CUBE_RECORDS(cube) + i * type->record_size);
	cube_check_binary(type, cube);
	return cube;
}

/* Binary output of a cube type: the number of records, then the records. */
bytea *
cube_send(const CubeType *type, const CubeHeader *cube)
{
	StringInfoData buf;
	int32		i;

	pq_begintypsend(&buf);
	pq_sendint32(&buf, cube->nrecords);
	for (i = 0; i < cube->nrecords; i++)
		type->write_binary(&buf, CUBE_RECORDS(cube) + i * type->record_size);
	return pq_endtypsend(&buf);
}

/* Check every record of a cube made from binary data; 22P03 for a bad one. */
void
cube_check_binary(const CubeType *type, const CubeHeader *cube)
{
	int32		i;

	for (i = 0; i < cube->nrecords; i++)
	{
		const char *problem = type->problem(CUBE_RECORDS(cube), i);

		if (problem != NULL)
			mc_invalid_binary(type->typname,
							  psprintf("%s %d: %s", type->record_name, i + 1, problem));
	}
}
