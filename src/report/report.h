/*
 * report.h
 *		migchain-report: the press-answer workbook from migchain's published
 *		cells.  The report as read from the database (report_db.c), the texts
 *		of the two languages (report_text.c), and the writers of the workbook
 *		(report_xlsx.c) and of the CSV files (report_csv.c).
 */
#ifndef MIGCHAIN_REPORT_H
#define MIGCHAIN_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#define REPORT_PROGNAME "migchain-report"

/* Exit codes (docs/report.md lists them). */
#define EXIT_REPORT_OK			0
#define EXIT_REPORT_USAGE		1
#define EXIT_REPORT_CONNECT		2
#define EXIT_REPORT_NO_MIGCHAIN	3
#define EXIT_REPORT_NO_RIGHTS	4
#define EXIT_REPORT_NOTHING		5
#define EXIT_REPORT_OUTPUT		6
#define EXIT_REPORT_NO_SNAPSHOT	7
#define EXIT_REPORT_DATABASE	8

/* The languages of the sheets (the setting migchain.language). */
typedef enum ReportLanguage
{
	REPORT_LANG_NL = 0,
	REPORT_LANG_EN = 1
} ReportLanguage;

#define REPORT_NUM_LANGS 2

/* Kinds of request, in the order of sheet 1: LP first, then T&O. */
#define REPORT_KIND_LP	0
#define REPORT_KIND_TO	1
#define REPORT_NUM_KINDS 2

/* Measures of sheet 1, in the order of its columns. */
#define REPORT_NUM_OVERVIEW_MEASURES 5
/* Measures of sheets 2 and 3, in the order of their columns. */
#define REPORT_NUM_COUNTRY_MEASURES 4

/* The data sheets and the definitions, in the order of the workbook. */
#define REPORT_SHEET_OVERVIEW	0
#define REPORT_SHEET_TO			1
#define REPORT_SHEET_LP			2
#define REPORT_SHEET_DEFINITIONS 3
#define REPORT_NUM_SHEETS		4

/* The flag of a published cell. */
typedef enum CellFlag
{
	CELL_FLAG_NONE,				/* exact (or a zero) */
	CELL_FLAG_ROUNDED,			/* rounded to a multiple of the base */
	CELL_FLAG_SUPPRESSED,		/* hidden: shown as the hidden symbol */
	CELL_FLAG_NO_PROCESS		/* the country had no process: words */
} CellFlag;

/* One published cell: a value (or none) and its flag. */
typedef struct ReportCell
{
	bool		known;			/* the database returned it */
	bool		is_null;		/* no value: hidden or no process */
	long long	value;
	CellFlag	flag;
} ReportCell;

/* Sheet 1: one year of the period, both kinds. */
typedef struct OverviewYear
{
	int			year;
	ReportCell	cells[REPORT_NUM_KINDS][REPORT_NUM_OVERVIEW_MEASURES];
} OverviewYear;

/* Sheets 2 and 3: a country in a year, or the year's total row. */
typedef struct CountryRow
{
	int			year;
	char	   *code;			/* NULL for the total row */
	char	   *name;			/* NULL for the total row */
	ReportCell	cells[REPORT_NUM_COUNTRY_MEASURES];
} CountryRow;

/* The rows of sheet 2 (T&O) or 3 (LP). */
typedef struct CountrySheet
{
	CountryRow *rows;
	int			nrows;
	int			maxrows;
} CountrySheet;

/* What the tool was asked for (the command line). */
typedef struct ReportOptions
{
	const char *dbname;			/* -d: conninfo or database name; NULL: PG* */
	int			from_year;
	int			to_year;
	int			base;
	int			threshold;
	int			snapshot_id;	/* 0: live */
	bool		raw;
	ReportLanguage lang;
	const char *output;			/* -o FILE.xlsx or NULL */
	const char *csv_dir;		/* --csv DIR or NULL */
	bool		quiet;
} ReportOptions;

