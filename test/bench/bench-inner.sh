#!/bin/bash
# The part of make bench that runs inside the throwaway cluster.
set -eu
# (a failure inside $(...) stops the bench too)
shopt -s inherit_errexit
psql=(psql -X -q -v ON_ERROR_STOP=1)

# Arithmetic on decimals.
calc() {
	awk "BEGIN { printf \"%.6f\", $1 }"
}
# The median of the numbers on standard input, one a line.
median() {
	sort -n | awk '{ t[NR] = $1 } END { if (NR % 2) print t[(NR + 1) / 2]; else print (t[NR / 2] + t[NR / 2 + 1]) / 2 }'
}

echo "== setting up: generate_demo(1, $BENCH_SCALE, with_cases => false) and its text copy"
"${psql[@]}" <<SQL
CREATE EXTENSION migchain;
CREATE EXTENSION pg_prewarm;
SET migchain.language = 'en';
SELECT migchain.generate_demo(1, $BENCH_SCALE, with_cases => false) AS requests;
-- The baseline: the same rows as an analyst would keep them, in text.  It
-- keeps the layout measured since 0.1.0 (an 8-byte request_id, the source
-- as text, 'demo' as 0.1.0's demo wrote it), so its size stays comparable.
-- The holidays, in text, for the plain reply deadlines.
CREATE TABLE holiday_text AS SELECT country::text AS country, day, name FROM migchain.holiday;
CREATE TABLE request_text AS
SELECT request_id::int8 AS request_id, kind::text AS kind, country::text AS country, person_id,
       requested_on, presented_on, answer::text AS answer, answered_on, 'demo'::text AS source
  FROM migchain.request;
SQL

# A load that asks for a compaction of the rollup starts it in the
# background when it commits.  Wait for it, so that nothing runs behind the
# next measurement: until no delta is left uncompacted, or until no
# compaction is at work two seconds after the load (none was asked for: a
# small load leaves its deltas to a later compaction).  Prints "ran
# <tenths of a second waited>", "none <deltas left>", or "running" when a
# compaction is still at work after a minute.
rollup_settled() {
	local waited=0 state left running
	while :; do
		state=$("${psql[@]}" -d "$1" -At -F ' ' -c "
			SELECT (SELECT count(*) FROM migchain.request_rollup WHERE NOT compacted),
			       (SELECT count(*) FROM pg_stat_activity
			         WHERE backend_type = 'migchain rollup compaction' AND datname = current_database())")
		read -r left running <<<"$state"
		if [ "$left" = 0 ]; then
			echo "ran $waited"
			return
		elif [ "$running" = 0 ] && [ "$waited" -ge 20 ]; then
			echo "none $left"
			return
		elif [ "$waited" -ge 600 ]; then
			echo "make bench: a compaction of the rollup of $1 is still at work a minute after the load" >&2
			echo running
			return
		fi
		sleep 0.1
		waited=$((waited + 1))
	done
}
# After the demo's load (one statement over every cell, which asks for a
# compaction), before the rollup is read.
settled=$(rollup_settled postgres)
read -r compaction compaction_n <<<"$settled"
"${psql[@]}" <<SQL
VACUUM (ANALYZE) migchain.request;
VACUUM (ANALYZE) migchain.request_rollup;
VACUUM (ANALYZE) request_text;
SELECT pg_prewarm('migchain.request'), pg_prewarm('request_text'), pg_prewarm('migchain.request_rollup');
SQL
case $compaction in
ran) echo "rollup after the demo's load: compacted by the background worker" ;;
none) echo "rollup after the demo's load: not compacted ($compaction_n deltas), no compaction at work" ;;
*) echo "rollup after the demo's load: its compaction still at work after a minute" ;;
esac
"${psql[@]}" -At -F ' ' -c "
	SELECT 'request_rollup:', count(*), 'rows,', count(DISTINCT (year, kind, country)), 'cells,',
	       count(*) FILTER (WHERE NOT compacted), 'not compacted,',
	       pg_size_pretty(pg_relation_size('migchain.request_rollup'))
	  FROM migchain.request_rollup"
n=$("${psql[@]}" -At -c "SELECT count(*) FROM migchain.verify_request_rollup()")
if [ "$n" != 0 ]; then
	echo "make bench: verify_request_rollup() finds $n differences after the demo's load" >&2
	exit 1
fi
echo "verify_request_rollup(): the rollup equals a fresh count of the requests"

