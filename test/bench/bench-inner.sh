#!/bin/bash
# The part of make bench that runs inside the throwaway cluster.
set -eu
psql=(psql -X -q -v ON_ERROR_STOP=1)

echo "== setting up: generate_demo(1, $BENCH_SCALE, with_cases => false) and its text copy"
"${psql[@]}" <<SQL
CREATE EXTENSION migchain;
CREATE EXTENSION pg_prewarm;
SET migchain.language = 'en';
SELECT migchain.generate_demo(1, $BENCH_SCALE, with_cases => false) AS requests;
-- The baseline: the same rows as an analyst would keep them, in text.
-- The holidays, in text, for the plain reply deadlines.
CREATE TABLE holiday_text AS SELECT country::text AS country, day, name FROM migchain.holiday;
CREATE TABLE request_text AS
SELECT request_id, kind::text AS kind, country::text AS country, person_id, requested_on,
       presented_on, answer::text AS answer, answered_on, source
  FROM migchain.request;
VACUUM (ANALYZE) migchain.request;
VACUUM (ANALYZE) request_text;
SELECT pg_prewarm('migchain.request'), pg_prewarm('request_text');
SQL

# name|query (a: floor, b: plain SQL over text, c: migchain)
queries=(
	"floor|SELECT count(*) FROM migchain.request"
	"overview_by_year/plain|SELECT date_part('year', presented_on)::int AS year, kind, count(*) AS presented, count(*) FILTER (WHERE answer = 'positive') AS positive, count(*) FILTER (WHERE answer = 'negative') AS negative, count(*) FILTER (WHERE answer = 'withdrawn') AS withdrawn, count(*) FILTER (WHERE answer = 'pending') AS pending FROM request_text GROUP BY 1, 2"
	"overview_by_year/migchain|SELECT * FROM migchain_bi.overview_by_year"
	"overview_5y/plain|SELECT date_part('year', presented_on)::int AS year, kind, count(*) AS presented, count(*) FILTER (WHERE answer = 'positive') AS positive, count(*) FILTER (WHERE answer = 'negative') AS negative, count(*) FILTER (WHERE answer = 'withdrawn') AS withdrawn, count(*) FILTER (WHERE answer = 'pending') AS pending FROM request_text WHERE presented_on >= '2018-01-01' AND presented_on < '2023-01-01' GROUP BY 1, 2"
	"overview_5y/migchain|SELECT * FROM migchain.overview(2018, 2022)"
	"not_confirmed_by_country/plain|SELECT date_part('year', presented_on)::int AS year, kind, country, count(*) FILTER (WHERE answer = 'negative') AS negative, count(*) FILTER (WHERE answer = 'withdrawn') AS withdrawn, count(*) FILTER (WHERE answer IN ('negative', 'withdrawn')) AS not_confirmed, count(*) AS presented FROM request_text GROUP BY 1, 2, 3"
	"not_confirmed_by_country/migchain|SELECT * FROM migchain_bi.not_confirmed_by_country"
	"persons_by_year/plain|SELECT year, kind, sum(requests)::bigint AS presented, count(*) AS persons, count(*) FILTER (WHERE countries > 1) AS persons_several_countries FROM (SELECT date_part('year', presented_on)::int AS year, kind, person_id, count(*) AS requests, count(DISTINCT country) AS countries FROM request_text GROUP BY 1, 2, 3) p GROUP BY 1, 2"
	"persons_by_year/migchain|SELECT * FROM migchain_bi.persons_by_year"
	"cooperation_by_country/plain|WITH rt AS (SELECT country::text AS country, kind::text AS kind, valid_from, coalesce(valid_to, 'infinity') AS valid_to, reply_deadline AS n, deadline_unit = 'working_days' AS wd, tacit_acceptance AS tacit FROM migchain.country_route WHERE reply_deadline IS NOT NULL), cal AS (SELECT c.country, d::date AS day, extract(isodow FROM d) < 6 AND NOT EXISTS (SELECT 1 FROM holiday_text h WHERE h.country = c.country AND h.day = d::date) AS working FROM (SELECT DISTINCT country FROM rt WHERE wd) c, generate_series('2015-01-01'::date, '2025-12-31'::date, interval '1 day') d), cum AS (SELECT country, day, working, count(*) FILTER (WHERE working) OVER (PARTITION BY country ORDER BY day) AS k FROM cal), dl AS (SELECT rt.country, rt.kind, d::date AS presented_on, rt.tacit, CASE WHEN rt.wd THEN (SELECT w.day FROM cum w WHERE w.working AND w.country = rt.country AND w.k = c.k + rt.n) ELSE d::date + rt.n END AS deadline FROM rt JOIN generate_series('2015-01-01'::date, '2024-12-31'::date, interval '1 day') d ON d >= rt.valid_from AND d < rt.valid_to LEFT JOIN cum c ON c.country = rt.country AND c.day = d::date), k AS (SELECT r.*, CASE WHEN r.answer <> 'pending' AND r.answered_on <= current_date THEN r.answer ELSE 'pending' END AS ans FROM request_text r WHERE r.presented_on <= current_date) SELECT date_part('year', k.presented_on)::int AS year, k.country, k.kind, count(*) AS presented, count(*) FILTER (WHERE ans IN ('positive', 'negative')) AS answered, count(*) FILTER (WHERE ans = 'positive') AS positive, count(*) FILTER (WHERE ans = 'negative') AS negative, count(*) FILTER (WHERE ans = 'withdrawn') AS withdrawn, count(*) FILTER (WHERE ans = 'pending') AS pending, percentile_disc(0.5) WITHIN GROUP (ORDER BY k.answered_on - k.presented_on) FILTER (WHERE ans IN ('positive', 'negative')) AS median_days, percentile_disc(0.9) WITHIN GROUP (ORDER BY k.answered_on - k.presented_on) FILTER (WHERE ans IN ('positive', 'negative')) AS p90_days, count(dl.deadline) AS with_deadline, count(*) FILTER (WHERE ans IN ('positive', 'negative') AND k.answered_on > dl.deadline) AS answered_late, count(*) FILTER (WHERE ans = 'pending' AND current_date > dl.deadline) AS open_past_deadline, count(*) FILTER (WHERE dl.tacit AND current_date > dl.deadline AND NOT (ans <> 'pending' AND k.answered_on <= dl.deadline)) AS accepted_tacitly, count(*) FILTER (WHERE ans = 'pending' AND k.presented_on + interval '12 months' < current_date) AS open_over_12_months FROM k LEFT JOIN dl ON dl.country = k.country AND dl.kind = k.kind AND dl.presented_on = k.presented_on GROUP BY 1, 2, 3"
	"cooperation_by_country/migchain|SELECT c.year, c.country::text, c.kind::text, c.presented, c.answered, c.positive, c.negative, c.withdrawn, c.pending, c.median_days, c.p90_days, c.with_deadline, c.answered_late, c.open_past_deadline, c.accepted_tacitly, c.open_over_12_months FROM migchain.cooperation_counts() s(cube), migchain.cooperation_cube_rows(s.cube) c"
	"cooperation_persons/plain|SELECT date_part('year', presented_on)::int AS year, kind, country, count(DISTINCT person_id) AS persons FROM request_text WHERE presented_on <= current_date GROUP BY 1, 2, 3"
	"cooperation_persons/migchain|SELECT year, kind::text, country::text, persons FROM migchain.cooperation_persons()"
	"cooperation_by_country_whole_view/migchain|SELECT * FROM migchain_bi.cooperation_by_country"
)

