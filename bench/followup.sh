#!/bin/sh
# The follow-up reader on a register-sized panel (issue #15, "Speed and
# memory"): 1 000 000 rows (100 000 persons x 10 years, bench/followup_make.py,
# a fixed seed) read, checked and counted by `samkalk check` (also the same
# rows ordered by year, which the reader must sort, and `samkalk run`),
# against Python's csv module counting the same moves
# (bench/followup_python.py), measured in the same run, rounds interleaved.
# Beside them, in process on the same file (a small C program built here
# with the project's src/base/sha256.c): its reading, libcsv's parsing alone
# (on one thread and split in two halves on two) and SHA-256; and the cost
# of starting a process, Python, and `openssl dgst -sha256`.
# Before any timing Python's counts are checked against samkalk's JSON.
# Prints median and fastest wall time, CPU time, peak memory, the ratios and
# whether the issue's goals (2 s, 200 MB, 10 x Python) hold; exits 0 whatever
# the times (1 only when something fails to run or the counts differ).
# About 90 s with the default 10 rounds on 2 cores.
# Usage: sh bench/followup.sh [build/samkalk] [ROUNDS]
set -eu
bin=${1:-build/samkalk}
rounds=${2:-10}
py=${PYTHON:-/usr/bin/python3}
[ -n "${PYTHON-}" ] || [ -x "$py" ] || py=python3
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
cd "$(dirname "$0")/.."
[ -x "$bin" ] || { echo "bench/followup.sh: no $bin; run make first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench/followup.sh: no /usr/bin/time; apt-get install -y time" >&2; exit 1; }
# the interpreter itself, not a wrapper (pyenv's shim costs 0.1 s a start)
py=$("$py" -c 'import sys; print(sys.executable)')
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
now() { date +%s%N; }

# --- the data: panel.csv (persons' rows together) and panel-by-year.csv
"$py" bench/followup_make.py "$tmp" templates/typpersoner.ini
scen=$tmp/panel.ini

# --- libcsv, the file's reading and SHA-256 alone: a program of its own,
# so that nothing in the project is changed to measure them
cat >"$tmp/alone.c" <<'EOF'
/* The parts of src/read/followup.c alone on the same file, in process
 * (CLOCK_MONOTONIC): the file read into memory as the reader reads it;
 * libcsv (the reader's options, ';') over the whole buffer in one call,
 * fed one physical line at a time as the reader feeds it, and the buffer
 * split at the line end nearest its middle, each half fed line by line on
 * a thread of its own; its callbacks only count. Then the project's
 * SHA-256 (the way sha256_path_used says: 1 = the SHA extensions). Prints
 * "part seconds" lines. */
#include <csv.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "samkalk/base/sha256.h"

typedef struct part {
	const char *buf;
	size_t len, fields, records;
	int by_line, failed;
} part;

static void on_field(void *s, size_t n, void *data)
{
	(void)s, (void)n;
	((part *)data)->fields++;
}

