/*
 * report_xlsx.c
 *		migchain-report: the workbook (libxlsxwriter).  Sheet 1 the totals per
 *		year with a chart, sheets 2 and 3 not confirmed per country of origin,
 *		sheet 4 the definitions in both languages; each with a header block
 *		and, under the data, the publication note.  From a snapshot the file
 *		is the same byte for byte: its creation time is the snapshot's and
 *		libxlsxwriter dates every member of the zip 1980-01-01.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xlsxwriter.h"

#include "report.h"

/* Rows of the header block, and the first row after it. */
#define HEADER_ROWS 5
/* Sheet 1: columns per kind (the five measures), after the year. */
#define OVERVIEW_COLS (1 + REPORT_NUM_KINDS * REPORT_NUM_OVERVIEW_MEASURES)
/* Sheets 2 and 3: year, code, name and the four measures. */
#define COUNTRY_COLS (3 + REPORT_NUM_COUNTRY_MEASURES)

/* The formats of the workbook. */
typedef struct Formats
{
	lxw_format *title;
	lxw_format *header;
	lxw_format *group;
	lxw_format *year;
	lxw_format *count;
	lxw_format *words;
	lxw_format *total_label;
	lxw_format *total_count;
	lxw_format *total_words;
	lxw_format *note;
	lxw_format *wrap;
} Formats;

/* The workbook being written. */
typedef struct Writer
{
	lxw_workbook *workbook;
	const Report *report;
	const ReportText *t;
	Formats		f;
	const char *path;			/* the file asked for */
	char	   *temp;			/* the file written, renamed at the end */
} Writer;

/* Exit 6 (nothing left behind) when a libxlsxwriter call failed. */
static void
check(Writer *w, lxw_error err, const char *what)
{
	if (err == LXW_NO_ERROR)
		return;
	if (w->workbook != NULL)
		lxw_workbook_free(w->workbook);
	unlink(w->temp);
	report_fatal(EXIT_REPORT_OUTPUT, NULL, "cannot write the workbook \"%s\": %s: %s",
				 w->path, what, lxw_strerror(err));
}

/* A pointer libxlsxwriter returned, or exit 6 when it returned none. */
static void *
check_ptr(Writer *w, void *p, const char *what)
{
	if (p == NULL)
		check(w, LXW_ERROR_MEMORY_MALLOC_FAILED, what);
	return p;
}

/* A new format. */
static lxw_format *
new_format(Writer *w)
{
	return check_ptr(w, workbook_add_format(w->workbook), "a format");
}

/* The formats every sheet uses. */
static void
make_formats(Writer *w)
{
	Formats    *f = &w->f;

	f->title = new_format(w);
	format_set_bold(f->title);
	format_set_font_size(f->title, 13);
	f->header = new_format(w);
	format_set_bold(f->header);
	format_set_text_wrap(f->header);
	format_set_align(f->header, LXW_ALIGN_VERTICAL_TOP);
	format_set_bottom(f->header, LXW_BORDER_THIN);
	f->group = new_format(w);
	format_set_bold(f->group);
	format_set_align(f->group, LXW_ALIGN_CENTER);
	format_set_bottom(f->group, LXW_BORDER_THIN);
	f->year = new_format(w);
	format_set_num_format(f->year, "0");
	format_set_align(f->year, LXW_ALIGN_LEFT);
	f->count = new_format(w);
	format_set_num_format(f->count, "#,##0");
	f->words = new_format(w);
	format_set_align(f->words, LXW_ALIGN_RIGHT);
	f->total_label = new_format(w);
	format_set_bold(f->total_label);
	format_set_top(f->total_label, LXW_BORDER_THIN);
	f->total_count = new_format(w);
	format_set_bold(f->total_count);
	format_set_num_format(f->total_count, "#,##0");
	format_set_top(f->total_count, LXW_BORDER_THIN);
	f->total_words = new_format(w);
	format_set_bold(f->total_words);
	format_set_align(f->total_words, LXW_ALIGN_RIGHT);
	format_set_top(f->total_words, LXW_BORDER_THIN);
	f->note = new_format(w);
	format_set_italic(f->note);
	format_set_text_wrap(f->note);
	format_set_align(f->note, LXW_ALIGN_VERTICAL_TOP);
	f->wrap = new_format(w);
	format_set_text_wrap(f->wrap);
	format_set_align(f->wrap, LXW_ALIGN_VERTICAL_TOP);
}

