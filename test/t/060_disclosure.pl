# Disclosure control: an audit independent of migchain's code
# (test/publish/audit.py: the published relations as a linear program, each
# hidden cell minimised and maximised) of what migchain.published_cells
# publishes, on demo data and on a sheet made by hand where primary
# suppression alone would leak; the published figures and flags against
# plain SQL over the requests; and tests of the audit itself: it fails on a
# pattern that leaks, its model check fails on figures that break the rules,
# and on single tables the cells its LP finds determined are exactly the
# bridges of the graph of hidden cells.
use strict;
use warnings;
use File::Spec;
use IPC::Run;
use JSON::PP;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

# Debian's python3, where python3-psycopg2 and python3-scipy install.
my $python = '/usr/bin/python3';
my $audit = File::Spec->rel2abs('test/publish/audit.py');
my $tmp = PostgreSQL::Test::Utils::tempdir;

my $node = PostgreSQL::Test::Cluster->new('disclosure');
$node->init;
$node->append_conf('postgresql.conf', "migchain.language = 'en'\n");
$node->start;
$node->safe_psql('postgres', 'CREATE ROLE analyst LOGIN');

# Runs the audit; returns its exit status and output (stderr after stdout).
sub run_audit
{
	my @args = @_;
	my ($out, $err) = ('', '');
	# IPC::Run dies when the program is not there: a failure, not the end.
	my $ran = eval { IPC::Run::run([ $python, $audit, @args ], '>', \$out, '2>', \$err); 1 };
	return (-1, "could not run $python $audit: $@") unless $ran;
	return ($? >> 8, $out . $err);
}

sub write_file
{
	my ($name, $text) = @_;
	my $path = "$tmp/$name";
	open my $fh, '>', $path or die "$path: $!";
	print $fh $text;
	close $fh;
	return $path;
}

# The cells migchain hides, by the audit's summary line.
sub audit_summary
{
	my ($out) = @_;
	return $out =~ /^audit: (\d+) blocks, (\d+) hidden cells \((\d+) primary, (\d+) secondary\), (\d+) leaks, (\d+) model errors: (\w+(?: \w+)?)$/m
	  ? { blocks => $1, hidden => $2, primary => $3, secondary => $4, leaks => $5, errors => $6, verdict => $7 }
	  : undef;
}

# --- the published figures against plain SQL --------------------------------
# The true count of every cell from the requests (plain SQL, sharing nothing
# with migchain but the rows), the countries without a process from the
# routes, and what the rules make of them with base $b and threshold $s:
# x = 0 shown 0 exactly or hidden (to protect another cell), 1..s-1
# hidden, otherwise round(x) to the nearest multiple of b (halves up) or
# hidden.  Returns the counts of cells that
# break the rules and of the kinds of cells checked.
sub plain_truth
{
	return q{
	  WITH req AS (
	    SELECT date_part('year', presented_on)::int AS year,
	           CASE WHEN kind = 'LP' THEN 'LP' ELSE 'T&O' END AS kind,
	           country::text AS cc,
	           CASE WHEN answer = 'positive' THEN 'positive' WHEN answer = 'negative' THEN 'negative'
	                WHEN answer = 'withdrawn' THEN 'withdrawn' ELSE 'pending' END AS a
	      FROM migchain.request),
	  grid AS (
	    SELECT y AS year, k AS kind
	      FROM generate_series((SELECT min(year) FROM req), (SELECT max(year) FROM req)) y,
	           unnest(ARRAY['LP', 'T&O']) k),
	  truth AS (
	    SELECT 1 AS sheet, g.year, g.kind, NULL::text AS cc, m AS measure,
	           (SELECT count(*) FROM req r
	             WHERE r.year = g.year AND r.kind = g.kind AND (m = 'presented' OR r.a = m)) AS x
	      FROM grid g, unnest(ARRAY['presented', 'positive', 'negative', 'withdrawn', 'pending']) m
	    UNION ALL
	    SELECT CASE r.kind WHEN 'LP' THEN 3 ELSE 2 END, r.year, r.kind, c.cc, m,
	           count(*) FILTER (WHERE m = 'presented' OR r.a = m
	                              OR (m = 'not_confirmed' AND r.a IN ('negative', 'withdrawn')))
	      FROM req r
	     CROSS JOIN LATERAL (VALUES (r.cc), (NULL)) c(cc)
	     CROSS JOIN unnest(ARRAY['negative', 'withdrawn', 'not_confirmed', 'presented']) m
	     GROUP BY 1, 2, 3, 4, 5),
	  process AS (
	    SELECT y.year, y.kind, cr.country::text AS cc, bool_or(cr.has_process) AS has_process
	      FROM (SELECT DISTINCT year, kind FROM req) y
	      JOIN migchain.country_route cr
	        ON CASE WHEN cr.kind = 'LP' THEN 'LP' ELSE 'T&O' END = y.kind
	       AND cr.valid_from < make_date(y.year + 1, 1, 1)
	       AND coalesce(cr.valid_to, 'infinity') > make_date(y.year, 1, 1)
	     GROUP BY 1, 2, 3),
	  no_process AS (
	    SELECT p.year, p.kind, p.cc FROM process p
	     WHERE NOT p.has_process
	       AND NOT EXISTS (SELECT 1 FROM req r WHERE (r.year, r.kind, r.cc) = (p.year, p.kind, p.cc)))
	};
}

