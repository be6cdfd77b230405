#!/bin/bash
# Run the whole suite against the installed extension.  Only assertions that
# ran, and could have failed, are counted:
#   1. the pg_regress tests (sql/*.sql) in a throwaway cluster (pg_virtualenv),
#      one test per file as pg_regress counts them, then the isolation specs
#      (test/isolation/specs/*.spec: concurrent sessions) in another, one
#      test per spec;
#   2. make check-generated: generated sources match their generators (one);
#   3. the fuzzers (make fuzz), FUZZ_SECONDS each (default 5), one test per
#      fuzzer run; a parser without a harness, seeds or a build line fails
#      the run (that they exist is not a test of its own);
#   4. a smoke run of make bench at the smallest scale (results, not times;
#      one test);
#   5. the TAP tests (test/t/*.pl) with prove and PostgreSQL::Test::Cluster,
#      as the postgres user when run as root (initdb refuses root): each
#      assertion one test, and a file that dies or does not finish its plan
#      one failure more;
#   6. test/check-errors.pl, through prove: docs/errors.md lists every error,
#      and the output of 1 and 5 (the pg_regress and isolation results, the
#      TAP tests' server logs) shows that a test raised each one.
# Prints regression.diffs (of both), and the output and server logs of failing TAP
# files; ends with one line "N passed, N failed" and exits non-zero on any
# failure.
set -u
# a pattern that matches no file expands to nothing (no TAP files, no logs)
shopt -s nullglob
cd "$(dirname "$0")/.."

PG_CONFIG=${PG_CONFIG:-pg_config}
bindir=$($PG_CONFIG --bindir)
pgxs=$(cd "$(dirname "$($PG_CONFIG --pgxs)")/../.." && pwd)
major=$($PG_CONFIG --version | sed -n 's/^PostgreSQL \([0-9]*\).*/\1/p')
passed=0
failed=0

# --- pg_regress and isolation ------------------------------------------------
# count_regress OUTPUT STATUS: add what pg_regress (or pg_isolation_regress,
# the same driver) reported in OUTPUT, its last lines "All N tests passed."
# or "F of N tests failed.", to the totals; one failure when it reported
# neither (it could not run).
count_regress() {
	local n fl
	if n=$(printf '%s\n' "$1" | sed -n 's/.*All \([0-9]*\) tests passed.*/\1/p') && [ -n "$n" ]; then
		passed=$((passed + n))
	elif fl=$(printf '%s\n' "$1" | sed -n 's/.* \([0-9]*\) of \([0-9]*\) tests failed.*/\1 \2/p') && [ -n "$fl" ]; then
		set -- $fl
		failed=$((failed + $1))
		passed=$((passed + $2 - $1))
	else
		echo "the test driver did not report a result (exit status $2)"
		failed=$((failed + 1))
	fi
}

echo "== pg_regress =="
# results/ and output_iso/ from an earlier run would show errors to
# test/check-errors.pl that this run did not raise.
rm -rf regression.diffs regression.out results output_iso
# -t: a cluster in a temporary directory, so that other throwaway clusters
# on the machine do not collide with this one.  make installcheck runs the
# regression tests and the isolation specs: one at a time (REGRESS= or
# ISOLATION= empty), each in a cluster of its own.
out=$(pg_virtualenv -t -v "$major" make --no-print-directory installcheck ISOLATION= 2>&1)
status=$?
printf '%s\n' "$out"
count_regress "$out" $status
if [ -s regression.diffs ]; then
	echo "== regression.diffs =="
	cat regression.diffs
fi

echo "== isolation =="
out=$(pg_virtualenv -t -v "$major" make --no-print-directory installcheck REGRESS= 2>&1)
status=$?
printf '%s\n' "$out"
count_regress "$out" $status
if [ -s output_iso/regression.diffs ]; then
	echo "== output_iso/regression.diffs =="
	cat output_iso/regression.diffs
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
# version (the bench stops otherwise, and when a view does not read the
# rollup or a load leaves it inexact), and it prints its machine-readable
# lines.  No timing is judged.
echo "== bench smoke =="
out=$(BENCH_SCALE=1 BENCH_RUNS=1 test/bench/bench.sh 2>&1)
status=$?
why=
[ $status -eq 0 ] || why="exit status $status"
for view in overview_by_year overview_5y not_confirmed_by_country answer_tally_by_year overview_by_year_scan persons_by_year; do
	[ -n "$why" ] && break
	printf '%s\n' "$out" | grep -q "^$view: migchain and plain SQL return the same [1-9]" ||
		why="no agreement of migchain and plain SQL reported for $view"
	printf '%s\n' "$out" | grep -Eq "^bench $view c/a [0-9.]+$" || why="no 'bench $view c/a' line"
done
[ -n "$why" ] || printf '%s\n' "$out" | grep -Eq "^bench published_5y c/a [0-9.]+$" ||
	why="no 'bench published_5y c/a' line"
if [ -z "$why" ]; then
	printf '%s\n' "$out" | grep -E '^[a-z_0-9]+: migchain and plain SQL return'
	echo "bench smoke: ok"
	passed=$((passed + 1))
else
	printf '%s\n' "$out"
	echo "bench smoke: FAILED: $why"
	failed=$((failed + 1))
