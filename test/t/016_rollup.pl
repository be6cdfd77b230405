# The rollup of the request counters on real servers: the background worker
# compacts it after many small committed statements, while it stays exact;
# its triggers fire under session_replication_role = replica; a logical
# replica of the requests counts them into a rollup of its own, exactly;
# and it is exact after the server crashes.
use strict;
use warnings;
use IPC::Run;
use Time::HiRes qw(usleep);
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $dir = $PostgreSQL::Test::Utils::tmp_check;

# The publisher of (c) too: logical WAL.
my $node = PostgreSQL::Test::Cluster->new('rollup');
$node->init(allows_streaming => 'logical');
$node->append_conf('postgresql.conf', qq{
migchain.language = 'en'
max_worker_processes = 16
restart_after_crash = on
});
$node->start;
$node->safe_psql('postgres', 'CREATE EXTENSION migchain');

# The overview by year as plain SQL over the requests: a fresh count.
my $overview_columns = 'year, kind, presented, positive, negative, withdrawn, pending';
my $fresh_overview = q{
SELECT date_part('year', presented_on)::int AS year, kind::text AS kind, count(*) AS presented,
       count(*) FILTER (WHERE answer::text = 'positive') AS positive,
       count(*) FILTER (WHERE answer::text = 'negative') AS negative,
       count(*) FILTER (WHERE answer::text = 'withdrawn') AS withdrawn,
       count(*) FILTER (WHERE answer::text = 'pending') AS pending
  FROM migchain.request GROUP BY 1, 2};

# The rows where the rollup differs from a fresh count (0: it is exact).
sub differences
{
	my ($n) = @_;
	return $n->safe_psql('postgres', 'SELECT count(*) FROM migchain.verify_request_rollup()');
}

# The rollup of a node is exact: no difference, and overview_by_year is the
# fresh count, which has rows.
sub rollup_exact
{
	my ($n, $when) = @_;
	is(differences($n), '0', "$when: verify_request_rollup() finds no difference");
	my $fresh = $n->safe_psql('postgres', "SELECT count(*) FROM ($fresh_overview) o");
	cmp_ok($fresh, '>', 0, "$when: the fresh count has rows ($fresh)");
	is($n->safe_psql('postgres', qq{
SELECT count(*) FROM (
  (SELECT $overview_columns FROM migchain_bi.overview_by_year EXCEPT ALL SELECT * FROM ($fresh_overview) o)
  UNION ALL
  (SELECT * FROM ($fresh_overview) o EXCEPT ALL SELECT $overview_columns FROM migchain_bi.overview_by_year)) d}),
		'0', "$when: overview_by_year equals a fresh count of the requests");
}

# The rows of the rollup not yet compacted, and those compacted.
sub rollup_rows
{
	my ($n) = @_;
	return $n->safe_psql('postgres',
		'SELECT count(*) FILTER (WHERE NOT compacted) || \' \' || count(*) FILTER (WHERE compacted) FROM migchain.request_rollup');
}

# --- (a) the background worker compacts the rollup ---------------------------
# One request per statement, each statement a transaction of its own: one
# delta row each.  They spread over 60 cells (10 countries, 2 kinds, 3
# years).  Statement $i of the extension's life is the $i-th that writes
# deltas (request_rollup_statement_seq), and every 256th asks for a
# compaction.
my @countries = qw(MA DZ NG AL AF ER IQ SO TR GE);
sub one_request
{
	my ($i) = @_;
	my $kind = $i % 2 ? 'LP' : 'T&O';
	my $country = $countries[ $i % 10 ];
	my $presented = sprintf('%d-%02d-%02d', 2019 + $i % 3, 1 + $i % 12, 1 + $i % 28);
	my $answer = (qw(pending positive negative withdrawn))[ $i % 4 ];
	my $answered = $answer eq 'pending' ? 'NULL' : "date '$presented' + 30";
	return "INSERT INTO migchain.request (kind, answer, country, presented_on, answered_on, person_id)"
	  . " VALUES ('$kind', '$answer', '$country', '$presented', $answered, " . (1000000 + $i) . ");\n";
}

