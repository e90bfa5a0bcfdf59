#!/bin/sh
# Runs every libFuzzer target for N seconds (default 60) with ASan and UBSan,
# from a seed corpus made of the project's own files, with the dictionary
# fuzz/samkalk.dict. A crash stops with the input in build/fuzz/artifacts/;
# fix it and add the input to tests/cases/bad/ as a regression case.
# Usage (from the repository root, after `make fuzz-build`): sh fuzz/run.sh N
# (FUZZ_OUT=DIR: the targets, corpora and logs are in DIR, default build/fuzz)
# (TARGETS="fuzz_run fuzz_uncertainty" sh fuzz/run.sh N runs only those)
set -eu
seconds=${1:-60}
out=${FUZZ_OUT:-build/fuzz}
mkdir -p "$out/artifacts"
seed() { # target: fill its corpus directory from the repository's files
	dir="$out/corpus-$1"
	mkdir -p "$dir"
	case $1 in
	fuzz_profile)
		for f in templates/*.ini tests/cases/*/*.profile.ini tests/e2e/*.profile.ini \
			tests/unit/data/*profile*.ini; do
			[ -f "$f" ] && cp "$f" "$dir/$(echo "$f" | tr / _)"
		done ;;
	fuzz_scenario)
		for f in scenarios/*.ini tests/cases/*/*.ini tests/e2e/*.ini; do
			case $f in *.profile.ini) continue ;; esac
			[ -f "$f" ] && cp "$f" "$dir/$(echo "$f" | tr / _)"
		done ;;
	fuzz_run | fuzz_uncertainty)
		for f in scenarios/*.ini tests/e2e/*.ini tests/cases/*/*.ini tests/uncertainty/*.ini; do
			case $f in *.profile.ini) continue ;; esac
			p=$(sed -n 's/^profiles *= *//p' "$f" | head -n 1)
			[ -n "$p" ] && [ -f "$(dirname "$f")/$p" ] || continue
			{ cat "$(dirname "$f")/$p"; printf '@@SCENARIO@@\n'
			  sed 's/^profiles *=.*/profiles = @PROFILE@/' "$f"; } \
				>"$dir/$(echo "$f" | tr / _)"
		done ;;
	fuzz_followup) # follow-up data files (issue #15)
		for f in scenarios/uppfoljning/*.csv tests/followup/*.csv tests/cases/*/*.csv; do
			[ -f "$f" ] && cp "$f" "$dir/$(echo "$f" | tr / _)"
		done ;;
	esac
}
status=0
for t in ${TARGETS:-fuzz_profile fuzz_scenario fuzz_run fuzz_uncertainty fuzz_followup}; do
	seed "$t"
	echo "== $t for $seconds s"
	if ! "$out/$t" -max_total_time="$seconds" -dict=fuzz/samkalk.dict -timeout=10 \
		-rss_limit_mb=2048 -artifact_prefix="$out/artifacts/$t-" -print_final_stats=1 \
		"$out/corpus-$t" 2>"$out/$t.log"; then
		echo "FAIL $t: see $out/$t.log and $out/artifacts/"
		status=1
	fi
	grep -E "stat::number_of_executed_units|cov:.*ft:" "$out/$t.log" | tail -n 2
done
exit $status
