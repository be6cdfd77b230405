-- Publishing (sql/install/48-publish.sql): rounding, small counts hidden,
-- secondary suppression, the published sheets and report snapshots.  The
-- expected figures are worked out by hand in the comments before each.
SET migchain.language = 'en';
SELECT migchain.output_language();

-- round_count: to the nearest multiple of the base, halves up.  One case a
-- line: 0, under half, half, just under the next half, a half again.
SELECT c, migchain.round_count(c) AS tens, migchain.round_count(c, 5) AS fives,
       migchain.round_count(c, 1) AS ones
  FROM unnest(ARRAY[0, 1, 2, 3, 4, 5, 7, 8, 14, 15, 25, 1234]::int8[]) c;
-- bad arguments: an error naming the value; NULL (strict) gives NULL
SELECT migchain.round_count(-1);
SELECT migchain.round_count(10, 0);
SELECT migchain.round_count(10, -5);
SELECT migchain.round_count(9223372036854775800, 10);
SELECT migchain.round_count(NULL) IS NULL AS null_in_null_out;
SELECT migchain.check_publication(10, 5), migchain.check_publication(1, 0);
SELECT migchain.check_publication(0, 5);
SELECT migchain.check_publication(10, -1);
SELECT migchain.check_publication(NULL, 5);
SELECT migchain.check_publication(10, NULL);

-- suppress_block on hand-made blocks.  Masks per country: 1 negative,
-- 2 withdrawn, 4 not confirmed, 8 presented; the last for the totals and
-- sheet 1: 1 negative, 2 withdrawn, 4 not confirmed, 8 presented,
-- 16 positive, 32 pending.
-- Nothing small: nothing hidden.
SELECT migchain.suppress_block('{20,40}', '{30,20}', '{50,80}', 40, 0, 10, 5);
-- A small negative (2) beside a large withdrawn (30) in one row, and a row
-- that can give 10 negatives: the cheapest move trades 10 negatives for 10
-- withdrawn in both rows (cost 30 + 40 + 20), so both rows hide negative
-- and withdrawn; not confirmed and presented stay.
SELECT migchain.suppress_block('{2,40}', '{30,20}', '{50,80}', 38, 0, 10, 5);
-- The same with threshold 0 (nothing is small) and base 1 threshold 5.
SELECT migchain.suppress_block('{2,40}', '{30,20}', '{50,80}', 38, 0, 10, 0);
SELECT migchain.suppress_block('{2,40}', '{30,20}', '{50,80}', 38, 0, 1, 5);
-- One country with a small negative: its row is the totals, so everything
-- that is not 0 is hidden (withdrawn 0 stays, pending 0 stays).
SELECT migchain.suppress_block('{4}', '{0}', '{7}', 3, 0, 10, 5);
-- A small pending (3) with positive 33: the two trade, both hidden.
SELECT migchain.suppress_block('{12}', '{12}', '{60}', 33, 3, 10, 5);
-- Small positive (3) and pending (4): neither can give 10, so they grow
-- with the presented total and the smallest presented of a country (CC).
SELECT migchain.suppress_block('{30,30,20}', '{40,20,20}', '{80,60,40}', 3, 4, 10, 5);
-- An empty block.
SELECT migchain.suppress_block('{}', '{}', '{}', 0, 0, 10, 5);
-- bad blocks
SELECT migchain.suppress_block('{1,2}', '{1}', '{5,5}', 0, 0, 10, 5);
SELECT migchain.suppress_block('{1,NULL}', '{1,1}', '{5,5}', 0, 0, 10, 5);
SELECT migchain.suppress_block('{-1}', '{1}', '{5}', 0, 0, 10, 5);
SELECT migchain.suppress_block('{3}', '{3}', '{5}', 0, 0, 10, 5);
SELECT migchain.suppress_block('{3}', '{1}', '{5}', -1, 0, 10, 5);
SELECT migchain.suppress_block('{{3}}', '{1}', '{5}', 0, 0, 10, 5);
SELECT migchain.suppress_block('{1000000000000001}', '{0}', '{1000000000000001}', 0, 0, 10, 5);
SELECT migchain.suppress_block(array_fill(1::int8, ARRAY[1001]), array_fill(0::int8, ARRAY[1001]),
                               array_fill(5::int8, ARRAY[1001]), 0, 0, 10, 5);
-- 1000 countries, every one with a small count: hidden in moves, quickly
SELECT array_length(migchain.suppress_block(
         array_agg(CASE WHEN i % 2 = 0 THEN 1 ELSE 10 END::int8), array_agg(CASE WHEN i % 2 = 0 THEN 0 ELSE 10 END::int8),
         array_agg(20::int8), 0, 1000, 10, 5), 1) AS masks
  FROM generate_series(1, 1000) i;