# Statements 1 to 200: none asks for a compaction.
$node->safe_psql('postgres', join('', map { one_request($_) } 1 .. 200));
is(rollup_rows($node), '200 0', 'after 200 one-row statements: 200 delta rows, none compacted');
is(differences($node), '0', 'and the rollup is exact');

# Run pgbench with one client for $transactions transactions of one random
# one-row INSERT each (the same 60 cells), 300 a second, and check the
# rollup from another session while it runs; returns the number of checks and of those that found a difference.
open(my $fh, '>', "$dir/one_request.sql") or die $!;
print $fh q{
\set i random(1, 1000000000)
\set k random(1, 2)
\set c random(1, 10)
\set d random(0, 1094)
\set a random(1, 4)
INSERT INTO migchain.request (kind, answer, country, presented_on, answered_on, person_id)
SELECT (ARRAY['LP', 'T&O'])[:k]::migchain.request_kind, (ARRAY['pending', 'positive', 'negative', 'withdrawn'])[:a]::migchain.answer,
       (ARRAY['MA', 'DZ', 'NG', 'AL', 'AF', 'ER', 'IQ', 'SO', 'TR', 'GE'])[:c]::migchain.country,
       date '2019-01-01' + :d, CASE WHEN :a > 1 THEN date '2019-01-01' + :d + 30 END, 2000000000::int8 + :i;
};
close $fh;
sub pgbench_while_checking
{
	my ($transactions) = @_;
	my ($out, $err) = ('', '');
	my $h = IPC::Run::start(
		[ 'pgbench', '-n', '-h', $node->host, '-p', $node->port, '-c', 1, '-t', $transactions, '-R', 300,
			'-f', "$dir/one_request.sql", 'postgres' ],
		'>', \$out, '2>', \$err);
	my ($checks, $wrong) = (0, 0);
	my $checker = $node->background_psql('postgres');
	while ($h->pumpable)
	{
		$checks++;
		$wrong++ if $checker->query_safe('SELECT count(*) FROM migchain.verify_request_rollup()') ne '0';
		$h->pump_nb;
	}
	$h->finish;
	$checker->quit;
	is($? >> 8, 0, "pgbench, $transactions one-row transactions: exit status 0") or diag("$out\n$err");
	like($out, qr/number of transactions actually processed: $transactions\/$transactions/,
		"pgbench: $transactions transactions processed");
	return ($checks, $wrong);
}

# Wait up to 30 seconds until the uncompacted rows (of $node, or of the node
# given) are at most $bound, checking that the rollup stays exact meanwhile;
# returns the rows (as rollup_rows) and the number of checks that found a
# difference.
sub wait_for_compaction
{
	my ($bound, $n) = @_;
	$n //= $node;
	my $wrong = 0;
	my $rows;
	my $until = time + 30;
	while (1)
	{
		$wrong++ if differences($n) ne '0';
		$rows = rollup_rows($n);
		last if (split / /, $rows)[0] <= $bound || time > $until;
		usleep(100_000);
	}
	return ($rows, $wrong);
}

# Statements 201 to 300: the 256th asks for a compaction, which merges the
# rows of at least the first 256 when its transaction has committed.
my ($checks, $wrong) = pgbench_while_checking(100);
is($wrong, 0, "the rollup was exact at each of $checks checks while the statements ran");
my ($rows, $wrong_meanwhile) = wait_for_compaction(44);
my ($uncompacted, $compacted) = split / /, $rows;
cmp_ok($uncompacted, '<=', 44,
	"after 300 statements, the background worker compacted the first 256 at least ($rows)");
cmp_ok($compacted, '>', 0, 'into compacted rows');
cmp_ok($compacted, '<=', 60, 'at most one for each of the 60 cells');
is($wrong_meanwhile, 0, 'the rollup was exact at each check while waiting');
note("summary: after 300 one-row statements, $uncompacted delta rows and $compacted compacted");

# Statements 301 to 600: the 512th asks again (the compaction of the 256th
# is over: no compaction is at work to make it give way).
($checks, $wrong) = pgbench_while_checking(300);
is($wrong, 0, "the rollup was exact at each of $checks checks while the statements ran");
($rows, $wrong_meanwhile) = wait_for_compaction(88);
($uncompacted, $compacted) = split / /, $rows;
cmp_ok($uncompacted, '<=', 88,
	"after 600 statements, the background worker compacted the first 512 at least ($rows)");
