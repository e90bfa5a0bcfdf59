# samkalk -- plain Makefile (C17, pkg-config). See README.md.
#   make          build build/samkalk
#   make deps     install missing Debian packages (apt-get; sudo when not root)
#   make run      deps + build + run the bundled example into out/
#   make check    the quick tier: unit tests, cases, layers (under a minute)
#   make test     deps + build + every test, and every fuzz target for a fixed
#                 number of executions (make fuzz-ci, about a minute in all)
#   make layers   layers import only downward, without a circle
#   make bench    timing against a baseline measured in the same run
#   make format   clang-format every source file
#   make install PREFIX=...   the program, man page and default profile
#   make fuzz FUZZ_SECONDS=N  every fuzz target for N seconds
#   make fuzz-ci  every fuzz target for FUZZ_RUNS executions from seed FUZZ_SEED

CC      ?= cc
PKGS    := gsl xlsxwriter inih
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
TEST_CFLAGS := $(shell pkg-config --cflags criterion 2>/dev/null)
TEST_LIBS   := $(shell pkg-config --libs criterion 2>/dev/null)

# -Werror only where we develop and test (make check, make test, WERROR=
# -Werror): a newer compiler's new warning must not break a user's build.
WERROR  ?=
WARN    := -Wall -Wextra -Wpedantic $(WERROR)
CFLAGS  ?= -O2 -g
ALL_CFLAGS := -std=c17 -D_XOPEN_SOURCE=700 -pthread $(WARN) -Iinclude $(PKG_CFLAGS) $(CFLAGS)
# libcsv (follow-up data files) has no pkg-config file in Debian
LDLIBS  := $(PKG_LIBS) -lcsv -lm -pthread

