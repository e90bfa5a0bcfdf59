#!/usr/bin/env python3
"""Checks `samkalk compare` by independent routes (issue #6):

1. on the three bundled scenarios, every compared figure equals the one
   `samkalk run` gives for that scenario alone, and the ranks are the order
   of the society and public-sector NPVs;
2. a hand-computed pair (tests/unit/report_fixture.h, tests/compare/cheap.ini);
3. a price-year move by hand: tests/compare/features_2025.ini is moved to
   2026 by 59200 / 58800, the prisbasbelopp of its profile's index;
4. the CSV holds the JSON's figures, scenario,actor,measure,value.

Usage: python3 tests/check_compare.py build/samkalk
"""
import csv
import io
import json
import subprocess
import sys

BIN = sys.argv[1] if len(sys.argv) > 1 else "build/samkalk"
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL", msg)


def run_json(*args):
    out = subprocess.run([BIN, *args, "--quiet", "--json", "-"], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= max(1e-6, 1e-9 * abs(b))


MONEY = ("npv", "pv_investment", "pv_savings", "investment", "savings", "net")


def same_figures(where, got, want, factor):
    """got (compare) against want (run) moved by factor."""
    n = 0
    for k in MONEY:
        if not close(got[k], want[k] * factor):
            fail(f"{where} {k}: compare {got[k]}, run x {factor} = {want[k] * factor}")
        n += 1
    for k in ("return",):
        if not close(got[k], want[k]):
            fail(f"{where} {k}: compare {got[k]}, run {want[k]}")
        n += 1
    if got["payback"] != want["payback"]:
        fail(f"{where} payback: compare {got['payback']}, run {want['payback']}")
    if got["break_even"] != want["break_even"]:
        fail(f"{where} break_even: compare {got['break_even']}, run {want['break_even']}")
    for s, w in zip(got["snapshots"], want["snapshots"]):
        if s["years"] != w["years"] or not close(s["net"], w["net"] * factor):
            fail(f"{where} snapshot {s}: run {w} x {factor}")
    cw, ww = got["cost_per_work_year"], want["cost_per_work_year"]
    if not close(cw, None if ww is None else ww * factor):
        fail(f"{where} cost_per_work_year: compare {cw}, run {ww} x {factor}")
    return n + 4


def check(paths, factors):
    cmp = run_json("compare", *paths)["comparison"]
    n = 0
    socs, fiss = [], []
    for path, sc, factor in zip(paths, cmp["scenarios"], factors):
        if not close(sc["price_factor"], factor):
            fail(f"{path}: price factor {sc['price_factor']}, by hand {factor}")
        run = run_json("run", path)
        for a, b in zip(sc["actors"], run["actors"]):
            n += same_figures(f"{path} {a['id']}", a, b, factor)
        for t in ("fiscal", "society"):
            n += same_figures(f"{path} {t}", sc["totals"][t], run["totals"][t], factor)
        socs.append(sc["totals"]["society"]["npv"])
        fiss.append(sc["totals"]["fiscal"]["npv"])
        gained = {o["state"]: o["difference"] for o in run["outcomes"]}
        for st, v in sc["person_years_gained"].items():
            if not close(v, gained[st]):
                fail(f"{path} person-years gained in {st}: {v}, run {gained[st]}")
            n += 1
    for key, vals in (("rank_society", socs), ("rank_fiscal", fiss)):
        want = [1 + sum(w > v for w in vals) for v in vals]
        got = [sc[key] for sc in cmp["scenarios"]]
        if got != want:
            fail(f"{paths}: {key} {got}, by the NPVs {want}")
    return cmp, n


def main():
    examples = ["scenarios/unga-vuxna.ini", "scenarios/nystartsjobb.ini",
                "scenarios/stadutbildning.ini"]
    cmp, n = check(examples, [1, 1, 1])
    print(f"ok   compare of the three examples: {n} figures equal `samkalk run`, ranks "
          f"follow the NPVs")
    if "horizons differ" not in cmp["notes"]:
        fail(f"the notes do not say the horizons differ: {cmp['notes']!r}")

    # by hand: report_fixture.h and tests/compare/cheap.ini
    cmp, n = check(["tests/unit/data/reader_report.ini", "tests/compare/cheap.ini"], [1, 1])
    kommun = -1000 + (1000 + 500 * 50000 / 60000) * 5 / 1.1
    prod = 10000 / 1.1
    hand = {(0, "kommun"): kommun, (0, "prod"): prod,
            (1, "kommun"): kommun - 99000, (1, "prod"): prod}
    for (k, actor), v in hand.items():
        got = next(a for a in cmp["scenarios"][k]["actors"] if a["id"] == actor)["npv"]
        if not close(got, v):
            fail(f"hand case {k} {actor}: NPV {got}, by hand {v}")
    if [s["rank_society"] for s in cmp["scenarios"]] != [1, 2]:
        fail("hand case: ranks")
    print("ok   a hand-computed pair: NPVs and ranks as worked out by hand")

    # a price-year move by hand: 2025 to 2026 by the prisbasbelopp index
    cmp, n = check(["tests/compare/features_2025.ini", "scenarios/unga-vuxna.ini"],
                   [59200 / 58800, 1])
    if cmp["price_year"] != 2026:
        fail(f"price year {cmp['price_year']}, expected the newest, 2026")
    print(f"ok   a 2025 scenario moved to 2026 by 59200/58800: {n} figures")

    # the CSV carries the JSON's figures
    out = subprocess.run([BIN, "compare", *examples, "--quiet", "--csv", "-"], check=True,
                         capture_output=True, text=True).stdout
    rows = list(csv.reader(io.StringIO(out)))
    if rows[0] != ["scenario", "actor", "measure", "value"]:
        fail(f"CSV header {rows[0]}")
    js = run_json("compare", *examples)["comparison"]["scenarios"]
    by = {(r[0], r[1], r[2]): r[3] for r in rows[1:]}
    checked = 0
    for sc in js:
        for a in sc["actors"]:
            for k in ("npv", "pv_investment", "pv_savings"):
                if not close(float(by[(sc["scenario"], a["id"], k)]), a[k]):
                    fail(f"CSV {sc['scenario']} {a['id']} {k}")
                checked += 1
        if int(by[(sc["scenario"], "society", "rank_society")]) != sc["rank_society"]:
            fail(f"CSV rank of {sc['scenario']}")
        checked += 1
    print(f"ok   the comparison CSV carries the JSON's figures ({checked} checked)")
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