# name|query (a: floor, b: plain SQL over text, c: migchain)
overview_plain="SELECT date_part('year', presented_on)::int AS year, kind, count(*) AS presented, count(*) FILTER (WHERE answer = 'positive') AS positive, count(*) FILTER (WHERE answer = 'negative') AS negative, count(*) FILTER (WHERE answer = 'withdrawn') AS withdrawn, count(*) FILTER (WHERE answer = 'pending') AS pending FROM request_text GROUP BY 1, 2"
answer_tally_query="SELECT date_part('year', presented_on)::int AS year, kind, migchain.answer_tally(answer) AS tally FROM migchain.request GROUP BY 1, 2"
scan_query="SELECT o.* FROM migchain.period_cube() c(cube), migchain.request_cube_by_year(c.cube) o"
queries=(
	"floor|SELECT count(*) FROM migchain.request"
	"overview_by_year/plain|$overview_plain"
	"overview_by_year/migchain|SELECT * FROM migchain_bi.overview_by_year"
	"overview_5y/plain|SELECT date_part('year', presented_on)::int AS year, kind, count(*) AS presented, count(*) FILTER (WHERE answer = 'positive') AS positive, count(*) FILTER (WHERE answer = 'negative') AS negative, count(*) FILTER (WHERE answer = 'withdrawn') AS withdrawn, count(*) FILTER (WHERE answer = 'pending') AS pending FROM request_text WHERE presented_on >= '2018-01-01' AND presented_on < '2023-01-01' GROUP BY 1, 2"
	"overview_5y/migchain|SELECT * FROM migchain.overview(2018, 2022)"
	"not_confirmed_by_country/plain|SELECT date_part('year', presented_on)::int AS year, kind, country, count(*) FILTER (WHERE answer = 'negative') AS negative, count(*) FILTER (WHERE answer = 'withdrawn') AS withdrawn, count(*) FILTER (WHERE answer IN ('negative', 'withdrawn')) AS not_confirmed, count(*) AS presented FROM request_text GROUP BY 1, 2, 3"
	"not_confirmed_by_country/migchain|SELECT * FROM migchain_bi.not_confirmed_by_country"
	"answer_tally_by_year/migchain|$answer_tally_query"
	"answer_tally_by_year/group|SELECT date_part('year', presented_on)::int AS year, kind, count(*) FROM migchain.request GROUP BY 1, 2"
	"overview_by_year_scan/migchain|$scan_query"
	"persons_by_year/plain|SELECT year, kind, sum(requests)::bigint AS presented, count(*) AS persons, count(*) FILTER (WHERE countries > 1) AS persons_several_countries FROM (SELECT date_part('year', presented_on)::int AS year, kind, person_id, count(*) AS requests, count(DISTINCT country) AS countries FROM request_text GROUP BY 1, 2, 3) p GROUP BY 1, 2"
	"persons_by_year/migchain|SELECT * FROM migchain_bi.persons_by_year"
	"cooperation_by_country/plain|WITH rt AS (SELECT country::text AS country, kind::text AS kind, valid_from, coalesce(valid_to, 'infinity') AS valid_to, reply_deadline AS n, deadline_unit = 'working_days' AS wd, tacit_acceptance AS tacit FROM migchain.country_route WHERE reply_deadline IS NOT NULL), cal AS (SELECT c.country, d::date AS day, extract(isodow FROM d) < 6 AND NOT EXISTS (SELECT 1 FROM holiday_text h WHERE h.country = c.country AND h.day = d::date) AS working FROM (SELECT DISTINCT country FROM rt WHERE wd) c, generate_series('2015-01-01'::date, '2025-12-31'::date, interval '1 day') d), cum AS (SELECT country, day, working, count(*) FILTER (WHERE working) OVER (PARTITION BY country ORDER BY day) AS k FROM cal), dl AS (SELECT rt.country, rt.kind, d::date AS presented_on, rt.tacit, CASE WHEN rt.wd THEN (SELECT w.day FROM cum w WHERE w.working AND w.country = rt.country AND w.k = c.k + rt.n) ELSE d::date + rt.n END AS deadline FROM rt JOIN generate_series('2015-01-01'::date, '2024-12-31'::date, interval '1 day') d ON d >= rt.valid_from AND d < rt.valid_to LEFT JOIN cum c ON c.country = rt.country AND c.day = d::date), k AS (SELECT r.*, CASE WHEN r.answer <> 'pending' AND r.answered_on <= current_date THEN r.answer ELSE 'pending' END AS ans FROM request_text r WHERE r.presented_on <= current_date) SELECT date_part('year', k.presented_on)::int AS year, k.country, k.kind, count(*) AS presented, count(*) FILTER (WHERE ans IN ('positive', 'negative')) AS answered, count(*) FILTER (WHERE ans = 'positive') AS positive, count(*) FILTER (WHERE ans = 'negative') AS negative, count(*) FILTER (WHERE ans = 'withdrawn') AS withdrawn, count(*) FILTER (WHERE ans = 'pending') AS pending, percentile_disc(0.5) WITHIN GROUP (ORDER BY k.answered_on - k.presented_on) FILTER (WHERE ans IN ('positive', 'negative')) AS median_days, percentile_disc(0.9) WITHIN GROUP (ORDER BY k.answered_on - k.presented_on) FILTER (WHERE ans IN ('positive', 'negative')) AS p90_days, count(dl.deadline) AS with_deadline, count(*) FILTER (WHERE ans IN ('positive', 'negative') AND k.answered_on > dl.deadline) AS answered_late, count(*) FILTER (WHERE ans = 'pending' AND current_date > dl.deadline) AS open_past_deadline, count(*) FILTER (WHERE dl.tacit AND current_date > dl.deadline AND NOT (ans <> 'pending' AND k.answered_on <= dl.deadline)) AS accepted_tacitly, count(*) FILTER (WHERE ans = 'pending' AND k.presented_on + interval '12 months' < current_date) AS open_over_12_months FROM k LEFT JOIN dl ON dl.country = k.country AND dl.kind = k.kind AND dl.presented_on = k.presented_on GROUP BY 1, 2, 3"
	"cooperation_by_country/migchain|SELECT c.year, c.country::text, c.kind::text, c.presented, c.answered, c.positive, c.negative, c.withdrawn, c.pending, c.median_days, c.p90_days, c.with_deadline, c.answered_late, c.open_past_deadline, c.accepted_tacitly, c.open_over_12_months FROM migchain.cooperation_counts() s(cube), migchain.cooperation_cube_rows(s.cube) c"
	"cooperation_persons/plain|SELECT date_part('year', presented_on)::int AS year, kind, country, count(DISTINCT person_id) AS persons FROM request_text WHERE presented_on <= current_date GROUP BY 1, 2, 3"
	"cooperation_persons/migchain|SELECT year, kind::text, country::text, persons FROM migchain.cooperation_persons()"
	"cooperation_by_country_whole_view/migchain|SELECT * FROM migchain_bi.cooperation_by_country"
	"published_5y/migchain|SELECT * FROM migchain.published_cells(2018, 2022)"
)
# The migchain queries whose plain-SQL version is another's (the same rows):
# the scan path's, measured against the plain overview_by_year.
declare -A plain_of=(
	[answer_tally_by_year]=overview_by_year
	[overview_by_year_scan]=overview_by_year
)

