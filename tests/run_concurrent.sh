#!/bin/sh
# Concurrent runs (issue #19, SPEC §8): in each of 50 rounds, 2 to 8 runs of
# different scenarios (how many and which vary by round, the same on every
# machine) write the same -o, --csv and --json at once, started with & and
# waited for. After each round: every run exited 0 with the stderr of its
# clean run; each of the three files is whole and one run's version (the
# CSV and the JSON byte-identical to a clean run's of a scenario of that
# round, the workbook equal to one member by member, docProps/core.xml's
# created and modified times masked); nothing else is left beside them (no
# name starting with '.') nor in TMPDIR. Each file on its own: the CSV may
# be one run's and the JSON another's (docs/limits.md). No sleep and no
# timing: whichever run renames last wins, and any winner passes.
# Usage (from the repository root): sh tests/run_concurrent.sh build/samkalk
set -u
bin=${1:-build/samkalk}
py=${PYTHON:-python3}
rounds=50
work=$(mktemp -d "${TMPDIR:-/tmp}/samkalk-concurrent.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
trap 'exit 1' HUP INT TERM
mkdir "$work/ref" "$work/out" "$work/tmp" "$work/err"
TMPDIR=$work/tmp
export TMPDIR

# digests FILE...: one line per workbook, "SHA-256 FILE", over its members'
# names and contents in order, with the creation and modification times
# masked (everything else in a workbook is reproducible)
digests() {
	"$py" - "$@" <<'EOF'
import hashlib, re, sys, zipfile
for path in sys.argv[1:]:
    h = hashlib.sha256()
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            data = z.read(name)
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\1", data)
            h.update(name.encode() + b"\0" + str(len(data)).encode() + b"\0" + data)
    print(h.hexdigest(), path)
EOF
}

# the scenarios that run, each once alone: the versions a file may end as
n=0
for s in scenarios/*.ini tests/e2e/*.ini; do
	grep -q '^\[scenario\]' "$s" || continue # a profile
	n=$((n + 1))
	args="$s --quiet"
	grep -q '^\[uncertainty [^]]' "$s" && args="$args --draws 200"
	echo "$args" >"$work/ref/$n.args"
	echo "$s" >"$work/ref/$n.name"
	# shellcheck disable=SC2086 # args is words by design
	if ! "$bin" run $args -o "$work/ref/$n.xlsx" --csv "$work/ref/$n.csv" \
		--json "$work/ref/$n.json" 2>"$work/ref/$n.err"; then
		echo "FAIL the clean run of $s:"; cat "$work/ref/$n.err"; exit 1
	fi
	digests "$work/ref/$n.xlsx" | cut -d' ' -f1 >"$work/ref/$n.digest"
done
[ "$n" -ge 2 ] || { echo "FAIL run_concurrent.sh: fewer than two scenarios (run from the repository root)"; exit 1; }

# winners EXT ROUND-SCENARIOS: the scenarios of the round whose clean
# version the final file out/x.EXT is (for xlsx: by digest)
winners() {
	ext=$1
	shift
	[ "$ext" = xlsx ] && got=$(digests "$work/out/x.xlsx" 2>/dev/null | cut -d' ' -f1)
	for i in "$@"; do
		case $ext in
		xlsx) [ -n "$got" ] && [ "$got" = "$(cat "$work/ref/$i.digest")" ] && printf ' %s' "$i" ;;
		*) cmp -s "$work/out/x.$ext" "$work/ref/$i.$ext" && printf ' %s' "$i" ;;
		esac
	done
}

fail=0
runs=0
mixed=0
r=1
while [ "$r" -le "$rounds" ]; do
	k=$((2 + r * 3 % 7)) # 2 to 8 runs, each count about as often
	start=$((r * 4 % n))
	set --
	j=0
	while [ "$j" -lt "$k" ]; do
		set -- "$@" $(((start + j) % n + 1))
		j=$((j + 1))
	done
	pids=""
	m=0
	for i in "$@"; do
		m=$((m + 1))
		# shellcheck disable=SC2046 # args is words by design
		"$bin" run $(cat "$work/ref/$i.args") -o "$work/out/x.xlsx" --csv "$work/out/x.csv" \
			--json "$work/out/x.json" 2>"$work/err/$m" &
		pids="$pids $!"
	done
	why=""
	names=""
	m=0
	for p in $pids; do # wait PID: that run's exit status
		m=$((m + 1))
		wait "$p"
		rc=$?
		i=$(echo "$@" | cut -d' ' -f"$m")
		s=$(cat "$work/ref/$i.name")
		names="$names $s"
		[ "$rc" = 0 ] || why="$why; $s exited $rc"
		cmp -s "$work/err/$m" "$work/ref/$i.err" ||
			why="$why; $s wrote on stderr: $(head -c 300 "$work/err/$m")"
	done
	runs=$((runs + k))
	wc=$(winners csv "$@")
	wj=$(winners json "$@")
	wx=$(winners xlsx "$@")
	[ -n "$wc" ] || why="$why; x.csv is no run's whole version"
	[ -n "$wj" ] || why="$why; x.json is no run's whole version"
	[ -n "$wx" ] || why="$why; x.xlsx is no run's whole version"
	# files from runs of different scenarios: no scenario's version is all three
	one=""
	for i in $wc; do
		case "$wj " in *" $i "*) case "$wx " in *" $i "*) one=$i ;; esac ;; esac
	done
	[ -n "$one" ] || mixed=$((mixed + 1))
	left=$(ls -A "$work/out" | grep -v -x -e x.csv -e x.json -e x.xlsx)
	[ -z "$left" ] || why="$why; left beside the outputs: $(echo "$left" | tr '\n' ' ')"
	left=$(ls -A "$work/tmp")
	[ -z "$left" ] || why="$why; left in TMPDIR: $(echo "$left" | tr '\n' ' ')"
	if [ -n "$why" ]; then
		echo "FAIL  round $r, $k runs at once:$names${why}"
		fail=$((fail + 1))
		rm -rf "$work/out" "$work/tmp"
		mkdir "$work/out" "$work/tmp"
	fi
	r=$((r + 1))
done
if [ "$fail" = 0 ]; then
	echo "ok    $rounds rounds, $runs runs of $n scenarios, 2 to 8 at once into the same -o, --csv and --json: every run exit 0, every file one run's whole version, no temporary left ($mixed rounds ended with files from different runs)"
else
	echo "FAIL  $fail of $rounds rounds of concurrent runs"
	exit 1
fi
