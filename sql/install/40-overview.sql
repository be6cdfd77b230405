-- The overviews of the press answer: totals per year (sheet 1) and the
-- requests not confirmed per country (sheets 2 and 3), for any period and
-- as views for BI tools.

-- request_cube: one pass over the requests into dense counters.
CREATE FUNCTION @extschema@.request_cube_trans(pg_catalog.internal, @extschema@.request_kind,
											   @extschema@.answer, @extschema@.country, pg_catalog.date)
	RETURNS pg_catalog.internal
	AS 'MODULE_PATHNAME', 'request_cube_trans'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	-- not strict: makes the state, rejects NULLs itself
COMMENT ON FUNCTION @extschema@.request_cube_trans(pg_catalog.internal, @extschema@.request_kind, @extschema@.answer, @extschema@.country, pg_catalog.date) IS
	'transition function of request_cube: counts one request';
CREATE FUNCTION @extschema@.request_cube_combine(pg_catalog.internal, pg_catalog.internal)
	RETURNS pg_catalog.internal
	AS 'MODULE_PATHNAME', 'request_cube_combine'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	-- not strict: a worker may have seen no rows
COMMENT ON FUNCTION @extschema@.request_cube_combine(pg_catalog.internal, pg_catalog.internal) IS
	'combine function of request_cube: adds the counters of two parallel workers';
CREATE FUNCTION @extschema@.request_cube_serial(pg_catalog.internal) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME', 'request_cube_serial'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_cube_serial(pg_catalog.internal) IS
	'serialize function of request_cube';
CREATE FUNCTION @extschema@.request_cube_deserial(pg_catalog.bytea, pg_catalog.internal)
	RETURNS pg_catalog.internal
	AS 'MODULE_PATHNAME', 'request_cube_deserial'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.request_cube_deserial(pg_catalog.bytea, pg_catalog.internal) IS
	'deserialize function of request_cube';
CREATE FUNCTION @extschema@.request_cube_final(pg_catalog.internal) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME', 'request_cube_final'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	-- not strict: no rows give an empty cube
COMMENT ON FUNCTION @extschema@.request_cube_final(pg_catalog.internal) IS
	'final function of request_cube: the counters in the cube wire format';

