#!/usr/bin/perl
# Keep docs/errors.md true: every error the extension raises is in the
# catalogue with its SQLSTATE, and every one is raised by a test.
#
#   - ereport(ERROR, ...) in src/*.c: the errmsg format (string arguments
#     that are literals are filled in) must appear in docs/errors.md on a line
#     that also names its SQLSTATE and condition name, and an "ERROR:" line of
#     the test output given must match it.
#   - RAISE EXCEPTION in sql/install/*.sql and in the upgrade scripts
#     (sql/migchain--A--B.sql, which may stop an update): the same, with the
#     ERRCODE of its USING clause.
#   - every named constraint and constraint trigger in sql/install/*.sql: its
#     name must be in the catalogue, and a constraint must be named in an
#     "ERROR:" line of the test output (... violates ... constraint "name");
#     a constraint trigger is exercised through the RAISE of its function.
#   - elog(ERROR, ...) in src/*.c (internal, can't happen): its format must be
#     in the catalogue; nothing can exercise it.
#
# An error counts as exercised only when the output of a test run shows that
# it was raised: the files given are what the tests wrote, the actual
# pg_regress output (results/*.out) and the server logs of the TAP tests
# (tmp_check/log/*.log).  A test that merely mentions an error (a comment, an
# expected file of a test that did not run) does not count, so run this after
# the tests.
#
# Prints TAP (one test per check, failures explained on stderr, for prove);
# exit status non-zero when one fails.
# Usage: test/check-errors.pl [--sharedir=DIR] OUTPUT...
#   --sharedir   PostgreSQL's share directory (errcodes.txt); pg_config's
#   OUTPUT       pg_regress result files and server logs to look for errors in
use strict;
use warnings;
use Cwd qw(abs_path);
use File::Basename qw(dirname);
use Getopt::Long;
use Test::More;

my $sharedir;
GetOptions('sharedir=s' => \$sharedir)
  or die "usage: $0 [--sharedir=DIR] OUTPUT...\n";
# Without the output of a test run nothing can be shown to be exercised:
# refuse rather than pass or skip those checks.
die "usage: $0 [--sharedir=DIR] OUTPUT...\n"
  . "  give the pg_regress results (results/*.out) and the TAP server logs (tmp_check/log/*.log)\n"
  unless @ARGV;
# The output files are named from where the script was started.
my @outputs = map { -e $_ ? abs_path($_) : die "$_: no such file\n" } @ARGV;

chdir(dirname(__FILE__) . '/..') or die "chdir: $!\n";

$sharedir //= `pg_config --sharedir`;
chomp $sharedir;

# SQLSTATE and condition name of every errcode macro and condition name.
my (%by_macro, %by_condition);
open(my $ec, '<', "$sharedir/errcodes.txt") or die "$sharedir/errcodes.txt: $!\n";
while (<$ec>)
{
	next unless /^([0-9A-Z]{5})\s+[EWS]\s+(ERRCODE_\w+)(?:\s+(\w+))?/;
	my ($code, $macro, $name) = ($1, $2, $3);
	$by_macro{$macro} = $code;
	$by_condition{$name} //= $code if defined $name;
}
close $ec;
my %condition_of;
$condition_of{ $by_condition{$_} } //= $_ for sort keys %by_condition;
# Macros that share a code (ERRCODE_DATETIME_VALUE_OUT_OF_RANGE is 22008,
# datetime_field_overflow) are named by the condition of that code.

sub slurp
{
	my ($file) = @_;
	open(my $fh, '<', $file) or die "$file: $!\n";
	local $/;
	my $text = <$fh>;
	close $fh;
	return $text;
}

