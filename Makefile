# migchain: return and readmission analytics for the migration chain.
#
#   make deps      install the Debian packages needed to build, test and demo
#   make           build the extension
#   make install   install it into the PostgreSQL found by pg_config
#   make test      deps, a -Werror build, install, the whole suite (test/run-tests.sh)
#   make fuzz      the parsers under libFuzzer (make fuzz-long: longer, with a report)
#   make demo      deps, build, install, and a tour in a throwaway cluster
#
# The build uses whatever pg_config is first on the PATH (PG_CONFIG=...).

EXTENSION = migchain
EXTVERSION := $(shell sed -n "s/^default_version *= *'\([^']*\)'.*/\1/p" $(EXTENSION).control)

MODULE_big = migchain
OBJS = \
	src/migchain.o \
	src/type_io.o \
	src/conditions.o \
	src/conditions_parse.o \
	src/label_words.o \
	src/label_type.o \
	src/request_kind_parse.o \
	src/request_kind.o \
	src/answer_parse.o \
	src/answer.o \
	src/case_outcome_parse.o \
	src/case_outcome.o \
	src/detention_exit_parse.o \
	src/detention_exit.o \
	src/period.o \
	src/year.o \
	src/country_route.o \
	src/cube_io.o \
	src/request_cube.o \
	src/request_rollup.o \
	src/person_cube.o \
	src/reply_deadline.o \
	src/cooperation_cube.o \
	src/tally.o \
	src/tally_parse.o \
	src/lights.o \
	src/lights_parse.o \
	src/delays.o \
	src/delays_parse.o \
	src/demo.o \
	src/demo_cases.o \
	src/country.o \
	src/country_parse.o \
	src/country_table.o \
	src/suppression.o \
	src/publish.o

