# Random queries: SQLsmith against a cluster with the extension and demo
# data, for a bounded time.  Errors are fine (most random queries are wrong);
# a crash is not: the server must still be up afterwards, its log must show
# no backend killed by a signal, no PANIC and no failed assertion, and no
# query may reach an internal error (XX000): neither one of the extension's
# can't-happen errors (elog) nor any other, but for the few that PostgreSQL
# raises itself when its own functions get arguments they do not expect,
# each known by its message and the function the failing statement calls.
#
#   SQLSMITH_SECONDS  how long SQLsmith runs (default 40)
#   SQLSMITH_SEED     its seed (default: a new one each run, printed)
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

plan skip_all => 'sqlsmith is not installed'
  unless system('sh', '-c', 'command -v sqlsmith >/dev/null') == 0;

# The internal errors of PostgreSQL 15 that random arguments to its own
# functions reach: the function, and the message it raises (through the
# functions it calls) for them.  An XX000 is one of these only when its
# statement calls the function; the first that fits names it.
my $interval_typmod = qr/^invalid INTERVAL typmod: 0x[0-9a-f]+$/;
my $unknown_to = qr/^failed to find conversion function from unknown to \w+$/;
my @known_pg_internal = (
	# a typmod that no interval column can have: intervaltypmodout(11), and
	# interval(value, 39) whose result has that typmod or applies it
	[ intervaltypmodout => $interval_typmod ],
	[ interval => qr/$interval_typmod|^unrecognized interval typmod: -?\d+$/ ],
	# a table that does not exist: satisfies_hash_partition(0, ...)
	[ satisfies_hash_partition => qr/^could not open relation with OID \d+$/ ],
	# a value of type unknown that is not a literal (unknownout(CASE ... END)),
	# or the unknown that unknownin() returns
	[ unknownout => $unknown_to ],
	[ unknownsend => $unknown_to ],
	[ unknownin => $unknown_to ],
);

