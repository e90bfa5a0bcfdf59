#!/usr/bin/env python3
"""check_uncertainty.py -- the numeric checks of tests/run_uncertainty.sh
(SPEC §6), each by a route that does not go through samkalk's uncertainty
code:

  tornado BIN SCENARIO TMP
      Every row of the JSON tornado (sensitivity.inputs) against two plain
      runs: a copy of the scenario with the input's value replaced by its low
      (then its high) in its own section (a profile item in a copy of the
      profile, in the item's own price year), every [sensitivity]/
      [uncertainty] section removed, run with `samkalk run --json -`, and
      again with tests/reference/ref_model.py, the independent Python model.
      Also: which inputs the tornado holds, their ends (the written low and
      high, or P5 and P95 of the distribution, computed here), base_npv, and
      the order by swing.
  linear BIN SCENARIO TMP
      The Monte Carlo mean of an NPV that is linear in the one uncertain
      input equals the NPV at the sample mean of the drawn values, and lies
      within 4 standard errors of the NPV at the distribution's mean.
  draws SCENARIO JSON CSV
      The draws CSV against the JSON summary: header, rows, every target's
      mean, P(NPV > 0), P5/P50/P95 and EVPI recomputed from the rows; totals
      equal to the sums of their actors; each input's draws (each part of a
      Dirichlet) inside its distribution's support with the distribution's
      mean, the parts of a Dirichlet summing to 1; payback shares.
  replay BIN SCENARIO CSV TMP
      Draws 1, 2, N/2 and N of a draws CSV written back into the scenario
      (each sampled value in its own section, a Dirichlet row or starting
      distribution whole) and run plainly: every NPV equals the CSV row's.
  payback BIN SCENARIO TMP
      The payback year of a single draw (--draws 1, six seeds) equals the
      nominal payback of the plain run at that draw's values.
  row-message BIN SCENARIO TMP [ARGS...]
      Prints the message a run of SCENARIO (a row that one draw of
      `AM2 -> arbete` can push above 1) must give: the first draw whose row
      sums above 1, found from the draws CSV of a copy whose other move is
      lowered so that no draw fails (the same seed gives the same values).
  progress BIN SCENARIO
      With stderr a terminal, the draws show progress there; with --quiet
      they do not.

Every check prints one line, "ok   ..." or "FAIL ..."; the exit status is 1
when any failed. Python 3 standard library only.
"""
import csv
import json
import math
import os
import re
import select
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REF_MODEL = os.path.join(HERE, "reference", "ref_model.py")
failures = 0


def ok(msg):
    print("ok   " + msg)


def fail(msg):
    global failures
    failures += 1
    print("FAIL " + msg)


def close(a, b, rel=1e-9, floor=1e-6):
    """|a - b| within rel of the larger, or floor kr near 0 (an NPV of 0
    kr, such as an actor the input never reaches, has no relative scale)."""
    return abs(a - b) <= max(floor, rel * max(abs(a), abs(b)))


# ------------------------------------------------------------- INI files ---

HEADER = re.compile(r"^\s*\[([^\]]*)\]\s*(?:[;#].*)?$")


def read_lines(path):
    with open(path, encoding="utf-8-sig") as fh:
        return fh.read().split("\n")


def split_entry(line):
    """(key, value) of an entry line, or None for comments and blanks; an
    inline '; comment' is not part of the value."""
    s = line.strip()
    if not s or s[0] in ";#" or "=" not in s:
        return None
    key, value = s.split("=", 1)
    value = re.split(r"\s[;#]", value, maxsplit=1)[0]
    return key.strip(), value.strip()


def norm(key):
    """Keys compared without blanks: "AM2->arbete" is "AM2 -> arbete"."""
    return re.sub(r"\s+", "", key)


def entries(lines):
    """(section, key, value, line number) of every entry, in file order."""
    out, section = [], None
    for n, line in enumerate(lines, 1):
        m = HEADER.match(line)
        if m:
            section = m.group(1).strip()
            continue
        e = split_entry(line)
        if e and section is not None:
            out.append((section, e[0], e[1], n))
    return out


def is_unc_section(name):
    return name in ("uncertainty", "sensitivity") or \
        name.startswith("uncertainty ") or name.startswith("sensitivity ")


def strip_unc(lines):
    """The file without its [sensitivity ...] and [uncertainty ...] sections."""
    out, skip = [], False
    for line in lines:
        m = HEADER.match(line)
        if m:
            skip = is_unc_section(m.group(1).strip())
        if not skip:
            out.append(line)
    return out


def set_value(lines, section, key, value):
    """lines with `key = value` in [section]; exactly one such key must be
    there."""
    out, cur, hits = [], None, 0
    for line in lines:
        m = HEADER.match(line)
        if m:
            cur = m.group(1).strip()
        e = split_entry(line) if not m else None
        if e and cur == section and norm(e[0]) == norm(key):
            line = "%s = %s" % (e[0], value)
            hits += 1
        out.append(line)
    if hits != 1:
        raise KeyError("%s in [%s]: found %d times" % (key, section, hits))
    return out


