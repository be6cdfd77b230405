# migchain_bi.cooperation_by_country and migchain.cooperation() against an
# independent plain-SQL computation over the demo's rows: its own reply
# deadlines (working days counted with generate_series over the days), its
# own percentile_disc, with parallel plans forced and with parallelism off.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('cooperation');
$node->init;
$node->append_conf('postgresql.conf', qq{
max_worker_processes = 8
max_parallel_workers = 4
migchain.language = 'en'
});
$node->start;
$node->safe_psql('postgres', 'CREATE EXTENSION migchain');
my $made = $node->safe_psql('postgres', 'SELECT migchain.generate_demo(7, 1)');
cmp_ok($made, '>', 20000, "demo data generated ($made requests)");
$node->safe_psql('postgres', 'ANALYZE');
cmp_ok($node->safe_psql('postgres',
		q{SELECT count(DISTINCT country) FROM migchain.holiday WHERE country IN ('TR', 'LK')}),
	'==', 2, 'the demo has holidays of Turkey and Sri Lanka');

# The oracle as of a day (a date literal) for the years from..to.
sub oracle
{
	my ($as_of, $from, $to) = @_;
	return qq{
	WITH known AS (
	  SELECT r.request_id, r.kind::text AS kind, r.country::text AS country, r.person_id,
	         r.presented_on, r.answered_on,
	         CASE WHEN r.answer::text <> 'pending' AND r.answered_on <= $as_of
	              THEN r.answer::text ELSE 'pending' END AS ans
	    FROM migchain.request r
	   WHERE r.presented_on <= $as_of
	     AND date_part('year', r.presented_on) BETWEEN $from AND $to),
	routes AS (
	  SELECT country::text AS country, kind::text AS kind, valid_from, valid_to,
	         reply_deadline AS n, deadline_unit, tacit_acceptance
	    FROM migchain.country_route WHERE reply_deadline IS NOT NULL),
	deadlines AS (
	  SELECT k.request_id, rt.tacit_acceptance AS tacit,
	         CASE WHEN rt.deadline_unit = 'calendar_days' THEN k.presented_on + rt.n
	              ELSE (SELECT d::date
	                      FROM generate_series(k.presented_on + 1, k.presented_on + 800, interval '1 day') d
	                     WHERE extract(isodow FROM d) < 6
	                       AND NOT EXISTS (SELECT 1 FROM migchain.holiday h
	                                        WHERE h.country::text = k.country AND h.day = d::date)
	                     ORDER BY d OFFSET rt.n - 1 LIMIT 1) END AS deadline
	    FROM known k
	    JOIN routes rt ON rt.country = k.country AND rt.kind = k.kind
	                  AND k.presented_on >= rt.valid_from
	                  AND (rt.valid_to IS NULL OR k.presented_on < rt.valid_to)),
	counted AS (
	  SELECT date_part('year', k.presented_on)::int AS year, k.country AS country_code, k.kind,
	         count(*) AS presented,
	         count(*) FILTER (WHERE k.ans IN ('positive', 'negative')) AS answered,
	         count(*) FILTER (WHERE k.ans = 'positive') AS positive,
	         count(*) FILTER (WHERE k.ans = 'negative') AS negative,
	         count(*) FILTER (WHERE k.ans = 'withdrawn') AS withdrawn,
	         count(*) FILTER (WHERE k.ans = 'pending') AS pending,
	         percentile_disc(0.5) WITHIN GROUP (ORDER BY k.answered_on - k.presented_on)
	           FILTER (WHERE k.ans IN ('positive', 'negative')) AS median_days,
	         percentile_disc(0.9) WITHIN GROUP (ORDER BY k.answered_on - k.presented_on)
	           FILTER (WHERE k.ans IN ('positive', 'negative')) AS p90_days,
	         count(d.deadline) AS with_deadline,
	         count(*) FILTER (WHERE k.ans IN ('positive', 'negative') AND k.answered_on > d.deadline) AS late,
	         count(*) FILTER (WHERE k.ans = 'pending' AND $as_of > d.deadline) AS open_past,
	         count(*) FILTER (WHERE d.tacit AND $as_of > d.deadline
	                            AND NOT (k.ans <> 'pending' AND k.answered_on <= d.deadline)) AS tacit,
	         count(*) FILTER (WHERE k.ans = 'pending'
	                            AND k.presented_on + interval '12 months' < $as_of) AS open_over_12_months,
	         count(DISTINCT k.person_id) AS persons
	    FROM known k LEFT JOIN deadlines d USING (request_id)
	   GROUP BY 1, 2, 3),
	route_years AS (
	  SELECT country::text AS country_code, kind::text AS kind, has_process,
	         date_part('year', valid_from)::int AS y0,
	         coalesce(date_part('year', valid_to - 1)::int, 9999) AS y1
	    FROM migchain.country_route),
	process AS (
	  SELECT c.year, c.kind, r.country_code, bool_or(r.has_process) AS has_process
	    FROM (SELECT DISTINCT year, kind FROM counted) c
	    JOIN route_years r ON r.kind = c.kind AND c.year BETWEEN r.y0 AND r.y1
	   GROUP BY 1, 2, 3)
	SELECT c.year, c.country_code, c.kind, c.presented, c.answered, c.positive, c.negative,
	       c.withdrawn, c.pending,
	       CASE WHEN c.answered > 0 THEN round(c.positive::numeric / c.answered, 4) END AS acceptance_rate,
	       c.median_days, c.p90_days, c.with_deadline,
	       CASE WHEN c.with_deadline > 0 THEN c.late END,
	       CASE WHEN c.with_deadline > 0 THEN c.open_past END,
	       CASE WHEN c.with_deadline > 0 THEN c.tacit END,
	       c.open_over_12_months, c.persons, p.has_process
	  FROM counted c LEFT JOIN process p USING (year, kind, country_code)
	UNION ALL
	SELECT p.year, p.country_code, p.kind, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	       NULL, NULL, NULL, NULL, NULL, NULL, false
	  FROM process p
	 WHERE NOT p.has_process
	   AND NOT EXISTS (SELECT 1 FROM counted c WHERE (c.year, c.kind, c.country_code)
	                                              = (p.year, p.kind, p.country_code))};
}
my $cols = 'year, country_code, kind, presented, answered, positive, negative, withdrawn, pending, '
  . 'acceptance_rate, median_days, p90_days, with_deadline, answered_late, open_past_deadline, '
  . 'accepted_tacitly, open_over_12_months, persons, has_process';

