#!/usr/bin/python3
"""mc_numpy.py -- the NumPy baseline of bench/mc.sh: samkalk's Monte Carlo
(SPEC §5 and §6) written as vectorised NumPy, batched across draws.

It reads the same scenario and profile INI files as samkalk, samples the
inputs of the [uncertainty X] sections with NumPy's generator (beta,
gamma(mean, sd), lognormal(mean, sd), normal, uniform, triangular, pert,
±P%), and computes per draw the NPV of every actor, of the fiscal actors
and of society: both arms, both sexes (per-sex sections layered as
docs/method.md says), every intake, costs_on start/end/mean, discount
timing and bands, attribution and cost uplift, and the investment. Per
batch the draws are one axis of (draws, n, n) stacks of matrices, and a
year of the projection is one batched matmul. Like samkalk it then
gives, per target, the mean, P5/P50/P95, P(NPV > 0), EVPI and the nominal
payback year of each draw. It draws other random numbers than samkalk, so
its statistics agree with samkalk's only within Monte Carlo error; the
model itself agrees to rounding (see --check).

It supports what the benchmark's scenarios use and raises Unsupported on
anything else: [outcome] mode, dirichlet rows and starting distributions,
and uncertain size, discount_rate, attribution or cost_uplift. [sensitivity
X] sections (the tornado) are not computed.

    mc_numpy.py SCENARIO.ini [--draws N] [--batch B] [--seed S]
                [--intakes each|shifted] [--quiet] [--result]
    mc_numpy.py SCENARIO.ini --check build/samkalk

--intakes each (the default) projects every intake as SPEC §5 writes it,
the same work samkalk does. --intakes shifted uses that intake i's
trajectory is intake 1's moved i years later (the matrices depend only on
the years since entry), projects one intake and sums shifted copies: the
same figures with a K-th of the projection work (for information).

--check SAMKALK compares the model with samkalk: (1) every distribution
collapsed to its base value against `samkalk run --json - --draws 0`
(actors[].npv and the totals), (2) samkalk's own draws, read back from
`--draws-csv`, against samkalk's per-draw NPVs, both to 1e-6 relative, and
(3) the samplers: the mean and sd of each input over NumPy's draws against
samkalk's (within 5 standard errors, and 5 % for the sd).
"""

import argparse
import configparser
import csv
import json
import math
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

SEXES = ("women", "men")
SETS = ("baseline", "intervention.transitions", "after")
WHO = ("", ".women", ".men")
TR_SECTIONS = [s + w for s in SETS for w in WHO]


class Unsupported(Exception):
    """A feature of the files this baseline does not implement."""


class BadInput(Exception):
    """A mistake in the files (samkalk would refuse them too)."""


# ----------------------------------------------------------------- reading


def read_ini(path):
    cp = configparser.ConfigParser(
        delimiters=("=",),
        comment_prefixes=("#", ";"),
        inline_comment_prefixes=(";",),
        strict=False,
        interpolation=None,
        empty_lines_in_values=False,
    )
    cp.optionxform = str
    with open(path, encoding="utf-8-sig") as f:
        cp.read_file(f)
    return cp


def num(text, what):
    try:
        v = float(text)
    except ValueError:
        raise BadInput(f"{what}: expected a number, got {text!r}") from None
    if not math.isfinite(v):
        raise BadInput(f"{what}: expected a finite number, got {text!r}")
    return v


def whole(text, what):
    v = num(text, what)
    if v != int(v):
        raise BadInput(f"{what}: expected a whole number, got {text!r}")
    return int(v)


def arrow(key, states, what):
    """'FROM -> TO' as state indices."""
    if "->" not in key:
        raise BadInput(f"{what}: expected 'FROM -> TO', got {key!r}")
    a, b = (x.strip() for x in key.split("->", 1))
    if b == "*":
        raise Unsupported(f"{what}: a whole row '{a} -> *' (dirichlet) is not supported")
    for s in (a, b):
        if s not in states:
            raise BadInput(f"{what}: unknown state {s!r}")
    return states.index(a), states.index(b)