sub check_published
{
	my ($db, $b, $s, $what) = @_;
	my $truth = plain_truth();
	my $half = int($b / 2);
	my $raw = ($b == 1 && $s <= 1) ? 'true' : 'false';
	my $rounded_flag = $b > 1 ? q{'rounded'} : 'NULL::text';
	my $res = $node->safe_psql($db, qq{$truth,
	  pub AS (SELECT * FROM migchain.published_cells(NULL, NULL, $b, $s)),
	  joined AS (
	    SELECT p.*, t.x AS tx,
	           CASE WHEN p.sheet = 1 OR p.country_code IS NULL THEN coalesce(t.x, 0) ELSE t.x END AS x
	      FROM pub p
	      LEFT JOIN truth t
	        ON (t.sheet, t.year, t.kind, t.measure) = (p.sheet, p.year, p.kind, p.measure)
	       AND t.cc IS NOT DISTINCT FROM p.country_code),
	  judged AS (
	    SELECT j.*,
	           CASE WHEN j.flag = 'no process' THEN j.value IS NULL AND j.tx IS NULL
	                WHEN j.x IS NULL THEN false
	                WHEN j.x = 0 THEN (j.value = 0 AND j.flag IS NULL)
	                                  OR (j.value IS NULL AND j.flag = 'suppressed' AND NOT $raw)
	                WHEN j.x < $s THEN j.value IS NULL AND j.flag = 'suppressed'
	                ELSE (j.value = (j.x + $half) / $b * $b AND j.flag IS NOT DISTINCT FROM $rounded_flag)
	                     OR (j.value IS NULL AND j.flag = 'suppressed' AND NOT $raw)
	           END AND coalesce(j.value % $b = 0, true) AS ok
	      FROM joined j)
	  SELECT (SELECT count(*) FILTER (WHERE NOT ok) FROM judged)
	       + (SELECT count(*) FROM truth t
	           WHERE NOT EXISTS (SELECT 1 FROM pub p
	                              WHERE (p.sheet, p.year, p.kind, p.measure) = (t.sheet, t.year, t.kind, t.measure)
	                                AND p.country_code IS NOT DISTINCT FROM t.cc)),
	         (SELECT count(*) FROM judged WHERE flag = 'rounded'),
	         (SELECT count(*) FROM judged WHERE flag = 'suppressed'),
	         (SELECT count(*) FROM judged WHERE value = 0 AND flag IS NULL),
	         (SELECT count(*) FROM judged WHERE flag IS NULL AND value > 0),
	         (SELECT count(*) FROM judged WHERE sheet > 1 AND country_code IS NULL AND value IS NOT NULL),
	         -- the countries without a process: exactly those of the routes
	         (SELECT count(*) FROM ((SELECT DISTINCT year, kind, country_code FROM pub WHERE flag = 'no process'
	                                 EXCEPT SELECT year, kind, cc FROM no_process)
	                                UNION ALL
	                                (SELECT year, kind, cc FROM no_process
	                                 EXCEPT SELECT DISTINCT year, kind, country_code FROM pub
	                                         WHERE flag = 'no process')) d),
	         (SELECT count(*) FROM pub WHERE flag = 'no process'),
	         -- the total row shows sheet 1's figures, with the same flags
	         (SELECT count(*) FROM pub t JOIN pub o
	             ON (o.sheet, o.year, o.kind, o.measure) = (1, t.year, t.kind, t.measure)
	          WHERE t.sheet > 1 AND t.country_code IS NULL AND t.measure <> 'not_confirmed'
	            AND (o.value IS DISTINCT FROM t.value OR o.flag IS DISTINCT FROM t.flag)),
	         (SELECT count(*) FROM pub t
	          WHERE t.sheet > 1 AND t.country_code IS NULL AND t.measure <> 'not_confirmed')});
	my ($bad, $rounded, $hidden, $zeros, $exact, $totals, $np_differ, $np_cells, $total_differ, $total_cells) =
	  split /\|/, $res;
	is($bad, 0, "$what: every figure and flag follows the rules, by plain SQL over the requests");
	is($np_differ, 0, "$what: the rows flagged 'no process' are the countries the routes give no process");
	cmp_ok($np_cells, '>', 0, "$what: there are no-process cells ($np_cells), with NULL values");
	is($np_cells % 4, 0, "$what: a no-process row has its four measures flagged");
	is($total_differ, 0, "$what: the total rows show sheet 1's figures and flags ($total_cells cells)");
	cmp_ok($hidden, '>', 0, "$what: cells are hidden ($hidden)") if $s > 1;
	if ($b > 1)
	{
		cmp_ok($rounded, '>', 0, "$what: figures are rounded ($rounded)");
		is($exact, 0, "$what: no figure but 0 is shown exactly");
	}
	else
	{
		is($rounded, 0, "$what: base 1: no figure is flagged rounded");
		cmp_ok($exact, '>', 0, "$what: base 1: figures are exact ($exact)");
	}
	cmp_ok($totals, '>', 0, "$what: totals are checked against the sums of the requests ($totals shown)");
	return;
}