fi

# --- prove ---------------------------------------------------------------
# count_prove LOG STATUS: add what prove reported in LOG, and its exit STATUS,
# to the totals.  "Tests=" in prove's last lines is the number of assertions
# that ran; its "Test Summary Report" lists each failing file as "FILE
# (Wstat: ... Tests: N Failed: F)", F assertions that failed, followed by
# "Non-zero exit status" and "Parse errors" (no plan, or not the number of
# tests planned) lines when the file died or stopped early.  Such a file
# fails once more, unless its failed assertions alone explain its exit
# status.  A prove that fails without saying why fails once.  Sets bad_files
# to the failing files; returns non-zero when something failed.
count_prove() {
	local status=$2 result ran failed_tests broken
	result=$(awk '
		function flush() {
			if (file != "" && (parse || (exited && nfail == 0))) { broken++; files = files " " file }
			else if (file != "" && nfail > 0) files = files " " file
			file = ""
		}
		/^Test Summary Report/ { report = 1; next }
		report && /^[^ ].* \(Wstat: .* Tests: [0-9]+ Failed: [0-9]+\)$/ {
			flush(); file = $1; nfail = $NF; sub(/\)$/, "", nfail)
			failed += nfail; parse = 0; exited = 0; next
		}
		report && /^  Non-zero (exit|wait) status:/ { exited = 1; next }
		report && /^  Parse errors:/ { parse = 1; next }
		/^Files=[0-9]+, Tests=[0-9]+,/ { flush(); ran = $2; sub(/^Tests=/, "", ran); sub(/,$/, "", ran) }
		END { flush(); print (ran == "" ? "-" : ran), failed + 0, broken + 0, files }
	' "$1")
	read -r ran failed_tests broken bad_files <<<"$result"
	if [ "$ran" = - ]; then
		echo "prove did not report a result"
		failed=$((failed + 1))
		return 1
	fi
	passed=$((passed + ran - failed_tests))
	failed=$((failed + failed_tests + broken))
	if [ "$status" -ne 0 ] && [ $((failed_tests + broken)) -eq 0 ]; then
		echo "prove failed (exit status $status) and named no failing test"
		failed=$((failed + 1))
		return 1
	fi
	[ $((failed_tests + broken)) -eq 0 ]
}

# --- TAP -------------------------------------------------------------------
# As PGXS's prove_installcheck runs them: one prove over test/t/*.pl with
# TESTDIR in a temporary directory (removed at the end: tests leave no files
# in /tmp), where PostgreSQL::Test::Utils writes each file's whole output to
# tmp_check/log/regress_log_NAME and each server's log to
# tmp_check/log/NAME_NODE.log.
echo "== TAP =="
tapdir=$(mktemp -d /tmp/migchain-tap.XXXXXX)
trap 'rm -rf "$tapdir"' EXIT
logdir=$tapdir/tmp_check/log
runas=()
if [ "$(id -u)" = 0 ]; then
	chown postgres: "$tapdir"
	runas=(runuser -u postgres --)
fi
tap_files=(test/t/*.pl)
if [ ${#tap_files[@]} -gt 0 ]; then
	"${runas[@]}" env PATH="$bindir:$PATH" TESTDIR="$tapdir" \
		PG_REGRESS="$pgxs/src/test/regress/pg_regress" \
		prove -I "$pgxs/src/test/perl" -I test "${tap_files[@]}" 2>&1 | tee "$tapdir/prove.out"
	status=${PIPESTATUS[0]}
	# what the tests report of themselves: their "summary:" notes, which
	# prove does not show but the test's log keeps
	for t in "${tap_files[@]}"; do
		name=$(basename "$t" .pl)
		[ -f "$logdir/regress_log_$name" ] || continue
		sed -n "s|^\(\[[0-9:.]*\]([0-9.]*s) \)\{0,1\}# summary: |    $t: |p" "$logdir/regress_log_$name"
	done
	if ! count_prove "$tapdir/prove.out" "$status"; then
		for t in $bad_files; do
			name=$(basename "$t" .pl)
			echo "--- $t: its whole output ($logdir/regress_log_$name)"
			cat "$logdir/regress_log_$name" 2>/dev/null
			for log in "$logdir/${name}"_*.log; do
				echo "--- $log (last 40 lines)"
				tail -n 40 "$log"
			done
		done
	fi
fi

# --- errors catalogue --------------------------------------------------------
# After the tests: an error counts as exercised only when the pg_regress or
# isolation results or the TAP tests' server logs show it raised.  Not SQLSmith's log:
# its random queries raise errors by chance, so an error no test raises on
# purpose would count as exercised in one run and not in the next.
echo "== errors catalogue =="
outputs=(results/*.out output_iso/results/*.out)
for log in "$logdir"/*.log; do
	case $log in
	*/[0-9][0-9][0-9]_sqlsmith_*) ;;
	*) outputs+=("$log") ;;
	esac
done
prove test/check-errors.pl :: --sharedir="$($PG_CONFIG --sharedir)" "${outputs[@]}" 2>&1 |
	tee "$tapdir/errors.out"
count_prove "$tapdir/errors.out" "${PIPESTATUS[0]}"

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