/* The report as read from the database. */
typedef struct Report
{
	ReportLanguage lang;
	bool		raw;
	int			snapshot_id;	/* 0: live */
	char	   *snapshot_label; /* NULL when none */
	int			from_year;
	int			to_year;
	int			base;
	int			threshold;
	char	   *extension_version;
	char	   *source_time;	/* read at (live) or frozen at, in UTC */
	time_t		created;		/* the same, for the workbook's properties */
	char	   *user;			/* who reads (live) or who froze */
	char	   *note;			/* the publication note; NULL with --raw */
	long		cells_read;
	int			nyears;
	OverviewYear *years;		/* from_year .. to_year */
	CountrySheet countries[REPORT_NUM_KINDS];	/* indexed by kind */
} Report;

/* The texts of one language (report_text.c). */
typedef struct ReportText
{
	const char *sheet_name[REPORT_NUM_SHEETS];
	const char *sheet_title[REPORT_NUM_SHEETS];
	const char *period;			/* %d %d */
	const char *source_live;	/* %s time */
	const char *source_snapshot;	/* %d id, %s label part, %s time, %s user */
	const char *source_label;	/* %s label */
	const char *control;		/* %d base, %d threshold */
	const char *control_raw;
	const char *raw_note;
	const char *no_process_note;
	const char *year;
	const char *country_code;
	const char *country;
	const char *total;
	const char *kind_group[REPORT_NUM_KINDS];
	const char *overview_measure[REPORT_NUM_OVERVIEW_MEASURES];
	const char *country_measure[REPORT_NUM_COUNTRY_MEASURES];
	const char *no_process;
	const char *chart_title;
	const char *chart_x_axis;
	const char *chart_y_axis;
	const char *subject;
} ReportText;

/* A definition on the definitions sheet, in both languages. */
typedef struct ReportDefinition
{
	const char *term_nl;
	const char *text_nl;
	const char *term_en;
	const char *text_en;
} ReportDefinition;

/* The symbol of a hidden cell (the publication note explains it). */
#define REPORT_HIDDEN_SYMBOL "x"

/* report_text.c */
extern const ReportText *report_text(ReportLanguage lang);
extern const ReportDefinition report_definitions[];
extern const int report_num_definitions;
extern const char *const report_definitions_header[4];
extern const char *const report_kind_name[REPORT_NUM_KINDS];
extern const char *const report_overview_measure[REPORT_NUM_OVERVIEW_MEASURES];
extern const char *const report_country_measure[REPORT_NUM_COUNTRY_MEASURES];
extern char *report_period_line(const Report *report);
extern char *report_source_line(const Report *report);
extern char *report_control_line(const Report *report);
extern const char *report_note_text(const Report *report);

/* report_db.c */
extern Report *report_fetch(const ReportOptions *options);
extern void report_free(Report *report);
extern bool report_is_empty(const Report *report);

/* report_xlsx.c */
extern void report_write_xlsx(const Report *report, const char *path);

/* report_csv.c */
extern void report_write_csv(const Report *report, const char *dir);
extern const char *const report_csv_file[REPORT_NUM_SHEETS];

/* report_util.c */
extern void report_fail(int code, const char *message, const char *detail,
						const char *hint) __attribute__((noreturn));
extern void report_fatal(int code, const char *hint, const char *fmt,...)
			__attribute__((format(printf, 3, 4), noreturn));
extern void *report_malloc(size_t size);
extern char *report_strdup(const char *s);
extern char *report_printf(const char *fmt,...)
			__attribute__((format(printf, 1, 2)));
extern void report_progress_init(bool enabled);
extern void report_progress(const char *fmt,...)
			__attribute__((format(printf, 1, 2)));
extern void report_progress_done(void);
extern void report_check_output_file(const char *path);
extern void report_check_output_dir(const char *dir);
extern char *report_temp_path(const char *path);
extern void report_commit_file(const char *temp, const char *path);
extern bool report_cell_number(const Report *report, const ReportCell *cell,
							   long long *number, const char **text);

#endif							/* MIGCHAIN_REPORT_H */
