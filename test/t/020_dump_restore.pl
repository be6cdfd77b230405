# Nothing is lost by pg_dump and restore: every row of the extension's
# tables and of a user table with a column of each migchain type, every BI
# view, the identity sequences, the load batches, the rights granted on the
# extension's objects; and binary COPY of the user table from one cluster
# into another.  The rollup of the request counters is not dumped: the
# restore counts the requests into it again, exactly once, or, when a
# data-only restore disabled the triggers, its readers refuse (55000) until
# it is rebuilt.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $source = PostgreSQL::Test::Cluster->new('source');
$source->init;
$source->start;
my $target = PostgreSQL::Test::Cluster->new('target');
$target->init;
$target->start;

# Roles are not part of a database dump: both clusters have them.
for my $node ($source, $target)
{
	$node->safe_psql('postgres', 'CREATE ROLE analyst LOGIN; CREATE ROLE loader LOGIN');
}

$source->safe_psql('postgres', 'CREATE DATABASE src');
$source->safe_psql('src', q{
CREATE EXTENSION migchain;
SELECT migchain.generate_demo(5, 0.05);
-- Edge rows: pending without an answer date, former and special countries,
-- every column filled; in a load batch whose system and file need escaping,
-- ended; and one row outside any batch.
BEGIN;
SELECT migchain.begin_load(E'tab\there, newline\nthere', 'back\slash "quoted" ''single'' ü€');
INSERT INTO migchain.request (kind, answer, country, presented_on, person_id, answered_on, requested_on) VALUES
  ('LP', 'pending', 'YUCS', '2019-03-03', 9000001, NULL, NULL),
  ('T&O', 'withdrawn', 'XXA', '1950-01-01', 9000002, '2199-12-31', '1950-01-01'),
  ('LP', 'negative', 'XXX', '2199-12-31', 9223372036854775807, '2199-12-31', '2199-12-30'),
  ('T&O', 'positive', 'SUHH', '2020-02-29', 9000003, '2020-02-29', '2020-02-28');
SELECT migchain.end_load();
COMMIT;
INSERT INTO migchain.request (kind, answer, country, presented_on, person_id, answered_on, requested_on, batch_id) VALUES
  ('LP', 'positive', 'XK', '2021-01-01', 9000004, '2021-06-30', NULL, NULL),
  ('LP', 'pending', 'CSXX', '2022-12-31', 9000005, NULL, '2022-12-01', NULL);
-- A batch taken back: its rows are gone, its record stays.  Its system
-- is COPY's NULL marker as text, its file empty (not NULL).
BEGIN;
SELECT migchain.begin_load('\N', '');
INSERT INTO migchain.request (kind, answer, country, presented_on, person_id) VALUES
  ('T&O', 'pending', 'DZ', '2018-04-04', 9000007), ('LP', 'pending', 'DZ', '2018-04-05', 9000008);
COMMIT;
SELECT migchain.remove_load_batch(currval('migchain.load_batch_batch_id_seq')::int, E'loaded twice, \'sorry\'');
-- A request that went unanswered, withdrawn and audited (in
-- migchain.unanswered_withdrawal, dumped with the extension too).
INSERT INTO migchain.request (kind, answer, country, presented_on, person_id) VALUES
  ('T&O', 'pending', 'MA', '2010-05-05', 9000006);
CALL migchain.withdraw_unanswered('2011-06-01', 12);
INSERT INTO migchain.country_route (country, kind, valid_from, valid_to, has_process, arrangement,
    arrangement_name, reply_deadline, deadline_unit, tacit_acceptance, note) VALUES
  ('YUCS', 'T&O', '1990-01-01', '1992-04-27', true, 'bilateral_agreement', E'old \'agreement\'\twith tab',
   366, 'working_days', true, E'line one\nline two'),
  ('XXA', 'LP', '2000-01-01', NULL, false, 'none', NULL, NULL, NULL, false, NULL),
  ('XXX', 'T&O', '2000-01-01', '2000-01-02', true, 'working_arrangement', '', 1, 'calendar_days', false, '');
-- A holiday of the user's beside the demo's (Turkey, Sri Lanka).
INSERT INTO migchain.holiday VALUES ('MA', '2021-07-30', E'Fête du Trône \'quoted\'\twith tab');
-- A frozen report snapshot (its tables are dumped with the extension).
SELECT migchain.freeze_report(2018, 2022, label => E'press answer, \'quoted\'');
-- A user table with a column of each type, edge values and NULLs.
CREATE TABLE public.typed (
	id int PRIMARY KEY,
	k migchain.request_kind,
	a migchain.answer,
	c migchain.country,
	l migchain.conditions,
	t migchain.tally,
	cs migchain.country[],
	lc migchain.lights,
	o migchain.case_outcome,
	x migchain.detention_exit
);
INSERT INTO public.typed VALUES
  (1, 'LP', 'pending', 'AF', 'GGGGG', 'pending=0, positive=0, negative=0, withdrawn=0', '{AF,ZW}'),
  (2, 'T&O', 'positive', 'ZW', 'RRRRR',
   'pending=9223372036854775807, positive=9223372036854775807, negative=9223372036854775807, withdrawn=9223372036854775807',
   '{YUCS,XXA,XXX}'),
  (3, 'TO', 'Ingetrokken (Geen antwoord verkregen)', 'YUCS', '?????', 'pending=1, positive=2, negative=3, withdrawn=4', '{}'),
  (4, 'laissez-passer', 'negatief', 'XXA', 'GR?GR', 'pending=5, positive=0, negative=0, withdrawn=0', '{NULL,XK}'),
  (5, 'readmission', 'withdrawn', 'XXX', '?GR??', 'pending=0, positive=0, negative=0, withdrawn=1', NULL),
  (6, 'LP', 'positief', 'XK', 'R????', 'pending=0, positive=0, negative=1, withdrawn=0', '{SUHH}'),
  (7, NULL, NULL, NULL, NULL, NULL, NULL);
UPDATE public.typed u SET lc = v.lc
  FROM (SELECT 1, migchain.light_counts(c) FROM (VALUES ('GGGGG'::migchain.conditions), ('GR?GG'), ('?????')) x(c)
        UNION ALL
        SELECT 2, 'cases=9223372036854775807, returnable=9223372036854775807, removable=9223372036854775807/0/0, country_cooperates=9223372036854775807/0/0, identity_established=9223372036854775807/0/0, available=9223372036854775807/0/0, person_cooperates=9223372036854775807/0/0'
        UNION ALL
        SELECT 3, 'cases=0, returnable=0, removable=0/0/0, country_cooperates=0/0/0, identity_established=0/0/0, available=0/0/0, person_cooperates=0/0/0') v(id, lc)
 WHERE u.id = v.id;
UPDATE public.typed u SET o = v.o::migchain.case_outcome, x = v.x::migchain.detention_exit
  FROM (VALUES (1, 'independent', 'departure'), (2, 'forced', 'balancing of interests'),
               (3, 'MOB', 'opgeheven door de rechter'), (4, 'residence_permit', 'maximum_term'),
               (5, 'Dublin transfer', 'other'), (6, 'overig', 'vertrek')) v(id, o, x)
 WHERE u.id = v.id;
SELECT migchain.grant_analyst('analyst');
SELECT migchain.grant_loader('loader');
});

