#!/bin/sh
# Wall time of one `samkalk run` on the bundled example, against /bin/true
# measured in the same run (the cost of starting any process). Ten rounds of
# N runs each; prints the median per run of each, their difference and ratio.
# Usage: sh bench/run.sh [build/samkalk] [N]
set -eu
bin=${1:-build/samkalk}
n=${2:-200}
scenario=scenarios/unga-vuxna.ini
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
now() { date +%s%N; }
round() { # command... -> nanoseconds per run
	t0=$(now); i=0
	while [ $i -lt "$n" ]; do "$@" >/dev/null; i=$((i + 1)); done
	t1=$(now); echo $(((t1 - t0) / n))
}
median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
for r in 1 2 3 4 5 6 7 8 9 10; do
	round /bin/true >>"$tmp/true"
	round "$bin" run "$scenario" --quiet --draws 0 --csv "$tmp/x.csv" --json "$tmp/x.json" >>"$tmp/run"
done
t=$(median <"$tmp/true")
s=$(median <"$tmp/run")
awk -v t="$t" -v s="$s" -v n="$n" -v sc="$scenario" 'BEGIN {
	printf "machine: %s\n", ENVIRON["HOSTNAME"] != "" ? ENVIRON["HOSTNAME"] : "this machine"
	printf "input: %s, %d runs per round, median of 10 rounds\n", sc, n
	printf "/bin/true (baseline)          %8.3f ms per run\n", t / 1e6
	printf "samkalk run (csv+json files)  %8.3f ms per run\n", s / 1e6
	printf "samkalk minus baseline        %8.3f ms per run\n", (s - t) / 1e6
	printf "ratio samkalk / baseline      %8.2f\n", s / t
}'