def profile_path(scenario, lines):
    for section, key, value, _ in entries(lines):
        if section == "scenario" and key == "profiles":
            return os.path.abspath(os.path.join(os.path.dirname(scenario), value))
    raise KeyError("no [scenario] profiles in " + scenario)


def write(path, lines):
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines))


def state_ids(profile):
    return [m.group(1).strip()[6:] for m in map(HEADER.match, read_lines(profile))
            if m and m.group(1).strip().startswith("state ")]


def set_many(lines, section, keep, new_entries):
    """lines with the entries of [section] for which keep(key) is false
    removed and new_entries ("key = value" lines) put right after its
    header."""
    out, cur, done = [], None, False
    for line in lines:
        m = HEADER.match(line)
        if m:
            cur = m.group(1).strip()
            out.append(line)
            if cur == section and not done:
                out.extend(new_entries)
                done = True
            continue
        e = split_entry(line)
        if e and cur == section and not keep(e[0]):
            continue
        out.append(line)
    if not done:
        raise KeyError("no section [%s]" % section)
    return out


def plain_copy(scenario, tmp, name, *changes):
    """A copy of scenario in tmp without uncertainty sections, its profile
    path made absolute, with changes written in. A change is
    (section, key, value): the value of key in [section] (section "profile":
    STATE.ACTOR.ITEM in a copy of the profile, whose [state STATE] holds
    ACTOR.ITEM); or (section, "FROM -> *", {state: p}): the whole row FROM of
    [section], every other state not in the dict 0, as a drawn row sets it;
    or (section, "*", {state: share}): the starting distribution of
    [section]."""
    lines = read_lines(scenario)
    profile = profile_path(scenario, lines)
    states = state_ids(profile)
    lines = strip_unc(lines)
    plines = None
    for section, key, value in changes:
        if section == "profile":
            state, item = key.split(".", 1)
            plines = set_value(plines or read_lines(profile), "state " + state, item, value)
        elif norm(key).endswith("->*"):
            a = norm(key)[:-3]
            lines = set_many(lines, section, lambda k, a=a: not norm(k).startswith(a + "->"),
                             ["%s -> %s = %r" % (a, b, value.get(b, 0.0))
                              for b in states if b != a])
        elif key == "*":
            lines = set_many(lines, section, lambda k: k not in states,
                             ["%s = %r" % (b, v) for b, v in value.items()])
        else:
            lines = set_value(lines, section, key, value)
    if plines is not None:
        profile = os.path.join(tmp, name + ".profile.ini")
        write(profile, plines)
    lines = set_value(lines, "scenario", "profiles", profile)
    path = os.path.join(tmp, name + ".ini")
    write(path, lines)
    return path


def run_json(binary, scenario, *args):
    p = subprocess.run([binary, "run", scenario, "--quiet", "--json", "-", *args],
                       capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError("samkalk run %s: exit %d: %s" % (scenario, p.returncode, p.stderr))
    return json.loads(p.stdout)


def ref_json(scenario):
    p = subprocess.run([sys.executable, REF_MODEL, scenario], capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError("ref_model.py %s: exit %d: %s" % (scenario, p.returncode, p.stderr))
    return json.loads(p.stdout)


def npvs(summary):
    """{target: NPV} of a plain run's JSON: actors, fiscal and society."""
    out = {a["id"]: a["npv"] for a in summary["actors"]}
    out["fiscal"] = summary["totals"]["fiscal"]["npv"]
    out["society"] = summary["totals"]["society"]["npv"]
    return out


# ------------------------------------------- distributions, independently ---

def dist_args(text):
    """(name, [numbers]) of a distribution as written, "±P%" as ("pm", [P])."""
    t = text.strip()
    m = re.match(r"^(?:\u00b1|\+/-|\+-)\s*([0-9.eE+-]+)\s*%$", t)
    if m:
        return "pm", [float(m.group(1))]
    m = re.match(r"^([a-z]+)\((.*)\)$", t)
    if not m:
        raise ValueError("not a distribution: " + text)
    return m.group(1), [float(x) for x in m.group(2).split(",")]


def log_beta(a, b):
    return math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)


def beta_cf(a, b, x):
    """Continued fraction of the incomplete beta function (modified Lentz,
    as in Numerical Recipes §6.4)."""
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1)
    d = 1 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 10000):
        m2 = 2 * m
        for num in (m * (b - m) * x / ((a + m2 - 1) * (a + m2)),
                    -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))):
            d = 1 + num * d
            d = 1 / (d if abs(d) > tiny else tiny)
            c = 1 + num / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1) < 1e-16:
            break
    return h


