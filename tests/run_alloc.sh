#!/bin/sh
# Allocation failure (issue #7): builds samkalk with tests/alloc/failalloc.c
# under AddressSanitizer and LeakSanitizer, counts the allocations of a full
# run of the example (workbook, CSV and JSON), then runs it once for every N
# with the N-th allocation failing. Each run must exit 1 with "out of
# memory", leak nothing, and leave the old outputs byte-identical with no
# temporary file beside them. One thread (--threads 1), so that the N-th
# allocation is the same one in every run (worker threads allocate their
# own copies, in parallel).
# Usage: sh tests/run_alloc.sh   (from the repository root; make alloc
# passes the Makefile's PKG_CFLAGS and LDLIBS, so the libraries are listed
# once)
set -u
out=build/alloc
mkdir -p "$out"
WRAP="-Wl,--wrap=malloc,--wrap=calloc,--wrap=aligned_alloc,--wrap=realloc,--wrap=strdup,--wrap=strndup"
FLAGS="-std=c17 -D_XOPEN_SOURCE=700 -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -Iinclude"
# shellcheck disable=SC2086
cc $FLAGS ${PKG_CFLAGS:-$(pkg-config --cflags gsl xlsxwriter inih)} -o "$out/samkalk" \
	$(find src -name "*.c" | sort) tests/alloc/failalloc.c $WRAP \
	${LDLIBS:-$(pkg-config --libs gsl xlsxwriter inih) -lcsv -lm -pthread} || exit 1
bin="$out/samkalk"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'good old output\n' >"$tmp/ref"
fail=0
# each allocation of a scenario's full run fails once ($1: the scenario,
# $2: more options)
each() {
	S=$1
	EXTRA=$2
	# counted as the runs below run: over existing outputs
	mkdir "$tmp/count"
	for f in old.xlsx old.csv old.json; do cp "$tmp/ref" "$tmp/count/$f"; done
	total=$(SAMKALK_COUNT=1 "$bin" run "$S" $EXTRA --quiet --threads 1 -o "$tmp/count/old.xlsx" \
		--csv "$tmp/count/old.csv" --json "$tmp/count/old.json" 2>&1 >/dev/null |
		sed -n 's/^allocations: //p')
	rm -rf "$tmp/count"
	n=1
	while [ "$n" -le "$total" ]; do
		mkdir "$tmp/run"
		for f in old.xlsx old.csv old.json; do cp "$tmp/ref" "$tmp/run/$f"; done
		SAMKALK_FAIL_AT=$n "$bin" run "$S" $EXTRA --quiet --threads 1 -o "$tmp/run/old.xlsx" --csv "$tmp/run/old.csv" \
			--json "$tmp/run/old.json" >/dev/null 2>"$tmp/err"
		rc=$?
		left=$(ls -A "$tmp/run" | grep -v '^old\.' || true)
		bad=""
		[ "$rc" = 1 ] || bad="exit $rc"
		grep -q "out of memory" "$tmp/err" || bad="$bad; no 'out of memory'"
		grep -q "Sanitizer" "$tmp/err" && bad="$bad; a sanitizer report"
		for f in old.xlsx old.csv old.json; do
			cmp -s "$tmp/ref" "$tmp/run/$f" || bad="$bad; changed $f"
		done
		[ -z "$left" ] || bad="$bad; left $left"
		if [ -n "$bad" ]; then
			echo "FAIL  allocation $n of $total: $bad"
			head -n 3 "$tmp/err" | sed 's/^/      /'
			fail=$((fail + 1))
		fi
		rm -rf "$tmp/run"
		n=$((n + 1))
	done
	echo "alloc: $S: $total allocations, each failed once: $((total - fail)) passed, $fail failed"
}
each scenarios/unga-vuxna.ini ""
# the follow-up (issue #15): reader, estimate, re-forecast, their draws
each scenarios/unga-vuxna-uppfoljning.ini "--draws 200"
[ "$fail" = 0 ]
