# Access as real logins: an analyst reads the BI views and the period
# functions (the overviews from the rollup of the request counters) and
# reaches the person-level rows, the rollup and the load batches by no path;
# a loader writes requests in load batches, deletes none and touches the
# rollup only through its triggers.
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
-- a login of the loading job that acts as the loader (SET ROLE)
CREATE ROLE etl_login LOGIN IN ROLE loader NOINHERIT;
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
	'SELECT count(*) FROM migchain.departures(2018, 2022)',
	'SELECT count(*) FROM migchain.request_counts(2018, 2022)')
{
	($ret, $out, $err) = as('analyst', $sql);
	ok($ret == 0 && $out > 0, "analyst: $sql") or diag($err);
}
# The figures are the superuser's.
is((as('analyst', 'SELECT sum(presented) FROM migchain_bi.overview_by_year'))[1],
	$node->safe_psql('postgres', 'SELECT count(*) FROM migchain.request'),
	'the analyst sees every request counted');
# From the rollup, with no right on it nor on the requests: a delta the
# superuser adds to the rollup shows in the analyst's overview.
is($node->safe_psql('postgres', q{
SELECT has_table_privilege('analyst', 'migchain.request', 'SELECT'),
       has_table_privilege('analyst', 'migchain.request_rollup', 'SELECT'),
       has_table_privilege('analyst', 'migchain.load_batch', 'SELECT')}),
	'f|f|f', 'the analyst has no right on the requests, the rollup or the load batches');
$node->safe_psql('postgres', q{
INSERT INTO migchain.request_rollup (year, kind, country, pending, positive, negative, withdrawn)
VALUES (2020, 'LP', 'MA', 1000, 0, 0, 0)});
is((as('analyst', 'SELECT sum(presented) FROM migchain_bi.overview_by_year'))[1],
	$node->safe_psql('postgres', 'SELECT count(*) + 1000 FROM migchain.request'),
	'the analyst\'s overview_by_year reads the rollup');
$node->safe_psql('postgres', q{
DELETE FROM migchain.request_rollup WHERE (year, kind, country, pending) = (2020, 'LP', 'MA', 1000)});
is($node->safe_psql('postgres', 'SELECT count(*) FROM migchain.verify_request_rollup()'), '0',
	'the rollup is exact again');

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
	'SELECT count(*) FROM migchain.request_rollup' => qr/permission denied for table request_rollup/,
	'SELECT count(*) FROM migchain.load_batch' => qr/permission denied for table load_batch/,
	q{SELECT migchain.begin_load('case system')} => qr/permission denied for function begin_load/,
	'SELECT count(*) FROM migchain.verify_request_rollup()' =>
	  qr/permission denied for function verify_request_rollup/,
	'SELECT migchain.rebuild_request_rollup()' => qr/permission denied for function rebuild_request_rollup/,
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

# The loader loads in a batch: begins it, copies the rows from a file on
# its side (\copy), ends it, in one transaction.
my $csv = PostgreSQL::Test::Utils::tempdir . '/requests.csv';
open(my $fh, '>', $csv) or die "$csv: $!";
print $fh "kind,answer,country,presented_on,answered_on,person_id\n",
  "LP,bekend gesteld,MAR,2023-03-01,,9100001\n",
  "T&O,Ingetrokken (Geen antwoord verkregen),Marokko,2022-01-05,2023-01-05,9100002\n",
  "laissez-passer,negatief,Algerije,2023-01-11,2023-04-01,9100003\n";
close $fh;
($ret, $out, $err) = as('loader', qq{
BEGIN;
SELECT migchain.begin_load('case system', 'requests.csv') AS batch \\gset
\\copy migchain.request (kind, answer, country, presented_on, answered_on, person_id) FROM '$csv' (FORMAT csv, HEADER)
SELECT row_count FROM migchain.end_load();
COMMIT;
SELECT :batch});
is($ret, 0, 'loader: begin_load, \\copy, end_load') or diag($err);
my ($rows, $batch) = split /\n/, $out;
is($rows, '3', 'end_load counts the three rows copied');
is($node->safe_psql('postgres', qq{
SELECT string_agg(person_id::text, ',' ORDER BY person_id) FROM migchain.request WHERE batch_id = $batch}),
	'9100001,9100002,9100003', 'the rows copied are in the batch');
