#!/bin/sh
# Runs every libFuzzer target with ASan and UBSan, with the dictionary
# fuzz/samkalk.dict, from a seed corpus made of the project's own files and
# of the inputs found earlier to raise coverage (fuzz/corpus/TARGET/, in
# git). A crash, a leak or any sanitizer report fails, with the input in
# build/fuzz/artifacts/; fix it and add the input to tests/cases/bad/ as a
# regression case.
# Usage (from the repository root, after `make fuzz-build`):
#   sh fuzz/run.sh N               each target for N seconds (make fuzz
#                                  FUZZ_SECONDS=N); the corpus grows in
#                                  build/fuzz/corpus-TARGET from run to run
#   sh fuzz/run.sh --runs N --seed S
#                                  each target for N executions with random
#                                  seed S, from a fresh corpus: the same
#                                  inputs every time (make fuzz-ci, in make
#                                  test; issue #19)
#   sh fuzz/run.sh --merge         after long runs: fuzz/corpus/TARGET/
#                                  made again as the fewest inputs of it and
#                                  build/fuzz/corpus-TARGET that add
#                                  coverage to the seed files (-merge=1)
# (FUZZ_OUT=DIR: the targets, corpora and logs are in DIR, default build/fuzz)
# (TARGETS="fuzz_run fuzz_uncertainty" sh fuzz/run.sh ... only those)
set -eu
out=${FUZZ_OUT:-build/fuzz}
mode=seconds seconds=60 runs=0 seed=1
while [ $# -gt 0 ]; do
	case $1 in
	--runs) mode=runs runs=$2; shift 2 ;;
	--seed) seed=$2; shift 2 ;;
	--merge) mode=merge; shift ;;
	*) seconds=$1; shift ;;
	esac
done
mkdir -p "$out/artifacts"
seed() { # target dir: fill dir with the seed files of target
	dir=$2
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
	if [ -n "$(ls -A "fuzz/corpus/$1" 2>/dev/null)" ]; then
		cp fuzz/corpus/"$1"/* "$dir/"
	fi
}
status=0
for t in ${TARGETS:-fuzz_profile fuzz_scenario fuzz_run fuzz_uncertainty fuzz_followup}; do
	case $mode in
	merge)
		base="$out/merge-$t"
		rm -rf "$base" "$out/merge-found-$t"
		mkdir -p "$out/merge-found-$t"
		[ -n "$(ls -A "fuzz/corpus/$t" 2>/dev/null)" ] && cp fuzz/corpus/"$t"/* "$out/merge-found-$t/"
		mv fuzz/corpus/"$t" "$out/merge-old-$t" 2>/dev/null || true
		seed "$t" "$base"
		ls "$base" >"$out/merge-seeds-$t"
		"$out/$t" -merge=1 -use_counters=0 -dict=fuzz/samkalk.dict -timeout=10 -rss_limit_mb=2048 \
			"$base" "$out/merge-found-$t" "$out/corpus-$t" 2>"$out/$t.log" || {
			echo "FAIL $t: merge; see $out/$t.log"
			mv "$out/merge-old-$t" fuzz/corpus/"$t" 2>/dev/null || true
			status=1
			continue
		}
		rm -rf "$out/merge-old-$t"
		mkdir -p "fuzz/corpus/$t"
		for f in "$base"/*; do
			grep -qxF "$(basename "$f")" "$out/merge-seeds-$t" || cp "$f" "fuzz/corpus/$t/"
		done
		echo "== $t: fuzz/corpus/$t has $(ls "fuzz/corpus/$t" | wc -l) inputs," \
			"$(du -sk "fuzz/corpus/$t" | cut -f1) kB"
		continue ;;
	runs) # a fresh corpus, no reload, one seed, and (where the system
		# allows it) no address randomisation, which steers some of
		# libFuzzer's choices: the same inputs every time, but for
		# fuzz_uncertainty, whose two threads' coverage varies
		dir="$out/ci-corpus-$t"
		rm -rf "$dir"
		seed "$t" "$dir"
		echo "== $t: $runs executions, seed $seed"
		# -timeout: an input that takes 60 s is a hang on any machine
		set -- -runs="$runs" -seed="$seed" -reload=0 -timeout=60 ;;
	*)
		dir="$out/corpus-$t"
		seed "$t" "$dir"
		echo "== $t for $seconds s"
		set -- -max_total_time="$seconds" -timeout=10 ;;
	esac
	fixed=""
	[ "$mode" = runs ] && setarch -R true 2>/dev/null && fixed="setarch -R"
	if ! $fixed "$out/$t" "$@" -dict=fuzz/samkalk.dict -rss_limit_mb=2048 \
		-artifact_prefix="$out/artifacts/$t-" -print_final_stats=1 \
		"$dir" 2>"$out/$t.log" || grep -q -E 'ERROR: [A-Za-z]*Sanitizer|runtime error:' "$out/$t.log"; then
		echo "FAIL $t: see $out/$t.log and $out/artifacts/"
		status=1
	fi
	grep -E "stat::number_of_executed_units|cov:.*ft:" "$out/$t.log" | tail -n 2
done
exit $status