class Dist:
    """One distribution as samkalk reads it (src/base/distributions.c)."""

    def __init__(self, text, base, what):
        t = text.strip()
        self.text = t
        for pre in ("\u00b1", "+/-", "+-"):
            if t.startswith(pre) and t.endswith("%"):
                p = num(t[len(pre):-1].strip(), what) / 100
                lo, hi = sorted((base * (1 - p), base * (1 + p)))
                self.kind, self.par = "percent", (lo, hi)
                return
        if "(" not in t or not t.endswith(")"):
            raise BadInput(f"{what}: expected a distribution, got {t!r}")
        name, args = t[:-1].split("(", 1)
        name = name.strip()
        if name == "dirichlet":
            raise Unsupported(f"{what}: dirichlet(...) is not supported")
        a = [num(x, what) for x in args.split(",")]
        need = {"uniform": 2, "triangular": 3, "pert": 3, "normal": 2,
                "lognormal": 2, "gamma": 2, "beta": 2}
        if name not in need or len(a) != need[name]:
            raise BadInput(f"{what}: expected a distribution, got {t!r}")
        self.kind = name
        if name == "pert":
            lo, mode, hi = a
            self.par = (lo, hi, 1 + 4 * (mode - lo) / (hi - lo), 1 + 4 * (hi - mode) / (hi - lo))
        elif name == "lognormal":
            s2 = math.log1p(a[1] * a[1] / (a[0] * a[0]))
            self.par = (math.log(a[0]) - s2 / 2, math.sqrt(s2))
        elif name == "gamma":
            self.par = (a[0] * a[0] / (a[1] * a[1]), a[1] * a[1] / a[0])  # shape, scale
        else:
            self.par = tuple(a)

    def draw(self, rng, n):
        k, p = self.kind, self.par
        if k in ("uniform", "percent"):
            return rng.uniform(p[0], p[1], n)
        if k == "triangular":
            return rng.triangular(p[0], p[1], p[2], n)
        if k == "pert":
            return p[0] + (p[1] - p[0]) * rng.beta(p[2], p[3], n)
        if k == "normal":
            return rng.normal(p[0], p[1], n)
        if k == "lognormal":
            return rng.lognormal(p[0], p[1], n)
        if k == "gamma":
            return rng.gamma(p[0], p[1], n)
        return rng.beta(p[0], p[1], n)


class Input:
    """One uncertain number: where it goes, its base value and distribution."""

    def __init__(self, section, key, kind, base, where, dist):
        self.section, self.key, self.kind = section, key, kind
        self.base, self.where, self.dist = base, where, dist
        self.name = f"{section}: {key}"


