# Conditions, detention exits and departures against an independent
# plain-SQL computation over the demo's rows; the demo's volumes against the
# public figures it follows; the demo is deterministic and leaves the
# requests as they were.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('blocked');
$node->init;
$node->append_conf('postgresql.conf', qq{
max_worker_processes = 8
max_parallel_workers = 4
migchain.language = 'en'
});
$node->start;
$node->safe_psql('postgres', 'CREATE EXTENSION migchain');
my $made = $node->safe_psql('postgres', 'SELECT migchain.generate_demo(11, 1)');
cmp_ok($made, '>', 40000, "demo data generated ($made requests)");
$node->safe_psql('postgres', 'ANALYZE');

my ($cases, $observations, $episodes) = split /\|/, $node->safe_psql('postgres', q{
	SELECT (SELECT count(*) FROM migchain.return_case),
	       (SELECT count(*) FROM migchain.condition_observation),
	       (SELECT count(*) FROM migchain.detention_episode)});
cmp_ok($cases, '>', 100000, "return cases generated ($cases)");
cmp_ok($observations, '>', 2 * $cases, "observations generated ($observations)");
cmp_ok($episodes, '>', 10000, "detention episodes generated ($episodes)");

# --- the demo follows the public figures ----------------------------------
# Departures per year at scale 1 are the public figures exactly (the
# generator makes that many cases closed per year and outcome).
my %public = (
	2017 => [3400, 2700, 9020], 2018 => [3610, 2650, 8620], 2019 => [4460, 2760, 9660],
	2020 => [2630, 1650, 6880], 2021 => [2100, 1630, 5600], 2022 => [2450, 1850, 4310]);
my %got = map { my @f = split /\|/; ($f[0] => [@f[1 .. 3]]) } split /\n/,
  $node->safe_psql('postgres', q{
	SELECT year, independent, forced, unsupervised FROM migchain_bi.departures_by_year});
is_deeply([map { $got{$_} } sort keys %public], [map { $public{$_} } sort keys %public],
	'departures per year 2017-2022 are the public figures at scale 1');

# 2018: about 790 left detention without supervision after it was lifted,
# about 440 of them after a balancing of interests (random draws: within 10%).
my ($left, $balancing) = split /\|/, $node->safe_psql('postgres', q{
	SELECT left_unsupervised, left_unsupervised_after_balancing
	  FROM migchain_bi.detention_exits_by_year WHERE year = 2018});
ok($left >= 710 && $left <= 870, "2018: $left left detention without supervision (about 790)");
ok($balancing >= 395 && $balancing <= 485,
	"2018: $balancing of them after a balancing of interests (about 440)");

# The edge cases the demo must contain.
my ($never_observed, $running, $two_in_a_year) = split /\|/, $node->safe_psql('postgres', q{
	SELECT (SELECT count(*) FROM migchain.return_case c
	         WHERE NOT EXISTS (SELECT 1 FROM migchain.condition_observation o
	                            WHERE o.case_id = c.case_id)),
	       (SELECT count(*) FROM migchain.detention_episode WHERE ended_on IS NULL),
	       (SELECT count(*) FROM (SELECT person_id, date_part('year', ended_on)
	                                FROM migchain.detention_episode WHERE ended_on IS NOT NULL
	                               GROUP BY 1, 2 HAVING count(*) > 1) t)});
cmp_ok($never_observed, '>', 0, "cases never observed: $never_observed");
cmp_ok($running, '>', 0, "detention episodes still running: $running");
cmp_ok($two_in_a_year, '>', 0, "persons with two detention exits in one year: $two_in_a_year");

# --- each function against plain SQL over text labels ----------------------
# compare(name, migchain's query, the oracle's query): both sets equal, as
# multisets, and not empty.
sub compare
{
	my ($name, $ours, $oracle) = @_;
	my $check = qq{
		WITH a AS ($ours), b AS ($oracle)
		SELECT (SELECT count(*) FROM a),
		       (SELECT count(*) FROM b),
		       (SELECT count(*) FROM ((SELECT * FROM a EXCEPT ALL SELECT * FROM b)
		                   UNION ALL (SELECT * FROM b EXCEPT ALL SELECT * FROM a)) d)};
	my ($na, $nb, $diff) = split /\|/, $node->safe_psql('postgres', $check);
	ok($na > 0 && $na == $nb && $diff == 0, "$name: $na rows, equal to plain SQL")
	  or diag("$name: ours $na rows, plain SQL $nb rows, $diff differ");
}

