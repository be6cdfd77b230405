# migchain-report: the installed program (found on the PATH, or in
# REPORT_BINDIR) run as a client of a server with demo data.  Its
# workbooks, in Dutch and English, are opened by LibreOffice (headless,
# every sheet exported to CSV) and every figure and flag is compared with
# what published_cells() returns to the same role; the chart is read from
# the zip (unzip).  --raw against plain SQL counts over the requests, the
# CSV files against the database, a frozen snapshot written again after the
# live data changed (the same file, byte for byte), every exit code, the
# progress line on a terminal, --help and --version.
# LibreOffice (libreoffice-calc-nogui) and unzip are needed: make deps
# installs them; a missing one is a failure.
use strict;
use warnings;
use File::Basename;
use File::Compare;
use File::Path qw(make_path);
use File::Spec;
use IO::Pty;
use IPC::Run;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my ($from, $to) = (2018, 2022);
my $tmp = PostgreSQL::Test::Utils::tempdir();

# --- the programs ------------------------------------------------------------
# Where a user's shell finds migchain-report, else where make install put it.
sub find_program
{
	my ($name, @more) = @_;
	for my $dir ((split /:/, $ENV{PATH} // ''), @more)
	{
		return "$dir/$name" if $dir ne '' && -x "$dir/$name";
	}
	return undef;
}
my $tool = find_program('migchain-report', $ENV{REPORT_BINDIR} // (), '/usr/local/bin');
my $soffice = find_program('soffice');
my $unzip = find_program('unzip');
ok(defined $tool, 'migchain-report is installed (make install)')
  or die 'migchain-report is not on the PATH nor in REPORT_BINDIR';
ok(defined $soffice, 'LibreOffice is installed (soffice: libreoffice-calc-nogui)')
  or die 'soffice is not on the PATH';
ok(defined $unzip, 'unzip is installed') or die 'unzip is not on the PATH';

sub slurp
{
	my ($path) = @_;
	open my $fh, '<:raw', $path or die "$path: $!";
	local $/;
	return scalar <$fh>;
}

# --- a server with demo data ------------------------------------------------
my $node = PostgreSQL::Test::Cluster->new('report');
$node->init;
$node->start;
$node->safe_psql('postgres', q{
CREATE EXTENSION migchain;
SELECT migchain.generate_demo(1, 0.2);
CREATE ROLE analyst LOGIN;
SELECT migchain.grant_analyst('analyst');
CREATE ROLE outsider LOGIN;
CREATE DATABASE plain;
CREATE DATABASE old;
});
# a database with the first release of migchain, before publishing
$node->safe_psql('old', q{CREATE EXTENSION migchain VERSION '0.1.0'});

# Run migchain-report as a client (as the analyst unless PGUSER is given);
# returns (exit status, stdout, stderr).
sub run_report
{
	my ($env, @args) = @_;
	local $ENV{PGHOST} = $node->host;
	local $ENV{PGPORT} = $node->port;
	local $ENV{PGDATABASE} = 'postgres';
	local $ENV{PGUSER} = 'analyst';
	local $ENV{PGOPTIONS};
	delete $ENV{PGOPTIONS};
	local @ENV{ keys %$env } = values %$env;
	my ($out, $err) = ('', '');
	IPC::Run::run([ $tool, @args ], '<', \undef, '>', \$out, '2>', \$err);
	return ($? >> 8, $out, $err);
}

# Run it expecting success; returns its stderr.
sub report_ok
{
	my ($name, $env, @args) = @_;
	my ($rc, $out, $err) = run_report($env, @args);
	is($rc, 0, "$name: exit status 0") or diag($err);
	is($out, '', "$name: nothing on stdout");
	return $err;
}

# --- what the sheets must show ------------------------------------------------
my %words = (
	nl => {
		sheets => [ 'Overzicht', 'T&O per land', 'LP per land', 'Definities' ],
		titles => [
			'LP-aanvragen en T&O-verzoeken per jaar: bekend gesteld en beantwoord',
			'T&O niet bevestigd (negatief en ingetrokken) per land van herkomst',
			'LP niet bevestigd (negatief en ingetrokken) per land van herkomst',
			'Definities / Definitions' ],
		period => "Periode: $from t/m $to (jaar van bekend stelling)",
		live => qr/^Bron: actuele gegevens \(live\), opgevraagd op \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/,
		snapshot => 'Bron: momentopname %d ("%s"), bevroren op %s door %s',
		control => 'Openbaarmaking: afgerond op veelvouden van 10, drempel 5',
		control_raw => 'Geen openbaarmakingscontrole: ongeafronde aantallen',
		raw_note => 'Ongeafronde aantallen, alleen voor intern gebruik: niet publiceren.',
		no_process_note => 'geen proces: het land had dat jaar geen proces voor dit soort verzoek (zie Definities).',
		year => 'Jaar',
		groups => [ 'LP (laissez-passer)', 'T&O (terugname en overname)' ],
		overview => [ 'Bekend gesteld', 'Positief antwoord', 'Negatief antwoord',
			'Ingetrokken (geen antwoord verkregen)', 'Nog geen antwoord' ],
		country_header => [ 'Jaar', 'Landcode', 'Land van herkomst', 'Negatief antwoord',
			'Ingetrokken (geen antwoord verkregen)', 'Niet bevestigd (negatief + ingetrokken)',
			'Bekend gesteld' ],
		total => 'Totaal',
		no_process => 'geen proces',
	},
	en => {
		sheets => [ 'Overview', 'T&O by country', 'LP by country', 'Definitions' ],
		titles => [
			'LP and T&O requests per year: presented and answered',
			'T&O not confirmed (negative and withdrawn) by country of origin',
			'LP not confirmed (negative and withdrawn) by country of origin',
			'Definities / Definitions' ],
		period => "Period: $from to $to (year presented)",
		live => qr/^Source: live data, read at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/,
		snapshot => 'Source: snapshot %d ("%s"), frozen at %s by %s',
		control => 'Disclosure control: rounded to multiples of 10, threshold 5',
		control_raw => 'No disclosure control: unrounded counts',
		raw_note => 'Unrounded counts, for internal use only: do not publish.',
		no_process_note => 'no process: the country had no process for this kind of request that year (see Definitions).',
		year => 'Year',
		groups => [ 'LP (laissez-passer)', 'T&O (readmission)' ],
		overview => [ 'Presented', 'Positive answer', 'Negative answer',
			'Withdrawn (no answer obtained)', 'No answer yet' ],
		country_header => [ 'Year', 'Country code', 'Country of origin', 'Negative answer',
			'Withdrawn (no answer obtained)', 'Not confirmed (negative + withdrawn)', 'Presented' ],
		total => 'Total',
		no_process => 'no process',
	});
my @overview_measures = qw(presented positive negative withdrawn pending);
my @country_measures = qw(negative withdrawn not_confirmed presented);
my @kinds = ('LP', 'T&O');

# The cells a query of published_cells()'s columns returns, in a language,
# as a role.
sub db_cells
{
	my ($from_clause, $lang, $user) = @_;
	my $out = $node->safe_psql('postgres', qq{
SET migchain.language = '$lang';
SELECT sheet, year, kind, coalesce(country_code, ''), coalesce(country_name, ''), measure,
       coalesce(value::text, ''), coalesce(flag, '')
  FROM $from_clause}, extra_params => [ '-U', $user ]);
	return [ map { [ split /\|/, $_, -1 ] } split /\n/, $out ];
}

# How a sheet shows a cell: the number, x when hidden, the words for no process.
sub shown
{
	my ($value, $flag, $lang) = @_;
	return $words{$lang}{no_process} if $flag eq 'no process';
	return 'x' if $value eq '' && $flag eq 'suppressed';
	die "a cell without a value nor a flag" if $value eq '';
	return $value;
}

# The data rows the three sheets must have, from the database's cells:
# sheet 1 a row per year (LP's five measures, then T&O's); sheets 2 (T&O)
# and 3 (LP) a row per year and country, the total row last in its year.
sub expected_rows
{
	my ($cells, $lang) = @_;
	my (%overview, @rows2, @rows3, %row_of);
	for my $c (@$cells)
	{
		my ($sheet, $year, $kind, $code, $name, $measure, $value, $flag) = @$c;
		if ($sheet == 1)
		{
			$overview{$year}{$kind}{$measure} = shown($value, $flag, $lang);
			next;
		}
		my $key = "$sheet|$year|$code";
		if (!$row_of{$key})
		{
			$row_of{$key} = { year => $year, code => $code, name => $code eq '' ? $words{$lang}{total} : $name };
			push @{ $sheet == 2 ? \@rows2 : \@rows3 }, $row_of{$key};
		}
		$row_of{$key}{$measure} = shown($value, $flag, $lang);
	}
	my @rows1 = map {
		my $y = $_;
		[ $y, map { my $k = $_; map { $overview{$y}{$k}{$_} } @overview_measures } @kinds ]
	} sort keys %overview;
	my $country = sub { [ map { my $r = $_; [ $r->{year}, $r->{code}, $r->{name}, @{$r}{@country_measures} ] } @_ ] };
	return [ \@rows1, $country->(@rows2), $country->(@rows3) ];
}

# A CSV text (RFC 4180: quoted fields may hold commas, quotes, line breaks)
# as rows of fields.
sub parse_csv
{
	my ($text) = @_;
	my (@rows, @row);
	my $field = '';
	my $quoted = 0;
	my $i = 0;
	my $n = length $text;
	while ($i < $n)
	{
		my $ch = substr($text, $i++, 1);
		if ($quoted)
		{
			if ($ch eq '"' && $i < $n && substr($text, $i, 1) eq '"') { $field .= '"'; $i++; }
			elsif ($ch eq '"') { $quoted = 0; }
			else { $field .= $ch; }
		}
		elsif ($ch eq '"') { $quoted = 1; }
		elsif ($ch eq ',') { push @row, $field; $field = ''; }
		elsif ($ch eq "\r") { }
		elsif ($ch eq "\n") { push @row, $field; push @rows, [@row]; @row = (); $field = ''; }
		else { $field .= $ch; }
	}
	if ($field ne '' || @row) { push @row, $field; push @rows, [@row]; }
	return \@rows;
}

# Open workbooks with LibreOffice: every sheet of each exported to CSV (the
# values, not as formatted).  Returns, per workbook, its sheets in order
# as [name, rows].
my $lo_runs = 0;
sub open_workbooks
{
	my (@files) = @_;
	my $out = "$tmp/lo-" . ++$lo_runs;
	make_path($out, "$tmp/lo-home");
	my ($stdout, $stderr) = ('', '');
	{
		local $ENV{HOME} = "$tmp/lo-home";
		IPC::Run::run([ $soffice, "-env:UserInstallation=file://$tmp/lo-profile", '--headless',
				'--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
				'--outdir', $out, @files ], '<', \undef, '>', \$stdout, '2>', \$stderr,
			IPC::Run::timeout($PostgreSQL::Test::Utils::timeout_default));
	}
	my %books;
	# "Writing sheet NAME -> FILE" per sheet, in the workbook's order
	while ($stdout =~ /^Writing sheet (.*) -> (.*)$/mg)
	{
		my ($sheet, $csv) = ($1, $2);
		my ($base) = basename($csv) =~ /^(.*)-\Q$sheet\E\.csv$/ or die "LibreOffice wrote $csv";
		push @{ $books{$base} }, [ $sheet, parse_csv(slurp($csv)) ];
	}
	for my $f (@files)
	{
		my $base = basename($f, '.xlsx');
		ok(exists $books{$base}, "LibreOffice opens $base.xlsx") or diag("$stdout\n$stderr");
	}
	return \%books;
}

# The rows of a table that starts under the row whose first fields are
# @header: those whose first field is a year, cut to the header's width;
# and the index of the row after them.
sub table_rows
{
	my ($rows, @header) = @_;
	my $w = scalar @header;
	for my $i (0 .. $#$rows)
	{
		next unless join("\x1f", map { $_ // '' } @{ $rows->[$i] }[ 0 .. $w - 1 ]) eq join("\x1f", @header);
		my @data;
		my $j = $i + 1;
		while ($j <= $#$rows && ($rows->[$j][0] // '') =~ /^\d+$/)
		{
			push @data, [ @{ $rows->[$j] }[ 0 .. $w - 1 ] ];
			$j++;
		}
		return (\@data, $j);
	}
	return (undef, undef);
}

# Check one workbook as LibreOffice reads it against the expected rows:
# sheet names and order, header blocks, the tables, the notes under them,
# the definitions.
sub check_workbook
{
	my ($name, $book, $lang, $expected, %o) = @_;
	my $w = $words{$lang};
	is_deeply([ map { $_->[0] } @$book ], $w->{sheets}, "$name: the sheets, in order");
	for my $s (0 .. 3)
	{
		my $rows = $book->[$s][1];
		my $sheet = "$name, $w->{sheets}[$s]";
		is($rows->[0][0], $w->{titles}[$s], "$sheet: title");
		is($rows->[1][0], $w->{period}, "$sheet: period");
		if (ref $o{source}) { like($rows->[2][0], $o{source}, "$sheet: source (live, read at a time)"); }
		else { is($rows->[2][0], $o{source}, "$sheet: source"); }
		is($rows->[3][0], $o{raw} ? $w->{control_raw} : $w->{control}, "$sheet: disclosure control");
	}
	# sheet 1: a group header over the kinds' columns, then the measures
	my $rows = $book->[0][1];
	my ($data, $after) = table_rows($rows, $w->{year}, (@{ $w->{overview} }) x 2);
	ok(defined $data, "$name, sheet 1: the header row");
	my ($header_row) = grep { ($rows->[$_][0] // '') eq $w->{year} } 0 .. $#$rows;
	is_deeply([ @{ $rows->[ $header_row - 1 ] }[ 0 .. 10 ] ],
		[ '', $w->{groups}[0], ('') x 4, $w->{groups}[1], ('') x 4 ],
		"$name, sheet 1: LP over the first five measures, T&O over the last five");
	is_deeply($data, $expected->[0], "$name, sheet 1: every figure and flag is the database's");
	is($rows->[$after][0], '', "$name, sheet 1: a blank row under the table");
	is($rows->[ $after + 1 ][0], $o{note}, "$name, sheet 1: the note under the table");
	for my $s (1, 2)
	{
		$rows = $book->[$s][1];
		($data, $after) = table_rows($rows, @{ $w->{country_header} });
		ok(defined $data, "$name, sheet " . ($s + 1) . ': the header row');
		is_deeply($data, $expected->[$s], "$name, sheet " . ($s + 1) . ": every figure and flag is the database's");
		is($rows->[$after][0], '', "$name, sheet " . ($s + 1) . ': a blank row under the table');
		is($rows->[ $after + 1 ][0], $o{note}, "$name, sheet " . ($s + 1) . ': the note under the table');
		is($rows->[ $after + 2 ][0], $w->{no_process_note}, "$name, sheet " . ($s + 1) . ': what "no process" means');
	}
	check_definitions("$name, definitions", $book->[3][1]);
}

# The definitions sheet: both languages, whatever the workbook's language,
# with the source text's definitions.
my @definitions = (
	[ 'Laissez-passer (LP)', 'Het dient als een tijdelijke vervanging van een paspoort en is alleen bestemd voor het binnenreizen van zijn eigen land.',
	  'Laissez-passer (LP)', 'It serves as a temporary replacement of a passport' ],
	[ 'Terugname & Overname (T&O)', 'de terugname van wederzijdse eigen onderdanen en de overname van onderdanen uit derde landen en staatlozen te vergemakkelijken',
	  'Readmission (T&O)', 'nationals of third countries and stateless persons' ],
	[ 'Bekend stelling (bekend gesteld)', 'De LP of T&O is bekend gesteld bij het land van herkomst door de Nederlandse autoriteiten.',
	  'Presented', 'presented to the country of origin by the Dutch authorities' ],
	[ 'Positief antwoord', 'Betekent dat de autoriteiten de nationaliteit hebben bevestigd.',
	  'Positive answer', 'the authorities have confirmed the nationality' ],
	[ 'Negatief antwoord & Ingetrokken (geen antwoord verkregen)', 'Betekent dat de nationaliteit niet bevestigd is, of er zijn onvoldoende aanknopingspunten voor de autoriteiten om de nationaliteit vast te kunnen stellen.',
	  'Negative answer & Withdrawn (no answer obtained)', 'the nationality has not been confirmed' ],
	[ 'Somalië: geen proces', 'Voor Somalië bestaat er geen proces ter verkrijging van vervangende reisdocumenten. Somaliërs zelf kunnen wel zelfstandig terugkeren naar Somalië en daartoe de benodigde reisdocumenten verkrijgen.',
	  'Somalia: no process', 'For Somalia there is no process for obtaining replacement travel documents.' ]);
sub check_definitions
{
	my ($name, $rows) = @_;
	my ($header) = grep { ($rows->[$_][0] // '') eq 'Begrip' } 0 .. $#$rows;
	ok(defined $header, "$name: the header row") or return;
	is_deeply([ @{ $rows->[$header] }[ 0 .. 3 ] ], [ 'Begrip', 'Definitie (Nederlands)', 'Term', 'Definition (English)' ],
		"$name: Dutch and English columns");
	for my $d (@definitions)
	{
		my ($row) = grep { $_->[0] eq $d->[0] } @{$rows}[ $header + 1 .. $#$rows ];
		ok(defined $row, "$name: $d->[0]") or next;
		ok(index($row->[1], $d->[1]) >= 0, "$name: $d->[0], the source text's words");
		is($row->[2], $d->[2], "$name: $d->[0] in English: $d->[2]");
		ok(index($row->[3], $d->[3]) >= 0, "$name: $d->[2], its definition in English");
	}
}

# The chart of sheet 1 (xl/charts/chart1.xml in the zip): a column chart,
# a series per kind, whose names, years and values are the cells of the
# sheet's LP and T&O "presented" columns and year rows.
sub check_chart
{
	my ($name, $xlsx, $book, $lang) = @_;
	my ($out, $err) = ('', '');
	IPC::Run::run([ $unzip, '-Z1', $xlsx ], '>', \$out, '2>', \$err);
	my @members = split /\n/, $out;
	ok((grep { $_ eq 'xl/charts/chart1.xml' } @members), "$name: the workbook has a chart");
	is(scalar(grep { m{^xl/charts/chart\d+\.xml$} } @members), 1, "$name: one chart");
	my $drawing_rels = '';
	IPC::Run::run([ $unzip, '-p', $xlsx, 'xl/worksheets/_rels/sheet1.xml.rels' ], '>', \$drawing_rels);
	like($drawing_rels, qr{Target="\.\./drawings/drawing1\.xml"}, "$name: the chart is drawn on sheet 1");
	my $xml = '';
	IPC::Run::run([ $unzip, '-p', $xlsx, 'xl/charts/chart1.xml' ], '>', \$xml);
	like($xml, qr{<c:barChart><c:barDir val="col"/>}, "$name: a column chart");
	my @series = $xml =~ m{<c:ser>(.*?)</c:ser>}sg;
	is(scalar @series, 2, "$name: two series");
	my $rows = $book->[0][1];
	my $sheet = $words{$lang}{sheets}[0];
	my $col = sub { my $n = 0; $n = $n * 26 + ord($_) - 64 for split //, $_[0]; $n - 1 };
	for my $k (0 .. 1)
	{
		my $s = $series[$k] // '';
		my ($tx) = $s =~ m{<c:tx><c:strRef><c:f>([^<]*)</c:f>};
		my ($cat) = $s =~ m{<c:cat><c:numRef><c:f>([^<]*)</c:f>};
		my ($val) = $s =~ m{<c:val><c:numRef><c:f>([^<]*)</c:f>};
		my ($tc, $tr) = ($tx // '') =~ /^\Q$sheet\E!\$([A-Z]+)\$(\d+)$/;
		my ($cc1, $cr1, $cc2, $cr2) = ($cat // '') =~ /^\Q$sheet\E!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/;
		my ($vc1, $vr1, $vc2, $vr2) = ($val // '') =~ /^\Q$sheet\E!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/;
		ok(defined $tc && defined $cc1 && defined $vc1, "$name: series $k refers to cells of $sheet")
		  or next;
		is($rows->[ $tr - 1 ][ $col->($tc) ], $words{$lang}{groups}[$k], "$name: series $k is named $words{$lang}{groups}[$k]");
		is_deeply([ map { $rows->[ $_ - 1 ][ $col->($cc1) ] } $cr1 .. $cr2 ], [ $from .. $to ],
			"$name: series $k: the years are the categories");
		is($vc1, $vc2, "$name: series $k: values of one column");
		is($rows->[ $vr1 - 2 ][ $col->($vc1) ], $words{$lang}{overview}[0], "$name: series $k: the values are the column presented");
		is_deeply([ $cr1, $cr2 ], [ $vr1, $vr2 ], "$name: series $k: a value per year");
	}
}

# The cells of the tables as the workbook stores them: a figure is a number
# (a cell without a type), the hidden symbol and the words of no process
# are text (t="s").
sub check_cell_types
{
	my ($name, $xlsx, $book, $lang) = @_;
	my @headers = ([ $words{$lang}{year}, (@{ $words{$lang}{overview} }) x 2 ],
		$words{$lang}{country_header}, $words{$lang}{country_header});
	for my $s (0 .. 2)
	{
		my $xml = '';
		IPC::Run::run([ $unzip, '-p', $xlsx, 'xl/worksheets/sheet' . ($s + 1) . '.xml' ], '>', \$xml);
		my %type;
		while ($xml =~ /<c r="([A-Z]+\d+)"(?: s="\d+")?( t="(\w+)")?(\/?)>/g)
		{
			$type{$1} = $4 eq '/' ? 'blank' : defined $3 ? $3 : 'n';
		}
		my ($data, $after) = table_rows($book->[$s][1], @{ $headers[$s] });
		my $first = $after - @$data + 1;
		my ($numbers, $texts, @wrong) = (0, 0);
		for my $i (0 .. $#$data)
		{
			for my $j (($s == 0 ? 1 : 3) .. $#{ $data->[$i] })
			{
				my $ref = chr(65 + $j) . ($first + $i);
				my $want = $data->[$i][$j] =~ /^\d+$/ ? 'n' : 's';
				$want eq 'n' ? $numbers++ : $texts++;
				push @wrong, "$ref $data->[$i][$j]: " . ($type{$ref} // 'none') if ($type{$ref} // '') ne $want;
			}
		}
		ok($numbers > 0 && $texts > 0 && !@wrong,
			"$name, sheet " . ($s + 1) . ": $numbers figures are numbers, $texts hidden or no-process cells are text")
		  or diag(join("\n", @wrong[ 0 .. ($#wrong > 9 ? 9 : $#wrong) ]));
	}
}

# --- live workbooks, in Dutch and English --------------------------------------
my %live;
for my $lang ('nl', 'en')
{
	$live{$lang} = "$tmp/live-$lang.xlsx";
	report_ok("live $lang", {}, '--from', $from, '--to', $to, '--lang', $lang, '-o', $live{$lang});
	ok(-s $live{$lang}, "live $lang: the workbook is written");
}
# -d with a connection string instead of the environment
$live{conninfo} = "$tmp/live-conninfo.xlsx";
report_ok('live, -d', { PGHOST => '/nonexistent', PGUSER => 'nobody', PGDATABASE => 'nothing' },
	'-d', 'host=' . $node->host . ' port=' . $node->port . ' dbname=postgres user=analyst',
	'--from', $from, '--to', $to, '-q', '-o', $live{conninfo});
# --raw: unrounded counts
my $raw_file = "$tmp/raw-en.xlsx";
report_ok('raw', {}, '--from', $from, '--to', $to, '--raw', '--lang', 'en', '-o', $raw_file);
# CSV files beside the workbook
my $csv_dir = "$tmp/csv-nl";
report_ok('csv', {}, '--from', $from, '--to', $to, '-o', "$tmp/with-csv.xlsx", '--csv', $csv_dir);

my %cells = map { $_ => db_cells("migchain.published_cells($from, $to, 10, 5)", $_, 'analyst') } 'nl', 'en';
my %note = map {
	$_ => $node->safe_psql('postgres', "SET migchain.language = '$_'; SELECT migchain.publication_note(10, 5)",
		extra_params => [ '-U', 'analyst' ])
} 'nl', 'en';
like($note{en}, qr/\(x\)/, 'the publication note explains the hidden symbol x');
# the data has hidden, rounded, exact and no-process cells, so that each kind
# of cell is checked
my %flags;
$flags{ $_->[7] }++ for @{ $cells{nl} };
ok($flags{$_}, "the demo data has cells flagged '$_' (" . ($flags{$_} // 0) . ')') for 'suppressed', 'rounded', 'no process';
ok(scalar(grep { $_->[7] eq '' && $_->[6] ne '' } @{ $cells{nl} }), 'the demo data has exact cells (zeros)');

# --- LibreOffice opens them ----------------------------------------------------
my $before_change = open_workbooks($live{nl}, $live{en}, $live{conninfo}, $raw_file, "$tmp/with-csv.xlsx");
for my $lang ('nl', 'en')
{
	check_workbook("live $lang", $before_change->{"live-$lang"}, $lang, expected_rows($cells{$lang}, $lang),
		source => $words{$lang}{live}, note => $note{$lang});
	check_chart("live $lang", $live{$lang}, $before_change->{"live-$lang"}, $lang);
	check_cell_types("live $lang", $live{$lang}, $before_change->{"live-$lang"}, $lang);
}
check_workbook('live, -d', $before_change->{'live-conninfo'}, 'nl', expected_rows($cells{nl}, 'nl'),
	source => $words{nl}{live}, note => $note{nl});
# the words of no process stand where the counts would be: never 0, never empty
my @somalia = grep { $_->[1] eq 'SO' } @{ expected_rows($cells{nl}, 'nl')->[2] };
ok(@somalia, 'sheet 3 has Somalia');
is_deeply([ map { @{$_}[ 3 .. 6 ] } @somalia ], [ ('geen proces') x (4 * @somalia) ], 'Somalia: "geen proces" on sheet 3, every year');
is_deeply([ map { @{$_}[ 3 .. 6 ] } grep { $_->[1] eq 'SO' } @{ (table_rows($before_change->{'live-nl'}[2][1], @{ $words{nl}{country_header} }))[0] } ],
	[ ('geen proces') x (4 * @somalia) ], 'Somalia: the workbook shows "geen proces"');

# --- --raw against plain SQL ---------------------------------------------------
# The counts of the requests, per year, kind and country, as the superuser
# counts them in plain SQL (answer labels in English).
my %plain;
for my $line (split /\n/, $node->safe_psql('postgres', qq{
SELECT extract(year FROM presented_on)::int, kind::text, country::text,
       count(*),
       count(*) FILTER (WHERE migchain.label(answer, 'en') = 'positive'),
       count(*) FILTER (WHERE migchain.label(answer, 'en') = 'negative'),
       count(*) FILTER (WHERE migchain.label(answer, 'en') = 'withdrawn'),
       count(*) FILTER (WHERE migchain.label(answer, 'en') = 'pending')
  FROM migchain.request
 WHERE presented_on >= '$from-01-01' AND presented_on < '@{[ $to + 1 ]}-01-01'
 GROUP BY 1, 2, 3}))
{
	my ($y, $k, $c, $p, $pos, $n, $w, $pend) = split /\|/, $line;
	my %m = (presented => $p, positive => $pos, negative => $n, withdrawn => $w, pending => $pend);
	$plain{$y}{$k}{$c} = \%m;
	$plain{$y}{$k}{''}{$_} += $m{$_} for keys %m;
}
{
	my $raw_cells = db_cells("migchain.published_cells($from, $to, 1, 0)", 'en', 'analyst');
	my $expected = expected_rows($raw_cells, 'en');
	my $sum = sub { my ($y, $k, $c, $m) = @_; my $h = $plain{$y}{$k}{$c} // {}; $m eq 'not_confirmed' ? ($h->{negative} // 0) + ($h->{withdrawn} // 0) : $h->{$m} // 0 };
	is_deeply($expected->[0],
		[ map { my $y = $_; [ $y, map { my $k = $_; map { $sum->($y, $k, '', $_) } @overview_measures } @kinds ] } $from .. $to ],
		'raw: published_cells(from, to, 1, 0), sheet 1, is the plain count of the requests');
	for my $s (1, 2)
	{
		my $kind = $s == 1 ? 'T&O' : 'LP';
		my @counted = grep { $_->[3] ne 'no process' } @{ $expected->[$s] };
		is_deeply(\@counted,
			[ map { my $r = $_; [ @{$r}[ 0 .. 2 ], map { $sum->($r->[0], $kind, $r->[1], $_) } @country_measures ] } @counted ],
			"raw: sheet " . ($s + 1) . ' is the plain count of the requests per country and year');
		is_deeply([ sort map { "$_->[0] $_->[1]" } grep { $_->[1] ne '' } @counted ],
			[ sort map { my $y = $_; map { "$y $_" } grep { $_ ne '' } keys %{ $plain{$y}{$kind} } } $from .. $to ],
			"raw: sheet " . ($s + 1) . ' has a row for every country with requests');
	}
	check_workbook('raw', $before_change->{'raw-en'}, 'en', $expected,
		source => $words{en}{live}, note => $words{en}{raw_note}, raw => 1);
}

# --- the CSV files ---------------------------------------------------------------
{
	my $expected = expected_rows($cells{nl}, 'nl');
	my $w = $words{nl};
	my @files = ('sheet1-overview.csv', 'sheet2-TO-by-country.csv', 'sheet3-LP-by-country.csv');
	my @headers = (
		[ $w->{year}, map { my $k = $_; map { "$k: $_" } @{ $w->{overview} } } @kinds ],
		$w->{country_header}, $w->{country_header});
	for my $s (0 .. 2)
	{
		my $rows = parse_csv(slurp("$csv_dir/$files[$s]"));
		is_deeply($rows->[0], $headers[$s], "csv: $files[$s]: its header row");
		is_deeply([ @{$rows}[ 1 .. $#$rows ] ], $expected->[$s], "csv: $files[$s]: every figure and flag is the database's");
	}
	my $notes = slurp("$csv_dir/notes.txt");
	my $note = $note{nl};
	ok(index($notes, "$w->{period}\n") >= 0, 'csv: notes.txt: the period');
	ok(index($notes, "\n$note\n") >= 0, 'csv: notes.txt: the publication note');
	ok(index($notes, 'Somaliërs zelf kunnen wel zelfstandig terugkeren') >= 0, 'csv: notes.txt: the definitions in Dutch');
	ok(index($notes, 'Somalis themselves can return to Somalia') >= 0, 'csv: notes.txt: the definitions in English');
	opendir my $dh, $csv_dir or die "$csv_dir: $!";
	is_deeply([ sort grep { !/^\./ } readdir $dh ], [ sort @files, 'notes.txt' ], 'csv: the files, and nothing else (no temporary file left)');
	closedir $dh;
}

# --- a frozen snapshot -------------------------------------------------------------
my $snapshot = $node->safe_psql('postgres', qq{SELECT migchain.freeze_report($from, $to, 10, 5, 'persvraag')},
	extra_params => [ '-U', 'analyst' ]);
my ($frozen_at, $frozen_xml, $frozen_by) = split /\|/, $node->safe_psql('postgres', qq{
SELECT to_char(frozen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"'),
       to_char(date_trunc('second', frozen_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), frozen_by
  FROM migchain.report_snapshot WHERE snapshot_id = $snapshot});
is($frozen_by, 'analyst', 'the analyst froze the snapshot');
my %snap_file = (first => "$tmp/snap-first.xlsx", again => "$tmp/snap-again.xlsx", en => "$tmp/snap-en.xlsx");
report_ok('snapshot', {}, '--snapshot', $snapshot, '-o', $snap_file{first}, '--csv', "$tmp/snap-csv-first");
my $snapshot_cells = db_cells("migchain.report_snapshot_cells($snapshot)", 'nl', 'analyst');

# later, the live data changes: 40 more LP requests to Morocco in 2019, and
# 20 T&O requests of 2020 answered negatively after all
sleep 1;
$node->safe_psql('postgres', q{
BEGIN;
SELECT migchain.begin_load('test', 'later.csv');
INSERT INTO migchain.request (kind, country, presented_on, person_id)
SELECT 'LP', 'MA', date '2019-03-01' + i, 990000 + i FROM generate_series(1, 40) i;
SELECT migchain.end_load();
UPDATE migchain.request SET answer = 'negative', answered_on = presented_on + 30
 WHERE request_id IN (SELECT request_id FROM migchain.request
                       WHERE kind = 'T&O' AND presented_on BETWEEN '2020-01-01' AND '2020-12-31'
                         AND migchain.label(answer, 'en') = 'positive'
                       ORDER BY request_id LIMIT 20);
COMMIT;
});
my $changed = $node->safe_psql('postgres', "SELECT string_agg(sheet || ':' || cells_changed, ' ' ORDER BY sheet) FROM migchain.report_snapshot_check($snapshot)",
	extra_params => [ '-U', 'analyst' ]);
like($changed, qr/^1:[1-9]\d* 2:[1-9]\d* 3:[1-9]\d*$/, "the change alters published cells of every sheet ($changed)");

report_ok('snapshot again', {}, '--snapshot', $snapshot, '-o', $snap_file{again}, '--csv', "$tmp/snap-csv-again");
report_ok('snapshot en', {}, '--snapshot', $snapshot, '--lang', 'en', '-o', $snap_file{en});
ok(compare($snap_file{first}, $snap_file{again}) == 0,
	'the workbook of a snapshot is the same file, byte for byte, written again later after the data changed');
for my $f ('sheet1-overview.csv', 'sheet2-TO-by-country.csv', 'sheet3-LP-by-country.csv', 'notes.txt')
{
	ok(compare("$tmp/snap-csv-first/$f", "$tmp/snap-csv-again/$f") == 0, "the CSV file $f of a snapshot is the same, written again");
}
my $core = '';
IPC::Run::run([ $unzip, '-p', $snap_file{first}, 'docProps/core.xml' ], '>', \$core);
like($core, qr{<dcterms:created xsi:type="dcterms:W3CDTF">\Q$frozen_xml\E</dcterms:created>},
	"the snapshot's workbook was created when the snapshot was frozen ($frozen_xml)");
my $zip_list = '';
IPC::Run::run([ $unzip, '-l', $snap_file{first} ], '>', \$zip_list);
my @dates = $zip_list =~ /^\s*\d+\s+(\d{4}-\d\d-\d\d \d\d:\d\d)\s/mg;
ok(@dates && !(grep { $_ ne $dates[0] } @dates), "every member of the zip has the same date ($dates[0])");

# a live workbook written now differs from the one before the change
my $live_after = "$tmp/live-after.xlsx";
report_ok('live after the change', {}, '--from', $from, '--to', $to, '-o', $live_after);
my $after_cells = db_cells("migchain.published_cells($from, $to, 10, 5)", 'nl', 'analyst');
my $after = open_workbooks($snap_file{first}, $snap_file{again}, $snap_file{en}, $live_after);
my $snap_source = sprintf($words{nl}{snapshot}, $snapshot, 'persvraag', $frozen_at, 'analyst');
for my $which ('first', 'again')
{
	check_workbook("snapshot ($which)", $after->{"snap-$which"}, 'nl', expected_rows($snapshot_cells, 'nl'),
		source => $snap_source, note => $note{nl});
}
check_workbook('snapshot en', $after->{'snap-en'}, 'en',
	expected_rows(db_cells("migchain.report_snapshot_cells($snapshot)", 'en', 'analyst'), 'en'),
	source => sprintf($words{en}{snapshot}, $snapshot, 'persvraag', $frozen_at, 'analyst'), note => $note{en});
check_workbook('live after the change', $after->{'live-after'}, 'nl', expected_rows($after_cells, 'nl'),
	source => $words{nl}{live}, note => $note{nl});
{
	my ($then) = table_rows($after->{'snap-again'}[0][1], $words{nl}{year}, (@{ $words{nl}{overview} }) x 2);
	my ($now) = table_rows($after->{'live-after'}[0][1], $words{nl}{year}, (@{ $words{nl}{overview} }) x 2);
	ok(defined $then && defined $now && join(',', map { @$_ } @$then) ne join(',', map { @$_ } @$now),
		'the live workbook now shows other figures than the snapshot');
	is_deeply($then, expected_rows($cells{nl}, 'nl')->[0], "the snapshot shows the figures of the day it was frozen");
}

# the snapshot's unrounded counts: for the owner, not for the analyst
my $snap_raw = "$tmp/snap-raw.xlsx";
report_ok('snapshot raw, owner', { PGUSER => $node->safe_psql('postgres', 'SELECT current_user') },
	'--snapshot', $snapshot, '--raw', '-o', $snap_raw, '--csv', "$tmp/snap-raw-csv");
{
	my $raw_then = expected_rows(db_cells("migchain.report_snapshot_cells($snapshot, true)", 'nl', 'postgres'), 'nl');
	my $rows = parse_csv(slurp("$tmp/snap-raw-csv/sheet1-overview.csv"));
	is_deeply([ @{$rows}[ 1 .. $#$rows ] ], $raw_then->[0], 'snapshot raw: the unrounded counts of the snapshot');
	my $live_raw = expected_rows(db_cells("migchain.published_cells($from, $to, 1, 0)", 'nl', 'postgres'), 'nl');
	isnt(join(',', map { @$_ } @{ $live_raw->[0] }), join(',', map { @$_ } @{ $raw_then->[0] }),
		'snapshot raw: not the counts of today');
}

# --- exit codes ------------------------------------------------------------------
# Each: the exit status, and a message naming the value, with a hint.
sub fails_with
{
	my ($code, $name, $env, $message, @args) = @_;
	my ($rc, $out, $err) = run_report($env, @args);
	is($rc, $code, "exit $code: $name");
	like($err, $message, "exit $code: $name: the message");
	like($err, qr/^migchain-report: hint: \S/m, "exit $code: $name: a hint");
	return $err;
}
my $out_ok = "$tmp/never.xlsx";
fails_with(1, 'an unknown option', {}, qr/^migchain-report: unknown option --colour$/m, '--colour', '-o', $out_ok);
fails_with(1, 'an unknown language', {}, qr/^migchain-report: invalid value "fr" for --lang$/m, '--lang', 'fr', '-o', $out_ok);
fails_with(1, 'a year that is not one', {}, qr/^migchain-report: invalid value "2o19" for --from$/m, '--from', '2o19', '-o', $out_ok);
fails_with(1, 'a period backwards', {}, qr/^migchain-report: --from 2022 is after --to 2018$/m, '--from', 2022, '--to', 2018, '-o', $out_ok);
fails_with(1, 'a year the server refuses (22023)', {}, qr/^migchain-report: cannot read the published cells: from_year 1900 is out of range \(SQLSTATE 22023\)$/m,
	'--from', 1900, '--to', 1901, '-o', $out_ok);
fails_with(1, 'a base of 0', {}, qr/^migchain-report: invalid value "0" for --base$/m, '--base', 0, '-o', $out_ok);
fails_with(1, 'a period with a snapshot', {}, qr/^migchain-report: --from cannot be given with --snapshot$/m,
	'--snapshot', $snapshot, '--from', 2018, '-o', $out_ok);
fails_with(1, 'no output', {}, qr/^migchain-report: no output given$/m, '--from', 2018);
fails_with(1, 'a workbook not named .xlsx', {}, qr/^migchain-report: the workbook "\Q$tmp\E\/report.csv" must be named \*\.xlsx$/m,
	'-o', "$tmp/report.csv");
fails_with(1, 'a bad connection string', {}, qr/^migchain-report: invalid connection string for -d: invalid connection option "colour"$/m,
	'-d', 'colour=blue', '-o', $out_ok);
my $free_port = PostgreSQL::Test::Cluster::get_free_port();
fails_with(2, 'no server there', {}, qr/^migchain-report: cannot connect to database "postgres": .*\.s\.PGSQL\.$free_port/m,
	'-d', 'host=' . $node->host . " port=$free_port dbname=postgres", '-o', $out_ok);
fails_with(2, 'a role that does not exist', { PGUSER => 'nobody' }, qr/^migchain-report: cannot connect to database "postgres": .*role "nobody" does not exist/m,
	'-o', $out_ok);
fails_with(3, 'a database without migchain', { PGDATABASE => 'plain' }, qr/^migchain-report: migchain is not installed in database "plain"$/m,
	'-o', $out_ok);
fails_with(3, 'migchain 0.1.0, before publishing', { PGDATABASE => 'old' },
	qr/^migchain-report: migchain 0\.1\.0 in database "old" is too old for this report: it has no function published_cells\(\)$/m, '-o', $out_ok);
fails_with(4, 'a role without rights', { PGUSER => 'outsider' }, qr/^migchain-report: cannot read the published cells: permission denied for .* \(SQLSTATE 42501\)$/m,
	'--from', $from, '--to', $to, '-o', $out_ok);
like(fails_with(4, 'a role without rights, a snapshot', { PGUSER => 'outsider' }, qr/^migchain-report: cannot read the snapshot: permission denied for .* \(SQLSTATE 42501\)$/m,
	'--snapshot', $snapshot, '-o', $out_ok), qr/grant_analyst\('outsider'\)/, 'exit 4: the hint names the role');
like(fails_with(4, "the analyst, a snapshot's unrounded counts", {}, qr/^migchain-report: cannot read the snapshot's unrounded counts: permission denied for the unrounded counts of report snapshot $snapshot \(SQLSTATE 42501\)$/m,
	'--snapshot', $snapshot, '--raw', '-o', $out_ok), qr/leave out --raw/, 'exit 4: the hint says to leave out --raw');
fails_with(5, 'no request in the period', {}, qr/^migchain-report: nothing to publish: no request was presented in 2000 to 2004$/m,
	'--from', 2000, '--to', 2004, '-o', $out_ok);
fails_with(6, 'a directory that does not exist', {}, qr/^migchain-report: cannot write the workbook "\Q$tmp\E\/missing\/r\.xlsx": directory "\Q$tmp\E\/missing": No such file or directory$/m,
	'-o', "$tmp/missing/r.xlsx");
make_path("$tmp/readonly");
chmod 0555, "$tmp/readonly";
fails_with(6, 'a directory not writable', {}, qr/^migchain-report: cannot write the workbook "\Q$tmp\E\/readonly\/r\.xlsx": directory "\Q$tmp\E\/readonly": Permission denied$/m,
	'-o', "$tmp/readonly/r.xlsx");
fails_with(6, 'CSV files into a directory not writable', {}, qr/^migchain-report: cannot write the CSV files into "\Q$tmp\E\/readonly\/csv": directory "\Q$tmp\E\/readonly": Permission denied$/m,
	'--from', $from, '--to', $to, '--csv', "$tmp/readonly/csv");
fails_with(6, 'a workbook that is a directory', {}, qr/^migchain-report: cannot write the workbook "\Q$tmp\E\/dir\.xlsx": it is not a regular file$/m,
	'-o', do { make_path("$tmp/dir.xlsx"); "$tmp/dir.xlsx" });
fails_with(7, 'a snapshot that does not exist', {}, qr/^migchain-report: report snapshot 999 does not exist$/m, '--snapshot', 999, '-o', $out_ok);
ok(!-e $out_ok, 'no workbook was written by a run that failed');
opendir my $tdh, $tmp or die "$tmp: $!";
is_deeply([ grep { /^\.\w.*\.xlsx\./ } readdir $tdh ], [], 'no temporary file was left behind');
closedir $tdh;

# 8, any other database error: the requests are locked by the admin, and the
# report may wait 100 ms for a lock (lock_timeout, 55P03)
{
	my $locker = $node->background_psql('postgres');
	$locker->query_safe('BEGIN; LOCK TABLE migchain.request, migchain.request_rollup IN ACCESS EXCLUSIVE MODE;');
	my ($rc, $out, $err) = run_report({ PGOPTIONS => '-c lock_timeout=100' }, '--from', $from, '--to', $to, '-o', $out_ok);
	is($rc, 8, 'exit 8: a lock timeout');
	like($err, qr/^migchain-report: cannot read the published cells: canceling statement due to lock timeout \(SQLSTATE 55P03\)$/m,
		'exit 8: the message says what the server said');
	$locker->query_safe('ROLLBACK;');
	$locker->quit;
}

# --- defaults ----------------------------------------------------------------------
# The period defaults to the five calendar years before this one (the demo
# data is of 2017 to 2022: in a year when those five hold no request, the
# run ends with exit status 5 naming them).
{
	my $year = (localtime)[5] + 1900;
	my ($first, $last) = ($year - 5, $year - 1);
	my $requests = $node->safe_psql('postgres',
		"SELECT count(*) FROM migchain.request WHERE presented_on >= '$first-01-01' AND presented_on < '$year-01-01'");
	if ($requests > 0)
	{
		my $err = report_ok('default period', {}, '--csv', "$tmp/csv-default");
		like($err, qr/^migchain-report: wrote \Q$tmp\E\/csv-default \($first to $last, live, \d+ cells\)$/m,
			"the default period is the five years before this one ($first to $last)");
		my $notes = slurp("$tmp/csv-default/notes.txt");
		like($notes, qr/^Periode: $first t\/m $last /m, 'the default period is in the header block');
	}
	else
	{
		fails_with(5, "the default period ($first to $last) holds no request", {},
			qr/^migchain-report: nothing to publish: no request was presented in $first to $last$/m,
			'--csv', "$tmp/csv-default");
	}
}

# --- the progress line ---------------------------------------------------------
# Run with stderr on a terminal; returns what the terminal got.
sub on_terminal
{
	my (@args) = @_;
	my $pty = IO::Pty->new;
	my $pid = fork();
	die "fork: $!" unless defined $pid;
	if ($pid == 0)
	{
		$pty->make_slave_controlling_terminal;
		my $slave = $pty->slave;
		close $pty;
		open STDIN, '<', '/dev/null';
		open STDOUT, '>', '/dev/null';
		open STDERR, '>&', $slave or die "stderr: $!";
		$ENV{PGHOST} = $node->host;
		$ENV{PGPORT} = $node->port;
		$ENV{PGDATABASE} = 'postgres';
		$ENV{PGUSER} = 'analyst';
		exec $tool, @args or die "exec: $!";
	}
	$pty->close_slave;
	my $got = '';
	while (1)
	{
		my $n = sysread($pty, my $buf, 4096);
		last if !$n;
		$got .= $buf;
	}
	waitpid($pid, 0);
	return ($? >> 8, $got);
}
{
	my ($rc, $tty) = on_terminal('--from', $from, '--to', $to, '-o', "$tmp/tty.xlsx");
	is($rc, 0, 'on a terminal: exit status 0');
	like($tty, qr/\rmigchain-report: connecting/, 'on a terminal: a progress line while connecting');
	like($tty, qr/\rmigchain-report: writing \Q$tmp\E\/tty\.xlsx: Overzicht/, 'on a terminal: a progress line while writing');
	like($tty, qr/\r *\r(\r?\n)?migchain-report: wrote /, 'on a terminal: the progress line is cleared before the summary');
	($rc, $tty) = on_terminal('-q', '--from', $from, '--to', $to, '-o', "$tmp/tty.xlsx");
	is($rc, 0, 'on a terminal, -q: exit status 0');
	is($tty, '', 'on a terminal, -q: nothing');
	my $err = report_ok('not on a terminal', {}, '--from', $from, '--to', $to, '-o', "$tmp/tty.xlsx");
	unlike($err, qr/\r/, 'not on a terminal: no progress line');
	is(scalar(() = $err =~ /\n/g), 1, 'not on a terminal: one line, the summary');
}

# --- --help and --version -------------------------------------------------------------
{
	my ($rc, $out, $err) = run_report({}, '--help');
	is($rc, 0, '--help: exit status 0');
	like($out, qr/^Usage:\n  migchain-report \[OPTION\]\.\.\. -o FILE\.xlsx$/m, '--help: the usage');
	for my $option (qw(--dbname --from --to --snapshot --base --threshold --raw --lang --output --csv --quiet --version --help))
	{
		like($out, qr/^  (?:-\w, )?\s*\Q$option\E\b/m, "--help: $option");
	}
	like($out, qr/0 written; 1 bad usage/, '--help: the exit codes');
	my ($version) = slurp('migchain.control') =~ /^default_version\s*=\s*'([^']+)'/m;
	($rc, $out, $err) = run_report({}, '--version');
	is($rc, 0, '--version: exit status 0');
	is($out, "migchain-report (migchain) $version\n", "--version: the extension's default_version ($version)");
}

# The man page and docs/report.md document every option and exit code.
for my $doc ('docs/migchain-report.1', 'docs/report.md')
{
	my $text = slurp($doc);
	$text =~ s/\\-/-/g;
	for my $option (qw(--dbname --from --to --snapshot --base --threshold --raw --lang --output --csv --quiet --version --help))
	{
		ok(index($text, $option) >= 0, "$doc documents $option");
	}
	for my $code (0 .. 8)
	{
		like($text, $doc =~ /\.1$/ ? qr/^\.IP $code\b/m : qr/^\| $code \|/m, "$doc documents exit status $code");
	}
}

$node->stop;
done_testing();