# --- (a) demo data: migchain's pattern passes the audit ---------------------
my %hidden_by;
for my $seed (1, 2)
{
	my $db = "demo$seed";
	$node->safe_psql('postgres', "CREATE DATABASE $db");
	$node->safe_psql($db, 'CREATE EXTENSION migchain');
	my $made = $node->safe_psql($db, "SELECT migchain.generate_demo($seed, 0.05, with_cases => false)");
	cmp_ok($made, '>', 1000, "$db: demo data ($made requests)");
	$node->safe_psql($db, "SELECT migchain.grant_analyst('analyst')");
	# the analyst reads the publication, the superuser the unrounded counts
	my $reader = $node->connstr($db) . ' user=analyst';
	my $admin = $node->connstr($db);
	for my $bs ([ 10, 5 ], [ 5, 5 ], [ 1, 5 ])
	{
		my ($b, $s) = @$bs;
		my $what = "$db base $b threshold $s";
		my ($status, $out) = run_audit($reader, '--base', $b, '--threshold', $s, '--truth', $admin);
		is($status, 0, "$what: the audit passes") or diag($out);
		my $sum = audit_summary($out);
		ok($sum && $sum->{verdict} eq 'PASS' && $sum->{leaks} == 0 && $sum->{errors} == 0,
			"$what: the audit reports no leak and no model error")
		  or diag($out);
		cmp_ok($sum ? $sum->{blocks} : 0, '==', 12, "$what: 12 blocks audited (2017-2022, LP and T&O)");
		cmp_ok($sum ? $sum->{primary} : 0, '>', 0, "$what: primary cells hidden");
		note(sprintf('summary: %s: %d hidden cells, %d primary, %d secondary', $what,
				$sum->{hidden}, $sum->{primary}, $sum->{secondary}))
		  if $sum;
		$hidden_by{secondary} += $sum->{secondary} if $sum;
		check_published($db, $b, $s, $what);
	}
}
cmp_ok($hidden_by{secondary} // 0, '>', 0,
	'demo data: secondary suppression was needed somewhere (and audited)');

