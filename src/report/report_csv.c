/*
 * report_csv.c
 *		migchain-report: the sheets as CSV files (RFC 4180, UTF-8, a header
 *		row, cells as in the workbook) and a text file beside them with the
 *		header block, the note and the definitions.  The file names are the
 *		same in every language.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report.h"

const char *const report_csv_file[REPORT_NUM_SHEETS] = {
	"sheet1-overview.csv",
	"sheet2-TO-by-country.csv",
	"sheet3-LP-by-country.csv",
	"notes.txt"
};

/* A file being written (through a temporary file beside it). */
typedef struct CsvFile
{
	FILE	   *fp;
	char	   *path;
	char	   *temp;
} CsvFile;

/* Open the file name in dir for writing. */
static void
csv_open(CsvFile *f, const char *dir, const char *name)
{
	f->path = report_printf("%s/%s", dir, name);
	f->temp = report_temp_path(f->path);
	f->fp = fopen(f->temp, "w");
	if (f->fp == NULL)
	{
		int			err = errno;

		unlink(f->temp);
		report_fatal(EXIT_REPORT_OUTPUT, NULL, "cannot write \"%s\": %s", f->path, strerror(err));
	}
}

/* Close the file and rename it into place; exit 6 when writing failed. */
static void
csv_close(CsvFile *f)
{
	bool		failed = ferror(f->fp) != 0;
	int			err = errno;

	if (fclose(f->fp) != 0 && !failed)
	{
		failed = true;
		err = errno;
	}
	if (failed)
	{
		unlink(f->temp);
		report_fatal(EXIT_REPORT_OUTPUT, NULL, "cannot write \"%s\": %s", f->path, strerror(err));
	}
	report_commit_file(f->temp, f->path);
	free(f->path);
	free(f->temp);
}

/* Write a field, quoted when it holds a comma, quote, line break or edge space. */
static void
csv_field(CsvFile *f, bool first, const char *s)
{
	size_t		len = strlen(s);

	if (!first)
		fputc(',', f->fp);
	if (strpbrk(s, ",\"\r\n") == NULL && (len == 0 || (s[0] != ' ' && s[len - 1] != ' ')))
	{
		fputs(s, f->fp);
		return;
	}
	fputc('"', f->fp);
	for (const char *p = s; *p != '\0'; p++)
	{
		if (*p == '"')
			fputc('"', f->fp);
		fputc(*p, f->fp);
	}
	fputc('"', f->fp);
}

/* Write an integer field. */
static void
csv_number(CsvFile *f, bool first, long long n)
{
	fprintf(f->fp, first ? "%lld" : ",%lld", n);
}

/* Write a published cell as the workbook shows it. */
static void
csv_cell(CsvFile *f, const Report *report, const ReportCell *cell)
{
	long long	number;
	const char *words;

	if (report_cell_number(report, cell, &number, &words))
		csv_number(f, false, number);
	else
		csv_field(f, false, words);
}

/* Sheet 1: a row per year, the five measures of LP then of T&O. */
static void
write_overview(const Report *report, const char *dir)
{
	const ReportText *t = report_text(report->lang);
	CsvFile		f;

	csv_open(&f, dir, report_csv_file[REPORT_SHEET_OVERVIEW]);
	csv_field(&f, true, t->year);
	for (int k = 0; k < REPORT_NUM_KINDS; k++)
		for (int m = 0; m < REPORT_NUM_OVERVIEW_MEASURES; m++)
		{
			char	   *name = report_printf("%s: %s", report_kind_name[k], t->overview_measure[m]);

			csv_field(&f, false, name);
			free(name);
		}
	fputc('\n', f.fp);
	for (int y = 0; y < report->nyears; y++)
	{
		csv_number(&f, true, report->years[y].year);
		for (int k = 0; k < REPORT_NUM_KINDS; k++)
			for (int m = 0; m < REPORT_NUM_OVERVIEW_MEASURES; m++)
				csv_cell(&f, report, &report->years[y].cells[k][m]);
		fputc('\n', f.fp);
	}
	csv_close(&f);
}

/* Sheets 2 and 3: a row per year and country, the year's total row last. */
static void
write_countries(const Report *report, const char *dir, int sheet, int kind)
{
	const ReportText *t = report_text(report->lang);
	const CountrySheet *cs = &report->countries[kind];
	CsvFile		f;

	csv_open(&f, dir, report_csv_file[sheet]);
	csv_field(&f, true, t->year);
	csv_field(&f, false, t->country_code);
	csv_field(&f, false, t->country);
	for (int m = 0; m < REPORT_NUM_COUNTRY_MEASURES; m++)
		csv_field(&f, false, t->country_measure[m]);
	fputc('\n', f.fp);
	for (int i = 0; i < cs->nrows; i++)
	{
		const CountryRow *cr = &cs->rows[i];

		csv_number(&f, true, cr->year);
		csv_field(&f, false, cr->code != NULL ? cr->code : "");
		csv_field(&f, false, cr->code != NULL ? cr->name : t->total);
		for (int m = 0; m < REPORT_NUM_COUNTRY_MEASURES; m++)
			csv_cell(&f, report, &cr->cells[m]);
		fputc('\n', f.fp);
	}
	csv_close(&f);
}

/* The text file: header block, note, what each file holds, definitions. */
static void
write_notes(const Report *report, const char *dir)
{
	const ReportText *t = report_text(report->lang);
	char	   *lines[3] = {
		report_period_line(report),
		report_source_line(report),
		report_control_line(report)
	};
	CsvFile		f;

	csv_open(&f, dir, report_csv_file[REPORT_SHEET_DEFINITIONS]);
	fprintf(f.fp, "%s\n%s\n%s\n%s\n\n", t->sheet_title[REPORT_SHEET_OVERVIEW],
			lines[0], lines[1], lines[2]);
	fprintf(f.fp, "%s\n%s\n\n", report_note_text(report), t->no_process_note);
	for (int s = 0; s < REPORT_SHEET_DEFINITIONS; s++)
		fprintf(f.fp, "%s: %s\n", report_csv_file[s], t->sheet_title[s]);
	fprintf(f.fp, "\n%s\n", t->sheet_title[REPORT_SHEET_DEFINITIONS]);
	for (int i = 0; i < report_num_definitions; i++)
	{
		const ReportDefinition *d = &report_definitions[i];

		fprintf(f.fp, "\n%s: %s\n%s: %s\n", d->term_nl, d->text_nl, d->term_en, d->text_en);
	}
	for (int i = 0; i < 3; i++)
		free(lines[i]);
	csv_close(&f);
}

/* Write the CSV files and the notes into dir (made when missing). */
void
report_write_csv(const Report *report, const char *dir)
{
	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		report_fatal(EXIT_REPORT_OUTPUT, NULL, "cannot make the directory \"%s\": %s",
					 dir, strerror(errno));
	report_progress("writing %s/", dir);
	write_overview(report, dir);
	write_countries(report, dir, REPORT_SHEET_TO, REPORT_KIND_TO);
	write_countries(report, dir, REPORT_SHEET_LP, REPORT_KIND_LP);
	write_notes(report, dir);
}
