#!/usr/bin/env python3
"""check_followup.py -- an independent re-computation of samkalk's follow-up
(issue #15): the estimated transitions, forecast against outcome and the
re-forecast, from the scenario, its profile and the follow-up CSV alone.

It reads nothing samkalk computed except the JSON it checks, and was written
from the method below (the engineer's decisions for issue #15) and
docs/method.md, not from samkalk's sources. Python 3 and NumPy only (run it
with Debian's /usr/bin/python3, which has python3-numpy).

Usage:
    check_followup.py SCENARIO.ini --json SAMKALK.json   compare, one line per check
    check_followup.py SCENARIO.ini --print               the expected values, readable
    check_followup.py SCENARIO.ini --dump FILE           the expected values as JSON
    check_followup.py --selftest                         the Beta quantiles against
                                                         closed forms

Exit status: 0 every check agrees (or nothing to compare), 1 at least one
check differs (each printed as FAIL), 2 a file could not be read or is
outside what this script supports.

Tolerances: amounts (kronor) within 1e-6 relative (and 1e-6 kr absolute,
for amounts that are 0); shares, probabilities and interval ends within
1e-6 absolute; counts within 1e-9; years, flags and ids equal.

The method
----------
States are the profile's [state X] sections in file order. The unit cost of
state s for actor a is the sum of the state's items a.ITEM, each moved to the
scenario's price year by amount x index[price_year] / index[item year] (item
year: a.ITEM.price_year, else the profile's price_year; factor exactly 1
when the years are equal).

Matrices per sex g (docs/method.md): P_base(g) = [baseline] then
[baseline.g]; P_int(g) = those, then [intervention.transitions], then
[intervention.transitions.g]; P_after(g) = P_base(g)'s keys, then [after],
then [after.g]. Each later section replaces single keys; the diagonal is
1 - the row's other moves. Attribution s ([adjustments] attribution,
default 1): P_used = P_base + s (P - P_base) for the intervention and after
matrices, diagonal included.

Panel moves: for each person with consecutive observed t-1, t: an
intervention move if t <= D (the intervention's years), else an after move;
a person of the comparison group (grupp = jämförelse) gives a baseline
move. A gap counts no move across it. by_sex = no: both sexes together.

Estimate, for each set with any move and each from-state j: prior row
p = w P_x(women)[j] + (1 - w) P_x(men)[j] (w the cohort's share of women,
P_x as layered, not attributed), alpha = prior_weight p, counts n, N = sum n.
N = 0: estimate p and interval [p, p] (the assumption kept); else
(alpha + n) / (prior_weight + N). 90 % interval of entry k: the 0.05 and 0.95 quantiles of Beta(a_k, b_k), a_k = alpha_k + n_k,
b_k = the other entries' a (= prior_weight + N - a_k); [0, 0] when a_k = 0
and [1, 1] when b_k = 0 (a degenerate Beta). The quantiles: bisection on a
CDF integrated numerically by the tanh-sinh rule (no SciPy here).

Outcome, per intake i and t with data: forecast = the intervention arm's
state shares at t, x_0 = each sex's start distribution ([cohort], or
[cohort.g] when given), x_t = x_{t-1} P_int_used(g) for t <= D, else
P_after_used(g), mixed w x(women) + (1 - w) x(men); observed = persons of
the intervention group in the state at t / persons observed at t; count =
persons in the state at t.

Re-forecast, per intake i (0-based; it enters in calendar year
start_year + i, and its own year y = 1.. is the calculation's year i + y)
and sex g (m_g = size w_g persons): k_i = the last t such that every
t' = 0..t has data for the intake (-1 if none). Baseline arm:
xb_0 = m_g x observed share at t = 0 (m_g x the start distribution when
k_i < 0), xb_t = xb_{t-1} P^_base, P^_base = the estimated baseline if the
data has comparison moves, else the assumed P_base(g). With the
intervention: t <= k_i: xw_t = xb_t + s (m_g share_t - xb_t); t > k_i:
xw_t = xw_{t-1} (P^_base + s (P^_x - P^_base)), x = intervention if t <= D
else after, P^_x the estimated matrix if the set was estimated (for both
sexes), else the assumed P_x(g) as layered. (k_i < 0: xw_0 = xb_0.) Year y's
occupancy: costs_on start x_{y-1}, end x_y, mean their average; cost = the
occupancy times the unit costs, summed over sexes and intakes into the
calendar years 1..T. The original forecast is the ordinary model: both arms
from m_g x the start distribution, the baseline with P_base(g), the other
arm with the used (attributed) matrices.

Investment per actor and year t: (cost_per_participant size n_t + fixed_cost
[n_t > 0] + startup_cost [t = 1]) (1 + cost_uplift), n_t = the intakes in
their intervention years. Discount factor of year t: timing start
1/(1+r)^(t-1), end 1/(1+r)^t (a [discounting] band section: the product of
the yearly factors). savings_t = baseline cost - cost with the
intervention; net_t = savings_t - investment_t; NPV = sum discount_t net_t.
Year t is realised when every intake i <= t-1 has k_i >= t - i;
realised_years k = the leading realised years; realised_savings = sum of
the re-forecast's savings over years 1..k, forecast_savings the same sum of
the original forecast's savings. Totals: fiscal = the actors of kind fiscal
([actor kinds], default fiscal), society = all actors.

JSON checked: followup.rows[] {matrix, sex, from, n, observed, assumed,
estimate, interval90}; followup.outcome[] {intake, t, year, state,
forecast, observed, count}; followup.reforecast.actors[] {id, npv,
npv_original, realised_savings, forecast_savings, by_year[] {year (calendar),
realised, savings, savings_original}}; followup.reforecast.totals.fiscal and
.society (the same fields); followup.realised_years; followup.data.shape,
.rows and .moves. The counts of persons and of the lost are printed, not
checked (see "info" lines).

Supported: follow-up data as a person panel (id;t;tillstånd[;intag][;kön]
[;grupp]), counted moves (från;till;antal[;kön][;fas], "<5" as 2.5) or
counted states (t;tillstånd;antal[;intag][;kön]); UTF-8 (a byte-order mark
allowed) or Windows-1252; ';' or ',' (the header's first); Swedish or
English header names; by_sex = no only; no [outcome] mode.
"""

