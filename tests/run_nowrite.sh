#!/bin/sh
# No write where the command line did not say (issue #19): a scenario is a
# file people email to each other, so no key in it or in its profile may
# make samkalk write, create, rename, link or delete a file. Every bundled
# and test scenario runs under strace with -o, --csv and --json (and
# --draws-csv with --draws 200 where it has [uncertainty X] sections) into
# a private directory, where x.csv exists and the others do not (nor
# .hidden, a name like a temporary's, which must be left alone), and a
# private TMPDIR; tests/check_nowrite.py lists every path the run opened
# for writing or changed and every write(): each must be an output named on
# the command line, a temporary beside one (a name starting with '.', or
# an unnamed O_TMPFILE file) or in that TMPDIR (libxlsxwriter's). The
# scenario and every file it names (the keys of kind path in
# include/samkalk/read/inputs.def: the profile, the follow-up data) must be
# opened, only for reading, and be unchanged after. `samkalk check` on each
# must change nothing at all. The bad cases (tests/cases/bad) are run too:
# a file that is refused writes no more than one that is read.
# Usage (from the repository root): sh tests/run_nowrite.sh build/samkalk
set -u
bin=$(cd "$(dirname "${1:-build/samkalk}")" && pwd)/$(basename "${1:-build/samkalk}")
py=${PYTHON:-python3}
if ! command -v strace >/dev/null; then
	echo "FAIL run_nowrite.sh: strace is missing (make deps installs it)"
	exit 1
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/samkalk-nowrite.XXXXXX") || exit 1
work=$(cd "$work" && pwd -P)
trap 'rm -rf "$work"' EXIT
trap 'exit 1' HUP INT TERM
# every call of the class %file and every call that changes an open file
calls=%file,write,pwrite64,writev,pwritev,pwritev2,ftruncate,fallocate,fchmod,fchown,fsetxattr,fremovexattr
keys=$(sed -n 's/.*\.key = "\([^"]*\)", \.kind = KIND_PATH.*/\1/p' include/samkalk/read/inputs.def)
[ -n "$keys" ] || { echo "FAIL run_nowrite.sh: no key of kind path in inputs.def (run from the repository root)"; exit 1; }
fail=0
pass=0
refused=0

# traced LOG CMD...: CMD under strace, its trace in LOG.*; its exit status
traced() {
	log=$1
	shift
	rm -rf "$work/log" "$work/out" "$work/tmp"
	mkdir "$work/log" "$work/out" "$work/tmp"
	printf 'an old output\n' >"$work/out/x.csv"
	printf 'not samkalk'"'"'s\n' >"$work/out/.hidden" # a temporary's kind of name
	TMPDIR=$work/tmp strace -f -ff -y -qq -e trace="$calls" -o "$work/log/$log" "$@" \
		>"$work/stdout" 2>"$work/stderr"
}

# verdict NAME RC CHECK-ARGS...: exit 0 or 2 (1 is the machine's failure, and
# above 128 a crash), the trace clean, the inputs unchanged
verdict() {
	name=$1 rc=$2
	shift 2
	why=""
	unread=""
	case $rc in
	0) ;;
	2) unread=--unread-ok ;; # refused: perhaps before the files it names
	*) why="exit $rc: $(head -c 300 "$work/stderr")" ;;
	esac
	if ! found=$("$py" tests/check_nowrite.py --cwd "$PWD" $unread "$@" "$work"/log/*); then
		why="$why${why:+; }$(echo "$found" | head -n 20 | tr '\n' ';')"
	fi
	if ! sha256sum --quiet -c "$work/inputs.sum" >/dev/null 2>&1; then
		why="$why${why:+; }an input changed"
	fi
	[ "$(cat "$work/out/.hidden" 2>/dev/null)" = "not samkalk's" ] ||
		why="$why${why:+; }changed .hidden, another program's file beside the outputs"
	if [ -n "$why" ]; then
		echo "FAIL  $name: $why"
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
		[ -n "${VERBOSE:-}" ] && echo "ok    $name: exit $rc; $found"
	fi
}

for s in scenarios/*.ini docs/worked-example/*.ini tests/e2e/*.ini tests/cases/good/*.ini \
	tests/followup/*.ini tests/uncertainty/*.ini tests/cases/bad/*.ini; do
	[ -f "$s" ] || continue
	grep -q '^\[scenario\]' "$s" || continue # a profile
	# the scenario and the files it names, each read only
	set -- --input "$s"
	for k in $keys; do
		for v in $(sed -n "s/^[[:space:]]*${k}[[:space:]]*=[[:space:]]*\([^[:space:];#]*\).*/\1/p" "$s" | tr -d '\r'); do
			case $v in /*) f=$v ;; *) f=$(dirname "$s")/$v ;; esac
			[ -f "$f" ] && set -- "$@" --input "$f"
		done
	done
	inputs="$*"
	# shellcheck disable=SC2046,SC2086 # the inputs are words: --input FILE ...
	sha256sum $(echo $inputs | sed 's/--input //g') >"$work/inputs.sum"
	extra=""
	grep -q '^\[uncertainty [^]]' "$s" && extra="--draws 200 --draws-csv $work/out/d.csv"
	named="--out $work/out/x.xlsx --out $work/out/x.csv --out $work/out/x.json${extra:+ --out $work/out/d.csv}"
	# shellcheck disable=SC2086 # extra is words by design
	traced run "$bin" run "$s" --quiet $extra -o "$work/out/x.xlsx" --csv "$work/out/x.csv" \
		--json "$work/out/x.json"
	rc=$?
	[ "$rc" = 2 ] && refused=$((refused + 1))
	# shellcheck disable=SC2086
	verdict "run $s" "$rc" $inputs $named --tmpdir "$work/tmp"
	traced check "$bin" check "$s"
	rc=$?
	# shellcheck disable=SC2086
	verdict "check $s" "$rc" $inputs
done
if [ "$fail" = 0 ] && [ "$pass" -gt 0 ]; then
	echo "ok    $((pass / 2)) scenarios ($refused of them refused, exit 2) under strace: samkalk run wrote only its -o, --csv, --json and --draws-csv, temporaries beside them and in TMPDIR; every file a scenario names opened read-only; samkalk check wrote nothing"
else
	echo "FAIL  $fail of $((pass + fail)) traced runs wrote where the command line did not say"
	exit 1
fi
