/*
 * detention_exit_parse.c
 *		Text forms of the type detention_exit, how an episode of immigration
 *		detention (vreemdelingenbewaring) ended, without PostgreSQL.
 *
 * A label is normalised by label_words() (case, accents, white space and
 * the marks - _ / . ( ) do not matter, so "maximum_term" is "maximum term";
 * "&", "and" and "en" are one word) and must then be one of the names below
 * (label_type.c): the Dutch and English labels, the names of the values as
 * identifiers, and the long forms.
 *
 * Deliberately not accepted, because they do not name one way out:
 *	- "lifted" / "opgeheven" / "opheffing": balancing, court and maximum
 *	  term are all lifts (lifted() answers that question);
 *	- "released" / "vrijgelaten" / "heengezonden" / "without supervision"
 *	  / "zonder toezicht": what followed a lift (the person left detention
 *	  without supervision), whichever of the three it was;
 *	- "removal" / "uitzetting" / "forced": departure from detention is
 *	  departure whether forced or independent; how the return case ended
 *	  is the case's outcome (case_outcome), not the episode's.
 * Unlike case_outcome, "vertrek" / "departure" is one value here: detention
 * ends by departure or is lifted, whatever kind of departure it was.
 */
#include "detention_exit_parse.h"

static const LabelName detention_exit_names[] = {
	/* departure: vertrek */
	{"vertrek", DETENTION_EXIT_ORD_DEPARTURE},
	{"vertrokken", DETENTION_EXIT_ORD_DEPARTURE},
	{"beeindigd door vertrek", DETENTION_EXIT_ORD_DEPARTURE},
	{"departure", DETENTION_EXIT_ORD_DEPARTURE},
	{"departed", DETENTION_EXIT_ORD_DEPARTURE},
	{"ended by departure", DETENTION_EXIT_ORD_DEPARTURE},
	/* balancing: opgeheven na belangenafweging */
	{"belangenafweging", DETENTION_EXIT_ORD_BALANCING},
	{"opgeheven na belangenafweging", DETENTION_EXIT_ORD_BALANCING},
	{"opheffing na belangenafweging", DETENTION_EXIT_ORD_BALANCING},
	{"balancing", DETENTION_EXIT_ORD_BALANCING},
	{"balancing of interests", DETENTION_EXIT_ORD_BALANCING},
	{"lifted after balancing of interests", DETENTION_EXIT_ORD_BALANCING},
	{"lifted after a balancing of interests", DETENTION_EXIT_ORD_BALANCING},
	/* court: opgeheven door de rechter */
	{"rechter", DETENTION_EXIT_ORD_COURT},
	{"door de rechter", DETENTION_EXIT_ORD_COURT},
	{"opgeheven door de rechter", DETENTION_EXIT_ORD_COURT},
	{"opgeheven door rechter", DETENTION_EXIT_ORD_COURT},
	{"opheffing door de rechter", DETENTION_EXIT_ORD_COURT},
	{"court", DETENTION_EXIT_ORD_COURT},
	{"court order", DETENTION_EXIT_ORD_COURT},
	{"lifted by a court", DETENTION_EXIT_ORD_COURT},
	{"lifted by the court", DETENTION_EXIT_ORD_COURT},
	/* maximum_term: maximale termijn bereikt */
	{"maximale termijn", DETENTION_EXIT_ORD_MAXIMUM_TERM},
	{"maximale termijn bereikt", DETENTION_EXIT_ORD_MAXIMUM_TERM},
	{"maximumtermijn", DETENTION_EXIT_ORD_MAXIMUM_TERM},
	{"maximum term", DETENTION_EXIT_ORD_MAXIMUM_TERM},
	{"maximum term reached", DETENTION_EXIT_ORD_MAXIMUM_TERM},
	{"maximum period", DETENTION_EXIT_ORD_MAXIMUM_TERM},
	{"maximum period reached", DETENTION_EXIT_ORD_MAXIMUM_TERM},
	/* other: overig */
	{"overig", DETENTION_EXIT_ORD_OTHER},
	{"overige", DETENTION_EXIT_ORD_OTHER},
	{"anders", DETENTION_EXIT_ORD_OTHER},
	{"other", DETENTION_EXIT_ORD_OTHER},
};

/* Output labels, by ordinal. */
static const char *const detention_exit_labels_nl[DETENTION_EXIT_NUM] = {
	"vertrek", "belangenafweging", "rechter", "maximale termijn", "overig"
};
static const char *const detention_exit_labels_en[DETENTION_EXIT_NUM] = {
	"departure", "balancing", "court", "maximum term", "other"
};

const LabelType detention_exit_type = {
	.typname = "detention_exit",
	.what = "a detention exit",
	.count = DETENTION_EXIT_NUM,
	.names = detention_exit_names,
	.num_names = sizeof(detention_exit_names) / sizeof(detention_exit_names[0]),
	.labels = {
		[LABEL_LANG_NL] = detention_exit_labels_nl,
		[LABEL_LANG_EN] = detention_exit_labels_en,
	},
};