-- A hand-made set of requests:
--   2020 LP  MA: 18 positive, 2 negative, 30 withdrawn (presented 50)
--            DZ: 20 positive, 40 negative, 20 withdrawn (presented 80)
--   2020 T&O AL: 12 positive
--   2021 LP  MA: 33 positive, 12 negative, 12 withdrawn, 3 pending (60)
--   2021 LP  SO: no process (a route without one), no requests
--   2022 LP  MA: 3 positive, 4 negative (7)
TRUNCATE migchain.request, migchain.country_route, migchain.load_batch RESTART IDENTITY;
INSERT INTO migchain.country_route (country, kind, valid_from, has_process)
VALUES ('SO', 'LP', '2021-01-01', false);
INSERT INTO migchain.request (kind, answer, country, presented_on, answered_on, person_id)
SELECT v.kind::migchain.request_kind, v.answer::migchain.answer, v.country::migchain.country,
       make_date(v.year, 3, 1),
       CASE WHEN v.answer <> 'pending' THEN make_date(v.year, 6, 1) END,
       row_number() OVER ()
  FROM (VALUES ('LP', 'MA', 2020, 'positive', 18), ('LP', 'MA', 2020, 'negative', 2),
               ('LP', 'MA', 2020, 'withdrawn', 30),
               ('LP', 'DZ', 2020, 'positive', 20), ('LP', 'DZ', 2020, 'negative', 40),
               ('LP', 'DZ', 2020, 'withdrawn', 20),
               ('T&O', 'AL', 2020, 'positive', 12),
               ('LP', 'MA', 2021, 'positive', 33), ('LP', 'MA', 2021, 'negative', 12),
               ('LP', 'MA', 2021, 'withdrawn', 12), ('LP', 'MA', 2021, 'pending', 3),
               ('LP', 'MA', 2022, 'positive', 3), ('LP', 'MA', 2022, 'negative', 4))
       AS v(kind, country, year, answer, n)
 CROSS JOIN LATERAL generate_series(1, v.n);

-- Sheet 1.  2020 LP: presented 130, positive 38 -> 40, negative 42 -> 40,
-- withdrawn 50, pending 0 (exact).  2020 T&O: presented and positive 12 ->
-- 10, the rest 0.  2021 LP: presented 60, negative and withdrawn 12 -> 10,
-- pending 3 hidden and with it positive 33.  2021 T&O: nothing, all 0.
-- 2022 LP: negative 4 is the block's only country and total: all that is
-- not 0 hidden.  2022 T&O: 0.
SELECT * FROM migchain.published_overview(2020, 2022);
-- Sheets 2 and 3, with the total rows.  2020 LP: the rows hide negative and
-- withdrawn (the block above), not confirmed 60 and 32 -> 30, presented 80
-- and 50; totals 40, 50, 90, 130.  2021 LP: SO no process.
SELECT * FROM migchain.published_not_confirmed(NULL, 2020, 2022);
SELECT * FROM migchain.published_not_confirmed('LP', 2020, 2020);
-- The same cells, exact (base 1, threshold 0): the counts as counted.
SELECT * FROM migchain.published_not_confirmed('LP', 2020, 2020, 1, 0);
-- Base 5: the same cells hidden, figures in fives: 38 -> 40, 42 -> 40,
-- 32 -> 30, 12 -> 10.
SELECT * FROM migchain.published_overview(2020, 2020, 5, 5);
-- A year's cells are the same in every period that includes it.
SELECT count(*) AS differ
  FROM (SELECT * FROM migchain.published_cells(2020, 2020)
        EXCEPT ALL
        SELECT * FROM migchain.published_cells(2019, 2022) WHERE year = 2020) d;
-- The long form: every cell, in order, names in the setting's language.
SET migchain.language = 'nl';
SELECT * FROM migchain.published_cells(2020, 2020) WHERE sheet = 3;
SET migchain.language = 'en';
SELECT migchain.output_language();
-- Open ends: the years with requests.
SELECT min(year), max(year), count(*) FROM migchain.published_cells();
-- No request in the period: zeros, every cell exact.
SELECT year, kind, presented, presented_flag FROM migchain.published_overview(2030, 2030);
-- BI views: the whole history with the defaults.
SELECT count(*) = (SELECT count(*) FROM migchain.published_overview()) AS same
  FROM migchain_bi.published_overview_by_year;
SELECT * FROM migchain_bi.published_not_confirmed_by_country WHERE year = 2022;
-- bad arguments
SELECT * FROM migchain.published_cells(2022, 2020);
SELECT * FROM migchain.published_cells(2020, 2022, 0);
SELECT * FROM migchain.published_cells(2020, 2022, 10, -2);
SELECT * FROM migchain.published_overview(1800, 2020);

