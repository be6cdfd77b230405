# Access as real logins: an analyst reads the BI views and the period
# functions and reaches the person-level rows by no path; a loader writes
# requests and deletes none.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('access');
$node->init;
$node->start;
$node->safe_psql('postgres', q{
CREATE EXTENSION migchain;
SELECT migchain.generate_demo(3, 0.05);
ANALYZE migchain.request, migchain.country_route;
CREATE ROLE analyst LOGIN;
CREATE ROLE loader LOGIN;
SELECT migchain.grant_analyst('analyst');
SELECT migchain.grant_loader('loader');
});

# Run SQL as a login; return (exit status, stdout, stderr).
sub as
{
	my ($role, $sql) = @_;
	my ($ret, $out, $err) = $node->psql('postgres', $sql, extra_params => [ '-U', $role ]);
	return ($ret, $out, $err);
}

my ($ret, $out, $err) = as('analyst', 'SELECT current_user, session_user');
is($out, 'analyst|analyst', 'logged in as the analyst itself');

# What works.
for my $sql ('SELECT count(*) FROM migchain_bi.overview_by_year',
	'SELECT count(*) FROM migchain_bi.not_confirmed_by_country',
	'SELECT count(*) FROM migchain_bi.persons_by_year',
	'SELECT count(*) FROM migchain.overview(2018, 2022)',
	q{SELECT count(*) FROM migchain.not_confirmed_by_country('T&O', 2018, NULL)},
	'SELECT count(*) FROM migchain.persons(NULL, 2022)',
	'SELECT count(*) FROM migchain_bi.cooperation_by_country',
	'SELECT count(*) FROM migchain_bi.conditions_by_country',
	'SELECT count(*) FROM migchain_bi.returnable_by_month',
	'SELECT count(*) FROM migchain_bi.detention_exits_by_year',
	'SELECT count(*) FROM migchain_bi.departures_by_year',
	q{SELECT count(*) FROM migchain.cooperation(2018, 2022, '2023-03-31')},
	q{SELECT count(*) FROM migchain.conditions_as_of('2022-12-31')},
	q{SELECT count(*) FROM migchain.returnable_by_month('2022-01-01', '2022-12-31')},
	'SELECT count(*) FROM migchain.detention_exits(2018, 2022)',
	'SELECT count(*) FROM migchain.departures(2018, 2022)')
{
	($ret, $out, $err) = as('analyst', $sql);
	ok($ret == 0 && $out > 0, "analyst: $sql") or diag($err);
}
# The figures are the superuser's.
is((as('analyst', 'SELECT sum(presented) FROM migchain_bi.overview_by_year'))[1],
	$node->safe_psql('postgres', 'SELECT count(*) FROM migchain.request'),
	'the analyst sees every request counted');

# What does not: every path to the person-level rows.
my %denied = (
	'SELECT person_id FROM migchain.request LIMIT 1' => qr/permission denied for table request/,
	'SELECT count(*) FROM migchain.country_route' => qr/permission denied for table country_route/,
	'SELECT migchain.request_cube(kind, answer, country, presented_on) FROM migchain.request' =>
	  qr/permission denied for table request/,
	'SELECT migchain.person_cube(kind, country, person_id, presented_on) FROM migchain.request' =>
	  qr/permission denied for table request/,
	'COPY migchain.request TO STDOUT' => qr/permission denied for table request/,
	'COPY migchain.request TO STDOUT (FORMAT binary)' => qr/permission denied for table request/,
	q{COPY migchain.request TO '/tmp/migchain-access-test.csv'} => qr/permission denied|must be superuser|pg_write_server_files/,
	q{SELECT migchain.has_process('SO', 'LP', 2020)} => qr/permission denied for table country_route/,
	'SELECT * FROM migchain.demo_requests(3, 0.05, 2017, 2022) LIMIT 1' =>
	  qr/permission denied for function demo_requests/,
	'SELECT migchain.generate_demo()' => qr/permission denied for function generate_demo/,
	q{SELECT migchain.grant_loader('analyst')} => qr/permission denied for function grant_loader/,
	'SELECT count(*) FROM pg_statistic' => qr/permission denied for table pg_statistic/,
	q{INSERT INTO migchain.request (kind, answer, country, presented_on, person_id)
	  VALUES ('LP', 'positive', 'MA', '2020-01-01', 123456789)} => qr/permission denied for table request/,
	q{UPDATE migchain.request SET person_id = person_id} => qr/permission denied for table request/,
	q{SELECT nextval('migchain.request_request_id_seq')} => qr/permission denied for sequence/,
	'SELECT person_id FROM migchain.return_case LIMIT 1' => qr/permission denied for table return_case/,
	'SELECT count(*) FROM migchain.condition_observation' =>
	  qr/permission denied for table condition_observation/,
	'SELECT person_id FROM migchain.detention_episode LIMIT 1' =>
	  qr/permission denied for table detention_episode/,
	'SELECT count(*) FROM migchain.holiday' => qr/permission denied for table holiday/,
	'SELECT count(*) FROM migchain.unanswered_withdrawal' =>
	  qr/permission denied for table unanswered_withdrawal/,
	'SELECT * FROM migchain.demo_cases(3, 0.05, 2017, 2022) LIMIT 1' =>
	  qr/permission denied for function demo_cases/,
	'SELECT migchain.cooperation_cube(kind, answer, country, presented_on, answered_on, current_date) FROM migchain.request' =>
	  qr/permission denied for table request/,
	'SELECT migchain.light_counts(conditions) FROM migchain.condition_observation' =>
	  qr/permission denied for table condition_observation/,
	q{SELECT count(*) FROM migchain.unanswered_requests('2023-03-31', 12)} =>
	  qr/permission denied for function unanswered_requests/,
	q{INSERT INTO migchain.return_case (person_id, country, opened_on) VALUES (123456789, 'MA', '2022-01-01')} =>
	  qr/permission denied for table return_case/,
);
for my $sql (sort keys %denied)
{
	(my $name = $sql) =~ s/\s+/ /g;
	($ret, $out, $err) = as('analyst', $sql);
	ok($ret != 0 && $err =~ $denied{$sql} && $out eq '', "analyst refused: $name") or diag($err);
	unlike($err, qr/123456789|Failing row/, "no row in the error: $name");
}
ok(!-e '/tmp/migchain-access-test.csv', 'no file written');