import argparse
import configparser
import csv
import io
import json
import math
import os
import sys

import numpy as np

SEXES = ("women", "men")
SETS = ("baseline", "intervention", "after")
SET_SECTION = {"baseline": "baseline", "intervention": "intervention.transitions",
               "after": "after"}
ROW_TOL = 1e-12          # a row's moves out may exceed 1 by this much (rounding)
REL_TOL = 1e-6           # amounts
ABS_FLOOR = 1e-6         # amounts that are 0, kronor
SHARE_TOL = 1e-6         # shares, probabilities, interval ends
COUNT_TOL = 1e-9

HEADER_NAMES = {
    "id": "id", "intag": "intake", "intake": "intake", "t": "t",
    "tillstånd": "state", "state": "state", "kön": "sex", "sex": "sex",
    "från": "from", "from": "from", "till": "to", "to": "to",
    "antal": "count", "count": "count", "fas": "phase", "phase": "phase",
    "grupp": "group", "arm": "group",
}
SEX_WORDS = {"kvinna": "women", "kvinnor": "women", "k": "women", "women": "women",
             "woman": "women", "man": "men", "män": "men", "m": "men", "men": "men"}
GROUP_WORDS = {"insats": "intervention", "intervention": "intervention",
               "jämförelse": "comparison", "comparison": "comparison"}
PHASE_WORDS = {"insats": "intervention", "intervention": "intervention",
               "efter": "after", "after": "after",
               "jämförelse": "baseline", "comparison": "baseline", "baseline": "baseline"}


class InputError(Exception):
    """A file this script cannot use; the message names the file."""


# ------------------------------------------------------------------ files ---

def read_ini(path):
    cp = configparser.ConfigParser(
        delimiters=("=",), comment_prefixes=(";", "#"), inline_comment_prefixes=(";",),
        strict=False, interpolation=None, default_section="\0none")
    cp.optionxform = str
    try:
        with open(path, encoding="utf-8-sig") as fh:
            cp.read_file(fh, source=path)
    except OSError as e:
        raise InputError("%s: cannot read: %s" % (path, e.strerror))
    except (configparser.Error, UnicodeDecodeError) as e:
        raise InputError("%s: %s" % (path, str(e).replace("\n", " ")))
    return cp


def number(path, section, key, text):
    try:
        v = float(text)
    except ValueError:
        raise InputError("%s: [%s] %s: expected a number, got %r" % (path, section, key, text))
    if not math.isfinite(v):
        raise InputError("%s: [%s] %s: expected a finite number" % (path, section, key))
    return v


def get(cp, path, section, key, default=None, kind=float):
    if section in cp and key in cp[section]:
        text = cp[section][key].strip()
        if kind is str:
            return text
        v = number(path, section, key, text)
        if kind is int:
            if v != int(v):
                raise InputError("%s: [%s] %s: expected a whole number" % (path, section, key))
            return int(v)
        return v
    if default is None:
        raise InputError("%s: [%s] %s is required" % (path, section, key))
    return default


class Profile:
    def __init__(self, path):
        cp = read_ini(path)
        self.path = path
        self.price_year = get(cp, path, "profile", "price_year", kind=int)
        if "actors" not in cp:
            raise InputError("%s: [actors] is required" % path)
        self.actors = list(cp["actors"].keys())
        self.kinds = {a: "fiscal" for a in self.actors}
        if "actor kinds" in cp:
            for a, k in cp["actor kinds"].items():
                if a not in self.kinds:
                    raise InputError("%s: [actor kinds] %s is not an actor" % (path, a))
                self.kinds[a] = k.strip()
        self.index = {}
        if "index" in cp:
            for y, v in cp["index"].items():
                self.index[int(y)] = number(path, "index", y, v)
        self.states = []
        self.items = []  # (state index, actor index, amount, price year, name)
        for sec in cp.sections():
            if not sec.startswith("state "):
                continue
            sid = sec[len("state "):].strip()
            self.states.append(sid)
            years = {}
            amounts = []
            for key, val in cp[sec].items():
                if key == "label":
                    continue
                parts = key.split(".")
                if len(parts) >= 3 and parts[-1] in ("source", "price_year"):
                    if parts[-1] == "price_year":
                        years[".".join(parts[:-1])] = int(number(path, sec, key, val))
                    continue
                if len(parts) != 2 or parts[0] not in self.actors:
                    raise InputError("%s: [%s] %s: expected ACTOR.ITEM" % (path, sec, key))
                amounts.append((key, parts[0], number(path, sec, key, val)))
            for key, actor, amount in amounts:
                self.items.append((len(self.states) - 1, self.actors.index(actor), amount,
                                   years.get(key, self.price_year), sid + "." + key))
        if not self.states:
            raise InputError("%s: no [state X] section" % path)

    def unit_costs(self, price_year):
        """C[state, actor] in price_year's prices."""
        C = np.zeros((len(self.states), len(self.actors)))
        for s, a, amount, year, name in self.items:
            factor = 1.0
            if year != price_year:
                if year not in self.index or price_year not in self.index:
                    raise InputError("%s: %s: index year %d or %d missing"
                                     % (self.path, name, year, price_year))
                factor = self.index[price_year] / self.index[year]
            C[s, a] += amount * factor
        return C


