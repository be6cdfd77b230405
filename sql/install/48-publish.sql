-- Publishing: the figures of the press answer made safe to publish
-- (rounding, suppression of small counts and of what would reveal them) and
-- frozen report snapshots, so that a published figure can be shown again
-- later as it was.  See docs/publishing.md.

-- ---- The rules ----

CREATE FUNCTION @extschema@.round_count(count pg_catalog.int8, base pg_catalog.int4 DEFAULT 10)
	RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'round_count'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.round_count(pg_catalog.int8, pg_catalog.int4) IS
	'a count rounded to the nearest multiple of base (10: tens, the default; 5: fives), halves up';

CREATE FUNCTION @extschema@.check_publication(base pg_catalog.int4, threshold pg_catalog.int4)
	RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'check_publication'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	-- not strict: NULL is an error, not a silent NULL
COMMENT ON FUNCTION @extschema@.check_publication(pg_catalog.int4, pg_catalog.int4) IS
	'true for a valid rounding base (1 or more) and suppression threshold (0 or more); an error otherwise';

CREATE FUNCTION @extschema@.suppress_block(negative pg_catalog.int8[], withdrawn pg_catalog.int8[],
										   presented pg_catalog.int8[], positive pg_catalog.int8,
										   pending pg_catalog.int8, base pg_catalog.int4,
										   threshold pg_catalog.int4)
	RETURNS pg_catalog.int4[]
	AS 'MODULE_PATHNAME', 'suppress_block_masks'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.suppress_block(pg_catalog.int8[], pg_catalog.int8[], pg_catalog.int8[], pg_catalog.int8, pg_catalog.int8, pg_catalog.int4, pg_catalog.int4) IS
	'the cells to hide in one year and kind of the workbook, from the counts per country and the first sheet''s positive and pending: a mask per country (1 negative, 2 withdrawn, 4 not confirmed, 8 presented) and one for the totals (1 negative, 2 withdrawn, 4 not confirmed, 8 presented, 16 positive, 32 pending)';

-- The language of migchain.language, for SQL that picks a text by it.
CREATE FUNCTION @extschema@.output_language() RETURNS pg_catalog.text
	AS 'MODULE_PATHNAME', 'output_language'
	LANGUAGE C STABLE PARALLEL SAFE;	-- STABLE: follows migchain.language
COMMENT ON FUNCTION @extschema@.output_language() IS
	'the language of text output, nl or en, as the setting migchain.language gives it; an error for a setting that is not a language';

-- The note that travels with every published sheet, in the language of
-- migchain.language (or the one given).
CREATE FUNCTION @extschema@.publication_note(base pg_catalog.int4 DEFAULT 10,
											 threshold pg_catalog.int4 DEFAULT 5,
											 lang pg_catalog.text DEFAULT NULL)
	RETURNS pg_catalog.text
	LANGUAGE plpgsql STABLE PARALLEL SAFE	-- not strict: a NULL base is an error; STABLE: follows migchain.language
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	l text := coalesce(lang, @extschema@.output_language());
	rounded bool;
	hidden bool;
BEGIN
	PERFORM @extschema@.check_publication(base, threshold);
	IF l NOT IN ('nl', 'en') THEN
		RAISE EXCEPTION 'invalid language for the publication note: "%"', l
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Valid languages are nl (Dutch) and en (English).';
	END IF;
	rounded := base > 1;
	hidden := threshold > 1;
	IF NOT rounded AND NOT hidden THEN
		RETURN CASE l
			WHEN 'nl' THEN 'Exacte aantallen, niet afgerond en niets verborgen: alleen voor intern gebruik, niet voor publicatie.'
			ELSE 'Exact figures, not rounded and nothing hidden: for internal use only, not for publication.'
		END;
	END IF;
	IF l = 'nl' THEN
		RETURN concat_ws(' ',
			CASE WHEN rounded THEN format('Aantallen zijn afgerond op veelvouden van %s.', base) END,
			CASE WHEN hidden THEN format('%s worden niet getoond (x), evenals andere aantallen waaruit een niet getoond aantal zou zijn af te leiden.',
				CASE WHEN threshold = 2 THEN 'Aantallen van 1' ELSE format('Aantallen van 1 tot en met %s', threshold - 1) END) END,
			CASE WHEN rounded THEN 'Totalen zijn berekend uit de niet-afgeronde aantallen; afgeronde aantallen tellen daardoor niet altijd op tot het totaal.' END);
	END IF;
	RETURN concat_ws(' ',
		CASE WHEN rounded THEN format('Figures are rounded to multiples of %s.', base) END,
		CASE WHEN hidden THEN format('%s not shown (x), nor are other figures from which a count not shown could be derived.',
			CASE WHEN threshold = 2 THEN 'Counts of 1 are' ELSE format('Counts from 1 to %s are', threshold - 1) END) END,
		CASE WHEN rounded THEN 'Totals are computed from the unrounded figures, so rounded figures may not add up to the totals.' END);
END
$$;
COMMENT ON FUNCTION @extschema@.publication_note(pg_catalog.int4, pg_catalog.int4, pg_catalog.text) IS
	'the note that goes with every published sheet: how its figures were rounded and hidden, and that rounded figures may not add up; in the language of migchain.language, or lang (nl, en)';

-- ---- The published cells ----