# --- (b) a sheet made by hand ---------------------------------------------------
# Each block shows one way primary suppression alone (the counts 1..4
# hidden) gives a hidden count away:
#   2020 T&O  Albania: negative 3 beside withdrawn 100, Armenia: 4 beside
#             60: negative = not_confirmed - withdrawn in the row;
#   2020 LP   Morocco: negative 1, withdrawn 2, not_confirmed 3, the only
#             small cells of their columns: each is its column's total minus
#             the other countries;
#   2021 LP   pending 3, the year's only small figure of sheet 1: presented
#             minus positive, negative and withdrawn (sheet 1 only);
#   2021 T&O  Albania alone: every figure of its row is a total (negative 3);
#   2022 LP   Morocco's one request (positive): presented 1, the rest 0 of its
#             row shown; the other rows' presented are shown, so the total
#             gives it.  A trap for secondary suppression too: hiding
#             Algeria's presented beside it (20, all of it not confirmed, so
#             it can only grow) lets Morocco's presented only fall, to 0, and
#             a country listed has requests: it stays 1.
# 2019 LP is harmless; 2019 and 2022 T&O have no requests (zeros); Somalia
# has no LP process (no-process rows in every LP year).
my @requests = (
	# kind, year, country, positive, negative, withdrawn, pending
	[ 'LP', 2019, 'MA', 20, 10, 10, 0 ],
	[ 'LP', 2019, 'DZ', 15, 12, 8, 5 ],
	[ 'T&O', 2020, 'AL', 97, 3, 100, 0 ],
	[ 'T&O', 2020, 'AM', 36, 4, 60, 0 ],
	[ 'T&O', 2020, 'AZ', 50, 25, 15, 10 ],
	[ 'LP', 2020, 'MA', 47, 1, 2, 0 ],
	[ 'LP', 2020, 'DZ', 40, 20, 40, 0 ],
	[ 'LP', 2020, 'NG', 50, 10, 60, 0 ],
	[ 'LP', 2021, 'MA', 100, 20, 30, 3 ],
	[ 'LP', 2021, 'DZ', 30, 10, 10, 0 ],
	[ 'T&O', 2021, 'AL', 60, 3, 30, 7 ],
	[ 'LP', 2022, 'MA', 1, 0, 0, 0 ],
	[ 'LP', 2022, 'DZ', 0, 10, 10, 0 ],
	[ 'LP', 2022, 'NG', 30, 10, 10, 0 ],
);
$node->safe_psql('postgres', 'CREATE DATABASE handmade');
$node->safe_psql('handmade', q{
	CREATE EXTENSION migchain;
	CREATE SEQUENCE person_seq;
	INSERT INTO migchain.country_route (country, kind, valid_from, has_process)
	VALUES ('SO', 'LP', '2000-01-01', false);
});
for my $r (@requests)
{
	my ($kind, $year, $cc, $pos, $neg, $wd, $pend) = @$r;
	$node->safe_psql('handmade', qq{
	INSERT INTO migchain.request (kind, answer, country, presented_on, answered_on, person_id)
	SELECT '$kind', v.a::migchain.answer, '$cc', make_date($year, 3, 1),
	       CASE WHEN v.a = 'pending' THEN NULL ELSE make_date($year, 4, 1) END, nextval('person_seq')
	  FROM (VALUES ('positive', $pos), ('negative', $neg), ('withdrawn', $wd), ('pending', $pend)) v(a, n),
	       generate_series(1, v.n)});
}
$node->safe_psql('handmade', "SELECT migchain.grant_analyst('analyst')");
my $reader = $node->connstr('handmade') . ' user=analyst';
my $admin = $node->connstr('handmade');

# Figures worked out by hand (base 10, threshold 5): the zeros (the only
# figures shown exactly), the primary cells, which secondary suppression
# cannot change, and the no-process rows.
my $primary = q{(3, 2020, 'LP', 'MA', 'negative'), (3, 2020, 'LP', 'MA', 'withdrawn'),
	(3, 2020, 'LP', 'MA', 'not_confirmed'), (2, 2020, 'T&O', 'AL', 'negative'),
	(2, 2020, 'T&O', 'AM', 'negative'), (1, 2021, 'LP', '-', 'pending'),
	(1, 2021, 'T&O', '-', 'negative'), (2, 2021, 'T&O', 'AL', 'negative'),
	(2, 2021, 'T&O', '-', 'negative')};