class Scenario:
    def __init__(self, path):
        cp = read_ini(path)
        self.cp, self.path = cp, path
        here = os.path.dirname(os.path.abspath(path))
        if "outcome" in cp:
            raise InputError("%s: [outcome] mode is not supported by this check" % path)
        prof = get(cp, path, "scenario", "profiles", kind=str)
        self.profile = Profile(os.path.join(here, prof))
        P = self.profile
        self.states = P.states
        self.n = len(P.states)
        self.name = get(cp, path, "scenario", "name", "", kind=str)
        self.start_year = get(cp, path, "scenario", "start_year", kind=int)
        self.T = get(cp, path, "scenario", "years", kind=int)
        self.price_year = get(cp, path, "scenario", "price_year", P.price_year, kind=int)
        self.timing = get(cp, path, "scenario", "discount_timing", "start", kind=str)
        self.costs_on = get(cp, path, "scenario", "costs_on", "start", kind=str)
        if self.timing not in ("start", "end") or self.costs_on not in ("start", "end", "mean"):
            raise InputError("%s: discount_timing or costs_on not understood" % path)
        rates = [get(cp, path, "scenario", "discount_rate", 0.035)] * (self.T + 1)
        if "discounting" in cp:
            for key, val in cp["discounting"].items():
                lo, _, hi = key.partition("-")
                for k in range(int(lo), int(hi or lo) + 1):
                    if 1 <= k <= self.T:
                        rates[k] = number(path, "discounting", key, val)
        # D_t = product of 1/(1 + r_k), k < t (start) or k <= t (end), t = 1..T
        self.discount = np.ones(self.T + 1)
        acc = 1.0
        for t in range(1, self.T + 1):
            if self.timing == "end":
                acc /= 1 + rates[t]
                self.discount[t] = acc
            else:
                self.discount[t] = acc
                acc /= 1 + rates[t]
        self.size = get(cp, path, "cohort", "size")
        self.K = get(cp, path, "cohort", "intakes", 1, kind=int)
        self.w = get(cp, path, "cohort", "women", 0.5)
        self.wg = {"women": self.w, "men": 1 - self.w}
        self.start = {}
        for g in SEXES:
            sec = "cohort." + g if "cohort." + g in cp else "cohort"
            d = np.zeros(self.n)
            for key, val in cp[sec].items():
                if key in self.states:
                    d[self.states.index(key)] = number(path, sec, key, val)
                elif sec != "cohort" or key not in ("size", "intakes", "women"):
                    raise InputError("%s: [%s] %s is not a state" % (path, sec, key))
            if abs(d.sum() - 1) > 1e-9:
                raise InputError("%s: [%s] shares sum to %.12g" % (path, sec, d.sum()))
            self.start[g] = d
        self.D = get(cp, path, "intervention", "years", kind=int)
        A = len(P.actors)
        self.fixed, self.per_participant, self.startup = np.zeros(A), np.zeros(A), np.zeros(A)
        for key, val in cp["intervention"].items():
            kind, _, actor = key.partition(".")
            target = {"fixed_cost": self.fixed, "cost_per_participant": self.per_participant,
                      "startup_cost": self.startup}.get(kind)
            if target is None or not actor:
                continue
            if actor not in P.actors:
                raise InputError("%s: [intervention] %s: no such actor" % (path, key))
            target[P.actors.index(actor)] = number(path, "intervention", key, val)
        self.s = get(cp, path, "adjustments", "attribution", 1.0)
        self.uplift = get(cp, path, "adjustments", "cost_uplift", 0.0)
        self.C = P.unit_costs(self.price_year)
        self.P = {x: {g: self.layered(x, g) for g in SEXES} for x in SETS}
        self.used = {x: {g: self.attributed(self.P[x][g], self.P["baseline"][g])
                         for g in SEXES} for x in SETS}
        self.used["baseline"] = self.P["baseline"]
        if "followup" not in cp:
            raise InputError("%s: no [followup] section" % path)
        self.data_path = os.path.join(here, get(cp, path, "followup", "data", kind=str))
        self.prior_weight = get(cp, path, "followup", "prior_weight", 2.0)
        by_sex = get(cp, path, "followup", "by_sex", "no", kind=str)
        if by_sex != "no":
            raise InputError("%s: by_sex = %s is not supported by this check" % (path, by_sex))
        self.categories = {}
        if "followup.states" in cp:
            for cat, sid in cp["followup.states"].items():
                sid = sid.strip()
                if sid not in self.states:
                    raise InputError("%s: [followup.states] %s = %s: not a state"
                                     % (path, cat, sid))
                self.categories[cat.strip()] = self.states.index(sid)
        else:
            self.categories = {sid: k for k, sid in enumerate(self.states)}

    def layered(self, x, g):
        n = self.n
        P = np.zeros((n, n))
        secs = ["baseline", "baseline." + g]
        if x != "baseline":
            secs += [SET_SECTION[x], SET_SECTION[x] + "." + g]
        for sec in secs:
            if sec not in self.cp:
                continue
            for key, val in self.cp[sec].items():
                a, arrow, b = key.partition("->")
                a, b = a.strip(), b.strip()
                if not arrow or a not in self.states or b not in self.states or a == b:
                    raise InputError("%s: [%s] %s: expected FROM -> TO" % (self.path, sec, key))
                P[self.states.index(a), self.states.index(b)] = number(self.path, sec, key, val)
        for a in range(n):
            out = P[a].sum() - P[a, a]
            if out > 1 + ROW_TOL:
                raise InputError("%s: moves out of %s sum to %.12g (%s, %s)"
                                 % (self.path, self.states[a], out, x, g))
            P[a, a] = 0.0 if abs(1 - out) <= ROW_TOL else 1 - out
        return P

    def attributed(self, P, B):
        return B + self.s * (P - B)

    def investment(self):
        """inv[t, actor], t = 1..T (row 0 unused)."""
        inv = np.zeros((self.T + 1, len(self.profile.actors)))
        for t in range(1, self.T + 1):
            n_t = sum(1 for i in range(self.K) if i + 1 <= t <= i + self.D)
            inv[t] = (self.per_participant * self.size * n_t + self.fixed * (n_t > 0)
                      + self.startup * (t == 1)) * (1 + self.uplift)
        return inv


