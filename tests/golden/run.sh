#!/bin/sh
# tests/golden/run.sh -- every output of every scenario, written as text to
# one directory, so that two builds can be compared output by output (issue
# #14: the architecture change must not change behaviour).
#
#   sh tests/golden/run.sh build/samkalk DIR
#
# For every scenario in scenarios/, tests/ and bench/ (not the bad-input cases
# nor profiles): the text summary in Swedish and English, the CSV, the JSON,
# the workbook's cells (tests/golden/dump_xlsx.py) and, where the file has
# [uncertainty], the draws CSV of 64 draws on 2 threads. Also `compare` of the
# bundled scenarios and of tests/compare/, and `check` of the bad cases.
# Exit status and stderr are kept beside each output. Run from the
# repository root; the version string is replaced by VERSION and the
# checkout's path by ROOT. Needs Debian's python3 with openpyxl.
set -u
bin=$1
out=$2
mkdir -p "$out"
PY=${PYTHON:-/usr/bin/python3}
ver=$("$bin" --version | awk '{print $2}')

root=$(pwd)
norm() { # file: the version string made VERSION, the checkout's path ROOT
	sed "s/$ver/VERSION/g; s|$root|ROOT|g" "$1" >"$1.n" && mv "$1.n" "$1"
}

one() { # name, then the command's arguments after the binary
	name=$1
	shift
	od="$out/$name"
	mkdir -p "$od"
	"$bin" "$@" >"$od/stdout" 2>"$od/stderr"
	echo "$?" >"$od/status"
	for f in "$od"/*; do
		case $f in
		*.xlsx)
			"$PY" tests/golden/dump_xlsx.py "$f" >"$f.txt" 2>&1
			rm -f "$f"
			norm "$f.txt"
			;;
		*) norm "$f" ;;
		esac
	done
}

for ini in $(find scenarios tests bench -name '*.ini' ! -name '*.profile.ini' ! -path 'tests/cases/bad/*' | sort); do
	n=$(echo "$ini" | tr '/' '_')
	d="$out/$n"
	mkdir -p "$d"
	one "$n/sv" run "$ini" --lang sv -o "$d/sv/x.xlsx" --csv "$d/sv/x.csv" --json "$d/sv/x.json"
	one "$n/en" run "$ini" --lang en -o "$d/en/x.xlsx"
	if grep -q '^\[uncertainty\]' "$ini"; then
		one "$n/draws" run "$ini" --quiet --draws 64 --seed 7 --threads 2 \
			--draws-csv "$d/draws/d.csv" --json "$d/draws/x.json" -o "$d/draws/x.xlsx"
	fi
done
one compare_scenarios compare scenarios/*.ini -o "$out/compare_scenarios/c.xlsx" \
	--csv "$out/compare_scenarios/c.csv" --json "$out/compare_scenarios/c.json"
one compare_tests compare $(ls tests/compare/*.ini | grep -v "\.profile\.ini$") --lang en -o "$out/compare_tests/c.xlsx" \
	--csv "$out/compare_tests/c.csv" --json "$out/compare_tests/c.json"
for ini in tests/cases/bad/*.ini; do
	case $ini in *.profile.ini) continue ;; esac
	one "check_$(basename "$ini")" check "$ini"
done
