# Load: concurrent clients insert requests, answer pending ones and read the
# BI views, with pgbench, for a bounded time.  Afterwards every inserted row
# is there (counted per client from pgbench's transaction logs), every
# answer given is there once, the views equal plain SQL over the rows, the
# indexes are sound, and pgbench reported no error but the serialization
# failures the answering clients expect and retry.
#
#   LOAD_SECONDS  how long the clients run (default 15)
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
$node->append_conf('postgresql.conf', qq{
max_connections = 30
migchain.language = 'en'
});
$node->start;
$node->safe_psql('postgres', q{
	CREATE EXTENSION migchain;
	CREATE EXTENSION amcheck;
	ALTER DATABASE postgres SET search_path = "$user", public, migchain;
	SELECT migchain.generate_demo(2, 0.2);
	-- What the answering clients did: one row per request they answered.
	CREATE TABLE load_answered (request_id int8 PRIMARY KEY, answer text NOT NULL, client int NOT NULL);
	ANALYZE;
});
my $demo = $node->safe_psql('postgres', 'SELECT count(*) FROM migchain.request');

# Writers: one request per transaction, random kind, answer and country,
# dates that satisfy the constraints; the source names the client.
my $countries = join(', ', map { "'$_'" } qw(MA DZ NG AL AF ER IQ SO TR GE XXA Joegoslavië));
my $scripts = {
	insert => qq{
\\set kind random(1, 2)
\\set answer random(1, 4)
\\set country random(1, 12)
\\set day random(0, 2189)
\\set wait random(1, 400)
\\set person random(1, 1000000)
INSERT INTO migchain.request (kind, answer, country, presented_on, answered_on, person_id, source)
SELECT v.k::migchain.request_kind, v.a::migchain.answer, v.c::migchain.country, v.p,
       CASE WHEN v.a = 'pending' THEN NULL ELSE v.p + :wait END, :person, 'load-' || :client_id
  FROM (SELECT (ARRAY['LP', 'T&O'])[:kind] AS k,
               (ARRAY['pending', 'positive', 'negative', 'withdrawn'])[:answer] AS a,
               (ARRAY[$countries])[:country] AS c,
               date '2017-01-01' + :day AS p) v;
},
	# Answering clients: one of the three oldest pending requests of the
	# writers, chosen at random by each transaction, gets an answer, in a REPEATABLE
	# READ transaction: two clients that pick the same request conflict, and
	# pgbench retries the loser.  The other client's next transaction picks
	# anew, so the loser does not meet it on every try (with both always on
	# the oldest, one could lose a hundred times in a row).
	answer => q{
\set answer random(2, 4)
\set wait random(1, 30)
\set skip random(0, 2)
BEGIN ISOLATION LEVEL REPEATABLE READ;
WITH picked AS (
  SELECT request_id FROM migchain.request
   WHERE answer = 'pending' AND source LIKE 'load-%'
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
	# Readers: the views, checked against the table within one statement
	# (one snapshot); a disagreement divides by zero and fails the client.
	read => q{
SELECT 1 / (CASE WHEN (SELECT sum(presented) FROM migchain_bi.overview_by_year)
                      = (SELECT count(*) FROM migchain.request)
                  AND NOT EXISTS (SELECT FROM migchain_bi.overview_by_year
                                   WHERE presented <> positive + negative + withdrawn + pending)
                 THEN 1 ELSE 0 END);
SELECT 1 / (CASE WHEN (SELECT sum(presented) FROM migchain_bi.not_confirmed_by_country)
                      = (SELECT count(*) FROM migchain.request)
                 THEN 1 ELSE 0 END);
SELECT count(*) FROM migchain.overview(2019, 2021);
SELECT count(*) FROM migchain_bi.persons_by_year;
},
};
for my $name (keys %$scripts)
{
	open(my $fh, '>', "$dir/$name.sql") or die "$dir/$name.sql: $!";
	print $fh $scripts->{$name};
	close $fh;
}

# The three kinds of client run side by side.
my %clients = (insert => 4, answer => 2, read => 2);
my %run;
for my $name (sort keys %clients)
{
	my @cmd = ('pgbench', '-n', '-h', $node->host, '-p', $node->port,
		'-c', $clients{$name}, '-T', $seconds, '-f', "$dir/$name.sql",
		'-l', "--log-prefix=$dir/log_$name");
	push @cmd, '--max-tries=100', '--verbose-errors' if $name eq 'answer';
	push @cmd, 'postgres';
	my ($out, $err) = ('', '');
	$run{$name} = { out => \$out, err => \$err,
		h => IPC::Run::start(\@cmd, '>', \$out, '2>', \$err) };
}
my %processed;
for my $name (sort keys %clients)
{
	my $r = $run{$name};
	$r->{h}->finish;
	my $status = $? >> 8;
	my ($out, $err) = (${ $r->{out} }, ${ $r->{err} });
	is($status, 0, "pgbench $name: exit status 0") or diag("$out\n$err");
	($processed{$name}) = $out =~ /number of transactions actually processed: (\d+)/;
	cmp_ok($processed{$name} // 0, '>', 0, "pgbench $name: transactions processed (" . ($processed{$name} // 0) . ')');
	like($out, qr/number of failed transactions: 0 \(/, "pgbench $name: no failed transactions");
	unlike("$out\n$err", qr/aborted/, "pgbench $name: no client aborted");
	# stderr: nothing, but for the answering clients the serialization
	# failures they retry.
	my @unexpected = grep {
		!/^(?:pgbench: )?client \d+ got an error in command \d+ \(SQL\) of script \d+; ERROR:  could not serialize access due to concurrent update$/
		  && !/^(?:pgbench: )?client \d+ repeats the transaction after the error \(try \d+\/\d+\)$/
		  && !/^\s*$/
	} split /\n/, $err;
	ok(!@unexpected, "pgbench $name: no unexpected errors") or diag(join("\n", @unexpected));
	my ($retried) = $out =~ /number of transactions retried: (\d+)/;
	note("summary: pgbench $name, $clients{$name} clients, $seconds s: $processed{$name} transactions, "
		  . ($retried // 0) . ' retried')
	  if defined $processed{$name};
}

# Every insert is there: per client, the transactions pgbench logged equal
# the rows with that client's source.
my %logged;
for my $file (glob("$dir/log_insert.*"))
{
	for (split /\n/, slurp_file($file))
	{
		my ($client, undef, $time) = split / /;
		$logged{"load-$client"}++ if $time =~ /^\d+$/;
	}
}
my $logged_total = 0;
$logged_total += $_ for values %logged;
is($logged_total, $processed{insert}, 'the transaction logs count what pgbench reported');
my %rows = map { split /\|/ } split /\n/, $node->safe_psql('postgres',
	q{SELECT source, count(*) FROM migchain.request WHERE source LIKE 'load-%' GROUP BY source});
is_deeply(\%rows, \%logged, 'every inserted request is there, per client')
  or diag(explain({ rows => \%rows, logged => \%logged }));
is($node->safe_psql('postgres', 'SELECT count(*) FROM migchain.request'),
	$demo + $logged_total, 'and nothing else was added');

# Every answer given is there, and was given once (the primary key of
# load_answered would have refused a second).
my $answered = $node->safe_psql('postgres', 'SELECT count(*) FROM load_answered');
cmp_ok($answered, '>', 0, "pending requests were answered ($answered)");
note("summary: $logged_total requests inserted by $clients{insert} clients, $answered answered, "
	  . "on top of $demo demo requests");
is($node->safe_psql('postgres', q{
	SELECT count(*) FROM load_answered l JOIN migchain.request r USING (request_id)
	 WHERE r.answer::text = l.answer AND r.answered_on >= r.presented_on
	   AND r.answer <> 'pending' AND r.source LIKE 'load-%'}),
	$answered, 'each answered request has the answer it was given');

# The views equal plain SQL over the rows.
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
