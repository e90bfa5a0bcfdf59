#!/usr/bin/env python3
"""followup_make.py -- the synthetic register panel of bench/followup.sh
(issue #15, "Speed and memory"): 100 000 persons x 10 years = 1 000 000 rows.

    python3 bench/followup_make.py DIR PROFILE

writes into DIR (Python 3 standard library only; the same bytes every run):

panel.csv
    A person panel as a register extract gives it: UTF-8, ';' separated,
    LF line ends, header `id;intag;kön;t;tillstånd`, one row per person
    and year, the persons' rows together and in t order. Ids SYNT-000001
    .. SYNT-100000: every row is made up here and describes no one.
    Five intakes of 20 000 (intag 2026 .. 2030), half women (kön kvinna
    or man), each person at t = 0 .. 9. The categories are SUS-like
    words (CATEGORIES); a person's category moves once a year by MOVES.
panel.ini
    A scenario reading it: the profile PROFILE (give it absolute),
    start_year 2026, years = 10 (the horizon covers t = 9), five intakes
    of 20 000, two intervention years (moves into t = 1, 2 are
    intervention moves, the later ones after moves), [followup.states]
    mapping the categories, no [uncertainty] (no Monte Carlo).
panel-by-year.csv, panel-by-year.ini
    The same rows ordered by t, then person, as yearly extracts appended
    one below the other: the reader must sort them and look every id up.

The random numbers come from random.Random(SEED) and only its random()
method, whose sequence Python keeps the same across versions.
"""

import os
import random
import sys

SEED = 20261115
PERSONS = 100_000
INTAKES = 5  # 2026 .. 2030, PERSONS / INTAKES each
START_YEAR = 2026
T = 10  # rows at t = 0 .. T - 1
HORIZON = 10  # the scenario's years: covers t = T - 1
INTERVENTION_YEARS = 2

# SUS-like categories and the profile state each counts as
# (templates/typpersoner.ini; many to one).
CATEGORIES = {
    "Arbetssökande, står nära arbetsmarknaden": "AM1",
    "Arbetssökande, behöver visst stöd": "AM2",
    "Arbetssökande, behöver omfattande stöd": "AM3",
    "Arbetsträning": "AM3",
    "Sjukskriven, fysisk ohälsa": "RH1",
    "Sjukskriven, psykisk ohälsa": "RH2",
    "Behandling, missbruk eller beroende": "RH3",
    "Arbete utan stöd": "arbete",
    "Arbete med stöd": "subventionerat",
    "Studier": "studier",
    "Sjukersättning eller aktivitetsersättning": "sjukersattning",
}
NAMES = list(CATEGORIES)  # a fixed order for drawing

# Category at entry (t = 0).
ENTRY = {
    "Arbetssökande, behöver omfattande stöd": 0.30,
    "Arbetssökande, behöver visst stöd": 0.30,
    "Arbetsträning": 0.10,
    "Sjukskriven, psykisk ohälsa": 0.12,
    "Sjukskriven, fysisk ohälsa": 0.08,
    "Behandling, missbruk eller beroende": 0.05,
    "Arbetssökande, står nära arbetsmarknaden": 0.05,
}

# One year's moves out of each category; staying is the rest.
MOVES = {
    "Arbetssökande, står nära arbetsmarknaden": {
        "Arbete utan stöd": 0.35, "Studier": 0.10, "Arbetssökande, behöver visst stöd": 0.10},
    "Arbetssökande, behöver visst stöd": {
        "Arbete utan stöd": 0.15, "Studier": 0.08, "Arbete med stöd": 0.05,
        "Arbetssökande, behöver omfattande stöd": 0.04,
        "Arbetssökande, står nära arbetsmarknaden": 0.06},
    "Arbetssökande, behöver omfattande stöd": {
        "Arbetssökande, behöver visst stöd": 0.15, "Arbetsträning": 0.10,
        "Arbete med stöd": 0.03, "Sjukskriven, psykisk ohälsa": 0.04},
    "Arbetsträning": {
        "Arbetssökande, behöver visst stöd": 0.20, "Arbete med stöd": 0.10,
        "Arbetssökande, behöver omfattande stöd": 0.20},
    "Sjukskriven, fysisk ohälsa": {
        "Arbetssökande, behöver omfattande stöd": 0.15,
        "Sjukersättning eller aktivitetsersättning": 0.05, "Arbete utan stöd": 0.05},
    "Sjukskriven, psykisk ohälsa": {
        "Arbetssökande, behöver omfattande stöd": 0.12, "Arbetsträning": 0.08,
        "Sjukersättning eller aktivitetsersättning": 0.04},
    "Behandling, missbruk eller beroende": {
        "Arbetsträning": 0.10, "Sjukskriven, psykisk ohälsa": 0.10},
    "Arbete utan stöd": {"Arbetssökande, behöver visst stöd": 0.08},
    "Arbete med stöd": {"Arbete utan stöd": 0.30, "Arbetssökande, behöver visst stöd": 0.20},
    "Studier": {"Arbete utan stöd": 0.25, "Arbetssökande, behöver visst stöd": 0.15},
    "Sjukersättning eller aktivitetsersättning": {"Sjukskriven, psykisk ohälsa": 0.02},
}


