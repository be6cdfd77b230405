# Upgrades: every released version, installed from its own script and
# updated step by step (ALTER EXTENSION ... UPDATE) to the current one, keeps
# its rows and ends with exactly the objects of a fresh install.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('upgrade');
# logical: a database of the test subscribes to a publication of another
$node->init(allows_streaming => 'logical');
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

# The extension's initial privileges (what pg_dump takes as given and does
# not dump), by object: an update must leave those of a fresh install, or
# pg_dump would leave out rights that roles were given.
sub init_privs_of
{
	my ($db) = @_;
	return $node->safe_psql($db, q{
		SELECT pg_describe_object(i.classoid, i.objoid, i.objsubid) || ' ' || i.initprivs::text
		  FROM pg_init_privs i
		  JOIN pg_depend d ON d.classid = i.classoid AND d.objid = i.objoid AND d.deptype = 'e'
		  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'migchain'
		 ORDER BY 1});
}

# The rights a plain pg_dump writes (GRANT and REVOKE lines): those that
# differ from the extension's initial privileges.  A right recorded as an
# initial privilege would be missing here, and from every restored dump.
sub dumped_rights_of
{
	my ($db) = @_;
	my ($stdout, $stderr);
	IPC::Run::run([ 'pg_dump', '--schema-only', '-d', $node->connstr($db) ],
		'>', \$stdout, '2>', \$stderr)
	  or die "pg_dump failed: $stderr";
	return join "\n", sort grep { /^(GRANT|REVOKE) / } split /\n/, $stdout;
}

# Rights that roles hold on the functions the overviews call, by object.
sub role_rights_of
{
	my ($db) = @_;
	return $node->safe_psql($db, q{
		SELECT p.oid::regprocedure::text || ' ' || r.rolname
		  FROM pg_proc p, aclexplode(p.proacl) a, pg_roles r
		 WHERE p.pronamespace = 'migchain'::regnamespace AND a.grantee = r.oid
		   AND r.rolname LIKE 'upgrade_%'
		 ORDER BY 1});
}

$node->safe_psql('postgres', 'CREATE ROLE upgrade_analyst LOGIN; CREATE ROLE upgrade_loader LOGIN');
$node->safe_psql('postgres', 'CREATE ROLE upgrade_granting; CREATE ROLE upgrade_granted');
$node->safe_psql('postgres', 'CREATE DATABASE fresh');
$node->safe_psql('fresh', 'CREATE EXTENSION migchain');
my $fresh_init_privs = init_privs_of('fresh');
$node->safe_psql('fresh', "SELECT migchain.grant_analyst('upgrade_analyst'), migchain.grant_loader('upgrade_loader')");
$node->safe_psql('fresh', 'GRANT SELECT (person_id) ON migchain.request TO upgrade_analyst');
my $fresh = schema_of('fresh');
my $fresh_dumped = dumped_rights_of('fresh');
like($fresh_dumped, qr/^GRANT SELECT,INSERT ON TABLE migchain\.request TO upgrade_loader;$/m,
	'a fresh install: pg_dump writes the loader\'s rights on the requests');
like($fresh_dumped, qr/^GRANT UPDATE\(answer\) ON TABLE migchain\.request TO upgrade_loader;$/m,
	'a fresh install: pg_dump writes the loader\'s rights on the columns of the requests');
unlike($fresh_dumped, qr/^GRANT UPDATE\(batch_id\)/m, 'but not to update batch_id');
my $fresh_rights = role_rights_of('fresh');
like($fresh_rights, qr/period_cube.* upgrade_analyst/, 'a fresh install: the analyst may run period_cube');
like($fresh, qr/CREATE VIEW migchain_bi\.overview_by_year/, 'the fresh schema lists the members');