-- Every cell of the press-answer workbook for a period, published: sheet 1
-- (per year and kind: presented, positive, negative, withdrawn, pending),
-- sheet 2 (T&O) and 3 (LP) (per year and country of origin, and a total row
-- per year with country_code NULL: negative, withdrawn, not_confirmed,
-- presented).  A cell shows its count rounded to base (flag 'rounded'), 0 as
-- 0 (flag NULL), or nothing (value NULL, flag 'suppressed') when the count
-- is from 1 to threshold - 1 or would reveal such a count (suppress_block,
-- per year and kind, so a year's cells are the same in every period); a
-- country without a process shows nothing, flagged 'no process'.  Totals are
-- rounded from the unrounded counts.  With base 1 and threshold 0 the
-- counts are exact.  Read with the rights of the extension's owner.
CREATE FUNCTION @extschema@.published_cells(from_year pg_catalog.int4 DEFAULT NULL,
											to_year pg_catalog.int4 DEFAULT NULL,
											base pg_catalog.int4 DEFAULT 10,
											threshold pg_catalog.int4 DEFAULT 5)
	RETURNS TABLE (sheet pg_catalog.int4, year pg_catalog.int4, kind pg_catalog.text,
				   country_code pg_catalog.text, country_name pg_catalog.text,
				   measure pg_catalog.text, value pg_catalog.int8, flag pg_catalog.text)
	LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL RESTRICTED	-- not strict: NULL is an open end
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	first_year int4;
	last_year int4;
BEGIN
	PERFORM @extschema@.check_publication(base, threshold);
	PERFORM @extschema@.check_period(from_year, to_year);
	SELECT coalesce(from_year, min(c.year)), coalesce(to_year, max(c.year))
	  INTO first_year, last_year
	  FROM @extschema@.request_counts(from_year, to_year) c;
	IF first_year IS NULL OR last_year IS NULL OR first_year > last_year THEN
		RETURN;		-- open ends and no request: nothing to publish
	END IF;
	RETURN QUERY
	WITH nc AS (
		SELECT n.year, n.kind, n.country_code, n.negative, n.withdrawn, n.presented, n.has_process
		  FROM @extschema@.not_confirmed_by_country(NULL, first_year, last_year) n
	), ov AS (
		SELECT o.year, o.kind, o.positive, o.pending
		  FROM @extschema@.overview(first_year, last_year) o
	), blocks AS (
		SELECT y.y AS year, k.kind, k.sheet
		  FROM generate_series(first_year, last_year) y(y)
		 CROSS JOIN (VALUES ('LP', 3), ('T&O', 2)) k(kind, sheet)
	), rows AS (
		SELECT nc.year, nc.kind, nc.country_code, nc.negative AS n, nc.withdrawn AS w,
			   nc.presented AS p,
			   row_number() OVER (PARTITION BY nc.year, nc.kind ORDER BY nc.country_code)::int4 AS i
		  FROM nc
		 WHERE nc.presented IS NOT NULL
	), masked AS (
		SELECT b.year, b.kind, b.sheet,
			   coalesce(ov.positive, 0) AS pos, coalesce(ov.pending, 0) AS pend,
			   coalesce(sum(r.n), 0)::int8 AS n, coalesce(sum(r.w), 0)::int8 AS w,
			   coalesce(sum(r.p), 0)::int8 AS p, count(r.i)::int4 AS m,
			   @extschema@.suppress_block(
				   coalesce(array_agg(r.n ORDER BY r.i) FILTER (WHERE r.i IS NOT NULL), '{}'),
				   coalesce(array_agg(r.w ORDER BY r.i) FILTER (WHERE r.i IS NOT NULL), '{}'),
				   coalesce(array_agg(r.p ORDER BY r.i) FILTER (WHERE r.i IS NOT NULL), '{}'),
				   coalesce(ov.positive, 0), coalesce(ov.pending, 0), base, threshold) AS masks
		  FROM blocks b
		  LEFT JOIN rows r ON r.year = b.year AND r.kind = b.kind
		  LEFT JOIN ov ON ov.year = b.year AND ov.kind = b.kind
		 GROUP BY b.year, b.kind, b.sheet, ov.positive, ov.pending
	), cells AS (
		-- sheet 1: the first sheet's row of each block
		SELECT 1 AS sheet, mk.year, mk.kind, NULL::text AS country_code, 0 AS ord,
			   x.measure, x.mno, x.count, (mk.masks[mk.m + 1] & x.bit) <> 0 AS hidden,
			   false AS no_process
		  FROM masked mk
		 CROSS JOIN LATERAL (VALUES
			   ('presented', 1, mk.p, 8), ('positive', 2, mk.pos, 16), ('negative', 3, mk.n, 1),
			   ('withdrawn', 4, mk.w, 2), ('pending', 5, mk.pend, 32)) x(measure, mno, count, bit)
		UNION ALL
		-- sheets 2 and 3: a row per country with requests
		SELECT mk.sheet, r.year, r.kind, r.country_code, 1,
			   x.measure, x.mno, x.count, (mk.masks[r.i] & x.bit) <> 0, false
		  FROM rows r
		  JOIN masked mk ON mk.year = r.year AND mk.kind = r.kind
		 CROSS JOIN LATERAL (VALUES
			   ('negative', 1, r.n, 1), ('withdrawn', 2, r.w, 2), ('not_confirmed', 3, r.n + r.w, 4),
			   ('presented', 4, r.p, 8)) x(measure, mno, count, bit)
		UNION ALL
		-- a country without a process that year: nothing to show but that
		SELECT CASE nc.kind WHEN 'T&O' THEN 2 ELSE 3 END, nc.year, nc.kind, nc.country_code, 1,
			   x.measure, x.mno, NULL::int8, false, true
		  FROM nc
		 CROSS JOIN (VALUES ('negative', 1), ('withdrawn', 2), ('not_confirmed', 3),
							('presented', 4)) x(measure, mno)
		 WHERE nc.presented IS NULL
		UNION ALL
		-- the total row of each year on sheets 2 and 3
		SELECT mk.sheet, mk.year, mk.kind, NULL::text, 2,
			   x.measure, x.mno, x.count, (mk.masks[mk.m + 1] & x.bit) <> 0, false
		  FROM masked mk
		 CROSS JOIN LATERAL (VALUES
			   ('negative', 1, mk.n, 1), ('withdrawn', 2, mk.w, 2), ('not_confirmed', 3, mk.n + mk.w, 4),
			   ('presented', 4, mk.p, 8)) x(measure, mno, count, bit)
	)
	SELECT c.sheet, c.year, c.kind, c.country_code,
		   CASE WHEN c.country_code IS NOT NULL
				THEN @extschema@.name(c.country_code::@extschema@.country) END,
		   c.measure,
		   CASE WHEN c.no_process OR c.hidden THEN NULL::int8
				WHEN c.count = 0 OR base = 1 THEN c.count
				ELSE @extschema@.round_count(c.count, base) END,
		   CASE WHEN c.no_process THEN 'no process'
				WHEN c.hidden THEN 'suppressed'
				WHEN c.count = 0 OR base = 1 THEN NULL::text
				ELSE 'rounded' END
	  FROM cells c
	 ORDER BY c.sheet, c.year, c.kind, c.ord, c.country_code, c.mno;
END
$$;
COMMENT ON FUNCTION @extschema@.published_cells(pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4) IS
	'every cell of the press-answer workbook for the years from_year to to_year (NULL: the first or last year with requests), rounded to base and with small counts, and what would reveal them, hidden below threshold: sheet 1 per year and kind, sheets 2 (T&O) and 3 (LP) per year and country with a total row (country_code NULL); flag rounded, suppressed, no process or NULL (exact)';

-- Sheet 1, published: one row per year and kind.
CREATE FUNCTION @extschema@.published_overview(from_year pg_catalog.int4 DEFAULT NULL,
											   to_year pg_catalog.int4 DEFAULT NULL,
											   base pg_catalog.int4 DEFAULT 10,
											   threshold pg_catalog.int4 DEFAULT 5)
	RETURNS TABLE (year pg_catalog.int4, kind pg_catalog.text,
				   presented pg_catalog.int8, presented_flag pg_catalog.text,
				   positive pg_catalog.int8, positive_flag pg_catalog.text,
				   negative pg_catalog.int8, negative_flag pg_catalog.text,
				   withdrawn pg_catalog.int8, withdrawn_flag pg_catalog.text,
				   pending pg_catalog.int8, pending_flag pg_catalog.text)
	LANGUAGE sql STABLE PARALLEL RESTRICTED
BEGIN ATOMIC
	SELECT c.year, c.kind,
		   pg_catalog.max(c.value) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'presented'),
		   pg_catalog.max(c.flag) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'presented'),
		   pg_catalog.max(c.value) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'positive'),
		   pg_catalog.max(c.flag) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'positive'),
		   pg_catalog.max(c.value) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'negative'),
		   pg_catalog.max(c.flag) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'negative'),
		   pg_catalog.max(c.value) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'withdrawn'),
		   pg_catalog.max(c.flag) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'withdrawn'),
		   pg_catalog.max(c.value) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'pending'),
		   pg_catalog.max(c.flag) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'pending')
	  FROM @extschema@.published_cells(from_year, to_year, base, threshold) c
	 WHERE c.sheet OPERATOR(pg_catalog.=) 1
	 GROUP BY c.year, c.kind
	 ORDER BY c.year, c.kind;