is($node->safe_psql('handmade', qq{
	SELECT string_agg(concat_ws(' ', sheet, year, kind, coalesce(country_code, '-'), measure,
	                            coalesce(value::text, 'NULL'), coalesce(flag, 'NULL')), E'\\n'
	                  ORDER BY sheet, year, kind, coalesce(country_code, '~'),
	                           array_position(ARRAY['presented', 'positive', 'negative', 'withdrawn',
	                                                'pending', 'not_confirmed'], measure))
	  FROM migchain.published_cells(2019, 2021)
	 WHERE flag IS NULL OR flag = 'no process'
	    OR (sheet, year, kind, coalesce(country_code, '-'), measure) IN ($primary)}),
	join("\n",
		'1 2019 T&O - presented 0 NULL',
		'1 2019 T&O - positive 0 NULL',
		'1 2019 T&O - negative 0 NULL',
		'1 2019 T&O - withdrawn 0 NULL',
		'1 2019 T&O - pending 0 NULL',
		'1 2020 LP - pending 0 NULL',
		'1 2021 LP - pending NULL suppressed',
		'1 2021 T&O - negative NULL suppressed',
		'2 2019 T&O - presented 0 NULL',
		'2 2019 T&O - negative 0 NULL',
		'2 2019 T&O - withdrawn 0 NULL',
		'2 2019 T&O - not_confirmed 0 NULL',
		'2 2020 T&O AL negative NULL suppressed',
		'2 2020 T&O AM negative NULL suppressed',
		'2 2021 T&O AL negative NULL suppressed',
		'2 2021 T&O - negative NULL suppressed',
		'3 2019 LP SO presented NULL no process',
		'3 2019 LP SO negative NULL no process',
		'3 2019 LP SO withdrawn NULL no process',
		'3 2019 LP SO not_confirmed NULL no process',
		'3 2020 LP MA negative NULL suppressed',
		'3 2020 LP MA withdrawn NULL suppressed',
		'3 2020 LP MA not_confirmed NULL suppressed',
		'3 2020 LP SO presented NULL no process',
		'3 2020 LP SO negative NULL no process',
		'3 2020 LP SO withdrawn NULL no process',
		'3 2020 LP SO not_confirmed NULL no process',
		'3 2021 LP SO presented NULL no process',
		'3 2021 LP SO negative NULL no process',
		'3 2021 LP SO withdrawn NULL no process',
		'3 2021 LP SO not_confirmed NULL no process'),
	'hand-made sheet: the zeros, the primary cells and the no-process rows, as worked out by hand');
# The one country of 2021 T&O: its row and the total row are the same
# figures, so they must show the same (a cell hidden in one and shown in the
# other gives it away).
is($node->safe_psql('handmade', q{
	SELECT count(*) FROM migchain.published_cells(2021, 2021) c
	  JOIN migchain.published_cells(2021, 2021) t USING (sheet, year, kind, measure)
	 WHERE c.kind = 'T&O' AND c.sheet = 2 AND c.country_code = 'AL' AND t.country_code IS NULL
	   AND (c.value IS NOT DISTINCT FROM t.value AND c.flag IS NOT DISTINCT FROM t.flag)}),
	'4', 'hand-made sheet: 2021 T&O, one country: its row shows what the total row shows');

# The figures and flags against plain SQL, for both parameter sets.
check_published('handmade', 10, 5, 'hand-made sheet base 10 threshold 5');
check_published('handmade', 1, 5, 'hand-made sheet base 1 threshold 5');

# Primary suppression alone: the cells of counts 1..4, from the unrounded
# counts.
my $naive = write_file('naive.json', $node->safe_psql('handmade', q{
	SELECT json_agg(json_build_object('sheet', sheet, 'year', year, 'kind', kind,
	                                  'country_code', country_code, 'measure', measure))
	  FROM migchain.published_cells(NULL, NULL, 1, 0)
	 WHERE value BETWEEN 1 AND 4}));
my @naive_leaks_exact = (
	'LEAK 2020 LP sheet 3 MA negative: feasible [1, 1] (width 0 < 1), true 1',
	'LEAK 2020 LP sheet 3 MA withdrawn: feasible [2, 2] (width 0 < 1), true 2',
	'LEAK 2020 LP sheet 3 MA not_confirmed: feasible [3, 3] (width 0 < 1), true 3',
	'LEAK 2020 T&O sheet 2 AL negative: feasible [3, 3] (width 0 < 1), true 3',
	'LEAK 2020 T&O sheet 2 AM negative: feasible [4, 4] (width 0 < 1), true 4',
	'LEAK 2021 LP sheet 1 pending: feasible [3, 3] (width 0 < 1), true 3',
	'LEAK 2021 T&O sheet 1 negative: feasible [3, 3] (width 0 < 1), true 3',
	'LEAK 2021 T&O sheet 2 AL negative: feasible [3, 3] (width 0 < 1), true 3',
	'LEAK 2021 T&O sheet 2 total negative: feasible [3, 3] (width 0 < 1), true 3',
	'LEAK 2022 LP sheet 3 MA presented: feasible [1, 1] (width 0 < 1), true 1');
# Rounded to tens, a row still gives negative = not_confirmed - withdrawn
# within 9 (two figures each known within [v-5, v+4]); the column and
# sheet 1 leaks are covered by the rounding: Morocco's counts of 2020 lie
# anywhere in [0, 14] (e.g. withdrawn = 100 - 40 - 60 with each figure 5
# off), the pending of 2021 LP in [0, 14] (presented - positive - not
# confirmed: 204 - 125 - 65 at most), Morocco's presented of 2022 in [1, 13]
# (presented - Algeria's - Nigeria's, where presented = positive + not
# confirmed <= 34 + Algeria's presented + 24: at most 58 - 45).
my @naive_covered_rounded = (
	'hidden 2020 LP sheet 3 MA negative: feasible [0, 14], true 1',
	'hidden 2020 LP sheet 3 MA withdrawn: feasible [0, 14], true 2',
	'hidden 2020 LP sheet 3 MA not_confirmed: feasible [0, 14], true 3',
	'hidden 2021 LP sheet 1 pending: feasible [0, 14], true 3',
	'hidden 2022 LP sheet 3 MA presented: feasible [1, 13], true 1');