# The member state this database holds, as a national database of a
# federation: configuration, dumped (and the federation views read it).
$source->safe_psql('src', q{SELECT migchain.set_member_state('NL')});

# Every table and view to compare, row for row; not the rollup of the
# request counters, whose rows are deltas that a restore writes anew: what
# it counts is compared instead (request_counts(), with the owner's rights);
# nor what a hub of a federation reads, empty here (test/t/070_federation.pl
# restores a hub).
my @relations = split /\n/, $source->safe_psql('src', q{
SELECT c.oid::regclass FROM pg_class c
 WHERE c.relnamespace IN ('migchain'::regnamespace, 'migchain_bi'::regnamespace, 'public'::regnamespace)
   AND c.relkind IN ('r', 'v')
   AND c.oid <> 'migchain.request_rollup'::regclass
   AND c.oid NOT IN ('migchain.federation_member'::regclass,
                     'migchain_bi.federated_overview_by_year'::regclass,
                     'migchain_bi.federated_not_confirmed_by_country'::regclass,
                     'migchain_bi.federated_persons_by_year'::regclass)
 ORDER BY c.oid::regclass::text});
cmp_ok(scalar(@relations), '>=', 6, 'tables and views to compare: ' . join(', ', @relations));
ok((grep { $_ eq 'migchain.load_batch' } @relations), 'the load batches are among them');
push @relations, 'migchain.request_counts()';

