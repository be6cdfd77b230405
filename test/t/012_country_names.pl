# The Dutch names of migchain.country against the Dutch catalogues of
# iso-codes, read here with gettext's msgunfmt (not with the generator's own
# reader of .mo files), and the English names against the same catalogues'
# message ids.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $mo_dir = '/usr/share/locale/nl/LC_MESSAGES';
plan skip_all => 'msgunfmt (gettext) is not installed'
  unless system('sh', '-c', 'command -v msgunfmt >/dev/null') == 0;

# msgid => msgstr of a catalogue, from msgunfmt's PO output.
sub catalogue
{
	my ($file) = @_;
	my $po = `msgunfmt --no-wrap '$file'`;
	die "msgunfmt $file failed\n" if $? != 0;
	my (%tr, $id, $str, $in);
	my $unquote = sub {
		my ($s) = @_;
		$s =~ s/\\(.)/$1 eq 'n' ? "\n" : $1 eq 't' ? "\t" : $1/ge;
		return $s;
	};
	my $done = sub {
		$tr{$id} = $str if defined $id && defined $str && $id ne '' && $str ne '';
		undef $id; undef $str; undef $in;
	};
	for my $line (split /\n/, $po)
	{
		if ($line =~ /^msgid "(.*)"$/) { $done->(); $id = $unquote->($1); $in = \$id; }
		elsif ($line =~ /^msgstr "(.*)"$/) { $str = $unquote->($1); $in = \$str; }
		elsif ($line =~ /^"(.*)"$/ && $in) { $$in .= $unquote->($1); }
		elsif ($line eq '') { $done->(); }
	}
	$done->();
	return \%tr;
}

my $nl1 = catalogue("$mo_dir/iso_3166-1.mo");
my $nl3 = catalogue("$mo_dir/iso_3166-3.mo");

my $node = PostgreSQL::Test::Cluster->new('country');
$node->init;
$node->start;
$node->safe_psql('postgres', 'CREATE EXTENSION migchain');

my @rows = map { [ split /\t/ ] } split /\n/, $node->safe_psql('postgres',
	q{COPY (SELECT code::text, name_en, name_nl, is_current
	          FROM migchain.countries() ORDER BY code) TO STDOUT});
my @current = grep { $_->[3] eq 't' && $_->[0] !~ /^X/ } @rows;
my @former = grep { $_->[3] eq 'f' } @rows;

is(scalar(@current), 249, 'all 249 countries of ISO 3166-1');
is(scalar(@former), 31, 'the 31 former countries of ISO 3166-3');

my @missing = map { $_->[0] } grep { !defined $nl1->{ $_->[1] } } @current;
is("@missing", '', 'every English name of a current country is a message of iso_3166-1.mo');
# The usual Dutch short names that override the catalogue (docs/types.md).
my %short = (BO => 'Bolivia', GE => 'Georgië', KP => 'Noord-Korea', KR => 'Zuid-Korea',
	LA => 'Laos', MD => 'Moldavië', VA => 'Vaticaanstad', VE => 'Venezuela');
my @wrong = map { "$_->[0]: $_->[2] (catalogue: $nl1->{ $_->[1] })" }
  grep { !defined $short{ $_->[0] } && defined $nl1->{ $_->[1] } && $nl1->{ $_->[1] } ne $_->[2] } @current;
is(join("\n", @wrong), '', 'every Dutch name of a current country is its translation, or its usual short name');
my @short_wrong = map { "$_->[0]: $_->[2]" } grep { defined $short{ $_->[0] } && $short{ $_->[0] } ne $_->[2] } @current;
is(join("\n", @short_wrong), '', 'the usual Dutch short names are the names of their countries');
# The catalogue's name of an overridden country still reads as that country.
my @misread;
for my $row (grep { defined $short{ $_->[0] } } @current)
{
	my $catalogue = $nl1->{ $row->[1] };
	(my $lit = $catalogue) =~ s/'/''/g;
	my $code = $node->safe_psql('postgres', "SELECT '$lit'::migchain.country::text");
	push @misread, "$catalogue: $code" unless $code eq $row->[0];
}
is(join("\n", @misread), '', 'the catalogue names of the overridden countries still read as them');

@missing = map { $_->[0] } grep { !defined $nl3->{ $_->[1] } } @former;
is("@missing", '', 'every English name of a former country is a message of iso_3166-3.mo');
@wrong = map { "$_->[0]: $_->[2] (catalogue: $nl3->{ $_->[1] })" }
  grep { defined $nl3->{ $_->[1] } && $nl3->{ $_->[1] } ne $_->[2] } @former;
is(join("\n", @wrong), '', 'every Dutch name of a former country is its translation');

# A few by hand, so a catalogue that changed under us shows up here too.
my %by_code = map { $_->[0] => $_ } @rows;
is($by_code{NL}[2], 'Nederland', 'NL is Nederland');
is($by_code{SO}[2], "Somali\x{c3}\x{ab}", 'SO is Somalië');
is($by_code{YUCS}[2], "Joegoslavi\x{c3}\x{ab}, (Socialistische) Federale Republiek",
	'YUCS is Joegoslavië');

# Every Dutch name is accepted as input, current countries' as themselves.
is($node->safe_psql('postgres',
		q{SELECT count(*) FROM migchain.countries()
		   WHERE is_current AND name_nl::migchain.country <> code}),
	'0', 'every Dutch name of a current country reads back as that country');

$node->stop;
done_testing();