class Model:
    """A scenario and its profile, read as samkalk reads them."""

    def __init__(self, path):
        sc = read_ini(path)
        self.path = path
        for sec in sc.sections():
            known = (sec in ("scenario", "cohort", "cohort.women", "cohort.men", "intervention",
                             "discounting", "adjustments", "uncertainty")
                     or sec in TR_SECTIONS or sec.startswith("uncertainty ")
                     or sec.startswith("sensitivity ") or sec == "sensitivity")
            if sec == "outcome":
                raise Unsupported("[outcome] mode is not supported")
            if not known:
                raise BadInput(f"unknown section [{sec}]")
        S = sc["scenario"]
        prof_path = os.path.join(os.path.dirname(path), S["profiles"].strip())
        self.read_profile(prof_path)
        n, A = len(self.states), len(self.actors)
        self.start_year = whole(S["start_year"], "start_year")
        self.T = T = whole(S["years"], "years")
        self.price_year = whole(S.get("price_year", str(self.profile_year)), "price_year")
        timing = S.get("discount_timing", "start").strip()
        self.costs_on = S.get("costs_on", "start").strip()
        if timing not in ("start", "end") or self.costs_on not in ("start", "end", "mean"):
            raise BadInput("discount_timing or costs_on: unknown value")
        rates = [num(S.get("discount_rate", "0.035"), "discount_rate")] * T
        if sc.has_section("discounting"):
            rates = [None] * T
            for k, v in sc["discounting"].items():
                lo, _, hi = k.partition("-")
                lo = int(lo)
                hi = int(hi) if hi else lo
                for t in range(lo, min(hi, T) + 1):
                    rates[t - 1] = num(v, k)
            if None in rates:
                raise BadInput("[discounting] leaves a year without a rate")
        disc, f = [], 1.0
        for t in range(T):
            if timing == "end":
                f /= 1 + rates[t]
            disc.append(f)
            if timing == "start":
                f /= 1 + rates[t]
        self.disc = np.array(disc)
        adj = sc["adjustments"] if sc.has_section("adjustments") else {}
        self.attribution = num(adj.get("attribution", "1"), "attribution")
        self.uplift = num(adj.get("cost_uplift", "0"), "cost_uplift")
        # cohort
        C = sc["cohort"]
        self.size = whole(C["size"], "size")
        self.K = whole(C.get("intakes", "1"), "intakes")
        self.women = num(C.get("women", "0.5"), "women")
        start = np.zeros(n)
        for k, v in C.items():
            if k in self.states:
                start[self.states.index(k)] = num(v, k)
            elif k not in ("size", "intakes", "women"):
                raise BadInput(f"[cohort] {k}: unknown key")
        self.start = np.array([start, start])
        for g, sex in enumerate(SEXES):
            if sc.has_section("cohort." + sex):
                d = np.zeros(n)
                for k, v in sc["cohort." + sex].items():
                    d[self.states.index(k)] = num(v, k)
                self.start[g] = d
        # intervention
        I = sc["intervention"]
        self.D = whole(I["years"], "years")
        self.cost = {c: np.zeros(A) for c in ("fixed_cost", "cost_per_participant", "startup_cost")}
        for k, v in I.items():
            stem, _, actor = k.partition(".")
            if stem in self.cost:
                self.cost[stem][self.actors.index(actor)] = num(v, k)
            elif k not in ("name", "years"):
                raise BadInput(f"[intervention] {k}: unknown key")
        t = np.arange(T)
        self.in_t = np.array([sum(1 for i in range(min(self.K, tt + 1)) if tt - i < self.D)
                              for tt in range(T)], dtype=float)
        self.startup_t = (t == 0).astype(float)
        # transitions, as listed per section: {(a, b): p}
        self.tr = {}
        for sec in TR_SECTIONS:
            self.tr[sec] = {}
            if sc.has_section(sec):
                for k, v in sc[sec].items():
                    self.tr[sec][arrow(k, self.states, f"[{sec}] {k}")] = num(v, k)
        if not any(self.tr[s + w] for s in SETS[1:] for w in WHO) and not any(
                sc.has_section(s + w) for s in SETS[1:] for w in WHO):
            raise BadInput("no [intervention.transitions] or [after]")
        # uncertainty
        self.file_draws, self.file_seed = 10000, 1
        if sc.has_section("uncertainty"):
            U = sc["uncertainty"]
            self.file_draws = whole(U.get("draws", "10000"), "draws")
            self.file_seed = whole(U.get("seed", "1"), "seed")
        self.inputs = []
        for sec in sc.sections():
            if not sec.startswith("uncertainty "):
                continue
            x = sec[len("uncertainty "):].strip()
            for k, v in sc[sec].items():
                self.inputs.append(self.locate(x, k.strip(), v))
        self.fiscal = np.array([self.kinds[a] == "fiscal" for a in self.actors])
        self.layer_plan()

    def read_profile(self, path):
        pr = read_ini(path)
        self.profile_year = whole(pr["profile"]["price_year"], "price_year")
        self.actors = list(pr["actors"].keys())
        self.kinds = {a: "fiscal" for a in self.actors}
        if pr.has_section("actor kinds"):
            for a, k in pr["actor kinds"].items():
                self.kinds[a] = k.strip()
        index = {}
        if pr.has_section("index"):
            index = {int(y): num(v, y) for y, v in pr["index"].items()}
        self.index = index
        self.states = []
        items = []  # [state, actor, item, amount, price_year]
        for sec in pr.sections():
            if not sec.startswith("state "):
                if sec not in ("profile", "actors", "actor kinds", "index"):
                    raise BadInput(f"profile: unknown section [{sec}]")
                continue
            s = len(self.states)
            self.states.append(sec[6:].strip())
            years = {}
            for k, v in pr[sec].items():
                parts = k.split(".")
                if k == "label":
                    continue
                if len(parts) == 2 and parts[0] in self.actors:
                    items.append([s, self.actors.index(parts[0]), k, num(v, k), None])
                elif len(parts) == 3 and parts[2] == "price_year":
                    years[parts[0] + "." + parts[1]] = whole(v, k)
                elif len(parts) != 3 or parts[2] != "source":
                    raise BadInput(f"profile [{sec}] {k}: unknown key")
            for it in items:
                if it[0] == s:
                    it[4] = years.get(it[2], None)
        self.items = items

    def unit_costs_setup(self):
        """Item factors to the scenario's price year, and the unit costs."""
        to = self.index.get(self.price_year)
        self.factor = []
        for s, a, key, amount, year in self.items:
            year = year or self.profile_year
            f = 1.0
            if year != self.price_year:
                if to is None or year not in self.index:
                    raise BadInput(f"price year {year} or {self.price_year} not in [index]")
                f = to / self.index[year]
            self.factor.append(f)

    def locate(self, x, key, value):
        what = f"[uncertainty {x}] {key}"
        if x in TR_SECTIONS:
            ab = arrow(key, self.states, what)
            if ab not in self.tr[x]:
                raise BadInput(f"{what}: expected an input written in [{x}]")
            base = self.tr[x][ab]
            return Input(x, key, "transition", base, (x, ab), Dist(value, base, what))
        if x == "intervention":
            stem, _, actor = key.partition(".")
            if stem not in self.cost or actor not in self.actors:
                raise Unsupported(f"{what}: only fixed_cost, cost_per_participant and "
                                  "startup_cost.ACTOR may vary here")
            base = self.cost[stem][self.actors.index(actor)]
            return Input(x, key, "cost", base, (stem, self.actors.index(actor)),
                         Dist(value, base, what))
        if x == "profile":
            if not hasattr(self, "factor"):
                self.unit_costs_setup()
            state, _, item = key.partition(".")
            for i, (s, a, k, amount, _) in enumerate(self.items):
                if state in self.states and s == self.states.index(state) and k == item:
                    return Input(x, key, "item", amount, i, Dist(value, amount, what))
            raise BadInput(f"{what}: no such profile item")
        if x == "cohort" and key == "women":
            return Input(x, key, "women", self.women, None, Dist(value, self.women, what))
        raise Unsupported(f"{what}: only transitions, intervention costs, profile items "
                          "and [cohort] women may vary in this baseline")

    def layer_plan(self):
        """For each matrix (set, sex): the constant entries after layering
        (docs/method.md, choice 3) and the entries a sampled input sets."""
        if not hasattr(self, "factor"):
            self.unit_costs_setup()
        n = len(self.states)
        sampled = {}
        for j, inp in enumerate(self.inputs):
            if inp.kind == "transition":
                sampled[inp.where] = j
        self.P0, self.Psampled = {}, {}
        for si, s in enumerate(SETS):
            for g, sex in enumerate(SEXES):
                layers = ["baseline", "baseline." + sex]
                if s != "baseline":
                    layers += [s, s + "." + sex]
                win = {}
                for sec in layers:
                    for ab, p in self.tr[sec].items():
                        win[ab] = (sec, p)
                P = np.zeros((n, n))
                for (a, b), (sec, p) in win.items():
                    P[a, b] = p
                self.P0[si, g] = P
                self.Psampled[si, g] = [(a, b, sampled[(sec, (a, b))])
                                        for (a, b), (sec, _) in win.items()
                                        if (sec, (a, b)) in sampled]
        A = len(self.actors)
        self.C0 = np.zeros((n, A))
        for (s, a, _, amount, _), f in zip(self.items, self.factor):
            self.C0[s, a] += amount * f
        self.cells = {}  # (s, a) -> [(item index, input index or None)]
        item_input = {inp.where: j for j, inp in enumerate(self.inputs) if inp.kind == "item"}
        for i, (s, a, _, _, _) in enumerate(self.items):
            self.cells.setdefault((s, a), []).append((i, item_input.get(i)))
        self.sampled_cells = [c for c, v in self.cells.items() if any(j is not None for _, j in v)]

    # ------------------------------------------------------------- draws

    def sample(self, rng, N):
        return [inp.dist.draw(rng, N) for inp in self.inputs]

    def collapsed(self, N):
        return [np.full(N, inp.base) for inp in self.inputs]

    def matrices(self, vals, N, first_draw):
        """P[set] of shape (2 sexes, N, n, n), layered, diagonals closed."""
        n = len(self.states)
        P = np.empty((3, 2, N, n, n))
        for si in range(3):
            for g in range(2):
                M = P[si, g]
                M[...] = self.P0[si, g]
                for a, b, j in self.Psampled[si, g]:
                    M[:, a, b] = vals[j]
                idx = np.arange(n)
                M[:, idx, idx] = 0
                out = M.sum(axis=2)
                bad = out > 1 + 1e-12
                if bad.any():
                    k, a = np.argwhere(bad)[0]
                    raise BadInput(f"draw {first_draw + k + 1}: the yearly moves out of "
                                   f"{self.states[a]} {SETS[si]} for {SEXES[g]} sum to "
                                   f"{out[k, a]:.10g}")
                stay = 1 - out
                stay[np.abs(stay) <= 1e-12] = 0
                M[:, idx, idx] = stay
        if self.attribution != 1:
            for si in (1, 2):
                P[si] = P[0] + self.attribution * (P[si] - P[0])
        return P

    def unit_cost(self, vals, N):
        if not self.sampled_cells:
            return self.C0
        C = np.broadcast_to(self.C0, (N,) + self.C0.shape).copy()
        for s, a in self.sampled_cells:
            acc = np.zeros(N)
            for i, j in self.cells[(s, a)]:
                acc = acc + (vals[j] if j is not None else self.items[i][3]) * self.factor[i]
            C[:, s, a] = acc
        return C

    def occupancy(self, P, mode):
        """Per arm and sex, the persons per state that each year's costs use,
        for a unit cohort (size 1, share 1): (2 arms, 2 sexes, N, T, n)."""
        T, K, D = self.T, self.K, self.D
        _, _, N, n, _ = P.shape
        occ = np.zeros((2, 2, N, T, n))
        rule = self.costs_on
        for arm in range(2):
            if mode == "shifted":  # intake 1 only; the others are it moved
                x = np.broadcast_to(self.start[:, None, None, :], (2, N, 1, n)).copy()
                o0 = np.empty((2, N, T, n))
                for k in range(T):
                    Pk = P[0] if arm == 0 else P[1] if k < D else P[2]
                    y = np.matmul(x, Pk)
                    o0[:, :, k] = (x if rule == "start" else y if rule == "end" else (x + y) / 2)[:, :, 0]
                    x = y
                c = np.cumsum(o0, axis=2)
                occ[arm] = c
                if K < T:
                    occ[arm][:, :, K:] -= c[:, :, :T - K]
                continue
            x = np.zeros((2, N, K, n))
            for t in range(T):
                if t < K:
                    x[:, :, t, :] = self.start[:, None, :]
                hi = min(t, K - 1) + 1  # intakes 0..hi-1 are in
                xs = x[:, :, :hi]
                if arm == 0:
                    y = np.matmul(xs, P[0])
                else:
                    lo = max(0, t - D + 1)  # intakes lo..hi-1 in their intervention years
                    y = np.empty_like(xs)
                    np.matmul(xs[:, :, lo:], P[1], out=y[:, :, lo:])
                    if lo:
                        np.matmul(xs[:, :, :lo], P[2], out=y[:, :, :lo])
                o = xs if rule == "start" else y if rule == "end" else (xs + y) / 2
                occ[arm, :, :, t] = o.sum(axis=2)
                x[:, :, :hi] = y
        return occ

    def evaluate(self, vals, N, first_draw=0, mode="each"):
        """NPV per target (actors, fiscal, society), net per year, investment."""
        A = len(self.actors)
        P = self.matrices(vals, N, first_draw)
        C = self.unit_cost(vals, N)
        women = np.full(N, self.women)
        cost = {k: np.broadcast_to(v, (N, A)).copy() for k, v in self.cost.items()}
        for j, inp in enumerate(self.inputs):
            if inp.kind == "women":
                women = vals[j]
            elif inp.kind == "cost":
                cost[inp.where[0]][:, inp.where[1]] = vals[j]
        share = np.stack([women, 1 - women])  # (2, N)
        occ = self.occupancy(P, mode)
        scale = self.size * share  # (2, N)
        diff = np.einsum("gn,gnti->nti", scale, occ[0] - occ[1])  # (N, T, n)
        savings = np.matmul(diff, C)  # (N, T, A)
        u = 1 + self.uplift
        inv = np.zeros((N, self.T, A))
        for g in range(2):
            w = share[g][:, None, None]
            inv += w * (u * cost["cost_per_participant"][:, None, :] * self.size
                        * self.in_t[None, :, None]
                        + (u * cost["fixed_cost"][:, None, :]) * (self.in_t > 0)[None, :, None]
                        + (u * cost["startup_cost"][:, None, :]) * self.startup_t[None, :, None])
        net = savings - inv
        net = np.concatenate([net, net[:, :, self.fiscal].sum(axis=2, keepdims=True),
                              net.sum(axis=2, keepdims=True)], axis=2)
        invest = inv.sum(axis=1)
        invest = np.concatenate([invest, invest[:, self.fiscal].sum(axis=1, keepdims=True),
                                 invest.sum(axis=1, keepdims=True)], axis=1)
        npv = np.einsum("ntg,t->ng", net, self.disc)
        return npv, net, invest

    def targets(self):
        return self.actors + ["fiscal", "society"]