END;
COMMENT ON FUNCTION @extschema@.published_overview(pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4) IS
	'sheet 1 of the workbook, published (see published_cells): requests presented per year and kind with their answers, each with its flag';

-- Sheets 2 and 3, published: per year and country, and a total row per
-- year (country_code NULL).
CREATE FUNCTION @extschema@.published_not_confirmed(kind @extschema@.request_kind DEFAULT NULL,
													from_year pg_catalog.int4 DEFAULT NULL,
													to_year pg_catalog.int4 DEFAULT NULL,
													base pg_catalog.int4 DEFAULT 10,
													threshold pg_catalog.int4 DEFAULT 5)
	RETURNS TABLE (year pg_catalog.int4, kind pg_catalog.text, country_code pg_catalog.text,
				   country_name pg_catalog.text,
				   negative pg_catalog.int8, negative_flag pg_catalog.text,
				   withdrawn pg_catalog.int8, withdrawn_flag pg_catalog.text,
				   not_confirmed pg_catalog.int8, not_confirmed_flag pg_catalog.text,
				   presented pg_catalog.int8, presented_flag pg_catalog.text)
	LANGUAGE sql STABLE PARALLEL RESTRICTED
BEGIN ATOMIC
	SELECT c.year, c.kind, c.country_code, c.country_name,
		   pg_catalog.max(c.value) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'negative'),
		   pg_catalog.max(c.flag) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'negative'),
		   pg_catalog.max(c.value) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'withdrawn'),
		   pg_catalog.max(c.flag) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'withdrawn'),
		   pg_catalog.max(c.value) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'not_confirmed'),
		   pg_catalog.max(c.flag) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'not_confirmed'),
		   pg_catalog.max(c.value) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'presented'),
		   pg_catalog.max(c.flag) FILTER (WHERE c.measure OPERATOR(pg_catalog.=) 'presented')
	  FROM @extschema@.published_cells(from_year, to_year, base, threshold) c
	 WHERE c.sheet OPERATOR(pg_catalog.<>) 1
	   AND (published_not_confirmed.kind IS NULL
			OR c.kind OPERATOR(pg_catalog.=) published_not_confirmed.kind::pg_catalog.text)
	 GROUP BY c.sheet, c.year, c.kind, c.country_code, c.country_name
	 ORDER BY c.sheet, c.year, c.country_code NULLS LAST;
END;
COMMENT ON FUNCTION @extschema@.published_not_confirmed(@extschema@.request_kind, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4) IS
	'sheets 2 (T&O) and 3 (LP) of the workbook, published (see published_cells): per year and country of origin the negative, withdrawn, not confirmed and presented requests, each with its flag, and a total row per year (country_code NULL); kind NULL: both';