# How many rows two queries do not have in common (counted with duplicates).
sub rows_differ
{
	my ($settings, $a, $b) = @_;
	return $node->safe_psql('postgres', "$settings
		SELECT count(*) FROM (
		  (SELECT * FROM ($a) x EXCEPT ALL SELECT * FROM ($b) y)
		  UNION ALL
		  (SELECT * FROM ($b) y EXCEPT ALL SELECT * FROM ($a) x)) d");
}

# The plans of the statements a query runs inside functions, as run.
sub nested_plan
{
	my ($sql) = @_;
	my $offset = -s $node->logfile;
	$node->safe_psql('postgres', qq{LOAD 'auto_explain';
		SET auto_explain.log_min_duration = 0;
		SET auto_explain.log_nested_statements = on;
		SET auto_explain.log_analyze = on; SET auto_explain.log_timing = off;
		$sql});
	return slurp_file($node->logfile, $offset);
}

my %settings = (
	parallel => q{SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0;
		SET min_parallel_table_scan_size = 0; SET max_parallel_workers_per_gather = 2;},
	serial => q{SET max_parallel_workers_per_gather = 0;},
);

my %cases = (
	'the view (as of today)' => [ "SELECT $cols FROM migchain_bi.cooperation_by_country",
		oracle('current_date', 1950, 2199) ],
	'cooperation(2018, 2021, 2020-06-30)' => [
		"SELECT $cols FROM migchain.cooperation(2018, 2021, '2020-06-30')",
		oracle(q{'2020-06-30'::date}, 2018, 2021) ],
	'cooperation(NULL, NULL, 2022-03-15)' => [
		"SELECT $cols FROM migchain.cooperation(NULL, NULL, '2022-03-15')",
		oracle(q{'2022-03-15'::date}, 1950, 2199) ],
);

my %result;
for my $mode (sort keys %settings)
{
	for my $case (sort keys %cases)
	{
		my ($mc, $plain) = @{ $cases{$case} };
		is(rows_differ($settings{$mode}, $mc, $plain), '0', "$case equals plain SQL ($mode)");
		$result{$mode}{$case} = $node->safe_psql('postgres',
			"$settings{$mode} SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) FROM ($mc) x");
	}
	my $plan = nested_plan("$settings{$mode} SELECT * FROM migchain_bi.cooperation_by_country");
	like($plan, qr/cooperation_cube\(r\.kind, r\.answer, r\.country, r\.presented_on, r\.answered_on/,
		"cooperation_by_country: counted by cooperation_cube ($mode)");
	if ($mode eq 'parallel')
	{
		like($plan, qr/Partial Aggregate/, 'cooperation_by_country: partial aggregates in workers');
		my ($launched) = $plan =~ /Workers Launched: (\d+)/;
		cmp_ok($launched // 0, '>=', 1, 'cooperation_by_country: parallel workers launched ('
			  . ($launched // 0) . ')');
	}
	else
	{
		unlike($plan, qr/Gather|Partial/, 'cooperation_by_country: no parallel plan when off');
	}
}
for my $case (sort keys %cases)
{
	is($result{parallel}{$case}, $result{serial}{$case}, "$case: the same rows in parallel and serial");
}

# The comparison means something: the figures the oracle checks occur.
my $seen = $node->safe_psql('postgres', q{
	SELECT sum(answered_late) > 0, sum(accepted_tacitly) > 0, sum(open_past_deadline) > 0,
	       sum(open_over_12_months) > 0, bool_or(with_deadline = 0 AND answered_late IS NULL),
	       sum(with_deadline) FILTER (WHERE country_code IN ('TR', 'LK')) > 0,
	       bool_or(presented IS NULL AND NOT has_process)
	  FROM migchain.cooperation(NULL, NULL, '2022-03-15')});
is($seen, 't|t|t|t|t|t|t', 'late, tacit, open past deadline, over 12 months, no arrangement, working days, no process all occur');

$node->stop;
done_testing();
