# person_cube under person numbers chosen against its hash: whoever controls
# the upstream data knows the hash function (it is in the source), so the
# person numbers of the data could all be given one home slot of the hash
# table, which makes counting them quadratic.  The hash is seeded per
# statement; this test makes such numbers for the hash without a seed and
# counts the slots person_cube looks at (its DEBUG1 line): a deterministic
# measure, not a time.
use strict;
use warnings;
use Math::BigInt;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $n = 20000;

# The 64-bit finalizer of MurmurHash3 and its inverse, mod 2^64.
my $m = Math::BigInt->new(2)**64;
my @mul = map { Math::BigInt->from_hex($_) } qw(ff51afd7ed558ccd c4ceb9fe1a85ec53);
my @inv = map { $_->copy->bmodinv($m) } @mul;
sub xorshift { my ($h) = @_; return $h->copy->bxor($h->copy->brsft(33)); }
sub fmix
{
	my $h = xorshift(shift);
	$h = xorshift(($h * $mul[0]) % $m);
	return xorshift(($h * $mul[1]) % $m);
}
sub unfmix
{
	my $h = xorshift(shift);
	$h = xorshift(($h * $inv[1]) % $m);
	return xorshift(($h * $inv[0]) % $m);
}

# Persons whose hashes, without a seed, are 1 .. n: all share the top bits
# that give the home slot, in a table of any size person_cube makes.  The
# key mixes in the row of (year, kind): LP in 2020 is row (2020 - 1950) * 2.
my $row = Math::BigInt->new(140)->blsft(52);
my @crafted;
for my $i (1 .. $n)
{
	my $p = unfmix(Math::BigInt->new($i))->bxor($row);
	$p -= $m if $p >= Math::BigInt->new(2)**63;    # as a signed bigint
	push @crafted, $p;
}
# The generator is right: the unseeded hash of every one is below 2^20.
my $below = grep { fmix((($_ < 0 ? $_ + $m : $_->copy))->bxor($row)) < 2**20 } @crafted;
is($below, $n, "the $n chosen persons all hash below 2^20 without a seed");

my $node = PostgreSQL::Test::Cluster->new('flood');
$node->init;
$node->start;
$node->safe_psql('postgres', 'CREATE EXTENSION migchain');
$node->safe_psql('postgres', 'CREATE TABLE chosen (person int8); CREATE TABLE sequential (person int8)');
$node->safe_psql('postgres', 'INSERT INTO chosen VALUES ' . join(',', map { "($_)" } @crafted));
$node->safe_psql('postgres', "INSERT INTO sequential SELECT generate_series(1, $n)");

# The persons and slots person_cube reports for the persons of a table
# (serially: one process, one table).
sub slots_for
{
	my ($table) = @_;
	my ($ret, $out, $err) = $node->psql('postgres', qq{
		SET max_parallel_workers_per_gather = 0;
		SET client_min_messages = debug1;
		SELECT migchain.person_cube('LP', 'MA', person, '2020-06-01') FROM $table});
	my ($persons, $slots) = $err =~ /person_cube: (\d+) persons, (\d+) slots looked at/;
	is("$ret $persons", "0 $n", "$table: person_cube counts the $n persons");
	return $slots;
}
my $sequential = slots_for('sequential');
my $chosen = slots_for('chosen');
note("summary: slots looked at for $n persons: $sequential sequential, $chosen chosen against the unseeded hash");
cmp_ok($chosen, '<=', 3 * $sequential,
	"persons chosen against the hash cost at most three times sequential ones ($chosen against $sequential)");
cmp_ok($sequential, '<=', 4 * $n, "sequential persons: a few slots each ($sequential for $n)");

$node->stop;
done_testing();
