/*
 * report_db.c
 *		migchain-report: reading the report from the database.  One
 *		connection the libpq way, one REPEATABLE READ transaction in the
 *		language asked for, migchain's published cells (live, or a frozen
 *		snapshot's) read row by row into a Report, and the exit code that
 *		each way of failing gets.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libpq-fe.h"

#include "report.h"

/* What is being read, for messages and the exit code of an error. */
typedef struct Reading
{
	PGconn	   *conn;
	const ReportOptions *options;
	const char *what;			/* "the published cells", ... */
} Reading;

static const char *const lang_names[REPORT_NUM_LANGS] = {"nl", "en"};

/* The message of a connection or result without its final newline(s). */
static char *
trimmed(const char *message)
{
	char	   *s = report_strdup(message != NULL ? message : "");
	size_t		len = strlen(s);

	while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == ' '))
		s[--len] = '\0';
	return s;
}

/* The hint of our own for an exit code, when the server gave none. */
static char *
own_hint(const Reading *r, int code)
{
	switch (code)
	{
		case EXIT_REPORT_NO_RIGHTS:
			if (r->options->raw && r->options->snapshot_id != 0)
				return report_strdup("The unrounded counts of a snapshot are for the owner of "
									 "migchain only; leave out --raw for the published figures.");
			{
				const char *user = PQuser(r->conn);
				char	   *quoted = PQescapeLiteral(r->conn, user, strlen(user));
				char	   *hint;

				hint = report_printf("An administrator gives a role the right to read the "
									 "published figures with: SELECT migchain.grant_analyst(%s);",
									 quoted ? quoted : "'...'");
				if (quoted)
					PQfreemem(quoted);
				return hint;
			}
		case EXIT_REPORT_NO_MIGCHAIN:
			return report_strdup("Install or update migchain in this database: CREATE EXTENSION "
								 "migchain; or ALTER EXTENSION migchain UPDATE;");
		case EXIT_REPORT_NO_SNAPSHOT:
			return report_strdup("The snapshots are listed by: SELECT snapshot_id, label, "
								 "from_year, to_year, frozen_at FROM migchain.report_snapshot;");
		default:
			return NULL;
	}
}

/*
 * The exit code of an error the server raised while reading: no rights (4),
 * an argument it refused (1), migchain's functions missing (3), an unknown
 * snapshot (7), anything else (8).
 */
static int
error_exit_code(const PGresult *res)
{
	const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);

	if (state == NULL)
		return EXIT_REPORT_DATABASE;
	if (strcmp(state, "42501") == 0)
		return EXIT_REPORT_NO_RIGHTS;
	if (strcmp(state, "22023") == 0)
		return EXIT_REPORT_USAGE;
	if (strcmp(state, "42883") == 0 || strcmp(state, "3F000") == 0)
		return EXIT_REPORT_NO_MIGCHAIN;
	if (strcmp(state, "42704") == 0)
		return EXIT_REPORT_NO_SNAPSHOT;
	return EXIT_REPORT_DATABASE;
}

/* Exit with the message, detail and hint of a failed result. */
static void
fail_result(const Reading *r, PGresult *res)
{
	const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	const char *primary = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
	const char *detail = PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL);
	const char *server_hint = PQresultErrorField(res, PG_DIAG_MESSAGE_HINT);
	int			code = error_exit_code(res);
	char	   *text = trimmed(primary != NULL ? primary : PQerrorMessage(r->conn));
	char	   *message;
	char	   *hint;

	/* 42704 is an unknown snapshot only where a snapshot is read */
	if (code == EXIT_REPORT_NO_SNAPSHOT && r->options->snapshot_id == 0)
		code = EXIT_REPORT_DATABASE;
	/* ours where it says what to do with this program's options */
	if (server_hint != NULL &&
		!(code == EXIT_REPORT_NO_RIGHTS && r->options->raw && r->options->snapshot_id != 0))
		hint = report_strdup(server_hint);
	else
		hint = own_hint(r, code);
	message = report_printf("cannot read %s: %s%s%s%s", r->what, text,
							state != NULL ? " (SQLSTATE " : "",
							state != NULL ? state : "", state != NULL ? ")" : "");
	detail = report_strdup(detail);
	free(text);
	PQclear(res);
	PQfinish(r->conn);
	report_fail(code, message, detail, hint);
}

