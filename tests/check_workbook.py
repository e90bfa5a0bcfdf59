#!/usr/bin/env python3
"""Checks samkalk's workbooks from outside samkalk (issue #4).

For each scenario it runs `samkalk run -o X.xlsx --json X.json --csv X.csv`
and then:

1. reads the workbook with openpyxl (an independent reader) and checks the
   sheet order and names, the summary figures against the JSON, and that the
   Data sheet equals the CSV;
2. recalculates it headless with LibreOffice (a profile set to recalculate
   every formula on load) and checks that every formula's recalculated value
   equals the value samkalk wrote, within 0.5 kr (and 1e-9 relative);
3. changes the discount-rate cell with openpyxl, recalculates, and checks
   the summary NPVs against `samkalk run` of the scenario with that rate
   written into the file (an independent route through the run command);
4. renders the workbook to PDF and checks that the summary fits one page;
5. checks that text from input files starting with = + - @ is a string cell,
   never a formula (SPEC §8);
6. with [followup] (issue #15): the Uppföljning sheet right after Osäkerhet,
   its re-forecast NPVs and realised savings per target and its estimated
   transitions equal the JSON's `followup`; without, no such sheet.

Usage: python3 tests/check_workbook.py build/samkalk
Needs python3-openpyxl, LibreOffice (libreoffice-calc-nogui) and pdftotext.
"""
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import openpyxl

BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/samkalk")
SHEETS = {
    "sv": ["Sammanfattning", "Per aktör", "Kvinnor och män", "Utfall", "Antaganden",
           "Metod", "Data"],
    "en": ["Summary", "Per actor", "Women and men", "Outcomes", "Assumptions", "Method",
           "Data"],
}
RECALC_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
 <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
 <prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL", msg)


def close(a, b, abs_tol=0.5, rel_tol=1e-9):
    return abs(a - b) <= abs_tol and abs(a - b) <= max(rel_tol * max(abs(a), abs(b)), 1e-9)


def run(args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw)


def soffice(profile, outdir, fmt, files):
    """Converts files with LibreOffice headless, every formula recalculated;
    however long it takes on a slow machine (no timeout, issue #19: a hang
    is stopped by the CI job's own limit)."""
    run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", fmt, "--outdir", outdir] + files)


def summary_rows(ws, n_targets):
    """The summary table: the row after the header 'Aktör'/'Actor' on."""
    for r in range(1, 40):
        if ws.cell(r, 1).value in ("Aktör", "Actor"):
            return [r + 1 + k for k in range(n_targets)]
    raise AssertionError("no summary table header")


UNCERTAINTY = {"sv": ("Osäkerhet", "Offentlig sektor"), "en": ("Uncertainty", "Public sector")}
FOLLOWUP = {"sv": "Uppföljning", "en": "Follow-up"}


def check_uncertainty(name, lang, wb, js):
    """The Osäkerhet sheet shows the JSON's Monte Carlo figures of the public
    sector: mean, P5, P50, P95 and the chance of a positive NPV."""
    sheet, label = UNCERTAINTY[lang]
    want = js["uncertainty"]["totals"]["fiscal"]
    for row in wb[sheet].iter_rows(values_only=True):
        if row[0] == label and isinstance(row[1], (int, float)):
            got = row[1:6]
            keys = ["npv_mean", "npv_p5", "npv_p50", "npv_p95", "p_npv_positive"]
            for g, k in zip(got, keys):
                if abs(g - want[k]) > 1e-9 * max(1, abs(want[k])):
                    fail(f"{name}: {sheet} {label} {k} {g}, JSON {want[k]}")
            return
    fail(f"{name}: no row '{label}' with figures on {sheet}")


# The follow-up sheet's words the check finds its tables by.
FU_WORDS = {
    "sv": {"actor": "Aktör", "npv": "Nettonuvärde, omprognos", "npv_was": "Nettonuvärde, prognos",
           "chance": "Chans att gå plus, omprognos", "chance_was": "Chans att gå plus, prognos",
           "saved": ("Besparing t.o.m. ", ", utfall"), "saved_was": ("Besparing t.o.m. ", ", prognos"),
           "from_to": "Från / till", "estimate": "Skattat", "title": "Skattade övergångar",
           "state": "Tillstånd", "forecast": "Prognos",
           "sets": {"utan insats": "baseline", "under insatsen": "intervention",
                    "efter insatsen": "after"},
           "sexes": {", kvinnor": "women", ", män": "men"}},
    "en": {"actor": "Actor", "npv": "NPV, re-forecast", "npv_was": "NPV, forecast",
           "chance": "Chance of a gain, re-forecast", "chance_was": "Chance of a gain, forecast",
           "saved": ("Savings to ", ", outcome"), "saved_was": ("Savings to ", ", forecast"),
           "from_to": "From / to", "estimate": "Estimated", "title": "Estimated yearly transitions",
           "state": "State", "forecast": "Forecast",
           "sets": {"without the intervention": "baseline",
                    "during the intervention": "intervention",
                    "after the intervention": "after"},
           "sexes": {", women": "women", ", men": "men"}},
}


