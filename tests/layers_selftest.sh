#!/bin/sh
# layers_selftest.sh -- tests/layers.py must fail on a tree that breaks its
# rules: a copy of src/ and include/ with (1) a read file including a vary
# header, (2) a circle between two base modules. Run from the repository
# root; prints one line and exits 1 when layers.py misses either.
set -u
PY=${PYTHON:-python3}
work=$(mktemp -d "${TMPDIR:-/tmp}/samkalk-layers.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
fail=0
for case in upward circle; do
	rm -rf "$work/t"
	mkdir -p "$work/t"
	cp -r src include "$work/t/"
	case $case in
	upward) printf '#include "samkalk/vary/calc.h"\n' >>"$work/t/src/read/profile.c" ;;
	circle) printf '#include "samkalk/base/values.h"\n' >>"$work/t/src/base/diag.c"
		printf '#include "samkalk/base/diag.h"\n' >>"$work/t/include/samkalk/base/values.h" ;;
	esac
	out=$("$PY" tests/layers.py "$work/t")
	if [ $? -eq 0 ]; then
		echo "FAIL layers.py passed a tree with an $case import"
		fail=1
	else
		case $case in
		upward) echo "$out" | grep -q 'higher layer vary' || { echo "FAIL layers.py: $out"; fail=1; } ;;
		circle) echo "$out" | grep -q 'import circle: base/diag -> base/values -> base/diag' ||
			{ echo "FAIL layers.py: $out"; fail=1; } ;;
		esac
	fi
done
[ $fail -eq 0 ] && echo "ok   layers.py refuses an upward import and a circle"
exit $fail
