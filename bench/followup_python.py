#!/usr/bin/env python3
"""followup_python.py -- the baseline of bench/followup.sh: a person panel
read with Python's csv module and counted as samkalk counts it, written as
a competent Python user would write it (csv.reader, a dict per person).

    python3 bench/followup_python.py SCENARIO.ini [--json SAMKALK.json]

Reads the scenario's [followup] data, [followup.states], the intervention's
years, the horizon and the intakes (configparser); checks every row (a
mapped category, t a whole number 0..years, an intake year of the scenario,
kön kvinna or man, one row per person and t); counts the moves between
consecutive t of each person by (intervention or after, sex, from state, to
state), a move into t <= the intervention's years being an intervention
move. Prints the rows, persons and moves. With --json, the counts are
checked against the `followup` object of `samkalk run SCENARIO.ini --json`
(rows' observed counts, both sexes together) and the exit status is 1 on a
difference.
"""

import collections
import configparser
import csv
import json
import os
import re
import sys

SEXES = {"kvinna": "women", "man": "men"}


def count(scenario):
    ini = configparser.ConfigParser(inline_comment_prefixes=(";",))
    ini.optionxform = str  # categories keep their case
    ini.read(scenario, encoding="utf-8")
    data = os.path.join(os.path.dirname(scenario), ini["followup"]["data"])
    states = dict(ini["followup.states"])
    d = ini.getint("intervention", "years")
    horizon = ini.getint("scenario", "years")
    start = ini.getint("scenario", "start_year")
    intakes = range(start, start + ini.getint("cohort", "intakes", fallback=1))

    persons = {}  # id -> (sex, {t: state})
    errors = []
    rows = 0
    with open(data, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f, delimiter=";")
        header = [name.strip().lower() for name in next(reader)]
        i_id, i_intake, i_sex, i_t, i_state = (
            header.index(c) for c in ("id", "intag", "kön", "t", "tillstånd"))
        for line, row in enumerate(reader, 2):
            rows += 1
            state = states.get(row[i_state])
            if state is None:
                errors.append("%d: unknown category %r" % (line, row[i_state]))
                continue
            t = int(row[i_t])
            if not 0 <= t <= horizon:
                errors.append("%d: t %d outside 0..%d" % (line, t, horizon))
                continue
            if int(row[i_intake]) not in intakes:
                errors.append("%d: intake %r" % (line, row[i_intake]))
                continue
            sex = SEXES.get(row[i_sex])
            if sex is None:
                errors.append("%d: kön %r" % (line, row[i_sex]))
                continue
            person = persons.setdefault(row[i_id], (sex, {}))
            if t in person[1]:
                errors.append("%d: a second row for %s at t = %d" % (line, row[i_id], t))
                continue
            person[1][t] = state

    moves = collections.Counter()
    for sex, by_t in persons.values():
        for t, to in by_t.items():
            before = by_t.get(t - 1)
            if before is not None:
                moves["intervention" if t <= d else "after", sex, before, to] += 1
    return rows, len(persons), moves, errors


def check(moves, path):
    """Differences between our counts and samkalk's JSON (both sexes)."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    # samkalk writes a failed interval as the bare word nan (not JSON);
    # Python's reader accepts NaN
    followup = json.loads(re.sub(r"\bnan\b", "NaN", text))["followup"]
    ours = collections.Counter()
    for (matrix, _, before, to), n in moves.items():
        ours[matrix, before, to] += n
    theirs = collections.Counter()
    for r in followup["rows"]:
        for to, n in r["observed"].items():
            if n:
                theirs[r["matrix"], r["from"], to] += n
    diff = [(k, ours[k], theirs[k]) for k in sorted(set(ours) | set(theirs))
            if ours[k] != theirs[k]]
    if sum(ours.values()) != followup["data"]["moves"]:
        diff.append(("moves", sum(ours.values()), followup["data"]["moves"]))
    return diff


def main():
    args = sys.argv[1:]
    if len(args) not in (1, 3) or (len(args) == 3 and args[1] != "--json"):
        sys.exit("usage: followup_python.py SCENARIO.ini [--json SAMKALK.json]")
    rows, persons, moves, errors = count(args[0])
    for e in errors[:10]:
        print("error: line " + e, file=sys.stderr)
    print("rows %d persons %d moves %d errors %d" % (rows, persons, sum(moves.values()),
                                                    len(errors)))
    if len(args) == 3:
        diff = check(moves, args[2])
        for k, a, b in diff[:10]:
            print("differs: %s: Python %d, samkalk %d" % (k, a, b), file=sys.stderr)
        print("against samkalk's JSON: %s" % ("the same counts" if not diff else
                                              "%d differences" % len(diff)))
        sys.exit(1 if diff or errors else 0)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
