# The overviews against an independent plain-SQL computation over the same
# generated rows, with parallel plans forced and with parallelism off.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('oracle');
$node->init;
$node->append_conf('postgresql.conf', qq{
max_worker_processes = 8
max_parallel_workers = 4
migchain.language = 'en'
});
$node->start;
$node->safe_psql('postgres', 'CREATE EXTENSION migchain');
my $made = $node->safe_psql('postgres', 'SELECT migchain.generate_demo(7, 3, with_cases => false)');
cmp_ok($made, '>', 100000, "demo data generated ($made requests)");
$node->safe_psql('postgres', 'ANALYZE');

# Plain SQL over text labels: shares nothing with the cube but the rows.
my %oracle = (
	overview_by_year => q{
		SELECT date_part('year', presented_on)::int AS year, kind::text AS kind,
		       count(*) AS presented,
		       count(*) FILTER (WHERE answer::text = 'positive') AS positive,
		       count(*) FILTER (WHERE answer::text = 'negative') AS negative,
		       count(*) FILTER (WHERE answer::text = 'withdrawn') AS withdrawn,
		       count(*) FILTER (WHERE answer::text = 'pending') AS pending
		  FROM migchain.request GROUP BY 1, 2},
	not_confirmed_by_country => q{
		WITH counted AS (
		  SELECT date_part('year', presented_on)::int AS year, kind::text AS kind,
		         country::text AS country_code,
		         count(*) FILTER (WHERE answer::text = 'negative') AS negative,
		         count(*) FILTER (WHERE answer::text = 'withdrawn') AS withdrawn,
		         count(*) FILTER (WHERE answer::text IN ('negative', 'withdrawn')) AS not_confirmed,
		         count(*) AS presented
		    FROM migchain.request GROUP BY 1, 2, 3),
		routes AS (
		  SELECT country::text AS country_code, kind::text AS kind, has_process,
		         date_part('year', valid_from)::int AS y0,
		         coalesce(date_part('year', valid_to - 1)::int, 9999) AS y1
		    FROM migchain.country_route),
		process AS (
		  SELECT c.year, c.kind, r.country_code, bool_or(r.has_process) AS has_process
		    FROM (SELECT DISTINCT year, kind FROM counted) c
		    JOIN routes r ON r.kind = c.kind AND c.year BETWEEN r.y0 AND r.y1
		   GROUP BY 1, 2, 3)
		SELECT c.year, c.kind, c.country_code, c.negative, c.withdrawn, c.not_confirmed,
		       c.presented, p.has_process
		  FROM counted c LEFT JOIN process p USING (year, kind, country_code)
		UNION ALL
		SELECT p.year, p.kind, p.country_code, NULL, NULL, NULL, NULL, false
		  FROM process p
		 WHERE NOT p.has_process
		   AND NOT EXISTS (SELECT 1 FROM counted c WHERE (c.year, c.kind, c.country_code)
		                                              = (p.year, p.kind, p.country_code))},
	persons_by_year => q{
		SELECT year, kind, count(*) AS presented, count(DISTINCT person_id) AS persons,
		       count(DISTINCT person_id) FILTER (WHERE several) AS persons_several_countries
		  FROM (SELECT date_part('year', presented_on)::int AS year, kind::text AS kind, person_id,
		               min(country::text) OVER w <> max(country::text) OVER w AS several
		          FROM migchain.request
		        WINDOW w AS (PARTITION BY date_part('year', presented_on), kind::text, person_id)) x
		 GROUP BY 1, 2},
);
my %columns = (
	overview_by_year => 'year, kind, presented, positive, negative, withdrawn, pending',
	not_confirmed_by_country =>
	  'year, kind, country_code, negative, withdrawn, not_confirmed, presented, has_process',
	persons_by_year => 'year, kind, presented, persons, persons_several_countries',
);

# The plans of the statements a query runs inside functions, from the log;
# with $analyze, as run (with the parallel workers launched).
sub nested_plan
{
	my ($sql, $analyze) = @_;
	my $offset = -s $node->logfile;
	my $how = $analyze ? 'SET auto_explain.log_analyze = on; SET auto_explain.log_timing = off;' : '';
	$node->safe_psql('postgres', qq{LOAD 'auto_explain';
		SET auto_explain.log_min_duration = 0;
		SET auto_explain.log_nested_statements = on;
		$how
		$sql});
	return slurp_file($node->logfile, $offset);
}

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

my %settings = (
	parallel => q{SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0;
		SET min_parallel_table_scan_size = 0; SET max_parallel_workers_per_gather = 2;},
	serial => q{SET max_parallel_workers_per_gather = 0;},
);

