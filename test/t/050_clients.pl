# Clients: every program and session of docs/clients.md, run through the
# real drivers (psql, psycopg2, psycopg 3 in text and binary, pgjdbc,
# node-postgres) against demo data, as the roles the doc names.  The doc
# shows the files of test/clients/ and what they print; this test checks
# that the doc's code blocks are those files, that each program prints what
# the doc shows, and that what they print is right: the tallies against
# plain SQL over the same rows, the loaded rows as the superuser reads them.
# A client that is missing is a failure: make deps installs them all.
use strict;
use warnings;
use File::Spec;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $clients = File::Spec->rel2abs('test/clients');
my $doc = File::Spec->rel2abs('docs/clients.md');
my $jdbc_jar = '/usr/share/java/postgresql.jar';
# Debian's python3, where python3-psycopg2 and python3-psycopg install.
my $python = '/usr/bin/python3';

sub slurp
{
	my ($path) = @_;
	open my $fh, '<', $path or die "$path: $!";
	local $/;
	return scalar <$fh>;
}

# --- the doc shows the files ------------------------------------------------
# Every fenced block of the doc is captioned by the paragraph just above it,
# whose last file of test/clients/ in backquotes is the file the block must
# be.  Every file of test/clients/ (but package-lock.json, which npm writes)
# is shown, once.
my %shown;
{
	my (@para, $block, $in, $blank);
	for my $line (split /\n/, slurp($doc))
	{
		if (!defined $in && $line =~ /^```/)
		{
			my @named = map { /`test\/clients\/([^`\/]+)`/g } @para;
			$in = defined $named[-1] ? $named[-1] : '';
			$block = '';
			next;
		}
		if (defined $in && $line =~ /^```\s*$/)
		{
			if ($in eq '')
			{
				fail("docs/clients.md: a code block without a file of test/clients/ above it:\n$block");
			}
			else
			{
				ok(!exists $shown{$in}, "docs/clients.md shows $in once");
				$shown{$in} = $block;
			}
			undef $in;
			@para = ();
			next;
		}
		if (defined $in)
		{
			$block .= "$line\n";
			next;
		}
		if ($line =~ /^\s*$/)
		{
			$blank = 1;
			next;
		}
		@para = () if $blank;
		$blank = 0;
		push @para, $line;
	}
	ok(!defined $in, 'docs/clients.md: every code block is closed');
}
opendir my $dh, $clients or die "$clients: $!";
my @files = sort grep { -f "$clients/$_" && $_ ne 'package-lock.json' } readdir $dh;
closedir $dh;
for my $file (@files)
{
	ok(exists $shown{$file}, "docs/clients.md shows test/clients/$file");
	is($shown{$file}, slurp("$clients/$file"), "docs/clients.md shows test/clients/$file as it is")
	  if exists $shown{$file};
}
for my $file (sort keys %shown)
{
	ok(-f "$clients/$file", "the file docs/clients.md shows exists: test/clients/$file");
}

# --- the clients are there --------------------------------------------------
ok(-f $jdbc_jar, "pgjdbc: $jdbc_jar (libpostgresql-jdbc-java)");
for my $module (qw(psycopg2 psycopg))
{
	ok(system($python, '-c', "import $module") == 0, "$python imports $module (python3-$module)");
}
ok(system('java -version >/dev/null 2>&1') == 0, 'java runs (default-jdk-headless)');
ok(-f "$clients/node_modules/pg/package.json", 'node-postgres is installed in test/clients (make deps)');

# --- a server with demo data, reachable by TCP for pgjdbc --------------------
my $node = PostgreSQL::Test::Cluster->new('clients');
$node->init;
$node->append_conf('postgresql.conf', "listen_addresses = '127.0.0.1'");
$node->start;
$node->safe_psql('postgres', q{
CREATE EXTENSION migchain;
SELECT migchain.generate_demo(1, 0.05);
});
# The roles, as the doc creates them.
$node->safe_psql('postgres', slurp("$clients/roles.sql"));

my $port = $node->port;
my $host = $node->host;

# Run a client program as a role from test/clients/; returns (exit status,
# stdout, stderr).
sub run_client
{
	my ($role, @cmd) = @_;
	local $ENV{PGHOST} = $host;
	local $ENV{PGPORT} = $port;
	local $ENV{PGDATABASE} = 'postgres';
	local $ENV{PGUSER} = $role;
	local $ENV{PYTHONDONTWRITEBYTECODE} = 1;
	my ($out, $err) = ('', '');
	# IPC::Run dies when the program is not there: a failure, not the end.
	my $ok = eval {
		IPC::Run::run(\@cmd, '<', \undef, '>', \$out, '2>', \$err, init => sub { chdir $clients or die $!; });
	};
	return (-1, $out, $@) if !defined $ok;
	return ($ok ? 0 : $? >> 8, $out, $err);
}

# Runs a program and checks that it prints what the doc shows
# (test/clients/$expected); returns what it printed.
sub prints_as_shown
{
	my ($expected, $role, @cmd) = @_;
	my ($ret, $out, $err) = run_client($role, @cmd);
	is($ret, 0, "$expected: the program ends well") or diag($err);
	is($out, slurp("$clients/$expected"), "$expected: the program prints what the doc shows")
	  or diag($err);
	return $out;
}

my $jdbc = "jdbc:postgresql://127.0.0.1:$port/postgres";
my %out;
$out{psql_read} = prints_as_shown('read.out', 'bi_reader', 'psql', '-X', '-v', 'ON_ERROR_STOP=1', '-f', 'read.sql');
$out{psycopg2_read} = prints_as_shown('psycopg2_read.out', 'bi_reader', $python, 'psycopg2_read.py');
$out{psycopg_read} = prints_as_shown('psycopg_read.out', 'bi_reader', $python, 'psycopg_read.py');
$out{jdbc_read} = prints_as_shown('ReadTypes.out', 'bi_reader', 'java', '-cp', $jdbc_jar, 'ReadTypes.java', "$jdbc?user=bi_reader");
$out{jdbc_binary} = prints_as_shown('BinaryTransfer.out', 'bi_reader', 'java', '-cp', $jdbc_jar, 'BinaryTransfer.java', "$jdbc?user=bi_reader");
$out{node_read} = prints_as_shown('read.js.out', 'bi_reader', 'node', 'read.js');

# --- what they read is right ------------------------------------------------
# The counts of LP requests to Morocco in 2018 and 2019 in plain SQL.
my %oracle = map { (split /\|/)[0] => [ (split /\|/)[ 1 .. 4 ] ] } split /\n/, $node->safe_psql('postgres', q{
SELECT extract(year FROM presented_on),
       count(*) FILTER (WHERE migchain.label(answer, 'en') = 'pending'),
       count(*) FILTER (WHERE migchain.label(answer, 'en') = 'positive'),
       count(*) FILTER (WHERE migchain.label(answer, 'en') = 'negative'),
       count(*) FILTER (WHERE migchain.label(answer, 'en') = 'withdrawn')
  FROM migchain.request
 WHERE country::text = 'MA' AND kind::text = 'LP' AND presented_on BETWEEN '2018-01-01' AND '2019-12-31'
 GROUP BY 1 ORDER BY 1});
is_deeply([ sort keys %oracle ], [ 2018, 2019 ], 'demo data: LP requests to Morocco in 2018 and 2019');
ok($oracle{2018}[1] > 0 && $oracle{2018}[3] > 0, 'demo data: some of them positive, some withdrawn');

# The four counts of every "pending ... withdrawn" in a program's output, in
# its own notation (psql's text form, a dict, a JavaScript object).
sub tallies
{
	my ($text) = @_;
	my @t;
	while ($text =~ /pending\W+(\d+)\W+positive\W+(\d+)\W+negative\W+(\d+)\W+withdrawn\W+(\d+)/g)
	{
		push @t, [ $1, $2, $3, $4 ];
	}
	return \@t;
}
# Each client read the literal tally(1, 2, 3, 4), then 2018 and 2019 (the
# psycopg programs read the literal twice in text and once in binary first).
my %literal_tallies = (psql_read => 1, psycopg2_read => 1, psycopg_read => 3, jdbc_read => 1, node_read => 1);
for my $client (sort keys %literal_tallies)
{
	my @expected = ((map { [ 1, 2, 3, 4 ] } 1 .. $literal_tallies{$client}), $oracle{2018}, $oracle{2019});
	is_deeply(tallies($out{$client}), \@expected, "$client: the tallies read are plain SQL's counts");
}

# --- loading -----------------------------------------------------------------
$out{psql_load} = prints_as_shown('load.out', 'etl', 'psql', '-X', '-v', 'ON_ERROR_STOP=1', '-f', 'load.sql');
$out{psycopg2_load} = prints_as_shown('psycopg2_load.out', 'etl', $python, 'psycopg2_load.py');
$out{psycopg_load} = prints_as_shown('psycopg_load.out', 'etl', $python, 'psycopg_load.py');
$out{jdbc_load} = prints_as_shown('LoadRequests.out', 'etl', 'java', '-cp', $jdbc_jar, 'LoadRequests.java', "$jdbc?user=etl");
$out{node_load} = prints_as_shown('load.js.out', 'etl', 'node', 'load.js');

# The rows as the superuser reads them, in English: what each loader loaded,
# in the load batch it began, named after its file.
sub loaded
{
	my ($file) = @_;
	return $node->safe_psql('postgres', qq{
SELECT r.person_id, r.kind, migchain.label(r.answer, 'en'), r.country, r.presented_on, r.answered_on
  FROM migchain.request r JOIN migchain.load_batch b USING (batch_id)
 WHERE b.file = '$file' ORDER BY r.person_id});
}
my %loaded = (
	'load.sql' => [ 9100001 .. 9100004 ],
	'psycopg2_load.py' => [ 9200001 .. 9200003 ],
	'psycopg_load.py' => [ 9300001 .. 9300003 ],
	'LoadRequests.java' => [ 9400001 .. 9400005 ],
	'load.js' => [9500001]);
# What each person number stands for in the snippets.
my %row_of = (
	1 => 'T&O|positive|MA|2023-01-10|2023-02-01',
	2 => 'LP|pending|MA|2023-03-01|',
	3 => 'T&O|withdrawn|MA|2022-01-05|2023-01-05');
my %psql_row = (
	9100001 => $row_of{2},
	9100002 => $row_of{3},
	9100003 => $row_of{1},
	9100004 => 'LP|negative|DZ|2023-01-11|2023-04-01');
my %jdbc_row = (
	9400001 => $row_of{1},
	9400002 => $row_of{1},
	9400003 => $row_of{1},
	9400004 => $row_of{2},
	9400005 => $row_of{3});
for my $file (sort keys %loaded)
{
	my @rows = map {
		my $p = $_;
		my $row = $file eq 'load.sql' ? $psql_row{$p} : $file eq 'LoadRequests.java' ? $jdbc_row{$p} : $row_of{ $p % 10 };
		"$p|$row";
	} @{ $loaded{$file} };
	is(loaded($file), join("\n", @rows), "$file: the rows loaded are in the table, in its batch");
	# The batch: one, begun and ended by the loader's login, with the rows it
	# has now.
	is($node->safe_psql('postgres', qq{
SELECT count(*) || ' ' || string_agg(concat_ws(' ', b.system, b.loaded_by, b.session_role, b.row_count,
                                               b.ended_at IS NOT NULL, c.unchanged), ',')
  FROM migchain.load_batch b CROSS JOIN LATERAL migchain.load_batch_check(b.batch_id) c
 WHERE b.file = '$file'}),
		'1 case system etl etl ' . scalar(@{ $loaded{$file} }) . ' t t',
		"$file: one batch, by etl, ended with its rows, unchanged since");
}
is($node->safe_psql('postgres', q{SELECT count(*) FROM migchain.request WHERE batch_id IS NULL}),
	'0', 'every request is in a batch (the demo\'s or a loader\'s)');
is($node->safe_psql('postgres', 'SELECT count(*) FROM migchain.verify_request_rollup()'),
	'0', 'the rollup counts every request the clients loaded');
unlike($out{jdbc_load}, qr/^setString: /m,
	'pgjdbc: setString loads into the columns of migchain types (an assignment cast from varchar)');

# --- how PostgreSQL takes a string parameter ---------------------------------
# What docs/clients.md says of parameters typed varchar (pgjdbc's setString),
# text (psycopg 3's %b) and of no type (unknown: psycopg2's literals, psycopg
# 3's %s, node-postgres, pgjdbc with stringtype=unspecified), with PREPARE
# and the parameter types the drivers send.
my @columns = (
	[ 'request_kind', 'T&O' ],
	[ 'answer', 'withdrawn' ],
	[ 'country', 'Marokko' ],
	[ 'conditions', 'GGR?G' ],
	[ 'tally', 'pending=1, positive=2, negative=3, withdrawn=4' ],
	[ 'case_outcome', 'residence permit' ],
	[ 'detention_exit', 'balancing of interests' ]);
my $table = 'CREATE TEMP TABLE t (' . join(', ', map { "$_->[0] migchain.$_->[0]" } @columns) . ');';
sub prepared
{
	my ($params, $sql, $value) = @_;
	my ($ret, $out, $err) = $node->psql('postgres',
		"$table PREPARE p$params AS $sql; EXECUTE p('$value');", extra_params => [ '-U', 'etl' ]);
	return $ret == 0 ? 'works' : $err =~ /ERROR:  ([^\n]*)/ ? $1 : $err;
}
for my $c (@columns)
{
	my ($type, $value) = @$c;
	is(prepared('(varchar)', "INSERT INTO t ($type) VALUES (\$1)", $value),
		'works', "a varchar parameter is assigned to a $type column");
	is(prepared('(varchar)', "INSERT INTO t ($type) VALUES (CAST(\$1 AS migchain.$type))", $value),
		'works', "a varchar parameter cast to $type is read");
	is(prepared('', "INSERT INTO t ($type) VALUES (\$1)", $value),
		'works', "a parameter of no type is assigned to a $type column");
	is(prepared('(text)', "INSERT INTO t ($type) VALUES (\$1)", $value),
		'works', "a text parameter is assigned to a $type column");
	like(prepared('(varchar)', "INSERT INTO t ($type) VALUES (\$1)", 'no such thing'),
		qr/^invalid input syntax for type $type: "no such thing"$/,
		"a varchar parameter that is not a $type is refused as text input is");
}
like(prepared('(varchar)', 'SELECT migchain.alpha3($1)', 'Marokko'),
	qr/^function migchain.alpha3\(character varying\) does not exist$/,
	'a varchar parameter does not match a function of a migchain type');
like(prepared('(varchar)', q{SELECT 'MA'::migchain.country = $1}, 'Marokko'),
	qr/^operator does not exist: migchain.country = character varying$/,
	'a varchar parameter does not match an operator of a migchain type');
is(prepared('(varchar)', 'SELECT migchain.answer($1)', 'withdrawn'), 'works',
	'a varchar parameter is an argument of a function that takes text');
is(prepared('', 'SELECT migchain.alpha3($1)', 'Marokko'), 'works',
	'a parameter of no type is an argument of a function of a migchain type');
is(prepared('', q{SELECT 'MA'::migchain.country = $1}, 'Marokko'), 'works',
	'a parameter of no type matches an operator of a migchain type');

$node->stop;
done_testing();
