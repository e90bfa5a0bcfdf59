#!/bin/sh
# Failures of the machine (issue #7): a full disk while writing the CSV,
# the JSON and the workbook, an output directory that is missing or
# read-only. Each must exit 1 with the reason, leave an existing output
# byte-identical and leave no temporary file behind. The full disk is a
# 16 kB tmpfs, and the read-only directory a tmpfs remounted read-only
# (root ignores a directory's permissions), which need the right to mount
# (root in CI); without it the full disk is skipped and says so, and the
# read-only directory is made with chmod (or skipped, for root). Then: killed with SIGKILL at
# chosen steps while writing a workbook or a draws CSV (tests/faults/killer.c
# counts the calls that change the file system: no timing), the old file
# stays whole and the next run leaves no temporary file; and an input
# rewritten and deleted while samkalk runs gives, every time, either a
# whole run of one version of the file (the JSON names its SHA-256) or one
# clear refusal (exit 2), with the old output untouched. Last, with
# tests/faults/shim.c refusing O_TMPFILE or linkat(), the outputs are still
# written whole.
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
trap 'rm -rf "$work"' EXIT
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
mkdir -p "$work/ro"
how=""
if mount -t tmpfs -o size=1m tmpfs "$work/ro" 2>/dev/null; then
	cp "$work/tiny.ref" "$work/ro/old.csv"
	cp "$work/tiny.ref" "$work/ro/old.xlsx"
	if mount -o remount,ro "$work/ro"; then
		how="a tmpfs remounted read-only"
	else
		umount "$work/ro"
	fi
elif [ "$(id -u)" != 0 ]; then
	cp "$work/tiny.ref" "$work/ro/old.csv"
	cp "$work/tiny.ref" "$work/ro/old.xlsx"
	chmod a-w "$work/ro" && how="chmod a-w"
fi
if [ -n "$how" ]; then
	cp "$work/tiny.ref" "$work/ro.ref"
	fault "a read-only output directory ($how)" "$work/ro" --csv "$work/ro/old.csv" \
		-o "$work/ro/old.xlsx" --json "$work/ro/new.json"
	umount "$work/ro" 2>/dev/null || chmod u+w "$work/ro"
else # root without the right to mount: chmod does not stop root
	echo "skip  a read-only output directory: root here, and cannot mount a tmpfs"
fi
# Killed with SIGKILL while writing (issue #19: at chosen steps, not after
# chosen delays): tests/faults/killer.c counts the run's calls that change
# the file system and kills it just before call N, for nine N spread from
# the first call to the last (in braces: the shell's "Killed" goes to
# /dev/null too). The workbook there before is still a whole
# workbook (the new one is renamed into place only when complete), and the
# next run leaves no temporary file (a killed run's is removed by it).
mkdir -p "$work/kill"
# kill_at_steps COUNT: 1, then eight more spread up to COUNT
kill_at_steps() {
	awk -v c="$1" 'BEGIN { print 1; for (k = 1; k <= 8; k++) print int(c * k / 8) }' | uniq
}
if [ "$(uname -s) $(uname -m)" != "Linux x86_64" ]; then
	echo "skip  killed with SIGKILL while writing: tests/faults/killer.c is for x86-64 Linux"
elif ! cc -shared -fPIC -O1 -o "$work/killer.so" tests/faults/killer.c; then
	echo "FAIL  cannot build tests/faults/killer.c"
	fail=$((fail + 1))
else
	"$bin" run "$S" --quiet -o "$work/kill/old.xlsx" || fail=$((fail + 1))
	SAMKALK_FAULT_COUNT="$work/count" LD_PRELOAD="$work/killer.so" "$bin" run "$S" --quiet \
		--threads 1 -o "$work/kill/old.xlsx" --csv "$work/kill/old.csv" || fail=$((fail + 1))
	read -r count <"$work/count"
	killed=0
	for n in $(kill_at_steps "$count"); do
		{ SAMKALK_FAULT_KILL_AT=$n LD_PRELOAD="$work/killer.so" "$bin" run "$S" --quiet \
			--threads 1 -o "$work/kill/old.xlsx" --csv "$work/kill/old.csv"; } 2>/dev/null
		[ $? = 137 ] && killed=$((killed + 1))
		if ! "${PYTHON:-python3}" -c "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]);
