#!/usr/bin/perl
# gen-country-table.pl: write src/country_table.c, the countries the type
# migchain.country knows, from Debian's iso-codes data:
#
#   JSON/iso_3166-1.json, JSON/iso_3166-3.json       codes and English names
#   MO/iso_3166-1.mo, MO/iso_3166-3.mo               Dutch translations
#
# Usage: tools/gen-country-table.pl [JSON-DIR [MO-DIR]] > src/country_table.c
# (defaults /usr/share/iso-codes/json and /usr/share/locale/nl/LC_MESSAGES).
# `make country-table` regenerates the table, `make check-generated` checks
# that the committed one is what this script writes.
#
# The stored code of a country never depends on the position of an entry in
# the data, so values stored by one version keep their meaning in the next:
#
#   1..676    a two-letter code: (c1 - 'A') * 26 + (c2 - 'A') + 1.  Every
#             current ISO 3166-1 country and XK (Kosovo) is stored this way.
#   677, 678  XXA (stateless), XXX (unknown).
#   679..     the former countries of ISO 3166-3 that were withdrawn before
#             migchain 0.1.0, in the order of @FORMER below (by withdrawal
#             date, then alpha-4).  That list only ever grows at its end.
#
# A country that ISO withdraws after 0.1.0 was stored under its two-letter
# code while it was current, so it keeps that code as a former country (the
# script refuses to continue if a current country reuses the code by then).
use strict;
use warnings;
use utf8;
use JSON::PP;
use Unicode::Normalize qw(NFD);

my $json_dir = shift // '/usr/share/iso-codes/json';
my $mo_dir = shift // '/usr/share/locale/nl/LC_MESSAGES';

use constant CODE_LIMIT => 1024;	# codes are below this (MC_COUNTRY_CODE_MAX + 1)
use constant CODE_XXA => 677;
use constant CODE_XXX => 678;
use constant CODE_FORMER => 679;

# Former countries withdrawn before migchain 0.1.0; code = CODE_FORMER + index.
# Append only.
my @FORMER = qw(
  SKIN AIDJ DYBJ VDVN BQAQ FQHH GEHH NHVU PZPA RHZW
  NQAQ CTKI HVBF JTUM MIUM PCHH PUUM WKUM BUMM YDYE
  DDDE BYAA SUHH CSHH NTHH FXFR ZRCD TPTL YUCS CSXX
  ANHH
);

# The usual Dutch short name where it is not the one Debian's iso-codes
# gives (whose Dutch names follow ISO's English ones, "Korea, Republiek"),
# after the Dutch Language Union's list of country names.  The name here is
# the output of name(); the iso-codes name stays accepted as input.
my %DUTCH_SHORT = (
	BO => 'Bolivia',			# iso-codes: Bolivia, Multinationale Staat
	GE => 'Georgië',			# iso-codes: Georgia (not translated)
	KP => 'Noord-Korea',		# iso-codes: Korea, Democratische Volksrepubliek
	KR => 'Zuid-Korea',			# iso-codes: Korea, Republiek
	LA => 'Laos',				# iso-codes: Laos Democratische Volksrepubliek
	MD => 'Moldavië',			# iso-codes: Moldavië, Republiek
	VA => 'Vaticaanstad',		# iso-codes: Vaticaanstad, Staat
	VE => 'Venezuela',			# iso-codes: Venezuela, Bolivariaanse Republiek
);

# Codes that are not in ISO 3166-1 but that records carry.
my @EXTRA = (
	{ alpha_2 => 'XK', alpha_3 => 'XKX', name_en => 'Kosovo', name_nl => 'Kosovo',
	  code => slot('XK') },
	{ alpha_2 => '', alpha_3 => 'XXA', name_en => 'Stateless', name_nl => 'Staatloos',
	  code => CODE_XXA, text => 'XXA' },
	{ alpha_2 => '', alpha_3 => 'XXX', name_en => 'Unknown', name_nl => 'Onbekend',
	  code => CODE_XXX, text => 'XXX' },
);

