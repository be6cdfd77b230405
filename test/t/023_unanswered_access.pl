# Unanswered requests as real logins: an analyst can neither list nor
# withdraw them nor touch the audit; a loader lists and withdraws them, the
# audit records who (the login and the role it acted as), and the loader
# cannot write the audit table itself nor record a role it cannot act as.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('unanswered');
$node->init;
$node->start;
$node->safe_psql('postgres', q{
CREATE EXTENSION migchain;
CREATE ROLE analyst LOGIN;
CREATE ROLE loader LOGIN;
-- a group of loaders, and a person who logs in and must SET ROLE to act as it
CREATE ROLE loaders NOLOGIN;
CREATE ROLE etl_person LOGIN NOINHERIT IN ROLE loaders;
SELECT migchain.grant_analyst('analyst');
SELECT migchain.grant_loader('loader');
SELECT migchain.grant_loader('loaders');
INSERT INTO migchain.request (request_id, kind, answer, country, presented_on, person_id) VALUES
  (1, 'LP', 'pending', 'MA', '2022-01-10', 1),
  (2, 'T&O', 'pending', 'DZ', '2022-02-10', 2),
  (3, 'LP', 'pending', 'MA', '2023-12-01', 3);
});
# grant_loader grants EXECUTE on the three routines and SELECT on the audit
# table, nothing more; grant_analyst none of them.
for my $role ('loader', 'loaders')
{
	is($node->safe_psql('postgres', qq{
SELECT has_function_privilege('$role', 'migchain.unanswered_requests(date, int4)', 'EXECUTE'),
       has_function_privilege('$role', 'migchain.withdraw_unanswered(date, int4)', 'EXECUTE'),
       has_function_privilege('$role', 'migchain.withdraw_unanswered_audited(date, int4, name)', 'EXECUTE'),
       has_table_privilege('$role', 'migchain.unanswered_withdrawal', 'SELECT'),
       has_table_privilege('$role', 'migchain.unanswered_withdrawal', 'INSERT, UPDATE, DELETE, TRUNCATE')}),
		't|t|t|t|f', "grant_loader: $role may withdraw unanswered requests and read the audit, not write it");
}
is($node->safe_psql('postgres', q{
SELECT has_function_privilege('analyst', 'migchain.unanswered_requests(date, int4)', 'EXECUTE'),
       has_function_privilege('analyst', 'migchain.withdraw_unanswered(date, int4)', 'EXECUTE'),
       has_table_privilege('analyst', 'migchain.unanswered_withdrawal', 'SELECT')}),
	'f|f|f', 'grant_analyst: the analyst may not list or withdraw unanswered requests');

# Run SQL as a login; return (exit status, stdout, stderr).
sub as
{
	my ($role, $sql) = @_;
	my ($ret, $out, $err) = $node->psql('postgres', $sql, extra_params => [ '-U', $role ]);
	return ($ret, $out, $err);
}

# The analyst: refused everywhere.
my %denied = (
	q{SELECT * FROM migchain.unanswered_requests('2024-01-15')} =>
	  qr/permission denied for function unanswered_requests/,
	q{CALL migchain.withdraw_unanswered('2024-01-15')} =>
	  qr/permission denied for procedure withdraw_unanswered/,
	q{SELECT migchain.withdraw_unanswered_audited('2024-01-15', 12, 'analyst')} =>
	  qr/permission denied for function withdraw_unanswered_audited/,
	'SELECT * FROM migchain.unanswered_withdrawal' => qr/permission denied for table unanswered_withdrawal/,
	q{INSERT INTO migchain.unanswered_withdrawal (request_id, answer_before, as_of, months, session_role, acting_role)
	  VALUES (1, 'pending', '2024-01-15', 12, 'x', 'x')} => qr/permission denied for table unanswered_withdrawal/);
for my $sql (sort keys %denied)
{
	my ($ret, $out, $err) = as('analyst', $sql);
	like($err, $denied{$sql}, "analyst refused: $sql");
}
is($node->safe_psql('postgres', q{SELECT count(*) FROM migchain.request WHERE answer = 'pending'}),
	'3', 'the analyst changed nothing');

# The loader lists and withdraws.
my ($ret, $out, $err) = as('loader', q{SELECT string_agg(request_id::text, ',' ORDER BY request_id)
	FROM migchain.unanswered_requests('2024-01-15', 12)});
is($out, '1,2', 'loader: unanswered_requests() lists the requests due') or diag($err);
($ret, $out, $err) = as('loader', q{CALL migchain.withdraw_unanswered('2024-01-15', 12)});
is($ret, 0, 'loader: withdraw_unanswered() runs') or diag($err);
like($err, qr/withdrew 2 unanswered request/, 'loader: it says how many it withdrew');
is($node->safe_psql('postgres', q{SET migchain.language = 'en';
	SELECT string_agg(request_id || ' ' || answer::text || ' ' || coalesce(answered_on::text, '-'), ', ' ORDER BY request_id)
	  FROM migchain.request}),
	'1 withdrawn 2024-01-15, 2 withdrawn 2024-01-15, 3 pending -', 'loader: requests 1 and 2 withdrawn');
($ret, $out, $err) = as('loader', q{SELECT string_agg(request_id || ' ' || session_role || ' ' || acting_role, ', ' ORDER BY request_id)
	FROM migchain.unanswered_withdrawal});
is($out, '1 loader loader, 2 loader loader', 'loader: reads the audit, which names it');
($ret, $out, $err) = as('loader', q{CALL migchain.withdraw_unanswered('2024-01-15', 12)});
like($err, qr/withdrew 0 unanswered request/, 'loader: a second run withdraws nothing');
is($node->safe_psql('postgres', 'SELECT count(*) FROM migchain.unanswered_withdrawal'), '2',
	'loader: and audits nothing');

# The loader cannot write the audit, nor record a role it cannot act as.
for my $sql (q{INSERT INTO migchain.unanswered_withdrawal (request_id, answer_before, as_of, months, session_role, acting_role)
	  VALUES (3, 'pending', '2024-01-15', 12, 'loader', 'loader')},
	q{UPDATE migchain.unanswered_withdrawal SET acting_role = 'someone'},
	q{DELETE FROM migchain.unanswered_withdrawal},
	q{TRUNCATE migchain.unanswered_withdrawal})
{
	($ret, $out, $err) = as('loader', $sql);
	like($err, qr/permission denied for table unanswered_withdrawal/, "loader refused: $sql");
}
($ret, $out, $err) = as('loader', q{SELECT migchain.withdraw_unanswered_audited('2024-03-15', 1, 'postgres')});
like($err, qr/role "postgres" is not one the session can act as/,
	'loader: the work function refuses a role the login is not a member of');
is($node->safe_psql('postgres', q{SELECT count(*) FROM migchain.request WHERE answer = 'pending'}), '1',
	'loader: and withdraws nothing then');

# A login acting as its group: the audit names both.
($ret, $out, $err) = as('etl_person', q{SET ROLE loaders; CALL migchain.withdraw_unanswered('2024-03-15', 1)});
is($ret, 0, 'a member of a loaders group runs it after SET ROLE') or diag($err);
is($node->safe_psql('postgres', q{SELECT session_role || ' ' || acting_role FROM migchain.unanswered_withdrawal WHERE request_id = 3}),
	'etl_person loaders', 'the audit names the login and the role it acted as');
($ret, $out, $err) = as('etl_person', q{CALL migchain.withdraw_unanswered('2024-03-15', 1)});
like($err, qr/permission denied for schema migchain/,
	'the login itself, not acting as the group (NOINHERIT), may not: it does not even reach the schema');

$node->stop;
done_testing();