/* Run a statement with text parameters; exit when it fails. */
static PGresult *
run(const Reading *r, const char *sql, int nparams, const char *const *params)
{
	PGresult   *res = PQexecParams(r->conn, sql, nparams, NULL, params, NULL, NULL, 0);

	if (res == NULL)
		report_fatal(EXIT_REPORT_DATABASE, NULL, "cannot read %s: %s", r->what,
					 PQerrorMessage(r->conn));
	if (PQresultStatus(res) != PGRES_TUPLES_OK && PQresultStatus(res) != PGRES_COMMAND_OK)
		fail_result(r, res);
	return res;
}

/* Exit when a connection string given with -d does not parse. */
static void
check_conninfo(const char *dbname)
{
	char	   *err = NULL;
	PQconninfoOption *opts;

	if (dbname == NULL || (strchr(dbname, '=') == NULL &&
						   strncmp(dbname, "postgresql://", 13) != 0 &&
						   strncmp(dbname, "postgres://", 11) != 0))
		return;
	opts = PQconninfoParse(dbname, &err);
	if (opts == NULL)
	{
		char	   *message = trimmed(err != NULL ? err : "out of memory");

		PQfreemem(err);
		report_fatal(EXIT_REPORT_USAGE,
					 "Give -d a connection string such as \"host=db.example.org dbname=migchain\", "
					 "a URI, or a database name.",
					 "invalid connection string for -d: %s", message);
	}
	PQconninfoFree(opts);
}

/* Connect the libpq way (-d, else the PG* environment); exit 2 on failure. */
static PGconn *
connect_db(const char *dbname)
{
	const char *const keywords[] = {"dbname", "fallback_application_name", NULL};
	const char *const values[] = {dbname, REPORT_PROGNAME, NULL};
	PGconn	   *conn;
	char	   *message;

	check_conninfo(dbname);
	report_progress("connecting");
	conn = PQconnectdbParams(keywords, values, 1);
	if (conn == NULL)
		report_fatal(EXIT_REPORT_CONNECT, NULL, "cannot connect: out of memory");
	if (PQstatus(conn) == CONNECTION_OK)
		return conn;
	message = report_printf("cannot connect to database \"%s\": %s",
							PQdb(conn) != NULL ? PQdb(conn) : "",
							trimmed(PQerrorMessage(conn)));
	PQfinish(conn);
	report_fail(EXIT_REPORT_CONNECT, message, NULL,
				"Name the database with -d (a connection string such as \"host=db.example.org "
				"dbname=migchain\", or a database name), or set PGHOST, PGPORT, PGDATABASE "
				"and PGUSER.");
}

/*
 * Exit 3 unless migchain is installed with the functions this report
 * reads; the catalogs need no rights, so a role without any learns this
 * before it learns that it may not read.
 */
static void
check_migchain(const Reading *r, Report *report)
{
	PGresult   *res;
	const char *needed = r->options->snapshot_id != 0 ? "report_snapshot_cells" : "published_cells";
	const char *params[1] = {needed};
	char	   *db = report_strdup(PQdb(r->conn));

	res = run(r,
			  "SELECT e.extversion,"
			  "       EXISTS (SELECT FROM pg_catalog.pg_proc p"
			  "                WHERE p.pronamespace = e.extnamespace AND p.proname = $1)"
			  "  FROM pg_catalog.pg_extension e WHERE e.extname = 'migchain'",
			  1, params);
	if (PQntuples(res) == 0)
	{
		PQclear(res);
		PQfinish(r->conn);
		report_fatal(EXIT_REPORT_NO_MIGCHAIN,
					 "Connect to the database that has migchain (-d), or install it there: "
					 "CREATE EXTENSION migchain;",
					 "migchain is not installed in database \"%s\"", db);
	}
	if (strcmp(PQgetvalue(res, 0, 1), "t") != 0)
	{
		char	   *version = report_strdup(PQgetvalue(res, 0, 0));

		PQclear(res);
		PQfinish(r->conn);
		report_fatal(EXIT_REPORT_NO_MIGCHAIN,
					 "Update it: ALTER EXTENSION migchain UPDATE; (" REPORT_PROGNAME " "
					 REPORT_VERSION " reads migchain " REPORT_VERSION ".)",
					 "migchain %s in database \"%s\" is too old for this report: it has no "
					 "function %s()", version, db, needed);
	}
	report->extension_version = report_strdup(PQgetvalue(res, 0, 0));
	free(db);
	PQclear(res);
}