/* Write a string cell. */
static void
put_string(Writer *w, lxw_worksheet *ws, int row, int col, const char *s, lxw_format *format)
{
	check(w, worksheet_write_string(ws, (lxw_row_t) row, (lxw_col_t) col, s, format),
		  "a text cell");
}

/* Write a number cell. */
static void
put_number(Writer *w, lxw_worksheet *ws, int row, int col, long long n, lxw_format *format)
{
	check(w, worksheet_write_number(ws, (lxw_row_t) row, (lxw_col_t) col, (double) n, format),
		  "a number cell");
}

/* Write a published cell: a number, or the hidden symbol or "no process". */
static void
put_cell(Writer *w, lxw_worksheet *ws, int row, int col, const ReportCell *cell, bool total)
{
	long long	number;
	const char *words;

	if (report_cell_number(w->report, cell, &number, &words))
		put_number(w, ws, row, col, number, total ? w->f.total_count : w->f.count);
	else
		put_string(w, ws, row, col, words, total ? w->f.total_words : w->f.words);
}

/* Set the width of columns first..last. */
static void
set_width(Writer *w, lxw_worksheet *ws, int first, int last, double width, lxw_format *format)
{
	check(w, worksheet_set_column(ws, (lxw_col_t) first, (lxw_col_t) last, width, format),
		  "a column width");
}

/* Write the header block (title, period, source, disclosure control). */
static void
put_header_block(Writer *w, lxw_worksheet *ws, int sheet)
{
	char	   *lines[3] = {
		report_period_line(w->report),
		report_source_line(w->report),
		report_control_line(w->report)
	};

	put_string(w, ws, 0, 0, w->t->sheet_title[sheet], w->f.title);
	for (int i = 0; i < 3; i++)
	{
		put_string(w, ws, 1 + i, 0, lines[i], NULL);
		free(lines[i]);
	}
}

/*
 * Write a note across the table's columns, wrapped, with a row height for
 * its length (width: the table's width in characters).
 */
static void
put_note(Writer *w, lxw_worksheet *ws, int row, int ncols, double width, const char *text)
{
	double		lines = (double) strlen(text) / (width * 0.95) + 1.0;

	check(w, worksheet_merge_range(ws, (lxw_row_t) row, 0, (lxw_row_t) row,
								   (lxw_col_t) (ncols - 1), text, w->f.note), "a note");
	check(w, worksheet_set_row(ws, (lxw_row_t) row, 15.0 * (double) (int) lines, NULL),
		  "the height of a note");
}

/* Page setup of a data sheet: landscape, one page wide, header rows repeated. */
static void
set_page(Writer *w, lxw_worksheet *ws, int header_last_row)
{
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	check(w, worksheet_repeat_rows(ws, HEADER_ROWS, (lxw_row_t) header_last_row),
		  "the rows repeated on every page");
	worksheet_freeze_panes(ws, (lxw_row_t) (header_last_row + 1), 1);
}

/* A new worksheet named in the report's language. */
static lxw_worksheet *
new_sheet(Writer *w, int sheet)
{
	return check_ptr(w, workbook_add_worksheet(w->workbook, w->t->sheet_name[sheet]),
					 "a worksheet");
}

/*
 * The chart of sheet 1: requests presented per year, a series per kind,
 * from the sheet's cells; placed at row.
 */
static void
put_overview_chart(Writer *w, lxw_worksheet *ws, int group_row, int first, int last, int row)
{
	lxw_chart  *chart = check_ptr(w, workbook_add_chart(w->workbook, LXW_CHART_COLUMN), "a chart");
	const char *sheet = w->t->sheet_name[REPORT_SHEET_OVERVIEW];
	lxw_chart_options opt = {0};

	for (int k = 0; k < REPORT_NUM_KINDS; k++)
	{
		lxw_chart_series *series = check_ptr(w, chart_add_series(chart, NULL, NULL), "a chart series");
		int			col = 1 + k * REPORT_NUM_OVERVIEW_MEASURES;

		chart_series_set_categories(series, sheet, (lxw_row_t) first, 0, (lxw_row_t) last, 0);
		chart_series_set_values(series, sheet, (lxw_row_t) first, (lxw_col_t) col,
								(lxw_row_t) last, (lxw_col_t) col);
		chart_series_set_name_range(series, sheet, (lxw_row_t) group_row, (lxw_col_t) col);
	}
	chart_title_set_name(chart, w->t->chart_title);
	chart_axis_set_name(chart->x_axis, w->t->chart_x_axis);
	chart_axis_set_name(chart->y_axis, w->t->chart_y_axis);
	chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
	opt.x_scale = 1.5;
	opt.y_scale = 1.2;
	check(w, worksheet_insert_chart_opt(ws, (lxw_row_t) row, 0, chart, &opt), "the chart");
}