# conditions on several days: the latest observation on or before the day,
# by DISTINCT ON; lights read from the text form
for my $day ('2018-06-30', '2021-01-01', '2022-12-31', '2023-03-31')
{
	compare("conditions_as_of($day)",
		qq{SELECT * FROM migchain.conditions_as_of('$day')},
		qq{WITH open AS (
		     SELECT c.case_id, c.country::text AS code
		       FROM migchain.return_case c
		      WHERE c.opened_on <= '$day' AND coalesce(c.closed_on > '$day', true)),
		   latest AS (
		     SELECT DISTINCT ON (o.case_id) o.case_id, o.conditions::text AS l
		       FROM migchain.condition_observation o
		      WHERE o.observed_on <= '$day'
		      ORDER BY o.case_id, o.observed_on DESC),
		   lit AS (
		     SELECT open.code, coalesce(latest.l, '?????') AS l, latest.l IS NOT NULL AS seen
		       FROM open LEFT JOIN latest USING (case_id))
		   SELECT code, migchain.name(code::migchain.country), count(*), count(*) FILTER (WHERE seen),
		          count(*) FILTER (WHERE l = 'GGGGG'),
		          count(*) FILTER (WHERE substr(l, 1, 1) = 'R'), count(*) FILTER (WHERE substr(l, 2, 1) = 'R'),
		          count(*) FILTER (WHERE substr(l, 3, 1) = 'R'), count(*) FILTER (WHERE substr(l, 4, 1) = 'R'),
		          count(*) FILTER (WHERE substr(l, 5, 1) = 'R'),
		          count(*) FILTER (WHERE substr(l, 1, 1) = '?'), count(*) FILTER (WHERE substr(l, 2, 1) = '?'),
		          count(*) FILTER (WHERE substr(l, 3, 1) = '?'), count(*) FILTER (WHERE substr(l, 4, 1) = '?'),
		          count(*) FILTER (WHERE substr(l, 5, 1) = '?')
		     FROM lit GROUP BY code});
}

# month ends: each case tested against each month end
compare('returnable_by_month(2020-11-15, 2023-02-01)',
	q{SELECT * FROM migchain.returnable_by_month('2020-11-15', '2023-02-01')},
	q{WITH m AS (
	    SELECT (d + interval '1 month - 1 day')::date AS month_end
	      FROM generate_series('2020-11-01'::date, '2023-02-01', interval '1 month') d)
	  SELECT m.month_end, c.country::text, migchain.name(c.country), count(*),
	         count(*) FILTER (WHERE (SELECT o.conditions::text
	                                   FROM migchain.condition_observation o
	                                  WHERE o.case_id = c.case_id AND o.observed_on <= m.month_end
	                                  ORDER BY o.observed_on DESC LIMIT 1) = 'GGGGG')
	    FROM m JOIN migchain.return_case c
	      ON c.opened_on <= m.month_end AND coalesce(c.closed_on > m.month_end, true)
	   GROUP BY 1, 2, 3});

compare('detention_exits()',
	q{SELECT * FROM migchain.detention_exits()},
	q{SELECT extract(year FROM ended_on)::int, count(*),
	         count(*) FILTER (WHERE ended_by::text = 'departure'),
	         count(*) FILTER (WHERE ended_by::text IN ('balancing', 'court', 'maximum term')),
	         count(*) FILTER (WHERE ended_by::text = 'balancing'),
	         count(*) FILTER (WHERE ended_by::text = 'court'),
	         count(*) FILTER (WHERE ended_by::text = 'maximum term'),
	         count(*) FILTER (WHERE ended_by::text = 'other'),
	         count(*) FILTER (WHERE left_unsupervised),
	         count(*) FILTER (WHERE left_unsupervised AND ended_by::text = 'balancing'),
	         count(DISTINCT person_id)
	    FROM migchain.detention_episode WHERE ended_on IS NOT NULL GROUP BY 1});
compare('detention_exits(2018, 2020)',
	q{SELECT * FROM migchain.detention_exits(2018, 2020)},
	q{SELECT * FROM migchain_bi.detention_exits_by_year WHERE year BETWEEN 2018 AND 2020});

