#!/bin/sh
# run_followup.sh -- the follow-up (issue #15) end to end, each check by a
# route independent of samkalk:
#  1. tests/followup/ten.ini and the bundled example against the NumPy
#     re-computation of tests/followup/check_followup.py (data file and
#     profile in, expected figures out), to 1e-6;
#  2. the same persons as a panel, as counted moves and as counted states:
#     panel and moves give the same estimate, panel and states the same
#     outcome and realised savings;
#  3. the same panel in UTF-8 with ';' and in Windows-1252 with ',' and
#     CRLF: the same JSON but for the file's name, hash and encoding.
# usage: sh tests/run_followup.sh build/samkalk
set -eu
BIN=$1
PY=${PYTHON:-python3}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
HERE=$(cd "$(dirname "$0")" && pwd)
fails=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; fails=$((fails + 1)); }

for scen in tests/followup/ten.ini scenarios/unga-vuxna-uppfoljning.ini; do
	"$BIN" run "$scen" --quiet --json "$DIR/out.json"
	if "$PY" tests/followup/check_followup.py "$scen" --json "$DIR/out.json" >"$DIR/check.txt"; then
		ok "$scen: $(tail -1 "$DIR/check.txt")"
	else
		grep -v '^ok' "$DIR/check.txt" | head -20
		bad "$scen against tests/followup/check_followup.py"
	fi
done

# the same scenario over another data file: ten.ini with its data line changed
variant() { # name csv
	sed -e "s|^profiles = .*|profiles = $HERE/../templates/typpersoner.ini|" \
	    -e "s|^data = .*|data = $HERE/followup/$2|" tests/followup/ten.ini >"$DIR/$1.ini"
	"$BIN" run "$DIR/$1.ini" --quiet --json "$DIR/$1.json"
}
variant panel ten.csv
variant comparison ten-comparison.csv
if "$PY" tests/followup/check_followup.py "$DIR/comparison.ini" --json "$DIR/comparison.json" >"$DIR/check.txt"; then
	ok "a comparison group: $(tail -1 "$DIR/check.txt")"
else
	grep -v '^ok' "$DIR/check.txt" | head -20
	bad "a comparison group against tests/followup/check_followup.py"
fi
variant cp1252 ten-cp1252.csv
variant moves ten-moves.csv
variant states ten-states.csv

"$PY" - "$DIR" <<'PYEOF' || fails=$((fails + 1))
import json, sys
d = sys.argv[1]
load = lambda n: json.load(open("%s/%s.json" % (d, n)))
panel, cp, moves, states = load("panel"), load("cp1252"), load("moves"), load("states")
bad = 0
def check(what, good):
    global bad
    print(("ok   " if good else "FAIL ") + what)
    bad += not good
check("moves: shape", moves["followup"]["data"]["shape"] == "moves")
check("panel and counted moves: the same estimated rows",
      panel["followup"]["rows"] == moves["followup"]["rows"])
check("states: shape, and no estimate", states["followup"]["data"]["shape"] == "states"
      and states["followup"]["rows"] == [])
check("panel and counted states: the same outcome",
      panel["followup"]["outcome"] == states["followup"]["outcome"])
for j, (a, b) in enumerate(zip(panel["followup"]["reforecast"]["actors"],
                               states["followup"]["reforecast"]["actors"])):
    check("panel and counted states: %s's realised savings %r" % (a["id"], a["realised_savings"]),
          a["realised_savings"] == b["realised_savings"])
check("cp1252: read as Windows-1252", cp["followup"]["data"]["converted_from"] == "windows-1252")
for j in (panel, cp):  # what may differ: the data file's name, hash, encoding
    for k in ("path", "sha256", "converted_from"):
        j["followup"]["data"].pop(k)
    for i in j["inputs"]:
        i.pop("path"), i.pop("sha256")
check("UTF-8 ';' and Windows-1252 ',' CRLF: the same JSON but the file's name, hash and encoding",
      json.dumps(panel, sort_keys=True) == json.dumps(cp, sort_keys=True))
sys.exit(1 if bad else 0)
PYEOF

# the bundled counted-moves file as Swedish Excel writes it (Windows-1252,
# ';', CRLF, one '<5'): read as such, with its 10 rows and the suppressed
# count said in the summary
sed -e "s|^profiles = .*|profiles = $HERE/../templates/typpersoner.ini|" \
    -e "s|^data = .*|data = $HERE/../scenarios/uppfoljning/flyttar-excel.csv|" \
    scenarios/unga-vuxna-uppfoljning.ini >"$DIR/excel.ini"