/* Sheet 1: LP and T&O per year, presented and the answers, with the chart. */
static void
write_overview(Writer *w)
{
	lxw_worksheet *ws = new_sheet(w, REPORT_SHEET_OVERVIEW);
	const Report *report = w->report;
	int			group_row = HEADER_ROWS;
	int			row = HEADER_ROWS + 1;

	put_header_block(w, ws, REPORT_SHEET_OVERVIEW);
	set_width(w, ws, 0, 0, 8, NULL);
	set_width(w, ws, 1, OVERVIEW_COLS - 1, 14, NULL);
	for (int k = 0; k < REPORT_NUM_KINDS; k++)
	{
		int			first = 1 + k * REPORT_NUM_OVERVIEW_MEASURES;

		check(w, worksheet_merge_range(ws, (lxw_row_t) group_row, (lxw_col_t) first,
									   (lxw_row_t) group_row,
									   (lxw_col_t) (first + REPORT_NUM_OVERVIEW_MEASURES - 1),
									   w->t->kind_group[k], w->f.group), "a header");
		for (int m = 0; m < REPORT_NUM_OVERVIEW_MEASURES; m++)
			put_string(w, ws, row, first + m, w->t->overview_measure[m], w->f.header);
	}
	put_string(w, ws, row, 0, w->t->year, w->f.header);
	check(w, worksheet_set_row(ws, (lxw_row_t) row, 45, NULL), "the height of the header");
	set_page(w, ws, row);
	for (int y = 0; y < report->nyears; y++)
	{
		row++;
		put_number(w, ws, row, 0, report->years[y].year, w->f.year);
		for (int k = 0; k < REPORT_NUM_KINDS; k++)
			for (int m = 0; m < REPORT_NUM_OVERVIEW_MEASURES; m++)
				put_cell(w, ws, row, 1 + k * REPORT_NUM_OVERVIEW_MEASURES + m,
						 &report->years[y].cells[k][m], false);
	}
	put_note(w, ws, row + 2, OVERVIEW_COLS, 8 + 14 * (OVERVIEW_COLS - 1), report_note_text(report));
	put_overview_chart(w, ws, group_row, HEADER_ROWS + 2, row, row + 4);
}

/* Sheets 2 and 3: not confirmed per country of origin, a total per year. */
static void
write_countries(Writer *w, int sheet, int kind)
{
	lxw_worksheet *ws = new_sheet(w, sheet);
	const CountrySheet *cs = &w->report->countries[kind];
	const char *headers[3] = {w->t->year, w->t->country_code, w->t->country};
	int			row = HEADER_ROWS;

	put_header_block(w, ws, sheet);
	set_width(w, ws, 0, 0, 8, NULL);
	set_width(w, ws, 1, 1, 10, NULL);
	set_width(w, ws, 2, 2, 30, NULL);
	set_width(w, ws, 3, COUNTRY_COLS - 1, 17, NULL);
	for (int c = 0; c < 3; c++)
		put_string(w, ws, row, c, headers[c], w->f.header);
	for (int m = 0; m < REPORT_NUM_COUNTRY_MEASURES; m++)
		put_string(w, ws, row, 3 + m, w->t->country_measure[m], w->f.header);
	check(w, worksheet_set_row(ws, (lxw_row_t) row, 45, NULL), "the height of the header");
	set_page(w, ws, row);
	for (int i = 0; i < cs->nrows; i++)
	{
		const CountryRow *cr = &cs->rows[i];
		bool		total = cr->code == NULL;

		row++;
		put_number(w, ws, row, 0, cr->year, total ? w->f.total_label : w->f.year);
		put_string(w, ws, row, 1, total ? "" : cr->code, total ? w->f.total_label : NULL);
		put_string(w, ws, row, 2, total ? w->t->total : cr->name, total ? w->f.total_label : NULL);
		for (int m = 0; m < REPORT_NUM_COUNTRY_MEASURES; m++)
			put_cell(w, ws, row, 3 + m, &cr->cells[m], total);
	}
	put_note(w, ws, row + 2, COUNTRY_COLS, 8 + 10 + 30 + 17 * 4, report_note_text(w->report));
	put_note(w, ws, row + 3, COUNTRY_COLS, 8 + 10 + 30 + 17 * 4, w->t->no_process_note);
}

