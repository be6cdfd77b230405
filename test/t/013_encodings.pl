# Text input of every type in databases of other encodings: the same bad
# bytes are the same error, 22P02 naming the type and quoting the value,
# whatever the encoding.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('encodings');
$node->init;
$node->start;

for my $enc (qw(SQL_ASCII WIN1252 WIN1251))
{
	my $db = lc $enc;
	$node->safe_psql('postgres',
		qq{CREATE DATABASE $db ENCODING '$enc' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0});
	$node->safe_psql($db, 'CREATE EXTENSION migchain');
}

# The SQLSTATE, message and hint of an error, on one line.
sub error_of
{
	my ($db, $sql) = @_;
	my ($ret, $out, $err) = $node->psql($db, "\\set VERBOSITY verbose\n$sql");
	return 'no error' if $ret == 0;
	my ($state, $msg) = $err =~ /ERROR:  ([0-9A-Z]{5}): ([^\n]*)/;
	my ($hint) = $err =~ /HINT:  ([^\n]*)/;
	return join ' / ', grep { defined } $state, $msg, $hint;
}

# The parsers read UTF-8.  SQL_ASCII says nothing of what its bytes mean, so
# they are read as they are: UTF-8 accents fold, and a byte that is not part
# of UTF-8 (Latin-1's é, 0xE9) is bad input.  WIN1252 text is converted to
# UTF-8 first: accents fold, and a byte WIN1252 leaves undefined (0x81) has
# no UTF-8 equivalent and is bad input.  Bad input is 22P02 for every type.
my %inputs = (
	answer => 'n%sgatief',
	request_kind => 'laissez-pass%sr',
	country => 'Somali%s',
	conditions => 'GGR%sG',
	tally => 'pending=1%s');
for my $case ([ 'sql_ascii', 'a Latin-1 byte', '\351' ], [ 'win1252', 'an undefined byte', '\201' ])
{
	my ($db, $what, $byte) = @$case;
	is($node->safe_psql($db,
			q{SET client_encoding = 'UTF8';
			  SELECT 'Négatief'::migchain.answer, 'laissez-passér'::migchain.request_kind, 'Somalië'::migchain.country}),
		'negatief|LP|SO', "$db: accents are folded");
	for my $type (sort keys %inputs)
	{
		my $literal = sprintf("E'$inputs{$type}'", $byte);
		like(error_of($db, "SET client_encoding = 'WIN1252'; SELECT $literal\::migchain.$type"),
			qr/^22P02 \/ invalid input syntax for type $type: "/,
			"$db: $what is 22P02 for $type");
	}
}

# WIN1251 has no Å: a near miss whose closest name has one gets the general
# hint instead of a suggestion the database cannot write; other near misses
# get theirs.
like(error_of('win1251', q{SELECT 'Alandseilande'::migchain.country}),
	qr/^22P02 \/ invalid input syntax for type country: "Alandseilande" \/ Valid values are ISO 3166/,
	'win1251: no suggestion the encoding cannot write');
is(error_of('win1251', q{SELECT 'Nederlnd'::migchain.country}),
	'22P02 / invalid input syntax for type country: "Nederlnd" / Did you mean "NL" (Nederland)?',
	'win1251: a suggestion it can write');
is(error_of('win1252', q{SET client_encoding = 'UTF8'; SELECT 'Alandseilande'::migchain.country}),
	'22P02 / invalid input syntax for type country: "Alandseilande" / Did you mean "AX" (Ålandseilanden)?',
	'win1252: the suggestion with its Å');

$node->stop;
done_testing();
