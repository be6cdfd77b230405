#!/bin/bash
# make demo: a tour of migchain in a throwaway cluster (pg_virtualenv), which
# is removed again when the tour ends; it ends by writing the press-answer
# workbook of the snapshot the tour froze into demo-output/, under a name of
# its own (nothing there is overwritten).
set -eu
cd "$(dirname "$0")/.."
PG_CONFIG=${PG_CONFIG:-pg_config}
major=$($PG_CONFIG --version | sed -n 's/^PostgreSQL \([0-9]*\).*/\1/p')
mkdir -p demo-output
book="demo-output/persvraag-2018-2022-$(date +%Y%m%d-%H%M%S).xlsx"
# shellcheck disable=SC2016
pg_virtualenv -t -v "$major" sh -c '
	psql -X -q -v ON_ERROR_STOP=1 -f test/demo.sql &&
	echo &&
	echo "== The press-answer workbook, from snapshot 1 ==" &&
	migchain-report --snapshot 1 -o "$1" --csv "${1%.xlsx}-csv"' sh "$book"
echo
echo "The workbook is $PWD/$book (CSV files beside it in ${book%.xlsx}-csv/)."
echo "Open it with LibreOffice Calc (libreoffice --calc $book) or Excel."
