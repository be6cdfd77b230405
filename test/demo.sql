-- The migchain tour, run by make demo in a throwaway cluster.
\pset footer off
\echo
\echo '== migchain: return and readmission analytics for the migration chain =='
CREATE EXTENSION migchain;
SELECT extname AS extension, extversion AS version, migchain.version() AS library
  FROM pg_extension WHERE extname = 'migchain';

\echo
\echo 'Demo data: migchain.generate_demo(seed => 1, scale => 1), the years 2017 to 2022.'
SELECT migchain.generate_demo(1, 1) AS requests_generated;
SET migchain.language = 'nl';

\echo
\echo '== Sheet 1: LP and T&O requests per year presented, with the answers so far (2018-2022) =='
SELECT year AS jaar, kind AS soort, presented AS "bekend gesteld", positive AS positief,
       negative AS negatief, withdrawn AS ingetrokken, pending AS "nog geen antwoord"
  FROM migchain.overview(2018, 2022) ORDER BY kind, year;

-- Sheets 2 and 3: not confirmed per country of origin and year, for a kind.
CREATE FUNCTION pg_temp.sheet(kind migchain.request_kind)
RETURNS TABLE (land text, naam text, proces text, "2018" numeric, "2019" numeric,
               "2020" numeric, "2021" numeric, "2022" numeric, totaal numeric)
LANGUAGE sql STABLE AS $$
SELECT country_code, country_name,
       CASE WHEN bool_and(has_process = false) THEN 'geen proces' END,
       sum(not_confirmed) FILTER (WHERE year = 2018),
       sum(not_confirmed) FILTER (WHERE year = 2019),
       sum(not_confirmed) FILTER (WHERE year = 2020),
       sum(not_confirmed) FILTER (WHERE year = 2021),
       sum(not_confirmed) FILTER (WHERE year = 2022),
       sum(not_confirmed)
  FROM migchain.not_confirmed_by_country(kind, 2018, 2022)
 GROUP BY 1, 2 ORDER BY 9 DESC NULLS LAST, 1
$$;

\echo
\echo '== Sheet 2: T&O not confirmed (negative + withdrawn) per country of origin, 2018-2022 =='
SELECT * FROM pg_temp.sheet('T&O');

\echo
\echo '== Sheet 3: LP not confirmed (negative + withdrawn) per country of origin, 2018-2022 =='
\echo '   (a country without an LP process shows "geen proces", never 0)'
SELECT * FROM pg_temp.sheet('LP');

\echo
\echo '== Requests and distinct persons (a person may be presented to several countries) =='
SELECT year AS jaar, kind AS soort, presented AS verzoeken, persons AS personen,
       persons_several_countries AS "personen, meer landen"
  FROM migchain.persons(2018, 2022) ORDER BY kind, year;

\echo
\echo '== Cooperation on readmission, T&O 2022, as of 31 March 2023 (deadlines from the arrangements) =='
SELECT country_name AS land, presented AS "bekend gesteld", answered AS beantwoord,
       acceptance_rate AS aanvaardingsgraad, median_days AS "mediaan dagen",
       p90_days AS "p90 dagen", with_deadline AS "met termijn", answered_late AS "te laat",
       open_past_deadline AS "open na termijn", accepted_tacitly AS "stilzwijgend aanvaard",
       open_over_12_months AS "open > 12 mnd"
  FROM migchain.cooperation(2022, 2022, '2023-03-31')
 WHERE kind = 'T&O' AND presented >= 20 ORDER BY presented DESC;

\echo
\echo '== Where return is blocked: open return cases per country and the five conditions (stoplichten), 31 March 2023 =='
\echo '   (the eight countries with the most open cases; returnable = all five green)'
SELECT country_name AS land, open_cases AS "open zaken", returnable AS uitzetbaar,
       red_removable AS "niet verwijderbaar", red_country_cooperates AS "land werkt niet mee",
       red_identity_established AS "identiteit niet vast", red_available AS "niet beschikbaar",
       red_person_cooperates AS "werkt niet mee", open_cases - observed AS "nooit beoordeeld"
  FROM migchain.conditions_as_of('2023-03-31') ORDER BY open_cases DESC, country_code LIMIT 8;

\echo
\echo '== Ready to be returned, month by month (Georgia and Morocco, October 2022 to March 2023) =='
SELECT month_end AS maandeinde, country_name AS land, open_cases AS "open zaken",
       returnable AS uitzetbaar
  FROM migchain.returnable_by_month('2022-10-01', '2023-03-31')
 WHERE country_code IN ('GE', 'MA') ORDER BY country_code, month_end;

\echo
\echo '== Departures per year (the published figures: independent, forced, without supervision) =='
SELECT year AS jaar, independent AS "zelfstandig (aantoonbaar)", forced AS gedwongen,
       demonstrable AS "aantoonbaar vertrek", unsupervised AS "vertrek zonder toezicht",
       residence_permit AS verblijfsvergunning, other_member_state AS "andere lidstaat"
  FROM migchain_bi.departures_by_year WHERE year BETWEEN 2017 AND 2022 ORDER BY year;

\echo
\echo '== Exits from immigration detention per year (2018: about 790 left without supervision, about 440 after a balancing of interests) =='
SELECT year AS jaar, exits AS uitstroom, departed AS "vertrokken uit bewaring", lifted AS opgeheven,
       lifted_balancing AS "na belangenafweging", lifted_court AS "door de rechter",
       left_unsupervised AS "zonder toezicht vertrokken",
       left_unsupervised_after_balancing AS "waarvan na belangenafweging"
  FROM migchain_bi.detention_exits_by_year WHERE year BETWEEN 2017 AND 2022 ORDER BY year;

\echo
\echo '== Where the requests came from: the load batches =='
SELECT batch_id AS batch, system AS systeem, file AS bestand, loaded_by AS "geladen door",
       row_count AS rijen, ended_at IS NOT NULL AS afgesloten
  FROM migchain.load_batch ORDER BY batch_id;

\echo
\echo '== The overviews answer from counters kept exact with every change (differences from a fresh count: none) =='
SELECT count(*) AS verschillen FROM migchain.verify_request_rollup();

\echo
\echo 'The same figures for BI tools, in plain SQL types:'
\dv migchain_bi.*

\echo
\echo '== Publishing: sheet 1 as published (rounded to tens, counts under 5 and what would reveal them hidden: x) =='
SELECT year AS jaar, kind AS soort,
       coalesce(presented::text, 'x') AS "bekend gesteld", coalesce(positive::text, 'x') AS positief,
       coalesce(negative::text, 'x') AS negatief, coalesce(withdrawn::text, 'x') AS ingetrokken,
       coalesce(pending::text, 'x') AS "nog geen antwoord"
  FROM migchain.published_overview(2018, 2022) ORDER BY kind, year;
SELECT migchain.publication_note() AS toelichting;

\echo
\echo '== A frozen report snapshot of 2018-2022, and whether today''s data still gives it =='
SELECT migchain.freeze_report(2018, 2022, label => 'demo: persvraag terugname') AS momentopname;
SELECT sheet AS blad, kind AS soort, rows_now AS rijen, input_matches AS "invoer gelijk",
       cells_changed AS "cellen gewijzigd"
  FROM migchain.report_snapshot_check(1);
