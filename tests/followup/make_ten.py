#!/usr/bin/env python3
"""make_ten.py -- writes the ten-person follow-up panel of tests/followup/ten.ini
(issue #15) in two encodings. Made-up persons, chosen by hand (ROWS below):
no real person is in them.

    python3 tests/followup/make_ten.py

writes, next to this script (Python 3 standard library only; the same bytes
on every run):

ten.csv
    UTF-8 without a byte-order mark, ';' separated, LF line ends, Swedish
    header `id;t;tillstånd;kön`.
ten-moves.csv, ten-states.csv
    The same persons as counted moves (per phase, sex and pair) and as
    counted states (per t, state and sex): UTF-8 with a byte-order mark,
    ',' separated, CRLF, as Excel's "CSV UTF-8" writes them; for the test
    that the shapes agree (tests/run_followup.sh).
ten-comparison.csv
    ten.csv's persons and a comparison group of six (grupp jämförelse),
    whose moves estimate the baseline.
ten-cp1252.csv
    The same rows as Swedish Excel would save them with ',' as separator:
    Windows-1252, CRLF line ends, no byte-order mark, English header
    `id,t,state,sex`; the categories holding a comma are quoted.

The ten persons (T01..T10), four women and six men, at entry (t = 0) and
one and two years later; ten.ini has `[intervention] years = 1`, so the
moves into t = 1 are intervention moves and those into t = 2 after moves:

    id   sex     t = 0   t = 1           t = 2
    T01  kvinna  AM3     AM2             AM2
    T02  kvinna  AM3     AM3             arbete
    T03  kvinna  AM2     arbete          arbete
    T04  kvinna  AM2     studier         (lost: no row)
    T05  man     AM3     AM3             studier   (AM3 -> studier is 0 in ten.ini's
                                                    after matrix: observed anyway)
    T06  man     AM3     subventionerat  arbete
    T07  man     AM3     AM2             studier
    T08  man     AM2     arbete          AM2
    T09  man     AM2     AM2             subventionerat
    T10  man     AM3     (gap: no row)   AM2

Counted: 9 intervention moves (T10 has no t = 1) and 8 after moves (T04
lost, T10's gap); persons observed 10, 9 and 9 at t = 0, 1, 2.
"""

import csv
import io
import os

# The categories (as in ten.ini's [followup.states]) of each state used.
CATEGORY = {
    "AM3": "Arbetssökande, behöver omfattande stöd",
    "AM2": "Arbetssökande, behöver visst stöd",
    "arbete": "Arbete utan stöd",
    "subventionerat": "Arbete med stöd",
    "studier": "Studier",
}

# (id, sex, state at t = 0, 1, 2); None: no row for that t.
ROWS = (
    ("T01", "kvinna", ("AM3", "AM2", "AM2")),
    ("T02", "kvinna", ("AM3", "AM3", "arbete")),
    ("T03", "kvinna", ("AM2", "arbete", "arbete")),
    ("T04", "kvinna", ("AM2", "studier", None)),
    ("T05", "man", ("AM3", "AM3", "studier")),
    ("T06", "man", ("AM3", "subventionerat", "arbete")),
    ("T07", "man", ("AM3", "AM2", "studier")),
    ("T08", "man", ("AM2", "arbete", "AM2")),
    ("T09", "man", ("AM2", "AM2", "subventionerat")),
    ("T10", "man", ("AM3", None, "AM2")),
)


def records():
    for pid, sex, states in ROWS:
        for t, state in enumerate(states):
            if state is not None:
                yield [pid, str(t), CATEGORY[state], sex]


def write(path, header, delimiter, encoding, line_end):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=line_end,
                   quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in records():
        w.writerow(r)
    with open(path, "wb") as fh:
        fh.write(buf.getvalue().encode(encoding))


def counted(path, header, rows):
    """Counted rows (moves or states), UTF-8 with a byte-order mark and ','
    as Excel's "CSV UTF-8" writes them."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=",", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    with open(path, "wb") as fh:
        fh.write(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))


def moves():
    """The panel's moves counted per phase (into t = 1: the intervention
    year; into t = 2: after), sex and pair, in first-seen order."""
    count = {}
    for _pid, sex, states in ROWS:
        for t in (1, 2):
            a, b = states[t - 1], states[t]
            if a is not None and b is not None:
                key = (CATEGORY[a], CATEGORY[b], sex, "insats" if t == 1 else "efter")
                count[key] = count.get(key, 0) + 1
    return [[f, to, str(n), sex, phase] for (f, to, sex, phase), n in count.items()]


def states():
    """Persons counted per t, state and sex."""
    count = {}
    for _pid, sex, states_ in ROWS:
        for t, state in enumerate(states_):
            if state is not None:
                key = (str(t), CATEGORY[state], sex)
                count[key] = count.get(key, 0) + 1
    return [[t, st, str(n), sex] for (t, st, sex), n in count.items()]


# A comparison group beside the ten (ten-comparison.csv): their moves
# estimate the baseline, which the rows no section of the intervention or
# after writes follow. One intake year later for two of them is not
# allowed (a person's intake is the intervention group's), so all 2026.
COMPARISON = (
    ("J01", "kvinna", ("AM3", "AM3", "AM2")),
    ("J02", "kvinna", ("AM2", "arbete", "arbete")),
    ("J03", "man", ("AM2", "AM2", "studier")),
    ("J04", "man", ("AM3", "AM2", "arbete")),
    ("J05", "man", ("arbete", "arbete", "AM2")),
    ("J06", "kvinna", ("studier", "arbete", "arbete")),
)


def comparison(path):
    """ten.csv's rows with grupp insats, and the comparison group's."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(["id", "t", "tillstånd", "kön", "grupp"])
    for group, rows in (("insats", ROWS), ("jämförelse", COMPARISON)):
        for pid, sex, states_ in rows:
            for t, state in enumerate(states_):
                if state is not None:
                    w.writerow([pid, str(t), CATEGORY[state], sex, group])
    with open(path, "wb") as fh:
        fh.write(buf.getvalue().encode("utf-8"))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    write(os.path.join(here, "ten.csv"), ["id", "t", "tillstånd", "kön"], ";", "utf-8", "\n")
    write(os.path.join(here, "ten-cp1252.csv"), ["id", "t", "state", "sex"], ",", "cp1252",
          "\r\n")
    counted(os.path.join(here, "ten-moves.csv"), ["från", "till", "antal", "kön", "fas"], moves())
    counted(os.path.join(here, "ten-states.csv"), ["t", "tillstånd", "antal", "kön"], states())
    comparison(os.path.join(here, "ten-comparison.csv"))


if __name__ == "__main__":
    main()
