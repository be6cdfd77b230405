-- The overviews of the press answer: totals per year (sheet 1) and the
-- requests not confirmed per country (sheets 2 and 3), for any period and
-- as views for BI tools.

-- Sheet 1: totals per year and kind, for any period ("the last five years"),
-- from the rollup of the request counters (36-rollup.sql).
CREATE FUNCTION @extschema@.overview(from_year pg_catalog.int4 DEFAULT NULL,
									 to_year pg_catalog.int4 DEFAULT NULL)
	RETURNS TABLE (year pg_catalog.int4, kind pg_catalog.text, presented pg_catalog.int8,
				   positive pg_catalog.int8, negative pg_catalog.int8,
				   withdrawn pg_catalog.int8, pending pg_catalog.int8)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT c.year, c.kind::pg_catalog.text,
		   pg_catalog.sum(c.pending OPERATOR(pg_catalog.+) c.positive
						  OPERATOR(pg_catalog.+) c.negative OPERATOR(pg_catalog.+) c.withdrawn)::pg_catalog.int8,
		   pg_catalog.sum(c.positive)::pg_catalog.int8, pg_catalog.sum(c.negative)::pg_catalog.int8,
		   pg_catalog.sum(c.withdrawn)::pg_catalog.int8, pg_catalog.sum(c.pending)::pg_catalog.int8
	  FROM @extschema@.request_counts(from_year, to_year) c
	 GROUP BY c.year, c.kind
	 ORDER BY c.year, c.kind;
END;
COMMENT ON FUNCTION @extschema@.overview(pg_catalog.int4, pg_catalog.int4) IS
	'requests presented per year and kind with their answers so far, for the years from_year to to_year (NULL: an open end)';

-- Sheets 2 and 3: not confirmed per country, for a kind (NULL: both) and
-- any period, from the rollup; with the owner's rights, to read the routes.  A country without a process for a kind, in a year that has
-- requests of that kind, shows has_process false and NULL counts: "no
-- process", never 0.
CREATE FUNCTION @extschema@.not_confirmed_by_country(kind @extschema@.request_kind DEFAULT NULL,
										  from_year pg_catalog.int4 DEFAULT NULL,
										  to_year pg_catalog.int4 DEFAULT NULL)
	RETURNS TABLE (year pg_catalog.int4, kind pg_catalog.text, country_code pg_catalog.text,
				   country_name pg_catalog.text, negative pg_catalog.int8,
				   withdrawn pg_catalog.int8, not_confirmed pg_catalog.int8,
				   presented pg_catalog.int8, has_process pg_catalog.bool)
	LANGUAGE sql STABLE SECURITY DEFINER PARALLEL RESTRICTED
	SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH cells AS (
		SELECT c.year, c.kind, c.country,
			   @extschema@.tally(c.pending, c.positive, c.negative, c.withdrawn) AS tally
		  FROM @extschema@.request_counts(from_year, to_year, not_confirmed_by_country.kind) c
	), process AS (
		-- for each year and kind with requests: the countries with a route
		-- that year, and whether one of their routes had a process
		SELECT y.year, y.kind, cr.country, pg_catalog.bool_or(cr.has_process) AS has_process
		  FROM (SELECT DISTINCT cells.year, cells.kind FROM cells) y
		  JOIN @extschema@.country_route cr
			ON cr.kind OPERATOR(pg_catalog.=) y.kind
		   AND cr.valid_from < pg_catalog.make_date(y.year + 1, 1, 1)
		   AND coalesce(cr.valid_to, 'infinity') > pg_catalog.make_date(y.year, 1, 1)
		 GROUP BY y.year, y.kind, cr.country
	)
	SELECT cells.year, cells.kind::pg_catalog.text, cells.country::pg_catalog.text,
		   @extschema@.name(cells.country),
		   @extschema@.negative(cells.tally), @extschema@.withdrawn(cells.tally),
		   @extschema@.not_confirmed(cells.tally), @extschema@.total(cells.tally),
		   process.has_process
	  FROM cells
	  LEFT JOIN process
		ON process.year = cells.year
	   AND process.kind OPERATOR(pg_catalog.=) cells.kind
	   AND process.country OPERATOR(pg_catalog.=) cells.country
	UNION ALL
	SELECT process.year, process.kind::pg_catalog.text, process.country::pg_catalog.text,
		   @extschema@.name(process.country), NULL, NULL, NULL, NULL, false
	  FROM process
	 WHERE NOT process.has_process
	   AND NOT EXISTS (SELECT 1 FROM cells
						WHERE cells.year = process.year
						  AND cells.kind OPERATOR(pg_catalog.=) process.kind
						  AND cells.country OPERATOR(pg_catalog.=) process.country);
END;
COMMENT ON FUNCTION @extschema@.not_confirmed_by_country(@extschema@.request_kind, pg_catalog.int4, pg_catalog.int4) IS
	'requests per year, kind and country with the negative and withdrawn (not confirmed) ones, for a kind (NULL: both) and the years from_year to to_year (NULL: an open end)';

