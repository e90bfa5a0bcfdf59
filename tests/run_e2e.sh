#!/bin/sh
# End-to-end: run build/samkalk on every bundled scenario and check its JSON
# and CSV against tests/reference/ref_model.py, an independent Python
# implementation of SPEC §5 that shares no code with samkalk; then check the
# reviewed figures in tests/results.csv. Run from the repository root.
set -u
bin=${1:-build/samkalk}
py=${PYTHON:-python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
for s in scenarios/*.ini tests/e2e/*.ini docs/worked-example/*.ini; do
	case $s in *.profile.ini) continue ;; esac
	grep -q '^\[scenario\]' "$s" || continue # a profile
	[ -f "$s" ] || continue
	name=$(basename "$s" .ini)
	if ! "$bin" run "$s" --quiet --json "$tmp/$name.json" --csv "$tmp/$name.csv" 2>"$tmp/err"; then
		echo "FAIL $s: samkalk run failed:"; cat "$tmp/err"; fail=1; continue
	fi
	if out=$("$py" tests/reference/ref_model.py "$s" --compare "$tmp/$name.json" 2>&1 | grep -v 'has no "flows"') &&
	   out2=$("$py" tests/reference/ref_model.py "$s" --compare-csv "$tmp/$name.csv" 2>&1); then
		echo "ok   $s: reference agrees ($out; csv $out2)"
	else
		echo "FAIL $s: samkalk and the reference model disagree:"; echo "$out"; echo "${out2:-}"; fail=1
	fi
done
# tests/results.csv: NPV, payback and break-even per actor of every bundled
# scenario, so that any change in a number is a reviewed diff.
"$py" tests/results.py "$bin" > "$tmp/results.csv" || fail=1
if [ "${UPDATE:-}" = 1 ]; then
	cp "$tmp/results.csv" tests/results.csv
elif ! diff -u tests/results.csv "$tmp/results.csv"; then
	echo "FAIL tests/results.csv differs (review, then make update-expected)"; fail=1
else
	echo "ok   tests/results.csv unchanged"
fi
exit $fail