# The rows of a relation in a fixed order and one language, as a digest and
# a count.
sub digest
{
	my ($node, $db, $rel) = @_;
	return $node->safe_psql($db, qq{
SET migchain.language = 'en';
SELECT count(*) || ' ' || md5(coalesce(string_agg(r::text, E'\\n' ORDER BY r::text), ''))
  FROM $rel r});
}

my %before;
for my $rel (@relations)
{
	$before{$rel} = digest($source, 'src', $rel);
	unlike($before{$rel}, qr/^0 /, "$rel has rows in the source");
}
like($before{'typed'}, qr/^7 /, 'the user table has its seven rows');
# the demo's batch, the edge rows' and the one taken back
like($before{'migchain.load_batch'}, qr/^3 /, 'the three load batches');
note("$_: $before{$_}") for @relations;
my $max_request = $source->safe_psql('src', 'SELECT max(request_id) FROM migchain.request');
my $max_route = $source->safe_psql('src', 'SELECT max(route_id) FROM migchain.country_route');
my $max_batch = $source->safe_psql('src', 'SELECT max(batch_id) FROM migchain.load_batch');

# The overview by year as plain SQL over the requests: a fresh count.
my $overview_columns = 'year, kind, presented, positive, negative, withdrawn, pending';
my $fresh_overview = q{
SELECT date_part('year', presented_on)::int AS year, kind::text AS kind, count(*) AS presented,
       count(*) FILTER (WHERE migchain.label(answer, 'en') = 'positive') AS positive,
       count(*) FILTER (WHERE migchain.label(answer, 'en') = 'negative') AS negative,
       count(*) FILTER (WHERE migchain.label(answer, 'en') = 'withdrawn') AS withdrawn,
       count(*) FILTER (WHERE migchain.label(answer, 'en') = 'pending') AS pending
  FROM migchain.request GROUP BY 1, 2};

# The rollup of a database is exact: verify_request_rollup() finds no
# difference, overview_by_year is the fresh count, and each request is
# counted once.
sub rollup_exact
{
	my ($node, $db, $when) = @_;
	is($node->safe_psql($db, 'SELECT count(*) FROM migchain.verify_request_rollup()'),
		'0', "$when: verify_request_rollup() finds no difference");
	my $fresh_rows = $node->safe_psql($db, "SELECT count(*) FROM ($fresh_overview) o");
	cmp_ok($fresh_rows, '>', 10, "$when: the fresh count has rows ($fresh_rows)");
	is($node->safe_psql($db, qq{
SELECT count(*) FROM (
  (SELECT $overview_columns FROM migchain_bi.overview_by_year EXCEPT ALL SELECT * FROM ($fresh_overview) o)
  UNION ALL
  (SELECT * FROM ($fresh_overview) o EXCEPT ALL SELECT $overview_columns FROM migchain_bi.overview_by_year)) d}),
		'0', "$when: overview_by_year equals a fresh count of the requests");
	is($node->safe_psql($db, q{
SELECT (SELECT sum(pending + positive + negative + withdrawn) FROM migchain.request_rollup)
       || ' ' || (SELECT count(*) FROM migchain.request)}),
		join(' ', ($node->safe_psql($db, 'SELECT count(*) FROM migchain.request')) x 2),
		"$when: the rollup counts each request once");
}
rollup_exact($source, 'src', 'the source');