-- Requests and distinct persons per year and kind, for any period: one
-- person_cube over the requests of the period, read with the rights of the
-- extension's owner (see period_cube) and returning counts only.  The query
-- is made with the period's dates as constants (period_filter), as in
-- period_cube.
CREATE FUNCTION @extschema@.persons(from_year pg_catalog.int4 DEFAULT NULL,
								   to_year pg_catalog.int4 DEFAULT NULL)
	RETURNS TABLE (year pg_catalog.int4, kind pg_catalog.text, presented pg_catalog.int8,
				   persons pg_catalog.int8, persons_several_countries pg_catalog.int8)
	LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL RESTRICTED
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RETURN QUERY EXECUTE
		'SELECT p.year, p.kind::pg_catalog.text, p.presented, p.persons, p.persons_several_countries'
		'  FROM (SELECT @extschema@.person_cube(r.kind, r.country, r.person_id, r.presented_on)'
		'          FROM @extschema@.request r WHERE true' || @extschema@.period_filter(from_year, to_year) ||
		'       ) c(cube)'
		' CROSS JOIN LATERAL @extschema@.person_cube_by_year(c.cube) p';
END
$$;
COMMENT ON FUNCTION @extschema@.persons(pg_catalog.int4, pg_catalog.int4) IS
	'requests and distinct persons presented per year and kind, and the persons presented to more than one country that year, for the years from_year to to_year (NULL: an open end); counts only, read with the rights of the extension''s owner';

-- The views for BI tools: plain types only, every view and column
-- commented.  They are the functions above over the whole history.
CREATE VIEW migchain_bi.overview_by_year AS
	SELECT o.year, o.kind, o.presented, o.positive, o.negative, o.withdrawn, o.pending
	  FROM @extschema@.overview() o;
COMMENT ON VIEW migchain_bi.overview_by_year IS
	'LP and T&O requests per year presented, with the answers received so far (sheet 1 of the press answer): presented = positive + negative + withdrawn + pending';
COMMENT ON COLUMN migchain_bi.overview_by_year.year IS 'year the requests were presented (bekend gesteld)';
COMMENT ON COLUMN migchain_bi.overview_by_year.kind IS 'LP (laissez-passer) or T&O (terugname en overname)';
COMMENT ON COLUMN migchain_bi.overview_by_year.presented IS 'requests presented (bekend gesteld) that year';
COMMENT ON COLUMN migchain_bi.overview_by_year.positive IS 'of which answered positively: nationality confirmed';
COMMENT ON COLUMN migchain_bi.overview_by_year.negative IS 'of which answered negatively: nationality not confirmed';
COMMENT ON COLUMN migchain_bi.overview_by_year.withdrawn IS 'of which withdrawn: no answer obtained (ingetrokken)';
COMMENT ON COLUMN migchain_bi.overview_by_year.pending IS 'of which still without an answer';

CREATE VIEW migchain_bi.not_confirmed_by_country AS
	SELECT n.year, n.kind, n.country_code, n.country_name, n.negative, n.withdrawn,
		   n.not_confirmed, n.presented, n.has_process
	  FROM @extschema@.not_confirmed_by_country() n;
COMMENT ON VIEW migchain_bi.not_confirmed_by_country IS
	'requests per year presented, kind and country of origin, with those not confirmed (negative + withdrawn): sheets 2 (T&O) and 3 (LP) of the press answer';
COMMENT ON COLUMN migchain_bi.not_confirmed_by_country.year IS 'year the requests were presented';
COMMENT ON COLUMN migchain_bi.not_confirmed_by_country.kind IS 'LP or T&O';
COMMENT ON COLUMN migchain_bi.not_confirmed_by_country.country_code IS 'country of origin, ISO 3166 code';
COMMENT ON COLUMN migchain_bi.not_confirmed_by_country.country_name IS
	'name of the country in the language of migchain.language';
COMMENT ON COLUMN migchain_bi.not_confirmed_by_country.negative IS 'answered negatively (NULL: no process)';
COMMENT ON COLUMN migchain_bi.not_confirmed_by_country.withdrawn IS 'withdrawn, no answer obtained (NULL: no process)';
COMMENT ON COLUMN migchain_bi.not_confirmed_by_country.not_confirmed IS 'negative + withdrawn (NULL: no process)';
COMMENT ON COLUMN migchain_bi.not_confirmed_by_country.presented IS 'all requests presented (NULL: no process)';
COMMENT ON COLUMN migchain_bi.not_confirmed_by_country.has_process IS
	'false when the country had no process for this kind of request that year (counts are then NULL, not 0); NULL when no route is recorded';

CREATE VIEW migchain_bi.persons_by_year AS
	SELECT p.year, p.kind, p.presented, p.persons, p.persons_several_countries
	  FROM @extschema@.persons() p;
COMMENT ON VIEW migchain_bi.persons_by_year IS
	'requests and distinct persons per year presented and kind: a person whose nationality is unknown may be presented to several countries';
COMMENT ON COLUMN migchain_bi.persons_by_year.year IS 'year the requests were presented';
COMMENT ON COLUMN migchain_bi.persons_by_year.kind IS 'LP or T&O';
COMMENT ON COLUMN migchain_bi.persons_by_year.presented IS 'requests presented';
COMMENT ON COLUMN migchain_bi.persons_by_year.persons IS 'distinct persons those requests were about';
COMMENT ON COLUMN migchain_bi.persons_by_year.persons_several_countries IS
	'persons presented to more than one country that year';