# What is timed must be right: each migchain query must return exactly the
# rows of its plain-SQL version (as a multiset), or the bench stops.  These
# are the migchain results in the plain versions' columns (the rows of a
# country without a process, with NULL counts, have no plain equivalent).
declare -A same_as_plain=(
	[overview_by_year]="SELECT year, kind, presented, positive, negative, withdrawn, pending FROM migchain_bi.overview_by_year"
	[overview_5y]="SELECT year, kind, presented, positive, negative, withdrawn, pending FROM migchain.overview(2018, 2022)"
	[not_confirmed_by_country]="SELECT year, kind, country_code, negative, withdrawn, not_confirmed, presented FROM migchain_bi.not_confirmed_by_country WHERE presented IS NOT NULL"
	[answer_tally_by_year]="SELECT s.year, s.kind::text, migchain.total(s.tally), migchain.positive(s.tally), migchain.negative(s.tally), migchain.withdrawn(s.tally), migchain.pending(s.tally) FROM ($answer_tally_query) s"
	[overview_by_year_scan]="SELECT s.year, s.kind::text, migchain.total(s.tally), migchain.positive(s.tally), migchain.negative(s.tally), migchain.withdrawn(s.tally), migchain.pending(s.tally) FROM ($scan_query) s"
	[persons_by_year]="SELECT year, kind, presented, persons, persons_several_countries FROM migchain_bi.persons_by_year"
	[cooperation_by_country]="SELECT c.year, c.country::text, c.kind::text, c.presented, c.answered, c.positive, c.negative, c.withdrawn, c.pending, c.median_days, c.p90_days, c.with_deadline, c.answered_late, c.open_past_deadline, c.accepted_tacitly, c.open_over_12_months FROM migchain.cooperation_counts() s(cube), migchain.cooperation_cube_rows(s.cube) c"
	[cooperation_persons]="SELECT year, kind::text, country::text, persons FROM migchain.cooperation_persons()"
)
declare -A plain_sql
for q in "${queries[@]}"; do
	name=${q%%|*}
	case $name in */plain) plain_sql[${name%/plain}]=${q#*|} ;; esac
done
for view in "${!plain_of[@]}"; do
	plain_sql[$view]=${plain_sql[${plain_of[$view]}]}
done
check_same() {
	local view=$1 plain=${plain_sql[$1]} mc=${same_as_plain[$1]} diff ndiff nrows
	# (the library loaded first: a parallel statement could not apply the
	# language set before it loads; see docs/operations.md)
	diff=$("${psql[@]}" -At -c "LOAD 'migchain'" -c "SET migchain.language = 'en'" -c "
		WITH p AS ($plain), c AS ($mc)
		SELECT (SELECT count(*) FROM (TABLE p EXCEPT ALL TABLE c) d)
			 + (SELECT count(*) FROM (TABLE c EXCEPT ALL TABLE p) d),
			   (SELECT count(*) FROM c)")
	IFS='|' read -r ndiff nrows <<<"$diff"
	if [ "$ndiff" != 0 ] || [ "$nrows" = 0 ]; then
		echo "make bench: $view: migchain and plain SQL disagree ($ndiff rows differ, $nrows rows from migchain)" >&2
		exit 1
	fi
	echo "$view: migchain and plain SQL return the same $nrows rows"
}
for view in overview_by_year overview_5y not_confirmed_by_country answer_tally_by_year \
	overview_by_year_scan persons_by_year cooperation_by_country cooperation_persons; do
	check_same "$view"
done

# Every plan of a query, also of the statements run inside functions (the
# views run theirs inside request_counts(), period_cube() and the like):
# auto_explain reports each to the client.
plans() {
	"${psql[@]}" -c "LOAD 'migchain'" -c "SET migchain.language = 'en'" -c "LOAD 'auto_explain'" \
		-c "SET auto_explain.log_min_duration = 0" -c "SET auto_explain.log_nested_statements = on" \
		-c "SET auto_explain.log_analyze = on" -c "SET auto_explain.log_timing = off" \
		-c "SET auto_explain.log_level = notice" -c "$1" 2>&1 >/dev/null
}
# Parallel workers launched (0 when no plan has any).
workers() {
	sed -n 's/.*Workers Launched: \([0-9]*\).*/\1/p' | sort -n | tail -n 1 | grep . || echo 0
}
# The tables the plans read, one a line.
tables_read() {
	sed -n 's/.*\(Seq\|Index\|Index Only\|Bitmap Heap\|Tid\|Tid Range\|Sample\) Scan \(using [^ ]* \)\{0,1\}on \([a-z_0-9]*\).*/\3/p' | sort -u
}

# Where the rows come from: the views answer from the rollup and never read
# the requests; the scan path reads the requests.  Otherwise the bench stops.
declare -A reads
for view in overview_by_year overview_5y not_confirmed_by_country answer_tally_by_year overview_by_year_scan \
	published_5y; do
	for q in "${queries[@]}"; do
		[ "${q%%|*}" = "$view/migchain" ] && sql=${q#*|}
	done
	read_now=$(plans "$sql" | tables_read)
	reads[$view]=$(printf '%s\n' "$read_now" | paste -sd, -)
	case $view in
	overview_by_year | overview_5y | not_confirmed_by_country | published_5y)
		if ! grep -qx request_rollup <<<"$read_now" || grep -qx request <<<"$read_now"; then
			echo "make bench: $view reads ${reads[$view]:-no table}: not the rollup alone" >&2
			exit 1
		fi ;;
	*)
		if ! grep -qx request <<<"$read_now"; then
			echo "make bench: $view reads ${reads[$view]:-no table}, not the requests" >&2
			exit 1
		fi ;;
	esac
	echo "$view reads (every plan, auto_explain): ${reads[$view]}"
done

# Median of BENCH_RUNS timed runs (ms), after one warm-up run (the library
# loaded first, as in check_same).
time_query() {
	{
		echo '\o /dev/null'
		echo "LOAD 'migchain';"
		echo "SET migchain.language = 'en';"
		echo "$1;"
		echo '\timing on'
		for _ in $(seq "$BENCH_RUNS"); do echo "$1;"; done
	} | "${psql[@]}" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | median
}

declare -A ms nworkers
for q in "${queries[@]}"; do
	name=${q%%|*}
	sql=${q#*|}
	ms[$name]=$(time_query "$sql")
	nworkers[$name]=$(plans "$sql" | workers)
done
for view in "${!plain_of[@]}"; do
	ms[$view/plain]=${ms[${plain_of[$view]}/plain]}
	nworkers[$view/plain]=${nworkers[${plain_of[$view]}/plain]}
done

rows=$("${psql[@]}" -At -c "SELECT count(*) FROM migchain.request")
size_m=$("${psql[@]}" -At -c "SELECT pg_relation_size('migchain.request')")
size_t=$("${psql[@]}" -At -c "SELECT pg_relation_size('request_text')")
# The rows by what they leave NULL: a row with a NULL carries a bitmap of
# its 9 columns, which makes its header 32 bytes instead of 24.  On the
# page: the row (pg_column_size of the whole row) aligned to 8 bytes, and a
# 4-byte line pointer.
by_nulls=$("${psql[@]}" -At -F ' ' -c "
	SELECT CASE WHEN r.answered_on IS NULL THEN 'NULL' ELSE 'set' END,
	       CASE WHEN r.requested_on IS NULL THEN 'NULL' ELSE 'set' END,
	       CASE WHEN r.batch_id IS NULL THEN 'NULL' ELSE 'set' END,
	       count(*), min((pg_column_size(r.*) + 7) / 8 * 8 + 4), max((pg_column_size(r.*) + 7) / 8 * 8 + 4)
	  FROM migchain.request r
	 GROUP BY 1, 2, 3 ORDER BY 4 DESC")

echo
echo "== make bench: $rows requests, median of $BENCH_RUNS warm runs, $(nproc) cores"
printf '%-26s %12s %12s\n' "table" "bytes/row" "MB"
printf '%-26s %12.1f %12.1f   (target: no larger than 68.7 bytes)\n' "migchain.request" "$(calc "$size_m / $rows")" "$(calc "$size_m / 1048576")"
printf '%-26s %12.1f %12.1f\n' "request_text (baseline)" "$(calc "$size_t / $rows")" "$(calc "$size_t / 1048576")"
printf 'migchain.request / baseline: %.3f\n' "$(calc "$size_m / $size_t")"
echo "migchain.request's rows by NULLs (bytes on the page: the row aligned to 8, and its line pointer):"
printf '  %-12s %-13s %-9s %12s %10s\n' answered_on requested_on batch_id rows bytes
while read -r a r b n lo hi; do
	[ "$lo" = "$hi" ] && bytes=$lo || bytes="$lo-$hi"
	printf '  %-12s %-13s %-9s %12s %10s\n' "$a" "$r" "$b" "$n" "$bytes"
done <<<"$by_nulls"
echo
printf 'floor: SELECT count(*) FROM migchain.request: %.1f ms (%s workers)\n' "${ms[floor]}" "${nworkers[floor]}"
lines=()
for view in overview_by_year overview_5y not_confirmed_by_country answer_tally_by_year overview_by_year_scan \
	persons_by_year cooperation_by_country cooperation_persons; do
	a=${ms[floor]}
	b=${ms[$view/plain]}
	c=${ms[$view/migchain]}
	ca=$(calc "$c / $a")
	bc_=$(calc "$b / $c")
	echo
	echo "-- $view"
	printf '  %-34s %10.1f ms  %s workers\n' "(a) floor count(*)" "$a" "${nworkers[floor]}"
	printf '  %-34s %10.1f ms  %s workers\n' "(b) plain SQL over text columns" "$b" "${nworkers[$view/plain]}"
	printf '  %-34s %10.1f ms  %s workers\n' "(c) migchain" "$c" "${nworkers[$view/migchain]}"
	# what the grouping costs with the simplest aggregate
	[ -n "${ms[$view/group]:-}" ] &&
		printf '  %-34s %10.1f ms  %s workers\n' "(d) its GROUP BY with count(*)" "${ms[$view/group]}" "${nworkers[$view/group]}"
	[ -n "${plain_of[$view]:-}" ] && echo "  (b is the plain ${plain_of[$view]}: the same rows)"
	[ -n "${reads[$view]:-}" ] && echo "  (c) reads ${reads[$view]}"
	case $view in
	overview_by_year | overview_5y | not_confirmed_by_country)
		# from the rollup: a few thousand counters, not the requests
		printf '  c/a = %.4f (target <= 0.05)   b/c = %.1f (target >= 3.0)\n' "$ca" "$bc_"
		lines+=("$(printf 'bench %s c/a %.4f' "$view" "$ca")") ;;
	cooperation_by_country)
		# without distinct persons (cooperation_persons, apart)
		printf '  c/a = %.2f (target <= 3.0)   b/c = %.2f\n' "$ca" "$bc_"
		lines+=("$(printf 'bench %s c/a %.2f' "$view" "$ca")") ;;
	persons_by_year | cooperation_persons)
		# distinct persons: a hash table of every person (person_cube), no target
		printf '  c/a = %.2f   b/c = %.2f (no target: every distinct person is kept)\n' "$ca" "$bc_"
		lines+=("$(printf 'bench %s c/a %.2f' "$view" "$ca")") ;;
	*)
		# the scan path: one pass over the requests
		printf '  c/a = %.2f (target <= 2.0)   b/c = %.2f (target >= 3.0)\n' "$ca" "$bc_"
		lines+=("$(printf 'bench %s c/a %.2f' "$view" "$ca")") ;;
	esac
	lines+=("$(printf 'bench %s b/c %.2f' "$view" "$bc_")")
	if [ -n "${ms[$view/group]:-}" ]; then
		cd_=$(calc "$c / ${ms[$view/group]}")
		printf '  c/d = %.2f (no target: the aggregate against count(*) in the same grouping)\n' "$cd_"
		lines+=("$(printf 'bench %s c/d %.2f' "$view" "$cd_")")
	fi
	lines+=("$(printf 'bench %s workers %s' "$view" "${nworkers[$view/migchain]}")")