def check_followup(name, lang, wb, js):
    """The Uppföljning sheet: right after Osäkerhet (when there is one); per
    target the re-forecast's and the forecast's NPV and the savings to the
    last realised year, realised and forecast, equal the JSON's
    followup.reforecast within 0.5 kr; every estimated move (assumed or
    observed) equals the JSON's followup.rows estimate, and every line of the
    forecast against the outcome its followup.outcome shares."""
    w = FU_WORDS[lang]
    fu = js["followup"]
    before = len(failures)
    names = wb.sheetnames
    unc = UNCERTAINTY[lang][0]
    if unc in names and names.index(FOLLOWUP[lang]) != names.index(unc) + 1:
        fail(f"{name}: {FOLLOWUP[lang]} is not right after {unc}: {names}")
    rows = list(wb[FOLLOWUP[lang]].iter_rows(values_only=True))
    # the re-forecast table: the header row with the re-forecast's NPV
    head = next((i for i, r in enumerate(rows) if r[0] == w["actor"] and w["npv"] in r), None)
    if head is None:
        fail(f"{name}: no re-forecast table on {FOLLOWUP[lang]}")
        return
    cols = {}
    for c, h in enumerate(rows[head]):
        if not isinstance(h, str):
            continue
        for key in ("npv", "npv_was", "chance", "chance_was"):
            if h == w[key]:
                cols[key] = c
        for key in ("saved", "saved_was"):
            if h.startswith(w[key][0]) and h.endswith(w[key][1]):
                cols[key] = c
    want = {"npv": "npv", "npv_was": "npv_original", "saved": "realised_savings",
            "saved_was": "forecast_savings", "chance": "p_npv_positive",
            "chance_was": "p_npv_positive_original"}
    # the chances of a gain, before and after, with the Monte Carlo only
    drawn = "p_npv_positive" in fu["reforecast"]["totals"]["fiscal"]
    if drawn != ("chance" in cols and "chance_was" in cols):
        fail(f"{name}: chance columns {cols} on {FOLLOWUP[lang]}, draws {drawn}")
    money = len([k for k in cols if not k.startswith("chance")])
    if fu["realised_years"] > 0 and money != 4 or money < 2:
        fail(f"{name}: re-forecast table columns {cols} in {rows[head]}")
        return
    targets = fu["reforecast"]["actors"] + [fu["reforecast"]["totals"]["fiscal"],
                                            fu["reforecast"]["totals"]["society"]]
    checked = 0
    for k, f in enumerate(targets):
        row = rows[head + 1 + k]
        for key, c in cols.items():
            v = row[c]
            near = (abs(v - f[want[key]]) <= 1e-12 if key.startswith("chance")
                    else close(v, f[want[key]])) if isinstance(v, (int, float)) else False
            if not near:
                fail(f"{name}: {FOLLOWUP[lang]} {row[0]} {want[key]} = {v!r}, "
                     f"JSON {f[want[key]]}")
            checked += 1
    # the estimated moves: a title names the matrix and sex, a bold row
    # the from-state, each row below it a move "observed/N" and its numbers
    ids = {o["label"]: o["state"] for o in js["outcomes"]}
    expected = {}
    for r in fu["rows"]:
        if r["kept"]:
            continue
        for to, p in r["estimate"].items():
            if r["assumed"][to] > 0 or r["observed"][to] > 0:
                expected[(r["matrix"], r["sex"], r["from"], to)] = p
    seen = {}
    matrix = sex = frm = None
    in_table = False
    for r in rows:
        a = r[0]
        if isinstance(a, str) and a.startswith(w["title"]):
            matrix = next((m for t, m in w["sets"].items() if t in a), None)
            sex = next((g for t, g in w["sexes"].items() if t in a.lower()), "all")
            in_table = False
        elif a == w["from_to"]:
            in_table = True
            est = r.index(w["estimate"])
        elif not in_table or a is None:
            in_table = False
        elif r[1] is None:
            frm = ids.get(a)
        elif isinstance(r[1], str) and "/" in r[1]:
            seen[(matrix, sex, frm, ids.get(a))] = r[est]
    if set(seen) != set(expected):
        fail(f"{name}: estimated moves on {FOLLOWUP[lang]} {sorted(set(seen) ^ set(expected))} "
             f"differ from the JSON's")
    for key, p in expected.items():
        v = seen.get(key)
        if not isinstance(v, (int, float)) or abs(v - p) > 1e-12:
            fail(f"{name}: estimate {key} = {v!r}, JSON {p}")
        checked += 1
    # the forecast against the outcome: a heading "2027, ... 2026" (year,
    # intake) above each group, a line per state shown (as the text: a
    # forecast of 0.5 % or more, or someone observed)
    expected = {(o["intake"], o["year"], o["state"]): (o["forecast"], o["observed"])
                for o in fu["outcome"] if o["forecast"] >= 0.005 or o["count"] != 0}
    seen = {}
    group = None
    in_table = False
    for r in rows:
        a = r[0]
        if a == w["state"] and r[1] == w["forecast"]:
            in_table = True
        elif not in_table or a is None:
            in_table = False
        elif r[1] is None and re.match(r"^\d{4}\D.*\D(\d{4})$", a):
            years = re.findall(r"\d{4}", a)
            group = (int(years[-1]), int(years[0]))
        elif group:
            seen[group + (ids.get(a),)] = (r[1], r[2])
    if set(seen) != set(expected):
        fail(f"{name}: outcome lines on {FOLLOWUP[lang]} {sorted(set(seen) ^ set(expected))} "
             f"differ from the JSON's")
    for key, (fc, ob) in expected.items():
        v = seen.get(key, (None, None))
        if not all(isinstance(g, (int, float)) and abs(g - e) <= 1e-12
                   for g, e in zip(v, (fc, ob))):
            fail(f"{name}: outcome {key} = {v!r}, JSON {(fc, ob)}")
        checked += 2
    if len(failures) == before:
        where = f"after {unc}" if unc in names else "in its place"
        print(f"ok   {name}: {FOLLOWUP[lang]} {where}: {checked} re-forecast figures, estimates "
              f"and outcome shares agree with the JSON's followup")