cmp_ok($compacted, '<=', 60, 'at most one compacted row for each of the 60 cells');
is($wrong_meanwhile, 0, 'the rollup was exact at each check while waiting');
note("summary: after 600 one-row statements, $uncompacted delta rows and $compacted compacted");

# One statement that writes 260 cells (13 countries, 2 kinds, 10 years)
# asks for a compaction by itself, which leaves no delta uncompacted.
$node->safe_psql('postgres', q{
INSERT INTO migchain.request (kind, country, presented_on, person_id)
SELECT k::migchain.request_kind, c::migchain.country, make_date(y, 6, 1), 3000000 + row_number() OVER ()
  FROM unnest(ARRAY['LP', 'T&O']) k,
       unnest(ARRAY['MA', 'DZ', 'NG', 'AL', 'AF', 'ER', 'IQ', 'SO', 'TR', 'GE', 'XK', 'SY', 'IR']) c,
       generate_series(2010, 2019) y});
($rows, $wrong_meanwhile) = wait_for_compaction(0);
is((split / /, $rows)[0], '0', "a statement of 260 cells: every delta compacted ($rows)");
is($node->safe_psql('postgres', q{
SELECT count(*) = count(DISTINCT (year, kind, country)) FROM migchain.request_rollup}),
	't', 'one row for each cell');
is($wrong_meanwhile, 0, 'the rollup was exact at each check while waiting');
rollup_exact($node, 'after the compactions');

# --- (b) the triggers fire under session_replication_role = replica -------------
is($node->safe_psql('postgres', q{
SELECT string_agg(tgname || ' ' || tgenabled::text, ', ' ORDER BY tgname) FROM pg_trigger
 WHERE tgrelid = 'migchain.request'::regclass AND tgname LIKE 'request\_rollup\_%'}),
	'request_rollup_apply R, request_rollup_delete A, request_rollup_insert A, request_rollup_truncate A, request_rollup_update A',
	'the four statement triggers of the rollup fire always, its row trigger on replicas');
my $sum = q{SELECT sum(pending + positive + negative + withdrawn) FROM migchain.request_rollup};
my $before = $node->safe_psql('postgres', $sum);
$node->safe_psql('postgres', q{
SET session_replication_role = replica;
INSERT INTO migchain.request (kind, country, presented_on, person_id)
SELECT 'LP', 'MA', date '2021-01-01' + i, 4000000 + i FROM generate_series(1, 50) i;
COPY migchain.request (kind, country, presented_on, person_id) FROM STDIN;
T&O	DZ	2021-03-03	4000100
T&O	DZ	2021-03-04	4000101
\.
UPDATE migchain.request SET answer = 'negative', answered_on = presented_on + 10
 WHERE person_id BETWEEN 4000001 AND 4000020;
DELETE FROM migchain.request WHERE person_id BETWEEN 4000041 AND 4000050;
});
# (The row trigger, enabled on replicas, fires too, and must count nothing
# outside the apply worker of logical replication.)
is($node->safe_psql('postgres', $sum), $before + 50 + 2 - 10,
	'under session_replication_role = replica, the inserts, COPY and deletes are counted, once');
rollup_exact($node, 'after changes as a replica');

# --- (c) logical replication ------------------------------------------------------
# The subscriber has the extension, with its own rollup; the publication
# has the requests only: neither the rollup nor the load batches (the
# subscription's workers trust the publisher's batches).  The initial copy
# of the table fires the statement triggers, as COPY does; the apply worker
# fires row triggers only, and the rollup's row trigger counts what it
# applies.  The subscriber's rollup equals a fresh count of its requests
# after each change is applied.
my $sub = PostgreSQL::Test::Cluster->new('subscriber');
$sub->init;
$sub->append_conf('postgresql.conf', qq{
migchain.language = 'en'
wal_retrieve_retry_interval = '200ms'
});
$sub->start;
$sub->safe_psql('postgres', 'CREATE EXTENSION migchain');
$node->safe_psql('postgres', q{
BEGIN;
SELECT migchain.begin_load('case system', 'before the subscription');
INSERT INTO migchain.request (kind, answer, country, presented_on, answered_on, person_id)
SELECT 'T&O', 'positive', 'NG', date '2020-01-01' + i, date '2020-03-01' + i, 5000000 + i FROM generate_series(1, 40) i;
SELECT migchain.end_load();
COMMIT;
CREATE PUBLICATION requests FOR TABLE migchain.request;
});
my $publisher = 'host=' . $node->host . ' port=' . $node->port . ' dbname=postgres';
$sub->safe_psql('postgres', "CREATE SUBSCRIPTION requests CONNECTION '$publisher' PUBLICATION requests");
$sub->wait_for_subscription_sync($node, 'requests');
my $digest = q{SELECT count(*) || ' ' || md5(string_agg(r::text, ',' ORDER BY request_id)) FROM migchain.request r};
is($sub->safe_psql('postgres', $digest), $node->safe_psql('postgres', $digest),
	'the subscriber has every request after the initial copy, those in load batches too');