compare('departures()',
	q{SELECT * FROM migchain.departures()},
	q{SELECT extract(year FROM closed_on)::int,
	         count(*) FILTER (WHERE outcome::text = 'independent'),
	         count(*) FILTER (WHERE outcome::text = 'forced'),
	         count(*) FILTER (WHERE outcome::text IN ('independent', 'forced')),
	         count(*) FILTER (WHERE outcome::text = 'unsupervised'),
	         count(*) FILTER (WHERE outcome::text = 'residence permit'),
	         count(*) FILTER (WHERE outcome::text = 'other member state'),
	         count(*) FILTER (WHERE outcome::text = 'other'),
	         count(*)
	    FROM migchain.return_case WHERE closed_on IS NOT NULL GROUP BY 1});


# --- the aggregates behind them run in parallel ------------------------------
# light_counts over the conditions of the open cases, by country, and
# answer_delays over the requests, by year, country and kind: workers launched
# (auto_explain, as run), and the same result with parallelism off.
my %agg = (
	light_counts => q{SELECT c.country::text, migchain.light_counts(o.conditions)::text
	                    FROM migchain.condition_observation o
	                    JOIN migchain.return_case c USING (case_id) GROUP BY 1},
	answer_delays => q{SELECT date_part('year', presented_on), country::text, kind::text,
	                          migchain.answer_delays(answer, presented_on, answered_on)::text
	                     FROM migchain.request GROUP BY 1, 2, 3},
);
my $parallel = q{SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0;
	SET min_parallel_table_scan_size = 0; SET max_parallel_workers_per_gather = 2;
	SET enable_hashagg = off;};
for my $name (sort keys %agg)
{
	my $offset = -s $node->logfile;
	my $in_parallel = $node->safe_psql('postgres', qq{LOAD 'auto_explain';
		SET auto_explain.log_min_duration = 0; SET auto_explain.log_analyze = on;
		SET auto_explain.log_timing = off; $parallel
		SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM ($agg{$name}) t});
	my $log = slurp_file($node->logfile, $offset);
	like($log, qr/Partial GroupAggregate|Partial HashAggregate/, "$name: partial aggregates");
	like($log, qr/Workers Launched: [12]/, "$name: workers launched");
	my $serial = $node->safe_psql('postgres', qq{SET max_parallel_workers_per_gather = 0;
		SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM ($agg{$name}) t});
	is($in_parallel, $serial, "$name: the same result with parallelism off");
}

# --- deterministic, and the requests are what they were ---------------------
$node->safe_psql('postgres', 'CREATE DATABASE again');
$node->safe_psql('again', 'CREATE EXTENSION migchain');
$node->safe_psql('again', 'SELECT migchain.generate_demo(11, 1)');
my $fingerprint = q{
	SELECT md5(string_agg(t, E'\n' ORDER BY t)) FROM (
	  SELECT format('c %s %s %s %s %s %s', case_id, person_id, country, opened_on, closed_on, outcome) AS t
	    FROM migchain.return_case
	  UNION ALL
	  SELECT format('o %s %s %s', case_id, observed_on, conditions) FROM migchain.condition_observation
	  UNION ALL
	  SELECT format('d %s %s %s %s %s %s', person_id, case_id, started_on, ended_on, ended_by, left_unsupervised)
	    FROM migchain.detention_episode) x};
is($node->safe_psql('again', $fingerprint), $node->safe_psql('postgres', $fingerprint),
	'the same seed and scale give the same cases, observations and episodes');

$node->safe_psql('postgres', 'CREATE DATABASE requests_only');
$node->safe_psql('requests_only', 'CREATE EXTENSION migchain');
$node->safe_psql('requests_only', 'SELECT migchain.generate_demo(11, 1, with_cases => false)');
my $requests = q{
	SELECT md5(string_agg(format('%s %s %s %s %s %s %s %s', request_id, kind, answer, country,
	                             presented_on, person_id, answered_on, requested_on), E'\n'
	                      ORDER BY request_id))
	  FROM migchain.request};
is($node->safe_psql('requests_only', $requests), $node->safe_psql('postgres', $requests),
	'the requests are the same with and without the cases');
# ... and the same as before the demo made cases (0.1.0 and the first 0.2.0
# builds made these rows for seed 11, scale 1)
is($node->safe_psql('postgres', "SET migchain.language = 'nl'; $requests"), 'ec28fd3d14bdba287da2ab31003cb0fc',
	'the requests are those the demo made before it made cases');
is($node->safe_psql('requests_only', 'SELECT count(*) FROM migchain.return_case'), '0',
	'with_cases => false makes no cases');

$node->stop;
done_testing();