def check_reader(name, lang, xlsx, js, csv_path):
    wb = openpyxl.load_workbook(xlsx, data_only=True)
    sheets = list(SHEETS[lang])
    if "sensitivity" in js:
        sheets.insert(4, UNCERTAINTY[lang][0])
    if "followup" in js:  # right after Osäkerhet, or where it would be
        sheets.insert(5 if "sensitivity" in js else 4, FOLLOWUP[lang])
    if wb.sheetnames != sheets:
        fail(f"{name}: sheets {wb.sheetnames}, expected {sheets}")
        return
    if "uncertainty" in js:
        check_uncertainty(name, lang, wb, js)
    if "followup" in js:
        check_followup(name, lang, wb, js)
    elif FOLLOWUP[lang] in wb.sheetnames:
        fail(f"{name}: a {FOLLOWUP[lang]} sheet without [followup]")
    ws = wb[SHEETS[lang][0]]
    targets = [(a["id"], a) for a in js["actors"]]
    targets += [("fiscal", js["totals"]["fiscal"]), ("society", js["totals"]["society"])]
    rows = summary_rows(ws, len(targets))
    checked = 0
    for (tid, f), r in zip(targets, rows):
        for col, key in ((2, "pv_investment"), (3, "pv_savings"), (4, "npv")):
            v = ws.cell(r, col).value
            if not isinstance(v, (int, float)) or not close(v, f[key]):
                fail(f"{name}: summary {tid} {key} = {v!r}, JSON {f[key]}")
            checked += 1
        pay = ws.cell(r, 5).value
        if f["payback"] == "none" or f["payback"]["nominal"] is None:
            if not isinstance(pay, str):
                fail(f"{name}: summary {tid} payback {pay!r}, JSON {f['payback']}")
        elif pay != f["payback"]["nominal"]["year"]:
            fail(f"{name}: summary {tid} payback {pay!r}, JSON {f['payback']}")
        for k, snap in enumerate(f["snapshots"]):  # net after 1 and 5 years
            v = ws.cell(r, 7 + k).value
            if not isinstance(v, (int, float)) or not close(v, snap["net"]):
                fail(f"{name}: summary {tid} net after {snap['years']} years = {v!r}, "
                     f"JSON {snap['net']}")
            checked += 1
        ret = ws.cell(r, 6).value
        if f["return"] is None:
            if not isinstance(ret, str):
                fail(f"{name}: summary {tid} return {ret!r}, JSON null")
        elif not isinstance(ret, float) or not close(ret, f["return"], 1e-9):
            fail(f"{name}: summary {tid} return {ret!r}, JSON {f['return']}")
        checked += 2
    # the Data sheet is the CSV
    data = list(wb["Data"].iter_rows(values_only=True))
    with open(csv_path, newline="") as fh:
        rows_csv = list(csv.reader(fh))
    if [str(h) for h in data[0]] != rows_csv[0] or len(data) != len(rows_csv):
        fail(f"{name}: Data sheet header/rows differ from the CSV")
    else:
        for i, (d, c) in enumerate(zip(data[1:], rows_csv[1:]), 2):
            for k, (dv, cv) in enumerate(zip(d, c)):
                # libxlsxwriter stores numbers with 16 significant digits
                # ("%.16G"), the CSV the shortest text that reads back exactly
                # (up to 17): equal within 1e-15 relative, a unit in the 16th.
                ok = str(dv) == cv if k in (1, 2) else \
                    abs(float(dv) - float(cv)) <= 1e-15 * abs(float(cv))
                if not ok:
                    fail(f"{name}: Data row {i} column {k + 1}: {dv!r} != CSV {cv!r}")
                    break
            checked += len(c)
    print(f"ok   {name}: {len(wb.sheetnames)} sheets in order, {checked} summary and "
          f"Data figures agree with the JSON and CSV")


