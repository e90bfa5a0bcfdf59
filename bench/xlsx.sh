#!/bin/sh
# What writing the workbook adds to a run: `samkalk run` on the example with
# and without `-o`, measured in the same run (ten rounds of N runs each,
# median per run). Usage: sh bench/xlsx.sh [build/samkalk] [N]
set -eu
bin=${1:-build/samkalk}
n=${2:-50}
scenario=scenarios/unga-vuxna.ini
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
now() { date +%s%N; }
round() {
	t0=$(now); i=0
	while [ $i -lt "$n" ]; do "$@" >/dev/null; i=$((i + 1)); done
	t1=$(now); echo $(((t1 - t0) / n))
}
median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
for r in 1 2 3 4 5 6 7 8 9 10; do
	round "$bin" run "$scenario" --quiet --draws 0 --csv "$tmp/x.csv" --json "$tmp/x.json" >>"$tmp/plain"
	round "$bin" run "$scenario" --quiet --draws 0 --csv "$tmp/x.csv" --json "$tmp/x.json" -o "$tmp/x.xlsx" >>"$tmp/xlsx"
done
p=$(median <"$tmp/plain")
x=$(median <"$tmp/xlsx")
awk -v p="$p" -v x="$x" -v n="$n" -v sc="$scenario" 'BEGIN {
	printf "input: %s, %d runs per round, median of 10 rounds\n", sc, n
	printf "run --csv --json (baseline)      %8.3f ms per run\n", p / 1e6
	printf "run --csv --json -o x.xlsx       %8.3f ms per run\n", x / 1e6
	printf "the workbook adds                %8.3f ms per run\n", (x - p) / 1e6
	printf "ratio with / without workbook    %8.2f\n", x / p
}'
