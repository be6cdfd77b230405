# Federation (docs/federation.md): a hub and two national databases, each
# in a cluster of its own.  The hub reads the nationals' counters through
# postgres_fdw, and its views give, per member state and for the EU, the
# figures counted here from the national requests with plain SQL; the
# aggregates run in the national databases (partition-wise aggregation),
# filtered there; the role the hub logs in as reads the counters and
# nothing else; the hub refuses a member it cannot reach, of another
# format, that holds another member state, that calls itself another
# attached member state (its node id), or whose partitions are gone,
# naming it; errors of a member name it; only the owner of migchain
# attaches; the comparisons the hub sends work for the federation role
# when PUBLIC may not execute them; an analyst of the hub needs no user
# mapping and no right on anything national; a dump of the hub restores
# with its members.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my %seed = (NL => 1, BE => 2);
my %node;
for my $ms (sort keys %seed)
{
	my $n = PostgreSQL::Test::Cluster->new('national_' . lc $ms);
	$n->init;
	$n->start;
	$n->safe_psql('postgres', qq{
CREATE EXTENSION migchain;
SELECT migchain.generate_demo($seed{$ms}, 0.05);
CREATE ROLE federation LOGIN;
SELECT migchain.grant_federation('federation');
-- a login the admin forgot to give the federation views
CREATE ROLE forgotten LOGIN;
});
	$node{$ms} = $n;
}
my $hub = PostgreSQL::Test::Cluster->new('hub');
$hub->init;
$hub->start;

# Run SQL as a login of a node, errors verbose (with their SQLSTATE);
# return (exit status, stdout, stderr).
sub as
{
	my ($n, $role, $sql, $db) = @_;
	my ($ret, $out, $err) = $n->psql($db // 'postgres', "\\set VERBOSITY verbose\n$sql",
		extra_params => [ '-U', $role ]);
	return ($ret, $out, $err);
}
my $admin = $hub->safe_psql('postgres', 'SELECT current_user');

# --- The national side ------------------------------------------------------
# Without a member state the views refuse; then NL and BE.
my ($ret, $out, $err) = as($node{NL}, 'federation', 'SELECT count(*) FROM migchain.federation_counters');
ok($ret != 0 && $err =~ /ERROR:  55000: this database has no member state: run migchain\.set_member_state\('NL'\)/,
	'no member state: federation_counters refuses (55000)') or diag($err);
$node{$_}->safe_psql('postgres', "SELECT migchain.set_member_state('$_')") for sort keys %node;

# The federation role reads the three views and nothing else.
($ret, $out, $err) = as($node{NL}, 'federation', 'SELECT count(*) FROM migchain.federation_counters');
ok($ret == 0 && $out > 0, "the federation role reads federation_counters ($out rows)") or diag($err);
($ret, $out, $err) = as($node{NL}, 'federation', 'SELECT member_state, format FROM migchain.federation_node');
is($out, 'NL|1', 'the federation role reads federation_node');
my %denied = (
	'SELECT count(*) FROM migchain.request' => qr/permission denied for table request/,
	'SELECT count(*) FROM migchain.request_rollup' => qr/permission denied for table request_rollup/,
	'SELECT count(*) FROM migchain.load_batch' => qr/permission denied for table load_batch/,
	'SELECT count(*) FROM migchain.country_route' => qr/permission denied for table country_route/,
	'SELECT count(*) FROM migchain.return_case' => qr/permission denied for table return_case/,
	'SELECT count(*) FROM migchain_bi.overview_by_year' => qr/permission denied for schema migchain_bi/,
	'SELECT count(*) FROM migchain_bi.persons_by_year' => qr/permission denied for schema migchain_bi/,
	'SELECT count(*) FROM migchain.request_counts()' => qr/permission denied for function request_counts/,
	'SELECT count(*) FROM migchain.period_cube()' => qr/permission denied for function period_cube/,
	'SELECT count(*) FROM migchain.not_confirmed_by_country()' =>
	  qr/permission denied for function not_confirmed_by_country/,
	'SELECT count(*) FROM migchain.overview()' => qr/permission denied for function request_counts/,
	q{SELECT migchain.set_member_state('BE')} => qr/permission denied for function set_member_state/,
	'COPY migchain.request TO STDOUT' => qr/permission denied for table request/,
);
for my $sql (sort keys %denied)
{
	($ret, $out, $err) = as($node{NL}, 'federation', $sql);
	ok($ret != 0 && $err =~ $denied{$sql} && $out eq '', "federation role refused: $sql") or diag($err);
}