BUILD   ?= build
# Layers, each a folder of src/ and include/samkalk/ (docs/architecture.md)
LAYERS  := base read model vary report cli
SRC     := $(filter-out src/cli/main.c,$(foreach l,$(LAYERS),$(wildcard src/$(l)/*.c src/$(l)/*/*.c)))
OBJ     := $(SRC:src/%.c=$(BUILD)/obj/%.o)
HDR     := $(foreach l,$(LAYERS),$(wildcard include/samkalk/$(l)/*.h include/samkalk/$(l)/*/*.h \
             include/samkalk/$(l)/*.def))
UNIT    := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT:tests/unit/%.c=$(BUILD)/tests/%)

# Debian packages: to build, and (second list) for the tests only.
BUILD_DEBS := gcc make pkg-config libgsl-dev libxlsxwriter-dev libinih-dev libcsv-dev
TEST_DEBS  := libcriterion-dev python3 python3-openpyxl clang-format \
              libreoffice-calc-nogui poppler-utils valgrind python3-numpy time \
              clang libclang-rt-14-dev strace

EXAMPLE := scenarios/unga-vuxna.ini
# Debian's python3, which has the Debian packages the tests use (openpyxl).
PYTHON  ?= $(shell test -x /usr/bin/python3 && echo /usr/bin/python3 || echo python3)
export PYTHON

.PHONY: all deps run check test layers unit followup docs-keys golden FORCE cases e2e sanitize format-check bench format clean update-expected \
        fuzz fuzz-build install limits faults valgrind alloc uncertainty

# libFuzzer targets (clang, ASan, UBSan): make fuzz FUZZ_SECONDS=N; make
# test's step runs each for FUZZ_RUNS executions from seed FUZZ_SEED, about
# a minute for the five on two cores (fuzz/run.sh --runs)
FUZZ_SECONDS ?= 60
FUZZ_RUNS    ?= 10000
FUZZ_SEED    ?= 1
FUZZ_TARGETS := fuzz_profile fuzz_scenario fuzz_run fuzz_uncertainty fuzz_followup
FUZZ_FLAGS   := -std=c17 -D_XOPEN_SOURCE=700 -g -O1 -fno-omit-frame-pointer \
                -fno-sanitize-recover=undefined -Iinclude $(PKG_CFLAGS)
FUZZ_OBJ     := $(SRC:src/%.c=$(BUILD)/fuzz/obj/%.o)

# The sanitizer build: every test again under AddressSanitizer,
# UndefinedBehaviorSanitizer and LeakSanitizer; any report fails.
SAN_CFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all

all: $(BUILD)/samkalk

# the flags of the last build: objects are made again when they change
$(BUILD)/cflags: FORCE
	@mkdir -p $(BUILD)
	@echo '$(ALL_CFLAGS)' | cmp -s - $@ || echo '$(ALL_CFLAGS)' >$@

FORCE:

$(BUILD)/obj/%.o: src/%.c $(HDR) $(BUILD)/cflags
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/libsamkalk.a: $(OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/samkalk: src/cli/main.c $(BUILD)/libsamkalk.a $(HDR) $(BUILD)/cflags
	$(CC) $(ALL_CFLAGS) -o $@ src/cli/main.c $(BUILD)/libsamkalk.a $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libsamkalk.a $(HDR) $(BUILD)/cflags | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) -o $@ $< $(BUILD)/libsamkalk.a $(LDLIBS) $(TEST_LIBS)

$(BUILD)/tests:
	mkdir -p $@

deps:
	@missing=""; \
	for p in $(BUILD_DEBS) $(TEST_DEBS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  echo "make deps: installing$$missing"; \
	  $$sudo apt-get update && \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	fi

run: deps
	@$(MAKE) --no-print-directory all
	@mkdir -p out
	./$(BUILD)/samkalk run $(EXAMPLE) -o out/unga-vuxna.xlsx --csv out/unga-vuxna.csv --json out/unga-vuxna.json

# the quick tier while you work: unit tests, cases, layers (under a minute);
# it assumes the set-up of make test or make deps is done
check:
	@$(MAKE) -s --no-print-directory WERROR=-Werror all unit cases layers

test: deps
	@$(MAKE) -s --no-print-directory WERROR=-Werror all unit cases layers uncertainty followup \
	  limits faults killsteps concurrent nowrite alloc e2e valgrind format-check
	@$(MAKE) --no-print-directory WERROR=-Werror sanitize
	@echo "== every fuzz target for $(FUZZ_RUNS) executions, seed $(FUZZ_SEED)"
	@$(MAKE) -s --no-print-directory fuzz-ci

# layers import only downward, without a circle (tests/layers.py), and the
# check itself fails on a tree that breaks either rule
layers:
	@$(PYTHON) tests/layers.py .
	@sh tests/layers_selftest.sh

sanitize:
	@echo "== the same tests under -fsanitize=address,undefined"
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
	  $(MAKE) -s --no-print-directory BUILD=build/asan CFLAGS="$(SAN_CFLAGS)" unit cases uncertainty followup e2e

format-check:
	@clang-format --dry-run --Werror $(SRC) src/cli/main.c $(HDR) tests/unit/*.c tests/unit/*.h fuzz/*.c \
	  && echo "ok   clang-format leaves no diff"


unit: $(UNIT_BIN)
	@fail=0; for t in $(UNIT_BIN); do echo "== $$t"; \
	  $$t --jobs 1 >$(BUILD)/tests/log 2>&1 || fail=1; cat $(BUILD)/tests/log; \
	  ! grep -q 'Sanitizer' $(BUILD)/tests/log || { echo "FAIL $$t: a sanitizer report"; fail=1; }; \
	done; exit $$fail

limits: $(BUILD)/samkalk
	@sh tests/run_limits.sh $(BUILD)/samkalk

# make run's command under valgrind: any error or leak fails
valgrind: $(BUILD)/samkalk
	@mkdir -p $(BUILD)/vg
	@valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect \
	  ./$(BUILD)/samkalk run $(EXAMPLE) --quiet -o $(BUILD)/vg/x.xlsx --csv $(BUILD)/vg/x.csv \
	  --json $(BUILD)/vg/x.json && echo "ok   valgrind: make run's command is clean"

# every allocation of a full run made to fail once (tests/run_alloc.sh)
alloc:
	@PKG_CFLAGS="$(PKG_CFLAGS)" LDLIBS="$(LDLIBS)" sh tests/run_alloc.sh

faults: $(BUILD)/samkalk
	@sh tests/run_faults.sh $(BUILD)/samkalk

# SIGKILL before each file-system call of a run in turn (issue #19)
.PHONY: killsteps
killsteps: $(BUILD)/samkalk
	@sh tests/run_killsteps.sh $(BUILD)/samkalk

# 2 to 8 runs at once into the same outputs, 50 rounds (issue #19)
.PHONY: concurrent
concurrent: $(BUILD)/samkalk
	@sh tests/run_concurrent.sh $(BUILD)/samkalk

# every scenario under strace: writes only the outputs named on the command
# line, reads the files it names; samkalk check writes nothing (issue #19)
.PHONY: nowrite
nowrite: $(BUILD)/samkalk
	@sh tests/run_nowrite.sh $(BUILD)/samkalk

cases: $(BUILD)/samkalk
	@sh tests/run_cases.sh $(BUILD)/samkalk
	@sh tests/run_cli.sh $(BUILD)/samkalk

# SPEC §6: the same seed on 1, 2 and 7 threads, tornado ends against plain
# runs, Monte Carlo statistics against the draws CSV, a draw above 1
uncertainty: $(BUILD)/samkalk
	@sh tests/run_uncertainty.sh $(BUILD)/samkalk

# issue #15: the follow-up against a NumPy re-computation, its shapes and
# encodings against each other
followup: $(BUILD)/samkalk
	@sh tests/run_followup.sh $(BUILD)/samkalk

e2e: $(BUILD)/samkalk
	@sh tests/run_e2e.sh $(BUILD)/samkalk
	@$(PYTHON) tests/check_compare.py $(BUILD)/samkalk
	@$(PYTHON) tests/check_workbook.py $(BUILD)/samkalk

# docs/scenario-format.md's key tables written from the table of inputs
# (include/samkalk/read/inputs.def); test_inputs fails when they differ
docs-keys: $(BUILD)/tests/test_inputs
	@SAMKALK_UPDATE_DOCS=1 $(BUILD)/tests/test_inputs >/dev/null && git diff --stat docs/scenario-format.md

# every output of every scenario against those of commit REF (tests/golden)
golden: $(BUILD)/samkalk
	@sh tests/golden/compare.sh $(REF)

update-expected: $(BUILD)/samkalk
	@UPDATE=1 sh tests/run_cases.sh $(BUILD)/samkalk; UPDATE=1 sh tests/run_e2e.sh $(BUILD)/samkalk

bench: $(BUILD)/samkalk
	@sh bench/run.sh $(BUILD)/samkalk
	@sh bench/xlsx.sh $(BUILD)/samkalk
	@sh bench/mc.sh $(BUILD)/samkalk

# the sources once, instrumented; each target links them with its own main
$(BUILD)/fuzz/obj/%.o: src/%.c $(HDR)
	@mkdir -p $(dir $@)
	clang $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link,address,undefined -c -o $@ $<

$(BUILD)/fuzz/%: fuzz/%.c fuzz/two_files.h $(FUZZ_OBJ)
	clang $(FUZZ_FLAGS) -fsanitize=fuzzer,address,undefined -o $@ $< $(FUZZ_OBJ) $(LDLIBS)

fuzz-build: $(FUZZ_TARGETS:%=$(BUILD)/fuzz/%)

fuzz: fuzz-build
	@FUZZ_OUT=$(BUILD)/fuzz sh fuzz/run.sh $(FUZZ_SECONDS)

# the same inputs on every run: a fixed number of executions and seed
.PHONY: fuzz-ci
fuzz-ci: fuzz-build
	@FUZZ_OUT=$(BUILD)/fuzz sh fuzz/run.sh --runs $(FUZZ_RUNS) --seed $(FUZZ_SEED)

# make install PREFIX=/usr/local: the program, its man page, and the default
# profile where `samkalk new` finds it (PREFIX/share/samkalk/templates).
PREFIX ?= /usr/local
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/samkalk/templates
	install -m 755 $(BUILD)/samkalk $(DESTDIR)$(PREFIX)/bin/samkalk
	install -m 644 man/samkalk.1 $(DESTDIR)$(PREFIX)/share/man/man1/samkalk.1
	install -m 644 templates/typpersoner.ini templates/SOURCES.md \
	  $(DESTDIR)$(PREFIX)/share/samkalk/templates/

format:
	clang-format -i $(SRC) src/cli/main.c $(HDR) tests/unit/*.c tests/unit/*.h fuzz/*.c

clean:
	rm -rf $(BUILD) out