# The arguments of a call whose text starts just after its "(": split at
# top-level commas, up to the matching ")".
sub call_args
{
	my ($text, $pos) = @_;
	my ($depth, $arg, @args) = (0, '');
	while ($pos < length $text)
	{
		my $c = substr($text, $pos, 1);
		if ($c eq '"' || $c eq "'")
		{
			# a C string or character literal, with escapes
			my $end = $pos + 1;
			$end++ while $end < length $text
			  && (substr($text, $end, 1) ne $c || substr($text, $end - 1, 1) eq '\\'
				  && substr($text, $end - 2, 1) ne '\\');
			$arg .= substr($text, $pos, $end - $pos + 1);
			$pos = $end + 1;
			next;
		}
		if ($c eq '(') { $depth++; }
		elsif ($c eq ')')
		{
			if ($depth == 0) { push @args, $arg; last; }
			$depth--;
		}
		elsif ($c eq ',' && $depth == 0) { push @args, $arg; $arg = ''; $pos++; next; }
		$arg .= $c;
		$pos++;
	}
	s/^\s+|\s+$//g for @args;
	return @args;
}

# The value of an argument made of C string literals only, or undef.
sub c_string
{
	my ($arg) = @_;
	return undef unless $arg =~ /^(?:"(?:[^"\\]|\\.)*"\s*)+$/s;
	my $s = '';
	$s .= $1 while $arg =~ /"((?:[^"\\]|\\.)*)"/gs;
	$s =~ s/\\(.)/$1 eq 'n' ? "\n" : $1 eq 't' ? "\t" : $1/ge;
	return $s;
}