sys.exit(z.testzip() is not None or 'xl/workbook.xml' not in z.namelist())" \
			"$work/kill/old.xlsx"; then
			echo "FAIL  killed at step $n of $count: old.xlsx is not a whole workbook"
			fail=$((fail + 1))
		fi
	done
	if [ "$killed" = "$(kill_at_steps "$count" | wc -l)" ]; then
		pass=$((pass + 1))
		echo "ok    killed with SIGKILL at $killed of $count steps while writing: the workbook stays whole"
	else
		echo "FAIL  killed at only $killed of the steps chosen from $count"
		fail=$((fail + 1))
	fi
	# The same while writing a draws CSV of 8 MB: the old one stays byte for
	# byte the whole file of the same seed.
	"$bin" run "$S" --quiet --draws 20000 --draws-csv "$work/kill/draws.csv" || fail=$((fail + 1))
	cp "$work/kill/draws.csv" "$work/kill/draws.ref"
	SAMKALK_FAULT_COUNT="$work/count" LD_PRELOAD="$work/killer.so" "$bin" run "$S" --quiet \
		--threads 1 --draws 20000 --draws-csv "$work/kill/draws.csv" || fail=$((fail + 1))
	read -r count <"$work/count"
	killed=0
	for n in $(kill_at_steps "$count"); do
		{ SAMKALK_FAULT_KILL_AT=$n LD_PRELOAD="$work/killer.so" "$bin" run "$S" --quiet \
			--threads 1 --draws 20000 --draws-csv "$work/kill/draws.csv"; } 2>/dev/null
		[ $? = 137 ] && killed=$((killed + 1))
		if ! cmp -s "$work/kill/draws.csv" "$work/kill/draws.ref"; then
			echo "FAIL  killed at step $n of $count: draws.csv is not the whole old file"
			fail=$((fail + 1))
		fi
	done
	# a killed run may leave its temporary name for an instant's kill; the
	# next run into the directory removes it
	"$bin" run "$S" --quiet --draws 0 --csv "$work/kill/old.csv" || fail=$((fail + 1))
	left=$(ls -A "$work/kill" | grep -v '^old\.\(xlsx\|csv\)$\|^draws\.\(csv\|ref\)$' || true)
	if [ -n "$left" ]; then
		echo "FAIL  the run after the killed runs left temporary files: $left"
		fail=$((fail + 1))
	elif [ "$killed" = "$(kill_at_steps "$count" | wc -l)" ]; then
		pass=$((pass + 1))
		echo "ok    killed with SIGKILL at $killed of $count steps while writing: the draws CSV stays whole, and the next run leaves no file"
	else
		echo "FAIL  killed at only $killed of the steps chosen from $count"
		fail=$((fail + 1))
	fi
fi

# An input rewritten in place (truncated, then written) and deleted, over
# and over, while samkalk reads it. Version 1 and 2 differ in their name;
# the [scenario] section is last and ends with start_year = 2026, so that
# every cut of the file is refused (no prefix of 2026 is a year from 1900)
# rather than read as a shorter, valid file.
mkdir -p "$work/race"
for v in 1 2; do
	awk -v v=$v -v prof="$(pwd)/templates/typpersoner.ini" '
		NR >= 23 && NR <= 42 { if ($0 ~ /^start_year/) next
			if ($0 ~ /^name/) $0 = "name = Version " v
			if ($0 ~ /^profiles/) $0 = "profiles = " prof
			tail = tail $0 "\n"; next }
		{ print }
		END { printf "%s", tail; print "start_year = 2026" }' "$S" >"$work/race/v$v.ini"
