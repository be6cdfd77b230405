# Random queries: SQLsmith against a cluster with the extension and demo
# data, for a bounded time.  Errors are fine (most random queries are wrong);
# a crash is not: the server must still be up afterwards, its log must show
# no backend killed by a signal, no PANIC and no failed assertion, and no
# query may reach one of the extension's can't-happen errors (elog, XX000).
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

# The extension's can't-happen errors (elog) are XX000; report every XX000
# and fail on the extension's.
my @internal = grep { / XX000 ERROR: / } split /\n/, $log;
my @elog = map { my $f = $_; $f =~ s/\\(.)/$1/g; join('.*?', map { quotemeta } split(/%[-+ #0-9.]*[a-zA-Z]+/, $f, -1)) }
  map { /\belog\s*\(\s*ERROR\s*,\s*"((?:[^"\\]|\\.)*)"/g } map { slurp_file($_) } glob('src/*.c');
cmp_ok(scalar(@elog), '>', 5, 'the internal errors of the extension are known (' . scalar(@elog) . ')');
my @ours = grep { my $line = $_; grep { $line =~ /ERROR:  $_/ } @elog } @internal;
ok(!@ours, "no query reached an internal error of the extension")
  or diag(join("\n", @ours));
note("internal errors (XX000) of PostgreSQL itself: " . scalar(@internal)) if @internal;
note($_) for @internal[0 .. ($#internal < 9 ? $#internal : 9)];

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
	  . "$total errors (" . scalar(@top) . ' distinct), ' . scalar(@internal) . ' internal errors of PostgreSQL');
note(sprintf('%6d  %s', $errors{$_}, $_)) for @top[0 .. ($#top < 24 ? $#top : 24)];

$node->stop;
done_testing();