# A printf format with the string arguments that are literals filled in.
sub fill_format
{
	my ($fmt, @args) = @_;
	my $i = 0;
	$fmt =~ s{%(%|[-+ #0]*\d*(?:\.\d+)?(?:ll|l|h|z)?([a-zA-Z]))}{
		if ($1 eq '%') { '%%' }
		else
		{
			my $arg = $args[$i++];
			my $lit = defined $arg ? c_string($arg) : undef;
			($2 eq 's' && defined $lit) ? $lit : "%$1";
		}
	}ge;
	return $fmt;
}

# A regular expression matching what a format prints.
sub format_regex
{
	my ($fmt) = @_;
	my $re = '';
	for my $part (split /(%%|%[-+ #0]*\d*(?:\.\d+)?(?:ll|l|h|z)?[a-zA-Z])/, $fmt)
	{
		if ($part eq '%%') { $re .= '%'; }
		elsif ($part =~ /^%.*[diu]$/) { $re .= '-?\d+'; }
		elsif ($part =~ /^%/) { $re .= '.*?'; }
		else { $re .= quotemeta $part; }
	}
	return qr/$re/;
}

# --- what the sources raise ------------------------------------------------
my (@errors, @internal);
for my $file (sort glob('src/*.c'))
{
	my $text = slurp($file);
	while ($text =~ /\bereport\s*\(\s*ERROR\s*,/g)
	{
		my $start = pos $text;
		my $stmt = substr($text, $start, 4000);
		my ($macro) = $stmt =~ /errcode\s*\(\s*(ERRCODE_\w+)\s*\)/;
		die "$file: ereport without errcode near offset $start\n" unless $macro;
		die "$file: ereport without errmsg near offset $start\n" unless $stmt =~ /\berrmsg\s*\(/g;
		my @args = call_args($stmt, pos $stmt);
		my $fmt = c_string($args[0]);
		die "$file: errmsg without a literal format near offset $start\n" unless defined $fmt;
		my $code = $by_macro{$macro} or die "$file: unknown errcode $macro\n";
		push @errors, { where => $file, message => fill_format($fmt, @args[1 .. $#args]),
						code => $code, condition => $condition_of{$code} // lc($macro =~ s/^ERRCODE_//r) };
	}
	while ($text =~ /\belog\s*\(\s*ERROR\s*,/g)
	{
		my @args = call_args($text, pos $text);
		my $fmt = c_string($args[0]);
		die "$file: elog without a literal format\n" unless defined $fmt;
		push @internal, { where => $file, message => $fmt };
	}
}

# The RAISE EXCEPTIONs of an SQL script whose comments are out.
sub sql_raises
{
	my ($file, $text) = @_;
	while ($text =~ /\bRAISE\b(.*?);/gis)
	{
		my $raise = $1;
		next if $raise =~ /^\s*(?:DEBUG|LOG|INFO|NOTICE|WARNING)\b/i;
		die "$file: cannot read RAISE$raise; (write RAISE EXCEPTION 'message' USING ERRCODE = ...)\n"
		  unless $raise =~ /^\s*(?:EXCEPTION\s+)?'((?:[^']|'')*)'(.*)$/is;
		my ($fmt, $rest) = ($1, $2);
		$fmt =~ s/''/'/g;
		my ($name) = $rest =~ /ERRCODE\s*=\s*'(\w+)'/i;
		die "$file: RAISE EXCEPTION '$fmt' without ERRCODE\n" unless $name;
		my $code = ($name =~ /^[0-9A-Z]{5}$/ ? $name : $by_condition{$name})
		  or die "$file: unknown condition $name\n";
		# PL/pgSQL's % is printf's %s
		(my $printf = $fmt) =~ s/%/%s/g;
		push @errors, { where => $file, message => $printf, code => $code,
						condition => $condition_of{$code} // $name };
	}
}

my (@constraints, @triggers);
for my $file (sort glob('sql/install/*.sql'))
{
	my $text = slurp($file);
	# SQL comments out (not inside string literals: good enough for these
	# files, whose literals hold no "--")
	$text =~ s/--[^\n]*//g;
	sql_raises($file, $text);
	# Every CHECK, UNIQUE and EXCLUDE constraint has a name, so that its
	# error can be looked up.
	my $named = () = $text =~ /\bCONSTRAINT\s+\w+\s+(?:CHECK|UNIQUE|EXCLUDE)\b/gi;
	my $all = () = $text =~ /\b(?:CHECK\s*\(|UNIQUE\s*\(|UNIQUE\s+NULLS|EXCLUDE\s+USING)/gi;
	die "$file: name every CHECK, UNIQUE and EXCLUDE constraint (CONSTRAINT name CHECK ...)\n"
	  if $named != $all;
	push @constraints, map { { where => $file, name => $_ } }
	  ($text =~ /\bCONSTRAINT\s+(\w+)\s+(?:CHECK|PRIMARY\s+KEY|UNIQUE|FOREIGN\s+KEY|EXCLUDE)\b/gi),
	  ($text =~ /\bCREATE\s+UNIQUE\s+INDEX\s+(\w+)/gi);
	push @triggers, map { { where => $file, name => $_ } }
	  ($text =~ /\bCREATE\s+CONSTRAINT\s+TRIGGER\s+(\w+)/gi);
}

# The upgrade scripts: an update that stops says why.  (Their constraints and
# triggers are those of the install pieces.)
for my $file (sort glob('sql/*--*--*.sql'))
{
	(my $text = slurp($file)) =~ s/--[^\n]*//g;
	sql_raises($file, $text);
}

# One entry per distinct message (several ereports share one).
my %seen;
@errors = grep { !$seen{"$_->{message}\0$_->{code}"}++ } @errors;
%seen = ();
@internal = grep { !$seen{ $_->{message} }++ } @internal;

# --- what the catalogue says and the tests raised ---------------------------
my @doc = split /\n/, slurp('docs/errors.md');

# The messages of the errors the tests raised.  psql writes "ERROR:  message"
# at the start of a line of a pg_regress result; a server log line has its
# log_line_prefix first ("2024-... [1234] 001_extension.pl ERROR:  message"),
# " at character N" after the message when the error points into the query,
# and a tab before each further line of a message that spans lines.  With
# verbose error output the SQLSTATE comes before the message.  Server logs
# can be large: read line by line, keep each message once.
my (@raised, %raised);
sub raised
{
	my ($message) = @_;
	return unless defined $message;
	$message =~ s/ at character \d+$//;
	push @raised, $message unless $raised{$message}++;
}
for my $file (@outputs)
{
	open(my $fh, '<', $file) or die "$file: $!\n";
	my $message;
	while (my $line = <$fh>)
	{
		chomp $line;
		if (defined $message && $line =~ /^\t(.*)$/)
		{
			$message .= "\n$1";
			next;
		}
		raised($message);
		$message = $line =~ /(?:^|\s)ERROR:  (?:[0-9A-Z]{5}: )?(.*)$/ ? $1 : undef;
	}
	raised($message);
	close $fh;
}
my $outputs = scalar(@outputs) . ' output file' . (@outputs == 1 ? '' : 's');

# Which formats the raised messages show to have been raised.  A message fits
# every format whose pattern it matches; where it also fits a more specific
# format that is another message, not text the looser format can print, it
# was raised by that one only: "demo scale 0 is out of range" comes from
# "demo scale %g is out of range", not from "%s %d is out of range".  Where
# the more specific format is text the looser one prints as well ("invalid
# binary data for type answer" and "invalid binary data for type %s"), the
# output cannot tell them apart and the message counts for both.
my %exercised;
{
	my %pattern = map { $_->{message} => format_regex($_->{message}) } @errors;
	# literal characters of a format: how specific it is
	my %literal = map { $_ => length(s/%(?:%|[-+ #0]*\d*(?:\.\d+)?(?:ll|l|h|z)?[a-zA-Z])//gr) } keys %pattern;
	for my $m (@raised)
	{
		my @fits = grep { $m =~ /^$pattern{$_}$/s } keys %pattern;
		for my $f (@fits)
		{
			$exercised{$f} = 1
			  unless grep { $literal{$_} > $literal{$f} && $_ !~ /^$pattern{$f}$/s } @fits;
		}
	}
}

# The message as the catalogue writes it: in backquotes, as printed.
sub doc_form
{
	my ($message) = @_;
	return '`' . $message . '`';
}

# Errors that no test run can raise with the resources of a test machine:
# each is still catalogued; that it is not raised is printed, never counted
# as a passed test.
my %beyond_the_suite = (
	'person_cube cannot pass %llu persons from one parallel worker, at most %d' =>
	  'needs a parallel worker that counted over 82 million distinct persons (some 2 GB)',
	'country_person_cube cannot pass %llu persons from one parallel worker, at most %d' =>
	  'needs a parallel worker that counted over 82 million distinct persons per country (some 2 GB)',
);

for my $e (@errors)
{
	my $doc = doc_form($e->{message});
	my @rows = grep { index($_, $doc) >= 0 } @doc;
	ok(scalar(@rows), "documented: $e->{message}")
	  or diag("docs/errors.md has no line with $doc ($e->{where})");
	my @coded = grep { index($_, "`$e->{code}`") >= 0 && index($_, "`$e->{condition}`") >= 0 } @rows;
	ok(!@rows || @coded > 0, "documented with $e->{code} $e->{condition}: $e->{message}")
	  or diag("the line of docs/errors.md with $doc does not say $e->{code} ($e->{condition})");
	if (my $why = $beyond_the_suite{ $e->{message} })
	{
		note("not raised by the suite: $e->{message}: $why");
		next;
	}
	ok($exercised{ $e->{message} }, "exercised: $e->{message}")
	  or diag("no test raised it: no ERROR line of the $outputs given has this message ($e->{where})");
}
# Constraints that no row can break on their own, and why; still documented.
my %implied = (
	return_case_case_id_person_id_idx =>
	  'unique because case_id is: a row that would break it breaks return_case_pkey first',
);
for my $c (@constraints)
{
	my $doc = doc_form($c->{name});
	ok(scalar(grep { index($_, $doc) >= 0 } @doc), "documented: constraint $c->{name}")
	  or diag("docs/errors.md does not name $doc ($c->{where})");
	if (my $why = $implied{ $c->{name} })
	{
		note("not broken by the suite: constraint $c->{name}: $why");
		next;
	}
	ok(scalar(grep { /\bviolates [a-z ]*constraint "\Q$c->{name}\E"/ } @raised), "exercised: constraint $c->{name}")
	  or diag("no test broke it: no ERROR line of the $outputs given names constraint \"$c->{name}\" ($c->{where})");
}
# A constraint trigger is exercised through the RAISE of its function.
for my $t (@triggers)
{
	my $doc = doc_form($t->{name});
	ok(scalar(grep { index($_, $doc) >= 0 } @doc), "documented: constraint trigger $t->{name}")
	  or diag("docs/errors.md does not name $doc ($t->{where})");
}
for my $e (@internal)
{
	my $doc = doc_form($e->{message});
	ok(scalar(grep { index($_, $doc) >= 0 } @doc), "documented as internal: $e->{message}")
	  or diag("docs/errors.md has no line with $doc ($e->{where})");
}

done_testing();
