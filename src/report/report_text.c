/*
 * report_text.c
 *		migchain-report: the words of the workbook in Dutch and English, the
 *		definitions (from the source text, in both languages), and the lines
 *		of the header block every sheet carries.
 */
#include <stdlib.h>

#include "report.h"

/* The kinds and measures as published_cells() names them. */
const char *const report_kind_name[REPORT_NUM_KINDS] = {"LP", "T&O"};
const char *const report_overview_measure[REPORT_NUM_OVERVIEW_MEASURES] = {
	"presented", "positive", "negative", "withdrawn", "pending"
};
const char *const report_country_measure[REPORT_NUM_COUNTRY_MEASURES] = {
	"negative", "withdrawn", "not_confirmed", "presented"
};

static const ReportText text_nl = {
	.sheet_name = {"Overzicht", "T&O per land", "LP per land", "Definities"},
	.sheet_title = {
		"LP-aanvragen en T&O-verzoeken per jaar: bekend gesteld en beantwoord",
		"T&O niet bevestigd (negatief en ingetrokken) per land van herkomst",
		"LP niet bevestigd (negatief en ingetrokken) per land van herkomst",
		"Definities / Definitions"
	},
	.period = "Periode: %d t/m %d (jaar van bekend stelling)",
	.source_live = "Bron: actuele gegevens (live), opgevraagd op %s",
	.source_snapshot = "Bron: momentopname %d%s, bevroren op %s door %s",
	.source_label = " (\"%s\")",
	.control = "Openbaarmaking: afgerond op veelvouden van %d, drempel %d",
	.control_raw = "Geen openbaarmakingscontrole: ongeafronde aantallen",
	.raw_note = "Ongeafronde aantallen, alleen voor intern gebruik: niet publiceren.",
	.no_process_note = "geen proces: het land had dat jaar geen proces voor dit soort verzoek (zie Definities).",
	.year = "Jaar",
	.country_code = "Landcode",
	.country = "Land van herkomst",
	.total = "Totaal",
	.kind_group = {"LP (laissez-passer)", "T&O (terugname en overname)"},
	.overview_measure = {
		"Bekend gesteld", "Positief antwoord", "Negatief antwoord",
		"Ingetrokken (geen antwoord verkregen)", "Nog geen antwoord"
	},
	.country_measure = {
		"Negatief antwoord", "Ingetrokken (geen antwoord verkregen)",
		"Niet bevestigd (negatief + ingetrokken)", "Bekend gesteld"
	},
	.no_process = "geen proces",
	.chart_title = "Bekend gesteld per jaar",
	.chart_x_axis = "Jaar",
	.chart_y_axis = "Bekend gesteld",
	.subject = "Beantwoording persvraag terugname: LP en T&O",
};

static const ReportText text_en = {
	.sheet_name = {"Overview", "T&O by country", "LP by country", "Definitions"},
	.sheet_title = {
		"LP and T&O requests per year: presented and answered",
		"T&O not confirmed (negative and withdrawn) by country of origin",
		"LP not confirmed (negative and withdrawn) by country of origin",
		"Definities / Definitions"
	},
	.period = "Period: %d to %d (year presented)",
	.source_live = "Source: live data, read at %s",
	.source_snapshot = "Source: snapshot %d%s, frozen at %s by %s",
	.source_label = " (\"%s\")",
	.control = "Disclosure control: rounded to multiples of %d, threshold %d",
	.control_raw = "No disclosure control: unrounded counts",
	.raw_note = "Unrounded counts, for internal use only: do not publish.",
	.no_process_note = "no process: the country had no process for this kind of request that year (see Definitions).",
	.year = "Year",
	.country_code = "Country code",
	.country = "Country of origin",
	.total = "Total",
	.kind_group = {"LP (laissez-passer)", "T&O (readmission)"},
	.overview_measure = {
		"Presented", "Positive answer", "Negative answer",
		"Withdrawn (no answer obtained)", "No answer yet"
	},
	.country_measure = {
		"Negative answer", "Withdrawn (no answer obtained)",
		"Not confirmed (negative + withdrawn)", "Presented"
	},
	.no_process = "no process",
	.chart_title = "Presented per year",
	.chart_x_axis = "Year",
	.chart_y_axis = "Presented",
	.subject = "Press answer on readmission: LP and T&O",
};

/* The texts of a language. */
const ReportText *
report_text(ReportLanguage lang)
{
	return lang == REPORT_LANG_EN ? &text_en : &text_nl;
}

/* The header row of the definitions sheet. */
const char *const report_definitions_header[4] = {
	"Begrip", "Definitie (Nederlands)", "Term", "Definition (English)"
};

/*
 * The definitions of the source text (the press answer on readmission), in
 * its Dutch and in English.
 */
