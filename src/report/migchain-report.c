/*
 * migchain-report.c
 *		The press-answer workbook from migchain's published cells: the
 *		command line, its checks, and the order of the work (check the
 *		output, read the database, write the workbook and the CSV files).
 *		docs/report.md and docs/migchain-report.1 describe it.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "report.h"

/* Long options without a short form. */
enum
{
	OPT_FROM = 256,
	OPT_TO,
	OPT_SNAPSHOT,
	OPT_BASE,
	OPT_THRESHOLD,
	OPT_RAW,
	OPT_LANG,
	OPT_CSV
};

static const char *const try_help = "Try \"" REPORT_PROGNAME " --help\" for more information.";

/* Print the usage on stdout. */
static void
usage(void)
{
	printf("%s writes the press-answer workbook (LP and T&O requests per year and\n"
		   "not confirmed per country of origin) from migchain's published figures.\n\n",
		   REPORT_PROGNAME);
	printf("Usage:\n  %s [OPTION]... -o FILE.xlsx\n  %s [OPTION]... --csv DIR\n\n",
		   REPORT_PROGNAME, REPORT_PROGNAME);
	printf("Options:\n"
		   "  -d, --dbname=CONNINFO    database name or connection string (default: the\n"
		   "                           PG* environment variables, as psql)\n"
		   "      --from=YEAR          first year (default: five years before this one)\n"
		   "      --to=YEAR            last year (default: last year)\n"
		   "      --snapshot=ID        a frozen report snapshot: its period, parameters and\n"
		   "                           cells, the same whatever changed since\n"
		   "      --base=N             round to multiples of N (default 10)\n"
		   "      --threshold=N        hide counts under N (default 5)\n"
		   "      --raw                unrounded counts, no cell hidden: for internal use\n"
		   "                           (of a snapshot: for the owner of migchain only)\n"
		   "      --lang=nl|en         language of the sheets (default nl)\n"
		   "  -o, --output=FILE.xlsx   write the workbook to FILE.xlsx\n"
		   "      --csv=DIR            write the sheets as CSV files into DIR\n"
		   "  -q, --quiet              no progress line, no summary\n"
		   "  -V, --version            print the version and exit\n"
		   "  -h, --help               print this help and exit\n\n");
	printf("Exit status: 0 written; 1 bad usage or arguments; 2 cannot connect;\n"
		   "3 migchain missing or too old; 4 no rights; 5 nothing to publish in the\n"
		   "period; 6 output not writable; 7 no such snapshot; 8 other database error.\n\n"
		   "See man migchain-report.\n");
}

/* Exit 1 with a message about the command line and a hint (NULL: try --help). */
#define bad_usage(hint, ...) \
	report_fatal(EXIT_REPORT_USAGE, (hint) != NULL ? (hint) : try_help, __VA_ARGS__)

/* An integer option's value in min..max, or exit 1 naming it. */
static int
parse_int(const char *option, const char *value, long min, long max, const char *hint)
{
	char	   *end;
	long		v;

	errno = 0;
	v = strtol(value, &end, 10);
	if (errno != 0 || end == value || *end != '\0' || v < min || v > max)
		bad_usage(hint, "invalid value \"%s\" for %s", value, option);
	return (int) v;
}

/* The current calendar year (local time). */
static int
current_year(void)
{
	time_t		now = time(NULL);
	struct tm	tm;

	if (localtime_r(&now, &tm) == NULL)
		report_fatal(EXIT_REPORT_USAGE, "Give the period with --from and --to.",
					 "cannot tell the current year");
	return tm.tm_year + 1900;
}

/* Whether s ends with suffix, ignoring case. */
static bool
ends_with(const char *s, const char *suffix)
{
	size_t		len = strlen(s);
	size_t		slen = strlen(suffix);

	return len > slen && strcasecmp(s + len - slen, suffix) == 0;
}

/* Check the options against each other and fill in the defaults. */
static void
finish_options(ReportOptions *o, bool from_given, bool to_given, bool control_given)
{
	int			year = current_year();

	if (o->snapshot_id != 0 && (from_given || to_given || control_given))
		bad_usage("A snapshot keeps its period, base and threshold; leave out --from, --to, "
				  "--base and --threshold with --snapshot.",
				  "%s cannot be given with --snapshot",
				  from_given ? "--from" : to_given ? "--to" : "--base or --threshold");
	if (o->raw && control_given)
		bad_usage("--raw writes the counts unrounded and hides nothing; leave out --base and "
				  "--threshold.",
				  "--base and --threshold cannot be given with --raw");
	if (o->output == NULL && o->csv_dir == NULL)
		bad_usage("Give -o FILE.xlsx for the workbook, --csv DIR for CSV files, or both.",
				  "no output given");
	if (o->output != NULL && !ends_with(o->output, ".xlsx"))
		bad_usage("Excel and LibreOffice know a workbook by its name ending in .xlsx; "
				  "--csv DIR writes CSV files.",
				  "the workbook \"%s\" must be named *.xlsx", o->output);
	if (!from_given)
		o->from_year = to_given ? o->to_year - 4 : year - 5;
	if (!to_given)
		o->to_year = from_given && o->from_year > year - 1 ? o->from_year : year - 1;
	if (o->snapshot_id == 0 && o->from_year > o->to_year)
		bad_usage("Give the period with --from YEAR --to YEAR, the first year not after the last.",
				  "--from %d is after --to %d", o->from_year, o->to_year);
}