done
echo
printf 'cooperation_by_country, the whole view (with persons): %.1f ms, c/a = %.2f\n' \
	"${ms[cooperation_by_country_whole_view/migchain]}" "$(calc "${ms[cooperation_by_country_whole_view/migchain]} / ${ms[floor]}")"
lines+=("$(printf 'bench cooperation_by_country_whole_view c/a %.2f' "$(calc "${ms[cooperation_by_country_whole_view/migchain]} / ${ms[floor]}")")")
# The workbook's cells, published (rounded, small counts and what would
# reveal them hidden): from the rollup, as the overviews.
printf 'published_cells(2018, 2022), every cell of the workbook: %.1f ms, c/a = %.4f (no target of its own; reads %s, as the overviews)\n' \
	"${ms[published_5y/migchain]}" "$(calc "${ms[published_5y/migchain]} / ${ms[floor]}")" "${reads[published_5y]}"
lines+=("$(printf 'bench published_5y c/a %.4f' "$(calc "${ms[published_5y/migchain]} / ${ms[floor]}")")")
lines+=("$(printf 'bench request_table bytes_per_row %.1f' "$(calc "$size_m / $rows")")")
lines+=("$(printf 'bench request_table bytes_per_row_ratio %.2f' "$(calc "$size_m / $size_t")")")