for my $v (@released)
{
	my $db = 'from_' . ($v =~ s/\W/_/gr);
	$node->safe_psql('postgres', "CREATE DATABASE $db");
	$node->safe_psql($db, "CREATE EXTENSION migchain VERSION '$v'");
	$node->safe_psql($db, 'SELECT migchain.generate_demo(5, 0.1)');
	$node->safe_psql($db, "SELECT migchain.grant_analyst('upgrade_analyst'), migchain.grant_loader('upgrade_loader')");
	$node->safe_psql($db, 'GRANT SELECT (person_id) ON migchain.request TO upgrade_analyst');
	# a right given on by a role that holds the grant option
	$node->safe_psql($db, q{
		GRANT USAGE ON SCHEMA migchain TO upgrade_granting;
		GRANT SELECT ON migchain.request TO upgrade_granting WITH GRANT OPTION;
		SET ROLE upgrade_granting;
		GRANT SELECT ON migchain.request TO upgrade_granted;
		RESET ROLE});
	my $sources = $node->safe_psql($db,
		"SELECT string_agg(source || ' ' || n, ',' ORDER BY source)"
		  . ' FROM (SELECT source, count(*) AS n FROM migchain.request WHERE source IS NOT NULL GROUP BY source) s');
	my $rows = $node->safe_psql($db,
		"SELECT count(*) || ' ' || md5(string_agg(request_id || kind::text || answer::text || country::text"
		  . " || presented_on || person_id || coalesce(answered_on::text, '-')"
		  . " || coalesce(requested_on::text, '-'), ',' ORDER BY request_id))"
		  . ' FROM migchain.request');
	$node->safe_psql($db, 'ALTER EXTENSION migchain UPDATE');
	is($node->safe_psql($db, "SELECT extversion FROM pg_extension WHERE extname = 'migchain'"),
		$current, "$v updated to $current");
	is($node->safe_psql($db,
		"SELECT count(*) || ' ' || md5(string_agg(request_id || kind::text || answer::text || country::text"
		  . " || presented_on || person_id || coalesce(answered_on::text, '-')"
		  . " || coalesce(requested_on::text, '-'), ',' ORDER BY request_id))"
		  . ' FROM migchain.request'),
		$rows, "$v: every request kept by the update");
	cmp_ok($node->safe_psql($db, 'SELECT count(*) FROM migchain_bi.overview_by_year'), '>', 0,
		"$v: the views work after the update");
	is($node->safe_psql($db, 'SELECT count(*) FROM migchain.verify_request_rollup()'), '0',
		"$v: the update builds the rollup, equal to a fresh count");
	is($node->safe_psql($db, q{
		SELECT string_agg(o.year || o.kind || o.presented || '/' || o.positive || '/' || o.negative
						  || '/' || o.withdrawn || '/' || o.pending, ',' ORDER BY o.year, o.kind)
		  FROM migchain_bi.overview_by_year o}),
		$node->safe_psql($db, q{
		SELECT string_agg(y || k || n || '/' || p || '/' || ng || '/' || w || '/' || pe, ',' ORDER BY y, k)
		  FROM (SELECT extract(year FROM presented_on)::int AS y, kind::text AS k, count(*) AS n,
					   count(*) FILTER (WHERE answer = 'positive') AS p,
					   count(*) FILTER (WHERE answer = 'negative') AS ng,
					   count(*) FILTER (WHERE answer = 'withdrawn') AS w,
					   count(*) FILTER (WHERE answer = 'pending') AS pe
				  FROM migchain.request GROUP BY 1, 2) s}),
		"$v: overview_by_year from the rollup equals a plain count of the rows");
	is($node->safe_psql($db,
		"SELECT string_agg(file || ' ' || row_count, ',' ORDER BY file) FROM migchain.load_batch"
		  . " WHERE system = 'migchain 0.1.0' AND ended_at IS NOT NULL"),
		$sources, "$v: each value of source became an ended load batch with its rows");
	is($node->safe_psql($db, q{
		SELECT bool_and(c.unchanged) FROM migchain.load_batch b, migchain.load_batch_check(b.batch_id) c}),
		't', "$v: the batches' recorded checksums match their rows");
	is($node->safe_psql($db, q{
		SELECT string_agg(a.grantee::regrole || ' ' || a.privilege_type || ' from ' || a.grantor::regrole
						  || CASE WHEN a.is_grantable THEN ' with grant option' ELSE '' END, ', ' ORDER BY a.grantee::regrole::text)
		  FROM pg_class c, aclexplode(c.relacl) a
		 WHERE c.oid = 'migchain.request'::regclass AND a.grantee::regrole::text LIKE 'upgrade_grant%'}),
		'upgrade_granted SELECT from upgrade_granting, upgrade_granting SELECT from postgres with grant option',
		"$v: a right given on by a role keeps that role as its grantor (REVOKE ... CASCADE reaches it)");
	$node->safe_psql($db, 'REVOKE SELECT ON migchain.request FROM upgrade_granting CASCADE;'
		  . ' REVOKE USAGE ON SCHEMA migchain FROM upgrade_granting');
	is($node->safe_psql($db, "SELECT has_table_privilege('upgrade_granted', 'migchain.request', 'SELECT')"),
		'f', "$v: and REVOKE ... CASCADE from the grantor takes it back");
	is(dumped_rights_of($db), $fresh_dumped,
		"$v: pg_dump writes the same rights as for a fresh install with the same grants (none taken as initial)");

	# Roles keep what they were given, on objects made anew by the update too,
	# and the extension's initial privileges are those of a fresh install.
	is(role_rights_of($db), $fresh_rights, "$v: the roles' rights are those granted on a fresh install");
	is(init_privs_of($db), $fresh_init_privs, "$v: the initial privileges are those of a fresh install");
	my ($ret, $out, $err) = $node->psql($db,
		'SET ROLE upgrade_analyst; SELECT count(*) > 0 FROM migchain.overview(2017, 2022);'
		  . " SELECT count(*) > 0 FROM migchain.not_confirmed_by_country('LP', 2017, 2022);");
	is("$ret $out", "0 t\nt", "$v: the analyst runs the period functions after the update") or diag($err);

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

# 0.1.0 let overlapping routes in: its trigger read the routes with the
# transaction's snapshot.  The update finds them, lists them and stops, and
# goes through once they are mended.
if (grep { $_ eq '0.1.0' } @released)
{
	my $route = q{INSERT INTO migchain.country_route (country, kind, valid_from, valid_to, has_process)
		VALUES ('%s', '%s', '%s', %s, true)};
	$node->safe_psql('postgres', 'CREATE DATABASE route_overlaps');
	$node->safe_psql('route_overlaps', "CREATE EXTENSION migchain VERSION '0.1.0'");

	# The REPEATABLE READ race: a second transaction, whose snapshot is older
	# than the first route, adds an overlapping one (routes 1 and 2).
	my $late = $node->background_psql('route_overlaps');
	$late->query_safe('BEGIN ISOLATION LEVEL REPEATABLE READ');
	$late->query_safe('SELECT count(*) FROM migchain.country_route');
	$node->safe_psql('route_overlaps', sprintf($route, 'MA', 'T&O', '2021-01-01', 'NULL'));
	$late->query_safe(sprintf($route, 'MA', 'T&O', '2022-01-01', 'NULL'));
	$late->query_safe('COMMIT');
	$late->quit;
	# And a pair loaded while the trigger was off (routes 3 and 4), beside
	# routes that do not overlap (5, and 6 that starts the day 5 ends).
	$node->safe_psql('route_overlaps', join(";\n",
		'ALTER TABLE migchain.country_route DISABLE TRIGGER country_route_no_overlap',
		sprintf($route, 'TN', 'LP', '2019-01-01', q{'2021-01-01'}),
		sprintf($route, 'TN', 'LP', '2020-06-01', 'NULL'),
		'ALTER TABLE migchain.country_route ENABLE TRIGGER country_route_no_overlap',
		sprintf($route, 'TN', 'T&O', '2019-01-01', q{'2020-01-01'}),
		sprintf($route, 'TN', 'T&O', '2020-01-01', 'NULL')));
	is($node->safe_psql('route_overlaps', 'SELECT count(*) FROM migchain.country_route'), '6',
		'0.1.0 holds two pairs of overlapping routes');

	my ($ret, $out, $err) = $node->psql('route_overlaps', 'ALTER EXTENSION migchain UPDATE');
	isnt($ret, 0, 'the update stops at the overlapping routes');
	like($err, qr/ERROR:  cannot update migchain to 0\.2\.0: routes of one country and kind overlap\n/,
		'the update says why it stops');
	my $listed = join "\n",
	  'DETAIL:  route 2 for MA T&O from 2022-01-01 to infinity overlaps route 1 from 2021-01-01 to infinity',
	  'route 4 for TN LP from 2020-06-01 to infinity overlaps route 3 from 2019-01-01 to 2021-01-01',
	  'HINT:  End the earlier route of each pair on or before the day the later one starts (set its valid_to), '
	  . 'or delete the route that is wrong; then run ALTER EXTENSION migchain UPDATE again.';
	like($err, qr/\n\Q$listed\E\n/,
		'the update lists each overlapping pair once, with the country, the kind, the periods and the routes')
	  or diag($err);
	is($node->safe_psql('route_overlaps', "SELECT extversion FROM pg_extension WHERE extname = 'migchain'"),
		'0.1.0', 'the extension stays at 0.1.0');

	# Mended as the hint says: the earlier route of each pair ends when the
	# later one starts.
	$node->safe_psql('route_overlaps', q{
		UPDATE migchain.country_route SET valid_to = '2022-01-01' WHERE route_id = 1;
		UPDATE migchain.country_route SET valid_to = '2020-06-01' WHERE route_id = 3});
	($ret, $out, $err) = $node->psql('route_overlaps', 'ALTER EXTENSION migchain UPDATE');
	is($ret, 0, 'once mended, the update goes through') or diag($err);
	is($node->safe_psql('route_overlaps', "SELECT extversion FROM pg_extension WHERE extname = 'migchain'"),
		$current, "the mended database is at $current");
	is($node->safe_psql('route_overlaps', 'SELECT count(*) FROM migchain.country_route'), '6',
		'every route is kept');
	($ret, $out, $err) = $node->psql('route_overlaps', sprintf($route, 'MA', 'T&O', '2023-01-01', 'NULL'));
	like($err, qr/ERROR:  route 7 for MA T&O from 2023-01-01 to infinity overlaps route 2 from 2022-01-01 to infinity/,
		'the updated trigger refuses an overlapping route');
}

# What the update would lose with the old table of requests, it refuses to
# drop: a view of the user's on it stops the update, named; so does a
# request number beyond the 4-byte numbers.
if (grep { $_ eq '0.1.0' } @released)
{
	$node->safe_psql('postgres', 'CREATE DATABASE users_view');
	$node->safe_psql('users_view', "CREATE EXTENSION migchain VERSION '0.1.0'");
	$node->safe_psql('users_view', q{
		INSERT INTO migchain.request (kind, country, presented_on, person_id) VALUES ('LP', 'MA', '2020-01-01', 1);
		CREATE VIEW my_requests AS SELECT request_id, country FROM migchain.request});
	my ($ret, $out, $err) = $node->psql('users_view', 'ALTER EXTENSION migchain UPDATE');
	like($err, qr/ERROR:  migchain 0\.2\.0 makes the table migchain\.request anew, and these depend on it: view public\.my_requests\n/,
		'a view of the user\'s on the requests stops the update, named') or diag($err);
	like($err, qr/HINT:  Note their definitions, drop them, update, and make them again on the new table\./,
		'the update says what to do');
	is($node->safe_psql('users_view', "SELECT extversion FROM pg_extension WHERE extname = 'migchain'"),
		'0.1.0', 'the extension stays at 0.1.0, the view too');
	$node->safe_psql('users_view', 'DROP VIEW my_requests');
	($ret, $out, $err) = $node->psql('users_view', 'ALTER EXTENSION migchain UPDATE');
	is($ret, 0, 'without the view, the update goes through') or diag($err);
	is($node->safe_psql('users_view', 'SELECT count(*) FROM migchain.request'), '1', 'the request is kept');

	# A subscription that copies into the old table, or a publication of it,
	# would be lost with it: named too.
	$node->safe_psql('postgres', 'CREATE DATABASE pub_src; CREATE DATABASE sub_dst');
	$node->safe_psql('pub_src', "CREATE EXTENSION migchain VERSION '0.1.0'");
	$node->safe_psql('pub_src', 'CREATE PUBLICATION requests FOR TABLE migchain.request');
	$node->safe_psql('sub_dst', "CREATE EXTENSION migchain VERSION '0.1.0'");
	$node->safe_psql('sub_dst', "CREATE SUBSCRIPTION from_src CONNECTION '" . $node->connstr . " dbname=pub_src"
		  . "' PUBLICATION requests WITH (enabled = false, create_slot = false, slot_name = NONE, copy_data = false)");
	is($node->safe_psql('sub_dst', "SELECT count(*) FROM pg_subscription_rel WHERE srrelid = 'migchain.request'::regclass"),
		'1', 'the subscription lists the requests');
	($ret, $out, $err) = $node->psql('sub_dst', 'ALTER EXTENSION migchain UPDATE');
	like($err, qr/ERROR:  migchain 0\.2\.0 makes the table migchain\.request anew, and these depend on it: subscription from_src\n/,
		'a subscription into the requests stops the update, named') or diag($err);
	($ret, $out, $err) = $node->psql('pub_src', 'ALTER EXTENSION migchain UPDATE');
	like($err, qr/these depend on it: publication of table (?:migchain\.)?request in publication requests\n/,
		'a publication of the requests stops the update, named') or diag($err);
	$node->safe_psql('sub_dst', 'DROP SUBSCRIPTION from_src');
	$node->safe_psql('pub_src', 'DROP PUBLICATION requests');
	for my $db ('pub_src', 'sub_dst')
	{
		($ret, $out, $err) = $node->psql($db, 'ALTER EXTENSION migchain UPDATE');
		is($ret, 0, "without it, the update of $db goes through") or diag($err);
	}

	# The settings of the old table, its indexes, columns and sequence go
	# over to the new ones.
	my $space = PostgreSQL::Test::Utils::tempdir;
	$node->safe_psql('postgres', "CREATE TABLESPACE upgrade_space LOCATION '$space'");
	$node->safe_psql('postgres', 'CREATE DATABASE settings_kept');
	$node->safe_psql('settings_kept', "CREATE EXTENSION migchain VERSION '0.1.0'");
	$node->safe_psql('settings_kept', q{
		INSERT INTO migchain.request (kind, country, presented_on, person_id) VALUES ('LP', 'MA', '2020-01-01', 1);
		ALTER TABLE migchain.request SET (fillfactor = 90, autovacuum_vacuum_scale_factor = 0.01);
		ALTER TABLE migchain.request SET TABLESPACE upgrade_space;
		ALTER INDEX migchain.request_presented_on_idx SET (fillfactor = 80);
		ALTER INDEX migchain.request_person_id_idx SET TABLESPACE upgrade_space;
		ALTER TABLE migchain.request ALTER COLUMN person_id SET STATISTICS 500;
		ALTER TABLE migchain.request ALTER COLUMN country SET (n_distinct = 120);
		ALTER TABLE migchain.request REPLICA IDENTITY FULL;
		ALTER SEQUENCE migchain.request_request_id_seq INCREMENT BY 10 CACHE 20});
	($ret, $out, $err) = $node->psql('settings_kept', 'ALTER EXTENSION migchain UPDATE');
	is($ret, 0, 'a table with settings of its own is updated') or diag($err);
	is($node->safe_psql('settings_kept', q{
		SELECT c.relname || ' ' || coalesce(t.spcname, '-') || ' ' || coalesce(array_to_string(c.reloptions, ','), '-')
		  FROM pg_class c LEFT JOIN pg_tablespace t ON t.oid = c.reltablespace
		 WHERE c.relnamespace = 'migchain'::regnamespace AND c.relname LIKE 'request%'
		   AND c.relkind IN ('r', 'i') AND c.relname NOT LIKE 'request_rollup%'
		 ORDER BY 1}),
		join("\n", 'request upgrade_space fillfactor=90,autovacuum_vacuum_scale_factor=0.01',
			'request_country_presented_on_idx - -', 'request_person_id_idx upgrade_space -',
			'request_pkey - -', 'request_presented_on_idx - fillfactor=80'),
		'the tablespaces and storage parameters of the table and its indexes are kept');
	is($node->safe_psql('settings_kept', q{
		SELECT string_agg(attname || ' ' || attstattarget || ' ' || ('n_distinct=120' = ANY (coalesce(attoptions, '{}'))),
						  ', ' ORDER BY attnum)
		  FROM pg_attribute WHERE attrelid = 'migchain.request'::regclass AND attname IN ('person_id', 'country')}),
		'country -1 true, person_id 500 false', 'the columns\' statistics target and options are kept');
	is($node->safe_psql('settings_kept', q{
		SELECT relreplident FROM pg_class WHERE oid = 'migchain.request'::regclass}),
		'f', 'the replica identity is kept');
	is($node->safe_psql('settings_kept', q{
		SELECT seqincrement || ' ' || seqcache || ' ' || seqmax FROM pg_sequence
		 WHERE seqrelid = 'migchain.request_request_id_seq'::regclass}),
		'10 20 2147483647', 'the sequence keeps its increment and cache, within the 4-byte numbers');
	is($node->safe_psql('settings_kept', q{
		INSERT INTO migchain.request (kind, country, presented_on, person_id) VALUES ('LP', 'MA', '2020-01-01', 2)
		RETURNING request_id}), '11', 'and goes on from where it was');

	$node->safe_psql('postgres', 'CREATE DATABASE big_numbers');
	$node->safe_psql('big_numbers', "CREATE EXTENSION migchain VERSION '0.1.0'");
	$node->safe_psql('big_numbers', q{
		INSERT INTO migchain.request (request_id, kind, country, presented_on, person_id)
		VALUES (3000000000, 'LP', 'MA', '2020-01-01', 1)});
	($ret, $out, $err) = $node->psql('big_numbers', 'ALTER EXTENSION migchain UPDATE');
	like($err, qr/ERROR:  request_id 3000000000 does not fit the 4-byte request numbers of migchain 0\.2\.0\n/,
		'a request number beyond 2147483647 stops the update, named') or diag($err);
	is($node->safe_psql('big_numbers', 'SELECT count(*) FROM migchain.request'), '1',
		'and the request is kept');
	# Numbered anew, but the sequence left beyond: the update says so too.
	$node->safe_psql('big_numbers', q{
		UPDATE migchain.request SET request_id = 1;
		SELECT setval('migchain.request_request_id_seq', 3000000000)});
	($ret, $out, $err) = $node->psql('big_numbers', 'ALTER EXTENSION migchain UPDATE');
	like($err, qr/ERROR:  the request numbers of migchain 0\.1\.0 have reached 3000000000, beyond the 4-byte numbers of migchain 0\.2\.0\n/,
		'a sequence of request numbers beyond 2147483647 stops the update, named') or diag($err);
	$node->safe_psql('big_numbers', q{SELECT setval('migchain.request_request_id_seq', 1)});
	($ret, $out, $err) = $node->psql('big_numbers', 'ALTER EXTENSION migchain UPDATE');
	is($ret, 0, 'restarted as the hint says, the update goes through') or diag($err);
	is($node->safe_psql('big_numbers', q{
		INSERT INTO migchain.request (kind, country, presented_on, person_id)
		VALUES ('LP', 'MA', '2020-01-01', 2) RETURNING request_id}), '2',
		'and the numbering goes on from the sequence');
}

$node->stop;
done_testing();