# -------------------------------------------------------- follow-up data ---

class Followup:
    """The data file, counted: moves[set] (n x n), occupancy[i][t] (n),
    persons per intake and t."""

    def __init__(self, sc):
        path = sc.data_path
        self.path = path
        try:
            with open(path, "rb") as fh:
                raw = fh.read()
        except OSError as e:
            raise InputError("%s: cannot read: %s" % (path, e.strerror))
        if raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            text, self.encoding = raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, self.encoding = raw.decode("cp1252"), "cp1252"
        header_line = text.split("\n", 1)[0]
        seps = [(header_line.find(c), c) for c in ";," if c in header_line]
        if not seps:
            raise InputError("%s: the header has neither ';' nor ','" % path)
        self.separator = min(seps)[1]
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=self.separator))
        header = [HEADER_NAMES.get(h.strip().lower()) for h in rows[0]]
        body = [(k + 2, r) for k, r in enumerate(rows[1:]) if any(f.strip() for f in r)]
        self.rows = len(body)
        cols = {h: k for k, h in enumerate(header) if h}
        if {"id", "t", "state"} <= cols.keys():
            self.shape = "panel"
        elif {"from", "to", "count"} <= cols.keys():
            self.shape = "moves"
        elif {"t", "state", "count"} <= cols.keys():
            self.shape = "states"
        else:
            raise InputError("%s: the header %r has the columns of no shape" % (path, rows[0]))
        n, T = sc.n, sc.T
        self.moves = {x: np.zeros((n, n)) for x in SETS}
        self.occupancy = [[np.zeros(n) for _ in range(T + 1)] for _ in range(sc.K)]
        self.observed = [[0.0] * (T + 1) for _ in range(sc.K)]  # persons counted at t
        self.has = [[False] * (T + 1) for _ in range(sc.K)]
        self.persons = self.persons_comparison = 0
        self.lost = self.lost_or_gap = 0

        def field(r, name, line):
            k = cols.get(name)
            return r[k].strip() if k is not None and k < len(r) else ""

        def state(r, name, line):
            cat = field(r, name, line)
            if cat not in sc.categories:
                raise InputError("%s:%d: unknown category %r" % (path, line, cat))
            return sc.categories[cat]

        def whole(r, name, line):
            text = field(r, name, line)
            try:
                return int(text)
            except ValueError:
                raise InputError("%s:%d: %s: expected a whole number, got %r"
                                 % (path, line, name, text))

        def count(r, line):
            text = field(r, "count", line)
            return 2.5 if text == "<5" else float(whole(r, "count", line))

        def intake(r, line):
            text = field(r, "intake", line)
            year = int(text) if text else sc.start_year
            if not 0 <= year - sc.start_year < sc.K:
                raise InputError("%s:%d: intake %d is not an intake year" % (path, line, year))
            return year - sc.start_year

        def timepoint(r, line):
            t = whole(r, "t", line)
            if not 0 <= t <= T:
                raise InputError("%s:%d: t = %d outside 0..%d" % (path, line, t, T))
            return t

        def sex(r, line):
            text = field(r, "sex", line).lower()
            if text and text not in SEX_WORDS:
                raise InputError("%s:%d: sex %r" % (path, line, text))
            return SEX_WORDS.get(text)

        if self.shape == "panel":
            people = {}
            for line, r in body:
                pid = field(r, "id", line)
                t = timepoint(r, line)
                group = GROUP_WORDS.get(field(r, "group", line).lower() or "insats")
                if group is None:
                    raise InputError("%s:%d: grupp %r" % (path, line, field(r, "group", line)))
                p = people.setdefault(pid, {"intake": intake(r, line), "group": group,
                                            "sex": sex(r, line), "obs": {}})
                if t in p["obs"]:
                    raise InputError("%s:%d: %s has two rows for t = %d" % (path, line, pid, t))
                p["obs"][t] = state(r, "state", line)
            last_t = [-1] * sc.K
            for p in people.values():
                if p["group"] == "intervention":
                    last_t[p["intake"]] = max(last_t[p["intake"]], max(p["obs"]))
            for p in people.values():
                obs = p["obs"]
                for t in obs:
                    if t - 1 in obs:
                        x = ("baseline" if p["group"] == "comparison"
                             else "intervention" if t <= sc.D else "after")
                        self.moves[x][obs[t - 1], obs[t]] += 1
                if p["group"] == "comparison":
                    self.persons_comparison += 1
                    continue
                self.persons += 1
                i = p["intake"]
                for t, s in obs.items():
                    self.occupancy[i][t][s] += 1
                    self.observed[i][t] += 1
                    self.has[i][t] = True
                lost = max(obs) < last_t[i]
                gap = len(obs) != max(obs) - min(obs) + 1 or min(obs) != 0
                self.lost += lost
                self.lost_or_gap += lost or gap
        elif self.shape == "moves":
            for line, r in body:
                x = PHASE_WORDS.get(field(r, "phase", line).lower() or "insats")
                if x is None:
                    raise InputError("%s:%d: fas %r" % (path, line, field(r, "phase", line)))
                sex(r, line)
                self.moves[x][state(r, "from", line), state(r, "to", line)] += count(r, line)
        else:
            for line, r in body:
                i, t = intake(r, line), timepoint(r, line)
                sex(r, line)
                c = count(r, line)
                self.occupancy[i][t][state(r, "state", line)] += c
                self.observed[i][t] += c
                self.has[i][t] = True
        self.n_moves = sum(float(m.sum()) for m in self.moves.values())
        # k_i: the last t with data at every t' = 0..t
        self.k = []
        for i in range(sc.K):
            k = -1
            while k + 1 <= T and self.has[i][k + 1]:
                k += 1
            self.k.append(k)


