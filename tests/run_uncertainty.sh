#!/bin/sh
# run_uncertainty.sh -- the tornado and the Monte Carlo of SPEC §6 through
# the command line, each checked by a route of its own. Run from the
# repository root:
#   sh tests/run_uncertainty.sh build/samkalk
#
#   a. The same seed gives byte-identical JSON and draws CSV on 1, 2 and 7
#      threads (20 000 draws cross two chunks of 16 384; 16 385 draws leave a
#      last chunk of one draw for 7 threads); --seed equal to the file's seed
#      changes nothing; another seed changes the JSON and the CSV.
#   b. Every tornado end equals a plain run of the scenario with that value
#      written in (samkalk run and tests/reference/ref_model.py), in
#      tests/check_uncertainty.py; for the example, and for
#      tests/uncertainty/outcome.ini and dirichlet.ini.
#   c. Linearity (tests/uncertainty/linear.ini): the mean NPV equals the NPV
#      at the sample mean of the drawn cost, and is within 4 SE of the NPV at
#      the distribution's mean (check_uncertainty.py linear).
#   d. The draws CSV against the JSON: header, rows, mean, P(NPV > 0),
#      P5/P50/P95, EVPI, totals, payback shares, each input's draws against
#      its distribution (check_uncertainty.py draws); and four draws of each
#      CSV written back into the scenario and run plainly, giving the CSV
#      row's NPVs (check_uncertainty.py replay); the payback year of single
#      draws equals the plain run's at the drawn values (payback).
#   e. A draw that makes a row sum above 1 (tests/uncertainty/
#      row_above_one_in_a_draw.ini): exit 2, one message naming file, line of
#      the distribution, key and the first such draw (found independently from
#      the draws of a copy that cannot fail), nothing written, the old --json
#      file byte-identical; the same message on 1, 2 and 7 threads, also when
#      the first failing draw is in the second chunk and later jobs fail too.
#   f. Progress: with stderr not a terminal, a successful run prints nothing
#      on stderr; with stderr a terminal it shows the draws, and --quiet
#      silences it.
#
# Prints each failure, then "uncertainty: N passed, M failed"; exits 1 if any
# check failed.
set -u
bin=${1:-build/samkalk}
if [ $# -gt 1 ] || [ ! -x "$bin" ]; then
	echo "usage: sh tests/run_uncertainty.sh path/to/samkalk" >&2
	exit 2
fi
if [ ! -f tests/check_uncertainty.py ]; then
	echo "run_uncertainty.sh: run from the repository root" >&2
	exit 2
fi
py=${PYTHON:-/usr/bin/python3}
[ -x "$py" ] || py=python3
tmp=$(mktemp -d "${TMPDIR:-/tmp}/samkalk-unc.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() {
	echo "FAIL  $*"
	fail=$((fail + 1))
}

# same WHAT A B: byte-identical files
same() {
	if cmp -s "$2" "$3"; then ok; else bad "$1: $2 and $3 differ"; fi
}

# quiet_run NAME ARGS...: samkalk run ARGS must exit 0 with nothing on
# stderr (f: stderr is a file here, not a terminal)
quiet_run() {
	name=$1
	shift
	"$bin" run "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
	rc=$?
	if [ "$rc" -ne 0 ]; then
		bad "$name: samkalk run $*: exit $rc"
		sed 's/^/      /' "$tmp/$name.err"
	elif [ -s "$tmp/$name.err" ]; then
		bad "$name: samkalk run $*: stderr not empty though not a terminal"
		sed 's/^/      /' "$tmp/$name.err"
	else
		ok
	fi
}

# pycheck ARGS...: tests/check_uncertainty.py ARGS; each of its "ok" and
# "FAIL" lines counts once
pycheck() {
	"$py" tests/check_uncertainty.py "$@" >"$tmp/py.out" 2>&1
	rc=$?
	n_ok=$(grep -c '^ok ' "$tmp/py.out")
	n_fail=$(grep -c '^FAIL' "$tmp/py.out")
	grep -v '^ok ' "$tmp/py.out"
	pass=$((pass + n_ok))
	fail=$((fail + n_fail))
	if [ "$rc" -ne 0 ] && [ "$n_fail" -eq 0 ]; then
		bad "check_uncertainty.py $1: exit $rc"
	fi
	if [ "$n_ok" -eq 0 ] && [ "$n_fail" -eq 0 ]; then
		bad "check_uncertainty.py $1: no checks ran"
	fi
}

S=scenarios/unga-vuxna.ini

# ---- a. the same seed, any number of threads: the same bytes (and f)
for t in 1 2 7; do
	quiet_run "a$t" "$S" --quiet --draws 20000 --threads "$t" --json "$tmp/a$t.json" \
		--draws-csv "$tmp/a$t.csv"
done
for t in 2 7; do
	same "JSON, 20000 draws, --threads 1 and $t" "$tmp/a1.json" "$tmp/a$t.json"
	same "draws CSV, 20000 draws, --threads 1 and $t" "$tmp/a1.csv" "$tmp/a$t.csv"
done
# the file's seed (20261123) was used, and saying it again changes nothing
if grep -q '"draws": 20000, "seed": 20261123' "$tmp/a1.json"; then ok; else
	bad "a1.json: expected \"draws\": 20000, \"seed\": 20261123 (the file's seed)"
fi
quiet_run a_seed "$S" --quiet --draws 20000 --seed 20261123 --threads 2 --json "$tmp/a_seed.json"
same "JSON, the file's seed given with --seed" "$tmp/a1.json" "$tmp/a_seed.json"
# 16385 = 16384 + 1: the last chunk is one draw, six of seven threads idle
for t in 1 7; do
	quiet_run "b$t" "$S" --quiet --draws 16385 --threads "$t" --json "$tmp/b$t.json" \
		--draws-csv "$tmp/b$t.csv"
done
same "JSON, 16385 draws, --threads 1 and 7" "$tmp/b1.json" "$tmp/b7.json"
same "draws CSV, 16385 draws, --threads 1 and 7" "$tmp/b1.csv" "$tmp/b7.csv"
# another seed: other draws
quiet_run a_other "$S" --quiet --draws 20000 --seed 20261124 --threads 2 \
	--json "$tmp/a_other.json" --draws-csv "$tmp/a_other.csv"
if cmp -s "$tmp/a1.json" "$tmp/a_other.json"; then
	bad "seeds 20261123 and 20261124 gave the same JSON"
else ok; fi
if cmp -s "$tmp/a1.csv" "$tmp/a_other.csv"; then
	bad "seeds 20261123 and 20261124 gave the same draws CSV"
else ok; fi

# ---- b. tornado ends against plain runs: the example; outcome mode with
# every kind of one-number input; transition rows and starting distributions
# drawn whole beside one-number inputs in per-sex sections
for s in "$S" tests/uncertainty/outcome.ini tests/uncertainty/dirichlet.ini; do
	d=$tmp/b_$(basename "$s" .ini)
	mkdir "$d"
	pycheck tornado "$bin" "$s" "$d"
done

# ---- c. linearity
mkdir "$tmp/c"
pycheck linear "$bin" tests/uncertainty/linear.ini "$tmp/c"

# ---- d. the draws CSV against the JSON, and four draws of it replayed as
# plain runs: unga-vuxna (15 inputs, 20000 draws on 7 threads), linear.ini
# (written by c on 2 threads), outcome.ini and dirichlet.ini
pycheck draws "$S" "$tmp/a7.json" "$tmp/a7.csv"
pycheck draws tests/uncertainty/linear.ini "$tmp/c/linear.json" "$tmp/c/linear.csv"
for s in tests/uncertainty/outcome.ini tests/uncertainty/dirichlet.ini; do
	n=$(basename "$s" .ini)
	quiet_run "d_$n" "$s" --quiet --draws 5000 --seed 11 --threads 3 --json "$tmp/d_$n.json" \
		--draws-csv "$tmp/d_$n.csv"
	pycheck draws "$s" "$tmp/d_$n.json" "$tmp/d_$n.csv"
done
mkdir "$tmp/r"
pycheck replay "$bin" "$S" "$tmp/a7.csv" "$tmp/r"
pycheck replay "$bin" tests/uncertainty/linear.ini "$tmp/c/linear.csv" "$tmp/r"
pycheck replay "$bin" tests/uncertainty/outcome.ini "$tmp/d_outcome.csv" "$tmp/r"
pycheck replay "$bin" tests/uncertainty/dirichlet.ini "$tmp/d_dirichlet.csv" "$tmp/r"
# the payback year of single draws against plain runs at the drawn values
for s in "$S" tests/uncertainty/outcome.ini tests/uncertainty/dirichlet.ini; do
	pycheck payback "$bin" "$s" "$tmp/r"
done

# ---- e. a draw that makes a row sum above 1
# row_case NAME SCENARIO ARGS...: exit 2, exactly the expected one line on
# stderr, nothing on stdout, the old JSON, CSV and workbook untouched, no
# draws CSV and no other file left in the directory
row_case() {
	name=$1 scen=$2
	shift 2
	mkdir "$tmp/$name"
	if ! "$py" tests/check_uncertainty.py row-message "$bin" "$scen" "$tmp/$name" "$@" \
		>"$tmp/$name.want" 2>"$tmp/$name.pyerr"; then
		bad "$name: check_uncertainty.py row-message failed"
		sed 's/^/      /' "$tmp/$name.pyerr"
		return
	fi
	out=$tmp/$name/out
	mkdir "$out"
	printf '{"old": true}\n' >"$out/old.json"
	printf 'year,actor\n' >"$out/old.csv"
	printf 'not a workbook\n' >"$out/old.xlsx"
	cp "$out/old.json" "$tmp/$name.ref.json"
	cp "$out/old.csv" "$tmp/$name.ref.csv"
	cp "$out/old.xlsx" "$tmp/$name.ref.xlsx"
	for t in 1 2 7; do
		"$bin" run "$scen" --threads "$t" --json "$out/old.json" --csv "$out/old.csv" \
			-o "$out/old.xlsx" --draws-csv "$out/draws.csv" "$@" \
			>"$tmp/$name.out" 2>"$tmp/$name.err"
		rc=$?
		where="$name, --threads $t"
		if [ "$rc" -eq 2 ]; then ok; else bad "$where: exit $rc, expected 2"; fi
		if [ -s "$tmp/$name.out" ]; then bad "$where: printed on stdout"; else ok; fi
		if cmp -s "$tmp/$name.want" "$tmp/$name.err"; then ok; else
			bad "$where: stderr is not the one expected line"
			diff -u "$tmp/$name.want" "$tmp/$name.err" | sed '1,2d; s/^/      /'
		fi
		same "$where: the old --json file" "$tmp/$name.ref.json" "$out/old.json"
		same "$where: the old --csv file" "$tmp/$name.ref.csv" "$out/old.csv"
		same "$where: the old -o workbook" "$tmp/$name.ref.xlsx" "$out/old.xlsx"
		left=$(ls -A "$out" | grep -v -x -e old.json -e old.csv -e old.xlsx)
		if [ -n "$left" ]; then bad "$where: left files behind: $left"; else ok; fi
	done
}
R=tests/uncertainty/row_above_one_in_a_draw.ini
if "$bin" check "$R" >/dev/null 2>&1; then ok; else bad "samkalk check $R: the file itself is good"; fi
quiet_run e_no_draws "$R" --quiet --draws 0 --json "$tmp/e_no_draws.json"
row_case e1 "$R"
# uniform(0.5, 0.70002) fails in one draw of 10 000 (0.00002 / 0.20002);
# with seed 31 of 40 000 draws the first failure is past the first chunk and
# past the first job of 7 threads, and later draws of that chunk fail too
# (chosen by looking; the expected draw is still derived independently)
sed -e 's/uniform(0.5, 0.9)/uniform(0.5, 0.70002)/' \
	-e "s|^profiles = \.\./\.\./templates|profiles = $(pwd)/templates|" "$R" >"$tmp/rare.ini"
row_case e2 "$tmp/rare.ini" --draws 40000 --seed 31

# ---- f. progress only on a terminal
pycheck progress "$bin" "$S"

echo "uncertainty: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
