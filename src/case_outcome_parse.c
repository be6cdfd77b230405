/*
 * case_outcome_parse.c
 *		Text forms of the type case_outcome, how a return case ended, without
 *		PostgreSQL.
 *
 * A label is normalised by label_words() (case, accents, white space and
 * the marks - _ / . ( ) do not matter, so "residence_permit" is "residence
 * permit"; "&", "and" and "en" are one word) and must then be one of the
 * names below (label_type.c): the Dutch and English labels, the names of
 * the values as identifiers, and the long forms of DT&V's categories.  Like
 * every label, a name has no commas: "zelfstandig vertrek (aantoonbaar
 * onder toezicht)" is accepted, with a comma it is not.
 *
 * Deliberately not accepted, because they do not name one outcome:
 *	- "departure" / "vertrek" / "departed" / "vertrokken": independent,
 *	  forced and unsupervised departure are all departures (departed()
 *	  answers that question);
 *	- "demonstrable departure" / "aantoonbaar vertrek": independent and
 *	  forced together, as the published figures count it
 *	  (demonstrable_departure());
 *	- "voluntary (departure)" / "vrijwillig vertrek": in the figures a
 *	  person who leaves of their own accord is independent when the
 *	  departure is observed and unsupervised when it is not;
 *	- "return" / "terugkeer" / "removal" / "uitzetting": the whole of the
 *	  process or a step in it, not how a case ended;
 *	- "pending" / "open": a case that has not ended has no outcome (NULL).
 */
#include "case_outcome_parse.h"

static const LabelName case_outcome_names[] = {
	/* independent: zelfstandig vertrek (aantoonbaar, onder toezicht) */
	{"zelfstandig vertrek", CASE_OUTCOME_ORD_INDEPENDENT},
	{"zelfstandig", CASE_OUTCOME_ORD_INDEPENDENT},
	{"zelfstandig vertrek onder toezicht", CASE_OUTCOME_ORD_INDEPENDENT},
	{"zelfstandig vertrek aantoonbaar onder toezicht", CASE_OUTCOME_ORD_INDEPENDENT},
	{"aantoonbaar zelfstandig vertrek", CASE_OUTCOME_ORD_INDEPENDENT},
	{"independent", CASE_OUTCOME_ORD_INDEPENDENT},
	{"independent departure", CASE_OUTCOME_ORD_INDEPENDENT},
	{"independent departure under supervision", CASE_OUTCOME_ORD_INDEPENDENT},
	{"supervised independent departure", CASE_OUTCOME_ORD_INDEPENDENT},
	/* forced: gedwongen vertrek */
	{"gedwongen vertrek", CASE_OUTCOME_ORD_FORCED},
	{"gedwongen", CASE_OUTCOME_ORD_FORCED},
	{"gedwongen terugkeer", CASE_OUTCOME_ORD_FORCED},
	{"forced", CASE_OUTCOME_ORD_FORCED},
	{"forced departure", CASE_OUTCOME_ORD_FORCED},
	{"forced return", CASE_OUTCOME_ORD_FORCED},
	/* unsupervised: vertrek zonder toezicht / met onbekende bestemming (MOB) */
	{"vertrek zonder toezicht", CASE_OUTCOME_ORD_UNSUPERVISED},
	{"zonder toezicht", CASE_OUTCOME_ORD_UNSUPERVISED},
	{"vertrek zonder toezicht met onbekende bestemming", CASE_OUTCOME_ORD_UNSUPERVISED},
	{"vertrek met onbekende bestemming", CASE_OUTCOME_ORD_UNSUPERVISED},
	{"met onbekende bestemming", CASE_OUTCOME_ORD_UNSUPERVISED},
	{"onbekende bestemming", CASE_OUTCOME_ORD_UNSUPERVISED},
	{"mob", CASE_OUTCOME_ORD_UNSUPERVISED},
	{"m o b", CASE_OUTCOME_ORD_UNSUPERVISED},
	{"unsupervised", CASE_OUTCOME_ORD_UNSUPERVISED},
	{"unsupervised departure", CASE_OUTCOME_ORD_UNSUPERVISED},
	{"departure without supervision", CASE_OUTCOME_ORD_UNSUPERVISED},
	{"departure without supervision destination unknown", CASE_OUTCOME_ORD_UNSUPERVISED},
	{"without supervision", CASE_OUTCOME_ORD_UNSUPERVISED},
	{"destination unknown", CASE_OUTCOME_ORD_UNSUPERVISED},
	{"unknown destination", CASE_OUTCOME_ORD_UNSUPERVISED},
	/* residence_permit: verblijfsvergunning verleend */
	{"verblijfsvergunning", CASE_OUTCOME_ORD_RESIDENCE_PERMIT},
	{"verblijfsvergunning verleend", CASE_OUTCOME_ORD_RESIDENCE_PERMIT},
	{"residence permit", CASE_OUTCOME_ORD_RESIDENCE_PERMIT},
	{"residence permit granted", CASE_OUTCOME_ORD_RESIDENCE_PERMIT},
	/* other_member_state: overdracht aan andere lidstaat (Dublin) */
	{"andere lidstaat", CASE_OUTCOME_ORD_OTHER_MEMBER_STATE},
	{"overdracht aan andere lidstaat", CASE_OUTCOME_ORD_OTHER_MEMBER_STATE},
	{"overgedragen aan andere lidstaat", CASE_OUTCOME_ORD_OTHER_MEMBER_STATE},
	{"dublinoverdracht", CASE_OUTCOME_ORD_OTHER_MEMBER_STATE},
	{"dublin overdracht", CASE_OUTCOME_ORD_OTHER_MEMBER_STATE},
	{"other member state", CASE_OUTCOME_ORD_OTHER_MEMBER_STATE},
	{"another member state", CASE_OUTCOME_ORD_OTHER_MEMBER_STATE},
	{"transfer to another member state", CASE_OUTCOME_ORD_OTHER_MEMBER_STATE},
	{"transferred to another member state", CASE_OUTCOME_ORD_OTHER_MEMBER_STATE},
	{"moved on to another member state", CASE_OUTCOME_ORD_OTHER_MEMBER_STATE},
	{"dublin transfer", CASE_OUTCOME_ORD_OTHER_MEMBER_STATE},
	/* other: overig */
	{"overig", CASE_OUTCOME_ORD_OTHER},
	{"overige", CASE_OUTCOME_ORD_OTHER},
	{"anders", CASE_OUTCOME_ORD_OTHER},
	{"other", CASE_OUTCOME_ORD_OTHER},
};

/* Output labels, by ordinal. */
static const char *const case_outcome_labels_nl[CASE_OUTCOME_NUM] = {
	"zelfstandig vertrek", "gedwongen vertrek", "vertrek zonder toezicht",
	"verblijfsvergunning", "andere lidstaat", "overig"
};
static const char *const case_outcome_labels_en[CASE_OUTCOME_NUM] = {
	"independent", "forced", "unsupervised",
	"residence permit", "other member state", "other"
};

const LabelType case_outcome_type = {
	.typname = "case_outcome",
	.what = "a case outcome",
	.count = CASE_OUTCOME_NUM,
	.names = case_outcome_names,
	.num_names = sizeof(case_outcome_names) / sizeof(case_outcome_names[0]),
	.labels = {
		[LABEL_LANG_NL] = case_outcome_labels_nl,
		[LABEL_LANG_EN] = case_outcome_labels_en,
	},
};