CREATE VIEW migchain_bi.published_overview_by_year AS
	SELECT p.year, p.kind, p.presented, p.presented_flag, p.positive, p.positive_flag,
		   p.negative, p.negative_flag, p.withdrawn, p.withdrawn_flag, p.pending, p.pending_flag
	  FROM @extschema@.published_overview() p;
COMMENT ON VIEW migchain_bi.published_overview_by_year IS
	'overview_by_year as published: rounded to tens, counts under 5 and what would reveal them hidden (flag suppressed); totals are rounded from the unrounded figures, so rounded figures may not add up';
COMMENT ON COLUMN migchain_bi.published_overview_by_year.year IS 'year the requests were presented';
COMMENT ON COLUMN migchain_bi.published_overview_by_year.kind IS 'LP or T&O';
COMMENT ON COLUMN migchain_bi.published_overview_by_year.presented IS 'requests presented, rounded to tens (NULL: not shown)';
COMMENT ON COLUMN migchain_bi.published_overview_by_year.presented_flag IS 'rounded, suppressed, or NULL for an exact 0';
COMMENT ON COLUMN migchain_bi.published_overview_by_year.positive IS 'answered positively, rounded to tens (NULL: not shown)';
COMMENT ON COLUMN migchain_bi.published_overview_by_year.positive_flag IS 'rounded, suppressed, or NULL for an exact 0';
COMMENT ON COLUMN migchain_bi.published_overview_by_year.negative IS 'answered negatively, rounded to tens (NULL: not shown)';
COMMENT ON COLUMN migchain_bi.published_overview_by_year.negative_flag IS 'rounded, suppressed, or NULL for an exact 0';
COMMENT ON COLUMN migchain_bi.published_overview_by_year.withdrawn IS 'withdrawn, no answer obtained, rounded to tens (NULL: not shown)';
COMMENT ON COLUMN migchain_bi.published_overview_by_year.withdrawn_flag IS 'rounded, suppressed, or NULL for an exact 0';
COMMENT ON COLUMN migchain_bi.published_overview_by_year.pending IS 'still without an answer, rounded to tens (NULL: not shown)';
COMMENT ON COLUMN migchain_bi.published_overview_by_year.pending_flag IS 'rounded, suppressed, or NULL for an exact 0';

CREATE VIEW migchain_bi.published_not_confirmed_by_country AS
	SELECT p.year, p.kind, p.country_code, p.country_name, p.negative, p.negative_flag,
		   p.withdrawn, p.withdrawn_flag, p.not_confirmed, p.not_confirmed_flag,
		   p.presented, p.presented_flag
	  FROM @extschema@.published_not_confirmed() p;
COMMENT ON VIEW migchain_bi.published_not_confirmed_by_country IS
	'not_confirmed_by_country as published, with a total row per year and kind (country_code NULL): rounded to tens, counts under 5 and what would reveal them hidden (flag suppressed), no process flagged; rounded figures may not add up';
COMMENT ON COLUMN migchain_bi.published_not_confirmed_by_country.year IS 'year the requests were presented';
COMMENT ON COLUMN migchain_bi.published_not_confirmed_by_country.kind IS 'LP or T&O';
COMMENT ON COLUMN migchain_bi.published_not_confirmed_by_country.country_code IS 'country of origin, ISO 3166 code; NULL on the total row of the year';
COMMENT ON COLUMN migchain_bi.published_not_confirmed_by_country.country_name IS 'name of the country in the language of migchain.language; NULL on the total row';
COMMENT ON COLUMN migchain_bi.published_not_confirmed_by_country.negative IS 'answered negatively, rounded to tens (NULL: not shown or no process)';
COMMENT ON COLUMN migchain_bi.published_not_confirmed_by_country.negative_flag IS 'rounded, suppressed, no process, or NULL for an exact 0';
COMMENT ON COLUMN migchain_bi.published_not_confirmed_by_country.withdrawn IS 'withdrawn, no answer obtained, rounded to tens (NULL: not shown or no process)';
COMMENT ON COLUMN migchain_bi.published_not_confirmed_by_country.withdrawn_flag IS 'rounded, suppressed, no process, or NULL for an exact 0';
COMMENT ON COLUMN migchain_bi.published_not_confirmed_by_country.not_confirmed IS 'negative + withdrawn (counted, then rounded), rounded to tens (NULL: not shown or no process)';
COMMENT ON COLUMN migchain_bi.published_not_confirmed_by_country.not_confirmed_flag IS 'rounded, suppressed, no process, or NULL for an exact 0';
COMMENT ON COLUMN migchain_bi.published_not_confirmed_by_country.presented IS 'all requests presented, rounded to tens (NULL: not shown or no process)';
COMMENT ON COLUMN migchain_bi.published_not_confirmed_by_country.presented_flag IS 'rounded, suppressed, no process, or NULL for an exact 0';

-- ---- Frozen report snapshots ----

CREATE TABLE @extschema@.report_snapshot (
	snapshot_id pg_catalog.int4 GENERATED BY DEFAULT AS IDENTITY,
	label pg_catalog.text,
	from_year pg_catalog.int4 NOT NULL,
	to_year pg_catalog.int4 NOT NULL,
	base pg_catalog.int4 NOT NULL,
	threshold pg_catalog.int4 NOT NULL,
	extension_version pg_catalog.text NOT NULL,
	frozen_at pg_catalog.timestamptz NOT NULL,
	frozen_by pg_catalog.name NOT NULL,
	fingerprint pg_catalog.text NOT NULL,
	note_nl pg_catalog.text NOT NULL,
	note_en pg_catalog.text NOT NULL,
	CONSTRAINT report_snapshot_pkey PRIMARY KEY (snapshot_id),
	CONSTRAINT report_snapshot_period CHECK (from_year OPERATOR(pg_catalog.<=) to_year)
);
COMMENT ON TABLE @extschema@.report_snapshot IS
	'frozen report snapshots (freeze_report): the period and rules of a publication, when and by whom it was frozen, with which version of migchain, and a fingerprint of its input rows; never changed';