# ------------------------------------------------------- Beta quantiles ---

def _softplus(z):
    return np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))


def _lower_beta(x, a, b):
    """B_x(a, b) / B(a, b) for 0 < x <= 0.5: x^a times the integral over
    v in (0, 1) of v^(a-1) (1 - x v)^(b-1), by the tanh-sinh rule
    v = 1 / (1 + exp(-pi sinh u)), which handles the v^(a-1) end; the
    integrand is computed in logarithms so that tiny v never underflows."""
    h = 1.0 / 64
    u_lo = -(math.asinh(60.0 / (math.pi * min(a, 1.0))) + 0.5)
    u_hi = math.asinh(60.0 / math.pi) + 0.5
    u = np.arange(math.floor(u_lo / h), math.ceil(u_hi / h) + 1) * h
    z = math.pi * np.sinh(u)
    log_v = -_softplus(-z)
    log_1mv = -_softplus(z)
    v = np.exp(log_v)
    # v^(a-1) dv = v^a (1 - v) pi cosh(u) du
    log_f = (a * log_v + log_1mv + np.log(math.pi * np.cosh(u))
             + (b - 1) * np.log1p(-x * v))
    integral = h * float(np.sum(np.exp(log_f)))
    log_beta = math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)
    return math.exp(a * math.log(x) + math.log(integral) - log_beta)


def beta_cdf(x, a, b):
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    if x <= 0.5:
        return _lower_beta(x, a, b)
    return 1.0 - _lower_beta(1.0 - x, b, a)


def beta_quantile(p, a, b):
    lo, hi = 0.0, 1.0
    for _ in range(100):
        mid = 0.5 * (lo + hi)
        if beta_cdf(mid, a, b) < p:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


def interval90(a, b):
    if a <= 0:
        return [0.0, 0.0]
    if b <= 0:
        return [1.0, 1.0]
    return [beta_quantile(0.05, a, b), beta_quantile(0.95, a, b)]


def selftest():
    cases = [  # (a, b, p, closed form of the p quantile)
        (1.0, 1.0, 0.05, 0.05),
        (0.06, 1.0, 0.05, 0.05 ** (1 / 0.06)),
        (0.06, 1.0, 0.95, 0.95 ** (1 / 0.06)),
        (3.0, 1.0, 0.05, 0.05 ** (1 / 3)),
        (1.0, 0.3, 0.95, 1 - 0.05 ** (1 / 0.3)),
        (1.0, 70.0, 0.95, 1 - 0.05 ** (1 / 70)),
        (0.5, 0.5, 0.05, math.sin(math.pi * 0.05 / 2) ** 2),
        (0.5, 0.5, 0.95, math.sin(math.pi * 0.95 / 2) ** 2),
    ]
    bad = 0
    for a, b, p, want in cases:
        got = beta_quantile(p, a, b)
        ok = abs(got - want) <= 1e-9 * max(1.0, abs(want)) + 1e-300
        bad += not ok
        print("%s Beta(%g, %g) quantile %g: %.15g (closed form %.15g)"
              % ("ok  " if ok else "FAIL", a, b, p, got, want))
    # Beta(2, 3): CDF 6x^2 - 8x^3 + 3x^4 (integral of 12 x (1 - x)^2)
    for x in (0.1, 0.3, 0.5, 0.7, 0.9):
        want = 6 * x ** 2 - 8 * x ** 3 + 3 * x ** 4
        got = beta_cdf(x, 2.0, 3.0)
        ok = abs(got - want) <= 1e-12
        bad += not ok
        print("%s Beta(2, 3) CDF at %g: %.15g (closed form %.15g)"
              % ("ok  " if ok else "FAIL", x, got, want))
    # whole a, b: I_x(a, b) = P(Binomial(a + b - 1, x) >= a)
    for a, b in ((60, 15), (15, 60), (2, 70), (73, 1), (5, 5)):
        for x in (0.02, 0.15, 0.5, 0.8, 0.97):
            m = a + b - 1
            want = math.fsum(math.comb(m, j) * x ** j * (1 - x) ** (m - j)
                             for j in range(a, m + 1))
            got = beta_cdf(x, float(a), float(b))
            ok = abs(got - want) <= 1e-12
            bad += not ok
            print("%s Beta(%d, %d) CDF at %g: %.15g (binomial sum %.15g)"
                  % ("ok  " if ok else "FAIL", a, b, x, got, want))
    return 1 if bad else 0


# -------------------------------------------------------------- compute ---

def written_rows(sc, x, g):
    """The states whose row a section of set x (for all, or for sex g)
    writes a move out of."""
    rows = set()
    for sec in (SET_SECTION[x], SET_SECTION[x] + "." + g):
        if sec in sc.cp:
            for key in sc.cp[sec]:
                rows.add(sc.states.index(key.partition("->")[0].strip()))
    return rows