-- The note, in both languages and for each kind of rules.
SELECT migchain.publication_note();
SELECT migchain.publication_note(5, 5, 'nl');
SELECT migchain.publication_note(10, 0);
SELECT migchain.publication_note(1, 5);
SELECT migchain.publication_note(10, 2), migchain.publication_note(10, 2, 'nl');
SELECT migchain.publication_note(1, 0, 'nl');
SELECT migchain.publication_note(10, 5, 'fr');

-- Snapshots.  Frozen in a transaction, to compare its time with now().
BEGIN;
SELECT migchain.freeze_report(2020, 2022, label => 'hand-made') AS id \gset
SELECT snapshot_id, label, from_year, to_year, base, threshold,
       extension_version = (SELECT extversion FROM pg_extension WHERE extname = 'migchain') AS version_ok,
       frozen_by = session_user AS by_me, frozen_at = now() AS now,
       note_en = migchain.publication_note(10, 5, 'en') AS note_ok
  FROM migchain.report_snapshot;
COMMIT;
-- sheet 1 reads all 209 requests of the period, sheet 2 the 12 T&O, sheet 3
-- the 197 LP (130 in 2020, 60 in 2021, 7 in 2022)
SELECT sheet, row_count FROM migchain.report_snapshot_sheet ORDER BY sheet;
-- the snapshot's cells are the published ones, the raw ones the counts
SELECT count(*) AS differ
  FROM (SELECT * FROM migchain.report_snapshot_cells(:id)
        EXCEPT ALL SELECT * FROM migchain.published_cells(2020, 2022)) d;
SELECT count(*) AS differ
  FROM (SELECT * FROM migchain.report_snapshot_cells(:id, true)
        EXCEPT ALL SELECT * FROM migchain.published_cells(2020, 2022, 1, 0)) d;
SELECT migchain.report_snapshot_note(:id) = migchain.publication_note() AS note_ok;
-- today's data still gives it
SELECT * FROM migchain.report_snapshot_check(:id);
-- A correction that changes no figure (a person number) changes the input
-- of sheets 1 and 3, no cell.  Then 10 of MA's 2020 LP withdrawn become
-- negative: MA has 12 negative and 20 withdrawn, nothing in the 2020 LP
-- block is small any more and nothing is hidden.  Sheet 1 differs in 2
-- cells (negative 40 -> 50, withdrawn 50 -> 40), sheet 3 in 6 (those two
-- totals, and the four cells that were hidden: DZ 40 and 20, MA 10 and 20).
UPDATE migchain.request SET person_id = person_id + 1000
 WHERE request_id = (SELECT min(request_id) FROM migchain.request WHERE kind = 'LP');
SELECT * FROM migchain.report_snapshot_check(:id);
-- A route of the period is input too: SO getting an LP process from 2022
-- changes sheet 3's input and its 4 cells of SO in 2022 (no longer "no
-- process": SO has no request, so it is left out); put back, it matches.
BEGIN;
UPDATE migchain.country_route SET valid_to = '2022-01-01' WHERE country = 'SO';
SELECT sheet, input_matches, cells_changed FROM migchain.report_snapshot_check(:id) WHERE sheet = 3;
ROLLBACK;
UPDATE migchain.request SET answer = 'negative'
 WHERE request_id IN (SELECT request_id FROM migchain.request
                       WHERE kind = 'LP' AND country = 'MA' AND answer = 'withdrawn'
                         AND presented_on < '2021-01-01' ORDER BY request_id LIMIT 10);
SELECT * FROM migchain.report_snapshot_check(:id);
-- the snapshot still reads as it was frozen
SELECT year, kind, negative, negative_flag, withdrawn, withdrawn_flag
  FROM migchain.published_overview(2020, 2020);
SELECT year, kind, measure, value, flag FROM migchain.report_snapshot_cells(:id)
 WHERE sheet = 1 AND year = 2020 AND kind = 'LP';
-- frozen: no change, even by the owner; the owner may delete
UPDATE migchain.report_snapshot SET label = 'changed';
UPDATE migchain.report_snapshot_cell SET value = 0 WHERE snapshot_id = :id;
-- bad arguments
SELECT migchain.freeze_report(NULL, 2022);
SELECT migchain.freeze_report(2020, NULL);
SELECT migchain.freeze_report(2022, 2020);
SELECT migchain.freeze_report(2020, 2022, 0);
SELECT * FROM migchain.report_snapshot_cells(999);
SELECT * FROM migchain.report_snapshot_cells(:id, NULL);
SELECT * FROM migchain.report_snapshot_check(999);
-- An analyst (SET ROLE here; test/t/061_report.pl logs in as one) freezes
-- and reads what was published, never the unrounded counts, and changes
-- or deletes no snapshot.
CREATE ROLE publish_analyst;
SELECT migchain.grant_analyst('publish_analyst');
SET ROLE publish_analyst;
SELECT migchain.freeze_report(2021, 2021, label => 'by an analyst') AS analyst_id \gset
SELECT frozen_by = session_user AS login_recorded, label FROM migchain.report_snapshot
 WHERE snapshot_id = :analyst_id;