/* Begin the transaction every read shares, in the language asked for. */
static void
begin_reading(const Reading *r)
{
	const char *params[1] = {lang_names[r->options->lang]};

	PQclear(run(r, "BEGIN ISOLATION LEVEL REPEATABLE READ", 0, NULL));
	PQclear(run(r, "SELECT pg_catalog.set_config('migchain.language', $1, true)", 1, params));
}

/* The time of a live reading and who reads, in the report. */
static void
read_live_source(const Reading *r, Report *report)
{
	PGresult   *res;

	res = run(r,
			  "SELECT pg_catalog.to_char(pg_catalog.now() AT TIME ZONE 'UTC',"
			  "                          'YYYY-MM-DD HH24:MI:SS \"UTC\"'),"
			  "       pg_catalog.floor(pg_catalog.date_part('epoch', pg_catalog.now()))::pg_catalog.int8,"
			  "       current_user",
			  0, NULL);
	report->source_time = report_strdup(PQgetvalue(res, 0, 0));
	report->created = (time_t) strtoll(PQgetvalue(res, 0, 1), NULL, 10);
	report->user = report_strdup(PQgetvalue(res, 0, 2));
	PQclear(res);
}

/* The snapshot's period, parameters and origin; exit 7 when it is not there. */
static void
read_snapshot_source(const Reading *r, Report *report)
{
	char		id[16];
	const char *params[1] = {id};
	PGresult   *res;

	snprintf(id, sizeof(id), "%d", r->options->snapshot_id);
	res = run(r,
			  "SELECT s.label, s.from_year, s.to_year, s.base, s.threshold,"
			  "       pg_catalog.to_char(s.frozen_at AT TIME ZONE 'UTC',"
			  "                          'YYYY-MM-DD HH24:MI:SS \"UTC\"'),"
			  "       pg_catalog.floor(pg_catalog.date_part('epoch', s.frozen_at))::pg_catalog.int8,"
			  "       s.frozen_by"
			  "  FROM migchain.report_snapshot s WHERE s.snapshot_id = $1::pg_catalog.int4",
			  1, params);
	if (PQntuples(res) == 0)
	{
		char	   *hint = own_hint(r, EXIT_REPORT_NO_SNAPSHOT);

		PQclear(res);
		PQfinish(r->conn);
		report_fatal(EXIT_REPORT_NO_SNAPSHOT, hint,
					 "report snapshot %d does not exist", r->options->snapshot_id);
	}
	report->snapshot_label = PQgetisnull(res, 0, 0) ? NULL : report_strdup(PQgetvalue(res, 0, 0));
	report->from_year = atoi(PQgetvalue(res, 0, 1));
	report->to_year = atoi(PQgetvalue(res, 0, 2));
	report->base = atoi(PQgetvalue(res, 0, 3));
	report->threshold = atoi(PQgetvalue(res, 0, 4));
	report->source_time = report_strdup(PQgetvalue(res, 0, 5));
	report->created = (time_t) strtoll(PQgetvalue(res, 0, 6), NULL, 10);
	report->user = report_strdup(PQgetvalue(res, 0, 7));
	PQclear(res);
}

/* Exit 8: the database returned a row this report cannot place. */
static void
unexpected(const Reading *r, PGresult *res, const char *fmt, const char *value)
{
	char	   *message = report_printf(fmt, value != NULL ? value : "NULL");

	PQclear(res);
	PQfinish(r->conn);
	report_fatal(EXIT_REPORT_DATABASE,
				 "The database's migchain and " REPORT_PROGNAME " " REPORT_VERSION
				 " do not agree on the published cells: install the same version of both.",
				 "unexpected row in %s: %s", r->what, message);
}