is($sub->safe_psql('postgres', 'SELECT count(*) FROM migchain.load_batch'), '0',
	'and none of the load batches');
rollup_exact($sub, 'subscriber, after the initial copy');

# The subscriber's overview_by_year is the publisher's.
sub same_overview
{
	my ($when) = @_;
	is($sub->safe_psql('postgres', 'SELECT * FROM migchain_bi.overview_by_year'),
		$node->safe_psql('postgres', 'SELECT * FROM migchain_bi.overview_by_year'),
		"$when: the subscriber's overview_by_year is the publisher's");
}
same_overview('after the initial copy');

# Inserts (in a load batch), answers, a move to another cell, deletes, and
# an update that changes no count.
$node->safe_psql('postgres', q{
BEGIN;
SELECT migchain.begin_load('case system', 'after the subscription');
INSERT INTO migchain.request (kind, country, presented_on, person_id)
SELECT (ARRAY['LP', 'T&O'])[1 + i % 2]::migchain.request_kind, (ARRAY['MA', 'AF', 'XK'])[1 + i % 3]::migchain.country,
       date '2018-01-01' + i * 3, 6000000 + i FROM generate_series(1, 300) i;
SELECT migchain.end_load();
COMMIT;
UPDATE migchain.request SET answer = 'positive', answered_on = presented_on + 40
 WHERE person_id BETWEEN 6000001 AND 6000100;
UPDATE migchain.request SET answer = 'withdrawn', answered_on = presented_on + 400
 WHERE person_id BETWEEN 1000001 AND 1000100 AND answer::text = 'pending';
UPDATE migchain.request SET country = 'DZ', presented_on = presented_on - 365
 WHERE person_id BETWEEN 6000101 AND 6000150;
UPDATE migchain.request SET requested_on = presented_on WHERE person_id BETWEEN 6000151 AND 6000160;
DELETE FROM migchain.request WHERE person_id BETWEEN 6000201 AND 6000250;
DELETE FROM migchain.request WHERE person_id BETWEEN 5000001 AND 5000010;
});
$node->wait_for_catchup('requests');
is($sub->safe_psql('postgres', $digest), $node->safe_psql('postgres', $digest),
	'the subscriber has the requests after inserts, answers, moves and deletes');
rollup_exact($sub, 'subscriber, after inserts, answers, moves and deletes');
# The row trigger counts each row as a statement of its own (some 540
# here, one delta row or two each): compactions follow on the subscriber
# too, at the latest when the 300 inserts' transaction commits.
($rows, $wrong_meanwhile) = wait_for_compaction(299, $sub);
cmp_ok((split / /, $rows)[0], '<', 300, "the subscriber's rollup was compacted ($rows)");
is($wrong_meanwhile, 0, 'the subscriber\'s rollup was exact at each check while waiting');
same_overview('after inserts, answers, moves and deletes');

# TRUNCATE is applied with its statement triggers: the subscriber's rollup
# is emptied; then new rows.
$node->safe_psql('postgres', q{
TRUNCATE migchain.request;
INSERT INTO migchain.request (kind, country, presented_on, person_id)
SELECT 'LP', 'ER', date '2022-01-01' + i, 7000000 + i FROM generate_series(1, 25) i;
});
$node->wait_for_catchup('requests');
is($sub->safe_psql('postgres', 'SELECT count(*) FROM migchain.request'), '25',
	'the subscriber has the 25 requests after the TRUNCATE');
