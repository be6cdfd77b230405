#!/bin/bash
# Run the whole suite against the installed extension:
#   1. the pg_regress tests (sql/*.sql) in a throwaway cluster (pg_virtualenv);
#   2. make check-generated: generated sources match their generators;
#   3. the TAP tests (test/t/*.pl) with PostgreSQL::Test::Cluster, as the
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
out=$(pg_virtualenv -v "$major" make --no-print-directory installcheck 2>&1)
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
	# PostgreSQL::Test::Utils prefixes TAP lines with "[time](elapsed) ".
	tap=$(printf '%s\n' "$out" | sed 's/^\[[0-9:.]*\]([0-9.]*s) //')
	ok=$(printf '%s\n' "$tap" | grep -c '^ok ')
	notok=$(printf '%s\n' "$tap" | grep -c '^not ok ')
	planned=$(printf '%s\n' "$tap" | sed -n 's/^1\.\.\([0-9]*\).*/\1/p' | tail -n 1)
	bad=$notok
	# A script that died, or ran fewer tests than it planned, fails once more.
	if [ $status -ne 0 ] && [ "$notok" -eq 0 ]; then
		bad=$((bad + 1))
	elif [ -z "$planned" ] || [ "$planned" -ne $((ok + notok)) ]; then
		bad=$((bad + 1))
	fi
	passed=$((passed + ok))
	failed=$((failed + bad))
	if [ $bad -gt 0 ]; then
		echo "$t: FAILED ($ok ok, $notok not ok, exit status $status)"
		printf '%s\n' "$out"
		for log in "$tapdir/$name"/tmp_check/log/*; do
			[ -f "$log" ] || continue
			echo "--- $log (last 40 lines)"
			tail -n 40 "$log"
		done
	else
		echo "$t: ok ($ok tests)"
	fi
done

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
