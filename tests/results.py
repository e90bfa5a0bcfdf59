#!/usr/bin/env python3
"""Prints tests/results.csv: the headline figures of every bundled scenario,
rounded to the krona and 1e-6 of a year, from samkalk's JSON."""
import glob, json, subprocess, sys

binary = sys.argv[1] if len(sys.argv) > 1 else "build/samkalk"
print("scenario,target,npv,pv_investment,pv_savings,payback_nominal,payback_discounted,break_even")

def pb(p, kind):
    if p == "none":
        return "none"
    q = p[kind]
    return "not_reached" if q is None else f"{q['year']}:{q['years']:.6f}"

for path in sorted(glob.glob("scenarios/*.ini")):
    js = json.loads(subprocess.run([binary, "run", path, "--quiet", "--json", "-"],
                                   check=True, capture_output=True, text=True).stdout)
    rows = [(a["id"], a) for a in js["actors"]] + list(js["totals"].items())
    for target, f in rows:
        be = "not_reachable" if f["break_even"] is None else f"{f['break_even']['lambda']:.6f}"
        print(f"{path},{target},{f['npv']:.0f},{f['pv_investment']:.0f},{f['pv_savings']:.0f},"
              f"{pb(f['payback'], 'nominal')},{pb(f['payback'], 'discounted')},{be}")