# Statistics: the superuser sees the histogram of person numbers, the
# analyst no statistic of the extension's tables at all.
is($node->safe_psql('postgres', q{
SELECT histogram_bounds IS NOT NULL FROM pg_stats
 WHERE schemaname = 'migchain' AND tablename = 'request' AND attname = 'person_id'}),
	't', 'the statistics hold a histogram of person numbers');
is((as('analyst', q{SELECT count(*) FROM pg_stats WHERE schemaname = 'migchain'}))[1],
	'0', 'pg_stats shows the analyst nothing of them');

# The loader.
($ret, $out, $err) = as('loader', q{
INSERT INTO migchain.request (kind, country, presented_on, person_id)
VALUES ('LP', 'MA', '2022-02-02', 777777) RETURNING request_id});
ok($ret == 0 && $out > 0, 'loader inserts a request, the identity gives it a number') or diag($err);
my $id = $out;
($ret, $out, $err) = as('loader', qq{
UPDATE migchain.request SET answer = 'positive', answered_on = '2022-03-01' WHERE request_id = $id;
SELECT answer FROM migchain.request WHERE request_id = $id});
is($out, 'positief', 'loader updates the answer and reads it back');
($ret, $out, $err) = as('loader', "DELETE FROM migchain.request WHERE request_id = $id");
like($err, qr/permission denied for table request/, 'loader deletes nothing');
($ret, $out, $err) = as('loader', 'TRUNCATE migchain.country_route');
like($err, qr/permission denied for table country_route/, 'loader truncates nothing');
($ret, $out, $err) = as('loader', 'SELECT migchain.generate_demo()');
like($err, qr/permission denied for function generate_demo/, 'loader runs no demo generator');

# The loader writes the second half of the chain the same way: cases, their
# conditions, detention episodes and holidays, in, updated, never deleted.
($ret, $out, $err) = as('loader', q{
INSERT INTO migchain.return_case (person_id, country, opened_on)
VALUES (888888, 'DZ', '2022-01-10') RETURNING case_id});
ok($ret == 0 && $out > 0, 'loader opens a return case') or diag($err);
my $case = $out;
($ret, $out, $err) = as('loader', qq{
INSERT INTO migchain.condition_observation (case_id, observed_on, conditions)
VALUES ($case, '2022-01-11', 'GR?GG');
INSERT INTO migchain.detention_episode (person_id, case_id, started_on)
VALUES (888888, $case, '2022-02-01') RETURNING episode_id > 0;
UPDATE migchain.detention_episode SET ended_on = '2022-03-01', ended_by = 'balancing',
       left_unsupervised = true WHERE case_id = $case;
UPDATE migchain.return_case SET closed_on = '2022-03-20', outcome = 'unsupervised' WHERE case_id = $case;
INSERT INTO migchain.holiday VALUES ('DZ', '2022-07-05', 'Independence Day');
SELECT outcome FROM migchain.return_case WHERE case_id = $case});
is($ret, 0, 'loader records conditions, detention, the end of the case and a holiday') or diag($err);
like($out, qr/vertrek zonder toezicht$/, 'and reads the outcome back');
for my $table (qw(return_case condition_observation detention_episode holiday))
{
	($ret, $out, $err) = as('loader', "DELETE FROM migchain.$table");
	like($err, qr/permission denied for table $table/, "loader deletes nothing from $table");
}
($ret, $out, $err) = as('loader', q{INSERT INTO migchain.unanswered_withdrawal DEFAULT VALUES});
like($err, qr/permission denied for table unanswered_withdrawal/, 'loader writes no audit row itself');

# revoke_access: the analyst is back to nothing.
$node->safe_psql('postgres', q{SELECT migchain.revoke_access('analyst')});
($ret, $out, $err) = as('analyst', 'SELECT count(*) FROM migchain_bi.overview_by_year');
like($err, qr/permission denied for schema migchain_bi/, 'after revoke_access the analyst reads nothing');

$node->stop;
done_testing();