# --- The hub -------------------------------------------------------------------
$hub->safe_psql('postgres', 'CREATE EXTENSION postgres_fdw; CREATE EXTENSION migchain;');
my %server = (NL => 'srv_nl', BE => 'srv_be');
for my $ms (sort keys %server)
{
	my $n = $node{$ms};
	$hub->safe_psql('postgres', sprintf(q{
CREATE SERVER %s FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '%s', port '%d', dbname 'postgres');
CREATE USER MAPPING FOR CURRENT_USER SERVER %s OPTIONS (user 'federation');
}, $server{$ms}, $n->host, $n->port, $server{$ms}));
}
# servers that are wrong: a database without migchain, a login without the
# right, a database without member state
$node{NL}->safe_psql('postgres', q{
CREATE DATABASE nostate;
});
$node{NL}->safe_psql('nostate', q{
CREATE EXTENSION migchain;
SELECT migchain.grant_federation('federation');
});
for my $s ([ 'srv_nomigchain', 'template1', 'federation' ], [ 'srv_forgotten', 'postgres', 'forgotten' ],
	[ 'srv_nostate', 'nostate', 'federation' ])
{
	$hub->safe_psql('postgres', sprintf(q{
CREATE SERVER %s FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '%s', port '%d', dbname '%s');
CREATE USER MAPPING FOR CURRENT_USER SERVER %s OPTIONS (user '%s');
}, $s->[0], $node{NL}->host, $node{NL}->port, $s->[1], $s->[0], $s->[2]));
}
my %attach_refused = (
	q{SELECT migchain.federation_attach('srv_nomigchain', 'NL')} =>
	  qr/ERROR:  42P01: the database of server srv_nomigchain has no migchain\.federation_node/,
	q{SELECT migchain.federation_attach('srv_forgotten', 'NL')} =>
	  qr/ERROR:  42501: the user mapping of server srv_forgotten may not read the federation views\n(?s:.*)HINT:  .*grant_federation/,
	q{SELECT migchain.federation_attach('srv_nostate', 'NL')} =>
	  qr/ERROR:  55000: this database has no member state: run migchain\.set_member_state\('NL'\)/,
	q{SELECT migchain.federation_attach('srv_be', 'NL')} =>
	  qr/ERROR:  22023: server srv_be holds member state BE, not NL\n(?s:.*)HINT:  Attach it as BE/,
);
for my $sql (sort keys %attach_refused)
{
	($ret, $out, $err) = as($hub, $admin, $sql);
	ok($ret != 0 && $err =~ $attach_refused{$sql}, "attach refused: $sql") or diag($err);
}
is($hub->safe_psql('postgres', q{
SELECT (SELECT count(*) FROM migchain.federation_member),
       (SELECT count(*) FROM pg_class WHERE relkind = 'f'),
       (SELECT count(*) FROM pg_foreign_server WHERE 'extensions=migchain' = ANY (srvoptions))}),
	'0|0|0', 'a refused attach leaves nothing behind');

for my $ms (sort keys %server)
{
	$hub->safe_psql('postgres', "SELECT migchain.federation_attach('$server{$ms}', '$ms')");
}
is($hub->safe_psql('postgres', q{
SELECT string_agg(member_state || ':' || server_name || ':' || format, ' ' ORDER BY member_state)
  FROM migchain.federation_member}),
	'BE:srv_be:1 NL:srv_nl:1', 'both member states attached');
my %node_id = map { $_ => $node{$_}->safe_psql('postgres', 'SELECT node_id FROM migchain.federation_identity') }
  keys %node;
isnt($node_id{NL}, $node_id{BE}, 'the national databases have node ids of their own');
is($hub->safe_psql('postgres', q{
SELECT string_agg(member_state || ':' || node_id, ' ' ORDER BY member_state) FROM migchain.federation_member}),
	"BE:$node_id{BE} NL:$node_id{NL}", 'the hub recorded the node id of each member');
is($hub->safe_psql('postgres', q{
SELECT string_agg(c.relname || ':' || p.relname || ':' || pg_get_expr(c.relpartbound, c.oid), ' ' ORDER BY c.relname)
  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
 WHERE c.relkind = 'f'}),
	q{federated_counters_be:federated_counters:FOR VALUES IN ('BE') }
	  . q{federated_counters_nl:federated_counters:FOR VALUES IN ('NL') }
	  . q{federated_persons_be:federated_persons:FOR VALUES IN ('BE') }
	  . q{federated_persons_nl:federated_persons:FOR VALUES IN ('NL')},
	'one foreign partition of each federated table per member state');
