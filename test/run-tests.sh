#!/bin/bash
# Run the whole suite against the installed extension:
#   1. the pg_regress tests (sql/*.sql) in a throwaway cluster (pg_virtualenv);
#   2. make check-generated: generated sources match their generators;
#   3. test/check-errors.pl: docs/errors.md lists every error, and a test
#      exercises each one (one test per check);
#   4. the fuzzers (make fuzz), FUZZ_SECONDS each (default 5), one test per
#      fuzzer run; a parser without a harness, seeds or a build line fails
#      the run (that they exist is not a test of its own);
#   5. a smoke run of make bench at the smallest scale (results, not times);
#   6. the TAP tests (test/t/*.pl) with PostgreSQL::Test::Cluster, as the
#      postgres user when run as root (initdb refuses root).
# Prints regression.diffs and the output of failing TAP files, ends with one
# line "N passed, N failed" and exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.."

PG_CONFIG=${PG_CONFIG:-pg_config}
bindir=$($PG_CONFIG --bindir)
pgxs=$(cd "$(dirname "$($PG_CONFIG --pgxs)")/../.." && pwd)
major=$($PG_CONFIG --version | sed -n 's/^PostgreSQL \([0-9]*\).*/\1/p')
passed=0
failed=0

# --- pg_regress ------------------------------------------------------------
echo "== pg_regress =="
rm -f regression.diffs regression.out
# -t: a cluster in a temporary directory, so that other throwaway clusters
# on the machine do not collide with this one.
out=$(pg_virtualenv -t -v "$major" make --no-print-directory installcheck 2>&1)
status=$?
printf '%s\n' "$out"
if n=$(printf '%s\n' "$out" | sed -n 's/.*All \([0-9]*\) tests passed.*/\1/p') && [ -n "$n" ]; then
	passed=$((passed + n))
elif fl=$(printf '%s\n' "$out" | sed -n 's/.* \([0-9]*\) of \([0-9]*\) tests failed.*/\1 \2/p') && [ -n "$fl" ]; then
	set -- $fl
	failed=$((failed + $1))
	passed=$((passed + $2 - $1))
else
	echo "pg_regress did not report a result (exit status $status)"
	failed=$((failed + 1))
fi
if [ -s regression.diffs ]; then
	echo "== regression.diffs =="
	cat regression.diffs
fi

# --- generated files -------------------------------------------------------
# Generated sources regenerate from the data installed here to what is
# committed (one test).
echo "== generated files =="
if out=$(make --no-print-directory check-generated 2>&1); then
	printf '%s\n' "$out"
	passed=$((passed + 1))
else
	printf '%s\n' "$out"
	echo "make check-generated: FAILED"
	failed=$((failed + 1))
fi

# --- errors catalogue --------------------------------------------------------
# count_tap NAME EXIT-STATUS OUTPUT: add a TAP script's results to the totals;
# a script that died, or ran fewer tests than it planned, fails once more.
# Returns non-zero when something failed.
count_tap() {
	local status=$2 out=$3 tap ok notok planned bad
	# PostgreSQL::Test::Utils prefixes TAP lines with "[time](elapsed) ".
	tap=$(printf '%s\n' "$out" | sed 's/^\[[0-9:.]*\]([0-9.]*s) //')
	ok=$(printf '%s\n' "$tap" | grep -c '^ok ')
	notok=$(printf '%s\n' "$tap" | grep -c '^not ok ')
	planned=$(printf '%s\n' "$tap" | sed -n 's/^1\.\.\([0-9]*\).*/\1/p' | tail -n 1)
	bad=$notok
	if [ "$status" -ne 0 ] && [ "$notok" -eq 0 ]; then
		bad=$((bad + 1))
	elif [ -z "$planned" ] || [ "$planned" -ne $((ok + notok)) ]; then
		bad=$((bad + 1))
	fi
	passed=$((passed + ok))
	failed=$((failed + bad))
	if [ $bad -gt 0 ]; then
		echo "$1: FAILED ($ok ok, $notok not ok, exit status $status)"
		return 1
	fi
	echo "$1: ok ($ok tests)"
}

echo "== errors catalogue =="
out=$(perl test/check-errors.pl "$($PG_CONFIG --sharedir)" 2>&1)
count_tap test/check-errors.pl $? "$out" || printf '%s\n' "$out" | grep -v '^ok '