# What is timed must be right: each migchain query must return exactly the
# rows of its plain-SQL version (as a multiset), or the bench stops.  These
# are the migchain results in the plain versions' columns (the rows of a
# country without a process, with NULL counts, have no plain equivalent).
declare -A same_as_plain=(
	[overview_by_year]="SELECT year, kind, presented, positive, negative, withdrawn, pending FROM migchain_bi.overview_by_year"
	[overview_5y]="SELECT year, kind, presented, positive, negative, withdrawn, pending FROM migchain.overview(2018, 2022)"
	[not_confirmed_by_country]="SELECT year, kind, country_code, negative, withdrawn, not_confirmed, presented FROM migchain_bi.not_confirmed_by_country WHERE presented IS NOT NULL"
	[persons_by_year]="SELECT year, kind, presented, persons, persons_several_countries FROM migchain_bi.persons_by_year"
	[cooperation_by_country]="SELECT c.year, c.country::text, c.kind::text, c.presented, c.answered, c.positive, c.negative, c.withdrawn, c.pending, c.median_days, c.p90_days, c.with_deadline, c.answered_late, c.open_past_deadline, c.accepted_tacitly, c.open_over_12_months FROM migchain.cooperation_counts() s(cube), migchain.cooperation_cube_rows(s.cube) c"
	[cooperation_persons]="SELECT year, kind::text, country::text, persons FROM migchain.cooperation_persons()"
)
check_same() {
	local view=$1 plain=$2 mc=${same_as_plain[$1]} diff ndiff nrows
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
for q in "${queries[@]}"; do
	name=${q%%|*}
	case $name in */plain) check_same "${name%/plain}" "${q#*|}" ;; esac