($ret, $out, $err) = as($hub, $admin, q{SELECT migchain.federation_attach('srv_nl', 'NL')});
ok($ret != 0 && $err =~ /ERROR:  42710: server srv_nl is attached already, for member state NL/,
	'a server is attached once') or diag($err);
($ret, $out, $err) = as($hub, $admin, q{SELECT migchain.federation_attach('srv_nostate', 'nl')});
ok($ret != 0 && $err =~ /ERROR:  42710: member state NL is attached already, on server srv_nl/,
	'a member state is attached once') or diag($err);

# --- The figures ---------------------------------------------------------------
# Counted from the national requests with plain SQL, as each admin.
my (%overview, %country, %persons, %counter_rows);
for my $ms (sort keys %node)
{
	for my $line (split /\n/, $node{$ms}->safe_psql('postgres', q{
SELECT extract(year FROM presented_on)::int, kind, country, count(*),
       count(*) FILTER (WHERE answer = 'positive'), count(*) FILTER (WHERE answer = 'negative'),
       count(*) FILTER (WHERE answer = 'withdrawn'), count(*) FILTER (WHERE answer = 'pending')
  FROM migchain.request GROUP BY 1, 2, 3}))
	{
		my ($year, $kind, $country, @n) = split /\|/, $line;
		for my $who ($ms, 'EU')
		{
			my $o = $overview{"$who|$year|$kind"} //= [ 0, 0, 0, 0, 0 ];
			$o->[$_] += $n[$_] for 0 .. 4;
			# negative, withdrawn, not confirmed, presented
			my $c = $country{"$who|$year|$kind|$country"} //= [ 0, 0, 0, 0 ];
			$c->[0] += $n[2];
			$c->[1] += $n[3];
			$c->[2] += $n[2] + $n[3];
			$c->[3] += $n[0];
		}
	}
	for my $line (split /\n/, $node{$ms}->safe_psql('postgres', q{
SELECT extract(year FROM presented_on)::int, kind, count(*), count(DISTINCT person_id)
  FROM migchain.request GROUP BY 1, 2}))
	{
		my ($year, $kind, @n) = split /\|/, $line;
		for my $who ($ms, 'EU')
		{
			my $p = $persons{"$who|$year|$kind"} //= [ 0, 0 ];
			$p->[$_] += $n[$_] for 0 .. 1;
		}
	}
	$counter_rows{$ms} = $node{$ms}->safe_psql('postgres', 'SELECT count(*) FROM migchain.federation_counters');
}
sub expected_lines
{
	my ($h) = @_;
	return join("\n", sort map { join('|', $_, @{ $h->{$_} }) } keys %$h);
}
sub sorted { return join("\n", sort split /\n/, $_[0]); }

my %view = (
	'migchain_bi.federated_overview_by_year' =>
	  [ 'member_state, year, kind, presented, positive, negative, withdrawn, pending', \%overview ],
	'migchain_bi.federated_not_confirmed_by_country' =>
	  [ 'member_state, year, kind, country_code, negative, withdrawn, not_confirmed, presented', \%country ],
	'migchain_bi.federated_persons_by_year' => [ 'member_state, year, kind, presented, persons', \%persons ],
);
my %hub_figures;
for my $v (sort keys %view)
{
	$hub_figures{$v} = $hub->safe_psql('postgres', "SELECT $view{$v}[0] FROM $v");
	my @lines = split /\n/, $hub_figures{$v};
	cmp_ok(scalar(@lines), '>=', 36, "$v has rows");
	is(sorted($hub_figures{$v}), expected_lines($view{$v}[1]),
		"$v: every member state's and the EU's figures are those of the national requests");
	# NL, BE and EU in each group
	my %per = map { (split /\|/)[0] => 1 } @lines;
	is(join(',', sort keys %per), 'BE,EU,NL', "$v: rows of BE, NL and EU");
}
# the EU rows of the persons are sums of national distinct counts: a person
# number in both databases counts twice
is($hub->safe_psql('postgres', q{
SELECT count(*) FROM migchain_bi.federated_persons_by_year e
 WHERE member_state = 'EU'
   AND persons <> (SELECT sum(persons) FROM migchain_bi.federated_persons_by_year n
                    WHERE n.member_state <> 'EU' AND n.year = e.year AND n.kind = e.kind)}),
	'0', 'EU persons are the sum of the national counts');
