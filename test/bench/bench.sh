#!/bin/bash
# make bench: the BI overviews against the floor (a bare count(*) over the
# request table) and against the same overviews in plain SQL over a table
# of text columns, and the cost of keeping the rollup of the request
# counters when loading (COPY with and without it), measured side by side
# in one throwaway cluster.
#
#   BENCH_SCALE      demo scale (default 240: about 10 million requests)
#   BENCH_RUNS       timed runs per query, after one warm-up (default 5)
#   BENCH_WORKERS    max_parallel_workers_per_gather (default: cores - 1, at least 1)
#   BENCH_LOAD_ROWS  requests per timed COPY (default 1000000, at most those of the demo)
#   BENCH_LOAD_RUNS  timed COPYs per variant, after one warm-up round (default 7)
#
# Prints a table per query and ends with one machine-readable line per
# ratio: "bench <query> <ratio> <value>".
set -eu
cd "$(dirname "$0")/../.."
PG_CONFIG=${PG_CONFIG:-pg_config}
major=$($PG_CONFIG --version | sed -n 's/^PostgreSQL \([0-9]*\).*/\1/p')
export BENCH_SCALE=${BENCH_SCALE:-240}
export BENCH_RUNS=${BENCH_RUNS:-5}
# One process per core: the leader and nproc - 1 workers (at least one).
BENCH_WORKERS=${BENCH_WORKERS:-$(( $(nproc) > 2 ? $(nproc) - 1 : 1 ))}

exec pg_virtualenv -t -v "$major" \
	-o max_parallel_workers_per_gather="$BENCH_WORKERS" -o max_worker_processes=8 \
	-o max_parallel_workers=8 -o shared_buffers=4GB -o work_mem=64MB \
	-o jit=off -o synchronous_commit=off -o max_wal_size=8GB \
	test/bench/bench-inner.sh
