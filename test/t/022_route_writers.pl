# Only writers make writers of routes wait.  An analyst, as a real login,
# holds every lock it can get on migchain.country_route, and the advisory
# lock on which 0.1.0 made the writers take turns, while a loader inserts,
# updates and copies routes; the locks it cannot get are refused.  A second
# loader does make the first wait: the writers of routes take turns.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('route_writers');
$node->init;
$node->start;
$node->safe_psql('postgres', q{
CREATE EXTENSION migchain;
CREATE ROLE analyst LOGIN;
CREATE ROLE loader LOGIN;
CREATE ROLE other_loader LOGIN;
SELECT migchain.grant_analyst('analyst');
SELECT migchain.grant_loader('loader');
SELECT migchain.grant_loader('other_loader');
INSERT INTO migchain.country_route (country, kind, valid_from, valid_to, has_process)
VALUES ('MA', 'T&O', '2015-01-01', '2021-01-01', true);
});

# Run SQL as a login; return (exit status, stdout, stderr).
sub as
{
	my ($role, $sql) = @_;
	my ($ret, $out, $err) = $node->psql('postgres', $sql, extra_params => [ '-U', $role ]);
	return ($ret, $out, $err);
}

# The locks a role's sessions hold on the routes, and its advisory locks.
sub locks_of
{
	my ($role) = @_;
	return $node->safe_psql('postgres', qq{
SELECT coalesce(string_agg(m, ', ' ORDER BY m), '')
  FROM (SELECT DISTINCT (CASE WHEN l.locktype = 'advisory' THEN 'advisory ' ELSE '' END || l.mode) COLLATE "C"
          FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
         WHERE a.usename = '$role' AND l.granted
           AND (l.relation = 'migchain.country_route'::regclass OR l.locktype = 'advisory')) held(m)});
}

# What the analyst cannot take: LOCK TABLE in any mode, row locks, and the
# writers' lock through migchain's trigger function on a table of its own.
for my $mode ('ACCESS SHARE', 'ROW SHARE', 'ROW EXCLUSIVE', 'SHARE UPDATE EXCLUSIVE', 'SHARE',
	'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE')
{
	my ($ret, $out, $err) = as('analyst', "BEGIN; LOCK TABLE migchain.country_route IN $mode MODE; COMMIT;");
	like($err, qr/permission denied for table country_route/, "analyst refused: LOCK TABLE in $mode mode");
}
for my $strength ('UPDATE', 'NO KEY UPDATE', 'SHARE', 'KEY SHARE')
{
	my ($ret, $out, $err) = as('analyst', "SELECT 1 FROM migchain.country_route FOR $strength");
	like($err, qr/permission denied for table country_route/, "analyst refused: SELECT ... FOR $strength");
}
my ($ret, $out, $err) = as('analyst', q{
CREATE TEMP TABLE own (i int);
CREATE TRIGGER own_lock BEFORE INSERT ON own FOR EACH STATEMENT EXECUTE FUNCTION migchain.country_route_lock();
INSERT INTO own VALUES (1);});
like($err,
	qr/ERROR:  function country_route_lock\(\) must be fired BEFORE INSERT OR UPDATE FOR EACH STATEMENT on table migchain\.country_route/,
	'analyst refused: the writers\' trigger function on a table of its own');

# What the analyst can hold, held in one open transaction: the advisory
# lock of 0.1.0, in both scopes; ROW EXCLUSIVE and ROW SHARE, which
# PostgreSQL grants when it prepares a statement and checks no right until
# it is executed; ACCESS SHARE, from reading the routes through a view.
my $analyst = $node->background_psql('postgres', extra_params => [ '-U', 'analyst' ]);
$analyst->query_safe('BEGIN');
$analyst->query_safe(q{SELECT pg_advisory_lock(hashtext('migchain.country_route'))});
$analyst->query_safe(q{SELECT pg_advisory_xact_lock(hashtext('migchain.country_route'))});
$analyst->query_safe(q{PREPARE write_routes AS UPDATE migchain.country_route SET note = note});
$analyst->query_safe(q{PREPARE lock_routes AS SELECT * FROM migchain.country_route FOR UPDATE});
$analyst->query_safe(q{SELECT count(*) FROM migchain_bi.not_confirmed_by_country});
is(locks_of('analyst'), 'AccessShareLock, RowExclusiveLock, RowShareLock, advisory ExclusiveLock',
	'the analyst holds every lock it can get on the routes, and the advisory lock of 0.1.0');

# Meanwhile the loader writes routes without waiting (lock_timeout: a wait
# would be an error, not a hang): inserts, updates, COPY.
($ret, $out, $err) = as('loader', qq{
SET lock_timeout = '5s';
BEGIN;
UPDATE migchain.country_route SET valid_to = NULL WHERE route_id = 1;
INSERT INTO migchain.country_route (country, kind, valid_from, valid_to, has_process)
VALUES ('TN', 'LP', '2019-01-01', '2020-01-01', true);
COPY migchain.country_route (country, kind, valid_from, has_process) FROM STDIN;
TN\tLP\t2020-01-01\tt
DZ\tLP\t2020-01-01\tf
\\.
COMMIT;
SELECT count(*) FROM migchain.country_route;});
is($ret, 0, 'the loader inserts, updates and copies routes while the analyst holds its locks') or diag($err);
is($out, '4', 'the loader\'s routes are there');
is(locks_of('analyst'), 'AccessShareLock, RowExclusiveLock, RowShareLock, advisory ExclusiveLock',
	'the analyst still held them');
$analyst->query_safe('COMMIT');
$analyst->quit;

# A second writer of routes does make the loader wait, until it ends.
my $other = $node->background_psql('postgres', extra_params => [ '-U', 'other_loader' ]);
$other->query_safe('BEGIN');
$other->query_safe(q{INSERT INTO migchain.country_route (country, kind, valid_from, has_process)
VALUES ('AL', 'T&O', '2020-01-01', true)});
like(locks_of('other_loader'), qr/ShareUpdateExclusiveLock/,
	'a writer of routes holds the writers\' lock until its transaction ends');
($ret, $out, $err) = as('loader', q{
SET lock_timeout = '1s';
INSERT INTO migchain.country_route (country, kind, valid_from, has_process) VALUES ('AF', 'LP', '2020-01-01', true);});
like($err, qr/canceling statement due to lock timeout/, 'a loader waits for another writer of routes');
$other->query_safe('COMMIT');
$other->quit;
($ret, $out, $err) = as('loader', q{
SET lock_timeout = '5s';
INSERT INTO migchain.country_route (country, kind, valid_from, has_process) VALUES ('AF', 'LP', '2020-01-01', true);});
is($ret, 0, 'and writes once the other has committed') or diag($err);

$node->stop;
done_testing();