# Other spellings accepted as input: Eurostat's codes for Greece and the
# United Kingdom; the short names ISO used before a rename; and names that
# records commonly carry but iso-codes does not.  Keep this list short: every
# entry is a name the hint for a typo may point at.
my %ALIAS_CODE = (EL => 'GR', UK => 'GB');
my %ALIAS_NAME = (
	'Turkey' => 'TR',			# ISO's name until 2022
	'Swaziland' => 'SZ',		# until 2018
	'Macedonia' => 'MK',		# "Macedonia, the former Yugoslav Republic of", until 2019
	'Macedonië' => 'MK',
	'Cape Verde' => 'CV',		# until 2013
	'Czech Republic' => 'CZ',	# until 2016 (also its official name)
	'Ivory Coast' => 'CI',
	'Holland' => 'NL',
	'Sint Maarten' => 'SX',		# Dutch; the French part is Saint-Martin
	'Russia' => 'RU',
	'Vatican' => 'VA',
	'Democratic Republic of the Congo' => 'CD',
	'Democratische Republiek Congo' => 'CD',
	'DR Congo' => 'CD',
	'Congo-Kinshasa' => 'CD',
	'Congo-Brazzaville' => 'CG',
	'Soviet Union' => 'SUHH',
	'Sovjet-Unie' => 'SUHH',
);

# --- reading the data -----------------------------------------------------

sub read_json
{
	my ($file, $key) = @_;
	open(my $fh, '<:raw', $file) or die "$file: $!\n";
	local $/;
	my $data = JSON::PP->new->utf8->decode(<$fh>);
	close $fh;
	return @{ $data->{$key} or die "$file: no \"$key\"\n" };
}

# A GNU .mo catalogue: a header of 32-bit words (magic, revision, count,
# offset of the original strings' table, offset of the translations'
# table), each table count pairs of (length, offset).
sub read_mo
{
	my ($file) = @_;
	open(my $fh, '<:raw', $file) or die "$file: $!\n";
	local $/;
	my $mo = <$fh>;
	close $fh;
	die "$file: too short\n" if length($mo) < 28;
	my $w;
	if (unpack('V', $mo) == 0x950412de) { $w = 'V' }
	elsif (unpack('N', $mo) == 0x950412de) { $w = 'N' }
	else { die "$file: not a .mo catalogue\n" }
	my (undef, $rev, $n, $orig, $trans) = unpack("$w$w$w$w$w", $mo);
	die "$file: unknown revision $rev\n" if ($rev >> 16) != 0;
	my %tr;
	for my $i (0 .. $n - 1)
	{
		my ($olen, $ooff) = unpack("$w$w", substr($mo, $orig + 8 * $i, 8));
		my ($tlen, $toff) = unpack("$w$w", substr($mo, $trans + 8 * $i, 8));
		die "$file: entry $i out of range\n"
		  if $ooff + $olen > length($mo) || $toff + $tlen > length($mo);
		my $id = substr($mo, $ooff, $olen);
		my $str = substr($mo, $toff, $tlen);
		next if $id eq '' || $id =~ /\0/;	# the header; plural forms
		utf8::decode($id) or die "$file: entry $i is not UTF-8\n";
		utf8::decode($str) or die "$file: entry $i is not UTF-8\n";
		$tr{$id} = $str if $str ne '';
	}
	return \%tr;
}

my @iso1 = read_json("$json_dir/iso_3166-1.json", '3166-1');
my @iso3 = read_json("$json_dir/iso_3166-3.json", '3166-3');
my %nl = (%{ read_mo("$mo_dir/iso_3166-3.mo") }, %{ read_mo("$mo_dir/iso_3166-1.mo") });

sub dutch
{
	my ($en) = @_;
	return $nl{$en} if defined $nl{$en};
	warn "no Dutch name for \"$en\"; using the English one\n";
	return $en;
}