# ------------------------------------------------------------ Monte Carlo


def monte_carlo(m, draws, batch, seed, mode="each"):
    rng = np.random.default_rng(seed)
    nt = len(m.targets())
    npv = np.empty((draws, nt))
    paid = np.zeros((nt, m.T), dtype=np.int64)
    never = np.zeros(nt, dtype=np.int64)
    none = np.zeros(nt, dtype=np.int64)
    t_sample = t_model = 0.0
    for first in range(0, draws, batch):
        N = min(batch, draws - first)
        t0 = time.perf_counter()
        vals = m.sample(rng, N)
        t1 = time.perf_counter()
        v, net, invest = m.evaluate(vals, N, first, mode)
        npv[first:first + N] = v
        reached = np.cumsum(net, axis=1) >= 0  # (N, T, targets)
        year = reached.argmax(axis=1)
        got = reached.any(axis=1)
        no_inv = invest <= 0
        none += no_inv.sum(axis=0)
        never += (~no_inv & ~got).sum(axis=0)
        ok = ~no_inv & got
        for g in range(nt):
            paid[g] += np.bincount(year[ok[:, g], g], minlength=m.T)
        t_model += time.perf_counter() - t1
        t_sample += t1 - t0
    t0 = time.perf_counter()
    stats = {}
    for g, name in enumerate(m.targets()):
        x = npv[:, g]
        mean = float(x.mean())
        q = np.quantile(x, [0.05, 0.5, 0.95])
        stats[name] = {"npv_mean": mean, "npv_sd": float(x.std(ddof=1)) if draws > 1 else 0.0,
                       "npv_p5": float(q[0]), "npv_p50": float(q[1]), "npv_p95": float(q[2]),
                       "p_npv_positive": float((x > 0).mean()),
                       "evpi": float(np.maximum(x, 0).mean() - max(mean, 0)),
                       "paid_back_by": (np.cumsum(paid[g]) / draws).tolist(),
                       "never": int(never[g]) / draws, "none": int(none[g]) / draws}
    t_stats = time.perf_counter() - t0
    return stats, {"sample": t_sample, "model": t_model, "stats": t_stats}