/* The index of a name in a list, or -1. */
static int
index_of(const char *name, const char *const *list, int n)
{
	for (int i = 0; i < n; i++)
		if (strcmp(name, list[i]) == 0)
			return i;
	return -1;
}

/* A field of a row as an integer, or exit 8. */
static long long
field_integer(const Reading *r, PGresult *res, int field)
{
	const char *s = PQgetvalue(res, 0, field);
	char	   *end;
	long long	v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (PQgetisnull(res, 0, field) || errno != 0 || end == s || *end != '\0')
		unexpected(r, res, "not an integer: %s", PQgetisnull(res, 0, field) ? NULL : s);
	return v;
}

/* The country row of a sheet for a year and country (NULL: total); new if none. */
static CountryRow *
country_row(CountrySheet *sheet, int year, const char *code, const char *name)
{
	CountryRow *row;

	for (int i = sheet->nrows - 1; i >= 0; i--)
	{
		row = &sheet->rows[i];
		if (row->year == year &&
			((code == NULL && row->code == NULL) ||
			 (code != NULL && row->code != NULL && strcmp(code, row->code) == 0)))
			return row;
	}
	if (sheet->nrows == sheet->maxrows)
	{
		int			maxrows = sheet->maxrows == 0 ? 64 : sheet->maxrows * 2;
		CountryRow *rows = realloc(sheet->rows, sizeof(CountryRow) * (size_t) maxrows);

		if (rows == NULL)
			report_fatal(EXIT_REPORT_DATABASE, NULL, "out of memory");
		sheet->rows = rows;
		sheet->maxrows = maxrows;
	}
	row = &sheet->rows[sheet->nrows++];
	memset(row, 0, sizeof(*row));
	row->year = year;
	row->code = report_strdup(code);
	row->name = report_strdup(code == NULL ? NULL : name != NULL ? name : code);
	return row;
}

/* Fill a cell from the value and flag fields of a row. */
static void
fill_cell(const Reading *r, PGresult *res, ReportCell *cell)
{
	const char *flag = PQgetisnull(res, 0, 7) ? NULL : PQgetvalue(res, 0, 7);

	if (cell->known)
		unexpected(r, res, "a cell given twice (measure %s)", PQgetvalue(res, 0, 5));
	cell->known = true;
	cell->is_null = PQgetisnull(res, 0, 6);
	cell->value = cell->is_null ? 0 : field_integer(r, res, 6);
	if (flag == NULL)
		cell->flag = CELL_FLAG_NONE;
	else if (strcmp(flag, "rounded") == 0)
		cell->flag = CELL_FLAG_ROUNDED;
	else if (strcmp(flag, "suppressed") == 0)
		cell->flag = CELL_FLAG_SUPPRESSED;
	else if (strcmp(flag, "no process") == 0)
		cell->flag = CELL_FLAG_NO_PROCESS;
	else
		unexpected(r, res, "unknown flag \"%s\"", flag);
	if (cell->is_null && cell->flag != CELL_FLAG_SUPPRESSED && cell->flag != CELL_FLAG_NO_PROCESS)
		unexpected(r, res, "a cell without a value or a flag (measure %s)", PQgetvalue(res, 0, 5));
}

/*
 * Place one row of (sheet, year, kind, country_code, country_name, measure,
 * value, flag) in the report; exit 8 for a row that has no place.
 */
