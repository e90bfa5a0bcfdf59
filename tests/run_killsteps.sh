#!/bin/sh
# run_killsteps.sh -- a kill at every step (issue #19, SPEC §8): an output
# is the old file or the complete new one, never half, and a killed run's
# temporary names do not outlive the next run.
#
# tests/faults/killer.c (LD_PRELOAD, a seccomp filter) counts every system
# call of a run that changes the file system and kills the run with
# SIGKILL just before call N. A run writing the workbook, the CSV, the JSON
# and the draws CSV (one thread, so the calls come in the same order every
# time; 500 draws: the draws CSV is written in the same few calls as with
# 2000, in a quarter of the time) is counted twice (the counts must agree),
# then run once for every N from 1 to the count, each in a copy of its
# directory of its own, as many at once as there are cores. After
# each kill, every target is byte-identical to its old version or equal to
# the complete new one (a clean run's; the workbook compared member by
# member, the dates of docProps/core.xml masked); then the same run again,
# without the killer, must succeed and leave no temporary file, beside the
# outputs or in the private TMPDIR (also TMP and TEMP, where libxlsxwriter
# would put its files). Four times: over existing targets; over targets
# that do not exist yet (then: absent or complete); with every target a
# symlink (the link stays a link, pointing where it did; the temporary
# files go beside the final file, whose directory is checked too); and
# with O_TMPFILE refused (tests/faults/shim.c), so outputs take the named
# route. No sleep, no timing: the kill lands on a call, not on a clock.
# x86-64 Linux only (the filter's numbers); elsewhere it says so and passes.
# Usage: sh tests/run_killsteps.sh build/samkalk   (from the repository root)
set -u

# --job VARIANT N: one kill at step N and the clean run after it; prints
# one FAIL line on failure, nothing on success. Run by xargs below.
if [ "${1:-}" = --job ]; then
	v=$2 n=$3
	d="$KS_WORK/j.$v.$n"
	cp -a "$KS_WORK/t.$v" "$d"
	why=""
	if [ "$v" = notmp ]; then pre="$KS_WORK/shim.so $KS_WORK/killer.so"; else pre="$KS_WORK/killer.so"; fi
	# states TAG ALLOWED: each target is one of ALLOWED (old, new, absent)
	states() {
		for f in out.xlsx out.csv out.json draws.csv; do
			p="$d/out/$f"
			if [ "$v" = link ] && { [ ! -L "$p" ] || [ "$(readlink "$p")" != "../real/$f" ]; }; then
				why="$why; $1: $f is no longer the link to ../real/$f"
			elif [ ! -e "$p" ]; then
				case $2 in *absent*) ;; *) why="$why; $1: $f is missing" ;; esac
			elif case $2 in *old*) cmp -s "$p" "$KS_WORK/old/$f" ;; *) false ;; esac; then
				:
			elif [ "$f" = out.xlsx ]; then # member by member, below
				cp "$p" "$KS_WORK/x/$v.$n.$1.xlsx"
			elif ! cmp -s "$p" "$KS_WORK/new/$f"; then
				why="$why; $1: $f is neither $(echo "$2" | sed 's/ / nor /g')"
			fi
		done
	}
	cd "$d/out" || exit 0
	# (in braces, the shell's own "Killed" goes to /dev/null too)
	{ env TMPDIR="$d/tmp" TMP="$d/tmp" TEMP="$d/tmp" SHIM_NO_TMPFILE=$KS_NOTMP LD_PRELOAD="$pre" \
		SAMKALK_FAULT_KILL_AT="$n" $KS_RUN >/dev/null 2>"$d/err"; } 2>/dev/null
	rc=$?
	[ "$rc" = 137 ] || why="$why; exit $rc, not killed: $(head -c 200 "$d/err")"
	case $v in new) states killed "absent new" ;; *) states killed "old new" ;; esac
	env TMPDIR="$d/tmp" TMP="$d/tmp" TEMP="$d/tmp" SHIM_NO_TMPFILE=$KS_NOTMP \
		LD_PRELOAD="${KS_NOTMP:+$KS_WORK/shim.so}" $KS_RUN >/dev/null 2>"$d/err"
	rc=$?
	[ "$rc" = 0 ] || why="$why; the next run: exit $rc: $(head -c 200 "$d/err")"
	states next "new"
	left=""
	for dir in out real tmp; do
		[ -d "$d/$dir" ] || continue
		for e in $(ls -A "$d/$dir"); do
			case $dir/$e in
			out/out.xlsx | out/out.csv | out/out.json | out/draws.csv) ;;
			real/out.xlsx | real/out.csv | real/out.json | real/draws.csv) ;;
			*) left="$left $dir/$e" ;;
			esac
		done
	done
	[ -z "$left" ] || why="$why; after the next run, left:$left"
	[ -z "$why" ] || echo "FAIL  $v: kill at step $n of $KS_COUNT${why}"
	cd "$KS_WORK" && rm -rf "$d"
	exit 0