my @naive_leaks_rounded = (
	'LEAK 2020 T&O sheet 2 AL negative: feasible [0, 9] (width 9 < 10), true 3',
	'LEAK 2020 T&O sheet 2 AM negative: feasible [0, 9] (width 9 < 10), true 4',
	'LEAK 2021 T&O sheet 1 negative: feasible [0, 9] (width 9 < 10), true 3',
	'LEAK 2021 T&O sheet 2 AL negative: feasible [0, 9] (width 9 < 10), true 3',
	'LEAK 2021 T&O sheet 2 total negative: feasible [0, 9] (width 9 < 10), true 3');
for my $case ([ 1, 5, \@naive_leaks_exact ], [ 10, 5, \@naive_leaks_rounded ])
{
	my ($b, $s, $leaks) = @$case;
	my $what = "hand-made sheet base $b threshold $s";
	my ($status, $out) = run_audit($admin, '--base', $b, '--threshold', $s, '--pattern', $naive);
	is($status, 1, "$what: primary suppression alone fails the audit (exit 1)") or diag($out);
	is(join("\n", grep { /^LEAK / } split /\n/, $out), join("\n", @$leaks),
		"$what: primary suppression alone: the cells that leak, worked out by hand");
	if ($b == 10)
	{
		my (undef, $verbose) = run_audit($admin, '--base', $b, '--threshold', $s, '--pattern', $naive,
			'--verbose');
		my %leaking = map { /^LEAK (.*?):/ ? ($1 => 1) : () } split /\n/, $verbose;
		is(join("\n", grep { /^hidden (.*?):/ && !$leaking{$1} } split /\n/, $verbose),
			join("\n", @naive_covered_rounded),
			"$what: primary suppression alone: the cells the rounding covers, and their ranges");
	}
	like($out, qr/^audit: 8 blocks, 10 hidden cells \(10 primary, 0 secondary\), ${\ scalar @$leaks} leaks, 0 model errors: FAIL$/m,
		"$what: primary suppression alone: 10 cells hidden, all primary");

	($status, $out) = run_audit($reader, '--base', $b, '--threshold', $s, '--truth', $admin);
	is($status, 0, "$what: migchain's pattern passes the audit") or diag($out);
	my $sum = audit_summary($out);
	ok($sum && $sum->{primary} == 10 && $sum->{secondary} > 0,
		"$what: migchain hides the 10 primary cells and more")
	  or diag($out);
	note(sprintf('summary: %s: %d hidden cells, %d primary, %d secondary', $what,
			$sum->{hidden}, $sum->{primary}, $sum->{secondary}))
	  if $sum;
	# the same period as a part of a longer one: blocks are decided alone
	($status, $out) = run_audit($reader, '--from', 2020, '--to', 2021, '--base', $b, '--threshold', $s,
		'--truth', $admin);
	is($status, 0, "$what: 2020-2021 alone passes the audit") or diag($out);
}
# 2022 LP with exact figures: Morocco's presented (1) is hidden and the rest
# of its row shown (zeros); what migchain hides beside it must leave it more
# than one value, knowing that a country listed has requests.
is($node->safe_psql('handmade', q{
	SELECT string_agg(concat_ws(' ', measure, coalesce(value::text, 'NULL'), coalesce(flag, 'NULL')), ', '
	                  ORDER BY array_position(ARRAY['negative', 'withdrawn', 'not_confirmed', 'presented'], measure))
	  FROM migchain.published_cells(2022, 2022, 1, 5) WHERE kind = 'LP' AND country_code = 'MA'}),
	'negative 0 NULL, withdrawn 0 NULL, not_confirmed 0 NULL, presented NULL suppressed',
	'hand-made sheet base 1 threshold 5: 2022 LP, Morocco: presented hidden, the zeros shown');
{
	my ($status, $out) = run_audit($reader, '--from', 2022, '--to', 2022, '--base', 1, '--threshold', 5,
		'--truth', $admin);
	is($status, 0, 'hand-made sheet base 1 threshold 5: 2022 LP: migchain protects a presented of 1 in a listed row')
	  or diag($out);
	# without presented >= 1 (the relations of the spec alone) it passes:
	# the listing is what gives the cell away
	($status, $out) = run_audit($reader, '--from', 2022, '--to', 2022, '--base', 1, '--threshold', 5,
		'--truth', $admin, '--spec-relations');
	is($status, 0, 'hand-made sheet base 1 threshold 5: 2022 LP passes the relations of the spec alone')
	  or diag($out);
}
is($node->safe_psql('handmade', q{
	SELECT count(*) FROM (
	  (SELECT sheet, year, kind, country_code, measure, value, flag
	     FROM migchain.published_cells(2020, 2021)
	   EXCEPT ALL
	   SELECT sheet, year, kind, country_code, measure, value, flag
	     FROM migchain.published_cells(2019, 2021) WHERE year >= 2020)
	  UNION ALL
	  (SELECT sheet, year, kind, country_code, measure, value, flag
	     FROM migchain.published_cells(2019, 2021) WHERE year >= 2020
	   EXCEPT ALL
	   SELECT sheet, year, kind, country_code, measure, value, flag
	     FROM migchain.published_cells(2020, 2021))) d}),
	'0', 'hand-made sheet: a year publishes the same cells whatever the period');

