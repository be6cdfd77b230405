# Scheduled snapshots: pg_cron freezes a report every minute as an analyst
# (a role without superuser rights that scheduled the job itself), in a
# background worker (the test cluster listens on a socket only), as
# docs/publishing.md ("Scheduling") describes.  pg_cron is a test
# dependency: when it is not installed the test fails, it does not skip.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use Time::HiRes qw(time);

my $pkglibdir = `pg_config --pkglibdir`;
chomp $pkglibdir;
my $sharedir = `pg_config --sharedir`;
chomp $sharedir;
if (!-f "$pkglibdir/pg_cron.so" || !-f "$sharedir/extension/pg_cron.control")
{
	fail("pg_cron is installed ($pkglibdir/pg_cron.so, $sharedir/extension/pg_cron.control):"
		  . ' install postgresql-15-cron (make deps)');
	done_testing();
	exit;
}
pass('pg_cron is installed');

my $db = 'reports';
my $node = PostgreSQL::Test::Cluster->new('cron');
$node->init;
$node->start;
# the database first: pg_cron's launcher connects to it when it starts
$node->safe_psql('postgres', "CREATE DATABASE $db");
# the launcher and one worker per running job: room for both and more
$node->append_conf('postgresql.conf', qq{
shared_preload_libraries = 'pg_cron'
cron.database_name = '$db'
cron.use_background_workers = on
max_worker_processes = 16
migchain.language = 'en'
});
$node->restart;
$node->safe_psql($db, q{
	CREATE EXTENSION pg_cron;
	CREATE EXTENSION migchain;
	CREATE ROLE reporter LOGIN;
	SELECT migchain.grant_analyst('reporter');
	GRANT USAGE ON SCHEMA cron TO reporter;
});
my $made = $node->safe_psql($db, 'SELECT migchain.generate_demo(5, 0.05)');
cmp_ok($made, '>', 1000, "demo data ($made requests)");

# The job is scheduled by the analyst itself: pg_cron runs a job as the
# role that scheduled it (cron.job.username).
my $as_reporter = [ '-U', 'reporter' ];
is($node->safe_psql($db, 'SELECT rolsuper FROM pg_roles WHERE rolname = current_user',
		extra_params => $as_reporter),
	'f', 'the role that schedules is not a superuser');
my $command = q{SELECT migchain.freeze_report(2019, 2021, 10, 5, 'scheduled by pg_cron')};
my $jobid = $node->safe_psql($db,
	qq{SELECT cron.schedule('monthly-press-answer', '* * * * *', \$\$$command\$\$)},
	extra_params => $as_reporter);
like($jobid, qr/^\d+$/, "the analyst schedules the job (job $jobid)");
is($node->safe_psql($db, "SELECT username || ' ' || database || ' ' || schedule FROM cron.job WHERE jobid = $jobid"),
	"reporter $db * * * * *", 'the job runs as the analyst, in the database, every minute');
# and a job with a bad period, in the same minute: its run fails with the error
my $bad_command = q{SELECT migchain.freeze_report(2021, 2019)};
my $bad_jobid = $node->safe_psql($db,
	qq{SELECT cron.schedule('bad-period', '* * * * *', \$\$$bad_command\$\$)},
	extra_params => $as_reporter);

# pg_cron starts jobs at the start of a minute: the first run comes within
# a minute and a bit; wait for it to end (bounded: 150 s).
my ($snapshot, $status, $bad_status);
my $deadline = time + 150;
my $first_run = q{SELECT status FROM cron.job_run_details
	 WHERE jobid = %d AND status IN ('succeeded', 'failed') ORDER BY runid LIMIT 1};
while (time < $deadline)
{
	$status = $node->safe_psql($db, sprintf($first_run, $jobid));
	$bad_status = $node->safe_psql($db, sprintf($first_run, $bad_jobid));
	last if $status ne '' && $bad_status ne '';
	sleep 1;
}
is($status, 'succeeded', 'the first run of the job succeeded (cron.job_run_details)')
  or diag($node->safe_psql($db, "SELECT * FROM cron.job_run_details WHERE jobid = $jobid"));