COMMENT ON COLUMN @extschema@.report_snapshot.snapshot_id IS 'number of the snapshot';
COMMENT ON COLUMN @extschema@.report_snapshot.label IS 'what the snapshot was frozen for, in the words of the one who froze it';
COMMENT ON COLUMN @extschema@.report_snapshot.from_year IS 'first year of the period';
COMMENT ON COLUMN @extschema@.report_snapshot.to_year IS 'last year of the period';
COMMENT ON COLUMN @extschema@.report_snapshot.base IS 'rounding base (1: not rounded)';
COMMENT ON COLUMN @extschema@.report_snapshot.threshold IS 'counts from 1 to threshold - 1 were hidden (0 or 1: none)';
COMMENT ON COLUMN @extschema@.report_snapshot.extension_version IS 'the version of migchain that computed it';
COMMENT ON COLUMN @extschema@.report_snapshot.frozen_at IS 'when it was frozen (start of the freezing transaction)';
COMMENT ON COLUMN @extschema@.report_snapshot.frozen_by IS 'the role that froze it (the session''s login role)';
COMMENT ON COLUMN @extschema@.report_snapshot.fingerprint IS
	'fingerprint of the requests of the period: the fingerprints of its sheets (report_snapshot_sheet) together';
COMMENT ON COLUMN @extschema@.report_snapshot.note_nl IS 'the publication note, in Dutch';
COMMENT ON COLUMN @extschema@.report_snapshot.note_en IS 'the publication note, in English';

CREATE TABLE @extschema@.report_snapshot_sheet (
	snapshot_id pg_catalog.int4 NOT NULL,
	sheet pg_catalog.int4 NOT NULL,
	row_count pg_catalog.int8 NOT NULL,
	row_hash pg_catalog.int8 NOT NULL,
	CONSTRAINT report_snapshot_sheet_pkey PRIMARY KEY (snapshot_id, sheet),
	CONSTRAINT report_snapshot_sheet_sheet CHECK (sheet OPERATOR(pg_catalog.>=) 1
												  AND sheet OPERATOR(pg_catalog.<=) 3)
);
COMMENT ON TABLE @extschema@.report_snapshot_sheet IS
	'the fingerprint of the input rows of each sheet of a snapshot: the requests and routes of the period (sheet 1), of T&O (sheet 2), of LP (sheet 3)';
COMMENT ON COLUMN @extschema@.report_snapshot_sheet.row_count IS 'how many requests';
COMMENT ON COLUMN @extschema@.report_snapshot_sheet.row_hash IS 'the exclusive or of request_row_hash() of each, and of a hash of each route of the period';

CREATE TABLE @extschema@.report_snapshot_cell (
	snapshot_id pg_catalog.int4 NOT NULL,
	ordinal pg_catalog.int4 NOT NULL,
	sheet pg_catalog.int4 NOT NULL,
	year pg_catalog.int4 NOT NULL,
	kind pg_catalog.text NOT NULL,
	country_code pg_catalog.text,
	country_name_nl pg_catalog.text,
	country_name_en pg_catalog.text,
	measure pg_catalog.text NOT NULL,
	value pg_catalog.int8,
	flag pg_catalog.text,
	count pg_catalog.int8,
	CONSTRAINT report_snapshot_cell_pkey PRIMARY KEY (snapshot_id, ordinal)
);
COMMENT ON TABLE @extschema@.report_snapshot_cell IS
	'the cells of a snapshot as published (value, flag) and as counted (count: for the extension''s owner only)';
COMMENT ON COLUMN @extschema@.report_snapshot_cell.ordinal IS 'position of the cell in the order of published_cells()';
COMMENT ON COLUMN @extschema@.report_snapshot_cell.value IS 'the published value (NULL: not shown)';
COMMENT ON COLUMN @extschema@.report_snapshot_cell.flag IS 'rounded, suppressed, no process, or NULL (exact)';
COMMENT ON COLUMN @extschema@.report_snapshot_cell.count IS 'the unrounded count (NULL: no process)';

CREATE TABLE @extschema@.report_snapshot_view (
	snapshot_id pg_catalog.int4 NOT NULL,
	view_name pg_catalog.text NOT NULL,
	rows pg_catalog.jsonb NOT NULL,
	CONSTRAINT report_snapshot_view_pkey PRIMARY KEY (snapshot_id, view_name)
);
COMMENT ON TABLE @extschema@.report_snapshot_view IS
	'the other overviews of a snapshot''s period as they were, unrounded (cooperation, detention exits, departures, conditions at the end of the period): for the extension''s owner';

-- The sheets, cells and views of a snapshot go with it when the owner
-- deletes it (a trigger, not a foreign key: pg_restore -j loads the tables
-- of an extension side by side, in no order).
CREATE FUNCTION @extschema@.report_snapshot_delete() RETURNS pg_catalog.trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF TG_OP = 'TRUNCATE' THEN
		TRUNCATE @extschema@.report_snapshot_sheet, @extschema@.report_snapshot_cell,
				 @extschema@.report_snapshot_view;
		RETURN NULL;
	END IF;
	DELETE FROM @extschema@.report_snapshot_sheet s WHERE s.snapshot_id = OLD.snapshot_id;
	DELETE FROM @extschema@.report_snapshot_cell c WHERE c.snapshot_id = OLD.snapshot_id;
	DELETE FROM @extschema@.report_snapshot_view v WHERE v.snapshot_id = OLD.snapshot_id;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.report_snapshot_delete() IS
	'trigger: deletes the sheets, cells and views of the report snapshots deleted or truncated';