const ReportDefinition report_definitions[] = {
	{
		"Laissez-passer (LP)",
		"Document waarmee een vreemdeling van zijn autoriteiten toestemming krijgt om zijn "
		"eigen land binnen te treden. Het dient als een tijdelijke vervanging van een paspoort "
		"en is alleen bestemd voor het binnenreizen van zijn eigen land. Als een vreemdeling "
		"geen paspoort heeft, dan kan hij een laissez-passer aanvragen bij zijn ambassade in "
		"Nederland. (Bron: gegevenswoordenboeken voor de Vreemdelingenketen, GVK)",
		"Laissez-passer (LP)",
		"A document by which a foreign national receives permission from his authorities to "
		"enter his own country. It serves as a temporary replacement of a passport and is only "
		"meant for entering his own country. A foreign national without a passport can apply "
		"for a laissez-passer at his embassy in the Netherlands. (Source: the data dictionaries "
		"of the immigration chain, GVK)"
	},
	{
		"Terugname & Overname (T&O)",
		"Terugname & Overname overeenkomsten: soortaanduiding van internationale overeenkomsten "
		"tussen landen die tot doel hebben de terugname van wederzijdse eigen onderdanen en de "
		"overname van onderdanen uit derde landen en staatlozen te vergemakkelijken en daarvoor "
		"onder andere procedures en termijnen vaststellen. (Bron: gegevenswoordenboeken voor de "
		"Vreemdelingenketen, GVK)",
		"Readmission (T&O)",
		"Readmission agreements (terugname en overname): the kind of international agreements "
		"between countries that aim to make it easier to take back each other's own nationals "
		"and to take over nationals of third countries and stateless persons, and that set, "
		"among other things, procedures and time limits for it. (Source: the data dictionaries "
		"of the immigration chain, GVK)"
	},
	{
		"Bekend stelling (bekend gesteld)",
		"De LP of T&O is bekend gesteld bij het land van herkomst door de Nederlandse "
		"autoriteiten.",
		"Presented",
		"The LP or T&O request has been presented to the country of origin by the Dutch "
		"authorities."
	},
	{
		"Positief antwoord",
		"Betekent dat de autoriteiten de nationaliteit hebben bevestigd. Of er vervolgens een "
		"reisdocument (laissez-passer) wordt verstrekt of een T&O-overeenkomst wordt afgesloten, "
		"is afhankelijk van meerdere factoren. Bijvoorbeeld: is de persoon nog in beeld? Lopen "
		"er nog procedures?",
		"Positive answer",
		"Means that the authorities have confirmed the nationality. Whether a travel document "
		"(laissez-passer) is then issued or a T&O agreement concluded depends on several "
		"factors. For example: is the person still in view? Are procedures still running?"
	},
	{
		"Negatief antwoord & Ingetrokken (geen antwoord verkregen)",
		"Betekent dat de nationaliteit niet bevestigd is, of er zijn onvoldoende "
		"aanknopingspunten voor de autoriteiten om de nationaliteit vast te kunnen stellen. "
		"Vaak komt dat omdat vreemdelingen zelf onvoldoende informatie verstrekken om hun "
		"identiteit – en daarmee nationaliteit – vast te kunnen stellen. "
		"Dat geldt ook voor de categorie ‘geen antwoord verkregen’.",
		"Negative answer & Withdrawn (no answer obtained)",
		"Means that the nationality has not been confirmed, or that the authorities have too "
		"little to go on to establish the nationality. This is often because foreign nationals "
		"themselves provide too little information to establish their identity – "
		"and with it their nationality. The same applies to the category ‘no answer "
		"obtained’."
	},
	{
		"Niet bevestigd",
		"Negatief antwoord + ingetrokken (geen antwoord verkregen): de aantallen op de bladen "
		"per land van herkomst. ‘Weigering’ is geen categorie.",
		"Not confirmed",
		"Negative answer + withdrawn (no answer obtained): the figures on the sheets by country "
		"of origin. ‘Refusal’ is not a category."
	},
	{
		"Nog geen antwoord",
		"Bekend gesteld, maar (nog) zonder antwoord van het land van herkomst.",
		"No answer yet",
		"Presented, but without an answer from the country of origin (yet)."
	},
	{
		"Somalië: geen proces",
		"NB: Voor Somalië bestaat er geen proces ter verkrijging van vervangende "
		"reisdocumenten. Somaliërs zelf kunnen wel zelfstandig terugkeren naar "
		"Somalië en daartoe de benodigde reisdocumenten verkrijgen. Een land zonder "
		"proces staat in de bladen als ‘geen proces’, nooit als 0.",
		"Somalia: no process",
		"NB: For Somalia there is no process for obtaining replacement travel documents. "
		"Somalis themselves can return to Somalia independently and obtain the travel "
		"documents needed for it. A country without a process shows as ‘no "
		"process’ on the sheets, never as 0."
	},
	{
		"x",
		"Niet getoond: zie de noot onder elk blad.",
		"x",
		"Not shown: see the note under each sheet."
	},
};
const int	report_num_definitions = sizeof(report_definitions) / sizeof(report_definitions[0]);

/* The period line of the header block; allocated. */
char *
report_period_line(const Report *report)
{
	return report_printf(report_text(report->lang)->period,
						 report->from_year, report->to_year);
}

/* The source line of the header block: live at a time, or a snapshot. */
char *
report_source_line(const Report *report)
{
	const ReportText *t = report_text(report->lang);
	char	   *label;
	char	   *line;

	if (report->snapshot_id == 0)
		return report_printf(t->source_live, report->source_time);
	label = report->snapshot_label != NULL ?
		report_printf(t->source_label, report->snapshot_label) : report_strdup("");
	line = report_printf(t->source_snapshot, report->snapshot_id, label,
						 report->source_time, report->user);
	free(label);
	return line;
}

/* The line of the header block on disclosure control. */
char *
report_control_line(const Report *report)
{
	const ReportText *t = report_text(report->lang);

	if (report->raw)
		return report_strdup(t->control_raw);
	return report_printf(t->control, report->base, report->threshold);
}

/* The note under every data sheet: the publication note, or the raw line. */
const char *
report_note_text(const Report *report)
{
	if (report->raw || report->note == NULL)
		return report_text(report->lang)->raw_note;
	return report->note;
}