def beta_cdf(x, a, b):
    """The regularized incomplete beta function I_x(a, b)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    front = math.exp(a * math.log(x) + b * math.log1p(-x) - log_beta(a, b))
    if x < (a + 1) / (a + b + 2):
        return front * beta_cf(a, b, x) / a
    return 1 - front * beta_cf(b, a, 1 - x) / b


def gamma_cdf(x, k):
    """The regularized lower incomplete gamma function P(k, x): its series
    below x = k + 1, 1 - the continued fraction of Q above (NR §6.2)."""
    if x <= 0:
        return 0.0
    lead = math.exp(k * math.log(x) - x - math.lgamma(k))
    if x < k + 1:
        term = total = 1 / k
        n = k
        while abs(term) > abs(total) * 1e-17:
            n += 1
            term *= x / n
            total += term
        return total * lead
    tiny = 1e-300
    b = x + 1 - k
    c, d = 1 / tiny, 1 / b
    h = d
    for i in range(1, 10000):
        an = -i * (i - k)
        b += 2
        d = an * d + b
        d = 1 / (d if abs(d) > tiny else tiny)
        c = b + an / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        if abs(d * c - 1) < 1e-16:
            break
    return 1 - lead * h


def invert(cdf, p, lo, hi):
    """x with cdf(x) = p by bisection on [lo, hi]."""
    for _ in range(300):
        mid = (lo + hi) / 2
        if cdf(mid) < p:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def quantile(text, base, p):
    """The quantile at p of a distribution of SPEC §6, from its definition:
    uniform and ±P% (uniform on base (1 ± P/100)) linearly; triangular by its
    inverse distribution function; beta by inverting I_x(a, b); pert as low +
    (high - low) beta(1 + 4 (mode - low)/w, 1 + 4 (high - mode)/w); gamma of
    shape mean^2/sd^2 and scale sd^2/mean; normal and lognormal (sigma^2 =
    ln(1 + sd^2/mean^2), zeta = ln mean - sigma^2/2) by the normal quantile."""
    name, a = dist_args(text)
    if name == "pm":
        lo, hi = sorted((base * (1 - a[0] / 100), base * (1 + a[0] / 100)))
        return lo + p * (hi - lo)
    if name == "uniform":
        return a[0] + p * (a[1] - a[0])
    if name == "triangular":
        lo, mode, hi = a
        cut = (mode - lo) / (hi - lo)
        if p < cut:
            return lo + math.sqrt(p * (hi - lo) * (mode - lo))
        return hi - math.sqrt((1 - p) * (hi - lo) * (hi - mode))
    if name == "beta":
        return invert(lambda x: beta_cdf(x, a[0], a[1]), p, 0.0, 1.0)
    if name == "pert":
        lo, mode, hi = a
        w = hi - lo
        q = invert(lambda x: beta_cdf(x, 1 + 4 * (mode - lo) / w, 1 + 4 * (hi - mode) / w),
                   p, 0.0, 1.0)
        return lo + w * q
    if name == "gamma":
        k, theta = a[0] ** 2 / a[1] ** 2, a[1] ** 2 / a[0]
        return theta * invert(lambda x: gamma_cdf(x, k), p, 0.0, k + 60 * math.sqrt(k) + 60)
    z = statistics.NormalDist().inv_cdf(p)
    if name == "normal":
        return a[0] + a[1] * z
    if name == "lognormal":
        s2 = math.log1p(a[1] ** 2 / a[0] ** 2)
        return math.exp(math.log(a[0]) - s2 / 2 + math.sqrt(s2) * z)
    raise ValueError("unknown distribution " + text)


def moments(text, base):
    """(mean, sd, low, high) of a distribution, from its definition
    (triangular: mean (l+m+h)/3, variance (l²+m²+h²-lm-lh-mh)/18; pert:
    mean (l+4m+h)/6; beta: a/(a+b), ab/((a+b)²(a+b+1)); uniform: (l+h)/2,
    (h-l)²/12; normal, lognormal, gamma: the mean and sd written)."""
    name, a = dist_args(text)
    if name == "pm":
        lo, hi = sorted((base * (1 - a[0] / 100), base * (1 + a[0] / 100)))
        name, a = "uniform", [lo, hi]
    if name == "uniform":
        return (a[0] + a[1]) / 2, (a[1] - a[0]) / math.sqrt(12), a[0], a[1]
    if name == "triangular":
        lo, m, hi = a
        var = (lo * lo + m * m + hi * hi - lo * m - lo * hi - m * hi) / 18
        return (lo + m + hi) / 3, math.sqrt(var), lo, hi
    if name == "pert":
        lo, m, hi = a
        w = hi - lo
        p, q = 1 + 4 * (m - lo) / w, 1 + 4 * (hi - m) / w
        var = w * w * p * q / ((p + q) ** 2 * (p + q + 1))
        return (lo + 4 * m + hi) / 6, math.sqrt(var), lo, hi
    if name == "beta":
        p, q = a
        return p / (p + q), math.sqrt(p * q / ((p + q) ** 2 * (p + q + 1))), 0.0, 1.0
    if name in ("gamma", "lognormal"):
        return a[0], a[1], 0.0, math.inf
    if name == "normal":
        return a[0], a[1], -math.inf, math.inf
    raise ValueError("unknown distribution " + text)


# --------------------------------------------------- the inputs of a file ---

def unc_inputs(scenario):
    """The inputs of the scenario's [sensitivity X] and [uncertainty X]
    sections, in order of first appearance: {(X, norm key): {...}} with the
    key as written, the range written and the distribution written."""
    lines = read_lines(scenario)
    out = {}
    for section, key, value, line in entries(lines):
        for kind in ("sensitivity ", "uncertainty "):
            if section.startswith(kind):
                x = section[len(kind):].strip()
                item = out.setdefault((x, norm(key)), {"section": x, "key": key})
                if kind == "sensitivity ":
                    lo, hi = value.split(",")
                    item["range"] = (float(lo), float(hi))
                    item["range_line"] = line
                else:
                    item["dist"] = value
                    item["dist_line"] = line
                    m = re.match(r"^dirichlet\((.*)\)$", value)
                    if m:
                        item["parts"] = [(w.split()[0], float(w.split()[1]))
                                         for w in m.group(1).split(",")]
    return out


def columns_of(v):
    """The draws CSV columns of an input, with (mean, sd, low, high) of each
    (a Dirichlet part with weight a_i of a total A: mean a_i/A, variance
    a_i (A - a_i) / (A^2 (A + 1)), in 0..1)."""
    if "parts" not in v:
        return [("%s: %s" % (v["section"], v["key"]), None)]
    total = sum(w for _, w in v["parts"])
    out = []
    for state, w in v["parts"]:
        name = state if v["key"].strip() == "*" else \
            "%s -> %s" % (norm(v["key"])[:-3], state)
        sd = math.sqrt(w * (total - w) / (total * total * (total + 1)))
        out.append(("%s: %s" % (v["section"], name), (w / total, sd, 0.0, 1.0)))
    return out


def base_value(scenario, section, key):
    """The value written for key in [section] (a profile item: in the
    profile's [state STATE])."""
    lines = read_lines(scenario)
    if section == "profile":
        state, item = key.split(".", 1)
        lines, section, key = read_lines(profile_path(scenario, lines)), "state " + state, item
    for s, k, v, _ in entries(lines):
        if s == section and norm(k) == norm(key):
            return float(v)
    raise KeyError("%s in [%s]" % (key, section))


# ----------------------------------------------------------- the checks ---

def check_tornado(binary, scenario, tmp):
    summary = run_json(binary, scenario)
    sens = summary["sensitivity"]
    targets = [a["id"] for a in summary["actors"]] + ["fiscal", "society"]

    # which inputs: every [sensitivity X] one, and every one-number
    # distribution (a dirichlet is a whole row and has no low and high)
    written = unc_inputs(scenario)
    want = {k for k, v in written.items()
            if "range" in v or ("dist" in v and not v["dist"].startswith("dirichlet("))}
    got = [(i["section"], norm(i["key"])) for i in sens["inputs"]]
    if sorted(got) == sorted(want) and len(got) == len(set(got)):
        ok("tornado: holds the %d inputs of the file's [sensitivity X] and one-number "
           "[uncertainty X] lines, each once" % len(want))
    else:
        fail("tornado: inputs %s, expected %s" % (sorted(got), sorted(want)))

    # the ends: the written low and high, else P5 and P95 of the
    # distribution around the value in the file
    bad = []
    for i in sens["inputs"]:
        w = written.get((i["section"], norm(i["key"])))
        if w is None:
            continue
        if "range" in w:
            ends = w["range"]
            exact = i["low"] == ends[0] and i["high"] == ends[1]
        else:
            base = base_value(scenario, i["section"], i["key"])
            ends = (quantile(w["dist"], base, 0.05), quantile(w["dist"], base, 0.95))
            exact = close(i["low"], ends[0], 1e-8, 0) and close(i["high"], ends[1], 1e-8, 0)
        if not exact:
            bad.append("%s: %s: low, high %r, %r, expected %r, %r"
                       % (i["section"], i["key"], i["low"], i["high"], ends[0], ends[1]))
    if bad:
        for b in bad:
            fail("tornado ends: " + b)
    else:
        ok("tornado: each end is the low/high written in [sensitivity X], or P5/P95 of the "
           "distribution computed here (1e-8 relative)")

    # base_npv: a plain run of the file without its uncertainty sections
    plain = plain_copy(scenario, tmp, "base")
    base = npvs(run_json(binary, plain))
    diff = [t for t in targets if not close(sens["base_npv"][t], base[t])]
    if diff or set(sens["base_npv"]) != set(targets):
        fail("tornado: base_npv %s differs from a plain run %s" % (sens["base_npv"], base))
    else:
        ok("tornado: base_npv equals a plain run of the file without uncertainty sections")

    # every end against a run of the file with that value written in, by
    # samkalk run and by the reference model
    for n, i in enumerate(sens["inputs"]):
        for end in ("low", "high"):
            value = repr(float(i[end]))
            path = plain_copy(scenario, tmp, "t%d%s" % (n, end), (i["section"], i["key"], value))
            runs = (("samkalk run", npvs(run_json(binary, path)), 1e-9, 1e-6),
                    ("ref_model.py", npvs(ref_json(path)), 1e-9, 0.005))
            got = i["npv_" + end]
            for route, want, rel, floor in runs:
                diff = ["%s %r (run: %r)" % (t, got.get(t), want[t]) for t in targets
                        if t not in got or not close(got[t], want[t], rel, floor)]
                where = "tornado %s: %s = %s (%s)" % (i["section"], i["key"], value, end)
                if diff or set(got) != set(targets):
                    fail("%s: npv_%s differs from %s: %s" % (where, end, route, "; ".join(diff)))
                else:
                    ok("%s: npv_%s of all %d targets equals %s" % (where, end, len(targets),
                                                                   route))

    # sorted by swing: the fiscal NPV's |high - low|, largest first
    swings = [abs(i["npv_high"]["fiscal"] - i["npv_low"]["fiscal"]) for i in sens["inputs"]]
    if all(a >= b for a, b in zip(swings, swings[1:])):
        ok("tornado: sorted by the fiscal NPV's swing, largest first")
    else:
        fail("tornado: not sorted by swing: %s" % swings)


def read_draws(path):
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def column(header, rows, name):
    k = header.index(name)
    return [float(r[k]) for r in rows]


def check_linear(binary, scenario, tmp):
    """NPV(c) = A + B c for the cost c per participant (the investment is
    c x participants in their intervention years, discounted; nothing else
    depends on c). So for draws c_1..c_N:
        mean_k NPV(c_k) = A + B mean_k c_k = NPV(mean_k c_k)
    exactly, up to rounding (1e-9 relative). And mean_k NPV(c_k) estimates
    E[NPV(c)] = NPV(E c) = NPV(20000), gamma(20000, 5000)'s mean, with
    standard error sd_k(NPV)/sqrt(N): it must lie within 4 SE (a correct
    program fails that with probability 6e-5; the seed is fixed)."""
    key = "cost_per_participant.kommun"
    csv_path, json_path = os.path.join(tmp, "linear.csv"), os.path.join(tmp, "linear.json")
    subprocess.run([binary, "run", scenario, "--quiet", "--json", json_path,
                    "--draws-csv", csv_path, "--threads", "2"], check=True)
    with open(json_path, encoding="utf-8") as fh:
        summary = json.load(fh)
    header, rows = read_draws(csv_path)
    n = len(rows)
    c = column(header, rows, "intervention: " + key)
    mean_c = math.fsum(c) / n
    mu, sd = 20000.0, 5000.0  # gamma(20000, 5000): mean and sd as written
    if abs(mean_c - mu) <= 4 * sd / math.sqrt(n):
        ok("linear: the draws of %s have mean %.2f, within 4 SE (%.2f) of 20000"
           % (key, mean_c, 4 * sd / math.sqrt(n)))
    else:
        fail("linear: the draws of %s have mean %r, more than 4 SE from 20000" % (key, mean_c))
    if base_value(scenario, "intervention", key) != mu:
        fail("linear: %s must be written as 20000, gamma's mean" % key)

    at_mean_c = npvs(run_json(binary, plain_copy(scenario, tmp, "at_sample_mean",
                                                 ("intervention", key, repr(mean_c)))))
    at_mu = npvs(run_json(binary, plain_copy(scenario, tmp, "at_mean")))
    u = summary["uncertainty"]
    stats = {a["id"]: a for a in u["actors"]}
    stats.update(u["totals"])
    moved = []
    for t in at_mu:
        mean = stats[t]["npv_mean"]
        x = column(header, rows, "npv_" + t)
        se = statistics.stdev(x) / math.sqrt(n)
        if se > 0:
            moved.append(t)
        if close(mean, at_mean_c[t]):
            ok("linear: %s: mean NPV %.6f equals the NPV at the sample mean of the cost, "
               "%.6f (1e-9 relative)" % (t, mean, at_mean_c[t]))
        else:
            fail("linear: %s: mean NPV %r, NPV at the sample mean of the cost %r"
                 % (t, mean, at_mean_c[t]))
        if abs(mean - at_mu[t]) <= 4 * se or close(mean, at_mu[t]):
            ok("linear: %s: mean NPV within 4 SE (%.2f) of the NPV at 20000, %.2f"
               % (t, 4 * se, at_mu[t]))
        else:
            fail("linear: %s: mean NPV %r, NPV at 20000 %r, 4 SE %r" % (t, mean, at_mu[t], 4 * se))
    # the cost is the kommun's: it moves the kommun, the public sector and
    # society, and no other actor
    if sorted(moved) == ["fiscal", "kommun", "society"]:
        ok("linear: the drawn cost moves the NPV of kommun, fiscal and society only")
    else:
        fail("linear: the NPVs that vary over the draws are %s, expected kommun, fiscal and "
             "society" % moved)


def percentile(x, p):
    """NumPy's default (linear) percentile, R's type 7: h = (n - 1) p,
    x_(floor h) + (h - floor h) (x_(floor h + 1) - x_(floor h))."""
    s = sorted(x)
    h = (len(s) - 1) * p
    lo = math.floor(h)
    if lo + 1 >= len(s):
        return s[lo]
    return s[lo] + (h - lo) * (s[lo + 1] - s[lo])


def check_draws(scenario, json_path, csv_path):
    with open(json_path, encoding="utf-8") as fh:
        summary = json.load(fh)
    u = summary["uncertainty"]
    header, rows = read_draws(csv_path)
    n = u["draws"]
    name = os.path.basename(csv_path)

    # header: draw, "X: key" of each sampled input in the order of the file,
    # npv_ of each actor of the profile, npv_fiscal, npv_society
    written = unc_inputs(scenario)
    sampled = [v for v in written.values() if "dist" in v]
    actors = [a["id"] for a in summary["actors"]]
    want = ["draw"] + [c for v in sampled for c, _ in columns_of(v)] + \
        ["npv_" + a for a in actors] + ["npv_fiscal", "npv_society"]
    if header == want:
        ok("%s: header is draw, the %d sampled inputs, npv_ per actor, fiscal, society"
           % (name, len(sampled)))
    else:
        fail("%s: header %s, expected %s" % (name, header, want))
        return
    if len(rows) == n and [r[0] for r in rows] == [str(k) for k in range(1, n + 1)] and \
            all(len(r) == len(header) for r in rows):
        ok("%s: %d rows, draws 1..%d, every row full" % (name, n, n))
    else:
        fail("%s: %d rows (expected %d, numbered 1..%d, of %d fields)"
             % (name, len(rows), n, n, len(header)))
        return

    # each input: draws within the support, sample mean within 4 SE of the
    # distribution's mean (SE = sd / sqrt(N))
    for v in sampled:
        for col, mom in columns_of(v):
            x = column(header, rows, col)
            mean, sd, lo, hi = mom or moments(v["dist"],
                                              base_value(scenario, v["section"], v["key"]))
            m = math.fsum(x) / n
            inside = all(lo <= y <= hi for y in x)
            if inside and abs(m - mean) <= 4 * sd / math.sqrt(n):
                ok("%s: %s: draws in [%g, %g], mean %.6g within 4 SE of %.6g"
                   % (name, col, lo, hi, m, mean))
            else:
                fail("%s: %s = %s: draws in [%g, %g] (expected [%g, %g]), mean %r "
                     "(expected %r, 4 SE %r)" % (name, col, v["dist"], min(x), max(x), lo, hi,
                                                 m, mean, 4 * sd / math.sqrt(n)))
        if "parts" in v:
            cols = [column(header, rows, c) for c, _ in columns_of(v)]
            off = max(abs(math.fsum(r) - 1) for r in zip(*cols))
            if off <= 1e-12:
                ok("%s: %s: %s: the drawn shares of each row sum to 1" % (name, v["section"],
                                                                         v["key"]))
            else:
                fail("%s: %s: %s: drawn shares sum to 1 +- %r" % (name, v["section"],
                                                                   v["key"], off))

    # totals: the fiscal actors' sum and every actor's sum, row by row
    kinds = {a["id"]: a["kind"] for a in summary["actors"]}
    cols = {a: column(header, rows, "npv_" + a) for a in actors + ["fiscal", "society"]}
    for total, members in (("fiscal", [a for a in actors if kinds[a] == "fiscal"]),
                           ("society", actors)):
        bad = 0
        for k in range(n):
            terms = [cols[a][k] for a in members]
            scale = max(1.0, math.fsum(abs(t) for t in terms))
            bad += abs(cols[total][k] - math.fsum(terms)) > 1e-9 * scale
        if bad:
            fail("%s: npv_%s differs from the sum of its actors in %d rows" % (name, total, bad))
        else:
            ok("%s: npv_%s is the sum of %s in every row" % (name, total, ", ".join(members)))

    # the statistics of each target from its column
    stats = {a["id"]: a for a in u["actors"]}
    stats.update(u["totals"])
    for t in actors + ["fiscal", "society"]:
        x, s = cols[t], stats[t]
        mean = math.fsum(x) / n
        positive = sum(1 for y in x if y > 0) / n
        # EVPI of fund / don't fund: E max(NPV, 0) - max(E NPV, 0). The two
        # terms are about E|NPV| each and nearly cancel when NPV rarely
        # changes sign, so the tolerance is 1e-9 of E|NPV|.
        evpi = math.fsum(max(y, 0.0) for y in x) / n - max(mean, 0.0)
        scale = math.fsum(abs(y) for y in x) / n
        checks = [("npv_mean", s["npv_mean"], mean, close(s["npv_mean"], mean)),
                  ("p_npv_positive", s["p_npv_positive"], positive, s["p_npv_positive"] == positive),
                  ("evpi", s["evpi"], evpi, abs(s["evpi"] - evpi) <= max(1e-6, 1e-9 * scale))]
        for key, p in (("npv_p5", 0.05), ("npv_p50", 0.50), ("npv_p95", 0.95)):
            q = percentile(x, p)
            checks.append((key, s[key], q, close(s[key], q)))
        bad = ["%s %r, from the CSV %r" % (k, g, w) for k, g, w, good in checks if not good]
        if bad:
            fail("%s: %s: %s" % (name, t, "; ".join(bad)))
        else:
            ok("%s: %s: mean, P(NPV > 0) (exactly), P5/P50/P95 (h = (n-1)p) and EVPI "
               "equal those of the CSV column" % (name, t))
        # payback: cumulative shares of the draws, each a count / N, and
        # paid back by the last year + never + none = all draws
        pb = s["payback"]
        shares = [y["share"] for y in pb["paid_back_by"]]
        years = [y["year"] for y in pb["paid_back_by"]]
        counts = [v * n for v in shares + [pb["never"], pb["none"]]]
        whole = all(abs(c - round(c)) < 1e-6 for c in counts)
        rising = all(a <= b for a, b in zip(shares, shares[1:]))
        start, horizon = summary["start_year"], summary["years"]
        if whole and rising and years == list(range(start, start + horizon)) and \
                round(counts[-3]) + round(counts[-2]) + round(counts[-1]) == n:
            ok("%s: %s: payback shares are whole draws, rising over %d..%d, and paid by "
               "%d + never + none = all %d draws" % (name, t, start, start + horizon - 1,
                                                       start + horizon - 1, n))
        else:
            fail("%s: %s: payback %s does not add up over %d draws" % (name, t, pb, n))


def check_replay(binary, scenario, csv_path, tmp):
    """Draws 1, 2, N/2 and N of the draws CSV replayed as plain runs: every
    sampled value of the draw written into its own section (a Dirichlet row
    as the whole row, a starting distribution whole, a profile item in a
    copy of the profile), uncertainty sections removed; each target's NPV
    must equal that draw's npv_ column (1e-9 relative): a draw is the model
    at the drawn values, nothing else."""
    header, rows = read_draws(csv_path)
    sampled = [v for v in unc_inputs(scenario).values() if "dist" in v]
    n = len(rows)
    for k in sorted({0, 1, n // 2, n - 1}):
        row = dict(zip(header, rows[k]))
        changes = []
        for v in sampled:
            if "parts" in v:
                values = {state: float(row[col]) for (state, _), (col, _) in
                          zip(v["parts"], columns_of(v))}
                changes.append((v["section"], v["key"], values))
            else:
                changes.append((v["section"], v["key"],
                                repr(float(row["%s: %s" % (v["section"], v["key"])]))))
        got = npvs(run_json(binary, plain_copy(scenario, tmp, "draw%d" % (k + 1), *changes)))
        diff = ["%s %r (draw: %s)" % (t, got[t], row["npv_" + t]) for t in got
                if not close(got[t], float(row["npv_" + t]))]
        where = "%s: draw %d replayed" % (os.path.basename(csv_path), k + 1)
        if diff:
            fail("%s: NPV differs from the CSV: %s" % (where, "; ".join(diff)))
        else:
            ok("%s with its %d drawn values written in: every target's NPV equals the "
               "CSV row" % (where, len(header) - len(got) - 1))


def check_payback(binary, scenario, tmp):
    """The payback of single draws: a run of one draw (--draws 1) puts that
    draw's nominal payback year in the JSON as shares of 0 and 1 (or all of
    it in never or none); the plain run at the draw's values, written in as
    in replay, has the same year as its payback.nominal (null: never; the
    string "none": invests nothing). Six seeds."""
    sampled = [v for v in unc_inputs(scenario).values() if "dist" in v]
    for seed in range(1, 7):
        csv_path = os.path.join(tmp, "one%d.csv" % seed)
        summary = run_json(binary, scenario, "--draws", "1", "--seed", str(seed),
                           "--draws-csv", csv_path)
        header, rows = read_draws(csv_path)
        row = dict(zip(header, rows[0]))
        changes = []
        for v in sampled:
            if "parts" in v:
                changes.append((v["section"], v["key"],
                                {state: float(row[col]) for (state, _), (col, _) in
                                 zip(v["parts"], columns_of(v))}))
            else:
                changes.append((v["section"], v["key"],
                                repr(float(row["%s: %s" % (v["section"], v["key"])]))))
        plain = run_json(binary, plain_copy(scenario, tmp, "one%d" % seed, *changes))
        u = summary["uncertainty"]
        drawn = {a["id"]: a["payback"] for a in u["actors"]}
        drawn.update({t: u["totals"][t]["payback"] for t in ("fiscal", "society")})
        want = {a["id"]: a["payback"] for a in plain["actors"]}
        want.update({t: plain["totals"][t]["payback"] for t in ("fiscal", "society")})
        bad = []
        for t, pb in drawn.items():
            first = [y["year"] for y in pb["paid_back_by"] if y["share"] == 1]
            got = "none" if pb["none"] == 1 else "never" if pb["never"] == 1 else \
                first[0] if first else "?"
            w = want[t]
            expect = "none" if w == "none" else "never" if w["nominal"] is None else \
                w["nominal"]["year"]
            if got != expect:
                bad.append("%s: draw %s, plain run %s" % (t, got, expect))
        where = "%s: seed %d, one draw" % (os.path.basename(scenario), seed)
        if bad:
            fail("%s: payback differs: %s" % (where, "; ".join(bad)))
        else:
            ok("%s: each target's payback year (or never, none) equals the plain run's at "
               "the drawn values" % where)


def check_row_message(binary, scenario, tmp, args):
    """Prints the expected stderr of `samkalk run scenario args`: the first
    draw whose AM2 row sums above 1 (0.3 + the AM2 -> arbete draw > 1 +
    1e-12, SPEC §5), from the draws CSV of a copy with AM2 -> AM3 = 0.05
    (the same seed and inputs give the same values; with 0.05 no draw
    fails)."""
    lines = read_lines(scenario)
    copy = set_value(set_value(lines, "baseline", "AM2 -> AM3", "0.05"), "scenario", "profiles",
                     profile_path(scenario, lines))
    path = os.path.join(tmp, "companion.ini")
    write(path, copy)
    csv_path = os.path.join(tmp, "companion.csv")
    subprocess.run([binary, "run", path, "--quiet", "--json", os.path.join(tmp, "c.json"),
                    "--draws-csv", csv_path, *args], check=True)
    with open(os.path.join(tmp, "c.json"), encoding="utf-8") as fh:
        u = json.load(fh)["uncertainty"]
    header, rows = read_draws(csv_path)
    x = column(header, rows, "baseline: AM2 -> arbete")
    first = next(k for k, v in enumerate(x) if 0.3 + v > 1 + 1e-12)
    line = unc_inputs(scenario)[("baseline", norm("AM2 -> arbete"))]["dist_line"]
    print("%s:%d: AM2 -> arbete: expected draws that keep the moves out of a state at most 1, "
          "got draw %d of %d (seed %d), in which the yearly moves out of AM2 without the "
          "intervention sum to %.10g; narrow the distributions of this row or draw it whole "
          "with 'AM2 -> * = dirichlet(...)'" % (scenario, line, first + 1, u["draws"], u["seed"],
                                               0.3 + x[first]))


def check_progress(binary, scenario):
    """stderr a pseudo-terminal (stdout a pipe): the draws report progress
    there, and --quiet silences it. Both are read until the program closes
    them, however long the draws take: no timeout (issue #19)."""
    import pty
    for quiet in (False, True):
        master, slave = pty.openpty()
        args = [binary, "run", scenario, "--draws", "40000", "--json", os.devnull]
        p = subprocess.Popen(args + (["--quiet"] if quiet else []), stdout=subprocess.PIPE,
                             stderr=slave, stdin=subprocess.DEVNULL)
        os.close(slave)
        err = b""
        out = p.stdout.fileno()
        open_fds = [master, out]
        while open_fds:  # both, so that a full stdout pipe cannot stall it
            for fd in select.select(open_fds, [], [])[0]:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:  # EIO: the program closed the terminal
                    chunk = b""
                if not chunk:
                    open_fds.remove(fd)
                elif fd == master:
                    err += chunk
        p.wait()
        p.stdout.close()
        os.close(master)
        text = err.decode("utf-8", "replace")
        shown = "40000 / 40000 draws" in text
        if p.returncode == 0 and shown != quiet:
            ok("progress: stderr a terminal%s: %s" % (", --quiet" if quiet else "",
                                                      "silent" if quiet else "shows the draws"))
        else:
            fail("progress: stderr a terminal%s: exit %d, stderr %r"
                 % (", --quiet" if quiet else "", p.returncode, text[:300]))


def main():
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    a = sys.argv[2:]
    try:
        if cmd == "tornado" and len(a) == 3:
            check_tornado(*a)
        elif cmd == "linear" and len(a) == 3:
            check_linear(*a)
        elif cmd == "draws" and len(a) == 3:
            check_draws(*a)
        elif cmd == "payback" and len(a) == 3:
            check_payback(*a)
        elif cmd == "replay" and len(a) == 4:
            check_replay(*a)
        elif cmd == "row-message" and len(a) >= 3:
            check_row_message(a[0], a[1], a[2], a[3:])
        elif cmd == "progress" and len(a) == 2:
            check_progress(*a)
        else:
            print(__doc__, file=sys.stderr)
            return 2
    except (RuntimeError, KeyError, ValueError, IndexError, OSError,
            subprocess.SubprocessError, StopIteration) as e:
        fail("%s: %s: %s" % (cmd, type(e).__name__, e))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
