# Load: concurrent clients insert requests, answer pending ones and read,
# with pgbench, for a bounded time; the same load twice, first with the
# triggers that keep the rollup of the request counters disabled, then with
# them.  After each run every inserted row is there (counted per client from
# pgbench's transaction logs), every answer given is there once, and pgbench
# reported no error but the serialization failures the answering clients
# expect and retry.  After the run with the triggers the rollup equals a
# fresh count and the views equal plain SQL over the rows; no run had a
# deadlock, and the triggers added no failure of their own.
#
#   LOAD_SECONDS  how long the clients run, each time (default 15)
use strict;
use warnings;
use IPC::Run;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $seconds = $ENV{LOAD_SECONDS} // 15;
my $dir = $PostgreSQL::Test::Utils::tmp_check;

my $node = PostgreSQL::Test::Cluster->new('load');
$node->init;
# The SQLSTATE in the server log: the failures of each run are counted
# there (not every statement: the clients run thousands).
$node->append_conf('postgresql.conf', qq{
max_connections = 30
migchain.language = 'en'
log_line_prefix = '%m [%p] %e %q%a '
log_statement = none
});
$node->start;
$node->safe_psql('postgres', q{
	CREATE EXTENSION migchain;
	CREATE EXTENSION amcheck;
	ALTER DATABASE postgres SET search_path = "$user", public, migchain;
	SELECT migchain.generate_demo(2, 0.2);
	-- What the answering clients did: one row per request they answered.
	CREATE TABLE load_answered (request_id int4 PRIMARY KEY, answer text NOT NULL, client int NOT NULL);
	ANALYZE;
});
my $demo = $node->safe_psql('postgres', 'SELECT count(*) FROM migchain.request');

# Writers: one request per transaction, random kind, answer and country,
# dates that satisfy the constraints, in the load batch of the client (the
# run's first batch, :base, plus the client's number).
my $countries = join(', ', map { "'$_'" } qw(MA DZ NG AL AF ER IQ SO TR GE XXA Joegoslavië));
my $scripts = {
	insert => qq{
\\set kind random(1, 2)
\\set answer random(1, 4)
\\set country random(1, 12)
\\set day random(0, 2189)
\\set wait random(1, 400)
\\set person random(1, 1000000)
INSERT INTO migchain.request (kind, answer, country, presented_on, answered_on, person_id, batch_id)
SELECT v.k::migchain.request_kind, v.a::migchain.answer, v.c::migchain.country, v.p,
       CASE WHEN v.a = 'pending' THEN NULL ELSE v.p + :wait END, :person, :base + :client_id
  FROM (SELECT (ARRAY['LP', 'T&O'])[:kind] AS k,
               (ARRAY['pending', 'positive', 'negative', 'withdrawn'])[:answer] AS a,
               (ARRAY[$countries])[:country] AS c,
               date '2017-01-01' + :day AS p) v;
},
	# Answering clients: one of the three oldest pending requests of the
	# run's writers, chosen at random by each transaction, gets an answer,
	# in a REPEATABLE READ transaction: two clients that pick the same
	# request conflict, and pgbench retries the loser.  The other client's
	# next transaction picks anew, so the loser does not meet it on every
	# try (with both always on the oldest, one could lose a hundred times in
	# a row).
	answer => q{
\set answer random(2, 4)
\set wait random(1, 30)
\set skip random(0, 2)
BEGIN ISOLATION LEVEL REPEATABLE READ;
WITH picked AS (
  SELECT request_id FROM migchain.request
   WHERE answer = 'pending' AND batch_id BETWEEN :base AND :base + 3
   ORDER BY request_id LIMIT 1 OFFSET :skip),
answered AS (
  UPDATE migchain.request r
     SET answer = (ARRAY['pending', 'positive', 'negative', 'withdrawn'])[:answer]::migchain.answer,
         answered_on = r.presented_on + :wait
    FROM picked
   WHERE r.request_id = picked.request_id
  RETURNING r.request_id, r.answer)
INSERT INTO load_answered (request_id, answer, client)
SELECT request_id, answer::text, :client_id FROM answered;
COMMIT;
},
	# Readers of what needs no rollup, in both runs: the counts of the
	# requests per year, kind and answer in plain SQL, and the persons per
	# year (migchain.persons() counts the requests themselves).
	read => q{
SELECT count(*) FROM (
  SELECT date_part('year', presented_on), kind, answer, count(*) FROM migchain.request GROUP BY 1, 2, 3) c;
SELECT count(*) FROM migchain_bi.persons_by_year;
},
	# Readers of the overviews, from the rollup (with the triggers only):
	# checked against the table within one statement (one snapshot); a
	# disagreement divides by zero and fails the client.
	overview => q{
SELECT 1 / (CASE WHEN (SELECT sum(presented) FROM migchain_bi.overview_by_year)
                      = (SELECT count(*) FROM migchain.request)
                  AND NOT EXISTS (SELECT FROM migchain_bi.overview_by_year
                                   WHERE presented <> positive + negative + withdrawn + pending)
                 THEN 1 ELSE 0 END);
SELECT 1 / (CASE WHEN (SELECT sum(presented) FROM migchain_bi.not_confirmed_by_country)
                      = (SELECT count(*) FROM migchain.request)
                 THEN 1 ELSE 0 END);
SELECT count(*) FROM migchain.overview(2019, 2021);
},
};
for my $name (keys %$scripts)
{
	open(my $fh, '>', "$dir/$name.sql") or die "$dir/$name.sql: $!";
	print $fh $scripts->{$name};
	close $fh;
}

