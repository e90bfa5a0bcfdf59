#!/bin/sh
# run_cases.sh -- bad-input and good-input cases (SPEC §8, STYLE.md "Tests").
#
#   sh tests/run_cases.sh build/samkalk            compare
#   UPDATE=1 sh tests/run_cases.sh build/samkalk   rewrite every NAME.err from
#                                                  the program's output (read
#                                                  the diff before committing)
#
# Run from the repository root: messages name files by the path given on the
# command line, so the expected stderr says tests/cases/bad/NAME.ini.
#
# tests/cases/bad/NAME.ini (not NAME.profile.ini, which is a case's own
# profile): `samkalk run NAME.ini --csv TMP/old.csv --json TMP/new.json -o
# TMP/old.xlsx`, in a fresh TMP holding an old.csv and an old.xlsx of known
# content, must
#   - exit 2,
#   - print exactly NAME.err on stderr and nothing on stdout,
#   - leave old.csv and old.xlsx byte-identical, create no new.json and leave
#     no other file (no .samkalk-old.csv.PID.XXXXXX beside it): bad input
#     writes nothing;
# and `samkalk check NAME.ini` must exit 2 with the same stderr.
# tests/cases/good/NAME.ini: `samkalk check` exits 0, prints "NAME.ini: ok"
# and nothing on stderr.
#
# Prints one line per case and a summary; exits 1 if any case failed.

if [ $# -ne 1 ]; then
	echo "usage: sh tests/run_cases.sh path/to/samkalk" >&2
	exit 2
fi
bin=$1
case $bin in
/*) ;;
*) bin=$(pwd)/$bin ;;
esac
if [ ! -x "$bin" ]; then
	echo "run_cases.sh: $1 is not an executable program" >&2
	exit 2
fi
if [ ! -d tests/cases/bad ]; then
	echo "run_cases.sh: run from the repository root (no tests/cases/bad here)" >&2
	exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/samkalk-cases.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
trap 'exit 1' HUP INT TERM
printf 'year,actor,sex,baseline_cost\n2026,kommun,all,1\n' >"$work/ref.csv"

passed=0
failed=0
updated=0
why=""

# Adds a reason to the current case's failure list.
fail() {
	why="$why${why:+; }$1"
}

for c in tests/cases/bad/*.ini; do
	case $c in
	*.profile.ini) continue ;;
	esac
	[ -e "$c" ] || continue
	name=${c#tests/cases/}
	expected=${c%.ini}.err
	why=""
	details=""

	tmp="$work/run"
	rm -rf "$tmp"
	mkdir "$tmp"
	cp "$work/ref.csv" "$tmp/old.csv"
	cp "$work/ref.csv" "$tmp/old.xlsx" # any content: it must stay byte-identical
	"$bin" run "$c" --csv "$tmp/old.csv" --json "$tmp/new.json" -o "$tmp/old.xlsx" \
		>"$work/out" 2>"$work/err"
	rc=$?

	[ "$rc" -eq 2 ] || fail "run: exit status $rc, expected 2"
	[ -s "$work/out" ] && fail "run: printed on stdout"
	cmp -s "$work/ref.csv" "$tmp/old.csv" || fail "run: changed the existing old.csv"
	cmp -s "$work/ref.csv" "$tmp/old.xlsx" || fail "run: changed the existing old.xlsx"
	[ -e "$tmp/new.json" ] && fail "run: created new.json"
	left=""
	for f in "$tmp"/* "$tmp"/.[!.]* "$tmp"/..?*; do
		[ -e "$f" ] || [ -L "$f" ] || continue
		[ "$f" = "$tmp/old.csv" ] || [ "$f" = "$tmp/old.xlsx" ] || left="$left ${f#"$tmp"/}"
	done
	[ -n "$left" ] && fail "run: left files behind:$left"

	if [ -n "$UPDATE" ]; then
		if ! cmp -s "$work/err" "$expected" 2>/dev/null; then
			cp "$work/err" "$expected"
			updated=$((updated + 1))
		fi
	elif [ ! -f "$expected" ]; then
		fail "no expected stderr $expected (UPDATE=1 writes it)"
	elif ! cmp -s "$expected" "$work/err"; then
		fail "run: stderr differs from $expected"
		details=$(diff -u "$expected" "$work/err" | sed '1,2d')
	fi

	"$bin" check "$c" >"$work/out" 2>"$work/err2"
	rc=$?
	[ "$rc" -eq 2 ] || fail "check: exit status $rc, expected 2"
	[ -s "$work/out" ] && fail "check: printed on stdout"
	if [ -f "$expected" ] && ! cmp -s "$expected" "$work/err2"; then
		fail "check: stderr differs from $expected"
		[ -n "$details" ] || details=$(diff -u "$expected" "$work/err2" | sed '1,2d')
	fi

	if [ -z "$why" ]; then
		passed=$((passed + 1))
		echo "ok    $name"
	else
		failed=$((failed + 1))
		echo "FAIL  $name: $why"
		[ -n "$details" ] && printf '%s\n' "$details" | sed 's/^/      /'
	fi
done

for c in tests/cases/good/*.ini; do
	case $c in
	*.profile.ini) continue ;;
	esac
	[ -e "$c" ] || continue
	name=${c#tests/cases/}
	why=""
	"$bin" check "$c" >"$work/out" 2>"$work/err"
	rc=$?
	[ "$rc" -eq 0 ] || fail "check: exit status $rc, expected 0"
	[ -s "$work/err" ] && fail "check: printed on stderr"
	[ "$(cat "$work/out")" = "$c: ok" ] || fail "check: stdout is not '$c: ok'"
	if [ -z "$why" ]; then
		passed=$((passed + 1))
		echo "ok    $name"
	else
		failed=$((failed + 1))
		echo "FAIL  $name: $why"
		sed 's/^/      /' "$work/err"
	fi
done

if [ -n "$UPDATE" ]; then
	echo "cases: $passed passed, $failed failed, $updated .err files rewritten"
else
	echo "cases: $passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