# The function that is known to raise the internal error message in
# statement, or undef.
sub known_pg_internal
{
	my ($message, $statement) = @_;
	for my $known (@known_pg_internal)
	{
		my ($function, $pattern) = @$known;
		return $function if $message =~ $pattern && $statement =~ /\b\Q$function\E\s*\(/;
	}
	return undef;
}

# The internal errors (XX000) among the entries of a server log (log_line_prefix
# '%m [%p] %e '), each as [message, statement]: the statement that
# log_min_error_statement logs after the error's detail, hint and context, by
# the same process ('' when there is none).
sub internal_errors
{
	my @entries = @_;
	my @found;
	for my $i (0 .. $#entries)
	{
		next unless $entries[$i] =~ /^\S+ \S+ \S+ \[(\d+)\] XX000 ERROR:  ([^\n]*)/;
		my ($pid, $message, $statement) = ($1, $2, '');
		for my $next (@entries[ $i + 1 .. $#entries ])
		{
			next unless $next =~ /^\S+ \S+ \S+ \[\Q$pid\E\] /;
			next if $next =~ /^\S+ \S+ \S+ \[\d+\] XX000 (?:DETAIL|HINT|CONTEXT|QUERY):  /;
			($statement) = $next =~ /^\S+ \S+ \S+ \[\d+\] XX000 STATEMENT:  (.*)/s;
			last;
		}
		push @found, [ $message, $statement // '' ];
	}
	return @found;
}

# Telling the known errors from the others, on entries made up here, so that
# it is checked whatever a run happens to reach.
my @made_up = internal_errors(
	"2024-01-01 00:00:00.000 UTC [7] XX000 ERROR:  invalid INTERVAL typmod: 0xb",
	"2024-01-01 00:00:00.000 UTC [8] 00000 LOG:  statement: select 1",
	"2024-01-01 00:00:00.000 UTC [7] XX000 STATEMENT:  select\n  pg_catalog.intervaltypmodout(\n    cast(11 as int4))",
	"2024-01-01 00:00:00.000 UTC [7] XX000 ERROR:  invalid INTERVAL typmod: 0xb",
	"2024-01-01 00:00:00.000 UTC [7] XX000 STATEMENT:  select pg_catalog.interval_typmodout(11)",
	"2024-01-01 00:00:00.000 UTC [7] XX000 ERROR:  cache lookup failed for type 0",
	"2024-01-01 00:00:00.000 UTC [7] XX000 CONTEXT:  SQL function \"f\"",
	"2024-01-01 00:00:00.000 UTC [7] XX000 STATEMENT:  select pg_catalog.unknownout(null)",
	"2024-01-01 00:00:00.000 UTC [9] XX000 ERROR:  could not open relation with OID 0",
	"2024-01-01 00:00:00.000 UTC [8] XX000 ERROR:  invalid INTERVAL typmod: 0x27",
	"2024-01-01 00:00:00.000 UTC [8] XX000 STATEMENT:  select pg_catalog.justify_interval(x), pg_catalog.interval (y, 39)");
is(join(', ', map { known_pg_internal(@$_) // 'other' } @made_up),
	'intervaltypmodout, other, other, other, interval',
	'known internal errors of PostgreSQL are told apart by message and statement');

my $seconds = $ENV{SQLSMITH_SECONDS} // 40;
my $seed = $ENV{SQLSMITH_SEED} // (time() % 1000000) * 100 + $$ % 100;

my $node = PostgreSQL::Test::Cluster->new('smith');
$node->init;
$node->append_conf('postgresql.conf', qq{
log_line_prefix = '%m [%p] %e '
log_min_error_statement = error
log_statement = 'all'
max_worker_processes = 4
max_parallel_workers_per_gather = 2
migchain.language = 'en'
});
$node->start;
my $postmaster = $node->safe_psql('postgres', 'SELECT pg_postmaster_start_time()');

$node->safe_psql('postgres', 'CREATE EXTENSION migchain');
my $made = $node->safe_psql('postgres', 'SELECT migchain.generate_demo(1, 0.2)');
cmp_ok($made, '>', 5000, "demo data ($made requests)");
$node->safe_psql('postgres', 'ANALYZE');

# SQLsmith runs as a role that may read the extension's tables and views
# and call its functions, with a statement timeout, and without the
# functions that end sessions (which would end SQLsmith's own).
$node->safe_psql('postgres', q{
	CREATE ROLE smith LOGIN;
	GRANT USAGE ON SCHEMA migchain, migchain_bi TO smith;
	GRANT SELECT ON ALL TABLES IN SCHEMA migchain, migchain_bi TO smith;
	GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA migchain TO smith;
	ALTER ROLE smith SET statement_timeout = '1s';
	ALTER ROLE smith SET search_path = public, migchain, migchain_bi;
	REVOKE EXECUTE ON FUNCTION pg_terminate_backend(int4, int8), pg_cancel_backend(int4) FROM PUBLIC;
});

my $target = $node->connstr('postgres') . ' user=smith';
note("sqlsmith --seed=$seed for $seconds s");
my $smith_log = "$PostgreSQL::Test::Utils::tmp_check/sqlsmith.out";
my $started = time();
# --exclude-catalog: FROM clauses use the extension's tables and views, not
# the system catalogs; functions and operators come from everywhere.
system("timeout -s INT $seconds sqlsmith --verbose --exclude-catalog --seed=$seed"
	  . " --target='$target' > '$smith_log' 2>&1");
my $status = $? >> 8;
my $ran = time() - $started;
# timeout exits 124 when it stopped SQLsmith; otherwise SQLsmith ended by
# itself, which it does only on a lost connection or a broken catalogue.
ok($status == 124 || $status == 0, "sqlsmith ran until stopped ($ran s, exit status $status)")
  or diag(slurp_file($smith_log));

my $out = slurp_file($smith_log);
my ($queries) = $out =~ /.*\bqueries: (\d+)/s;
$queries //= 0;
cmp_ok($queries, '>', 100, "sqlsmith sent queries ($queries)");

# How many of them called the extension's functions (SQLsmith writes names
# with their schema; every query reads the extension's tables or views).
my $log = slurp_file($node->logfile);
my @entries = split /\n(?=\d{4}-\d\d-\d\d )/, $log;
my $statements = grep { / LOG:  statement: / } @entries;
my $calls = grep { / LOG:  statement: / && /\bmigchain\.\w+\(/ } @entries;
cmp_ok($calls, '>', 100, "queries called the extension's functions ($calls of $statements statements)");

# The server is still up, never restarted, and answers.
is($node->safe_psql('postgres', 'SELECT pg_postmaster_start_time()'), $postmaster,
	'the server is up and was not restarted');
is($node->safe_psql('postgres', 'SELECT count(*) FROM migchain.request'), $made,
	'the data is all there');

$log = slurp_file($node->logfile);
for my $bad (qr/terminated by signal/, qr/\bPANIC\b/, qr/\bTRAP\b/,
	qr/server process .* was terminated/, qr/terminating any other active server processes/)
{
	my @hits = grep { /$bad/ } split /\n/, $log;
	ok(!@hits, "the server log has no $bad") or diag(join("\n", @hits[0 .. ($#hits < 9 ? $#hits : 9)]));
}

# The extension's can't-happen errors (elog) are XX000, and so are
# PostgreSQL's: fail on the extension's and on every other but the known
# ones of PostgreSQL, and count those.
my @internal = internal_errors(split /\n(?=\d{4}-\d\d-\d\d )/, $log);
my @elog = map { my $f = $_; $f =~ s/\\(.)/$1/g; join('.*?', map { quotemeta } split(/%[-+ #0-9.]*[a-zA-Z]+/, $f, -1)) }
  map { /\belog\s*\(\s*ERROR\s*,\s*"((?:[^"\\]|\\.)*)"/g } map { slurp_file($_) } glob('src/*.c');
cmp_ok(scalar(@elog), '>', 5, 'the internal errors of the extension are known (' . scalar(@elog) . ')');
my @ours = grep { my $message = $_->[0]; grep { $message =~ /^$_/ } @elog } @internal;
ok(!@ours, "no query reached an internal error of the extension")
  or diag(join("\n", map { "$_->[0]\n  in: $_->[1]" } @ours));
my (%known, @other);
for my $error (@internal)
{
	my $function = known_pg_internal(@$error);
	if (defined $function) { $known{$function}++ }
	elsif (!grep { $_ == $error } @ours) { push @other, $error }
}
ok(!@other, 'no query reached an internal error other than the known ones of PostgreSQL')
  or diag(join("\n", map { "$_->[0]\n  in: $_->[1]" } @other[0 .. ($#other < 9 ? $#other : 9)]));
my $known = 0;
$known += $_ for values %known;
my $known_list = join(', ', map { "$_ $known{$_}" } sort keys %known);

# What SQLsmith found: the most frequent errors, by SQLSTATE and message.
my %errors;
for (split /\n/, $log)
{
	next unless /\] (\w{5}) ERROR:  (.*)/;
	my ($code, $msg) = ($1, $2);
	$msg =~ s/"[^"]*"/"..."/g;
	$msg =~ s/\b\d+\b/N/g;
	$errors{"$code $msg"}++;
}
my @top = sort { $errors{$b} <=> $errors{$a} || $a cmp $b } keys %errors;
my $total = 0;
$total += $_ for values %errors;
note("summary: sqlsmith seed $seed, $seconds s: $queries queries ($calls calling migchain), "
	  . "$total errors (" . scalar(@top) . " distinct), $known known internal errors of PostgreSQL"
	  . ($known ? " ($known_list)" : ''));
note(sprintf('%6d  %s', $errors{$_}, $_)) for @top[0 .. ($#top < 24 ? $#top : 24)];

$node->stop;
done_testing();
