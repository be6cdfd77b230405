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

# SQL_ASCII says nothing of its bytes: they are read as they are, so UTF-8
# accents fold and any other byte is bad input like any other.
is($node->safe_psql('sql_ascii',
		q{SELECT 'négatief'::migchain.answer, 'laissez-passér'::migchain.request_kind, 'Somalië'::migchain.country}),
	'negatief|LP|SO', 'SQL_ASCII: UTF-8 accents are folded');
for my $case ([ 'answer', q{E'n\351gatief'} ], [ 'request_kind', q{E'laissez-pass\351r'} ],
	[ 'country', q{E'Somali\353'} ], [ 'conditions', q{E'GGR\351G'} ],
	[ 'tally', q{E'pending=1\351'} ])
{
	my ($type, $literal) = @$case;
	like(error_of('sql_ascii', "SELECT $literal\::migchain.$type"),
		qr/^22P02 \/ invalid input syntax for type $type: "/,
		"SQL_ASCII: a Latin-1 byte is 22P02 for $type");
}

# WIN1252: text is converted to UTF-8 before it is read; a byte the encoding
# leaves undefined (0x81) has no UTF-8 equivalent and is bad input.
is($node->safe_psql('win1252',
		q{SET client_encoding = 'UTF8';
		  SELECT 'Négatief'::migchain.answer, 'laissez-passér'::migchain.request_kind, 'Somalië'::migchain.country}),
	'negatief|LP|SO', 'WIN1252: accents are folded');
for my $case ([ 'answer', q{E'negatief\201'} ], [ 'request_kind', q{E'T\201O'} ],
	[ 'country', q{E'Somali\201'} ], [ 'conditions', q{E'GGR\201G'} ],
	[ 'tally', q{E'pending=1\201'} ])
{
	my ($type, $literal) = @$case;
	like(error_of('win1252', "SET client_encoding = 'WIN1252'; SELECT $literal\::migchain.$type"),
		qr/^22P02 \/ invalid input syntax for type $type: "/,
		"WIN1252: an undefined byte is 22P02 for $type");
}

# WIN1251 has no Å: a near miss whose closest name has one gets the general
# hint instead of a suggestion the database cannot write; other near misses
# get theirs.
like(error_of('win1251', q{SELECT 'Alandseilande'::migchain.country}),
	qr/^22P02 \/ invalid input syntax for type country: "Alandseilande" \/ Valid values are ISO 3166/,
	'WIN1251: no suggestion the encoding cannot write');
is(error_of('win1251', q{SELECT 'Nederlnd'::migchain.country}),
	'22P02 / invalid input syntax for type country: "Nederlnd" / Did you mean "NL" (Nederland)?',
	'WIN1251: a suggestion it can write');
is(error_of('win1252', q{SET client_encoding = 'UTF8'; SELECT 'Alandseilande'::migchain.country}),
	'22P02 / invalid input syntax for type country: "Alandseilande" / Did you mean "AX" (Ålandseilanden)?',
	'WIN1252: the suggestion with its Å');

$node->stop;
done_testing();