is($node->safe_psql('postgres', qq{
SELECT concat_ws(' ', system, file, loaded_by, session_role, row_count, ended_at IS NOT NULL,
                 removed_at IS NULL, loaded_at <= ended_at)
  FROM migchain.load_batch WHERE batch_id = $batch}),
	'case system requests.csv loader loader 3 t t t',
	'load_batch: the system, the file, loaded and logged in as the loader, three rows, ended');
($ret, $out, $err) = as('loader', "SELECT unchanged FROM migchain.load_batch_check($batch)");
is($out, 't', 'loader: load_batch_check finds the batch as it was ended') or diag($err);

# A login that acts as the loader: loaded_by is the role it acted as,
# session_role the login.
($ret, $out, $err) = as('etl_login', q{
SET ROLE loader;
BEGIN;
SELECT migchain.begin_load('case system', 'requests-2.csv') AS batch \gset
COPY migchain.request (kind, country, presented_on, person_id) FROM STDIN (FORMAT csv);
T&O,DZ,2023-05-05,9100004
\.
SELECT row_count FROM migchain.end_load();
COMMIT;
SELECT loaded_by || ' ' || session_role FROM migchain.load_batch WHERE batch_id = :batch});
is($ret, 0, 'etl_login as the loader: begin_load, COPY FROM STDIN, end_load') or diag($err);
is($out, "1\nloader etl_login", 'load_batch: loaded_by the loader, session_role the login');

# What the loader may not do: read or write the rollup, rebuild, compact or
# verify it, take a batch back, write what end_load records.
my %loader_denied = (
	'SELECT count(*) FROM migchain.request_rollup' => qr/permission denied for table request_rollup/,
	q{INSERT INTO migchain.request_rollup (year, kind, country, pending, positive, negative, withdrawn)
	  VALUES (2020, 'LP', 'MA', 1, 0, 0, 0)} => qr/permission denied for table request_rollup/,
	'SELECT migchain.rebuild_request_rollup()' => qr/permission denied for function rebuild_request_rollup/,
	'SELECT migchain.compact_request_rollup()' => qr/permission denied for function compact_request_rollup/,
	'SELECT count(*) FROM migchain.verify_request_rollup()' =>
	  qr/permission denied for function verify_request_rollup/,
	"SELECT migchain.remove_load_batch($batch, 'loaded twice')" =>
	  qr/permission denied for function remove_load_batch/,
	"DELETE FROM migchain.load_batch WHERE batch_id = $batch" => qr/permission denied for table load_batch/,
	"UPDATE migchain.load_batch SET row_count = 4 WHERE batch_id = $batch" =>
	  qr/permission denied for table load_batch/,
	q{INSERT INTO migchain.load_batch (system, loaded_by) VALUES ('case system', 'someone else')} =>
	  qr/permission denied for table load_batch/,
	q{SELECT setval('migchain.request_rollup_statement_seq', 1)} =>
	  qr/permission denied for sequence request_rollup_statement_seq/,
);
for my $sql (sort keys %loader_denied)
{
	(my $name = $sql) =~ s/\s+/ /g;
	($ret, $out, $err) = as('loader', $sql);
	ok($ret != 0 && $err =~ $loader_denied{$sql} && $out eq '', "loader refused: $name") or diag($err);
}
is($node->safe_psql('postgres', "SELECT row_count || ' ' || (removed_at IS NULL) FROM migchain.load_batch WHERE batch_id = $batch"),
	'3 true', 'the batch is as it was');

# The admin takes the batch back; the loader can add nothing to it, nor to
# a batch that does not exist (23503).
is($node->safe_psql('postgres', "SELECT migchain.remove_load_batch($batch, 'the file was loaded twice')"),
	'3', 'the admin takes the batch back: its three rows');