static void on_record(int c, void *data)
{
	(void)c;
	((part *)data)->records++;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void *parse(void *arg)
{
	part *w = arg;
	struct csv_parser p;
	w->failed = csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0;
	if (w->failed)
		return NULL;
	csv_set_delim(&p, ';');
	for (size_t pos = 0, n; pos < w->len; pos += n) {
		const char *nl = w->by_line ? memchr(w->buf + pos, '\n', w->len - pos) : NULL;
		n = nl ? (size_t)(nl - (w->buf + pos)) + 1 : w->len - pos;
		if (csv_parse(&p, w->buf + pos, n, on_field, on_record, w) != n) {
			w->failed = 1;
			break;
		}
	}
	csv_fini(&p, on_field, on_record, w);
	csv_free(&p);
	return NULL;
}

int main(int argc, char **argv)
{
	char hex[65];
	if (argc != 2)
		return 2;
	double t0 = now();
	FILE *fp = fopen(argv[1], "rb");
	if (!fp || fseek(fp, 0, SEEK_END) != 0)
		return 1;
	size_t len = (size_t)ftell(fp);
	rewind(fp);
	char *buf = malloc(len + 1);
	if (!buf || fread(buf, 1, len, fp) != len)
		return 1;
	fclose(fp);
	double t1 = now();
	part whole = {buf, len, 0, 0, 0, 0};
	parse(&whole);
	double t2 = now();
	part lines = {buf, len, 0, 0, 1, 0};
	parse(&lines);
	double t3 = now();
	const char *mid = memchr(buf + len / 2, '\n', len - len / 2);
	size_t cut = mid ? (size_t)(mid - buf) + 1 : len;
	part half[2] = {{buf, cut, 0, 0, 1, 0}, {buf + cut, len - cut, 0, 0, 1, 0}};
	pthread_t other;
	if (pthread_create(&other, NULL, parse, &half[1]) != 0)
		return 1;
	parse(&half[0]);
	pthread_join(other, NULL);
	double t4 = now();
	sha256_hex(buf, len, hex);
	double t5 = now();
	if (whole.failed || lines.failed || half[0].failed || half[1].failed ||
	    lines.fields != half[0].fields + half[1].fields || lines.fields != whole.fields)
		return 1;
	printf("read %.6f\nlibcsv %.6f\nlibcsv_lines %.6f\nlibcsv_halves %.6f\nsha256 %.6f\n"
	       "sha256_path %d\n",
	       t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, (int)sha256_path_used());
	fprintf(stderr, "%zu records, %zu fields\n", lines.records, lines.fields);
	free(buf);
	return 0;
}
EOF
alone=
if cc -O2 -std=c17 -D_XOPEN_SOURCE=700 -pthread -Iinclude "$tmp/alone.c" src/base/sha256.c \
	-lcsv -o "$tmp/alone" 2>"$tmp/cc.err"; then
	alone=$tmp/alone
else
	echo "bench/followup.sh: could not build the libcsv program (libcsv-dev?); (d) skipped:" >&2
	cat "$tmp/cc.err" >&2
fi

# --- the baseline counts what samkalk counts: checked before any timing
"$bin" check "$scen" >/dev/null
"$bin" run "$scen" --quiet --json "$tmp/run.json"
"$py" bench/followup_python.py "$scen" --json "$tmp/run.json" >"$tmp/py.txt" ||
	{ cat "$tmp/py.txt"; echo "bench/followup.sh: Python's counts differ from samkalk's" >&2; exit 1; }
nans=$(grep -o '\bnan\b' "$tmp/run.json" | wc -l)

# one timed run: appends "wall_ns peak_KiB cpu_s" to $tmp/NAME.t
measure() { # NAME command...
	name=$1
	shift
	t0=$(now)
	/usr/bin/time -f '%M %U %S' -o "$tmp/rusage" "$@" >"$tmp/out" 2>"$tmp/err" ||
		{ cat "$tmp/err" >&2; echo "bench/followup.sh: failed: $*" >&2; exit 1; }
	t1=$(now)
	read -r kib user sys <"$tmp/rusage"
	echo "$((t1 - t0)) $kib $user $sys" | awk '{print $1, $2, $3 + $4}' >>"$tmp/$name.t"
}

openssl=$(command -v openssl || true)
load0=$(cut -d' ' -f1-3 /proc/loadavg)
r=1
while [ "$r" -le "$rounds" ]; do
	measure true /bin/true
	measure pystart "$py" -c 'import csv, configparser'
	measure check "$bin" check "$scen"
	measure check_year "$bin" check "$tmp/panel-by-year.ini"
	measure run "$bin" run "$scen" --quiet --json /dev/null
	measure python "$py" bench/followup_python.py "$scen"
	[ -z "$openssl" ] || measure openssl "$openssl" dgst -sha256 "$tmp/panel.csv"
	if [ -n "$alone" ]; then
		"$alone" "$tmp/panel.csv" >>"$tmp/alone.t" 2>/dev/null ||
			{ echo "bench/followup.sh: the libcsv program failed" >&2; exit 1; }
	fi
	r=$((r + 1))
done
load1=$(cut -d' ' -f1-3 /proc/loadavg)
[ -c /dev/null ] || echo "bench/followup.sh: /dev/null is no longer a device" >&2

# median, fastest and slowest of column COL of FILE (or of its lines named NAME)
stats() { # FILE COL [NAME]
	awk -v c="$2" -v name="${3-}" 'name == "" || $1 == name {v[++n] = $c}
	END {
		for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] < v[i]) {x = v[i]; v[i] = v[j]; v[j] = x}
		printf "%s %s %s\n", (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2, v[1], v[n]
	}' "$1"
}
row() { # NAME LABEL: wall s (median, fastest), median CPU s, median peak MB
	set -- "$(stats "$tmp/$1.t" 1) $(stats "$tmp/$1.t" 3) $(stats "$tmp/$1.t" 2)" "$2"
	echo "$1" | awk -v label="$2" '{
		printf "%-44s %8.3f %8.3f %8.3f %8.1f\n", label, $1 / 1e9, $2 / 1e9, $4, $7 * 1024 / 1e6 }'
}
part() { # NAME LABEL: seconds in process (median, fastest)
	stats "$tmp/alone.t" 2 "$1" | awk -v label="$2" '{printf "%-44s %8.3f %8.3f\n", label, $1, $2}'
}

