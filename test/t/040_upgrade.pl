# Upgrades: every released version, installed from its own script and
# updated step by step (ALTER EXTENSION ... UPDATE) to the current one, keeps
# its rows and ends with exactly the objects of a fresh install.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('upgrade');
$node->init;
$node->start;

my $current = $node->safe_psql('postgres',
	"SELECT default_version FROM pg_available_extensions WHERE name = 'migchain'");
my @released = grep { $_ ne $current } split /\n/, $node->safe_psql('postgres',
	"SELECT version FROM pg_available_extension_versions WHERE name = 'migchain' ORDER BY version");
cmp_ok(scalar @released, '>=', 1, "released versions to upgrade from: @released (current $current)");

# Every object of the extension as pg_dump's binary-upgrade mode writes it
# (which lists an extension's members one by one), without the lines that
# only carry object numbers, transaction ids or a session's random token.
sub schema_of
{
	my ($db) = @_;
	my ($stdout, $stderr);
	IPC::Run::run([ 'pg_dump', '--schema-only', '--binary-upgrade', '--no-owner',
			'-d', $node->connstr($db) ], '>', \$stdout, '2>', \$stderr)
	  or die "pg_dump failed: $stderr";
	my @lines = grep { !/binary_upgrade_set_next|binary_upgrade_set_record_init_privs|^--|^$|pg_catalog\.setval/ }
	  grep { !/^\\(un)?restrict |relfrozenxid|^\s*WHERE oid = '\d+'/ } split /\n/, $stdout;
	s/\b\d{5,}\b/N/g for @lines;    # object numbers
	return join "\n", @lines;
}

$node->safe_psql('postgres', 'CREATE DATABASE fresh');
$node->safe_psql('fresh', 'CREATE EXTENSION migchain');
my $fresh = schema_of('fresh');
like($fresh, qr/CREATE VIEW migchain_bi\.overview_by_year/, 'the fresh schema lists the members');

for my $v (@released)
{
	my $db = 'from_' . ($v =~ s/\W/_/gr);
	$node->safe_psql('postgres', "CREATE DATABASE $db");
	$node->safe_psql($db, "CREATE EXTENSION migchain VERSION '$v'");
	$node->safe_psql($db, 'SELECT migchain.generate_demo(5, 0.1)');
	my $rows = $node->safe_psql($db,
		"SELECT count(*) || ' ' || md5(string_agg(request_id || kind::text || answer::text || country::text"
		  . " || presented_on || person_id || coalesce(answered_on::text, '-'), ',' ORDER BY request_id))"
		  . ' FROM migchain.request');
	$node->safe_psql($db, 'ALTER EXTENSION migchain UPDATE');
	is($node->safe_psql($db, "SELECT extversion FROM pg_extension WHERE extname = 'migchain'"),
		$current, "$v updated to $current");
	is($node->safe_psql($db,
		"SELECT count(*) || ' ' || md5(string_agg(request_id || kind::text || answer::text || country::text"
		  . " || presented_on || person_id || coalesce(answered_on::text, '-'), ',' ORDER BY request_id))"
		  . ' FROM migchain.request'),
		$rows, "$v: every request kept by the update");
	cmp_ok($node->safe_psql($db, 'SELECT count(*) FROM migchain_bi.overview_by_year'), '>', 0,
		"$v: the views work after the update");

	# The same objects as a fresh install: compare line by line, show what differs.
	my $upgraded = schema_of($db);
	my %in_fresh = map { $_ => 1 } split /\n/, $fresh;
	my %in_upgraded = map { $_ => 1 } split /\n/, $upgraded;
	my @missing = grep { !$in_upgraded{$_} } split /\n/, $fresh;
	my @extra = grep { !$in_fresh{$_} } split /\n/, $upgraded;
	is(scalar(@missing) + scalar(@extra), 0, "$v: after the update the schema equals a fresh install")
	  or diag("missing after the update:\n  " . join("\n  ", @missing[0 .. ($#missing < 20 ? $#missing : 20)])
		  . "\nonly after the update:\n  " . join("\n  ", @extra[0 .. ($#extra < 20 ? $#extra : 20)]));
}

$node->stop;
done_testing();