CREATE TRIGGER report_snapshot_delete AFTER DELETE ON @extschema@.report_snapshot
	FOR EACH ROW EXECUTE FUNCTION @extschema@.report_snapshot_delete();
CREATE TRIGGER report_snapshot_truncate AFTER TRUNCATE ON @extschema@.report_snapshot
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.report_snapshot_delete();

SELECT pg_catalog.pg_extension_config_dump('@extschema@.report_snapshot', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.report_snapshot_snapshot_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.report_snapshot_sheet', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.report_snapshot_cell', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.report_snapshot_view', '');

-- A frozen snapshot is never changed, by anyone: the owner may delete it
-- (the only other right on the tables is the analysts' SELECT).
CREATE FUNCTION @extschema@.report_snapshot_frozen() RETURNS pg_catalog.trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RAISE EXCEPTION 'report snapshot % is frozen: it cannot be changed', OLD.snapshot_id
		USING ERRCODE = 'object_not_in_prerequisite_state',
			  HINT = 'Freeze a new snapshot with migchain.freeze_report(); the owner of migchain may delete this one.';
END
$$;
COMMENT ON FUNCTION @extschema@.report_snapshot_frozen() IS
	'trigger: refuses every change of a frozen report snapshot';
CREATE TRIGGER report_snapshot_frozen BEFORE UPDATE ON @extschema@.report_snapshot
	FOR EACH ROW EXECUTE FUNCTION @extschema@.report_snapshot_frozen();
CREATE TRIGGER report_snapshot_frozen BEFORE UPDATE ON @extschema@.report_snapshot_sheet
	FOR EACH ROW EXECUTE FUNCTION @extschema@.report_snapshot_frozen();
CREATE TRIGGER report_snapshot_frozen BEFORE UPDATE ON @extschema@.report_snapshot_cell
	FOR EACH ROW EXECUTE FUNCTION @extschema@.report_snapshot_frozen();
CREATE TRIGGER report_snapshot_frozen BEFORE UPDATE ON @extschema@.report_snapshot_view
	FOR EACH ROW EXECUTE FUNCTION @extschema@.report_snapshot_frozen();

-- The fingerprint of the input rows of each sheet of a period: the
-- requests (how many, and the exclusive or of their hashes, as a load
-- batch's checksum) and the routes of the period, which say where there was
-- no process: sheet 1 all, sheet 2 T&O, sheet 3 LP.
CREATE FUNCTION @extschema@.report_input_fingerprint(from_year pg_catalog.int4, to_year pg_catalog.int4)
	RETURNS TABLE (sheet pg_catalog.int4, row_count pg_catalog.int8, row_hash pg_catalog.int8)
	LANGUAGE sql STABLE SECURITY DEFINER PARALLEL RESTRICTED	-- not strict: check_period refuses NULL ends
	SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH per_kind AS (
		SELECT r.kind::pg_catalog.text AS kind, pg_catalog.count(*) AS n,
			   pg_catalog.bit_xor(@extschema@.request_row_hash(r.request_id, r.kind, r.answer,
					r.country, r.presented_on, r.answered_on, r.requested_on, r.person_id)) AS h
		  FROM @extschema@.request r
		 WHERE r.presented_on OPERATOR(pg_catalog.>=) @extschema@.period_start(from_year, to_year)
		   AND r.presented_on OPERATOR(pg_catalog.<) @extschema@.period_end(from_year, to_year)
		 GROUP BY r.kind
		UNION ALL
		SELECT cr.kind::pg_catalog.text, 0,
			   pg_catalog.bit_xor(pg_catalog.hashtextextended(pg_catalog.concat_ws('|', cr.route_id,
					cr.country, cr.kind, cr.valid_from, cr.valid_to, cr.has_process), 0))
		  FROM @extschema@.country_route cr
		 WHERE cr.valid_from OPERATOR(pg_catalog.<) @extschema@.period_end(from_year, to_year)
		   AND coalesce(cr.valid_to, 'infinity') OPERATOR(pg_catalog.>) @extschema@.period_start(from_year, to_year)
		 GROUP BY cr.kind
	), sheets AS (
		SELECT 1 AS sheet, NULL::pg_catalog.text AS kind
		UNION ALL SELECT 2, 'T&O'
		UNION ALL SELECT 3, 'LP'
	)
	SELECT s.sheet, coalesce(pg_catalog.sum(k.n), 0)::pg_catalog.int8,
		   coalesce(pg_catalog.bit_xor(k.h), 0)
	  FROM sheets s
	  LEFT JOIN per_kind k ON s.kind IS NULL OR k.kind OPERATOR(pg_catalog.=) s.kind
	 GROUP BY s.sheet
	 ORDER BY s.sheet;
END;
COMMENT ON FUNCTION @extschema@.report_input_fingerprint(pg_catalog.int4, pg_catalog.int4) IS
	'per sheet of the workbook, the requests of the period it reads (1: all, 2: T&O, 3: LP), how many, and the exclusive or of their request_row_hash() and of a hash of each route of the period (whether there was a process); counts and hashes only, read with the rights of the extension''s owner';

-- Freeze the publication of a period: its cells as published and as
-- counted, the other overviews of the period, the fingerprint of its
-- input; returns the snapshot's number.
CREATE FUNCTION @extschema@.freeze_report(from_year pg_catalog.int4, to_year pg_catalog.int4,
										  base pg_catalog.int4 DEFAULT 10,
										  threshold pg_catalog.int4 DEFAULT 5,
										  label pg_catalog.text DEFAULT NULL)
	RETURNS pg_catalog.int4
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER	-- not strict: a NULL year is an error
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	id int4;
	period_last date;
BEGIN
	PERFORM @extschema@.check_publication(base, threshold);
	IF from_year IS NULL OR to_year IS NULL THEN
		RAISE EXCEPTION 'a report snapshot needs a period with both ends: from_year % to_year %',
				coalesce(from_year::text, 'NULL'), coalesce(to_year::text, 'NULL')
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Name the first and last year, e.g. migchain.freeze_report(2018, 2022).';
	END IF;
	PERFORM @extschema@.check_period(from_year, to_year);
	period_last := least(make_date(freeze_report.to_year, 12, 31), CURRENT_DATE);
	-- One statement: everything it reads, it reads in one snapshot, so the
	-- fingerprint, the cells and the other overviews agree, without a lock
	-- that would make writers wait.
	WITH fp AS MATERIALIZED (
		SELECT f.sheet, f.row_count, f.row_hash
		  FROM @extschema@.report_input_fingerprint(freeze_report.from_year, freeze_report.to_year) f
	), pub AS MATERIALIZED (
		SELECT p.ordinal::int4 AS ordinal, p.sheet, p.year, p.kind, p.country_code, p.measure,
			   p.value, p.flag, c.value AS count
		  FROM @extschema@.published_cells(freeze_report.from_year, freeze_report.to_year,
										   freeze_report.base, freeze_report.threshold)
			   WITH ORDINALITY AS p(sheet, year, kind, country_code, country_name, measure, value, flag, ordinal)
		  JOIN @extschema@.published_cells(freeze_report.from_year, freeze_report.to_year, 1, 0)
			   WITH ORDINALITY AS c(sheet, year, kind, country_code, country_name, measure, value, flag, ordinal)
			ON c.ordinal = p.ordinal
	), views AS MATERIALIZED (
		SELECT 'cooperation' AS view_name, coalesce(jsonb_agg(to_jsonb(v)), '[]') AS rows
		  FROM @extschema@.cooperation(freeze_report.from_year, freeze_report.to_year) v
		UNION ALL
		SELECT 'detention_exits', coalesce(jsonb_agg(to_jsonb(v)), '[]')
		  FROM @extschema@.detention_exits(freeze_report.from_year, freeze_report.to_year) v
		UNION ALL
		SELECT 'departures', coalesce(jsonb_agg(to_jsonb(v)), '[]')
		  FROM @extschema@.departures(freeze_report.from_year, freeze_report.to_year) v
		UNION ALL
		SELECT 'conditions', coalesce(jsonb_agg(to_jsonb(v)), '[]')
		  FROM @extschema@.conditions_as_of(period_last) v
	), head AS (
		INSERT INTO @extschema@.report_snapshot (label, from_year, to_year, base, threshold,
			extension_version, frozen_at, frozen_by, fingerprint, note_nl, note_en)
		SELECT freeze_report.label, freeze_report.from_year, freeze_report.to_year,
			   freeze_report.base, freeze_report.threshold, e.extversion, now(), session_user,
			   (SELECT string_agg(format('%s:%s:%s', fp.sheet, fp.row_count, to_hex(fp.row_hash)), ' '
								  ORDER BY fp.sheet) FROM fp),
			   @extschema@.publication_note(freeze_report.base, freeze_report.threshold, 'nl'),
			   @extschema@.publication_note(freeze_report.base, freeze_report.threshold, 'en')
		  FROM pg_extension e
		 WHERE e.extname = 'migchain'
		RETURNING snapshot_id
	), sheets AS (
		INSERT INTO @extschema@.report_snapshot_sheet (snapshot_id, sheet, row_count, row_hash)
		SELECT head.snapshot_id, fp.sheet, fp.row_count, fp.row_hash FROM head, fp
	), cells AS (
		INSERT INTO @extschema@.report_snapshot_cell (snapshot_id, ordinal, sheet, year, kind,
			country_code, country_name_nl, country_name_en, measure, value, flag, count)
		SELECT head.snapshot_id, pub.ordinal, pub.sheet, pub.year, pub.kind, pub.country_code,
			   @extschema@.name(pub.country_code::@extschema@.country, 'nl'),
			   @extschema@.name(pub.country_code::@extschema@.country, 'en'),
			   pub.measure, pub.value, pub.flag, pub.count
		  FROM head, pub
	), other AS (
		INSERT INTO @extschema@.report_snapshot_view (snapshot_id, view_name, rows)
		SELECT head.snapshot_id, views.view_name, views.rows FROM head, views
	)
	SELECT head.snapshot_id INTO id FROM head;
	RETURN id;
END
$$;
COMMENT ON FUNCTION @extschema@.freeze_report(pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.text) IS
	'freezes the publication of the years from_year to to_year with a rounding base and suppression threshold: its cells as published and as counted, the other overviews of the period, a fingerprint of its input rows, the version of migchain, when and by whom; returns the snapshot''s number';

-- The snapshot's row, or an error naming the number.
CREATE FUNCTION @extschema@.report_snapshot_get(snapshot_id pg_catalog.int4)
	RETURNS @extschema@.report_snapshot
	LANGUAGE plpgsql STABLE SECURITY DEFINER	-- not strict: NULL is an error
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	s @extschema@.report_snapshot;
BEGIN
	SELECT * INTO s FROM @extschema@.report_snapshot r WHERE r.snapshot_id = report_snapshot_get.snapshot_id;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'report snapshot % does not exist', coalesce(snapshot_id::text, 'NULL')
			USING ERRCODE = 'undefined_object',
				  HINT = 'The snapshots are listed in migchain.report_snapshot.';
	END IF;
	RETURN s;
END
$$;
COMMENT ON FUNCTION @extschema@.report_snapshot_get(pg_catalog.int4) IS
	'the row of a report snapshot; an error when there is none';

-- The cells of a snapshot, as published (or, raw, as counted: for those
-- who may read the counts, the extension's owner).
CREATE FUNCTION @extschema@.report_snapshot_cells(snapshot_id pg_catalog.int4,
												  raw pg_catalog.bool DEFAULT false)
	RETURNS TABLE (sheet pg_catalog.int4, year pg_catalog.int4, kind pg_catalog.text,
				   country_code pg_catalog.text, country_name pg_catalog.text,
				   measure pg_catalog.text, value pg_catalog.int8, flag pg_catalog.text)
	LANGUAGE plpgsql STABLE PARALLEL RESTRICTED	-- not strict: NULL is an error
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	lang text := @extschema@.output_language();
	s @extschema@.report_snapshot := @extschema@.report_snapshot_get(snapshot_id);
BEGIN
	IF raw IS NULL THEN
		RAISE EXCEPTION 'raw must be true or false, not NULL'
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'raw => true gives the unrounded counts (for the owner of migchain), false the published cells.';
	END IF;
	IF raw AND NOT has_column_privilege('@extschema@.report_snapshot_cell', 'count', 'SELECT') THEN
		RAISE EXCEPTION 'permission denied for the unrounded counts of report snapshot %', s.snapshot_id
			USING ERRCODE = 'insufficient_privilege',
				  HINT = 'Only the owner of migchain reads a snapshot''s unrounded counts; read the published cells with raw => false.';
	END IF;
	IF raw THEN
		RETURN QUERY EXECUTE
			'SELECT c.sheet, c.year, c.kind, c.country_code,'
			'       CASE $2 WHEN ''en'' THEN c.country_name_en ELSE c.country_name_nl END,'
			'       c.measure, c.count, CASE WHEN c.flag = ''no process'' THEN c.flag END'
			'  FROM @extschema@.report_snapshot_cell c'
			' WHERE c.snapshot_id = $1 ORDER BY c.ordinal'
			USING s.snapshot_id, lang;
	ELSE
		RETURN QUERY
		SELECT c.sheet, c.year, c.kind, c.country_code,
			   CASE lang WHEN 'en' THEN c.country_name_en ELSE c.country_name_nl END,
			   c.measure, c.value, c.flag
		  FROM @extschema@.report_snapshot_cell c
		 WHERE c.snapshot_id = s.snapshot_id
		 ORDER BY c.ordinal;
	END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.report_snapshot_cells(pg_catalog.int4, pg_catalog.bool) IS
	'the cells of a report snapshot as they were published (raw: as counted, for the owner of migchain), in the order and with the columns of published_cells(); country names in the language of migchain.language';

CREATE FUNCTION @extschema@.report_snapshot_note(snapshot_id pg_catalog.int4)
	RETURNS pg_catalog.text
	LANGUAGE sql STABLE PARALLEL RESTRICTED
BEGIN ATOMIC
	SELECT CASE @extschema@.output_language()
			   WHEN 'en' THEN (@extschema@.report_snapshot_get(snapshot_id)).note_en
			   ELSE (@extschema@.report_snapshot_get(snapshot_id)).note_nl END;
END;
COMMENT ON FUNCTION @extschema@.report_snapshot_note(pg_catalog.int4) IS
	'the publication note of a report snapshot, in the language of migchain.language';

-- Whether today's data still gives a snapshot: per sheet, whether its input
-- rows have the same fingerprint, and how many of its published cells
-- (value or flag) differ when published again today with its rules.
CREATE FUNCTION @extschema@.report_snapshot_check(snapshot_id pg_catalog.int4)
	RETURNS TABLE (sheet pg_catalog.int4, kind pg_catalog.text, rows_then pg_catalog.int8,
				   rows_now pg_catalog.int8, input_matches pg_catalog.bool,
				   cells_changed pg_catalog.int4)
	LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL RESTRICTED	-- not strict: NULL is an error
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	s @extschema@.report_snapshot := @extschema@.report_snapshot_get(snapshot_id);
BEGIN
	RETURN QUERY
	WITH now_cells AS (
		SELECT p.* FROM @extschema@.published_cells(s.from_year, s.to_year, s.base, s.threshold) p
	), then_cells AS (
		SELECT c.* FROM @extschema@.report_snapshot_cell c WHERE c.snapshot_id = s.snapshot_id
	), diff AS (
		SELECT coalesce(t.sheet, n.sheet) AS sheet, pg_catalog.count(*)::int4 AS changed
		  FROM then_cells t
		  FULL JOIN now_cells n
			ON n.sheet = t.sheet AND n.year = t.year AND n.kind = t.kind
		   AND n.country_code IS NOT DISTINCT FROM t.country_code AND n.measure = t.measure
		 WHERE t.sheet IS NULL OR n.sheet IS NULL
			OR t.value IS DISTINCT FROM n.value OR t.flag IS DISTINCT FROM n.flag
		 GROUP BY 1
	)
	SELECT t.sheet, CASE t.sheet WHEN 1 THEN 'LP, T&O' WHEN 2 THEN 'T&O' ELSE 'LP' END,
		   t.row_count, f.row_count, t.row_count = f.row_count AND t.row_hash = f.row_hash,
		   coalesce(d.changed, 0)
	  FROM @extschema@.report_snapshot_sheet t
	  JOIN @extschema@.report_input_fingerprint(s.from_year, s.to_year) f ON f.sheet = t.sheet
	  LEFT JOIN diff d ON d.sheet = t.sheet
	 WHERE t.snapshot_id = s.snapshot_id
	 ORDER BY t.sheet;
END
$$;
COMMENT ON FUNCTION @extschema@.report_snapshot_check(pg_catalog.int4) IS
	'per sheet of a report snapshot: its input rows then and now, whether they still have the snapshot''s fingerprint, and how many published cells differ when published again today with the snapshot''s rules';