# The install script of the current version is assembled from the pieces in
# sql/install/ (one file per concern, applied in name order).  Scripts of
# released versions and every upgrade step are committed as they are.
INSTALL_PIECES = $(sort $(wildcard sql/install/*.sql))
DATA_built = sql/$(EXTENSION)--$(EXTVERSION).sql
DATA = $(filter-out $(DATA_built),$(wildcard sql/$(EXTENSION)--*.sql))

# Every sql/*.sql that is not an install or upgrade script is a regression
# test, run in name order against a database where the extension exists.
REGRESS = $(sort $(patsubst sql/%.sql,%,$(filter-out sql/$(EXTENSION)--%,$(wildcard sql/*.sql))))
REGRESS_OPTS = --inputdir=. --load-extension=amcheck --load-extension=$(EXTENSION)

# Every test/isolation/specs/NAME.spec is an isolation test (concurrent
# sessions, run by PostgreSQL's isolationtester) with its expected output in
# test/isolation/expected/NAME.out; make installcheck runs them after the
# regression tests, in a database where the extension exists, and writes
# their output to output_iso/.
ISOLATION = $(sort $(patsubst test/isolation/specs/%.spec,%,$(wildcard test/isolation/specs/*.spec)))
ISOLATION_OPTS = --inputdir=test/isolation --load-extension=$(EXTENSION)

PG_CPPFLAGS += -DMIGCHAIN_VERSION='"$(EXTVERSION)"'
PG_CFLAGS += -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers
ifdef WERROR
PG_CFLAGS += -Werror
endif

EXTRA_CLEAN = results regression.diffs regression.out test/tmp_check

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)
ifneq ($(wildcard $(PGXS)),)
include $(PGXS)
endif

src/migchain.o: $(EXTENSION).control

# The report tool migchain-report (src/report/, a client program with a
# Makefile of its own: PGXS builds one module per Makefile).  make builds
# it, make install puts it in REPORT_BINDIR and its man page in
# REPORT_MANDIR (both under DESTDIR), make clean removes it; WERROR=1 holds
# for it too.
REPORT_BINDIR ?= /usr/local/bin
REPORT_MANDIR ?= /usr/local/share/man/man1
REPORT_MAKE = $(MAKE) --no-print-directory -C src/report PG_CONFIG='$(PG_CONFIG)' \
	REPORT_BINDIR='$(REPORT_BINDIR)' REPORT_MANDIR='$(REPORT_MANDIR)'

.PHONY: report install-report uninstall-report clean-report
all: report
report:
	+@$(REPORT_MAKE)
install: install-report
install-report: report
	+@$(REPORT_MAKE) install
uninstall: uninstall-report
uninstall-report:
	+@$(REPORT_MAKE) uninstall
clean: clean-report
clean-report:
	+@$(REPORT_MAKE) clean

# Every object is rebuilt when a header changes.
$(OBJS): $(wildcard src/*.h)

# Root installs directly, everyone else through sudo.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

sql/$(EXTENSION)--$(EXTVERSION).sql: $(INSTALL_PIECES) $(EXTENSION).control
	@{ echo '-- $(EXTENSION) $(EXTVERSION): generated from sql/install/*.sql by make; do not edit.'; \
	  echo; \
	  printf '%s\n' '\echo Use "CREATE EXTENSION $(EXTENSION)" to load this file. \quit'; \
	  for f in $(INSTALL_PIECES); do echo; echo "-- $$f"; cat "$$f"; done; } > $@

# Debian packages the project needs.  The PostgreSQL major version follows
# the distribution's default unless pg_config already names one.
# clang and its runtimes build the fuzzers; sqlsmith sends random queries;
# the client libraries and a JDK run the programs of docs/clients.md
# (test/t/050_clients.pl), which also need node-postgres (test/deps-node.sh);
# libpq and libxlsxwriter build the report tool; pg_cron (named after the
# server's version, test/deps.sh) schedules snapshots.
DEB_PACKAGES = build-essential perl iso-codes gettext libipc-run-perl \
	postgresql postgresql-contrib postgresql-server-dev-all \
	clang-14 libclang-rt-14-dev sqlsmith \
	python3-psycopg2 python3-psycopg libpostgresql-jdbc-java default-jdk-headless \
	libpq-dev libxlsxwriter-dev

# Packages only make test needs: a spreadsheet program that opens the
# workbook and a pseudo-terminal for the progress line (test/t/061_report.pl),
# and a linear-programming solver for the disclosure audit
# (test/publish/audit.py).
TEST_DEB_PACKAGES = libreoffice-calc-nogui unzip libio-pty-perl python3-scipy

# make fuzz: every parser under libFuzzer with address and undefined-behaviour
# sanitizers, FUZZ_SECONDS each (FUZZERS=NAME for one of them).  A harness
# test/fuzz/fuzz_NAME.c is linked with the plain-C sources listed in
# FUZZ_SRC_NAME and starts from the seeds in test/fuzz/corpus/NAME/; what it
# learns is kept in test/fuzz/work/NAME/corpus/ for the next run, its output
# in test/fuzz/work/NAME.log.  An input that crashes, leaks, hangs or runs
# out of memory is written to test/fuzz/work/NAME/ (crash-*, leak-*,
# timeout-*, oom-*): the target then fails and prints how to replay it.
FUZZ_SECONDS ?= 30
FUZZ_CC ?= clang-14
FUZZ_CFLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -Isrc
FUZZ_SRC_conditions = src/conditions_parse.c
FUZZ_SRC_request_kind = src/request_kind_parse.c src/label_words.c
FUZZ_SRC_answer = src/answer_parse.c src/label_type.c src/label_words.c
FUZZ_SRC_case_outcome = src/case_outcome_parse.c src/label_type.c src/label_words.c
FUZZ_SRC_detention_exit = src/detention_exit_parse.c src/label_type.c src/label_words.c
FUZZ_SRC_tally = src/tally_parse.c
FUZZ_SRC_lights = src/lights_parse.c src/conditions_parse.c
FUZZ_SRC_delays = src/delays_parse.c
FUZZ_SRC_country = src/country_parse.c src/country_table.c
FUZZERS = $(patsubst test/fuzz/fuzz_%.c,%,$(wildcard test/fuzz/fuzz_*.c))

.SECONDEXPANSION:
test/fuzz/fuzz_%: test/fuzz/fuzz_%.c $$(FUZZ_SRC_$$*) $$(wildcard src/*.h test/fuzz/*.h)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $< $(FUZZ_SRC_$*)

.PHONY: fuzz
fuzz: $(addprefix test/fuzz/fuzz_,$(FUZZERS))
	@status=0; for f in $(FUZZERS); do \
	  work=test/fuzz/work/$$f; \
	  mkdir -p $$work/corpus; \
	  echo "== fuzz $$f ($(FUZZ_SECONDS) s)"; \
	  if test/fuzz/fuzz_$$f -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	      -artifact_prefix=$$work/ $$work/corpus test/fuzz/corpus/$$f > $$work.log 2>&1; then \
	    grep -E '^stat::(number_of_executed_units|new_units_added|peak_rss_mb)' $$work.log; \
	  else \
	    status=1; \
	    grep -E '^(==[0-9]+== ?ERROR|SUMMARY)' $$work.log; \
	    echo "fuzz $$f FAILED: the whole output is in $$work.log"; \
	    sed -n 's/.*Test unit written to \(.*\)$$/\1/p' $$work.log | while read -r input; do \
	      echo "fuzz $$f: failing input $$input"; \
	      echo "fuzz $$f: replay with   test/fuzz/fuzz_$$f $$input"; \
	    done; \
	  fi; \
	done; exit $$status

# make fuzz-long: make fuzz for FUZZ_LONG_SECONDS each (600 by default),
# growing the same corpus, then a report: when it started and how long each
# fuzzer ran, and per fuzzer, from its log, the executions, the coverage of
# libFuzzer's last status line (cov: edges, ft: features), the new units it
# added to the corpus and its findings (inputs written to
# test/fuzz/work/NAME/ by this run).  Fails as make fuzz does, after the
# report.
FUZZ_LONG_SECONDS ?= 600

.PHONY: fuzz-long
fuzz-long: $(addprefix test/fuzz/fuzz_,$(FUZZERS))
	@status=0; started=$$(date -u '+%Y-%m-%d %H:%M UTC'); \
	$(MAKE) --no-print-directory fuzz FUZZERS="$(FUZZERS)" FUZZ_SECONDS=$(FUZZ_LONG_SECONDS) || status=1; \
	echo "== fuzz-long from $$started, $(FUZZ_LONG_SECONDS) s each"; \
	for f in $(FUZZERS); do \
	  log=test/fuzz/work/$$f.log; \
	  execs=$$(sed -n 's/^stat::number_of_executed_units: *//p' $$log); \
	  new=$$(sed -n 's/^stat::new_units_added: *//p' $$log); \
	  cov=$$(grep -E '^#[0-9]+.*cov: ' $$log | tail -n 1 | sed -n 's/.*cov: \([0-9]*\) ft: \([0-9]*\).*/cov \1, ft \2/p'); \
	  found=$$(grep -c 'Test unit written to' $$log); \
	  echo "fuzz-long $$f: $${execs:-?} executions, $${cov:-cov ?}, $${new:-?} new units, findings $$found"; \
	done; exit $$status

# The country table is generated from Debian's iso-codes data (see the
# generator); check-generated fails when the committed table differs from
# what the generator writes from the data installed here.
ISO_CODES_JSON ?= /usr/share/iso-codes/json
ISO_CODES_MO_NL ?= /usr/share/locale/nl/LC_MESSAGES

.PHONY: country-table check-generated
country-table:
	perl tools/gen-country-table.pl $(ISO_CODES_JSON) $(ISO_CODES_MO_NL) > src/country_table.c.new
	mv src/country_table.c.new src/country_table.c

check-generated:
	@tmp=$$(mktemp) && trap 'rm -f "$$tmp"' EXIT && \
	  perl tools/gen-country-table.pl $(ISO_CODES_JSON) $(ISO_CODES_MO_NL) > "$$tmp" && \
	  diff -u src/country_table.c "$$tmp" && echo "src/country_table.c is up to date"

.PHONY: deps test demo
deps:
	@test/deps.sh $(DEB_PACKAGES)
	@test/deps-node.sh

test: deps
	@test/deps.sh $(TEST_DEB_PACKAGES)
	@$(MAKE) --no-print-directory clean >/dev/null
	$(MAKE) --no-print-directory WERROR=1
	$(SUDO) $(MAKE) --no-print-directory install >/dev/null
	@test/run-tests.sh

demo: deps
	@$(MAKE) -s --no-print-directory
	$(SUDO) $(MAKE) --no-print-directory install >/dev/null
	@test/demo.sh

# make bench: the overviews against the floor and plain SQL (not part of
# make test: timings would make tests flaky).  BENCH_SCALE=240 is about ten
# million requests.
.PHONY: bench
bench: deps
	@$(MAKE) -s --no-print-directory
	$(SUDO) $(MAKE) --no-print-directory install >/dev/null
	@test/bench/bench.sh
