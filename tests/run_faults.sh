#!/bin/sh
# Failures of the machine (issue #7, begun): a full disk while writing the
# CSV, the JSON and the workbook, and an output directory that is missing.
# Each must exit 1 with the reason, leave an existing output byte-identical
# and leave no temporary file behind. The full disk is a 16 kB tmpfs, which
# needs the right to mount (root in CI); without it that part is skipped,
# and says so.
# Usage: sh tests/run_faults.sh build/samkalk
set -u
bin=$(cd "$(dirname "${1:-build/samkalk}")" && pwd)/$(basename "${1:-build/samkalk}")
fail=0
pass=0
S=scenarios/unga-vuxna.ini

# fault NAME DIR ARGS...: exit 1, a reason on stderr, DIR holds only old.*
fault() {
	name=$1 dir=$2
	shift 2
	"$bin" run "$S" --quiet "$@" >/dev/null 2>"$dir.err"
	rc=$?
	left=$(ls -A "$dir" | grep -v '^old\.' || true)
	if [ "$rc" != 1 ] || [ ! -s "$dir.err" ] || [ -n "$left" ] ||
		! cmp -s "$dir/old.csv" "$dir.ref" || ! cmp -s "$dir/old.xlsx" "$dir.ref"; then
		echo "FAIL  $name: exit $rc, left: ${left:-nothing}"; sed 's/^/      /' "$dir.err"
		fail=$((fail + 1))
	else
		pass=$((pass + 1)); echo "ok    $name: $(tail -n 1 "$dir.err" | cut -c1-100)"
	fi
}

work=$(mktemp -d)
printf 'a good old output\n' >"$work/tiny.ref"
mkdir -p "$work/tiny"
if mount -t tmpfs -o size=16k tmpfs "$work/tiny" 2>/dev/null; then
	for what in csv json xlsx; do
		cp "$work/tiny.ref" "$work/tiny/old.csv"
		cp "$work/tiny.ref" "$work/tiny/old.xlsx"
		case $what in
		csv) # the CSV (8 kB) fits once, not beside a 9 kB filler
			head -c 9000 /dev/zero >"$work/tiny/old.filler" 2>/dev/null
			fault "disk full while writing the CSV" "$work/tiny" --csv "$work/tiny/old.csv" ;;
		json)
			head -c 12000 /dev/zero >"$work/tiny/old.filler" 2>/dev/null
			fault "disk full while writing the JSON" "$work/tiny" --json "$work/tiny/new.json" ;;
		xlsx)
			fault "disk full while writing the workbook" "$work/tiny" -o "$work/tiny/old.xlsx" ;;
		esac
		rm -f "$work/tiny/old.filler"
	done
	umount "$work/tiny"
else
	echo "skip  disk full: cannot mount a tmpfs here (not root)"
fi
mkdir -p "$work/nodir"
cp "$work/tiny.ref" "$work/nodir/old.csv"
cp "$work/tiny.ref" "$work/nodir/old.xlsx"
cp "$work/tiny.ref" "$work/nodir.ref"
fault "a missing output directory" "$work/nodir" --csv "$work/nodir/missing/x.csv" \
	--json "$work/nodir/x.json"
[ ! -e "$work/nodir/x.json" ] || { echo "FAIL  a failed run renamed x.json into place"; fail=$((fail + 1)); }
# Killed with SIGKILL while writing: the workbook there before is still a
# whole workbook (the new one is renamed into place only when complete).
mkdir -p "$work/kill"
"$bin" run "$S" --quiet -o "$work/kill/old.xlsx" || fail=$((fail + 1))
killed=0
for delay in 0.001 0.002 0.003 0.005 0.008 0.01 0.013 0.02; do
	"$bin" run "$S" --quiet -o "$work/kill/old.xlsx" --csv "$work/kill/old.csv" &
	pid=$!
	sleep "$delay"
	kill -KILL "$pid" 2>/dev/null && killed=$((killed + 1))
	wait "$pid" 2>/dev/null
	if ! "${PYTHON:-python3}" -c "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]);
sys.exit(z.testzip() is not None or 'xl/workbook.xml' not in z.namelist())" \
		"$work/kill/old.xlsx"; then
		echo "FAIL  killed after ${delay}s: old.xlsx is not a whole workbook"
		fail=$((fail + 1))
	fi
done
pass=$((pass + 1))
echo "ok    killed with SIGKILL $killed times while writing: the workbook stays whole"
rm -rf "$work"
echo "faults: $pass passed, $fail failed"
[ "$fail" = 0 ]