for my $mode (sort keys %settings)
{
	for my $view (sort keys %oracle)
	{
		my $cols = $columns{$view};
		is(rows_differ($settings{$mode}, "SELECT $cols FROM migchain_bi.$view",
				"SELECT $cols FROM ($oracle{$view}) o"),
			'0', "$view equals plain SQL ($mode)");
		my $rows = $node->safe_psql('postgres', "SELECT count(*) FROM migchain_bi.$view");
		cmp_ok($rows, '>', 5, "$view has rows ($rows, $mode)");
	}
	# overview_by_year answers from the rollup (inside request_counts():
	# auto_explain shows the plans of nested statements in the server log),
	# never from the requests.
	my $plan = nested_plan("$settings{$mode} SELECT * FROM migchain_bi.overview_by_year");
	like($plan, qr/Scan on request_rollup/, "overview_by_year: reads the rollup ($mode)");
	unlike($plan, qr/ on request\s/, "overview_by_year: does not read the requests ($mode)");
	# The fresh count that verify_request_rollup() compares the rollup with
	# runs inside migchain.period_cube(): in parallel when it may.
	$plan = nested_plan("$settings{$mode} SELECT * FROM migchain.verify_request_rollup()");
	if ($mode eq 'parallel')
	{
		like($plan, qr/Partial Aggregate/, 'period_cube: partial aggregates in workers');
		like($plan, qr/Parallel Seq Scan on request/, 'period_cube: parallel scan');
	}
	else
	{
		unlike($plan, qr/Gather|Partial/, 'period_cube: no parallel plan when off');
		like($plan, qr/Seq Scan on request r/, 'period_cube: one scan of the table');
	}
	is($node->safe_psql('postgres', "$settings{$mode} SELECT count(*) FROM migchain.verify_request_rollup()"),
		'0', "the rollup equals a fresh count of the requests ($mode)");
	# persons_by_year runs person_cube inside migchain.persons(): in
	# parallel, workers really run and their partial states are merged.
	$plan = nested_plan("$settings{$mode} SELECT * FROM migchain_bi.persons_by_year", 1);
	like($plan, qr/person_cube\(r\.kind, r\.country, r\.person_id, r\.presented_on\)/,
		'persons_by_year: counted by person_cube');
	if ($mode eq 'parallel')
	{
		like($plan, qr/Partial Aggregate/, 'persons_by_year: partial aggregates in workers');
		my ($launched) = $plan =~ /Workers Launched: (\d+)/;
		cmp_ok($launched // 0, '>=', 1, 'persons_by_year: parallel workers launched ('
			  . ($launched // 0) . ')');
	}
	else
	{
		unlike($plan, qr/Gather|Partial/, 'persons_by_year: no parallel plan when off');
	}
}

# One year: the overviews read the rollup's rows of that year; the cube of
# one year (period_cube) reads the index on presented_on, not the whole
# table.
like(nested_plan('SELECT * FROM migchain.overview(2020, 2020)'),
	qr/Scan on request_rollup/, 'overview of one year reads the rollup');
like(nested_plan(q{SELECT * FROM migchain.not_confirmed_by_country('LP', 2021, 2021)}),
	qr/Scan on request_rollup/, 'not_confirmed of one year reads the rollup');
like(nested_plan('SELECT count(*) FROM migchain.period_cube(2020, 2020)'),
	qr/Index (Only )?Scan using request_presented_on_idx|Bitmap Index Scan on request_presented_on_idx/,
	'period_cube of one year uses the index');
is(rows_differ('', 'SELECT * FROM migchain.overview(2020, 2020)', qq{
		SELECT * FROM ($oracle{overview_by_year}) o WHERE year = 2020}),
	'0', 'overview(2020, 2020) equals plain SQL for 2020');

# Somalia has no LP process: never a count of 0, in every year.
is($node->safe_psql('postgres', q{
	SELECT count(*) || ' ' || count(*) FILTER (WHERE presented IS NULL AND NOT has_process)
	  FROM migchain_bi.not_confirmed_by_country WHERE country_code = 'SO' AND kind = 'LP'}),
	'6 6', 'Somalia shows no LP process in each of the six years');

# Any period: the function equals the view restricted to the years.
for my $f (qw(overview persons))
{
	my $view = $f eq 'overview' ? 'overview_by_year' : 'persons_by_year';
	is(rows_differ('', "SELECT * FROM migchain.$f(2019, 2021)",
			"SELECT * FROM migchain_bi.$view WHERE year BETWEEN 2019 AND 2021"),
		'0', "$f(2019, 2021) is the view for those years");
}

# Determinism: the same seed gives the same rows in another database, a
# different seed different rows.
$node->safe_psql('postgres', 'CREATE DATABASE again');
$node->safe_psql('again', 'CREATE EXTENSION migchain');
$node->safe_psql('again', 'SELECT migchain.generate_demo(7, 3, with_cases => false)');
my $digest = q{SELECT md5(string_agg(format('%s|%s|%s|%s|%s|%s|%s|%s', request_id, kind, answer,
	country, presented_on, person_id, answered_on, requested_on), ',' ORDER BY request_id))
	FROM migchain.request};
is($node->safe_psql('again', $digest), $node->safe_psql('postgres', $digest),
	'same seed, same rows');
$node->safe_psql('again', 'TRUNCATE migchain.request, migchain.country_route');
$node->safe_psql('again', 'SELECT migchain.generate_demo(8, 3, with_cases => false)');
isnt($node->safe_psql('again', $digest), $node->safe_psql('postgres', $digest),
	'another seed, other rows');

$node->stop;
done_testing();