def formula_cells(path):
    """(sheet, coordinate) of every formula cell, with the value samkalk wrote."""
    wf = openpyxl.load_workbook(path)
    wv = openpyxl.load_workbook(path, data_only=True)
    out = {}
    for ws in wf.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    out[(ws.title, c.coordinate)] = wv[ws.title][c.coordinate].value
    return out


def check_recalc(name, ours, recalculated):
    cells = formula_cells(ours)
    lo = openpyxl.load_workbook(recalculated, data_only=True)
    bad = 0
    for (sheet, coord), v in cells.items():
        w = lo[sheet][coord].value
        if not isinstance(v, (int, float)) or not isinstance(w, (int, float)) \
                or not close(v, w):
            bad += 1
            if bad <= 5:
                fail(f"{name}: {sheet}!{coord} written {v!r}, LibreOffice {w!r}")
    if len(cells) < 100:
        fail(f"{name}: only {len(cells)} formulas")
    if not bad:
        print(f"ok   {name}: {len(cells)} formulas recalculated by LibreOffice equal "
              f"the values samkalk wrote (within 0.5 kr and 1e-9 relative)")


def main():
    tmp = tempfile.mkdtemp(prefix="samkalk-xlsx-")
    profile = os.path.join(tmp, "lo-profile")
    os.makedirs(os.path.join(profile, "user"))
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as fh:
        fh.write(RECALC_XCU)
    env = dict(os.environ, SOURCE_DATE_EPOCH="1795392000")
    cases = [("unga-vuxna", "scenarios/unga-vuxna.ini", "sv"),
             ("nystartsjobb", "scenarios/nystartsjobb.ini", "sv"),
             ("uppfoljning", "scenarios/unga-vuxna-uppfoljning.ini", "sv"),
             ("stadutbildning-en", "scenarios/stadutbildning.ini", "en"),
             ("features", "tests/e2e/features.ini", "sv"),
             ("bands-en", "tests/e2e/bands_adjustments.ini", "en"),
             ("hostile", "tests/cases/good/hostile_text.ini", "sv")]
    made = []
    for name, scen, lang in cases:
        base = os.path.join(tmp, name)
        run([BIN, "run", scen, "--quiet", "--lang", lang, "-o", base + ".xlsx", "--json",
             base + ".json", "--csv", base + ".csv"], env=env)
        with open(base + ".json") as fh:
            js = json.load(fh)
        check_reader(name, lang, base + ".xlsx", js, base + ".csv")
        made.append((name, scen, lang, base, js))

    # the example's profile path has "..": the assumptions sheet shows it as
    # written and, beside it, resolved (os.path.realpath, an independent route)
    name, scen, lang, base, js = made[0]
    wb = openpyxl.load_workbook(base + ".xlsx")
    want = os.path.realpath("templates/typpersoner.ini")
    rows = [r for r in wb["Antaganden"].iter_rows(values_only=True)
            if r[0] == "scenarios/../templates/typpersoner.ini"]
    if len(rows) != 1 or rows[0][1] != want or ".." in str(rows[0][1]):
        fail(f"{name}: the profile's path on Antaganden is {rows}, expected "
             f"'scenarios/../templates/typpersoner.ini' beside {want}")
    else:
        print(f"ok   {name}: the profile path with '..' is shown as given and resolved ({want})")
    # the discount rate cell drives every present value
    rate_cell = wb.defined_names["Diskonteringsranta"].attr_text.split("!")[1].replace("$", "")
    wb["Antaganden"][rate_cell] = 0.05
    wb.save(os.path.join(tmp, "rate.xlsx"))
    text = open(scen, encoding="utf-8").read()
    text = re.sub(r"(?m)^discount_rate = .*$", "discount_rate = 0.05", text, count=1)
    text = text.replace("profiles = ../templates/", "profiles = " +
                        os.path.abspath("templates") + "/")
    with open(os.path.join(tmp, "rate.ini"), "w", encoding="utf-8") as fh:
        fh.write(text)
    js_rate = json.loads(run([BIN, "run", os.path.join(tmp, "rate.ini"), "--quiet",
                              "--json", "-"]).stdout)

    outdir = os.path.join(tmp, "recalc")
    soffice(profile, outdir, "xlsx",
            [m[3] + ".xlsx" for m in made] + [os.path.join(tmp, "rate.xlsx")])
    for name, scen, lang, base, js in made:
        check_recalc(name, base + ".xlsx", os.path.join(outdir, os.path.basename(base) + ".xlsx"))

    lo = openpyxl.load_workbook(os.path.join(outdir, "rate.xlsx"), data_only=True)
    ws = lo["Sammanfattning"]
    targets = js_rate["actors"] + [js_rate["totals"]["fiscal"], js_rate["totals"]["society"]]
    rows = summary_rows(ws, len(targets))
    for f, r in zip(targets, rows):
        v = ws.cell(r, 4).value
        if not close(v, f["npv"]):
            fail(f"rate 0.05: summary NPV row {r} = {v}, samkalk run at 0.05 gives {f['npv']}")
    if js_rate["totals"]["fiscal"]["npv"] == js["totals"]["fiscal"]["npv"]:
        fail("rate 0.05: the NPV did not change")
    print("ok   changing the discount-rate cell and recalculating gives the NPVs of "
          "`samkalk run` at that rate")

    # the summary prints on one page: page 2 is already the next sheet
    pdfdir = os.path.join(tmp, "pdf")
    soffice(profile, pdfdir, "pdf", [made[0][3] + ".xlsx"])
    pdf = os.path.join(pdfdir, "unga-vuxna.pdf")
    page1 = run(["pdftotext", "-f", "1", "-l", "1", pdf, "-"]).stdout
    page2 = run(["pdftotext", "-f", "2", "-l", "2", pdf, "-"]).stdout
    if "Lönar sig" not in page1 or "kostnader och besparingar per år" not in page2:
        fail("the summary does not print on one page")
    else:
        print("ok   the summary prints on one A4 page")

    # text from input files is never a formula: every name, label and
    # source of the hostile files that starts with = + - @ is a text cell
    hostile = set()
    for path in ("tests/cases/good/hostile_text.ini", "tests/cases/good/hostile_text.profile.ini"):
        for line in open(path, encoding="utf-8"):
            m = re.match(r"^[^;\[][^=]*=\s*([=+\-@].*?)(\s+;.*)?$", line.rstrip("\n"))
            if m and not re.fullmatch(r"[-+]?[0-9.]+", m.group(1).strip()):
                hostile.add(m.group(1).strip())
    wb = openpyxl.load_workbook(made[-1][3] + ".xlsx")
    seen = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                if not isinstance(v, str):
                    continue
                if c.data_type == "f" and any(h in v for h in hostile):
                    fail(f"hostile: {ws.title}!{c.coordinate} is a formula: {v!r}")
                for h in hostile:
                    if h in v and c.data_type == "s":
                        seen.add(h)
    missing = hostile - seen
    if len(hostile) < 6 or missing:
        fail(f"hostile: texts not found as text cells: {sorted(missing)} of {sorted(hostile)}")
    else:
        print(f"ok   all {len(hostile)} input texts starting with = + - @ are text cells, "
              f"never formulas")

    shutil.rmtree(tmp)
    if failures:
        print(f"{len(failures)} workbook checks failed")
        sys.exit(1)


if __name__ == "__main__":
    main()
