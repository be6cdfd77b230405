# The types answer and request_kind across encodings, pg_dump/restore and
# parallel workers.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('main');
$node->init;
$node->start;

# Text input folds accents in any database encoding: the parser reads
# UTF-8, and text in a LATIN1 database is converted first.
$node->safe_psql('postgres',
	q{CREATE DATABASE latin1 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0});
$node->safe_psql('latin1', 'CREATE EXTENSION migchain');
is($node->safe_psql('latin1',
		q{SET client_encoding = 'UTF8'; SELECT 'Négatief'::migchain.answer, 'laissez-passér'::migchain.request_kind}),
	'negatief|LP', 'accents are folded in a LATIN1 database');
my ($ret, $out, $err) = $node->psql('latin1',
	q{SET client_encoding = 'UTF8'; SELECT 'pösitïef!'::migchain.answer});
like($err, qr/invalid input syntax for type answer: "pösitïef!"/,
	'bad input in a LATIN1 database is refused, quoted as typed');

# In a SQL_ASCII database the bytes are taken as they are: UTF-8 accents
# are folded, other bytes refused with 22P02 (never a crash).
$node->safe_psql('postgres',
	q{CREATE DATABASE ascii ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0});
$node->safe_psql('ascii', 'CREATE EXTENSION migchain');
is($node->safe_psql('ascii', q{SELECT 'négatief'::migchain.answer}),
	'negatief', 'UTF-8 accents are folded in a SQL_ASCII database');
($ret, $out, $err) = $node->psql('ascii',
	q{\set VERBOSITY verbose
SELECT E'n\351gatief'::migchain.answer});
like($err, qr/22P02/, 'a Latin-1 byte in a SQL_ASCII database is refused with 22P02');

# pg_dump writes labels in the language of the session; a restore under
# another language reads them back unchanged.
$node->safe_psql('postgres', q{
	CREATE EXTENSION migchain;
	CREATE TABLE answers (id int PRIMARY KEY, k migchain.request_kind, a migchain.answer);
	INSERT INTO answers
	SELECT i, CASE WHEN i % 2 = 0 THEN 'LP' ELSE 'T&O' END::migchain.request_kind,
	       (ARRAY['pending', 'positive', 'negative', 'withdrawn'])[1 + i % 4]::migchain.answer
	  FROM generate_series(1, 1000) AS i;
	INSERT INTO answers VALUES (0, NULL, NULL);
	ALTER DATABASE postgres SET migchain.language = 'en';
});
my $dump = "$PostgreSQL::Test::Utils::tmp_check/answers.sql";
$node->command_ok([ 'pg_dump', '-d', $node->connstr('postgres'), '-t', 'answers', '-f', $dump ],
	'pg_dump of a table of answers');
my $text = slurp_file($dump);
like($text, qr/\twithdrawn\n/, 'the dump has English labels');
$node->safe_psql('postgres', 'CREATE DATABASE restored');
$node->safe_psql('restored', 'CREATE EXTENSION migchain');
$node->command_ok([ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', $node->connstr('restored'), '-f', $dump ],
	'restore into a database in Dutch');
my $query = q{SELECT id, k::text, migchain.label(a, 'en') FROM answers ORDER BY id};
is($node->safe_psql('restored', $query), $node->safe_psql('postgres', $query),
	'every row survives dump and restore');
is($node->safe_psql('restored', 'SELECT a FROM answers WHERE id = 3'), 'ingetrokken',
	'and prints in Dutch there');

# Parallel workers format labels in the language of the session.
$node->safe_psql('postgres', 'ALTER TABLE answers SET (parallel_workers = 2); ANALYZE answers');
my $parallel = q{
	SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0;
	SET min_parallel_table_scan_size = 0; SET max_parallel_workers_per_gather = 2;
	SET parallel_leader_participation = off;
};
my $plan = $node->safe_psql('postgres', $parallel . q{
	EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
	SELECT count(*) FROM answers WHERE a::text = 'withdrawn'});
like($plan, qr/Workers Launched: [12]/, 'workers are launched');
like($plan, qr/Parallel Seq Scan on answers[^\n]*\n\s*Filter: \(\(a\)::text = 'withdrawn'/,
	'and the label is made in the workers');
is($node->safe_psql('postgres', $parallel . q{
	SELECT count(*) FROM answers WHERE a::text = 'withdrawn'}),
	'250', 'workers see the English labels of the database setting');
is($node->safe_psql('postgres', $parallel . q{
	SET migchain.language = 'nl';
	SELECT count(*) FROM answers WHERE a::text = 'ingetrokken'}),
	'250', 'and the Dutch labels of a SET in the session');

$node->stop;
done_testing();