bytes=$(wc -c <"$tmp/panel.csv")
cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
echo "follow-up reader: $(sed -n 's/^rows \([0-9]*\) persons \([0-9]*\) moves \([0-9]*\).*/\1 rows, \2 persons, \3 moves/p' "$tmp/py.txt"), $bytes bytes"
echo "machine: $cpu, $(nproc) cores, $(date +%F); $("$py" -c 'import sys; print("Python", sys.version.split()[0])'); $rounds rounds, interleaved"
echo "load average (1, 5, 15 min): $load0 before, $load1 after"
echo "Python's counts against samkalk's JSON: $(sed -n 's/^against samkalk.s JSON: //p' "$tmp/py.txt")"
[ "$nans" -eq 0 ] || echo "note: samkalk's JSON holds $nans bare 'nan' (not valid JSON: 90 % intervals gsl_cdf_beta_Pinv returned as NaN)"
echo
echo "wall seconds (median, fastest), CPU = user + system of all threads (median), peak = max RSS"
printf "%-44s %8s %8s %8s %8s\n" "" "median s" "min s" "CPU s" "peak MB"
row true "(e) /bin/true (starting a process)"
row pystart "(e) python3 -c 'import csv, configparser'"
row check "(a) samkalk check"
row check_year "    samkalk check, rows by year (sorted here)"
row run "(b) samkalk run --quiet --json /dev/null"
row python "(c) Python csv module (followup_python.py)"
if [ -n "$alone" ]; then
	echo "(d) in process, the same file:"
	part read "    read into memory (fread)"
	part libcsv "    libcsv, the whole buffer in one call"
	part libcsv_lines "    libcsv, fed line by line (as the reader)"
	part libcsv_halves "    libcsv, two halves on two threads"
	part sha256 "    SHA-256, sha256.c, $(stats "$tmp/alone.t" 2 sha256_path |
		awk '{print $1 == 1 ? "SHA extensions" : "portable C"}')"
fi
[ -z "$openssl" ] || row openssl "(e) openssl dgst -sha256 (SHA extensions)"
echo
lib=x
[ -z "$alone" ] || lib=$(stats "$tmp/alone.t" 2 libcsv_lines | cut -d' ' -f1)
echo "$(stats "$tmp/check.t" 1) $(stats "$tmp/python.t" 1) $(stats "$tmp/check.t" 3) $(stats "$tmp/check.t" 2) $(stats "$tmp/run.t" 2) $lib" | awk '{
	check = $1 / 1e9; check_min = $2 / 1e9; check_max = $3 / 1e9; py = $4 / 1e9; py_min = $5 / 1e9
	mb = $12 * 1024 / 1e6; mb_run = $15 * 1024 / 1e6
	if (check >= 0.9 * $7) printf "note: samkalk check took %.2f s of CPU in %.2f s: its threads mostly did not run at once (the second core busy elsewhere: see the load average)\n", $7, check
	printf "samkalk check vs Python csv: %.1fx (medians; fastest against fastest %.1fx)\n", py / check, py_min / check_min
	if ($16 != "x") printf "libcsv alone share of samkalk check: %.0f %% (libcsv fed line by line over the check, medians)\n", 100 * $16 / check
	print ""
	print "goals (issue #15; reading, checking and counting = samkalk check):"
	printf "  under 2 s:           %s (median %.3f s, slowest %.3f s)\n", (check < 2 ? "holds" : "does not hold"), check, check_max
	printf "  under 200 MB:        %s (largest peak %.1f MB; samkalk run %.1f MB)\n", (mb < 200 ? "holds" : "does not hold"), mb, mb_run
	printf "  at least 10x Python: %s (%.1fx)\n", (py / check >= 10 ? "holds" : "does not hold"), py / check
}'