SELECT count(*) FROM migchain.report_snapshot_cells(:id);
SELECT count(*) FROM migchain.report_snapshot_cells(:id, true);
SELECT count FROM migchain.report_snapshot_cell LIMIT 1;
SELECT count(*) FROM migchain.report_snapshot_view;
SELECT sheet, input_matches FROM migchain.report_snapshot_check(:id);
DELETE FROM migchain.report_snapshot WHERE snapshot_id = :id;
DELETE FROM migchain.report_snapshot_cell WHERE snapshot_id = :id;
UPDATE migchain.report_snapshot SET label = 'mine' WHERE snapshot_id = :analyst_id;
INSERT INTO migchain.report_snapshot_cell (snapshot_id, ordinal, sheet, year, kind, measure, value)
VALUES (:id, 9999, 1, 2020, 'LP', 'presented', 1);
RESET ROLE;
SELECT migchain.revoke_access('publish_analyst');
DROP ROLE publish_analyst;

-- The tables' own rules, broken by the owner writing directly.
INSERT INTO migchain.report_snapshot (snapshot_id, from_year, to_year, base, threshold,
    extension_version, frozen_at, frozen_by, fingerprint, note_nl, note_en)
VALUES (50, 2022, 2020, 10, 5, '0.2.0', '2026-01-01 00:00+00', 'me', '', '', '');
INSERT INTO migchain.report_snapshot (snapshot_id, from_year, to_year, base, threshold,
    extension_version, frozen_at, frozen_by, fingerprint, note_nl, note_en)
VALUES (50, 2020, 2022, 10, 5, '0.2.0', '2026-01-01 00:00+00', 'me', '', '', '');
INSERT INTO migchain.report_snapshot (snapshot_id, from_year, to_year, base, threshold,
    extension_version, frozen_at, frozen_by, fingerprint, note_nl, note_en)
VALUES (50, 2020, 2022, 10, 5, '0.2.0', '2026-01-01 00:00+00', 'me', '', '', '');
INSERT INTO migchain.report_snapshot_sheet VALUES (50, 4, 0, 0);
INSERT INTO migchain.report_snapshot_sheet VALUES (50, 1, 0, 0), (50, 1, 0, 0);
INSERT INTO migchain.report_snapshot_cell (snapshot_id, ordinal, sheet, year, kind, measure)
VALUES (50, 1, 1, 2020, 'LP', 'presented'), (50, 1, 1, 2020, 'LP', 'positive');
INSERT INTO migchain.report_snapshot_view VALUES (50, 'cooperation', '[]'), (50, 'cooperation', '[]');
-- deleting or truncating snapshots takes their sheets, cells and views
INSERT INTO migchain.report_snapshot_sheet VALUES (50, 2, 0, 0);
INSERT INTO migchain.report_snapshot_cell (snapshot_id, ordinal, sheet, year, kind, measure)
VALUES (50, 2, 1, 2020, 'LP', 'positive');
INSERT INTO migchain.report_snapshot_view VALUES (50, 'departures', '[]');
SELECT (SELECT count(*) FROM migchain.report_snapshot_sheet WHERE snapshot_id = 50) AS sheets,
       (SELECT count(*) FROM migchain.report_snapshot_cell WHERE snapshot_id = 50) AS cells,
       (SELECT count(*) FROM migchain.report_snapshot_view WHERE snapshot_id = 50) AS views;
DELETE FROM migchain.report_snapshot WHERE snapshot_id = 50;
SELECT (SELECT count(*) FROM migchain.report_snapshot_sheet WHERE snapshot_id = 50) AS sheets,
       (SELECT count(*) FROM migchain.report_snapshot_cell WHERE snapshot_id = 50) AS cells,
       (SELECT count(*) FROM migchain.report_snapshot_view WHERE snapshot_id = 50) AS views;
SELECT (SELECT count(*) FROM migchain.report_snapshot_cell) > 0 AS analysts_snapshot_has_cells;
TRUNCATE migchain.report_snapshot;
SELECT (SELECT count(*) FROM migchain.report_snapshot_cell) AS cells,
       (SELECT count(*) FROM migchain.report_snapshot_sheet) AS sheets,
       (SELECT count(*) FROM migchain.report_snapshot_view) AS views;
SELECT (SELECT count(*) FROM migchain.report_snapshot_cell) AS cells,
       (SELECT count(*) FROM migchain.report_snapshot_sheet) AS sheets,
       (SELECT count(*) FROM migchain.report_snapshot_view) AS views;
TRUNCATE migchain.request, migchain.country_route, migchain.load_batch RESTART IDENTITY;