static void
add_row(const Reading *r, PGresult *res, Report *report)
{
	long long	sheet = field_integer(r, res, 0);
	long long	year = field_integer(r, res, 1);
	const char *kind_name = PQgetvalue(res, 0, 2);
	const char *code = PQgetisnull(res, 0, 3) ? NULL : PQgetvalue(res, 0, 3);
	const char *measure = PQgetvalue(res, 0, 5);
	int			kind = index_of(kind_name, report_kind_name, REPORT_NUM_KINDS);
	int			m;

	if (year < report->from_year || year > report->to_year)
		unexpected(r, res, "a year outside the period: %s", PQgetvalue(res, 0, 1));
	if (kind < 0)
		unexpected(r, res, "unknown kind \"%s\"", kind_name);
	if (sheet == 1)
	{
		m = index_of(measure, report_overview_measure, REPORT_NUM_OVERVIEW_MEASURES);
		if (m < 0 || code != NULL)
			unexpected(r, res, "sheet 1, measure \"%s\"", measure);
		fill_cell(r, res, &report->years[year - report->from_year].cells[kind][m]);
	}
	else if ((sheet == 2 && kind == REPORT_KIND_TO) || (sheet == 3 && kind == REPORT_KIND_LP))
	{
		m = index_of(measure, report_country_measure, REPORT_NUM_COUNTRY_MEASURES);
		if (m < 0)
			unexpected(r, res, "sheets 2 and 3, measure \"%s\"", measure);
		fill_cell(r, res, &country_row(&report->countries[kind], (int) year, code,
									   PQgetisnull(res, 0, 4) ? NULL : PQgetvalue(res, 0, 4))->cells[m]);
	}
	else
		unexpected(r, res, "sheet %s with this kind", PQgetvalue(res, 0, 0));
	report->cells_read++;
}

/*
 * Read the cells row by row (libpq's single-row mode, so that the progress
 * line counts them as they come).
 */
static void
read_cells(Reading *r, Report *report)
{
	char		a[4][16];
	const char *params[4] = {a[0], a[1], a[2], a[3]};
	const char *sql;
	int			nparams;
	PGresult   *res;

	if (r->options->snapshot_id != 0)
	{
		snprintf(a[0], sizeof(a[0]), "%d", r->options->snapshot_id);
		snprintf(a[1], sizeof(a[1]), "%s", r->options->raw ? "true" : "false");
		sql = "SELECT sheet, year, kind, country_code, country_name, measure, value, flag"
			"  FROM migchain.report_snapshot_cells($1::pg_catalog.int4, $2::pg_catalog.bool)";
		nparams = 2;
		r->what = r->options->raw ? "the snapshot's unrounded counts" : "the snapshot's cells";
	}
	else
	{
		snprintf(a[0], sizeof(a[0]), "%d", report->from_year);
		snprintf(a[1], sizeof(a[1]), "%d", report->to_year);
		snprintf(a[2], sizeof(a[2]), "%d", r->options->raw ? 1 : report->base);
		snprintf(a[3], sizeof(a[3]), "%d", r->options->raw ? 0 : report->threshold);
		sql = "SELECT sheet, year, kind, country_code, country_name, measure, value, flag"
			"  FROM migchain.published_cells($1::pg_catalog.int4, $2::pg_catalog.int4,"
			"                                $3::pg_catalog.int4, $4::pg_catalog.int4)";
		nparams = 4;
		r->what = r->options->raw ? "the unrounded counts" : "the published cells";
	}
	if (!PQsendQueryParams(r->conn, sql, nparams, NULL, params, NULL, NULL, 0) ||
		!PQsetSingleRowMode(r->conn))
		report_fatal(EXIT_REPORT_DATABASE, NULL, "cannot read %s: %s", r->what,
					 PQerrorMessage(r->conn));
	while ((res = PQgetResult(r->conn)) != NULL)
	{
		if (PQresultStatus(res) == PGRES_SINGLE_TUPLE)
		{
			add_row(r, res, report);
			if (report->cells_read % 200 == 0)
				report_progress("reading %s: %ld", r->what, report->cells_read);
		}
		else if (PQresultStatus(res) != PGRES_TUPLES_OK)
			fail_result(r, res);
		PQclear(res);
	}
}

/* The publication note (live or the snapshot's), unless raw. */
static void
read_note(Reading *r, Report *report)
{
	char		a[2][16];
	const char *params[2] = {a[0], a[1]};
	PGresult   *res;

	if (r->options->raw)
		return;
	r->what = "the publication note";
	if (r->options->snapshot_id != 0)
	{
		snprintf(a[0], sizeof(a[0]), "%d", r->options->snapshot_id);
		res = run(r, "SELECT migchain.report_snapshot_note($1::pg_catalog.int4)", 1, params);
	}
	else
	{
		snprintf(a[0], sizeof(a[0]), "%d", report->base);
		snprintf(a[1], sizeof(a[1]), "%d", report->threshold);
		res = run(r, "SELECT migchain.publication_note($1::pg_catalog.int4, $2::pg_catalog.int4)",
				  2, params);
	}
	if (PQntuples(res) != 1 || PQgetisnull(res, 0, 0))
		unexpected(r, res, "%s", "no publication note");
	report->note = report_strdup(PQgetvalue(res, 0, 0));
	PQclear(res);
}