rollup_exact($sub, 'subscriber, after TRUNCATE and inserts');
same_overview('after TRUNCATE and inserts');
is($sub->safe_psql('postgres', 'SELECT sum(pending + positive + negative + withdrawn) FROM migchain.request_rollup'),
	'25', 'the subscriber\'s rollup counts the 25, nothing from before the TRUNCATE');

# The changes a table synchronization worker applies itself, after its
# copy and before the apply worker takes over, fire row triggers only, as
# the apply worker's do.  To make it apply some: subscribe anew while a
# session holds the subscriber's rollup, so that the copy stops in its
# statement trigger, change the requests on the publisher meanwhile, then
# let it go on.
$sub->safe_psql('postgres', 'DROP SUBSCRIPTION requests; TRUNCATE migchain.request');
my $holder = $sub->background_psql('postgres');
$holder->query_safe('BEGIN; LOCK migchain.request_rollup IN SHARE MODE');
$sub->safe_psql('postgres', "CREATE SUBSCRIPTION again CONNECTION '$publisher' PUBLICATION requests");
$sub->poll_query_until('postgres', q{
	SELECT count(*) > 0 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
	 WHERE NOT l.granted AND l.relation = 'migchain.request_rollup'::regclass
	   AND a.backend_type = 'logical replication worker'})
  or die 'the table synchronization did not reach the rollup';
$node->safe_psql('postgres', q{
INSERT INTO migchain.request (kind, country, presented_on, person_id)
SELECT 'LP', 'SY', date '2021-04-01' + i, 7100000 + i FROM generate_series(1, 40) i;
UPDATE migchain.request SET answer = 'negative', answered_on = presented_on + 5
 WHERE person_id BETWEEN 7100001 AND 7100010;
DELETE FROM migchain.request WHERE person_id BETWEEN 7000001 AND 7000005;
});
$holder->query_safe('COMMIT');
$holder->quit;
$sub->wait_for_subscription_sync($node, 'again');
$node->wait_for_catchup('again');
is($sub->safe_psql('postgres', $digest), $node->safe_psql('postgres', $digest),
	'the subscriber has the requests changed while its table was being copied');
rollup_exact($sub, 'subscriber, after changes made while its table was being copied');
same_overview('after changes made while the table was being copied');
$sub->safe_psql('postgres', 'DROP SUBSCRIPTION again');

# A publication FOR ALL TABLES sends the publisher's rollup too, whose rows
# a subscriber must not add to its own: its guard drops them.  The
# publisher can still compact (the rollup's replica identity is the whole
# row).
$node->safe_psql('postgres', 'CREATE PUBLICATION everything FOR ALL TABLES');
$sub->safe_psql('postgres', q{
TRUNCATE migchain.request, migchain.load_batch, migchain.country_route, migchain.holiday,
         migchain.detention_episode, migchain.condition_observation, migchain.return_case,
         migchain.unanswered_withdrawal});
$sub->safe_psql('postgres', "CREATE SUBSCRIPTION everything CONNECTION '$publisher' PUBLICATION everything");
$sub->wait_for_subscription_sync($node, 'everything');
is($sub->safe_psql('postgres', 'SELECT count(*) FROM migchain.request_rollup WHERE compacted'), '0',
	'FOR ALL TABLES: the publisher\'s compacted counts are not copied into the subscriber\'s rollup');
rollup_exact($sub, 'subscriber of FOR ALL TABLES, after the initial copy');
$node->safe_psql('postgres', q{
INSERT INTO migchain.request (kind, country, presented_on, person_id)
SELECT 'T&O', 'IR', date '2019-02-01' + i, 7200000 + i FROM generate_series(1, 30) i;
UPDATE migchain.request SET answer = 'positive', answered_on = presented_on + 9
 WHERE person_id BETWEEN 7200001 AND 7200012;
});
is($node->safe_psql('postgres', 'SELECT migchain.compact_request_rollup() > 0'), 't',
	'FOR ALL TABLES: the publisher compacts its rollup');
$node->wait_for_catchup('everything');
is($sub->safe_psql('postgres', $digest), $node->safe_psql('postgres', $digest),
	'FOR ALL TABLES: the subscriber has the requests');