sub slot
{
	my ($a2) = @_;
	die "bad alpha-2 \"$a2\"\n" unless $a2 =~ /^[A-Z]{2}$/;
	return (ord(substr($a2, 0, 1)) - 65) * 26 + (ord(substr($a2, 1, 1)) - 65) + 1;
}

# --- the entries ----------------------------------------------------------

my %by_code;		# code => entry
my %current_a2;		# alpha-2 of current countries

sub add
{
	my ($e) = @_;
	die "code $e->{code} of $e->{text} is out of range\n"
	  if $e->{code} < 1 || $e->{code} >= CODE_LIMIT;
	die "code $e->{code} given to both $by_code{$e->{code}}{text} and $e->{text}\n"
	  if $by_code{ $e->{code} };
	$by_code{ $e->{code} } = $e;
}

for my $c (@iso1)
{
	my $e = {
		alpha_2 => $c->{alpha_2}, alpha_3 => $c->{alpha_3}, alpha_4 => '',
		numeric => $c->{numeric}, current => 1, withdrawn => '',
		name_en => $c->{name}, name_nl => $DUTCH_SHORT{ $c->{alpha_2} } // dutch($c->{name}),
		code => slot($c->{alpha_2}), text => $c->{alpha_2},
		other_en => [ grep { defined } @$c{qw(common_name official_name)} ],
	};
	$e->{other_nl} = [ map { $nl{$_} // () } @{ $e->{other_en} } ];
	push @{ $e->{other_nl} }, dutch($c->{name}) if $DUTCH_SHORT{ $c->{alpha_2} };
	$current_a2{ $c->{alpha_2} } = 1;
	add($e);
}
die "expected 249 countries in ISO 3166-1, found " . scalar(@iso1) . "\n"
  unless @iso1 == 249;

for my $x (@EXTRA)
{
	die "$x->{alpha_2} is now in ISO 3166-1\n"
	  if $x->{alpha_2} ne '' && $current_a2{ $x->{alpha_2} };
	add({ %$x, alpha_4 => '', numeric => '', current => 1, withdrawn => '',
		  text => $x->{text} // $x->{alpha_2}, other_en => [], other_nl => [] });
}

my %pinned;
@pinned{@FORMER} = map { CODE_FORMER + $_ } 0 .. $#FORMER;
my %seen_former;
for my $c (@iso3)
{
	my $a4 = $c->{alpha_4};
	my $code = $pinned{$a4};
	if (!defined $code)
	{
		# Withdrawn after 0.1.0: it was stored under its two-letter code.
		die "former country $a4: its code $c->{alpha_2} is used by a current "
		  . "country; append $a4 to \@FORMER instead\n"
		  if $current_a2{ $c->{alpha_2} };
		$code = slot($c->{alpha_2});
	}
	my @nl = split /\s*;\s*/, dutch($c->{name});
	add({
		alpha_2 => $c->{alpha_2}, alpha_3 => $c->{alpha_3}, alpha_4 => $a4,
		numeric => $c->{numeric} // '', current => 0,
		withdrawn => $c->{withdrawal_date}, name_en => $c->{name},
		name_nl => dutch($c->{name}), code => $code, text => $a4,
		other_en => [], other_nl => [ @nl > 1 ? @nl : () ],
	});
	$seen_former{$a4} = 1;
}
for my $a4 (@FORMER)
{
	die "former country $a4 is no longer in ISO 3166-3; keep it in the table by hand\n"
	  unless $seen_former{$a4};
}

my @entries = map { $by_code{$_} } sort { $a <=> $b } keys %by_code;

# --- input keys -----------------------------------------------------------

# How input is compared: letters folded to lower-case ASCII (accents
# dropped, a few letters spelt out), digits kept, white space and the
# punctuation below skipped.  The C parser folds with the table written
# below, made by this same function, so the two agree.
my %SPELL = (
	'ß' => 'ss', 'æ' => 'ae', 'Æ' => 'ae', 'œ' => 'oe', 'Œ' => 'oe',
	'ø' => 'o', 'Ø' => 'o', 'đ' => 'd', 'Đ' => 'd', 'ð' => 'd', 'Ð' => 'd',
	'þ' => 'th', 'Þ' => 'th', 'ł' => 'l', 'Ł' => 'l', 'ħ' => 'h', 'Ħ' => 'h',
	'ı' => 'i', 'ĳ' => 'ij', 'Ĳ' => 'ij', 'ŀ' => 'l', 'Ŀ' => 'l', 'ŉ' => 'n',
	'ŋ' => 'n', 'Ŋ' => 'n', 'ŧ' => 't', 'Ŧ' => 't', 'ĸ' => 'k', 'ſ' => 's',
);
my $SKIP = qr/[\s\-'.,;()\x{a0}\x{2010}-\x{2015}\x{2018}\x{2019}]/;

sub fold_char
{
	my ($ch) = @_;
	return lc $ch if $ch =~ /^[A-Za-z0-9]$/;
	return '' if $ch =~ /^$SKIP$/;
	return $SPELL{$ch} if exists $SPELL{$ch};
	my $base = substr(NFD($ch), 0, 1);
	return lc $base if $base =~ /^[A-Za-z]$/;
	return undef;
}

sub key
{
	my ($s) = @_;
	my $k = '';
	for my $ch (split //, $s)
	{
		my $f = fold_char($ch);
		die "cannot fold \"$ch\" in \"$s\"\n" unless defined $f;
		$k .= $f;
	}
	return $k;
}

# The short form of a name: without a trailing ", ..." and without "(...)".
sub short
{
	my ($s) = @_;
	$s =~ s/,.*//;
	$s =~ s/\s*\([^)]*\)//g;
	$s =~ s/^\s+|\s+$//g;
	return $s;
}

# Keys by priority; a key taken at a level is not given away at a lower one.
# Within a level, two current countries never share a key (the script stops);
# former countries sharing one leave it to the most recently withdrawn; short
# forms that two countries share are ambiguous and not accepted at all (the
# table keeps them with code 0, so the error can say what they could mean).
# A key made from a name is marked as one: the parser folds accents in names
# only, so a key that is only a code matches input in the letters A to Z.
my %key;		# key => { code, label, level, name }
my %ambiguous;	# key => { level, codes => { code => label } }

sub offer
{
	my ($level, $kind, $k, $e, $label, $rule) = @_;
	my $name = $kind eq 'name' ? 1 : $kind eq 'code' ? 0 : die "kind $kind\n";
	return if $k eq '';
	if (my $amb = $ambiguous{$k})
	{
		$amb->{codes}{ $e->{code} } //= $label if $amb->{level} == $level;
		return;
	}
	my $old = $key{$k};
	if (!$old)
	{
		$key{$k} = { code => $e->{code}, label => $label, level => $level, name => $name };
		return;
	}
	# the same country by a code and a name: the key is a name too
	$old->{name} ||= $name if $old->{code} == $e->{code};
	return if $old->{level} < $level || $old->{code} == $e->{code};
	# Same level, another country.
	if ($rule eq 'die')
	{
		die "\"$k\" would stand for both $by_code{$old->{code}}{text} and $e->{text}\n";
	}
	elsif ($rule eq 'recent')
	{
		my $o = $by_code{ $old->{code} };
		$key{$k} = { code => $e->{code}, label => $label, level => $level, name => $name }
		  if ($e->{withdrawn} cmp $o->{withdrawn} || $e->{alpha_4} cmp $o->{alpha_4}) > 0;
	}
	else
	{
		$ambiguous{$k} = { level => $level,
			codes => { $old->{code} => $old->{label}, $e->{code} => $label } };
		delete $key{$k};
	}
}

my @current = grep { $_->{current} } @entries;
my @former = grep { !$_->{current} } @entries;
my %a2 = map { $_->{text} => $_ } @entries;

# 1: codes of current countries (and XK, XXA, XXX)
for my $e (@current)
{
	offer(1, 'code', key($_), $e, $e->{name_en}, 'die')
	  for grep { $_ ne '' } $e->{alpha_2}, $e->{alpha_3}, $e->{numeric};
}
# 2: other codes and names for current countries
offer(2, 'code', key($_), $a2{ $ALIAS_CODE{$_} }, $a2{ $ALIAS_CODE{$_} }{name_en}, 'die')
  for sort keys %ALIAS_CODE;
offer(2, 'name', key($_), $a2{ $ALIAS_NAME{$_} }, $_, 'die') for sort keys %ALIAS_NAME;
# 3: names of current countries, English and Dutch
for my $e (@current)
{
	offer(3, 'name', key($_), $e, $_, 'die')
	  for $e->{name_en}, $e->{name_nl}, @{ $e->{other_en} }, @{ $e->{other_nl} };
}
# 4: codes of former countries
for my $e (@former)
{
	offer(4, 'code', key($_), $e, $e->{name_en}, 'recent')
	  for grep { $_ ne '' } $e->{alpha_4}, $e->{alpha_2}, $e->{alpha_3}, $e->{numeric};
}
# 5: names of former countries
for my $e (@former)
{
	offer(5, 'name', key($_), $e, $_, 'recent')
	  for $e->{name_en}, $e->{name_nl}, @{ $e->{other_nl} };
}
# 6, 7: short forms of names, current before former
for my $level ([ 6, \@current ], [ 7, \@former ])
{
	my ($lv, $list) = @$level;
	my %short;		# key => { code => label }
	for my $e (@$list)
	{
		for my $n ($e->{name_en}, $e->{name_nl}, @{ $e->{other_en} }, @{ $e->{other_nl} })
		{
			my $s = short($n);
			next if $s eq $n || $s eq '';
			$short{ key($s) }{ $e->{code} } //= $n;
		}
	}
	for my $k (sort keys %short)
	{
		for my $code (sort { $a <=> $b } keys %{ $short{$k} })
		{
			offer($lv, 'name', $k, $by_code{$code}, $short{$k}{$code}, 'ambiguous');
		}
	}
}

# Ambiguous keys stay in the table with code 0 and, as label, what they could mean.
for my $k (keys %ambiguous)
{
	my $c = $ambiguous{$k}{codes};
	my @alt = map { "\"$by_code{$_}{text}\" ($c->{$_})" } sort { $a <=> $b } keys %$c;
	my $last = pop @alt;
	$key{$k} = { code => 0, label => join(', ', @alt) . " or $last", level => 99, name => 1 };
}

my @keys = sort keys %key;
my $maxkey = 0;
for (@keys) { $maxkey = length if length > $maxkey }
die "a key is longer than the parser's buffer\n" if $maxkey >= 128;
# The parser takes input with digits for a numeric code.
/\d/ && !/^\d{3}$/ and die "\"$_\" has digits but is not a numeric code\n" for @keys;

# Every output form must be accepted and mean the same country.
for my $e (@entries)
{
	my $k = $key{ key($e->{text}) };
	die "$e->{text} does not parse back to itself\n"
	  unless $k && $k->{code} == $e->{code};
}

# Names in a database encoding that lacks some of their letters (WIN1251 has
# no ë): each such letter is written as its ASCII transliteration, the
# letter's folding with its case kept ("Somalie", "Cote d'Ivoire", "AE" for
# "Æ").  Every letter of a name or label must have one, so that a name can
# always be written.
sub transliterate_char
{
	my ($ch) = @_;
	my $f = $ch =~ /^\p{L}$/ ? fold_char($ch) : undef;
	return undef unless defined $f && $f ne '';
	return $ch =~ /^\p{Lu}$/ ? uc $f : $f;
}
for my $s ((map { ($_->{name_en}, $_->{name_nl}) } @entries), (map { $_->{label} } values %key))
{
	for my $ch (grep { ord > 0x7F } split //, $s)
	{
		my $cp = ord $ch;
		die sprintf("\"%s\" in \"%s\" (U+%04X) has no ASCII transliteration\n", $ch, $s, $cp)
		  unless $cp >= 0xC0 && $cp < 0x180 && defined transliterate_char($ch);
	}
}

# --- writing C ------------------------------------------------------------

binmode STDOUT, ':encoding(UTF-8)';

sub cstr
{
	my ($s) = @_;
	$s =~ s/(["\\])/\\$1/g;
	return "\"$s\"";
}

print <<'EOT';
/*
 * country_table.c
 *		The countries migchain.country knows, generated from Debian's iso-codes
 *		data (ISO 3166-1, ISO 3166-3 and their Dutch translations) by
 *		tools/gen-country-table.pl.  Do not edit: run `make country-table`.
 */
#include "country_table.h"

/* Every country, ordered by stored code. */
const McCountry mc_countries[] = {
EOT
for my $e (@entries)
{
	printf "\t{%d, %s, %s, %s, %s, %d, %s, %s, %s, %s},\n",
	  $e->{code}, cstr($e->{text}), cstr($e->{alpha_2}), cstr($e->{alpha_3}),
	  cstr($e->{alpha_4}), $e->{numeric} eq '' ? -1 : $e->{numeric} + 0,
	  $e->{current} ? 'true' : 'false', cstr($e->{withdrawn}),
	  cstr($e->{name_en}), cstr($e->{name_nl});
}
printf "};\n\nconst int\tmc_num_countries = %d;\n\n", scalar(@entries);

print "/* Index into mc_countries by stored code, -1 for codes not in use. */\n";
print "const int16_t mc_country_index[MC_COUNTRY_CODE_LIMIT] = {\n";
my %index;
@index{ map { $_->{code} } @entries } = 0 .. $#entries;
for (my $i = 0; $i < CODE_LIMIT; $i += 16)
{
	print "\t", join(', ', map { $index{$_} // -1 } $i .. $i + 15), ",\n";
}
print "};\n\n";

print "/* Every accepted spelling, folded, in strcmp order. */\n";
print "const McCountryKey mc_country_keys[] = {\n";
printf "\t{%s, %d, %s, %s},\n", cstr($_), $key{$_}{code}, cstr($key{$_}{label}),
  $key{$_}{name} ? 'true' : 'false' for @keys;
printf "};\n\nconst int\tmc_num_country_keys = %d;\n\n", scalar(@keys);

print "/*\n * Folding of U+00C0..U+017F (Latin-1 Supplement, Latin Extended-A) to\n";
print " * lower-case ASCII; NULL for what is not a letter.\n */\n";
print "const char *const mc_country_fold[MC_COUNTRY_FOLD_END - MC_COUNTRY_FOLD_START] = {\n";
for (my $cp = 0xC0; $cp < 0x180; $cp += 8)
{
	my @f;
	for my $c ($cp .. $cp + 7)
	{
		my $ch = chr($c);
		my $f = $ch =~ /^\p{L}$/ ? fold_char($ch) : undef;
		push @f, defined $f ? cstr($f) : 'NULL';
	}
	printf "\t%s,\t\t\t\t/* U+%04X */\n", join(', ', @f), $cp;
}
print "};\n";

print "\n/*\n * ASCII transliteration of the letters U+00C0..U+017F, case kept, for a\n";
print " * database encoding that lacks them; NULL for what is not a letter.\n */\n";
print "const char *const mc_country_ascii[MC_COUNTRY_FOLD_END - MC_COUNTRY_FOLD_START] = {\n";
for (my $cp = 0xC0; $cp < 0x180; $cp += 8)
{
	my @f;
	for my $c ($cp .. $cp + 7)
	{
		my $t = transliterate_char(chr($c));
		push @f, defined $t ? cstr($t) : 'NULL';
	}
	printf "\t%s,\t\t\t\t/* U+%04X */\n", join(', ', @f), $cp;
}
print "};\n";