# ------------------------------------------------------------------ checks


def rel_err(a, b):
    return abs(a - b) / max(abs(b), 1.0)


def check(m, samkalk, mode="each", draws=10000, say=print):
    """The three checks of --check; returns True when all pass."""
    ok = True
    names = m.targets()
    # 1. every distribution at its base value, against a plain run
    cmd = [samkalk, "run", m.path, "--json", "-"] + (["--draws", "0"] if m.inputs else [])
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    js = json.loads(out)
    ref = {a["id"]: a["npv"] for a in js["actors"]}
    ref.update({k: v["npv"] for k, v in js["totals"].items()})
    npv, _, _ = m.evaluate(m.collapsed(4), 4, 0, mode)
    err = max(rel_err(npv[k, g], ref[name]) for k in range(4) for g, name in enumerate(names))
    good = err <= 1e-6
    ok &= good
    say(f"  {'ok  ' if good else 'FAIL'} base values: NPV of {len(names)} targets against "
        f"samkalk --json, max relative error {err:.1e} (limit 1e-6)")
    if not m.inputs:
        return ok
    # 2. samkalk's own draws, replayed
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "draws.csv")
        subprocess.run([samkalk, "run", m.path, "--quiet", "--draws", str(draws),
                        "--draws-csv", path], check=True)
        with open(path, newline="") as f:
            header = next(csv.reader(f))
        data = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)
    col = {h: i for i, h in enumerate(header)}
    norm = {}
    for h in header:  # "section: FROM -> TO" as this reader writes keys
        sec, _, key = h.partition(": ")
        if "->" in key:
            a, b = (x.strip() for x in key.split("->", 1))
            key = f"{a} -> {b}"
        norm[f"{sec}: {key}"] = col[h]
    vals = []
    for inp in m.inputs:
        key = inp.key
        if "->" in key:
            a, b = (x.strip() for x in key.split("->", 1))
            key = f"{a} -> {b}"
        name = f"{inp.section}: {key}"
        if name not in norm:
            raise BadInput(f"draws CSV has no column {name!r}")
        vals.append(data[:, norm[name]])
    N = data.shape[0]
    npv, _, _ = m.evaluate(vals, N, 0, mode)
    sk = np.stack([data[:, col["npv_" + t]] for t in names], axis=1)
    err = float((np.abs(npv - sk) / np.maximum(np.abs(sk), 1.0)).max())
    good = err <= 1e-6
    ok &= good
    say(f"  {'ok  ' if good else 'FAIL'} samkalk's {N} draws replayed ({len(m.inputs)} inputs "
        f"each): per-draw NPV of {len(names)} targets, max relative error {err:.1e} "
        "(limit 1e-6)")
    # 3. the samplers against samkalk's draws of the same inputs
    own = m.sample(np.random.default_rng(12345), N)
    worst_z = worst_sd = worst_score = 0.0
    worst = ""
    for j, inp in enumerate(m.inputs):
        a, b = own[j], vals[j]
        se = math.sqrt(a.var(ddof=1) / N + b.var(ddof=1) / N)
        z = abs(a.mean() - b.mean()) / se if se > 0 else 0.0
        sd = abs(a.std(ddof=1) / b.std(ddof=1) - 1) if b.std() > 0 else 0.0
        if max(z / 5, sd / 0.05) > worst_score:
            worst_score, worst = max(z / 5, sd / 0.05), inp.name
        worst_z, worst_sd = max(worst_z, z), max(worst_sd, sd)
    good = worst_z <= 5 and worst_sd <= 0.05
    ok &= good
    say(f"  {'ok  ' if good else 'FAIL'} samplers: {len(m.inputs)} inputs, NumPy's {N} draws "
        f"against samkalk's: means within {worst_z:.1f} standard errors (limit 5), "
        f"sd within {100 * worst_sd:.1f} % (limit 5 %); farthest: {worst}")
    return ok