/* Read the command line into o; exits for --help, --version and errors. */
static void
parse_options(int argc, char **argv, ReportOptions *o)
{
	static const struct option long_options[] = {
		{"dbname", required_argument, NULL, 'd'},
		{"from", required_argument, NULL, OPT_FROM},
		{"to", required_argument, NULL, OPT_TO},
		{"snapshot", required_argument, NULL, OPT_SNAPSHOT},
		{"base", required_argument, NULL, OPT_BASE},
		{"threshold", required_argument, NULL, OPT_THRESHOLD},
		{"raw", no_argument, NULL, OPT_RAW},
		{"lang", required_argument, NULL, OPT_LANG},
		{"output", required_argument, NULL, 'o'},
		{"csv", required_argument, NULL, OPT_CSV},
		{"quiet", no_argument, NULL, 'q'},
		{"version", no_argument, NULL, 'V'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	bool		from_given = false;
	bool		to_given = false;
	bool		control_given = false;
	int			c;

	memset(o, 0, sizeof(*o));
	o->base = 10;
	o->threshold = 5;
	o->lang = REPORT_LANG_NL;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":d:o:qVh", long_options, NULL)) != -1)
	{
		switch (c)
		{
			case 'd':
				o->dbname = optarg;
				break;
			case OPT_FROM:
				o->from_year = parse_int("--from", optarg, 1, 9999, "Give a year such as 2019.");
				from_given = true;
				break;
			case OPT_TO:
				o->to_year = parse_int("--to", optarg, 1, 9999, "Give a year such as 2023.");
				to_given = true;
				break;
			case OPT_SNAPSHOT:
				o->snapshot_id = parse_int("--snapshot", optarg, 1, INT_MAX,
										   "Give the number freeze_report() returned.");
				break;
			case OPT_BASE:
				o->base = parse_int("--base", optarg, 1, INT_MAX,
									"The base is a whole number of 1 or more (1: not rounded).");
				control_given = true;
				break;
			case OPT_THRESHOLD:
				o->threshold = parse_int("--threshold", optarg, 0, INT_MAX,
										 "The threshold is a whole number of 0 or more (0: nothing hidden).");
				control_given = true;
				break;
			case OPT_RAW:
				o->raw = true;
				break;
			case OPT_LANG:
				if (strcasecmp(optarg, "nl") == 0)
					o->lang = REPORT_LANG_NL;
				else if (strcasecmp(optarg, "en") == 0)
					o->lang = REPORT_LANG_EN;
				else
					bad_usage("The languages are nl (Dutch) and en (English).",
							  "invalid value \"%s\" for %s", optarg, "--lang");
				break;
			case 'o':
				o->output = optarg;
				break;
			case OPT_CSV:
				o->csv_dir = optarg;
				break;
			case 'q':
				o->quiet = true;
				break;
			case 'V':
				printf("%s (migchain) %s\n", REPORT_PROGNAME, REPORT_VERSION);
				exit(EXIT_REPORT_OK);
			case 'h':
				usage();
				exit(EXIT_REPORT_OK);
			case ':':
				bad_usage(NULL, "option %s needs a value", argv[optind - 1]);
				break;
			default:
				bad_usage(NULL, "unknown option %s", argv[optind - 1]);
		}
	}
	if (optind < argc)
		bad_usage(NULL, "unexpected argument \"%s\"", argv[optind]);
	finish_options(o, from_given, to_given, control_given);
}

/* Exit 5 when the period holds no request. */
static void
check_not_empty(Report *report)
{
	if (!report_is_empty(report))
		return;
	if (report->snapshot_id != 0)
		report_fatal(EXIT_REPORT_NOTHING, "The snapshot was frozen over a period without requests.",
					 "nothing to publish: snapshot %d holds no request presented in %d to %d",
					 report->snapshot_id, report->from_year, report->to_year);
	report_fatal(EXIT_REPORT_NOTHING, "Choose a period with requests with --from and --to.",
				 "nothing to publish: no request was presented in %d to %d",
				 report->from_year, report->to_year);
}

/*
 * Check the command line and the output, read the report, write it, and
 * say what was written.
 */
int
main(int argc, char **argv)
{
	ReportOptions options;
	Report	   *report;

	parse_options(argc, argv, &options);
	report_progress_init(!options.quiet);
	if (options.output != NULL)
		report_check_output_file(options.output);
	if (options.csv_dir != NULL)
		report_check_output_dir(options.csv_dir);
	report = report_fetch(&options);
	check_not_empty(report);
	if (options.output != NULL)
		report_write_xlsx(report, options.output);
	if (options.csv_dir != NULL)
		report_write_csv(report, options.csv_dir);
	report_progress_done();
	if (!options.quiet)
	{
		char		source[32] = "live";

		if (report->snapshot_id != 0)
			snprintf(source, sizeof(source), "snapshot %d", report->snapshot_id);
		fprintf(stderr, "%s: wrote %s%s%s (%d to %d, %s%s, %ld cells)\n", REPORT_PROGNAME,
				options.output != NULL ? options.output : "",
				options.output != NULL && options.csv_dir != NULL ? " and " : "",
				options.csv_dir != NULL ? options.csv_dir : "",
				report->from_year, report->to_year, source,
				report->raw ? ", unrounded" : "", report->cells_read);
	}
	report_free(report);
	return EXIT_REPORT_OK;
}