def estimate(sc, fu):
    """{set: {sex: matrix}} of the re-forecast (before attribution) and the
    rows as samkalk's JSON lists them. A row with moves is estimated for
    both sexes; a row without keeps each sex's assumed row; an
    intervention or after row that no section of its set writes and the
    data do not estimate is the baseline's, and follows the baseline as
    estimated (from a comparison group)."""
    est, rows, estimated = {}, [], {}
    W = sc.prior_weight
    for x in SETS:
        est[x] = {g: sc.P[x][g].copy() for g in SEXES}
        estimated[x] = set()
        C = fu.moves[x]
        if C.sum() == 0:
            continue
        prior = sc.w * sc.P[x]["women"] + (1 - sc.w) * sc.P[x]["men"]
        for j in range(sc.n):
            p, n = prior[j], C[j]
            N = float(n.sum())
            alpha = W * p
            E = p if N == 0 else (alpha + n) / (W + N)
            if N > 0:
                estimated[x].add(j)
                for g in SEXES:
                    est[x][g][j] = E
            a = alpha + n
            intervals = {}
            for k in range(sc.n):
                # the other entries' sum: exactly 0 when only k has weight
                others = float(sum(a[m] for m in range(sc.n) if m != k))
                # a row without moves keeps the assumption, with no
                # interval of its own: [p, p]
                intervals[sc.states[k]] = ((float(p[k]), float(p[k])) if N == 0
                                           else interval90(float(a[k]), others))
            rows.append({
                "matrix": x, "sex": "all", "from": sc.states[j], "n": N,
                "observed": dict(zip(sc.states, map(float, n))),
                "assumed": dict(zip(sc.states, map(float, p))),
                "estimate": dict(zip(sc.states, map(float, E))),
                "interval90": intervals})
    for x in ("intervention", "after"):
        for g in SEXES:
            for j in range(sc.n):
                if j not in estimated[x] and j not in written_rows(sc, x, g):
                    est[x][g][j] = est["baseline"][g][j]
    return est, rows


def forecast_shares(sc, t_max):
    """The intervention arm's shares at t = 0..t_max: what will be observed,
    the scenario's matrices before attribution."""
    out = []
    x = {g: sc.start[g].copy() for g in SEXES}
    for t in range(t_max + 1):
        if t > 0:
            M = "intervention" if t <= sc.D else "after"
            x = {g: x[g] @ sc.P[M][g] for g in SEXES}
        out.append(sc.w * x["women"] + (1 - sc.w) * x["men"])
    return out


def outcome(sc, fu):
    rows = []
    fc = forecast_shares(sc, sc.T)
    for i in range(sc.K):
        for t in range(sc.T + 1):
            if not fu.has[i][t]:
                continue
            total = fu.observed[i][t]
            for s, sid in enumerate(sc.states):
                c = float(fu.occupancy[i][t][s])
                rows.append({"intake": sc.start_year + i, "t": t,
                             "year": sc.start_year + i + t, "state": sid,
                             "forecast": float(fc[t][s]), "observed": c / total, "count": c})
    return rows


def occupancy_cost(sc, x0, x1):
    if sc.costs_on == "start":
        occ = x0
    elif sc.costs_on == "end":
        occ = x1
    else:
        occ = 0.5 * (x0 + x1)
    return occ @ sc.C


def savings(sc, arms):
    """arms(i, g, T_i) -> (xb, xw), lists of T_i + 1 vectors;
    returns savings[t, actor], t = 1..T."""
    sav = np.zeros((sc.T + 1, len(sc.profile.actors)))
    for i in range(sc.K):
        Ti = sc.T - i
        for g in SEXES:
            xb, xw = arms(i, g, Ti)
            for y in range(1, Ti + 1):
                sav[i + y] += (occupancy_cost(sc, xb[y - 1], xb[y])
                               - occupancy_cost(sc, xw[y - 1], xw[y]))
    return sav


def original_arms(sc):
    def arms(i, g, Ti):
        m = sc.size * sc.wg[g]
        xb, xw = [m * sc.start[g]], [m * sc.start[g]]
        for t in range(1, Ti + 1):
            M = "intervention" if t <= sc.D else "after"
            xb.append(xb[-1] @ sc.P["baseline"][g])
            xw.append(xw[-1] @ sc.used[M][g])
        return xb, xw
    return arms


def reforecast_arms(sc, fu, est):
    base = est["baseline"]
    proj = {x: {g: base[g] + sc.s * (est[x][g] - base[g]) for g in SEXES}
            for x in ("intervention", "after")}

    def arms(i, g, Ti):
        m = sc.size * sc.wg[g]
        k = fu.k[i]
        share = [fu.occupancy[i][t] / fu.observed[i][t] for t in range(min(k, sc.T) + 1)]
        xb = [m * share[0] if k >= 0 else m * sc.start[g]]
        for t in range(1, Ti + 1):
            xb.append(xb[-1] @ base[g])
        xw = []
        for t in range(Ti + 1):
            if t <= k:
                xw.append(xb[t] + sc.s * (m * share[t] - xb[t]))
            elif t == 0:
                xw.append(xb[0])
            else:
                M = "intervention" if t <= sc.D else "after"
                xw.append(xw[-1] @ proj[M][g])
        return xb, xw
    return arms