# -------------------------------------------------------------------- main


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("scenario")
    ap.add_argument("--draws", type=int, default=None, help="default: the file's")
    ap.add_argument("--batch", type=int, default=2500, help="draws per batch (2500)")
    ap.add_argument("--seed", type=int, default=None, help="default: the file's")
    ap.add_argument("--intakes", choices=("each", "shifted"), default="each")
    ap.add_argument("--check", metavar="SAMKALK", help="compare the model with samkalk")
    ap.add_argument("--quiet", action="store_true", help="print only the timing line")
    ap.add_argument("--result", action="store_true", help="print one RESULT line of JSON")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    try:
        m = Model(a.scenario)
        if a.check:
            print(f"{a.scenario}: {len(m.inputs)} sampled inputs, {len(m.states)} states, "
                  f"{len(m.actors)} actors, {m.T} years, {m.K} intakes")
            return 0 if check(m, a.check, a.intakes) else 1
        draws = a.draws if a.draws is not None else m.file_draws
        seed = a.seed if a.seed is not None else m.file_seed
        t1 = time.perf_counter()
        stats, times = monte_carlo(m, draws, a.batch, seed, a.intakes)
    except (Unsupported, BadInput) as e:
        print(f"mc_numpy: {a.scenario}: {e}", file=sys.stderr)
        return 2
    t2 = time.perf_counter()
    if not a.quiet:
        for name, s in stats.items():
            print(f"{name:10} mean {s['npv_mean']:14.0f}  P5 {s['npv_p5']:14.0f}  "
                  f"P95 {s['npv_p95']:14.0f}  P(NPV>0) {s['p_npv_positive']:.4f}")
    print(f"numpy: {draws} draws in {t2 - t1:.3f} s (sampling {times['sample']:.3f} s, "
          f"model {times['model']:.3f} s, statistics {times['stats']:.3f} s; reading "
          f"{t1 - t0:.3f} s): {draws / (t2 - t1):.0f} draws/s")
    if a.result:
        print("RESULT " + json.dumps({"draws": draws, "seconds": t2 - t1, "read": t1 - t0,
                                      **times, "stats": stats}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