# --- the audit's model check fails on figures against the model -------------
# The unrounded counts with the positive answers of 2020 LP one more (the
# rounded figure still holds it: only sheet 1's sum breaks), and the
# publication with a figure one base off.
{
	my $published = write_file('published.json', $node->safe_psql('handmade',
			'SELECT json_agg(c) FROM migchain.published_cells(NULL, NULL, 10, 5) c'));
	my $truth = decode_json($node->safe_psql('handmade',
			'SELECT json_agg(c) FROM migchain.published_cells(NULL, NULL, 1, 0) c'));
	for my $c (@$truth)
	{
		$c->{value} += 1
		  if $c->{sheet} == 1 && $c->{year} == 2020 && $c->{kind} eq 'LP' && $c->{measure} eq 'positive';
	}
	my $bad_truth = write_file('bad-truth.json', encode_json($truth));
	my ($status, $out) = run_audit('--cells', $published, '--truth-cells', $bad_truth,
		'--base', 10, '--threshold', 5);
	is($status, 3, 'a true table that breaks a relation: the audit reports a model error (exit 3)')
	  or diag($out);
	like($out, qr/^MODEL the unrounded counts break 2020 LP sheet 1 row: s1:presented=270 \+ -1\*s1:positive=138 \+ -1\*s1:negative=31 \+ -1\*s1:withdrawn=102 \+ -1\*s1:pending=0 = 0$/m,
		'a true table that breaks a relation: the relation and its figures named')
	  or diag($out);
	($status, $out) = run_audit('--cells', $published, '--truth-cells',
		write_file('truth.json', $node->safe_psql('handmade',
				'SELECT json_agg(c) FROM migchain.published_cells(NULL, NULL, 1, 0) c')),
		'--base', 10, '--threshold', 5);
	is($status, 0, 'the same from files, untouched: the audit passes') or diag($out);

	my $cells = decode_json($node->safe_psql('handmade',
			'SELECT json_agg(c) FROM migchain.published_cells(NULL, NULL, 10, 5) c'));
	for my $c (@$cells)
	{
		$c->{value} += 10
		  if $c->{sheet} == 1 && $c->{year} == 2019 && $c->{kind} eq 'LP' && $c->{measure} eq 'presented';
	}
	my $bad_cells = write_file('bad-cells.json', encode_json($cells));
	($status, $out) = run_audit($admin, '--cells', $bad_cells, '--base', 10, '--threshold', 5);
	is($status, 3, 'a published figure one base off: the audit reports a model error (exit 3)')
	  or diag($out);
	like($out, qr/^MODEL 2019 LP sheet 1 presented: true count 80 outside what the publication leaves open \[85, 94\]$/m,
		'a published figure one base off: outside what it leaves open')
	  or diag($out);
	like($out, qr/^RULE 2019 LP sheet 1 presented: true count 80 published as 90 \(flag rounded\)$/m,
		'a published figure one base off: against the rules');
}