is($node->safe_psql($db, qq{
		SELECT username || ' ' || database || ' ' || command || ' ' || return_message
		  FROM cron.job_run_details WHERE jobid = $jobid AND status = 'succeeded'
		 ORDER BY runid LIMIT 1}, extra_params => $as_reporter),
	"reporter $db $command SELECT 1", 'the analyst sees its run: its command, as itself, one row');
is($bad_status, 'failed', 'the job with a bad period failed');
# the message, then its hint and context
my ($message, $hint) = split /\n/, $node->safe_psql($db, qq{
		SELECT return_message FROM cron.job_run_details WHERE jobid = $bad_jobid
		 ORDER BY runid LIMIT 1}, extra_params => $as_reporter);
is($message, 'ERROR: from_year 2021 is after to_year 2019', 'the failed run records the error');
like($hint // '', qr/^HINT: /, 'the failed run records the hint');

$snapshot = $node->safe_psql($db, q{
	SELECT min(snapshot_id) FROM migchain.report_snapshot WHERE label = 'scheduled by pg_cron'});
like($snapshot, qr/^\d+$/, "the job froze a snapshot ($snapshot)");
is($node->safe_psql($db, qq{
		SELECT concat_ws(' ', frozen_by, from_year, to_year, base, threshold, label,
		                 extension_version = (SELECT extversion FROM pg_extension WHERE extname = 'migchain'),
		                 frozen_at > now() - interval '10 minutes')
		  FROM migchain.report_snapshot WHERE snapshot_id = $snapshot}, extra_params => $as_reporter),
	'reporter 2019 2021 10 5 scheduled by pg_cron t t',
	'the snapshot: frozen by the analyst, with the parameters of the job (read by the analyst)');
# what it froze is what is published now (the data did not change)
is($node->safe_psql($db, qq{
	SELECT count(*) FROM (
	  (SELECT * FROM migchain.report_snapshot_cells($snapshot)
	   EXCEPT ALL SELECT * FROM migchain.published_cells(2019, 2021, 10, 5))
	  UNION ALL
	  (SELECT * FROM migchain.published_cells(2019, 2021, 10, 5)
	   EXCEPT ALL SELECT * FROM migchain.report_snapshot_cells($snapshot))) d},
		extra_params => $as_reporter),
	'0', 'the snapshot holds the cells published for 2019-2021');
cmp_ok($node->safe_psql($db, "SELECT count(*) FROM migchain.report_snapshot_cells($snapshot)"),
	'>', 100, 'the snapshot has cells');
is($node->safe_psql($db, qq{
		SELECT count(*) FILTER (WHERE NOT input_matches OR cells_changed <> 0)
		  FROM migchain.report_snapshot_check($snapshot)}),
	'0', 'report_snapshot_check: the input and the cells still match');

# The command of docs/publishing.md ("Scheduling"): the five calendar years
# before the current one, labelled; run here as the analyst, directly.
my $doc_file = 'docs/publishing.md';
my $doc_text = do { local $/; open my $fh, '<', $doc_file or die "$doc_file: $!"; <$fh> };
my ($doc_command) =
  $doc_text =~ /SELECT cron\.schedule\('monthly-press-answer', '0 6 1 \* \*', \$\$\n(.*?)\$\$\);/s;
ok(defined $doc_command, "$doc_file schedules 'monthly-press-answer' at '0 6 1 * *'");
my $doc_snapshot = $node->safe_psql($db, $doc_command // 'SELECT NULL', extra_params => $as_reporter);
is($node->safe_psql($db, qq{
		SELECT concat_ws(' ', frozen_by, from_year = date_part('year', current_date) - 5,
		                 to_year = date_part('year', current_date) - 1,
		                 label = format('press answer %s-%s, frozen %s', from_year, to_year, current_date))
		  FROM migchain.report_snapshot WHERE snapshot_id = $doc_snapshot}),
	'reporter t t t', "the doc's command freezes the five calendar years before this one");

# The analyst unschedules its jobs: no further runs.
is($node->safe_psql($db, "SELECT cron.unschedule($jobid) AND cron.unschedule('bad-period')",
		extra_params => $as_reporter),
	't', 'the analyst unschedules its jobs');
is($node->safe_psql($db, 'SELECT count(*) FROM cron.job'), '0', 'no job left');

done_testing();