/* Order of country rows: year, then countries by code, the total last. */
static int
country_row_cmp(const void *a, const void *b)
{
	const CountryRow *x = a;
	const CountryRow *y = b;

	if (x->year != y->year)
		return x->year < y->year ? -1 : 1;
	if (x->code == NULL || y->code == NULL)
		return (x->code == NULL) - (y->code == NULL);
	return strcmp(x->code, y->code);
}

/* Exit 8 unless every cell of the sheets is there. */
static void
check_complete(Reading *r, Report *report)
{
	for (int y = 0; y < report->nyears; y++)
		for (int k = 0; k < REPORT_NUM_KINDS; k++)
			for (int m = 0; m < REPORT_NUM_OVERVIEW_MEASURES; m++)
				if (!report->years[y].cells[k][m].known)
					unexpected(r, NULL, "sheet 1 has no cell %s",
							   report_printf("%d %s %s", report->years[y].year,
											 report_kind_name[k], report_overview_measure[m]));
	for (int k = 0; k < REPORT_NUM_KINDS; k++)
	{
		CountrySheet *sheet = &report->countries[k];

		qsort(sheet->rows, (size_t) sheet->nrows, sizeof(CountryRow), country_row_cmp);
		for (int i = 0; i < sheet->nrows; i++)
			for (int m = 0; m < REPORT_NUM_COUNTRY_MEASURES; m++)
				if (!sheet->rows[i].cells[m].known)
					unexpected(r, NULL, "a country row without %s",
							   report_country_measure[m]);
	}
}

/* Read the whole report as options ask; exits on any failure. */
Report *
report_fetch(const ReportOptions *options)
{
	Reading		r = {0};
	Report	   *report = report_malloc(sizeof(Report));

	r.options = options;
	r.what = "migchain's catalog";
	report->lang = options->lang;
	report->raw = options->raw;
	report->snapshot_id = options->snapshot_id;
	report->from_year = options->from_year;
	report->to_year = options->to_year;
	report->base = options->base;
	report->threshold = options->threshold;
	r.conn = connect_db(options->dbname);
	report_progress("checking migchain");
	begin_reading(&r);
	check_migchain(&r, report);
	if (options->snapshot_id != 0)
	{
		r.what = "the snapshot";
		read_snapshot_source(&r, report);
	}
	else
		read_live_source(&r, report);
	report->nyears = report->to_year - report->from_year + 1;
	if (report->nyears < 1 || report->nyears > 10000)
		unexpected(&r, NULL, "a period of %s years", report_printf("%d", report->nyears));
	report->years = report_malloc(sizeof(OverviewYear) * (size_t) report->nyears);
	for (int y = 0; y < report->nyears; y++)
		report->years[y].year = report->from_year + y;
	read_cells(&r, report);
	read_note(&r, report);
	check_complete(&r, report);
	PQclear(run(&r, "COMMIT", 0, NULL));
	PQfinish(r.conn);
	return report;
}

/* Whether nothing was presented in the period: no request to publish. */
bool
report_is_empty(const Report *report)
{
	for (int y = 0; y < report->nyears; y++)
		for (int k = 0; k < REPORT_NUM_KINDS; k++)
		{
			const ReportCell *presented = &report->years[y].cells[k][0];

			if (presented->is_null || presented->value != 0)
				return false;
		}
	return true;
}

/* Free a report. */
void
report_free(Report *report)
{
	if (report == NULL)
		return;
	for (int k = 0; k < REPORT_NUM_KINDS; k++)
	{
		for (int i = 0; i < report->countries[k].nrows; i++)
		{
			free(report->countries[k].rows[i].code);
			free(report->countries[k].rows[i].name);
		}
		free(report->countries[k].rows);
	}
	free(report->years);
	free(report->snapshot_label);
	free(report->extension_version);
	free(report->source_time);
	free(report->user);
	free(report->note);
	free(report);
}