/* Sheet 4: the definitions of the source text, in Dutch and English. */
static void
write_definitions(Writer *w)
{
	lxw_worksheet *ws = new_sheet(w, REPORT_SHEET_DEFINITIONS);
	int			row = HEADER_ROWS;

	put_header_block(w, ws, REPORT_SHEET_DEFINITIONS);
	set_width(w, ws, 0, 0, 26, w->f.wrap);
	set_width(w, ws, 1, 1, 70, w->f.wrap);
	set_width(w, ws, 2, 2, 26, w->f.wrap);
	set_width(w, ws, 3, 3, 70, w->f.wrap);
	for (int c = 0; c < 4; c++)
		put_string(w, ws, row, c, report_definitions_header[c], w->f.header);
	for (int i = 0; i < report_num_definitions; i++)
	{
		const ReportDefinition *d = &report_definitions[i];
		size_t		longest = strlen(d->text_nl) > strlen(d->text_en) ?
			strlen(d->text_nl) : strlen(d->text_en);

		row++;
		put_string(w, ws, row, 0, d->term_nl, w->f.wrap);
		put_string(w, ws, row, 1, d->text_nl, w->f.wrap);
		put_string(w, ws, row, 2, d->term_en, w->f.wrap);
		put_string(w, ws, row, 3, d->text_en, w->f.wrap);
		check(w, worksheet_set_row(ws, (lxw_row_t) row, 15.0 * (double) (longest / 64 + 1), NULL),
			  "the height of a definition");
	}
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
}

/* The document's properties: its title, author and creation time. */
static void
set_properties(Writer *w)
{
	lxw_doc_properties props = {0};
	char	   *period = report_period_line(w->report);
	char	   *source = report_source_line(w->report);
	char	   *title = report_printf("%s (%d-%d)", w->t->sheet_title[REPORT_SHEET_OVERVIEW],
									  w->report->from_year, w->report->to_year);

	props.title = title;
	props.subject = (char *) w->t->subject;
	props.author = w->report->user;
	props.comments = source;
	props.keywords = period;
	props.created = w->report->created;
	check(w, workbook_set_properties(w->workbook, &props), "the document's properties");
	free(title);
	free(period);
	free(source);
}

/* Write the workbook to path (through a temporary file beside it). */
void
report_write_xlsx(const Report *report, const char *path)
{
	Writer		w = {0};
	lxw_workbook_options options = {0};

	w.report = report;
	w.t = report_text(report->lang);
	w.path = path;
	w.temp = report_temp_path(path);
	w.workbook = check_ptr(&w, workbook_new_opt(w.temp, &options), "the workbook");
	make_formats(&w);
	set_properties(&w);
	report_progress("writing %s: %s", path, w.t->sheet_name[REPORT_SHEET_OVERVIEW]);
	write_overview(&w);
	report_progress("writing %s: %s", path, w.t->sheet_name[REPORT_SHEET_TO]);
	write_countries(&w, REPORT_SHEET_TO, REPORT_KIND_TO);
	report_progress("writing %s: %s", path, w.t->sheet_name[REPORT_SHEET_LP]);
	write_countries(&w, REPORT_SHEET_LP, REPORT_KIND_LP);
	report_progress("writing %s: %s", path, w.t->sheet_name[REPORT_SHEET_DEFINITIONS]);
	write_definitions(&w);
	report_progress("writing %s: closing", path);
	{
		lxw_error	err = workbook_close(w.workbook);

		w.workbook = NULL;		/* workbook_close frees it, also on failure */
		check(&w, err, "closing");
	}
	report_commit_file(w.temp, path);
	free(w.temp);
}