fi

bin=$(cd "$(dirname "${1:-build/samkalk}")" && pwd)/$(basename "${1:-build/samkalk}")
case $0 in /*) self=$0 ;; *) self=$(pwd)/$0 ;; esac
[ -f tests/faults/killer.c ] || { echo "run_killsteps.sh: run from the repository root" >&2; exit 2; }
root=$(pwd)
if [ "$(uname -s)" != Linux ] || [ "$(uname -m)" != x86_64 ]; then
	echo "skip  killsteps: the killer's seccomp filter is for x86-64 Linux, this is $(uname -s) $(uname -m)"
	exit 0
fi
start=$(date +%s)
KS_WORK=$(mktemp -d "${TMPDIR:-/tmp}/samkalk-kill.XXXXXX") || exit 1
trap 'rm -rf "$KS_WORK"' EXIT
trap 'exit 1' HUP INT TERM
# every run is the same command from its own directory: the outputs name
# no directory, the scenario one path, the date one day (SOURCE_DATE_EPOCH)
KS_RUN="$bin run $root/scenarios/unga-vuxna.ini --quiet --draws 500 --threads 1
	-o out.xlsx --csv out.csv --json out.json --draws-csv draws.csv"
SOURCE_DATE_EPOCH=1767225600
export KS_WORK KS_RUN SOURCE_DATE_EPOCH
fail=0
cc -shared -fPIC -O1 -o "$KS_WORK/killer.so" tests/faults/killer.c &&
	cc -shared -fPIC -O1 -o "$KS_WORK/shim.so" tests/faults/shim.c -ldl ||
	{ echo "FAIL  cannot build tests/faults/killer.c or shim.c"; exit 1; }

# the new version: a clean run's; the old one: another scenario's outputs,
# and draws of another seed
mkdir "$KS_WORK/new" "$KS_WORK/old" "$KS_WORK/x" "$KS_WORK/t"
(cd "$KS_WORK/new" && TMPDIR="$KS_WORK/t" $KS_RUN) || { echo "FAIL  the clean run"; exit 1; }
(cd "$KS_WORK/old" && TMPDIR="$KS_WORK/t" "$bin" run "$root/scenarios/nystartsjobb.ini" --quiet \
	-o out.xlsx --csv out.csv --json out.json &&
	TMPDIR="$KS_WORK/t" "$bin" run "$root/scenarios/unga-vuxna.ini" --quiet --draws 500 --seed 7 \
		--draws-csv draws.csv) || { echo "FAIL  the runs making the old versions"; exit 1; }
for f in out.xlsx out.csv out.json draws.csv; do
	cmp -s "$KS_WORK/old/$f" "$KS_WORK/new/$f" && { echo "FAIL  old and new $f are the same"; exit 1; }
done

# Python: each workbook in x/ against the new one, member by member
check_workbooks() {
	ls "$KS_WORK/x" | grep -q . || return 0
	"${PYTHON:-python3}" - "$KS_WORK/new/out.xlsx" "$KS_WORK/x" "$KS_COUNT" <<'EOF'
import os, re, sys, zipfile

def members(path):
    """Every member's bytes, the creation and change dates masked."""
    with zipfile.ZipFile(path) as z:
        bad = z.testzip()
        if bad is not None:
            raise ValueError("member %s is damaged" % bad)
        out = {}
        for name in z.namelist():
            data = z.read(name)
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\1", data)
            out[name] = data
        return out

new = members(sys.argv[1])
failed = 0
for name in sorted(os.listdir(sys.argv[2])):
    variant, step, when, _ = name.split(".")
    try:
        got = members(os.path.join(sys.argv[2], name))
        differ = sorted(set(got) ^ set(new)) or [m for m in new if got[m] != new[m]]
        why = "members differ from the new workbook: " + ", ".join(differ[:5]) if differ else ""
    except Exception as e:  # not a zip, a cut one, a damaged member
        why = "not a whole workbook: %s" % e
    if why:
        failed += 1
        print("FAIL  %s: kill at step %s of %s; %s: out.xlsx is %s: %s"
              % (variant, step, sys.argv[3], when,
                 "neither old nor new" if when == "killed" else "not the new one", why))
sys.exit(1 if failed else 0)
EOF
}

# variant NAME WORDS: counts the calls twice, then a kill at every step
variant() {
	name=$1 words=$2
	t="$KS_WORK/t.$name"
	mkdir -p "$t/out" "$t/tmp"
	for f in out.xlsx out.csv out.json draws.csv; do
		case $name in
		existing | notmp) cp "$KS_WORK/old/$f" "$t/out/$f" ;;
		link) mkdir -p "$t/real" && cp "$KS_WORK/old/$f" "$t/real/$f" && ln -s "../real/$f" "$t/out/$f" ;;
		esac
	done
	KS_NOTMP=""
	pre="$KS_WORK/killer.so"
	[ "$name" = notmp ] && KS_NOTMP=1 && pre="$KS_WORK/shim.so $KS_WORK/killer.so"
	export KS_NOTMP
	counts=""
	for k in 1 2; do
		rm -rf "$KS_WORK/c" && cp -a "$t" "$KS_WORK/c"
		(cd "$KS_WORK/c/out" && env TMPDIR="$KS_WORK/c/tmp" SHIM_NO_TMPFILE=$KS_NOTMP LD_PRELOAD="$pre" \
			SAMKALK_FAULT_COUNT="$KS_WORK/count" $KS_RUN) || { echo "FAIL  $name: the counted run"; return 1; }
		read -r c <"$KS_WORK/count"
		counts="$counts${counts:+ }$c"
	done
	KS_COUNT=${counts% *}
	export KS_COUNT
	if [ "$KS_COUNT" != "${counts#* }" ] || [ "$KS_COUNT" -lt 1 ]; then
		echo "FAIL  $name: counted twice, $counts calls: not the same run each time"
		return 1
	fi
	seq 1 "$KS_COUNT" | xargs -P "$(nproc 2>/dev/null || echo 2)" -n 1 sh "$self" --job "$name" \
		>"$KS_WORK/log"
	compared=$(ls "$KS_WORK/x" | wc -l)
	check_workbooks >>"$KS_WORK/log"
	rm -f "$KS_WORK/x/"*
	bad=$(grep -c '^FAIL' "$KS_WORK/log")
	if [ "$bad" = 0 ]; then
		echo "ok    $words: kill at each of $KS_COUNT steps: old or new, never half; nothing left after the next run, here or in TMPDIR ($compared workbooks compared member by member)"
	else
		sort -t' ' -k7,7n "$KS_WORK/log" | head -n 20
		echo "FAIL  $words: $bad of $KS_COUNT kills"
		return 1
	fi
}

variant existing "existing targets" || fail=$((fail + 1))
variant new "targets not there yet (absent or complete)" || fail=$((fail + 1))
variant link "symlinked targets (the links stay links)" || fail=$((fail + 1))
variant notmp "O_TMPFILE refused (named temporary files)" || fail=$((fail + 1))
echo "killsteps: 4 kinds of target, $fail failed, in $(($(date +%s) - start)) s"
[ "$fail" = 0 ]
