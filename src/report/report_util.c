/*
 * report_util.c
 *		migchain-report: messages and exit, memory, the progress line, the
 *		output files (checked before the database is read, written to a
 *		temporary file and renamed into place), and how a cell is shown.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report.h"

static bool progress_enabled = false;
static int	progress_width = 0;

/* Print a message, its detail and a hint (each may be NULL) and exit. */
void
report_fail(int code, const char *message, const char *detail, const char *hint)
{
	report_progress_done();
	fprintf(stderr, "%s: %s\n", REPORT_PROGNAME, message);
	if (detail != NULL && detail[0] != '\0')
		fprintf(stderr, "%s: detail: %s\n", REPORT_PROGNAME, detail);
	if (hint != NULL && hint[0] != '\0')
		fprintf(stderr, "%s: hint: %s\n", REPORT_PROGNAME, hint);
	exit(code);
}

/* Print a message made as printf makes it (and a hint) and exit with code. */
void
report_fatal(int code, const char *hint, const char *fmt,...)
{
	va_list		ap;
	int			len;
	char	   *message;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	message = malloc(len < 0 ? 1 : (size_t) len + 1);
	if (message == NULL || len < 0)
		report_fail(code, "out of memory", NULL, NULL);
	va_start(ap, fmt);
	vsnprintf(message, (size_t) len + 1, fmt, ap);
	va_end(ap);
	report_fail(code, message, NULL, hint);
}

/* malloc that exits when memory runs out; zeroed. */
void *
report_malloc(size_t size)
{
	void	   *p = calloc(1, size == 0 ? 1 : size);

	if (p == NULL)
		report_fatal(EXIT_REPORT_DATABASE, NULL, "out of memory");
	return p;
}

/* strdup that exits when memory runs out; NULL stays NULL. */
char *
report_strdup(const char *s)
{
	char	   *copy;

	if (s == NULL)
		return NULL;
	copy = strdup(s);
	if (copy == NULL)
		report_fatal(EXIT_REPORT_DATABASE, NULL, "out of memory");
	return copy;
}

/* A newly allocated string made as printf makes it. */
char *
report_printf(const char *fmt,...)
{
	va_list		ap;
	int			len;
	char	   *s;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0)
		report_fatal(EXIT_REPORT_DATABASE, NULL, "cannot format a message");
	s = report_malloc((size_t) len + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t) len + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* Show a progress line only when asked and stderr is a terminal. */
void
report_progress_init(bool enabled)
{
	progress_enabled = enabled && isatty(fileno(stderr));
}

/* Overwrite the progress line with a new one. */
void
report_progress(const char *fmt,...)
{
	char		line[200];
	va_list		ap;
	int			len;

	if (!progress_enabled)
		return;
	va_start(ap, fmt);
	len = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (len < 0)
		return;
	if (len >= (int) sizeof(line))
		len = (int) sizeof(line) - 1;
	fprintf(stderr, "\r%s: %s%*s", REPORT_PROGNAME, line,
			progress_width > len ? progress_width - len : 0, "");
	fflush(stderr);
	progress_width = len;
}

/* Clear the progress line, if one is shown. */
void
report_progress_done(void)
{
	if (!progress_enabled || progress_width == 0)
		return;
	fprintf(stderr, "\r%*s\r", (int) strlen(REPORT_PROGNAME) + 2 + progress_width, "");
	fflush(stderr);
	progress_width = 0;
}

/* The directory part of a path ("." when it has none); allocated. */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return report_strdup(".");
	if (slash == path)
		return report_strdup("/");
	return report_printf("%.*s", (int) (slash - path), path);
}

