# The extension in a cluster of its own: created, used, dropped again.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('main');
$node->init;
$node->start;

$node->safe_psql('postgres', 'CREATE EXTENSION migchain');
is($node->safe_psql('postgres',
		"SELECT extversion FROM pg_extension WHERE extname = 'migchain'"),
	$node->safe_psql('postgres', 'SELECT migchain.version()'),
	'installed SQL and loaded library have the same version');
is($node->safe_psql('postgres',
		"SELECT count(*) FROM pg_namespace WHERE nspname IN ('migchain', 'migchain_bi')"),
	'2', 'both schemas exist');

# A second CREATE fails, as for any extension.
my ($ret, $out, $err) = $node->psql('postgres', 'CREATE EXTENSION migchain');
isnt($ret, 0, 'creating it twice fails');
like($err, qr/extension "migchain" already exists/, 'with the usual message');

# The language can be set per database and per role and survives a restart.
$node->safe_psql('postgres', q{ALTER DATABASE postgres SET migchain.language = 'en'});
$node->restart;
is($node->safe_psql('postgres', 'SHOW migchain.language'), 'en',
	'language set per database, after a restart');
$node->safe_psql('postgres', q{CREATE ROLE reader LOGIN; ALTER ROLE reader SET migchain.language = 'nl'});
is($node->safe_psql('postgres', 'SHOW migchain.language', extra_params => [ '-U', 'reader' ]),
	'nl', 'a role setting overrides the database setting');

# The library first loaded inside a parallel query: PostgreSQL cannot apply
# the database's 'en' then, and the session goes on in Dutch.  migchain says
# so, with the way out; preloaded, the setting holds.
$node->safe_psql('postgres', 'CREATE TABLE filler AS SELECT generate_series(1, 1000) AS i');
my $parallel = q{
	SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0;
	SET min_parallel_table_scan_size = 0; SET max_parallel_workers_per_gather = 1;
	WITH f AS (SELECT count(*) AS n FROM filler),
		 c AS (SELECT * FROM migchain_bi.not_confirmed_by_country)
	SELECT (SELECT n FROM f), (SELECT count(*) FROM c);
	SELECT migchain.name('DZ');
};
($ret, $out, $err) = $node->psql('postgres', $parallel);
is($out, "1000|0\nAlgerije", 'loaded inside a parallel query: the setting is lost (Dutch)');
like($err, qr/WARNING:  migchain.language is "nl" for the rest of this session, not "en" as it was set/,
	'and migchain warns that it is');
like($err, qr/HINT:  SET migchain.language again, or load the library when sessions start: session_preload_libraries = 'migchain'/,
	'with the way out');
$node->safe_psql('postgres', q{ALTER DATABASE postgres SET session_preload_libraries = 'migchain'});
($ret, $out, $err) = $node->psql('postgres', $parallel);
is($out, "1000|0\nAlgeria", 'preloaded: the setting holds inside a parallel query');
unlike($err, qr/migchain.language/, 'and nothing is said about it');
$node->safe_psql('postgres', q{ALTER DATABASE postgres RESET session_preload_libraries; DROP TABLE filler});

$node->safe_psql('postgres', 'DROP EXTENSION migchain');
is($node->safe_psql('postgres',
		"SELECT count(*) FROM pg_namespace WHERE nspname = 'migchain_bi'"),
	'0', 'drop removes the schema migchain_bi');
# CREATE EXTENSION made the schema migchain but, as for every extension with
# a schema in its control file, it is not a member: it stays, empty.
is($node->safe_psql('postgres',
		"SELECT count(*) FROM pg_depend WHERE refobjid = 'migchain'::regnamespace"),
	'0', 'nothing is left in the schema migchain');

$node->stop;
done_testing();