# What every restore must give back: every row, the rollup's counts, the
# identity sequences, the load batches and their checksums.  Adds a
# request, a route and a batch.
sub restored
{
	my ($db) = @_;
	# The install script adds no holidays: the dump carries each one once.
	is($target->safe_psql($db, q{SELECT count(*) || ' ' || count(DISTINCT (country, day)) FROM migchain.holiday}),
		$source->safe_psql('src', q{SELECT count(*) || ' ' || count(*) FROM migchain.holiday}),
		"$db: every holiday, exactly once");
	for my $rel (@relations)
	{
		is(digest($target, $db, $rel), $before{$rel}, "$db: every row of $rel");
	}
	rollup_exact($target, $db, "$db, restored");

	# The load batches come back with their rows: the two ended ones have
	# the rows and checksum they were ended with.
	is($target->safe_psql($db, q{
SELECT string_agg(b.system || ': ' || coalesce(c.unchanged::text, 'not ended'), ', ' ORDER BY b.batch_id)
  FROM migchain.load_batch b CROSS JOIN LATERAL migchain.load_batch_check(b.batch_id) c
 WHERE b.removed_at IS NULL}),
		"migchain demo: true, tab\there, newline\nthere: true",
		"$db: the load batches' rows are those they were ended with");

	# The report snapshot comes back whole: today's data still gives it,
	# its cells are those frozen, and it is still frozen.
	is($target->safe_psql($db, q{
SELECT string_agg(sheet || ':' || input_matches || ':' || cells_changed, ' ' ORDER BY sheet)
  FROM migchain.report_snapshot_check(1)}),
		'1:true:0 2:true:0 3:true:0', "$db: the report snapshot matches the restored data");
	is($target->safe_psql($db, q{
SELECT label || ' ' || count(c.*) FROM migchain.report_snapshot s
  JOIN migchain.report_snapshot_cell c USING (snapshot_id) GROUP BY s.label}),
		$source->safe_psql('src', q{
SELECT label || ' ' || count(c.*) FROM migchain.report_snapshot s
  JOIN migchain.report_snapshot_cell c USING (snapshot_id) GROUP BY s.label}),
		"$db: the report snapshot's label and cells");

	# The identity sequences go on where they were.
	my $id = $target->safe_psql($db, q{
INSERT INTO migchain.request (kind, country, presented_on, person_id)
VALUES ('LP', 'MA', '2023-01-01', 1) RETURNING request_id});
	is($id, $max_request + 1, "$db: a new request gets the next request_id");
	$id = $target->safe_psql($db, q{
INSERT INTO migchain.country_route (country, kind, valid_from, has_process)
VALUES ('NO', 'T&O', '2023-01-01', true) RETURNING route_id});
	is($id, $max_route + 1, "$db: a new route gets the next route_id");
	$id = $target->safe_psql($db, q{SELECT migchain.begin_load('after the restore')});
	is($id, $max_batch + 1, "$db: a new load batch gets the next batch_id");

	# The triggers keep the rollup exact after the restore.
	$target->safe_psql($db, q{
UPDATE migchain.request SET answer = 'withdrawn', answered_on = '2023-06-01' WHERE person_id = 1;
DELETE FROM migchain.request WHERE person_id = 9000004;
INSERT INTO migchain.request (kind, country, presented_on, person_id)
SELECT kind, country, presented_on, person_id FROM migchain.request WHERE presented_on < '2018-03-01'});
	rollup_exact($target, $db, "$db, after changes");
}