done

# Median of BENCH_RUNS timed runs (ms), after one warm-up run.
time_query() {
	{
		echo '\o /dev/null'
		echo "SET migchain.language = 'en';"
		echo "$1;"
		echo '\timing on'
		for _ in $(seq "$BENCH_RUNS"); do echo "$1;"; done
	} | "${psql[@]}" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | sort -n |
		awk '{ t[NR] = $1 } END { if (NR % 2) print t[(NR + 1) / 2]; else print (t[NR / 2] + t[NR / 2 + 1]) / 2 }'
}

# Parallel workers launched (0 when the plan has none), also by statements
# run inside functions (the views run theirs inside migchain.period_cube()):
# auto_explain reports every plan to the client.
workers() {
	"${psql[@]}" -c "SET migchain.language = 'en'" -c "LOAD 'auto_explain'" \
		-c "SET auto_explain.log_min_duration = 0" -c "SET auto_explain.log_nested_statements = on" \
		-c "SET auto_explain.log_analyze = on" -c "SET auto_explain.log_timing = off" \
		-c "SET auto_explain.log_level = notice" -c "$1" 2>&1 >/dev/null |
		sed -n 's/.*Workers Launched: \([0-9]*\).*/\1/p' | sort -n | tail -n 1 | grep . || echo 0
}

# Arithmetic on decimals.
calc() {
	awk "BEGIN { printf \"%.6f\", $1 }"
}

declare -A ms nworkers
for q in "${queries[@]}"; do
	name=${q%%|*}
	sql=${q#*|}
	ms[$name]=$(time_query "$sql")
	nworkers[$name]=$(workers "$sql")
done

rows=$("${psql[@]}" -At -c "SELECT count(*) FROM migchain.request")
size_m=$("${psql[@]}" -At -c "SELECT pg_relation_size('migchain.request')")
size_t=$("${psql[@]}" -At -c "SELECT pg_relation_size('request_text')")

echo
echo "== make bench: $rows requests, median of $BENCH_RUNS warm runs, $(nproc) cores"
printf '%-26s %12s %12s\n' "table" "bytes/row" "MB"
printf '%-26s %12.1f %12.1f\n' "migchain.request" "$(calc "$size_m / $rows")" "$(calc "$size_m / 1048576")"
printf '%-26s %12.1f %12.1f\n' "request_text (baseline)" "$(calc "$size_t / $rows")" "$(calc "$size_t / 1048576")"
echo
printf 'floor: SELECT count(*) FROM migchain.request: %.1f ms (%s workers)\n' "${ms[floor]}" "${nworkers[floor]}"
lines=()
for view in overview_by_year overview_5y not_confirmed_by_country persons_by_year cooperation_by_country cooperation_persons; do
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
	if [ "$view" = cooperation_by_country ]; then
		# without distinct persons (cooperation_persons, apart)
		printf '  c/a = %.2f (target <= 3.0)   b/c = %.2f\n' "$ca" "$bc_"
	elif [ "$view" = persons_by_year ] || [ "$view" = cooperation_persons ]; then
		# distinct persons: a hash table of every person (person_cube), no target
		printf '  c/a = %.2f   b/c = %.2f (no target: every distinct person is kept)\n' "$ca" "$bc_"
	else
		printf '  c/a = %.2f (target <= 2.0)   b/c = %.2f (target >= 3.0)\n' "$ca" "$bc_"
	fi
	lines+=("$(printf 'bench %s c/a %.2f' "$view" "$ca")")
	lines+=("$(printf 'bench %s b/c %.2f' "$view" "$bc_")")
	lines+=("$(printf 'bench %s workers %s' "$view" "${nworkers[$view/migchain]}")")
done
echo
printf 'cooperation_by_country, the whole view (with persons): %.1f ms, c/a = %.2f\n' \
	"${ms[cooperation_by_country_whole_view/migchain]}" "$(calc "${ms[cooperation_by_country_whole_view/migchain]} / ${ms[floor]}")"
lines+=("$(printf 'bench cooperation_by_country_whole_view c/a %.2f' "$(calc "${ms[cooperation_by_country_whole_view/migchain]} / ${ms[floor]}")")")
lines+=("$(printf 'bench request_table bytes_per_row_ratio %.2f' "$(calc "$size_m / $size_t")")")
echo
printf '%s\n' "${lines[@]}"