# --- (c) the oracle itself: the LP against the exact criterion --------------
# For one table with its margins, exact figures: a hidden cell is determined
# iff it is a bridge of the bipartite graph of the rows and the columns
# (margins included) with an edge per hidden cell.  Cells are row,column
# from 0, T the margin.  Worked out by hand:
#   naive     primary suppression of a table with one small cell (3): alone in
#             its row and column, it is a bridge;
#   naive2    two small cells (3, 4) in one row: the row's equation holds both,
#             but each is alone in its column: both bridges;
#   rectangle a 2x2 block of hidden cells: a cycle, nothing determined;
#   pendant   a rectangle and a cell alone elsewhere: only that one;
#   margins   a cell and its row total: the column gives the cell, then the
#             row its total;
#   path      a path 0,0 - 0,1 - 1,1 (a tree): every cell determined;
#   corner    a cell, its row and column totals and the grand total: a cycle
#             through the margins, nothing determined.
my $tables = write_file('tables.json', encode_json([
	{ name => 'naive', cells => [ [ 20, 3, 30 ], [ 15, 25, 40 ], [ 10, 12, 8 ] ], hidden => [ [ 0, 1 ] ] },
	{ name => 'naive2', cells => [ [ 20, 3, 4 ], [ 15, 25, 40 ], [ 10, 12, 8 ] ],
	  hidden => [ [ 0, 1 ], [ 0, 2 ] ] },
	{ name => 'rectangle', cells => [ [ 20, 3, 30 ], [ 15, 4, 40 ], [ 10, 12, 8 ] ],
	  hidden => [ [ 0, 1 ], [ 0, 2 ], [ 1, 1 ], [ 1, 2 ] ] },
	{ name => 'pendant', cells => [ [ 20, 3, 30 ], [ 15, 4, 40 ], [ 10, 12, 2 ] ],
	  hidden => [ [ 0, 0 ], [ 0, 1 ], [ 1, 0 ], [ 1, 1 ], [ 2, 2 ] ] },
	{ name => 'margins', cells => [ [ 20, 3, 30 ], [ 15, 4, 40 ] ], hidden => [ [ 0, 1 ], [ 0, 'T' ] ] },
	{ name => 'path', cells => [ [ 2, 3 ], [ 5, 4 ] ], hidden => [ [ 0, 0 ], [ 0, 1 ], [ 1, 1 ] ] },
	{ name => 'corner', cells => [ [ 2, 3 ], [ 5, 4 ] ],
	  hidden => [ [ 'T', 'T' ], [ 0, 'T' ], [ 'T', 0 ], [ 0, 0 ] ] },
]));
{
	my ($status, $out) = run_audit('--tables', $tables);
	is($status, 0, 'single tables: the LP and the bridges agree (exit 0)') or diag($out);
	is($out, join("\n",
		'table naive: 3x3, 1 hidden; determined (LP): 0,1; bridges: 0,1; agree',
		'table naive2: 3x3, 2 hidden; determined (LP): 0,1 0,2; bridges: 0,1 0,2; agree',
		'table rectangle: 3x3, 4 hidden; determined (LP): -; bridges: -; agree',
		'table pendant: 3x3, 5 hidden; determined (LP): 2,2; bridges: 2,2; agree',
		'table margins: 2x3, 2 hidden; determined (LP): 0,1 0,T; bridges: 0,1 0,T; agree',
		'table path: 2x2, 3 hidden; determined (LP): 0,0 0,1 1,1; bridges: 0,0 0,1 1,1; agree',
		'table corner: 2x2, 4 hidden; determined (LP): -; bridges: -; agree',
		'tables: 7 checked, 0 disagree, 0 refused') . "\n",
		'single tables: what the LP and the bridges find, worked out by hand');

	# many random tables and patterns, some cells determined and some not
	($status, $out) = run_audit('--random-tables', 300, '--seed', 7);
	is($status, 0, 'random tables: the LP and the bridges agree (exit 0)') or diag($out);
	my ($det, $free) = $out =~ /^random tables: 300 checked, \d+ hidden cells, (\d+) determined, (\d+) not determined, 0 disagree$/m;
	ok(($det // 0) > 0 && ($free // 0) > 0,
		'random tables: both determined and undetermined hidden cells were compared')
	  or diag($out);

	# the equivalence needs the hidden cells positive (zeros are never
	# hidden): a hidden zero is refused, not judged
	($status, $out) = run_audit('--tables', write_file('zero.json', encode_json([
		{ name => 'zero', cells => [ [ 0, 3 ], [ 5, 4 ] ], hidden => [ [ 0, 0 ], [ 0, 1 ], [ 1, 0 ], [ 1, 1 ] ] } ])));
	is($status, 3, 'single tables: a hidden zero is refused (exit 3)');
	like($out, qr/^table zero: hidden cell 0,0 is 0: hidden cells must be positive$/m,
		'single tables: a hidden zero is named');
}

done_testing();