# The rights: PUBLIC still may not run the demo generator; the analyst reads
# the views but not the requests; the loader writes requests.  (A data-only
# dump has no rights.)
sub rights_restored
{
	my ($db) = @_;
	is($target->safe_psql($db, q{
SELECT has_function_privilege('public', 'migchain.generate_demo(int8, float8, int4, int4, bool)', 'EXECUTE'),
       has_function_privilege('public', 'migchain.grant_analyst(regrole)', 'EXECUTE')}),
		'f|f', "$db: the install script's revocations from PUBLIC hold");
	is($target->safe_psql($db, 'SELECT count(*) > 0 FROM migchain_bi.overview_by_year',
			extra_params => [ '-U', 'analyst' ]),
		't', "$db: the analyst reads the views");
	my ($ret, $out, $err) = $target->psql($db, 'SELECT count(*) FROM migchain.request',
		extra_params => [ '-U', 'analyst' ]);
	like($err, qr/permission denied for table request/, "$db: the analyst does not read requests");
	is($target->safe_psql($db, q{
INSERT INTO migchain.request (kind, country, presented_on, person_id)
VALUES ('T&O', 'AL', '2023-02-02', 2) RETURNING request_id > 0},
			extra_params => [ '-U', 'loader' ]),
		't', "$db: the loader writes requests");
}

my $tmp = PostgreSQL::Test::Utils::tempdir;