# the country names are the hub's
is($hub->safe_psql('postgres', q{
SET migchain.language = 'nl';
SELECT DISTINCT country_name FROM migchain_bi.federated_not_confirmed_by_country WHERE country_code = 'MA'}),
	'Marokko', 'country names in the language of the hub');
# a period and kind
is(sorted($hub->safe_psql('postgres', q{
SELECT member_state, year, kind, presented, positive, negative, withdrawn, pending
  FROM migchain.federated_overview(2019, 2021, 'LP')})),
	join("\n", grep { my @f = split /\|/; $f[1] >= 2019 && $f[1] <= 2021 && $f[2] eq 'LP' }
		split /\n/, expected_lines(\%overview)),
	'federated_overview(2019, 2021, LP): the figures of that period and kind');

# --- What runs where -------------------------------------------------------------
# The plan of the hub's query inside federated_overview(), as auto_explain
# sees it: one foreign aggregate per member state, the period and kind in
# the remote WHERE, each member returning a row per year, kind, node id and
# format.
($ret, $out, $err) = $hub->psql('postgres', q{
LOAD 'auto_explain';
SET auto_explain.log_min_duration = 0;
SET auto_explain.log_nested_statements = on;
SET auto_explain.log_analyze = on;
SET auto_explain.log_verbose = on;
SET auto_explain.log_level = notice;
SELECT count(*) FROM migchain.federated_overview(2019, 2021, 'LP');
});
is($out, '9', 'three years of LP, for NL, BE and EU: 9 rows');
my ($plan) = $err =~ /(Query Text: \s*WITH per_member.*?)(?:NOTICE:|\z)/s;
ok(defined $plan, 'auto_explain showed the plan of the hub\'s query') or diag($err);
$plan //= '';
my @scans = $plan =~ /(->  (?:Async )?Foreign Scan .*?Remote SQL: [^\n]*)/sg;
is(scalar(@scans), 2, 'two foreign scans, one per member state') or diag($plan);
for my $ms (sort keys %node)
{
	my ($scan) = grep { /Relations: Aggregate on \(migchain\.federated_counters_\L$ms\E c/ } @scans;
	ok(defined $scan, "$ms: the aggregate is run by its national database") or diag($plan);
	$scan //= '';
	like($scan,
		qr/Remote SQL: SELECT member_state, node_id, format, year, kind, sum\(pending\), sum\(positive\), sum\(negative\), sum\(withdrawn\) FROM migchain\.federation_counters WHERE \(\(year >= 2019\)\) AND \(\(year <= 2021\)\) AND \(\(kind = 'LP'\)\) GROUP BY 1, 2, 3, 4, 5$/,
		"$ms: the period and kind are in the remote WHERE, the GROUP BY is remote");
	my ($rows) = $scan =~ /Foreign Scan .*?actual time=\S+ rows=(\d+)/;
	is($rows, 3, "$ms: its scan returned 3 rows (one per year), of its $counter_rows{$ms} counter rows");
}
like($plan, qr/Async Foreign Scan/, 'the members are read concurrently (async)');
like($plan, qr/CTE Scan on per_member p .*\n.*\n\s+Filter: migchain\.federation_check\(p\.member_state, p\.node_id, p\.format\)/,
	'the node id and format check runs on the hub, after the remote aggregates');
# the same as a plain EXPLAIN (VERBOSE, ANALYZE) of the partitioned table
my $explain = $hub->safe_psql('postgres', q{
SET enable_partitionwise_aggregate = on;
EXPLAIN (VERBOSE, ANALYZE, COSTS OFF)
SELECT member_state, format, year, kind, country, sum(negative)
  FROM migchain.federated_counters WHERE year = 2020 AND kind = 'T&O'
 GROUP BY member_state, format, year, kind, country});
my @remote = $explain =~ /Remote SQL: ([^\n]*)/g;
is(scalar(grep { /^SELECT member_state, format, year, kind, country, sum\(negative\) FROM migchain\.federation_counters WHERE \(\(year = 2020\)\) AND \(\(kind = 'T&O'\)\) GROUP BY 1, 2, 3, 4, 5$/ } @remote),
	2, 'EXPLAIN: both members aggregate remotely, filtered remotely') or diag($explain);
for my $ms (sort keys %node)
{
	my ($rows) = $explain =~ /Foreign Scan \(actual time=\S+ rows=(\d+) loops=1\)\n\s+Output: [^\n]*\n\s+Relations: Aggregate on \(migchain\.federated_counters_\L$ms\E /;
	my $cells = $node{$ms}->safe_psql('postgres',
		q{SELECT count(*) FROM migchain.federation_counters WHERE year = 2020 AND kind = 'T&O'});
	ok(defined $rows && $rows == $cells && $rows < $counter_rows{$ms},
		"$ms: its scan returned its $cells cells of 2020 T&O") or diag($explain);
}

# --- An analyst of the hub ---------------------------------------------------------
$hub->safe_psql('postgres', q{CREATE ROLE analyst LOGIN; SELECT migchain.grant_analyst('analyst');});
is($hub->safe_psql('postgres', q{
SELECT (SELECT count(*) FROM pg_user_mappings WHERE usename IN ('analyst', 'public')),
       has_table_privilege('analyst', 'migchain.federated_counters', 'SELECT'),
       has_table_privilege('analyst', 'migchain.federated_counters_nl', 'SELECT'),
       has_table_privilege('analyst', 'migchain.federation_member', 'SELECT')}),
	'0|f|f|f', 'the analyst has no user mapping and no right on the federated tables');
for my $v (sort keys %view)
{
	($ret, $out, $err) = as($hub, 'analyst', "SELECT $view{$v}[0] FROM $v");
	is(sorted($out), sorted($hub_figures{$v}), "the analyst reads $v") or diag($err);
}
($ret, $out, $err) = as($hub, 'analyst', q{SELECT count(*) FROM migchain.federated_overview(2019, 2021, 'LP')});
is($out, '9', 'the analyst calls federated_overview()') or diag($err);
for my $t ('migchain.federated_counters', 'migchain.federated_counters_be', 'migchain.federated_persons_nl')
{
	($ret, $out, $err) = as($hub, 'analyst', "SELECT count(*) FROM $t");
	ok($ret != 0 && $err =~ /permission denied for (foreign )?table/, "the analyst cannot read $t") or diag($err);
}

# --- A member that cannot be reached ---------------------------------------------
$node{BE}->stop;
for my $v (sort keys %view)
{
	($ret, $out, $err) = as($hub, 'analyst', "SELECT count(*) FROM $v");
	ok($ret != 0 && $err =~ /ERROR:  08001: member state BE cannot be reached on server srv_be\n(?s:.*)DETAIL:  could not connect to server "srv_be"/,
		"BE stopped: $v names it (08001)") or diag($err);
}
$node{BE}->start;
is(sorted($hub->safe_psql('postgres', "SELECT $view{'migchain_bi.federated_overview_by_year'}[0] FROM migchain_bi.federated_overview_by_year")),
	expected_lines(\%overview), 'BE started again: the figures are back');

# --- A member of another format ----------------------------------------------------
# BE runs a migchain whose federation format is 2 (as a later version would).
$node{BE}->safe_psql('postgres', q{
CREATE OR REPLACE FUNCTION migchain.federation_format() RETURNS int4
	LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN 2});
my $format_error = qr/ERROR:  0A000: member state BE \(server srv_be\) serves federation format 2, this hub reads format 1/;
for my $v (sort keys %view)
{
	($ret, $out, $err) = as($hub, 'analyst', "SELECT count(*) FROM $v");
	ok($ret != 0 && $err =~ $format_error, "BE of format 2: $v refuses, naming it") or diag($err);
}
$hub->safe_psql('postgres', q{SELECT migchain.federation_detach('BE')});
is($hub->safe_psql('postgres', q{
SELECT (SELECT string_agg(member_state, ',') FROM migchain.federation_member),
       (SELECT count(*) FROM pg_class WHERE relname ~ '_be$')}),
	'NL|0', 'detached: its record and partitions are gone');
is($hub->safe_psql('postgres', q{SELECT string_agg(DISTINCT member_state, ',' ORDER BY member_state) FROM migchain_bi.federated_overview_by_year}),
	'EU,NL', 'without BE: NL and EU (NL alone)');
($ret, $out, $err) = as($hub, $admin, q{SELECT migchain.federation_attach('srv_be', 'BE')});
ok($ret != 0 && $err =~ $format_error, 'BE of format 2: attach refuses') or diag($err);
$node{BE}->safe_psql('postgres', q{
CREATE OR REPLACE FUNCTION migchain.federation_format() RETURNS int4
	LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN 1});
$hub->safe_psql('postgres', q{SELECT migchain.federation_attach('srv_be', 'BE')});
is(sorted($hub->safe_psql('postgres', "SELECT $view{'migchain_bi.federated_overview_by_year'}[0] FROM migchain_bi.federated_overview_by_year")),
	expected_lines(\%overview), 'BE of format 1 again, attached again: the figures are back');

# --- A member that changed its member state ---------------------------------------
$node{NL}->safe_psql('postgres', q{SELECT migchain.set_member_state('LU')});
($ret, $out, $err) = as($hub, 'analyst', 'SELECT count(*) FROM migchain_bi.federated_overview_by_year');
ok($ret != 0 && $err =~ /ERROR:  55000: server srv_nl attached as member state NL now says it holds member state LU/,
	'NL now says LU: the hub refuses, naming its server') or diag($err);
# NL calls itself BE, which is attached: without the node id the hub would
# count NL's requests as BE's
$node{NL}->safe_psql('postgres', q{SELECT migchain.set_member_state('BE')});
is($node{NL}->safe_psql('postgres', 'SELECT node_id FROM migchain.federation_identity'), $node_id{NL},
	'setting the member state again keeps the node id');
for my $v (sort keys %view)
{
	($ret, $out, $err) = as($hub, 'analyst', "SELECT count(*) FROM $v");
	ok($ret != 0 && $err =~ /ERROR:  55000: server srv_nl attached as member state NL now says it holds member state BE\n(?s:.*)DETAIL:  .*which server srv_be holds/,
		"NL now says BE: $v refuses, naming NL, its server and BE") or diag($err);
}
$node{NL}->safe_psql('postgres', q{SELECT migchain.set_member_state('NL')});
is(sorted($hub->safe_psql('postgres', "SELECT $view{'migchain_bi.federated_overview_by_year'}[0] FROM migchain_bi.federated_overview_by_year")),
	expected_lines(\%overview), 'NL is NL again: the figures are back');

# --- Errors of a member name it -----------------------------------------------------
# BE's rollup is not kept: its error reaches the hub with its member state.
$node{BE}->safe_psql('postgres', 'ALTER TABLE migchain.request DISABLE TRIGGER request_rollup_insert');
($ret, $out, $err) = as($hub, 'analyst', 'SELECT count(*) FROM migchain_bi.federated_overview_by_year');
ok($ret != 0 && $err =~ /ERROR:  55000: member state BE: the rollup of the request counters may be out of date/,
	'BE\'s rollup not kept: the hub\'s error names BE') or diag($err);
$node{BE}->safe_psql('postgres', 'SELECT migchain.rebuild_request_rollup()');
# NL's connection is lost in the middle of a hub transaction.
my $kill = sprintf(q{psql -X -q -h '%s' -p %d -d postgres -c "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE usename = 'federation'" >/dev/null},
	$node{NL}->host, $node{NL}->port);
($ret, $out, $err) = as($hub, 'analyst', qq{
BEGIN;
SELECT count(*) FROM migchain.federated_overview(2019, 2021, 'LP');
\\! $kill
SELECT count(*) FROM migchain.federated_overview(2019, 2021, 'LP');
});
ok($ret != 0 && $err =~ /ERROR:  08006: the connection to (?:member state NL on server srv_nl|a member state) failed(?s:.*)HINT:  .*(?:federation_detach\('NL'\)|NL srv_nl)/,
	'NL\'s connection lost: 08006, naming NL\'s server or the servers') or diag($err);
note("the hub said: $1") if $err =~ /(ERROR:  [^\n]*\n(?:DETAIL:  [^\n]*\n)?)/;
is(sorted($hub->safe_psql('postgres', "SELECT $view{'migchain_bi.federated_overview_by_year'}[0] FROM migchain_bi.federated_overview_by_year")),
	expected_lines(\%overview), 'a new transaction connects again: the figures are back');

# --- Comparisons the hub sends ------------------------------------------------------
# The national admin takes EXECUTE on the comparison functions of kinds and
# countries from PUBLIC: the federation role keeps them (grant_federation).
$node{NL}->safe_psql('postgres', q{
DO $$
DECLARE f regprocedure;
BEGIN
	FOR f IN SELECT o.oprcode::regprocedure FROM pg_operator o
			  WHERE o.oprleft IN ('migchain.request_kind'::regtype, 'migchain.country'::regtype)
				AND o.oprright = o.oprleft LOOP
		EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
	END LOOP;
END
$$});
is($node{NL}->safe_psql('postgres', q{
SELECT count(*) FROM pg_operator o
 WHERE o.oprleft IN ('migchain.request_kind'::regtype, 'migchain.country'::regtype) AND o.oprright = o.oprleft
   AND o.oprname IN ('=', '<>', '<', '<=', '>', '>=')
   AND NOT has_function_privilege('public', o.oprcode, 'EXECUTE')
   AND has_function_privilege('federation', o.oprcode, 'EXECUTE')}),
	'12', 'NL: PUBLIC may not execute the 12 comparisons, the federation role may');
my $not_lp = q{
SELECT member_state, year, kind, country, sum(negative)
  FROM migchain.federated_counters
 WHERE member_state = 'NL' AND kind <> 'LP' AND country <> 'MA' AND country >= 'AF'
 GROUP BY member_state, year, kind, country};
$explain = $hub->safe_psql('postgres', "SET enable_partitionwise_aggregate = on; EXPLAIN (VERBOSE, COSTS OFF) $not_lp");
like($explain, qr/Remote SQL: .*WHERE \(\(kind <> 'LP'\)\) AND \(\(country <> 'MA'\)\) AND \(\(country >= 'AF'\)\)/,
	'kind <> LP and the country conditions are sent to NL') or diag($explain);
($ret, $out, $err) = as($hub, $admin, $not_lp);
my $not_lp_rows = $node{NL}->safe_psql('postgres', q{
SELECT member_state, year, kind, country, negative FROM migchain.federation_counters
 WHERE kind <> 'LP' AND country <> 'MA' AND country >= 'AF'});
cmp_ok(scalar(split /\n/, $not_lp_rows), '>', 5, 'NL has cells other than LP and MA');
is(sorted($out), sorted($not_lp_rows),
	'the hub reads NL with kind <> LP through the federation role') or diag($err);

# --- New requests show at once ----------------------------------------------------
$node{NL}->safe_psql('postgres', q{
INSERT INTO migchain.request (kind, answer, country, presented_on, person_id, answered_on)
VALUES ('LP', 'pending', 'MA', '2020-05-05', 99999001, NULL), ('LP', 'negative', 'MA', '2020-05-06', 99999002, '2020-06-01')});
$overview{$_}[0] += 2, $overview{$_}[4] += 1, $overview{$_}[2] += 1 for ('NL|2020|LP', 'EU|2020|LP');
is(sorted($hub->safe_psql('postgres', "SELECT $view{'migchain_bi.federated_overview_by_year'}[0] FROM migchain_bi.federated_overview_by_year")),
	expected_lines(\%overview), 'two new NL requests: the hub counts them');

# --- Partitions gone ----------------------------------------------------------------
# A member whose partition is dropped or detached, or whose server is
# dropped with its partitions, is never silently left out: every hub
# function refuses, naming it, without going to any member.
sub refused_all
{
	my ($re, $what) = @_;
	for my $v (sort keys %view)
	{
		($ret, $out, $err) = as($hub, 'analyst', "SELECT count(*) FROM $v");
		ok($ret != 0 && $err =~ $re && $err =~ /HINT:  SELECT migchain\.federation_detach\('BE'\)/,
			"$what: $v refuses, naming BE") or diag($err);
	}
}
sub figures_back
{
	my ($what) = @_;
	is(sorted($hub->safe_psql('postgres', "SELECT $view{'migchain_bi.federated_overview_by_year'}[0] FROM migchain_bi.federated_overview_by_year")),
		expected_lines(\%overview), "$what: the figures are back");
}
$hub->safe_psql('postgres', 'ALTER TABLE migchain.federated_persons DETACH PARTITION migchain.federated_persons_be');
refused_all(qr/ERROR:  55000: member state BE is attached, but migchain\.federated_persons_be is not a partition of migchain\.federated_persons/,
	'a partition detached');
$hub->safe_psql('postgres', q{ALTER TABLE migchain.federated_persons ATTACH PARTITION migchain.federated_persons_be FOR VALUES IN ('BE')});
figures_back('attached again');
$hub->safe_psql('postgres', 'DROP FOREIGN TABLE migchain.federated_counters_be');
refused_all(qr/ERROR:  55000: member state BE is attached, but its partition migchain\.federated_counters_be does not exist/,
	'a partition dropped');
$hub->safe_psql('postgres', q{SELECT migchain.federation_detach('BE'); SELECT migchain.federation_attach('srv_be', 'BE')});
figures_back('detached and attached again');
$hub->safe_psql('postgres', 'DROP SERVER srv_be CASCADE');
refused_all(qr/ERROR:  55000: member state BE is attached, but its server srv_be does not exist/, 'its server dropped');

# --- Attaching is for the owner of migchain ---------------------------------------
# whose user mapping the hub's functions use: another superuser with a
# mapping of its own is refused, and so is a server with a mapping for
# another role only.
$hub->safe_psql('postgres', sprintf(q{
CREATE ROLE hubadmin2 SUPERUSER LOGIN;
SELECT migchain.federation_detach('BE');
CREATE SERVER srv_be FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '%s', port '%d', dbname 'postgres');
CREATE USER MAPPING FOR hubadmin2 SERVER srv_be OPTIONS (user 'federation');
}, $node{BE}->host, $node{BE}->port));
($ret, $out, $err) = as($hub, 'hubadmin2', q{SELECT migchain.federation_attach('srv_be', 'BE')});
ok($ret != 0 && $err =~ /ERROR:  42501: only the owner of migchain may attach a member state, not hubadmin2\n(?s:.*)HINT:  Attach as \Q$admin\E /,
	'another superuser may not attach (42501), naming the owner') or diag($err);
($ret, $out, $err) = as($hub, $admin, q{SELECT migchain.federation_attach('srv_be', 'BE')});
ok($ret != 0 && $err =~ /ERROR:  42704: server srv_be has no user mapping for the owner of migchain or PUBLIC\n(?s:.*)HINT:  CREATE USER MAPPING FOR \Q$admin\E SERVER srv_be/,
	'a mapping of another role only: refused (42704), naming the owner') or diag($err);
$hub->safe_psql('postgres', q{CREATE USER MAPPING FOR CURRENT_USER SERVER srv_be OPTIONS (user 'federation');
SELECT migchain.federation_attach('srv_be', 'BE')});
figures_back('BE on a new server, attached by the owner');

# A second server reaching BE's database (or a restored copy of it) is not
# attached beside it, whatever member state it says it holds.
$node{BE}->safe_psql('postgres', q{CREATE DATABASE becopy TEMPLATE postgres});
$node{BE}->safe_psql('becopy', q{SELECT migchain.set_member_state('LU')});
is($node{BE}->safe_psql('becopy', 'SELECT node_id FROM migchain.federation_identity'), $node_id{BE},
	'a copy of BE\'s database has BE\'s node id');
$hub->safe_psql('postgres', sprintf(q{
CREATE SERVER srv_becopy FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '%s', port '%d', dbname 'becopy');
CREATE USER MAPPING FOR CURRENT_USER SERVER srv_becopy OPTIONS (user 'federation');
}, $node{BE}->host, $node{BE}->port));
($ret, $out, $err) = as($hub, $admin, q{SELECT migchain.federation_attach('srv_becopy', 'LU')});
ok($ret != 0 && $err =~ /ERROR:  42710: the database of server srv_becopy is attached already, as member state BE on server srv_be/,
	'a copy of an attached database is refused (42710)') or diag($err);
$hub->safe_psql('postgres', 'DROP SERVER srv_becopy CASCADE');

# --- pg_dump of the hub ------------------------------------------------------------
# The members, servers, user mappings and foreign partitions are dumped and
# restored: the restored hub gives the same figures.
my $dump = "$PostgreSQL::Test::Utils::tmp_check/hub.sql";
$hub->command_ok([ 'pg_dump', '-f', $dump, '-d', $hub->connstr('postgres') ], 'pg_dump of the hub');
$hub->safe_psql('postgres', 'CREATE DATABASE restored');
$hub->command_ok([ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', $dump, '-d', $hub->connstr('restored') ],
	'restored into another database');
is($hub->safe_psql('restored', q{
SELECT string_agg(member_state || ':' || server_name, ' ' ORDER BY member_state) FROM migchain.federation_member}),
	'BE:srv_be NL:srv_nl', 'the restored hub has both members');
is(sorted($hub->safe_psql('restored', "SELECT $view{'migchain_bi.federated_overview_by_year'}[0] FROM migchain_bi.federated_overview_by_year")),
	expected_lines(\%overview), 'the restored hub gives the same figures');

done_testing();