($ret, $out, $err) = as('loader', qq{\\set VERBOSITY verbose
SET migchain.load_batch = $batch;
INSERT INTO migchain.request (kind, country, presented_on, person_id) VALUES ('LP', 'MA', '2023-06-01', 9100005)});
like($err, qr/ERROR:  23503: load batch $batch was taken back/, 'loader: no rows into a batch taken back (23503)');
($ret, $out, $err) = as('loader', q{\set VERBOSITY verbose
INSERT INTO migchain.request (kind, country, presented_on, person_id, batch_id) VALUES ('LP', 'MA', '2023-06-01', 9100005, 99999)});
like($err, qr/ERROR:  23503: load batch 99999 does not exist/, 'loader: no rows into a batch that does not exist (23503)');
is($node->safe_psql('postgres', 'SELECT count(*) FROM migchain.request WHERE person_id = 9100005'), '0',
	'neither row is there');
is($node->safe_psql('postgres', 'SELECT count(*) FROM migchain.verify_request_rollup()'), '0',
	'the rollup counts what the loaders loaded and the admin took back');

# Report snapshots, as real logins: the analyst publishes and freezes; no
# login but the owner changes or deletes a snapshot or reads its unrounded
# counts; the owner deletes, and changes nothing either.
($ret, $out, $err) = as('analyst', q{SELECT migchain.freeze_report(2018, 2022, label => 'analyst')});
like($out, qr/^\d+$/, 'analyst: freezes a report snapshot') or diag($err);
my $snap = $out;
is($node->safe_psql('postgres', "SELECT frozen_by FROM migchain.report_snapshot WHERE snapshot_id = $snap"),
	'analyst', "the snapshot records the analyst's login");
($ret, $out, $err) = as('analyst', "SELECT count(*) FROM migchain.report_snapshot_cells($snap)");
ok($ret == 0 && $out > 0, 'analyst: reads the published cells of the snapshot') or diag($err);
($ret, $out, $err) = as('analyst', q{SELECT count(*) FROM migchain.published_cells(2018, 2022)});
ok($ret == 0 && $out > 0, 'analyst: publishes live') or diag($err);
for my $login ('analyst', 'loader', 'etl_login')
{
	for my $sql ("SELECT count(*) FROM migchain.report_snapshot_cells($snap, true)",
		'SELECT sum(count) FROM migchain.report_snapshot_cell',
		'SELECT count(*) FROM migchain.report_snapshot_view',
		"UPDATE migchain.report_snapshot SET label = 'changed' WHERE snapshot_id = $snap",
		"UPDATE migchain.report_snapshot_cell SET value = 0 WHERE snapshot_id = $snap",
		"DELETE FROM migchain.report_snapshot WHERE snapshot_id = $snap",
		"DELETE FROM migchain.report_snapshot_cell WHERE snapshot_id = $snap",
		'TRUNCATE migchain.report_snapshot_sheet',
		"INSERT INTO migchain.report_snapshot_sheet VALUES ($snap, 3, 0, 0)")
	{
		($ret, $out, $err) = as($login, $login eq 'etl_login' ? "SET ROLE loader; $sql" : $sql);
		like($err, qr/permission denied/, "$login: $sql is refused");
	}
}
is($node->safe_psql('postgres', qq{
SELECT count(*) || ' ' || bool_and(input_matches AND cells_changed = 0)
  FROM migchain.report_snapshot_check($snap)}), '3 true', 'the snapshot is as it was frozen');
($ret, $out, $err) = $node->psql('postgres', "UPDATE migchain.report_snapshot SET label = 'x' WHERE snapshot_id = $snap");
like($err, qr/report snapshot $snap is frozen: it cannot be changed/, 'the owner changes no snapshot either');
$node->safe_psql('postgres', "DELETE FROM migchain.report_snapshot WHERE snapshot_id = $snap");
is($node->safe_psql('postgres', "SELECT count(*) FROM migchain.report_snapshot_cell WHERE snapshot_id = $snap"),
	'0', 'the owner deletes a snapshot, and its cells with it');

# revoke_access: the analyst is back to nothing.
$node->safe_psql('postgres', q{SELECT migchain.revoke_access('analyst')});
($ret, $out, $err) = as('analyst', 'SELECT count(*) FROM migchain_bi.overview_by_year');
like($err, qr/permission denied for schema migchain_bi/, 'after revoke_access the analyst reads nothing');

$node->stop;
done_testing();