# Plain format, restored with psql; custom format, restored with pg_restore.
$source->command_ok([ 'pg_dump', '-Fp', '-f', "$tmp/src.sql", 'src' ], 'pg_dump plain');
$source->command_ok([ 'pg_dump', '-Fc', '-f', "$tmp/src.dump", 'src' ], 'pg_dump custom');
$target->safe_psql('postgres', 'CREATE DATABASE from_plain');
$target->safe_psql('postgres', 'CREATE DATABASE from_custom');
$target->command_ok([ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', 'from_plain', '-f', "$tmp/src.sql" ],
	'plain dump restored with psql');
$target->command_ok([ 'pg_restore', '--exit-on-error', '-d', 'from_custom', "$tmp/src.dump" ],
	'custom dump restored with pg_restore');
# In parallel too: pg_restore -j copies the larger tables first, so the
# requests come before their load batches (the admin may write a batch
# number that is not there yet).
$target->safe_psql('postgres', 'CREATE DATABASE from_parallel');
$target->command_ok([ 'pg_restore', '--exit-on-error', '-j', '2', '-d', 'from_parallel', "$tmp/src.dump" ],
	'custom dump restored with pg_restore -j 2');
for my $db ('from_plain', 'from_custom', 'from_parallel')
{
	restored($db);
	rights_restored($db);
}

# Data only, into databases where the extension exists, empty, and the user
# table too (from a schema-only dump of it).
$source->command_ok([ 'pg_dump', '-a', '-Fp', '-f', "$tmp/data.sql", 'src' ], 'pg_dump data only, plain');
$source->command_ok([ 'pg_dump', '-a', '-Fc', '-f', "$tmp/data.dump", 'src' ], 'pg_dump data only, custom');
$source->command_ok([ 'pg_dump', '-s', '-t', 'public.typed', '-f', "$tmp/typed.sql", 'src' ],
	'pg_dump of the user table\'s definition');
for my $db ('data_only', 'data_only_no_triggers')
{
	$target->safe_psql('postgres', "CREATE DATABASE $db");
	$target->safe_psql($db, 'CREATE EXTENSION migchain');
	$target->command_ok([ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', $db, '-f', "$tmp/typed.sql" ],
		"$db: the user table created");
}

# With the triggers firing, the COPY of the requests counts them into the
# rollup: once (the rollup itself is not in the dump).
$target->command_ok([ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', 'data_only', '-f', "$tmp/data.sql" ],
	'data-only dump restored with psql, the triggers firing');
restored('data_only');

# With --disable-triggers, the requests come back without being counted,
# and pg_restore's ENABLE TRIGGER ALL afterwards leaves the rollup's
# triggers firing on origin only (its statement triggers must fire always,
# its row trigger for logical replication on replicas): the readers of the
# rollup refuse (55000, with the hint to rebuild it) rather than give
# counts that miss the rows.
$target->command_ok([ 'pg_restore', '--exit-on-error', '--data-only', '--disable-triggers',
		'-d', 'data_only_no_triggers', "$tmp/data.dump" ],
	'data-only dump restored with pg_restore --disable-triggers');
my $db = 'data_only_no_triggers';
my $rollup_triggers = q{
SELECT string_agg(tgname || ' ' || tgenabled::text, ', ' ORDER BY tgname) FROM pg_trigger
 WHERE tgrelid = 'migchain.request'::regclass AND tgname LIKE 'request\_rollup\_%'};
is($target->safe_psql($db, $rollup_triggers),
	'request_rollup_apply O, request_rollup_delete O, request_rollup_insert O, request_rollup_truncate O, request_rollup_update O',
	"$db: the rollup's triggers fire on origin only after the restore");
is($target->safe_psql($db, 'SELECT count(*) FROM migchain.request'),
	$source->safe_psql('src', 'SELECT count(*) FROM migchain.request'), "$db: every request is there");
cmp_ok($target->safe_psql($db, 'SELECT count(*) FROM migchain.verify_request_rollup()'), '>', 0,
	"$db: and the rollup does not count them");
# (a data-only dump has no rights: the analyst's are granted here)
$target->safe_psql($db, q{SELECT migchain.grant_analyst('analyst')});
for my $read ('SELECT * FROM migchain_bi.overview_by_year', 'SELECT * FROM migchain_bi.not_confirmed_by_country',
	'SELECT * FROM migchain.overview(2019, 2020)', 'SELECT * FROM migchain.request_counts()')
{
	for my $role ('postgres', 'analyst')
	{
		# the analyst may read the views only
		next if $role eq 'analyst' && $read !~ /migchain_bi/;
		my ($ret, $out, $err) = $target->psql($db, "\\set VERBOSITY verbose\n$read",
			extra_params => [ '-U', $role ]);
		ok($ret != 0 && $out eq '', "$db, $role: $read fails, returns no rows");
		like($err, qr/ERROR:  55000: the rollup of the request counters may be out of date/,
			"$db, $role: $read: 55000, the rollup may be out of date");
		like($err, qr/DETAIL:  Trigger request_rollup_\w+ on migchain.request fires on origin only/,
			"$db, $role: $read: the detail names the trigger");
		like($err, qr/HINT:  As the extension's owner: SELECT migchain.rebuild_request_rollup\(\);/,
			"$db, $role: $read: the hint says how to rebuild");
	}
}
is($target->safe_psql($db, 'SELECT migchain.rebuild_request_rollup() > 0'), 't',
	"$db: rebuild_request_rollup() counts the requests again");
is($target->safe_psql($db, $rollup_triggers),
	'request_rollup_apply R, request_rollup_delete A, request_rollup_insert A, request_rollup_truncate A, request_rollup_update A',
	"$db: and makes the rollup's statement triggers fire always, its row trigger on replicas");
is($target->safe_psql($db, 'SELECT count(*) > 0 FROM migchain_bi.overview_by_year', extra_params => [ '-U', 'analyst' ]),
	't', "$db: the analyst reads overview_by_year again");
restored($db);

# Binary COPY of the user table out of one cluster and into the other.
$source->safe_psql('src', "\\copy public.typed TO '$tmp/typed.bin' (FORMAT binary)");
$target->safe_psql('from_custom', q{CREATE TABLE public.typed_bin (LIKE public.typed)});
$target->safe_psql('from_custom', "\\copy public.typed_bin FROM '$tmp/typed.bin' (FORMAT binary)");
is(digest($target, 'from_custom', 'public.typed_bin'), $before{'typed'},
	'binary COPY: every row of the user table');
# And binary COPY of the requests, whose answers travel as ordinals.
$source->safe_psql('src', "\\copy migchain.request TO '$tmp/request.bin' (FORMAT binary)");
$target->safe_psql('from_custom', q{CREATE TABLE public.request_bin (LIKE migchain.request)});
$target->safe_psql('from_custom', "\\copy public.request_bin FROM '$tmp/request.bin' (FORMAT binary)");
is(digest($target, 'from_custom', 'public.request_bin'), $before{'migchain.request'},
	'binary COPY: every request');

$source->stop;
$target->stop;
done_testing();