rollup_exact($sub, 'subscriber of FOR ALL TABLES, after inserts, answers and a compaction on the publisher');
same_overview('FOR ALL TABLES, after inserts, answers and a compaction on the publisher');
$sub->safe_psql('postgres', 'DROP SUBSCRIPTION everything');
$node->safe_psql('postgres', 'DROP PUBLICATION everything');

# SQL that runs inside the apply worker writes requests too: a trigger of
# the subscriber's on a replicated table inserts a request per row.  Those
# rows are counted once (by the row trigger, as every row of that worker).
$node->safe_psql('postgres', q{
CREATE TABLE staging (person bigint PRIMARY KEY, country text NOT NULL);
CREATE PUBLICATION staged FOR TABLE staging;
});
$sub->safe_psql('postgres', q{
CREATE TABLE staging (person bigint PRIMARY KEY, country text NOT NULL);
CREATE FUNCTION staged_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO migchain.request (kind, country, presented_on, person_id)
	VALUES ('LP', NEW.country, '2021-09-09', NEW.person);
	RETURN NULL;
END $$;
CREATE TRIGGER staged_request AFTER INSERT ON staging FOR EACH ROW EXECUTE FUNCTION staged_request();
ALTER TABLE staging ENABLE ALWAYS TRIGGER staged_request;
});
$sub->safe_psql('postgres', "CREATE SUBSCRIPTION staged CONNECTION '$publisher' PUBLICATION staged");
$sub->wait_for_subscription_sync($node, 'staged');
my $requests_before = $sub->safe_psql('postgres', 'SELECT count(*) FROM migchain.request');
$node->safe_psql('postgres', q{INSERT INTO staging SELECT 7300000 + i, 'KE' FROM generate_series(1, 10) i});
$node->wait_for_catchup('staged');
is($sub->safe_psql('postgres', 'SELECT count(*) FROM migchain.request') - $requests_before, 10,
	'a trigger in the apply worker inserted 10 requests');
rollup_exact($sub, 'subscriber, after requests inserted by SQL inside the apply worker');
is($sub->safe_psql('postgres', q{SELECT sum(pending) FROM migchain.request_counts(2021, 2021) WHERE country = 'KE'}),
	'10', 'and they are counted once');
$sub->safe_psql('postgres', 'DROP SUBSCRIPTION staged');
$node->safe_psql('postgres', 'DROP PUBLICATION staged; DROP TABLE staging');

my $errors = () = slurp_file($sub->logfile) =~ /ERROR:/g;
is($errors, 0, 'the subscriber logged no error');
$sub->stop;