# --- loading ------------------------------------------------------------
# The cost of keeping the rollup: COPY of the same rows from the same file,
# each time into an empty table with the same indexes, in a database of its
# own, with
#   rollup:   migchain.request, its rollup triggers firing (ALWAYS);
#   disabled: migchain.request with the four rollup triggers disabled
#             (ALTER TABLE ... DISABLE TRIGGER in the load's transaction,
#             enabled ALWAYS again before it commits);
#   none:     a copy of migchain.request without triggers (CREATE TABLE
#             ... (LIKE migchain.request INCLUDING ALL)).
# A disabled trigger with a transition table still has COPY keep every new
# row for it, so only "none" is without the rollup's cost: the target is
# rollup against none.  Alike in every run: TRUNCATE ... RESTART IDENTITY
# before it, then a CHECKPOINT (every run begins just after one and writes
# the same full-page images; max_wal_size keeps another from starting
# within a run, and the runs check that none did), autovacuum off for these
# tables, no compaction of the rollup at work (each run waits for the one
# its load started).  The variants take turns, after one warm-up round.
# Timed: the COPY (the statement triggers fire at its end) and the COMMIT.
# Then the same in a load batch (begin_load() before the COPY, end_load()
# after it, untimed), as real loads are made, rollup against none only.
load_rows=${BENCH_LOAD_ROWS:-1000000}
load_runs=${BENCH_LOAD_RUNS:-7}
load_file=$("${psql[@]}" -At -c "SELECT current_setting('data_directory') || '/bench_load.copy'")
cols="kind, answer, country, presented_on, person_id, answered_on, requested_on"
load_span=$("${psql[@]}" -At -F ' ' <<SQL
COPY (SELECT $cols FROM migchain.request ORDER BY request_id LIMIT $load_rows) TO '$load_file';
SELECT count(*), min(date_part('year', presented_on)), max(date_part('year', presented_on)),
       count(DISTINCT (date_part('year', presented_on), kind, country))
  FROM (SELECT * FROM migchain.request ORDER BY request_id LIMIT $load_rows) r;
CREATE DATABASE bench_load;
SQL
)
read -r load_n load_y0 load_y1 load_cells <<<"$load_span"
ldb=(-d bench_load)
"${psql[@]}" "${ldb[@]}" <<SQL
CREATE EXTENSION migchain;
CREATE TABLE public.request_plain (LIKE migchain.request INCLUDING ALL);
ALTER TABLE migchain.request SET (autovacuum_enabled = off);
ALTER TABLE migchain.request_rollup SET (autovacuum_enabled = off);
ALTER TABLE public.request_plain SET (autovacuum_enabled = off);
SQL
indexes=$("${psql[@]}" "${ldb[@]}" -At -F ' ' -c "
	SELECT (SELECT count(*) FROM pg_index WHERE indrelid = 'migchain.request'::regclass),
	       (SELECT count(*) FROM pg_index WHERE indrelid = 'public.request_plain'::regclass),
	       (SELECT count(*) FROM pg_trigger WHERE tgrelid = 'public.request_plain'::regclass)")
read -r idx_m idx_p trg_p <<<"$indexes"
if [ "$idx_m" != "$idx_p" ] || [ "$trg_p" != 0 ]; then
	echo "make bench: the table without the rollup has $idx_p indexes (migchain.request $idx_m) and $trg_p triggers" >&2
	exit 1
fi
triggers="request_rollup_insert request_rollup_update request_rollup_delete request_rollup_truncate"

# load_run VARIANT BATCH: one timed load; prints "ms wal_bytes temp_bytes
# checkpoints end_load_ms compaction" (checkpoints: 1 when one completed
# during the run; compaction: rollup_settled's answer, "ran:<tenths>",
# "none:<deltas>" or "running"; "-" without the rollup).
load_run() {
	local variant=$1 batch=$2 table=migchain.request out t copy commit endl=0 settled=-
	[ "$variant" = none ] && table=public.request_plain
	out=$({
		echo "TRUNCATE $table RESTART IDENTITY;"
		echo "CHECKPOINT;"
		echo "SELECT pg_current_wal_insert_lsn() AS lsn0, (SELECT temp_bytes FROM pg_stat_database WHERE datname = current_database()) AS temp0, (SELECT checkpoint_lsn FROM pg_control_checkpoint()) AS ckpt0 \\gset"
		echo "BEGIN;"
		if [ "$variant" = disabled ]; then
			for t in $triggers; do echo "ALTER TABLE migchain.request DISABLE TRIGGER $t;"; done
		fi
		[ "$batch" = batch ] && echo "SELECT migchain.begin_load('make bench', 'bench_load.copy') \\g /dev/null"
		echo '\echo @copy'
		echo '\timing on'
		echo "COPY $table ($cols) FROM '$load_file';"
		echo '\timing off'
		if [ "$batch" = batch ] && [ "$variant" != none ]; then
			echo '\echo @end_load'
			echo '\timing on'
			echo "SELECT migchain.end_load() \\g /dev/null"
			echo '\timing off'
		fi
		if [ "$variant" = disabled ]; then
			for t in $triggers; do echo "ALTER TABLE migchain.request ENABLE ALWAYS TRIGGER $t;"; done
		fi
		echo '\echo @commit'
		echo '\timing on'
		echo "COMMIT;"
		echo '\timing off'
		echo "SELECT pg_stat_force_next_flush() \\g /dev/null"
		echo "SELECT pg_current_wal_insert_lsn() - :'lsn0'::pg_lsn AS wal, (SELECT temp_bytes FROM pg_stat_database WHERE datname = current_database()) - :temp0 AS temp, ((SELECT checkpoint_lsn FROM pg_control_checkpoint()) <> :'ckpt0')::int AS ckpt \\gset"
		echo '\echo @stats' :wal :temp :ckpt
	} | "${psql[@]}" "${ldb[@]}")
	copy=$(awk '/^@copy/ { f = 1; next } f && /^Time:/ { print $2; exit }' <<<"$out")
	commit=$(awk '/^@commit/ { f = 1; next } f && /^Time:/ { print $2; exit }' <<<"$out")
	[ "$batch" = batch ] && [ "$variant" != none ] &&
		endl=$(awk '/^@end_load/ { f = 1; next } f && /^Time:/ { print $2; exit }' <<<"$out")
	if [ "$variant" = rollup ]; then
		# the rollup is exact after the load, and its compaction done
		local n
		settled=$(rollup_settled bench_load)
		settled=${settled/ /:}
		n=$("${psql[@]}" "${ldb[@]}" -At -c "SELECT count(*) FROM migchain.verify_request_rollup()")
		if [ "$n" != 0 ]; then
			echo "make bench: verify_request_rollup() finds $n differences after a load" >&2
			exit 1
		fi
	fi
	echo "$(calc "$copy + $commit") $(sed -n 's/^@stats //p' <<<"$out") $endl $settled"
}

# The variants take turns; per variant: the median time, WAL, temporary
# files, and the runs.
declare -A variants=([plain]="rollup disabled none" [batch]="rollup none")
declare -A load_ms load_wal load_temp load_runs_ms load_end
declare -A load_compaction
load_ckpt=0
for batch in plain batch; do
	for v in ${variants[$batch]}; do load_run "$v" "$batch" >/dev/null; done
	for _ in $(seq "$load_runs"); do
		for v in ${variants[$batch]}; do
			run=$(load_run "$v" "$batch")
			read -r t wal temp ckpt endl settled <<<"$run"
			load_runs_ms[$batch/$v]+="$t "
			load_wal[$batch/$v]+="$wal "
			load_temp[$batch/$v]+="$temp "
			load_end[$batch/$v]+="$endl "
			load_ckpt=$((load_ckpt + ckpt))
			[ "$settled" = - ] || load_compaction[$batch]+="$settled "
		done
	done
	for v in ${variants[$batch]}; do
		load_ms[$batch/$v]=$(tr ' ' '\n' <<<"${load_runs_ms[$batch/$v]}" | grep . | median)
		load_wal[$batch/$v]=$(tr ' ' '\n' <<<"${load_wal[$batch/$v]}" | grep . | median)
		load_temp[$batch/$v]=$(tr ' ' '\n' <<<"${load_temp[$batch/$v]}" | grep . | median)
		load_end[$batch/$v]=$(tr ' ' '\n' <<<"${load_end[$batch/$v]}" | grep . | median)
	done
done
# The last load of migchain.request was one without the rollup: count it
# again, and check that the triggers fire ALWAYS and the rollup is exact.
state=$("${psql[@]}" "${ldb[@]}" -At -F ' ' -c "SELECT migchain.rebuild_request_rollup()" \
	-c "SELECT migchain.request_rollup_ready(), (SELECT count(*) FROM migchain.verify_request_rollup())" | tail -n 1)
if [ "$state" != "t 0" ]; then
	echo "make bench: after the loads and rebuild_request_rollup(), request_rollup_ready() and the differences found are: $state" >&2
	exit 1
fi

echo
echo "== loading: COPY of $load_n requests (request_id 1 to $load_n of the demo: years $load_y0 to $load_y1, $load_cells cells of the rollup) from one file"
echo "   into an empty table with the same $idx_m indexes (TRUNCATE ... RESTART IDENTITY and CHECKPOINT before each run; autovacuum off"
echo "   for the tables; synchronous_commit = off; work_mem = $("${psql[@]}" -At -c 'SHOW work_mem')); timed: COPY and COMMIT; median of $load_runs runs per variant,"
echo "   the variants taking turns after one warm-up round; the background compaction after a load waited for, untimed."
echo "   rollup: migchain.request as installed; disabled: its four rollup triggers disabled (COPY still keeps the new rows for them);"
echo "   none: a copy of the table without triggers (the baseline of the target).  The rollup's triggers also check the rows' load batch."
echo "   Runs during which a checkpoint completed (other than the one before each): $load_ckpt."
for batch in plain batch; do
	echo
	if [ "$batch" = plain ]; then
		echo "-- COPY without a load batch"
	else
		echo "-- COPY in a load batch: begin_load(), COPY, end_load() (end_load's count and checksum untimed), COMMIT"
	fi
	printf '  %-10s %10s %10s %10s   %s\n' variant "ms" "WAL MB" "temp MB" "runs (ms)"
	for v in ${variants[$batch]}; do
		printf '  %-10s %10.1f %10.1f %10.1f   %s\n' "$v" "${load_ms[$batch/$v]}" \
			"$(calc "${load_wal[$batch/$v]} / 1048576")" "$(calc "${load_temp[$batch/$v]} / 1048576")" \
			"$(for t in ${load_runs_ms[$batch/$v]}; do printf '%.0f ' "$t"; done)"
	done
	# after the loads with the rollup: how many asked for a compaction that
	# the background worker ran, and how many left their deltas uncompacted
	ran=0 none=0 running=0 max_wait=0 left=
	for c in ${load_compaction[$batch]}; do
		case ${c%%:*} in
		ran)
			ran=$((ran + 1))
			if [ "${c#*:}" -gt "$max_wait" ]; then max_wait=${c#*:}; fi ;;
		none) none=$((none + 1)); left=${c#*:} ;;
		*) running=$((running + 1)) ;;
		esac
	done
	[ "$ran" = 0 ] ||
		printf '  compaction: run by the background worker after %s of the %s loads with the rollup (done within %.1f s)\n' \
			"$ran" "$load_runs" "$(calc "($max_wait + 1) / 10")"
	[ "$none" = 0 ] ||
		echo "  compaction: none at work after $none of the $load_runs loads with the rollup ($left deltas left uncompacted)"
	[ "$running" = 0 ] ||
		echo "  compaction: still at work a minute after $running of the $load_runs loads with the rollup"
	[ "$batch" = batch ] && printf '  end_load() after the load (rollup): %.1f ms\n' "${load_end[batch/rollup]}"
	with_none=$(calc "${load_ms[$batch/rollup]} / ${load_ms[$batch/none]}")
	suffix=
	[ "$batch" = batch ] && suffix=_batch
	printf '  bench copy%s_with_rollup/without %.2f (target <= 1.3)\n' "$suffix" "$with_none"
	lines+=("$(printf 'bench copy%s with_rollup/without %.2f' "$suffix" "$with_none")")
	if [ "$batch" = plain ]; then
		with_disabled=$(calc "${load_ms[$batch/rollup]} / ${load_ms[$batch/disabled]}")
		printf '  with rollup / triggers disabled: %.2f\n' "$with_disabled"
		lines+=("$(printf 'bench copy%s with_rollup/disabled %.2f' "$suffix" "$with_disabled")")
	fi
done
echo
printf '%s\n' "${lines[@]}"
