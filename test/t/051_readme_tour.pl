# The README's five-minute tour, as a newcomer pastes it into psql: every
# statement runs, and each one-line statement whose comment gives a result
# gives that result.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $readme = slurp_file('README.md');
my ($tour) = $readme =~ /^## A five-minute tour\n\n```sql\n(.*?)^```/ms
  or die "README.md has no five-minute tour";

my $node = PostgreSQL::Test::Cluster->new('tour');
$node->init;
$node->start;

# The whole tour in one session, stopping at the first error.
my ($ret, $out, $err) = $node->psql('postgres', $tour, on_error_stop => 1);
is($ret, 0, 'the tour runs from start to end') or diag($err);
like($out, qr/^MA\|/m, 'sheet 2 of the tour lists Morocco');

# Statements of one line with their result in a comment: "SELECT ...; -- r"
# (what follows " (" or ": " in the comment is an explanation).
my $checked = 0;
for my $line (split /\n/, $tour)
{
	next unless $line =~ /^(SELECT [^;]*;)\s*--\s*(.*)$/;
	my ($sql, $expected) = ($1, $2);
	$expected =~ s/(?: \(|: ).*$//;
	my $got = $node->safe_psql('postgres',
		"SET search_path = public, migchain; $sql", extra_params => [ '-F', ' | ' ]);
	is($got, $expected, "tour: $sql");
	$checked++;
}
cmp_ok($checked, '>=', 5, "the tour's results are checked ($checked statements)");

$node->stop;
done_testing();