done
sha1=$(sha256sum <"$work/race/v1.ini" | cut -c1-64)
sha2=$(sha256sum <"$work/race/v2.ini" | cut -c1-64)
f="$work/race/s.ini"
cp "$work/race/v1.ini" "$f"
if ! "$bin" run "$f" --quiet --draws 0 --json "$work/race/old.json" 2>"$work/race/err"; then
	echo "FAIL  the race's version 1 does not run:"; sed 's/^/      /' "$work/race/err"
	fail=$((fail + 1))
fi
(while :; do cat "$work/race/v1.ini" >"$f"; cat "$work/race/v2.ini" >"$f"; rm -f "$f"; done) &
writer=$!
whole=0 refused=0 bad=0
i=0
while [ $i -lt 200 ]; do
	i=$((i + 1))
	cp "$work/race/old.json" "$work/race/before.json"
	"$bin" run "$f" --quiet --draws 0 --json "$work/race/old.json" >/dev/null 2>"$work/race/err"
	rc=$?
	if [ $rc = 0 ] && grep -q "\"sha256\": \"\($sha1\|$sha2\)\"" "$work/race/old.json"; then
		whole=$((whole + 1))
	elif [ $rc = 2 ] && [ -s "$work/race/err" ] &&
		cmp -s "$work/race/old.json" "$work/race/before.json"; then
		refused=$((refused + 1))
	else
		bad=$((bad + 1))
		[ $bad -le 3 ] && { echo "FAIL  run $i while the input changed: exit $rc"
			sed 's/^/      /' "$work/race/err" | head -n 5; }
	fi
done
kill "$writer" 2>/dev/null
wait "$writer" 2>/dev/null
left=$(ls -A "$work/race" | grep -v '^v[12]\.ini$\|^s\.ini$\|^old\.json$\|^before\.json$\|^err$' || true)
if [ $bad = 0 ] && [ -z "$left" ]; then
	pass=$((pass + 1))
	echo "ok    an input rewritten and deleted while read: $whole whole runs of one version, $refused refusals, none else"
else
	echo "FAIL  an input rewritten and deleted while read: $bad runs neither whole nor refused; left: ${left:-nothing}"
	fail=$((fail + 1))
fi
# Where unnamed files cannot be made (no O_TMPFILE on the file system) or
# named (linkat through /proc refused, as in some sandboxes): the outputs
# are still written whole, by named temporary files, as in a plain run.
mkdir -p "$work/shim"
if cc -shared -fPIC -O1 -o "$work/shim.so" tests/faults/shim.c -ldl; then
	"$bin" run "$S" --quiet --draws 0 --csv "$work/plain.csv" --json "$work/plain.json"
	for refuse in SHIM_NO_TMPFILE SHIM_NO_LINKAT; do
		rm -f "$work/shim/"* "$work/shim/".[!.]* 2>/dev/null
		env "$refuse=1" LD_PRELOAD="$work/shim.so" "$bin" run "$S" --quiet --draws 0 \
			--csv "$work/shim/x.csv" --json "$work/shim/x.json" -o "$work/shim/x.xlsx" \
			2>"$work/shim.err"
		rc=$?
		left=$(ls -A "$work/shim" | grep -v '^x\.\(csv\|json\|xlsx\)$' || true)
		if [ "$rc" = 0 ] && cmp -s "$work/shim/x.csv" "$work/plain.csv" &&
			cmp -s "$work/shim/x.json" "$work/plain.json" && [ -s "$work/shim/x.xlsx" ] &&
			[ -z "$left" ]; then
			pass=$((pass + 1))
			echo "ok    $refuse: the outputs are written whole by named files, nothing left"
		else
			echo "FAIL  $refuse: exit $rc, left: ${left:-nothing}"
			sed 's/^/      /' "$work/shim.err" | head -n 3
			fail=$((fail + 1))
		fi
	done
else
	echo "FAIL  cannot build tests/faults/shim.c"
	fail=$((fail + 1))
fi

echo "faults: $pass passed, $fail failed"
[ "$fail" = 0 ]