def expected(sc, fu):
    est, rows = estimate(sc, fu)
    inv = sc.investment()
    sav_re = savings(sc, reforecast_arms(sc, fu, est))
    sav_or = savings(sc, original_arms(sc))
    realised = 0
    for t in range(1, sc.T + 1):
        if all(fu.k[i] >= t - i for i in range(min(sc.K, t))):
            realised = t
        else:
            break
    disc = sc.discount

    def figures(cols):
        sr, so, iv = sav_re[:, cols].sum(axis=1), sav_or[:, cols].sum(axis=1), \
            inv[:, cols].sum(axis=1)
        return {
            "npv": float(sum(disc[t] * (sr[t] - iv[t]) for t in range(1, sc.T + 1))),
            "npv_original": float(sum(disc[t] * (so[t] - iv[t]) for t in range(1, sc.T + 1))),
            "realised_savings": float(sum(sr[1:realised + 1])),
            "forecast_savings": float(sum(so[1:realised + 1])),
            "by_year": [{"year": sc.start_year + t - 1, "realised": t <= realised,
                         "savings": float(sr[t]), "savings_original": float(so[t])}
                        for t in range(1, sc.T + 1)]}

    actors = sc.profile.actors
    fiscal = [k for k, a in enumerate(actors) if sc.profile.kinds[a] == "fiscal"]
    reforecast = {
        "actors": [dict(id=a, **figures([k])) for k, a in enumerate(actors)],
        "totals": {"fiscal": figures(fiscal), "society": figures(list(range(len(actors))))}}
    return {"data": {"shape": fu.shape, "rows": fu.rows, "moves": fu.n_moves,
                     "persons": fu.persons, "persons_comparison": fu.persons_comparison,
                     "lost": fu.lost, "lost_or_gap": fu.lost_or_gap,
                     "encoding": fu.encoding, "separator": fu.separator, "k": fu.k},
            "rows": rows, "outcome": outcome(sc, fu), "reforecast": reforecast,
            "realised_years": realised}


# -------------------------------------------------------------- compare ---

class Checker:
    def __init__(self):
        self.checks = self.failed = 0

    def report(self, ok, name, got, want):
        self.checks += 1
        self.failed += not ok
        print("%s %s: samkalk %s, expected %s" % ("ok  " if ok else "FAIL", name,
                                                  _fmt(got), _fmt(want)))

    def amount(self, name, got, want):
        ok = _is_num(got) and abs(got - want) <= max(REL_TOL * max(abs(got), abs(want)),
                                                     ABS_FLOOR)
        self.report(ok, name, got, want)

    def share(self, name, got, want, tol=SHARE_TOL):
        ok = _is_num(got) and abs(got - want) <= tol
        self.report(ok, name, got, want)

    def equal(self, name, got, want):
        self.report(got == want and type(got) is type(want), name, got, want)

    def missing(self, name):
        self.checks += 1
        self.failed += 1
        print("FAIL %s: missing in samkalk's JSON" % name)

    def extra(self, name):
        self.checks += 1
        self.failed += 1
        print("FAIL %s: in samkalk's JSON, not expected" % name)


def _is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _fmt(v):
    if isinstance(v, float):
        return "%.10g" % v
    return json.dumps(v, ensure_ascii=False)


def compare(exp, doc, ck):
    fu = doc.get("followup") if isinstance(doc, dict) else None
    if not isinstance(fu, dict):
        ck.missing("followup")
        return
    data = fu.get("data", {})
    for key in ("shape", "rows"):
        if key in data:
            ck.equal("followup.data.%s" % key, data[key], exp["data"][key])
        else:
            ck.missing("followup.data.%s" % key)
    if "moves" in data:
        ck.share("followup.data.moves", data["moves"], exp["data"]["moves"], COUNT_TOL)
    else:
        ck.missing("followup.data.moves")
    d = exp["data"]
    print("info followup.data: samkalk persons %s, lost %s; here persons %d (+ %d in a "
          "comparison group), lost %d by the issue's rule (last t below the intake's last t), "
          "%d counting gaps too"
          % (_fmt(data.get("persons")), _fmt(data.get("lost")), d["persons"],
             d["persons_comparison"], d["lost"], d["lost_or_gap"]))

    got_rows = {}
    for r in fu.get("rows") or []:
        got_rows[(r.get("matrix"), r.get("sex"), r.get("from"))] = r
    for r in exp["rows"]:
        key = (r["matrix"], r["sex"], r["from"])
        name = "followup.rows[%s %s %s]" % key
        g = got_rows.pop(key, None)
        if g is None:
            ck.missing(name)
            continue
        ck.share(name + ".n", g.get("n"), r["n"], COUNT_TOL)
        for field, tol in (("observed", COUNT_TOL), ("assumed", SHARE_TOL),
                           ("estimate", SHARE_TOL)):
            gd = g.get(field) or {}
            for to, want in r[field].items():
                if to in gd:
                    ck.share("%s.%s[%s]" % (name, field, to), gd[to], want, tol)
                else:
                    ck.missing("%s.%s[%s]" % (name, field, to))
        gd = g.get("interval90") or {}
        for to, want in r["interval90"].items():
            pair = gd.get(to)
            if not isinstance(pair, list) or len(pair) != 2:
                ck.missing("%s.interval90[%s]" % (name, to))
                continue
            ck.share("%s.interval90[%s][0]" % (name, to), pair[0], want[0])
            ck.share("%s.interval90[%s][1]" % (name, to), pair[1], want[1])
    for key in got_rows:
        ck.extra("followup.rows[%s %s %s]" % key)

    got_out = {}
    for r in fu.get("outcome") or []:
        got_out[(r.get("intake"), r.get("t"), r.get("state"))] = r
    for r in exp["outcome"]:
        key = (r["intake"], r["t"], r["state"])
        name = "followup.outcome[%s t=%s %s]" % key
        g = got_out.pop(key, None)
        if g is None:
            ck.missing(name)
            continue
        ck.equal(name + ".year", g.get("year"), r["year"])
        ck.share(name + ".forecast", g.get("forecast"), r["forecast"])
        ck.share(name + ".observed", g.get("observed"), r["observed"])
        ck.share(name + ".count", g.get("count"), r["count"], COUNT_TOL)
    for key in got_out:
        ck.extra("followup.outcome[%s t=%s %s]" % key)

    if "realised_years" in fu:
        ck.equal("followup.realised_years", fu["realised_years"], exp["realised_years"])
    else:
        ck.missing("followup.realised_years")

    rf = fu.get("reforecast")
    if not isinstance(rf, dict):
        ck.missing("followup.reforecast")
        return
    got_actors = {a.get("id"): a for a in rf.get("actors") or []}
    targets = [("followup.reforecast.actors[%s]" % a["id"], got_actors.pop(a["id"], None), a)
               for a in exp["reforecast"]["actors"]]
    totals = rf.get("totals") or {}
    targets += [("followup.reforecast.totals.%s" % k, totals.get(k), v)
                for k, v in exp["reforecast"]["totals"].items()]
    for name, g, want in targets:
        if g is None:
            ck.missing(name)
            continue
        for field in ("npv", "npv_original", "realised_savings", "forecast_savings"):
            if field in g:
                ck.amount("%s.%s" % (name, field), g[field], want[field])
            else:
                ck.missing("%s.%s" % (name, field))
        years = {y.get("year"): y for y in g.get("by_year") or []}
        for y in want["by_year"]:
            yn = "%s.by_year[%d]" % (name, y["year"])
            gy = years.pop(y["year"], None)
            if gy is None:
                ck.missing(yn)
                continue
            ck.equal(yn + ".realised", gy.get("realised"), y["realised"])
            ck.amount(yn + ".savings", gy.get("savings"), y["savings"])
            ck.amount(yn + ".savings_original", gy.get("savings_original"),
                      y["savings_original"])
        for year in years:
            ck.extra("%s.by_year[%s]" % (name, year))
    for a in got_actors:
        ck.extra("followup.reforecast.actors[%s]" % a)


