#!/bin/bash
# make demo: a tour of migchain in a throwaway cluster (pg_virtualenv), which
# is removed again when the tour ends.
set -eu
cd "$(dirname "$0")/.."
PG_CONFIG=${PG_CONFIG:-pg_config}
major=$($PG_CONFIG --version | sed -n 's/^PostgreSQL \([0-9]*\).*/\1/p')
pg_virtualenv -t -v "$major" psql -X -q -v ON_ERROR_STOP=1 -f test/demo.sql
