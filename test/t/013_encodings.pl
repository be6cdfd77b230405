# Text input of every type in databases of other encodings: the same bad
# bytes are the same error, 22P02 naming the type and quoting the value,
# whatever the encoding.  Country names in every encoding: accented where
# the encoding has the letters, transliterated to ASCII where it lacks one,
# never an error.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('encodings');
$node->init;
$node->start;

for my $enc (qw(SQL_ASCII WIN1252 WIN1251 LATIN1 EUC_JP))
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
	case_outcome => 'gedwongen vertr%sk',
	detention_exit => 'be%sindigd door vertrek',
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
	is($node->safe_psql($db,
			q{SET client_encoding = 'UTF8';
			  SELECT 'Indépendent'::migchain.case_outcome, 'beëindigd door vertrek'::migchain.detention_exit}),
		'zelfstandig vertrek|vertrek', "$db: accents are folded in case_outcome and detention_exit");
	for my $type (sort keys %inputs)
	{
		my $literal = sprintf("E'$inputs{$type}'", $byte);
		like(error_of($db, "SET client_encoding = 'WIN1252'; SELECT $literal\::migchain.$type"),
			qr/^22P02 \/ invalid input syntax for type $type: "/,
			"$db: $what is 22P02 for $type");
	}
}

# Names (UTF-8 as the client reads them).  LATIN1, WIN1252 and EUC_JP have
# every letter of every name; WIN1251 has none of the accented ones, so its
# names spell them in ASCII as input folds them (Somalie, Turkiye); SQL_ASCII
# gets the UTF-8 that its input reads.
my $accented = "Somali\xc3\xab|Somalia|T\xc3\xbcrkiye|C\xc3\xb4te d'Ivoire|Cura\xc3\xa7ao|\xc3\x85landseilanden";
my %names = (
	latin1 => $accented,
	win1252 => $accented,
	euc_jp => $accented,
	sql_ascii => $accented,
	win1251 => "Somalie|Somalia|Turkiye|Cote d'Ivoire|Curacao|Alandseilanden");
my %so = map { $_ => (split /\|/, $names{$_})[0] } keys %names;
for my $db (sort keys %names)
{
	is($node->safe_psql($db,
			q{SET client_encoding = 'UTF8';
			  SELECT concat_ws('|', migchain.name('SO'), migchain.name('SO', 'en'),
			    migchain.name('TR', 'en'), migchain.name('CI', 'en'), migchain.name('CW', 'en'),
			    migchain.name('AX', 'nl'))}),
		$names{$db}, "$db: names");
	# every name, and every name read back as input means its country
	is($node->safe_psql($db,
			q{SELECT count(*), count(*) FILTER (WHERE name_en::migchain.country <> code
			                                       OR name_nl::migchain.country <> code)
			    FROM migchain.countries() WHERE is_current}),
		'252|0', "$db: countries() has every name, and each reads back");
	# the hint of a near miss names the country as the database can write it
	is(error_of($db, q{SET client_encoding = 'UTF8'; SELECT 'Somalei'::migchain.country}),
		qq{22P02 / invalid input syntax for type country: "Somalei" / Did you mean "SO" ($so{$db})?},
		"$db: a near miss gets a suggestion it can write");
}
is(error_of('win1251', q{SELECT 'Alandseilande'::migchain.country}),
	'22P02 / invalid input syntax for type country: "Alandseilande" / Did you mean "AX" (Alandseilanden)?',
	'win1251: the suggestion without its Å');
is(error_of('win1252', q{SET client_encoding = 'UTF8'; SELECT 'Alandseilande'::migchain.country}),
	"22P02 / invalid input syntax for type country: \"Alandseilande\" / Did you mean \"AX\" (\xc3\x85landseilanden)?",
	'win1252: the suggestion with its Å');

# The views name countries too.
for my $db (qw(win1251 latin1))
{
	$node->safe_psql($db, 'SELECT migchain.generate_demo(1, 0.02)');
	is($node->safe_psql($db,
			q{SET client_encoding = 'UTF8';
			  SELECT DISTINCT country_name || ' ' || coalesce(has_process::text, '-')
			    FROM migchain_bi.not_confirmed_by_country WHERE country_code = 'SO' AND kind = 'LP'}),
		"$so{$db} false", "$db: not_confirmed_by_country names Somalia");
}

# A code is the letters A to Z: a letter that folds to them (ß, an accent)
# is 22P02 with the hint that says so, in every encoding that can carry it.
for my $db (qw(latin1 win1252 euc_jp sql_ascii))
{
	for my $input ("\xc3\x9f", "\xc3\x89L")
	{
		is(error_of($db, qq{SET client_encoding = 'UTF8'; SELECT '$input'::migchain.country}),
			qq{22P02 / invalid input syntax for type country: "$input" / }
			  . 'Codes are written with the letters A to Z, in either case, or digits; accents are ignored in names only.',
			"$db: \"$input\" is no code: 22P02");
	}
}

$node->stop;
done_testing();