# ---------------------------------------------------------------- print ---

def print_expected(sc, exp):
    d = exp["data"]
    print("scenario %s (%s)" % (sc.path, sc.name))
    print("data %s: %s, %s, '%s' separated, %d rows; persons %d (+ %d comparison), "
          "moves %g, lost %d (%d counting gaps); k per intake %s"
          % (sc.data_path, d["shape"], d["encoding"], d["separator"], d["rows"],
             d["persons"], d["persons_comparison"], d["moves"], d["lost"],
             d["lost_or_gap"], d["k"]))
    print("prior_weight %g, women %g, attribution %g, price year %d, costs_on %s, timing %s"
          % (sc.prior_weight, sc.w, sc.s, sc.price_year, sc.costs_on, sc.timing))
    print()
    print("Estimated rows (entries with a prior or an observation):")
    for r in exp["rows"]:
        print("  %-12s %-15s n = %g" % (r["matrix"], r["from"], r["n"]))
        for to in sc.states:
            if r["assumed"][to] == 0 and r["observed"][to] == 0:
                continue
            lo, hi = r["interval90"][to]
            print("    -> %-15s observed %4g  assumed %.6f  estimate %.6f  90 %% [%.6f, %.6f]"
                  % (to, r["observed"][to], r["assumed"][to], r["estimate"][to], lo, hi))
    print()
    print("Forecast against outcome (states with either share above 0):")
    for r in exp["outcome"]:
        if r["forecast"] == 0 and r["observed"] == 0:
            continue
        print("  intake %d t=%d (%d) %-15s forecast %.6f  observed %.6f  count %g"
              % (r["intake"], r["t"], r["year"], r["state"], r["forecast"], r["observed"],
                 r["count"]))
    print()
    print("Re-forecast: realised years %d" % exp["realised_years"])
    rows = [(a["id"], a) for a in exp["reforecast"]["actors"]]
    rows += [(k, v) for k, v in exp["reforecast"]["totals"].items()]
    print("  %-10s %18s %18s %18s %18s" % ("", "npv", "npv_original", "realised_savings",
                                           "forecast_savings"))
    for name, a in rows:
        print("  %-10s %18.6f %18.6f %18.6f %18.6f" % (name, a["npv"], a["npv_original"],
                                                       a["realised_savings"],
                                                       a["forecast_savings"]))
    print("  savings by year, re-forecast / original (* realised):")
    for name, a in rows:
        print("  %-10s %s" % (name, "  ".join(
            "%d%s %.2f / %.2f" % (y["year"], "*" if y["realised"] else "", y["savings"],
                                  y["savings_original"]) for y in a["by_year"])))


# ----------------------------------------------------------------- main ---

def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("scenario", nargs="?")
    ap.add_argument("--json", metavar="FILE", help="samkalk's JSON to check")
    ap.add_argument("--print", action="store_true", help="print the expected values")
    ap.add_argument("--dump", metavar="FILE", help="write the expected values as JSON")
    ap.add_argument("--selftest", action="store_true",
                    help="check the Beta quantiles against closed forms")
    args = ap.parse_args(argv)
    if args.selftest:
        return selftest()
    if not args.scenario or not (args.json or args.print or args.dump):
        ap.error("give SCENARIO and --json, --print or --dump (or --selftest)")
    try:
        sc = Scenario(args.scenario)
        fu = Followup(sc)
        exp = expected(sc, fu)
    except InputError as e:
        print("check_followup: %s" % e, file=sys.stderr)
        return 2
    if args.print:
        print_expected(sc, exp)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            json.dump(exp, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
    if not args.json:
        return 0
    try:
        with open(args.json, encoding="utf-8") as fh:
            doc = json.load(fh)
    except (OSError, ValueError) as e:
        print("check_followup: %s: %s" % (args.json, e), file=sys.stderr)
        return 2
    ck = Checker()
    compare(exp, doc, ck)
    print("%s: %d checks, %d failed" % ("ok" if not ck.failed else "FAIL", ck.checks, ck.failed))
    return 1 if ck.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