/* Exit with code 6 unless dir is a directory this process may write in. */
static void
check_writable_dir(const char *what, const char *path, const char *dir)
{
	struct stat st;

	if (stat(dir, &st) != 0)
		report_fatal(EXIT_REPORT_OUTPUT, "Create the directory first, or choose another path.",
					 "cannot write %s \"%s\": directory \"%s\": %s",
					 what, path, dir, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		report_fatal(EXIT_REPORT_OUTPUT, "Choose another path.",
					 "cannot write %s \"%s\": \"%s\" is not a directory", what, path, dir);
	if (access(dir, W_OK | X_OK) != 0)
		report_fatal(EXIT_REPORT_OUTPUT, "Choose a directory you may write in.",
					 "cannot write %s \"%s\": directory \"%s\": %s",
					 what, path, dir, strerror(errno));
}

/*
 * Check, before the database is read, that the workbook can be written:
 * its directory exists and is writable, and an existing file of that name
 * is a writable regular file.
 */
void
report_check_output_file(const char *path)
{
	char	   *dir = dir_of(path);
	struct stat st;

	check_writable_dir("the workbook", path, dir);
	free(dir);
	if (stat(path, &st) == 0)
	{
		if (!S_ISREG(st.st_mode))
			report_fatal(EXIT_REPORT_OUTPUT, "Give the path of a file ending in .xlsx.",
						 "cannot write the workbook \"%s\": it is not a regular file", path);
		if (access(path, W_OK) != 0)
			report_fatal(EXIT_REPORT_OUTPUT, "Choose another path, or make the file writable.",
						 "cannot write the workbook \"%s\": %s", path, strerror(errno));
	}
}

/*
 * Check, before the database is read, that the CSV directory exists and is
 * writable, or can be made (its parent exists and is writable).
 */
void
report_check_output_dir(const char *dir)
{
	struct stat st;
	char	   *parent;

	if (stat(dir, &st) == 0)
	{
		if (!S_ISDIR(st.st_mode))
			report_fatal(EXIT_REPORT_OUTPUT, "Give a directory for the CSV files with --csv.",
						 "cannot write the CSV files into \"%s\": it is not a directory", dir);
		check_writable_dir("the CSV files into", dir, dir);
		return;
	}
	parent = dir_of(dir);
	check_writable_dir("the CSV files into", dir, parent);
	free(parent);
}

/*
 * A new empty file beside path, to write into and then rename to path (so
 * that a failure never leaves half a file under the name asked for); its
 * mode is what the umask gives a new file.  Returns its path.
 */
char *
report_temp_path(const char *path)
{
	char	   *dir = dir_of(path);
	const char *slash = strrchr(path, '/');
	char	   *temp;
	int			fd;
	mode_t		mask;

	temp = report_printf("%s/.%s.XXXXXX", dir, slash ? slash + 1 : path);
	free(dir);
	fd = mkstemp(temp);
	if (fd < 0)
		report_fatal(EXIT_REPORT_OUTPUT, NULL, "cannot write \"%s\": %s", path, strerror(errno));
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0 || close(fd) != 0)
	{
		int			err = errno;

		unlink(temp);
		report_fatal(EXIT_REPORT_OUTPUT, NULL, "cannot write \"%s\": %s", path, strerror(err));
	}
	return temp;
}

/* Rename a finished temporary file to its path. */
void
report_commit_file(const char *temp, const char *path)
{
	if (rename(temp, path) != 0)
	{
		int			err = errno;

		unlink(temp);
		report_fatal(EXIT_REPORT_OUTPUT, NULL, "cannot write \"%s\": %s", path, strerror(err));
	}
}

/*
 * How a cell is shown: true and its number, or false and its words (the
 * hidden symbol, or "no process" in the report's language).
 */
bool
report_cell_number(const Report *report, const ReportCell *cell,
				   long long *number, const char **text)
{
	*number = 0;
	*text = NULL;
	if (cell->flag == CELL_FLAG_NO_PROCESS)
	{
		*text = report_text(report->lang)->no_process;
		return false;
	}
	if (cell->is_null || cell->flag == CELL_FLAG_SUPPRESSED)
	{
		*text = REPORT_HIDDEN_SYMBOL;
		return false;
	}
	*number = cell->value;
	return true;
}