def draw(u, probs):
    """The category whose cumulative share first exceeds u, else None."""
    acc = 0.0
    for name in NAMES:
        acc += probs.get(name, 0.0)
        if u < acc:
            return name
    return None


def panel(rng):
    """Rows (person index, t, line) in person order."""
    per_intake = PERSONS // INTAKES
    rows = []
    for k in range(PERSONS):
        pid = "SYNT-%06d" % (k + 1)
        intake = START_YEAR + k // per_intake
        sex = "kvinna" if rng.random() < 0.5 else "man"
        cat = draw(rng.random(), ENTRY)
        for t in range(T):
            if t:
                cat = draw(rng.random(), MOVES[cat]) or cat
            rows.append("%s;%d;%s;%d;%s\n" % (pid, intake, sex, t, cat))
    return rows


SCENARIO = """\
; {name} -- written by bench/followup_make.py for bench/followup.sh.
; SYNTHETIC: the data file is made up by that script (seed {seed}).
[scenario]
name = Benchmark: register panel of {persons} persons x {t} years
profiles = {profile}
start_year = {start}
years = {horizon}
price_year = 2026
discount_rate = 0.035

[cohort]
size = {size}
intakes = {intakes}
women = 0.5
AM3 = 0.5
AM2 = 0.3
RH2 = 0.2

[intervention]
name = Benchmark intervention
years = {d}
cost_per_participant.kommun = 15000

[baseline]
AM3 -> AM2 = 0.10
AM3 -> arbete = 0.03
AM2 -> arbete = 0.12
AM2 -> studier = 0.06
RH2 -> AM3 = 0.10
arbete -> AM2 = 0.10
studier -> arbete = 0.25
subventionerat -> arbete = 0.30

[intervention.transitions]
AM3 -> AM2 = 0.20
AM2 -> arbete = 0.20
AM2 -> subventionerat = 0.05

[followup]
data = {data}
prior_weight = 2
by_sex = no

[followup.states]
{states}
"""


def write(directory, stem, rows, profile):
    data = os.path.join(directory, stem + ".csv")
    with open(data, "w", encoding="utf-8", newline="") as out:
        out.write("id;intag;kön;t;tillstånd\n")
        out.writelines(rows)
    with open(os.path.join(directory, stem + ".ini"), "w", encoding="utf-8") as out:
        out.write(SCENARIO.format(
            name=stem + ".ini", seed=SEED, persons=PERSONS, t=T, profile=profile,
            start=START_YEAR, horizon=HORIZON, size=PERSONS // INTAKES, intakes=INTAKES,
            d=INTERVENTION_YEARS, data=os.path.abspath(data),
            states="\n".join("%s = %s" % kv for kv in CATEGORIES.items())))


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: followup_make.py DIR PROFILE")
    directory, profile = sys.argv[1], os.path.abspath(sys.argv[2])
    rows = panel(random.Random(SEED))
    write(directory, "panel", rows, profile)
    # t-major: row k of person p at t is rows[p * T + t]
    by_year = [rows[p * T + t] for t in range(T) for p in range(PERSONS)]
    write(directory, "panel-by-year", by_year, profile)


if __name__ == "__main__":
    main()