# --- fuzzing ---------------------------------------------------------------
# Every parser (src/NAME_parse.c) must have a harness, seeds and its sources
# listed for the fuzz build: one missing is a failure, but that they are
# there tests nothing, so it adds no passed test.  Then each fuzzer runs
# FUZZ_SECONDS (one test each).  A failing input is kept and its path printed.
echo "== fuzz =="
fuzz_seconds=${FUZZ_SECONDS:-5}
harnesses=0
for p in src/*_parse.c; do
	name=$(basename "$p" _parse.c)
	why=
	[ -f "test/fuzz/fuzz_$name.c" ] || why="no harness test/fuzz/fuzz_$name.c"
	[ -n "$why" ] || [ -n "$(ls -A "test/fuzz/corpus/$name" 2>/dev/null)" ] || why="no seeds in test/fuzz/corpus/$name/"
	[ -n "$why" ] || grep -Eq "^FUZZ_SRC_$name = .*$p" Makefile || why="FUZZ_SRC_$name in the Makefile does not list $p"
	if [ -z "$why" ]; then
		harnesses=$((harnesses + 1))
	else
		echo "fuzz harness for $p: FAILED: $why"
		failed=$((failed + 1))
	fi
done
echo "fuzz harnesses: $harnesses of $(ls src/*_parse.c | wc -l) parsers have a harness, seeds and a build"
for h in test/fuzz/fuzz_*.c; do
	name=$(basename "$h" .c)
	name=${name#fuzz_}
	if make --no-print-directory -s fuzz FUZZERS="$name" FUZZ_SECONDS="$fuzz_seconds"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
	fi
done

# --- bench smoke -----------------------------------------------------------
# make bench at the smallest scale, one run per query (one test): the script
# works, every migchain overview returns exactly the rows of its plain-SQL
# version, and it prints its machine-readable lines.  No timing is judged.
echo "== bench smoke =="
out=$(BENCH_SCALE=1 BENCH_RUNS=1 test/bench/bench.sh 2>&1)
status=$?
why=
[ $status -eq 0 ] || why="exit status $status"
for view in overview_by_year overview_5y not_confirmed_by_country persons_by_year; do
	[ -n "$why" ] && break
	printf '%s\n' "$out" | grep -q "^$view: migchain and plain SQL return the same [1-9]" ||
		why="no agreement of migchain and plain SQL reported for $view"
	printf '%s\n' "$out" | grep -Eq "^bench $view c/a [0-9.]+$" || why="no 'bench $view c/a' line"
done
if [ -z "$why" ]; then
	printf '%s\n' "$out" | grep -E '^[a-z_0-9]+: migchain and plain SQL return'
	echo "bench smoke: ok"
	passed=$((passed + 1))
else
	printf '%s\n' "$out"
	echo "bench smoke: FAILED: $why"
	failed=$((failed + 1))
fi

# --- TAP -------------------------------------------------------------------
echo "== TAP =="
tapdir=$(mktemp -d /tmp/migchain-tap.XXXXXX)
trap 'rm -rf "$tapdir"' EXIT
runas=()
if [ "$(id -u)" = 0 ]; then
	chown postgres: "$tapdir"
	runas=(runuser -u postgres --)
fi
for t in test/t/*.pl; do
	[ -e "$t" ] || continue
	name=$(basename "$t" .pl)
	mkdir -p "$tapdir/$name"
	[ ${#runas[@]} -gt 0 ] && chown postgres: "$tapdir/$name"
	out=$("${runas[@]}" env PATH="$bindir:$PATH" TESTDIR="$tapdir/$name" \
		PG_REGRESS="$pgxs/src/test/regress/pg_regress" \
		perl -I "$pgxs/src/test/perl" -I test "$t" 2>&1)
	status=$?
	# what a test reports of itself: its "summary:" notes
	printf '%s\n' "$out" | sed -n 's/^\(\[[0-9:.]*\]([0-9.]*s) \)\{0,1\}# summary: /    /p'
	if ! count_tap "$t" $status "$out"; then
		printf '%s\n' "$out"
		for log in "$tapdir/$name"/tmp_check/log/*; do
			[ -f "$log" ] || continue
			echo "--- $log (last 40 lines)"
			tail -n 40 "$log"
		done
	fi
done

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