# --- the background worker runs as the bootstrap superuser: nothing of the
# database's may steer it.  The owner of a database (not a superuser, a
# loader) sets the database's search path to a schema of its own with an
# operator = and || that would make it a superuser if a superuser ran
# them; a compaction runs; the owner is no superuser.
$node->safe_psql('postgres', q{
CREATE ROLE owner_not_super LOGIN;
CREATE DATABASE owned OWNER owner_not_super;
});
$node->safe_psql('owned', q{
CREATE EXTENSION migchain;
SELECT migchain.grant_loader('owner_not_super');
});
$node->safe_psql('owned', q{
CREATE SCHEMA trap;
CREATE FUNCTION trap.name_eq(name, name) RETURNS bool LANGUAGE plpgsql AS $$
BEGIN
	IF current_setting('is_superuser') = 'on' THEN
		EXECUTE 'ALTER ROLE owner_not_super SUPERUSER';
	END IF;
	RETURN $1::text OPERATOR(pg_catalog.=) $2::text;
END $$;
CREATE FUNCTION trap.text_cat(text, text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	IF current_setting('is_superuser') = 'on' THEN
		EXECUTE 'ALTER ROLE owner_not_super SUPERUSER';
	END IF;
	RETURN pg_catalog.textcat($1, $2);
END $$;
CREATE OPERATOR trap.= (LEFTARG = name, RIGHTARG = name, FUNCTION = trap.name_eq);
CREATE OPERATOR trap.|| (LEFTARG = text, RIGHTARG = text, FUNCTION = trap.text_cat);
ALTER DATABASE owned SET search_path = trap, pg_catalog, public;
}, extra_params => [ '-U', 'owner_not_super' ]);
# one statement of 260 cells asks for a compaction at its commit
$node->safe_psql('owned', q{
INSERT INTO migchain.request (kind, country, presented_on, person_id)
SELECT (ARRAY['LP', 'T&O'])[1 + i % 2]::migchain.request_kind,
       (ARRAY['MA', 'DZ', 'TN', 'LY', 'EG', 'SD', 'ER', 'ET', 'SO', 'KE', 'NG', 'GH', 'SN'])[1 + (i / 2) % 13]::migchain.country,
       make_date(2010 + (i / 26) % 10, 3, 1), 7400000 + i
  FROM generate_series(0, 259) i;
}, extra_params => [ '-U', 'owner_not_super' ]);
ok($node->poll_query_until('owned', 'SELECT count(*) = 0 FROM migchain.request_rollup WHERE NOT compacted'),
	'the compaction ran in the database of a non-superuser owner');
is($node->safe_psql('postgres', q{SELECT rolsuper FROM pg_roles WHERE rolname = 'owner_not_super'}),
	'f', 'and its search path did not make the owner a superuser');

# --- (d) after a crash --------------------------------------------------------------
# Committed requests survive an immediate shutdown (no checkpoint: recovery
# replays them); requests of a transaction still open, and a compaction
# still open, are gone, and the rollup is exact.
$node->safe_psql('postgres', q{
INSERT INTO migchain.request (kind, answer, country, presented_on, answered_on, person_id)
SELECT 'T&O', 'negative', 'IQ', date '2016-01-01' + i, date '2016-06-01' + i, 8000000 + i FROM generate_series(1, 120) i;
UPDATE migchain.request SET answer = 'withdrawn' WHERE person_id BETWEEN 8000001 AND 8000030;
});
my $committed = $node->safe_psql('postgres', 'SELECT count(*) FROM migchain.request');
my $open = $node->background_psql('postgres');
$open->query_safe(q{BEGIN;
INSERT INTO migchain.request (kind, country, presented_on, person_id)
SELECT 'LP', 'IQ', date '2016-01-01' + i, 8100000 + i FROM generate_series(1, 70) i;});
my $compacting = $node->background_psql('postgres');
my $rows_before = rollup_rows($node);
cmp_ok((split / /, $rows_before)[0], '>', 0, "deltas to compact before the crash ($rows_before)");
$compacting->query_safe('BEGIN; SELECT migchain.compact_request_rollup();');
$node->stop('immediate');
$open->{run}->kill_kill;
$compacting->{run}->kill_kill;
$node->start;
is($node->safe_psql('postgres', 'SELECT count(*) FROM migchain.request'), $committed,
	'after an immediate shutdown: the committed requests, not those of the open transaction');
is(rollup_rows($node), $rows_before, 'the rollup\'s rows as before the compaction that did not commit');
rollup_exact($node, 'after an immediate shutdown');

# kill -9 of a backend in the middle of a transaction: the postmaster
# restarts every process and the database recovers.
$node->safe_psql('postgres', q{
INSERT INTO migchain.request (kind, country, presented_on, person_id)
SELECT 'T&O', 'SO', date '2017-01-01' + i, 8200000 + i FROM generate_series(1, 80) i;});
$committed = $node->safe_psql('postgres', 'SELECT count(*) FROM migchain.request');
my $victim = $node->background_psql('postgres');
my $pid = $victim->query_safe(q{BEGIN;
DELETE FROM migchain.request WHERE person_id BETWEEN 8200001 AND 8200040;
SELECT pg_backend_pid();});
my $log_offset = -s $node->logfile;
is(kill(9, $pid), 1, "backend $pid killed with signal 9");
$victim->{run}->kill_kill;
$node->wait_for_log(qr/all server processes terminated; reinitializing.*\n(?:.*\n)*.*database system is ready to accept connections/,
	$log_offset);
is($node->safe_psql('postgres', 'SELECT count(*) FROM migchain.request'), $committed,
	'after the crash: the committed requests, none of the deleted ones missing');
rollup_exact($node, 'after kill -9');
like(slurp_file($node->logfile, $log_offset), qr/server process \(PID $pid\) was terminated by signal 9: Killed/,
	'the server log shows the crash');

$node->stop;
done_testing();
