#!/bin/sh
# The command line: exact stderr and exit status for usage mistakes, exit 1
# with a reason when standard output cannot be written, and --help naming
# every option of the table in src/cli/main.c. Run from the repository root:
#   sh tests/run_cli.sh build/samkalk
set -u
bin=${1:-build/samkalk}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
pass=0

# expect STATUS STDERR -- ARGS...: exit status and exact stderr
expect() {
	want_rc=$1 want_err=$2
	shift 3
	"$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	printf '%s' "$want_err" >"$tmp/want"
	if [ "$rc" != "$want_rc" ] || ! cmp -s "$tmp/err" "$tmp/want"; then
		echo "FAIL  $*: exit $rc (expected $want_rc)"
		diff -u "$tmp/want" "$tmp/err" | sed 's/^/      /'
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
}

S=scenarios/unga-vuxna.ini
expect 2 "samkalk: unknown command 'frobnicate' (expected run, check, compare or new)
Try 'samkalk --help'.
" -- "$bin" frobnicate
expect 2 "samkalk: unknown option '--drawz' for run
Try 'samkalk --help'.
" -- "$bin" run "$S" --drawz 10
expect 2 "samkalk: --draws: expected a whole number from 0 to 1000000, got '2000000'
Try 'samkalk --help'.
" -- "$bin" run "$S" --draws 2000000
expect 2 "samkalk: --threads: expected a whole number from 1 to 256, got '0'
Try 'samkalk --help'.
" -- "$bin" run "$S" --threads 0
expect 2 "samkalk: --seed: expected a whole number from 0 to 9007199254740991, got '-1'
Try 'samkalk --help'.
" -- "$bin" run "$S" --seed -1
expect 2 "samkalk: --draws is an option of run, not of compare
Try 'samkalk --help'.
" -- "$bin" compare "$S" "$S" --draws 10
expect 2 "samkalk: --draws: expected a scenario with [uncertainty X] sections, got none in scenarios/nystartsjobb.ini
" -- "$bin" run scenarios/nystartsjobb.ini --draws 10
expect 2 "samkalk: run: expected a scenario file
Try 'samkalk --help'.
" -- "$bin" run
expect 2 "samkalk: option --csv needs a value
Try 'samkalk --help'.
" -- "$bin" run "$S" --csv
expect 2 "samkalk: --lang: expected sv or en, got 'de'
Try 'samkalk --help'.
" -- "$bin" run "$S" --lang de
expect 2 "samkalk: --csv and --json name the same file: '$tmp/x'
Try 'samkalk --help'.
" -- "$bin" run "$S" --csv "$tmp/x" --json "$tmp/x"
expect 2 "samkalk: -o: expected a file name ending in .xlsx, got '$tmp/x.csv'
Try 'samkalk --help'.
" -- "$bin" run "$S" -o "$tmp/x.csv"
expect 1 "samkalk: cannot write to standard output: No space left on device
" -- sh -c "'$bin' check '$S' >/dev/full"
expect 1 "samkalk: cannot write to standard output: No space left on device
" -- sh -c "'$bin' run '$S' >/dev/full"
expect 1 "samkalk: cannot create a file beside $tmp/no/such/dir/x.csv: No such file or directory
" -- "$bin" run "$S" --quiet --csv "$tmp/no/such/dir/x.csv"
[ ! -e "$tmp/x" ] || { echo "FAIL  a usage mistake wrote $tmp/x"; fail=$((fail + 1)); }
expect 0 "" -- "$bin" --version
# samkalk new: a starter that check accepts and run runs; never over a file
expect 0 "" -- "$bin" new "$tmp/mitt.ini"
expect 0 "" -- "$bin" check "$tmp/mitt.ini"
expect 0 "" -- "$bin" run "$tmp/mitt.ini" --quiet --json "$tmp/mitt.json"
expect 2 "samkalk: $tmp/mitt.ini already exists: expected a new file name
" -- "$bin" new "$tmp/mitt.ini"
expect 2 "samkalk: compare: expected two or more scenario files
Try 'samkalk --help'.
" -- "$bin" compare "$S"
expect 2 "tests/e2e/nonmonotone.ini: price_year: expected price years 2026 and 2027 in the [index] of tests/e2e/nonmonotone.profile.ini, to move this scenario's amounts to the comparison's newest price year, got no year 2026
" -- "$bin" compare tests/e2e/nonmonotone.ini tests/compare/later.ini --quiet --csv "$tmp/c.csv"
[ ! -e "$tmp/c.csv" ] || { echo "FAIL  a failed compare wrote $tmp/c.csv"; fail=$((fail + 1)); }

# --help and the man page name every command and every option of
# run_options[] in src/cli/main.c
"$bin" --help >"$tmp/help"
groff -man -Tutf8 man/samkalk.1 2>/dev/null | col -b >"$tmp/man" || cp man/samkalk.1 "$tmp/man"
options=$(sed -n '/^static const option_spec run_options/,/^};/p' src/cli/main.c |
	grep -o '{"-[-a-z]*"' | tr -d '{"')
commands=$(sed -n '/^int main/,/^}/p' src/cli/main.c | grep -o 'strcmp(cmd, "[a-z-]*")' |
	sed 's/.*"\(.*\)".*/\1/')
for word in $options $commands; do
	for doc in help man; do
		if grep -q -- "$word" "$tmp/$doc"; then
			pass=$((pass + 1))
		else
			echo "FAIL  the $doc page does not name $word"
			fail=$((fail + 1))
		fi
	done
done
echo "cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