CREATE AGGREGATE @extschema@.request_cube(@extschema@.request_kind, @extschema@.answer,
										  @extschema@.country, pg_catalog.date) (
	SFUNC = @extschema@.request_cube_trans,
	STYPE = pg_catalog.internal,
	FINALFUNC = @extschema@.request_cube_final,
	COMBINEFUNC = @extschema@.request_cube_combine,
	SERIALFUNC = @extschema@.request_cube_serial,
	DESERIALFUNC = @extschema@.request_cube_deserial,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.request_cube(@extschema@.request_kind, @extschema@.answer, @extschema@.country, pg_catalog.date) IS
	'requests counted per year presented, kind, country and answer, in one pass (unpack with request_cube_by_year or request_cube_by_country)';

CREATE FUNCTION @extschema@.request_cube_by_year(cube pg_catalog.bytea,
	OUT year pg_catalog.int4, OUT kind @extschema@.request_kind, OUT tally @extschema@.tally)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'request_cube_by_year'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.request_cube_by_year(pg_catalog.bytea) IS
	'the tally of every year and kind of a request cube';
CREATE FUNCTION @extschema@.request_cube_by_country(cube pg_catalog.bytea,
	OUT year pg_catalog.int4, OUT kind @extschema@.request_kind, OUT country @extschema@.country,
	OUT tally @extschema@.tally)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'request_cube_by_country'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1000;
COMMENT ON FUNCTION @extschema@.request_cube_by_country(pg_catalog.bytea) IS
	'the tally of every year, kind and country of a request cube';

-- Sheet 1: totals per year and kind, for a period.  An open end adds no
-- condition at all once the function is inlined (NULL IS NULL folds away),
-- so the views scan the table without a filter.
CREATE FUNCTION @extschema@.overview(from_year pg_catalog.int4 DEFAULT NULL,
									 to_year pg_catalog.int4 DEFAULT NULL)
	RETURNS TABLE (year pg_catalog.int4, kind pg_catalog.text, presented pg_catalog.int8,
				   positive pg_catalog.int8, negative pg_catalog.int8,
				   withdrawn pg_catalog.int8, pending pg_catalog.int8)
	LANGUAGE sql STABLE PARALLEL SAFE
AS $$
	SELECT o.year, o.kind::pg_catalog.text,
		   @extschema@.total(o.tally), @extschema@.positive(o.tally),
		   @extschema@.negative(o.tally), @extschema@.withdrawn(o.tally),
		   @extschema@.pending(o.tally)
	  FROM (SELECT @extschema@.request_cube(r.kind, r.answer, r.country, r.presented_on) AS cube
			  FROM @extschema@.request r
			 WHERE (from_year IS NULL OR r.presented_on >= @extschema@.period_start(from_year, to_year))
			   AND (to_year IS NULL OR r.presented_on < @extschema@.period_end(from_year, to_year))) c
	 CROSS JOIN LATERAL @extschema@.request_cube_by_year(c.cube) o
$$;
COMMENT ON FUNCTION @extschema@.overview(pg_catalog.int4, pg_catalog.int4) IS
	'requests presented per year and kind with their answers so far, for the years from_year to to_year (NULL: open end)';

-- Sheets 2 and 3: not confirmed per country, for a kind (NULL: both) and a
-- period.  Countries without a process in a year show has_process false
-- and NULL counts, never 0.
CREATE FUNCTION @extschema@.not_confirmed(kind @extschema@.request_kind DEFAULT NULL,
										  from_year pg_catalog.int4 DEFAULT NULL,
										  to_year pg_catalog.int4 DEFAULT NULL)
	RETURNS TABLE (year pg_catalog.int4, kind pg_catalog.text, country_code pg_catalog.text,
				   country_name pg_catalog.text, negative pg_catalog.int8,
				   withdrawn pg_catalog.int8, not_confirmed pg_catalog.int8,
				   presented pg_catalog.int8, has_process pg_catalog.bool)
	LANGUAGE sql STABLE PARALLEL SAFE
AS $$
	WITH cells AS (
		SELECT o.year, o.kind, o.country, o.tally
		  FROM (SELECT @extschema@.request_cube(r.kind, r.answer, r.country, r.presented_on) AS cube
				  FROM @extschema@.request r
				 WHERE (from_year IS NULL OR r.presented_on >= @extschema@.period_start(from_year, to_year))
				   AND (to_year IS NULL OR r.presented_on < @extschema@.period_end(from_year, to_year))
				   AND (not_confirmed.kind IS NULL OR r.kind OPERATOR(@extschema@.=) not_confirmed.kind)) c
		 CROSS JOIN LATERAL @extschema@.request_cube_by_country(c.cube) o
	), years AS (
		SELECT DISTINCT cells.year, cells.kind FROM cells
	)
	SELECT cells.year, cells.kind::pg_catalog.text, cells.country::pg_catalog.text,
		   @extschema@.name(cells.country),
		   @extschema@.negative(cells.tally), @extschema@.withdrawn(cells.tally),
		   @extschema@.not_confirmed(cells.tally), @extschema@.total(cells.tally),
		   @extschema@.has_process(cells.country, cells.kind, cells.year)
	  FROM cells
	UNION ALL
	SELECT years.year, years.kind::pg_catalog.text, route.country::pg_catalog.text,
		   @extschema@.name(route.country), NULL, NULL, NULL, NULL, false
	  FROM years
	  JOIN (SELECT DISTINCT cr.country, cr.kind FROM @extschema@.country_route cr
			 WHERE NOT cr.has_process) route
		ON route.kind OPERATOR(@extschema@.=) years.kind
	 WHERE @extschema@.has_process(route.country, route.kind, years.year) = false
	   AND NOT EXISTS (SELECT 1 FROM cells
						WHERE cells.year = years.year
						  AND cells.kind OPERATOR(@extschema@.=) years.kind
						  AND cells.country OPERATOR(@extschema@.=) route.country)
$$;
COMMENT ON FUNCTION @extschema@.not_confirmed(@extschema@.request_kind, pg_catalog.int4, pg_catalog.int4) IS
	'requests per year, kind and country with the negative and withdrawn (not confirmed) ones, for a kind (NULL: both) and the years from_year to to_year (NULL: open end)';

-- Requests and distinct persons per year and kind.
CREATE FUNCTION @extschema@.persons(from_year pg_catalog.int4 DEFAULT NULL,
								   to_year pg_catalog.int4 DEFAULT NULL)
	RETURNS TABLE (year pg_catalog.int4, kind pg_catalog.text, presented pg_catalog.int8,
				   persons pg_catalog.int8, persons_several_countries pg_catalog.int8)
	LANGUAGE sql STABLE PARALLEL SAFE
AS $$
	SELECT p.year, p.kind::pg_catalog.text, pg_catalog.sum(p.requests)::pg_catalog.int8,
		   pg_catalog.count(*),
		   pg_catalog.count(*) FILTER (WHERE p.countries > 1)
	  FROM (SELECT pg_catalog.date_part('year', r.presented_on)::pg_catalog.int4 AS year,
				   r.kind, r.person_id, pg_catalog.count(*) AS requests,
				   pg_catalog.count(DISTINCT r.country) AS countries
			  FROM @extschema@.request r
			 WHERE (from_year IS NULL OR r.presented_on >= @extschema@.period_start(from_year, to_year))
			   AND (to_year IS NULL OR r.presented_on < @extschema@.period_end(from_year, to_year))
			 GROUP BY 1, 2, 3) p
	 GROUP BY p.year, p.kind
$$;
COMMENT ON FUNCTION @extschema@.persons(pg_catalog.int4, pg_catalog.int4) IS
	'requests and distinct persons presented per year and kind, and the persons presented to more than one country that year';

-- The views for BI tools: plain types only.
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
	  FROM @extschema@.not_confirmed() n;
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