# The failures of one run in the server log (from $offset on): the
# serialization failures (40001) and deadlocks (40P01); of the
# serialization failures, those of the answering clients' update of a
# request another client updated (the failures the load has without the
# rollup: no CONTEXT, the answering statement) and the others (in a trigger,
# on the rollup or the load batches).
sub failures
{
	my ($offset) = @_;
	my %n = (serialization => 0, deadlock => 0, answers => 0, other => 0);
	my $log = slurp_file($node->logfile, $offset);
	# one message: its ERROR line and the CONTEXT, DETAIL and STATEMENT
	# lines (and their continuations) that follow it
	while ($log =~ /^\S+ \S+ \S+ \[\d+\] (40001|40P01) \S* ?ERROR:  ([^\n]*)\n((?:(?!\S+ \S+ \S+ \[\d+\] \S+ \S* ?(?:LOG|ERROR|WARNING|FATAL):)[^\n]*\n)*)/mg)
	{
		my ($code, $message, $rest) = ($1, $2, $3);
		if ($code eq '40P01')
		{
			$n{deadlock}++;
			next;
		}
		$n{serialization}++;
		if ($message eq 'could not serialize access due to concurrent update'
			&& $rest !~ /CONTEXT:/ && $rest =~ /STATEMENT:  WITH picked AS \(/)
		{
			$n{answers}++;
		}
		else
		{
			$n{other}++;
			diag("a failure that is not the answering clients' conflict:\n$message\n$rest");
		}
	}
	return \%n;
}

# One run ($tag names its files, $run its tests): the load batches of its
# four writers, the clients side by side, then the checks of what they
# did.  Returns the failures and the answering clients' tries.
sub run_load
{
	my ($tag, $run, %clients) = @_;
	# batch numbers $base to $base + 3, for pgbench's clients 0 to 3
	my $base = $node->safe_psql('postgres', qq{
SELECT min(migchain.begin_load('load $run', 'writer ' || i)) FROM generate_series(1, 4) i});
	my $offset = -s $node->logfile;
	my %run;
	for my $name (sort keys %clients)
	{
		my @cmd = ('pgbench', '-n', '-h', $node->host, '-p', $node->port,
			'-c', $clients{$name}, '-T', $seconds, '-f', "$dir/$name.sql", '-D', "base=$base",
			'-l', "--log-prefix=$dir/log_${tag}_$name", '--failures-detailed');
		push @cmd, '--max-tries=100', '--verbose-errors' if $name eq 'answer';
		push @cmd, 'postgres';
		my ($out, $err) = ('', '');
		$run{$name} = { out => \$out, err => \$err,
			h => IPC::Run::start(\@cmd, '>', \$out, '2>', \$err) };
	}
	my %processed;
	my $retries = 0;
	for my $name (sort keys %clients)
	{
		my $r = $run{$name};
		$r->{h}->finish;
		my $status = $? >> 8;
		my ($out, $err) = (${ $r->{out} }, ${ $r->{err} });
		is($status, 0, "$run, pgbench $name: exit status 0") or diag("$out\n$err");
		($processed{$name}) = $out =~ /number of transactions actually processed: (\d+)/;
		cmp_ok($processed{$name} // 0, '>', 0,
			"$run, pgbench $name: transactions processed (" . ($processed{$name} // 0) . ')');
		like($out, qr/number of failed transactions: 0 \(/, "$run, pgbench $name: no failed transactions");
		unlike("$out\n$err", qr/aborted/, "$run, pgbench $name: no client aborted");
		# stderr: nothing, but for the answering clients the serialization
		# failures they retry.
		my @unexpected = grep {
			!/^(?:pgbench: )?client \d+ got an error in command \d+ \(SQL\) of script \d+; ERROR:  could not serialize access due to concurrent update$/
			  && !/^(?:pgbench: )?client \d+ repeats the transaction after the error \(try \d+\/\d+\)$/
			  && !/^\s*$/
		} split /\n/, $err;
		ok(!@unexpected, "$run, pgbench $name: no unexpected errors") or diag(join("\n", @unexpected));
		my ($r_retried) = $out =~ /number of transactions retried: (\d+)/;
		my ($r_retries) = $out =~ /total number of retries: (\d+)/;
		$retries += $r_retries // 0;
		note("summary: $run: pgbench $name, $clients{$name} clients, $seconds s: "
			  . ($processed{$name} // 0) . ' transactions, ' . ($r_retried // 0) . ' retried, '
			  . ($r_retries // 0) . ' retries');
	}
	my $failures = failures($offset);
	# Each retry followed a failure, so the log misses none (a failure that
	# the end of the run cuts short, one or more tries of a transaction
	# still being retried then, is in the log but was not retried).
	my $logged_failures = $failures->{serialization} + $failures->{deadlock};
	ok($logged_failures >= $retries,
		"$run: the server log has a failure for each retry pgbench made ($logged_failures failures, $retries retries)");

	# Every insert is there: per client, the transactions pgbench logged
	# equal the rows of the client's batch.
	my %logged;
	for my $file (glob("$dir/log_${tag}_insert.*"))
	{
		for (split /\n/, slurp_file($file))
		{
			my ($client, undef, $time) = split / /;
			$logged{ $base + $client }++ if $time =~ /^\d+$/;
		}
	}
	my $logged_total = 0;
	$logged_total += $_ for values %logged;
	is($logged_total, $processed{insert}, "$run: the transaction logs count what pgbench reported");
	my %rows = map { split /\|/ } split /\n/, $node->safe_psql('postgres', qq{
SELECT batch_id, count(*) FROM migchain.request WHERE batch_id BETWEEN $base AND $base + 3 GROUP BY 1});
	is_deeply(\%rows, \%logged, "$run: every inserted request is there, in its writer's batch")
	  or diag(explain({ rows => \%rows, logged => \%logged }));

	# Every answer given is there, and was given once (the primary key of
	# load_answered would have refused a second).
	my $answered = $node->safe_psql('postgres', qq{
SELECT count(*) FROM load_answered l JOIN migchain.request r USING (request_id)
 WHERE r.batch_id BETWEEN $base AND $base + 3});
	cmp_ok($answered, '>', 0, "$run: pending requests were answered ($answered)");
	is($node->safe_psql('postgres', qq{
SELECT count(*) FROM load_answered l JOIN migchain.request r USING (request_id)
 WHERE r.answer::text = l.answer AND r.answered_on >= r.presented_on
   AND r.answer <> 'pending' AND r.batch_id BETWEEN $base AND $base + 3}),
		$answered, "$run: each answered request has the answer it was given");
	note("summary: $run: $logged_total requests inserted by $clients{insert} clients, $answered answered");
	return ($failures, $processed{answer} + $retries);
}

my %clients = (insert => 4, answer => 2, read => 2);

# --- without the rollup's triggers ---------------------------------------------
$node->safe_psql('postgres', 'ALTER TABLE migchain.request DISABLE TRIGGER USER');
my ($without, $tries_without) = run_load('without', 'without the rollup', %clients);
my $requests = $node->safe_psql('postgres', 'SELECT count(*) FROM migchain.request');
cmp_ok($requests, '>', $demo, "without the rollup: requests were added ($requests, $demo before)");
# The rollup did not count them, and says so.
cmp_ok($node->safe_psql('postgres', 'SELECT count(*) FROM migchain.verify_request_rollup()'), '>', 0,
	'without the rollup: the rollup misses the requests added');
my ($ret, $out, $err) = $node->psql('postgres', "\\set VERBOSITY verbose\nSELECT * FROM migchain_bi.overview_by_year");
like($err, qr/ERROR:  55000: the rollup of the request counters may be out of date/,
	'without the rollup: overview_by_year is refused (55000)');
cmp_ok($node->safe_psql('postgres', 'SELECT migchain.rebuild_request_rollup()'), '>', 0,
	'rebuild_request_rollup() counts the requests again and enables the triggers');
is($node->safe_psql('postgres', 'SELECT count(*) FROM migchain.verify_request_rollup()'), '0',
	'the rollup is exact after the rebuild');

# --- with them, and readers of the overviews beside ----------------------------
my ($with, $tries_with) = run_load('with', 'with the rollup', %clients, overview => 2);

# No deadlock, with or without; the failures of each run; the triggers
# add none of their own.  The answering clients' serialization failures
# depend on how often two of them pick the same request at the same time,
# which the speed of each transaction changes: their number is reported, not
# compared.
for my $r ([ 'without the rollup', $without, $tries_without ], [ 'with the rollup', $with, $tries_with ])
{
	my ($run, $f, $tries) = @$r;
	is($f->{deadlock}, 0, "$run: no deadlock");
	note(sprintf('summary: %s: %d serialization failures (%d of answering clients on the same request, '
			  . '%d other), %d deadlocks, in %d answering tries (%.1f per 1000)',
			$run, $f->{serialization}, $f->{answers}, $f->{other}, $f->{deadlock}, $tries,
			$tries ? 1000 * $f->{serialization} / $tries : 0));
}
is($without->{other}, 0, 'without the rollup: no failure but the answering clients\' conflicts');
cmp_ok($with->{other} + $with->{deadlock}, '<=', $without->{other} + $without->{deadlock},
	'with the rollup: no more failures of other kinds than without (the triggers add none)');

# --- after the load: the rollup, the views, the indexes -----------------------------
is($node->safe_psql('postgres', 'SELECT count(*) FROM migchain.verify_request_rollup()'), '0',
	'the rollup equals a fresh count of the requests after the load');
my %oracle = (
	overview_by_year => [ 'year, kind, presented, positive, negative, withdrawn, pending', q{
		SELECT date_part('year', presented_on)::int AS year, kind::text AS kind, count(*) AS presented,
		       count(*) FILTER (WHERE answer::text = 'positive') AS positive,
		       count(*) FILTER (WHERE answer::text = 'negative') AS negative,
		       count(*) FILTER (WHERE answer::text = 'withdrawn') AS withdrawn,
		       count(*) FILTER (WHERE answer::text = 'pending') AS pending
		  FROM migchain.request GROUP BY 1, 2} ],
	not_confirmed_by_country => [ 'year, kind, country_code, negative, withdrawn, not_confirmed, presented', q{
		SELECT date_part('year', presented_on)::int AS year, kind::text AS kind, country::text AS country_code,
		       count(*) FILTER (WHERE answer::text = 'negative') AS negative,
		       count(*) FILTER (WHERE answer::text = 'withdrawn') AS withdrawn,
		       count(*) FILTER (WHERE answer::text IN ('negative', 'withdrawn')) AS not_confirmed,
		       count(*) AS presented
		  FROM migchain.request GROUP BY 1, 2, 3} ],
	persons_by_year => [ 'year, kind, presented, persons', q{
		SELECT date_part('year', presented_on)::int AS year, kind::text AS kind, count(*) AS presented,
		       count(DISTINCT person_id) AS persons
		  FROM migchain.request GROUP BY 1, 2} ],
);
for my $view (sort keys %oracle)
{
	my ($cols, $sql) = @{ $oracle{$view} };
	# rows of a country without a process have no counts: not in plain SQL
	my $where = $view eq 'not_confirmed_by_country' ? 'WHERE presented IS NOT NULL' : '';
	is($node->safe_psql('postgres', qq{
		SELECT count(*) FROM (
		  (SELECT $cols FROM migchain_bi.$view $where EXCEPT ALL SELECT $cols FROM ($sql) o)
		  UNION ALL
		  (SELECT $cols FROM ($sql) o EXCEPT ALL SELECT $cols FROM migchain_bi.$view $where)) d}),
		'0', "$view equals plain SQL after the load");
}
is($node->safe_psql('postgres', 'SELECT count(*) FROM migchain.request'),
	$node->safe_psql('postgres', 'SELECT sum(presented) FROM migchain_bi.overview_by_year'),
	'overview_by_year counts every request');

# The indexes of the table are sound after the concurrent writes.
is($node->safe_psql('postgres', q{
	SELECT string_agg(c.relname, ',' ORDER BY c.relname)
	  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
	 WHERE i.indrelid = 'migchain.request'::regclass
	   AND bt_index_check(i.indexrelid, true) IS NOT NULL}),
	'request_country_presented_on_idx,request_person_id_idx,request_pkey,request_presented_on_idx',
	'bt_index_check passes on every index of migchain.request');

$node->stop;
done_testing();