"$BIN" run "$DIR/excel.ini" --draws 0 --json "$DIR/excel.json" >"$DIR/excel.txt"
if grep -q "1 antal var maskade som <5" "$DIR/excel.txt" &&
	grep -q "Windows-1252" "$DIR/excel.txt" &&
	"$PY" -c 'import json, sys; d = json.load(open(sys.argv[1]))["followup"]["data"]; sys.exit(not (d["shape"] == "moves" and d["converted_from"] == "windows-1252" and d["suppressed"] == 1 and d["rows"] == 10))' "$DIR/excel.json"; then
	ok "the bundled Excel file (Windows-1252, '<5'): counted moves, converted, one suppressed count"
else bad "the bundled Excel file"; fi

# under [uncertainty]: the same figures on 1 and 2 threads; and the
# estimate's uncertainty shrinks as data grow: the example's first year
# (t = 0 and 1, so that its second intervention year is projected with
# the estimate), once and with every person ten times over; the second
# gives a narrower 90 % interval of the re-forecast NPV and of every
# estimated move
UV=scenarios/unga-vuxna-uppfoljning.ini
"$BIN" run $UV --quiet --threads 1 --draws 4000 --json "$DIR/t1.json"
"$BIN" run $UV --quiet --threads 2 --draws 4000 --json "$DIR/t2.json"
if cmp -s "$DIR/t1.json" "$DIR/t2.json"; then ok "follow-up draws: the same JSON on 1 and 2 threads"
else bad "follow-up draws differ between 1 and 2 threads"; fi
"$PY" - scenarios/uppfoljning/unga-vuxna-utfall.csv "$DIR" <<'PYEOF'
import sys
rows = open(sys.argv[1], encoding="utf-8").read().splitlines()
first = [r for r in rows[1:] if r.split(";")[1] in ("0", "1")]
for name, copies in (("once", 1), ("tenfold", 10)):
    with open("%s/%s.csv" % (sys.argv[2], name), "w", encoding="utf-8") as out:
        out.write(rows[0] + "\n")
        for copy in range(copies):
            for r in first:
                out.write("K%d-%s\n" % (copy, r))
PYEOF
for name in once tenfold; do
	sed -e "s|^profiles = .*|profiles = $HERE/../templates/typpersoner.ini|" \
	    -e "s|^data = .*|data = $DIR/$name.csv|" $UV >"$DIR/$name.ini"
	"$BIN" run "$DIR/$name.ini" --quiet --draws 4000 --json "$DIR/$name.json"
done
# "before the follow-up" is the scenario's own Monte Carlo: the JSON's
# uncertainty object of the example equals that of unga-vuxna.ini, which
# it copies, but for the line numbers of its inputs
"$BIN" run scenarios/unga-vuxna.ini --quiet --draws 4000 --json "$DIR/plain.json"
"$PY" - "$DIR/t1.json" "$DIR/plain.json" <<'PYEOF' || fails=$((fails + 1))
import json, sys
a, b = (json.load(open(f))["uncertainty"] for f in sys.argv[1:3])
for u in (a, b):
    for i in u["inputs"]:
        i.pop("line")
same = a == b
print(("ok   " if same else "FAIL ") + "the Monte Carlo before the follow-up is the scenario's own, draw for draw")
sys.exit(0 if same else 1)
PYEOF
# more persons than the cohort plans: a note, not an error
if "$BIN" run "$DIR/tenfold.ini" --draws 0 | grep -q "fler personer (720) än kohorten planerar (72)"; then
	ok "720 persons followed up for 72 planned: a note in the summary"
else bad "no note of more persons than planned"; fi
"$PY" - "$DIR/once.json" "$DIR/tenfold.json" <<'PYEOF' || fails=$((fails + 1))
import json, sys
a, b = (json.load(open(f))["followup"] for f in sys.argv[1:3])
bad = 0
fa, fb = a["reforecast"]["totals"]["fiscal"], b["reforecast"]["totals"]["fiscal"]
wa, wb = fa["interval90"][1] - fa["interval90"][0], fb["interval90"][1] - fb["interval90"][0]
print(("ok   " if wb < wa else "FAIL ") +
      "ten times the data: the fiscal re-forecast NPV's 90 %% interval narrows from %.0f to %.0f kr" % (wa, wb))
bad += not wb < wa
rows_b = {(r["matrix"], r["from"]): r for r in b["rows"]}
narrower = all(rb["interval90"][k][1] - rb["interval90"][k][0] <= r["interval90"][k][1] - r["interval90"][k][0] + 1e-12
               for r in a["rows"] if r["n"] > 0
               for rb in [rows_b[(r["matrix"], r["from"])]] for k in r["interval90"])
print(("ok   " if narrower else "FAIL ") + "ten times the data: every estimated move's interval narrower or equal")
bad += not narrower
sys.exit(1 if bad else 0)
PYEOF

if [ "$fails" -ne 0 ]; then
	echo "followup: $fails failed"
	exit 1
fi
echo "followup: all passed"
