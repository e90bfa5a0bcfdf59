#!/usr/bin/env python3
"""ref_model.py -- an independent reference implementation of samkalk's method.

Written from SPEC sections 3, 4, 5 and 7 (and the decisions listed in
tests/reference/README.md) without reading the C sources, so that the
end-to-end tests can check the C program's figures by a second route.
Python 3 standard library only.

Usage:
    ref_model.py SCENARIO.ini                      print the reference JSON
    ref_model.py SCENARIO.ini --compare SAMKALK.json
    ref_model.py SCENARIO.ini --compare-csv SAMKALK.csv

Exit status: 0 done (or all figures agree), 1 a figure differs, 2 the input
could not be read or is invalid (for the reference; samkalk's own checks are
stricter).
"""

import argparse
import configparser
import csv
import json
import math
import os
import re
import sys

SEXES = ("women", "men")
BREAK_EVEN_GRID = 1000      # grid steps over [0, lambda_max]
BREAK_EVEN_TOL = 1e-10      # bisection stops when the bracket is this narrow
LAMBDA_CAP = 10.0
ROW_SUM_TOL = 1e-12         # a row may exceed 1 by this much (rounding)
DIST_SUM_TOL = 1e-9         # SPEC section 8


class InputError(Exception):
    """A file the reference cannot use; message names file and key."""


# ---------------------------------------------------------------- reading ---

_NUMBER_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def warn(msg):
    print("ref_model: warning: " + msg, file=sys.stderr)


def read_ini(path):
    cp = configparser.ConfigParser(
        interpolation=None, delimiters=("=",), inline_comment_prefixes=(";",),
        comment_prefixes=(";", "#"), strict=True, default_section="\0none")
    cp.optionxform = str
    try:
        with open(path, encoding="utf-8-sig") as fh:
            cp.read_file(fh, source=path)
    except OSError as e:
        raise InputError("%s: cannot read: %s" % (path, e.strerror))
    except (configparser.Error, UnicodeDecodeError) as e:
        raise InputError("%s: %s" % (path, str(e).replace("\n", " ")))
    return cp


def number(text, where):
    t = text.strip()
    if not _NUMBER_RE.match(t):
        raise InputError("%s: expected a number, got %r" % (where, text))
    v = float(t)
    if not math.isfinite(v):
        raise InputError("%s: expected a finite number, got %r" % (where, text))
    return v


def whole(text, where, lo=None, hi=None):
    v = number(text, where)
    if v != math.floor(v):
        raise InputError("%s: expected a whole number, got %r" % (where, text))
    v = int(v)
    if (lo is not None and v < lo) or (hi is not None and v > hi):
        raise InputError("%s: expected a whole number in %s..%s, got %d"
                         % (where, lo, hi, v))
    return v


def probability(text, where):
    v = number(text, where)
    if not 0.0 <= v <= 1.0:
        raise InputError("%s: expected a probability between 0 and 1, got %r"
                         % (where, text))
    return v


# ---------------------------------------------------------------- profile ---

def load_profile(path):
    cp = read_ini(path)
    where = lambda sec, key: "%s: [%s] %s" % (path, sec, key)
    if not cp.has_section("profile"):
        raise InputError("%s: missing section [profile]" % path)
    prof = cp["profile"]
    if "price_year" not in prof:
        raise InputError("%s: [profile] price_year is required" % path)
    for k in prof:
        if k not in ("name", "price_year", "currency", "description"):
            warn("%s: [profile] %s: unknown key, ignored" % (path, k))
    price_year = whole(prof["price_year"], where("profile", "price_year"))

    if not cp.has_section("actors") or len(cp["actors"]) == 0:
        raise InputError("%s: [actors] must list at least one actor" % path)
    actors = list(cp["actors"].keys())
    labels = {a: cp["actors"][a].strip() for a in actors}
    kinds = {a: "fiscal" for a in actors}
    if cp.has_section("actor kinds"):
        for a, v in cp["actor kinds"].items():
            if a not in kinds:
                raise InputError("%s: unknown actor" % where("actor kinds", a))
            v = v.strip()
            if v not in ("fiscal", "economic"):
                raise InputError("%s: expected fiscal or economic, got %r"
                                 % (where("actor kinds", a), v))
            kinds[a] = v

    index = {}
    if cp.has_section("index"):
        for y, v in cp["index"].items():
            yy = whole(y, where("index", y))
            iv = number(v, where("index", y))
            if iv <= 0:
                raise InputError("%s: index must be positive" % where("index", y))
            index[yy] = iv

    states, state_labels, items = [], {}, {}
    for sec in cp.sections():
        if sec.startswith("state ") or sec.startswith("state\t"):
            sid = sec[len("state"):].strip()
            if not sid:
                raise InputError("%s: [%s] needs a state id" % (path, sec))
            if sid in state_labels:
                raise InputError("%s: duplicate state %s" % (path, sid))
            states.append(sid)
            body = cp[sec]
            state_labels[sid] = body.get("label", sid).strip()
            amounts = {}      # (actor, item) -> amount, file order
            years = {}        # (actor, item) -> price year
            for key, val in body.items():
                if key == "label":
                    continue
                parts = key.split(".")
                if len(parts) < 2:
                    raise InputError("%s: expected ACTOR.ITEM" % where(sec, key))
                actor = parts[0]
                if actor not in labels:
                    raise InputError("%s: unknown actor %r" % (where(sec, key), actor))
                if len(parts) >= 3 and parts[-1] == "source":
                    continue
                if len(parts) >= 3 and parts[-1] == "price_year":
                    years[(actor, ".".join(parts[1:-1]))] = (
                        whole(val, where(sec, key)), where(sec, key))
                    continue
                amounts[(actor, ".".join(parts[1:]))] = number(val, where(sec, key))
            for k, (_, w) in years.items():
                if k not in amounts:
                    raise InputError("%s: no item %s.%s to give a price year"
                                     % (w, k[0], k[1]))
            items[sid] = [(a, it, amt, years.get((a, it), (price_year,))[0])
                          for (a, it), amt in amounts.items()]
        elif sec not in ("profile", "actors", "actor kinds", "index"):
            warn("%s: [%s]: unknown section, ignored" % (path, sec))
    if not states:
        raise InputError("%s: no [state ...] sections" % path)
    return {"path": path, "name": prof.get("name", "").strip(),
            "price_year": price_year, "actors": actors, "labels": labels,
            "kinds": kinds, "index": index, "states": states,
            "state_labels": state_labels, "items": items}


def unit_costs(profile, price_year):
    """c[s][a]: sum of items, each moved to price_year by the index ratio."""
    idx = profile["index"]
    c = {}
    for s in profile["states"]:
        row = {a: 0.0 for a in profile["actors"]}
        for actor, item, amount, item_year in profile["items"][s]:
            if item_year == price_year:
                v = amount
            else:
                for y in (price_year, item_year):
                    if y not in idx:
                        raise InputError(
                            "%s: [state %s] %s.%s: price year %d is missing "
                            "from [index]" % (profile["path"], s, actor, item, y))
                v = amount * idx[price_year] / idx[item_year]
            row[actor] += v
        c[s] = row
    return c


# --------------------------------------------------------------- scenario ---

SCENARIO_KEYS = ("name", "profiles", "start_year", "years", "price_year",
                 "discount_rate", "discount_timing", "costs_on", "description")
TRANSITION_SECTIONS = ("baseline", "intervention.transitions", "after")


def parse_transitions(cp, sec, states, path):
    out = {}
    for key, val in cp[sec].items():
        w = "%s: [%s] %s" % (path, sec, key)
        if "->" not in key:
            raise InputError("%s: expected FROM -> TO" % w)
        a, b = (p.strip() for p in key.split("->", 1))
        for s in (a, b):
            if s not in states:
                raise InputError("%s: unknown state %r" % (w, s))
        if a == b:
            raise InputError("%s: a state's stay probability is implied" % w)
        if (a, b) in out:
            raise InputError("%s: duplicate transition" % w)
        out[(a, b)] = probability(val, w)
    return out


def parse_distribution(cp, sec, states, path, reserved=()):
    d = {s: 0.0 for s in states}
    for key, val in cp[sec].items():
        if key in reserved:
            continue
        w = "%s: [%s] %s" % (path, sec, key)
        if key not in states:
            raise InputError("%s: unknown state" % w)
        d[key] = probability(val, w)
    total = sum(d[s] for s in states)
    if abs(total - 1.0) > DIST_SUM_TOL:
        raise InputError("%s: [%s]: starting distribution sums to %r, not 1"
                         % (path, sec, total))
    return [d[s] for s in states]


def dense(offdiag, states, where=None):
    """Transition matrix from off-diagonal entries; diagonal = 1 - row sum.
    With `where`, a row summing above 1 is an input error."""
    n = len(states)
    P = [[0.0] * n for _ in range(n)]
    for i, a in enumerate(states):
        row_sum = 0.0
        for j, b in enumerate(states):
            if i != j:
                p = offdiag.get((a, b), 0.0)
                P[i][j] = p
                row_sum += p
        if where is not None and row_sum > 1.0 + ROW_SUM_TOL:
            raise InputError("%s: transitions from %s sum to %r, above 1"
                             % (where, a, row_sum))
        P[i][i] = 1.0 - row_sum
    return P


def load_scenario(path):
    cp = read_ini(path)
    W = lambda sec, key: "%s: [%s] %s" % (path, sec, key)
    for sec in ("scenario", "cohort"):
        if not cp.has_section(sec):
            raise InputError("%s: missing section [%s]" % (path, sec))
    sc = cp["scenario"]
    for k in sc:
        if k not in SCENARIO_KEYS:
            warn("%s: unknown key, ignored" % W("scenario", k))
    for k in ("profiles", "start_year", "years"):
        if k not in sc:
            raise InputError("%s: [scenario] %s is required" % (path, k))
    prof_path = sc["profiles"].strip()
    if not os.path.isabs(prof_path):
        prof_path = os.path.join(os.path.dirname(os.path.abspath(path)), prof_path)
    profile = load_profile(prof_path)
    states, actors = profile["states"], profile["actors"]

    m = {"path": path, "profile": profile, "states": states, "actors": actors}
    m["name"] = sc.get("name", "").strip()
    m["start_year"] = whole(sc["start_year"], W("scenario", "start_year"))
    m["T"] = whole(sc["years"], W("scenario", "years"), 1, 100)
    m["price_year"] = (whole(sc["price_year"], W("scenario", "price_year"))
                       if "price_year" in sc else profile["price_year"])
    m["r"] = (number(sc["discount_rate"], W("scenario", "discount_rate"))
              if "discount_rate" in sc else 0.035)
    if m["r"] <= -1.0:
        raise InputError("%s: must be above -1" % W("scenario", "discount_rate"))
    m["timing"] = sc.get("discount_timing", "start").strip()
    if m["timing"] not in ("start", "end"):
        raise InputError("%s: expected start or end" % W("scenario", "discount_timing"))
    m["costs_on"] = sc.get("costs_on", "start").strip()
    if m["costs_on"] not in ("start", "end", "mean"):
        raise InputError("%s: expected start, end or mean" % W("scenario", "costs_on"))
    m["c"] = unit_costs(profile, m["price_year"])

    # cohort
    co = cp["cohort"]
    if "size" not in co:
        raise InputError("%s: [cohort] size is required" % path)
    m["size"] = whole(co["size"], W("cohort", "size"), 0)
    m["K"] = whole(co["intakes"], W("cohort", "intakes"), 1) if "intakes" in co else 1
    women = probability(co["women"], W("cohort", "women")) if "women" in co else 0.5
    m["w"] = {"women": women, "men": 1.0 - women}
    reserved = ("size", "intakes", "women")
    has_common = any(k not in reserved for k in co)
    m["d"] = {}
    for g in SEXES:
        sec = "cohort." + g
        if cp.has_section(sec):
            m["d"][g] = parse_distribution(cp, sec, states, path)
        elif has_common:
            m["d"][g] = parse_distribution(cp, "cohort", states, path, reserved)
        else:
            raise InputError("%s: [cohort] has no starting distribution" % path)

    # intervention
    if not cp.has_section("intervention"):
        raise InputError("%s: missing section [intervention]" % path)
    iv = cp["intervention"]
    if "years" not in iv:
        raise InputError("%s: [intervention] years is required" % path)
    m["intervention_name"] = iv.get("name", "").strip()
    m["D"] = whole(iv["years"], W("intervention", "years"), 0)
    costs = {k: {a: 0.0 for a in actors}
             for k in ("fixed_cost", "cost_per_participant", "startup_cost")}
    for key, val in iv.items():
        if key in ("name", "years", "description"):
            continue
        kind, _, actor = key.partition(".")
        if kind not in costs or not actor:
            warn("%s: unknown key, ignored" % W("intervention", key))
            continue
        if actor not in costs[kind]:
            raise InputError("%s: unknown actor %r" % (W("intervention", key), actor))
        costs[kind][actor] = number(val, W("intervention", key))
    m["costs"] = costs

    # transitions
    transition_secs = [s for s in cp.sections()
                       if s in TRANSITION_SECTIONS
                       or any(s == t + "." + g for t in TRANSITION_SECTIONS for g in SEXES)]
    known = set(["scenario", "cohort", "cohort.women", "cohort.men",
                 "intervention", "outcome", "uncertainty", "discounting",
                 "adjustments",
                 # the follow-up (issue #15) does not change the forecast
                 "followup", "followup.states"]) | set(transition_secs)
    for s in cp.sections():
        if s not in known and not (s.startswith("sensitivity ")
                                   or s.startswith("uncertainty ")):
            warn("%s: [%s]: unknown section, ignored" % (path, s))

    m["outcome"] = None
    off = {}   # (matrix name, sex) -> off-diagonal dict
    if cp.has_section("outcome"):
        if transition_secs:
            raise InputError("%s: [outcome] and transition sections [%s] "
                             "cannot both be given" % (path, transition_secs[0]))
        oc = cp["outcome"]
        for k in oc:
            if k not in ("target", "baseline", "intervention", "after", "relapse"):
                warn("%s: unknown key, ignored" % W("outcome", k))
        for k in ("target", "baseline", "intervention"):
            if k not in oc:
                raise InputError("%s: [outcome] %s is required" % (path, k))
        target = oc["target"].strip()
        if target not in states:
            raise InputError("%s: unknown state %r" % (W("outcome", "target"), target))
        rates = {k: probability(oc[k], W("outcome", k))
                 for k in ("baseline", "intervention")}
        rates["after"] = (probability(oc["after"], W("outcome", "after"))
                          if "after" in oc else rates["baseline"])
        relapse = probability(oc["relapse"], W("outcome", "relapse")) if "relapse" in oc else 0.0
        m["outcome"] = {"target": target, "relapse": relapse, **rates}
        for g in SEXES:
            for name, rate_key in (("base", "baseline"), ("int", "intervention"),
                                   ("after", "after")):
                o = {}
                # relapse is the share of those in the target who fall back,
                # spread over the other states like the starting
                # distribution (docs/method.md; SPEC writes relapse * d_s)
                outside = 1.0 - m["d"][g][states.index(target)]
                for j, s in enumerate(states):
                    if s == target:
                        continue
                    o[(s, target)] = rates[rate_key]
                    o[(target, s)] = relapse * m["d"][g][j] / outside if outside > 0 else 0.0
                off[(name, g)] = o
    else:
        if not cp.has_section("baseline"):
            raise InputError("%s: missing section [baseline] (or [outcome])" % path)
        tr = {s: parse_transitions(cp, s, states, path) for s in transition_secs}
        has_after = cp.has_section("after") or any(
            cp.has_section("after." + g) for g in SEXES)
        for g in SEXES:
            base = dict(tr["baseline"])
            base.update(tr.get("baseline." + g, {}))
            inter = dict(base)
            inter.update(tr.get("intervention.transitions", {}))
            inter.update(tr.get("intervention.transitions." + g, {}))
            after = dict(base)
            if has_after:
                after.update(tr.get("after", {}))
                after.update(tr.get("after." + g, {}))
            off[("base", g)], off[("int", g)], off[("after", g)] = base, inter, after
    # [adjustments] (docs/method.md): attribution scales the effect as the
    # break-even scale does; cost_uplift raises every investment cost
    adj = cp["adjustments"] if cp.has_section("adjustments") else {}
    attribution = number(adj["attribution"], "attribution") if "attribution" in adj else 1.0
    uplift = number(adj["cost_uplift"], "cost_uplift") if "cost_uplift" in adj else 0.0
    for g in SEXES:
        base = off[("base", g)]
        for name in ("int", "after"):
            o = off[(name, g)]
            keys = set(base) | set(o)
            off[(name, g)] = {k: base.get(k, 0.0) + attribution * (o.get(k, 0.0) - base.get(k, 0.0))
                              for k in keys}
    for kind in m["costs"]:
        for a in m["costs"][kind]:
            m["costs"][kind][a] *= 1.0 + uplift
    # [discounting] bands "FROM-TO = rate" over t = 1..T replace the rate
    m["rates"] = [m["r"]] * m["T"]
    if cp.has_section("discounting"):
        m["r"] = None
        for key, val in cp["discounting"].items():
            lo, _, hi = key.partition("-")
            for t in range(int(lo), int(hi or lo) + 1):
                if t <= m["T"]:
                    m["rates"][t - 1] = number(val, key)
    m["off"] = off
    m["P"] = {key: dense(o, states, "%s (%s, %s)" % (path, key[0], key[1]))
              for key, o in off.items()}
    return m


# ------------------------------------------------------------ projection ---

def step(x, P):
    n = len(x)
    return [sum(x[i] * P[i][j] for i in range(n)) for j in range(n)]


def occupancy(x, xn, costs_on):
    if costs_on == "start":
        return x
    if costs_on == "end":
        return xn
    return [(a + b) / 2.0 for a, b in zip(x, xn)]


def project_arm(m, g, P_during, P_after):
    """Occupancy (the one costs use) per year t=1..T, summed over intakes,
    every intake followed on its own (SPEC section 5, literally)."""
    T, K, D, S = m["T"], m["K"], m["D"], len(m["states"])
    occ = [[0.0] * S for _ in range(T)]
    for i in range(1, K + 1):
        if i > T:
            break
        x = [m["size"] * m["w"][g] * ds for ds in m["d"][g]]
        for t in range(i, T + 1):
            P = P_during if t - i < D else P_after
            xn = step(x, P)
            o = occupancy(x, xn, m["costs_on"])
            for s in range(S):
                occ[t - 1][s] += o[s]
            x = xn
    return occ


def costs_of(m, occ):
    states, actors, c = m["states"], m["actors"], m["c"]
    return [{a: sum(row[j] * c[s][a] for j, s in enumerate(states)) for a in actors}
            for row in occ]


def intakes_in_intervention(m, t):
    return sum(1 for i in range(1, m["K"] + 1) if i <= t and t - i < m["D"])


def investment(m, g, t, a):
    w = m["w"][g]
    n = intakes_in_intervention(m, t)
    cs = m["costs"]
    v = cs["cost_per_participant"][a] * m["size"] * w * n
    if n > 0:
        v += cs["fixed_cost"][a] * w
    if t == 1:
        v += cs["startup_cost"][a] * w
    return v


def discount_factor(m, t):
    """The product of the yearly factors 1/(1 + r_k) of the years before t
    (timing start) or up to t (end)."""
    f = 1.0
    for k in range(1, (t - 1 if m["timing"] == "start" else t) + 1):
        f /= 1.0 + m["rates"][k - 1]
    return f


# --------------------------------------------------------------- metrics ---

def payback(net, start_year):
    cum_prev = 0.0
    for t, n in enumerate(net, start=1):
        cum = cum_prev + n
        if cum >= 0.0:
            years = (t - 1) + ((-cum_prev) / n if n != 0.0 else 0.0)
            return {"year": start_year + t - 1, "years": years + 0.0}
        cum_prev = cum
    return None


def scaled_offdiag(base, other, lam, states):
    out = {}
    for a in states:
        for b in states:
            if a != b:
                p0 = base.get((a, b), 0.0)
                out[(a, b)] = p0 + lam * (other.get((a, b), 0.0) - p0)
    return out


def lambda_max(m):
    """Largest lambda <= 10 keeping every entry of P_int(lambda) and
    P_after(lambda), both sexes, within [0, 1]: entries and row sums are
    linear in lambda, so each gives a closed-form bound."""
    states, off = m["states"], m["off"]
    bound = LAMBDA_CAP

    def limit(f0, slope):
        # A slope of rounding size (a row summing to 1 in both matrices,
        # 0.2 + 0.7 + 0.1 != 0.4 + 0.5 + 0.1 in binary) bounds nothing.
        if abs(slope) < 1e-12:
            return math.inf
        if slope > 0.0:
            return (1.0 - f0) / slope
        if slope < 0.0:
            return -f0 / slope
        return math.inf

    for g in SEXES:
        base = off[("base", g)]
        for name in ("int", "after"):
            other = off[(name, g)]
            for a in states:
                rb = ri = 0.0
                for b in states:
                    if a == b:
                        continue
                    p0, p1 = base.get((a, b), 0.0), other.get((a, b), 0.0)
                    bound = min(bound, limit(p0, p1 - p0))
                    rb += p0
                    ri += p1
                bound = min(bound, limit(rb, ri - rb))
    return max(bound, 0.0)


class NpvOfLambda:
    """NPV per actor as a function of the effect scale lambda.

    Uses that every intake follows the same path shifted in time: the
    discounted cost of one intake's relative year u is weighted by
    W_u = sum over intakes i (i <= K, i + u <= T) of the discount factor of
    year i + u.  The baseline arm is computed the same way, so NPV(0) is
    exactly -PV(investment)."""

    def __init__(self, m, pv_investment):
        self.m = m
        T, K = m["T"], m["K"]
        f = [None] + [discount_factor(m, t) for t in range(1, T + 1)]
        self.weight = [sum(f[i + u] for i in range(1, min(K, T - u) + 1))
                       for u in range(T)]
        self.pv_inv = pv_investment
        self.pv_base = self._pv_costs(
            {g: (m["P"][("base", g)], m["P"][("base", g)]) for g in SEXES})

    def _pv_costs(self, mats):
        m = self.m
        states, actors, c = m["states"], m["actors"], m["c"]
        pv = {a: 0.0 for a in actors}
        for g in SEXES:
            P_during, P_after = mats[g]
            x = [m["size"] * m["w"][g] * ds for ds in m["d"][g]]
            for u in range(m["T"]):
                xn = step(x, P_during if u < m["D"] else P_after)
                o = occupancy(x, xn, m["costs_on"])
                wu = self.weight[u]
                for a in actors:
                    pv[a] += wu * sum(o[j] * c[s][a] for j, s in enumerate(states))
                x = xn
        return pv

    def __call__(self, lam):
        m, states = self.m, self.m["states"]
        mats = {}
        for g in SEXES:
            base = m["off"][("base", g)]
            mats[g] = tuple(
                dense(scaled_offdiag(base, m["off"][(name, g)], lam, states), states)
                for name in ("int", "after"))
        pv_int = self._pv_costs(mats)
        return {a: (self.pv_base[a] - pv_int[a]) - self.pv_inv[a]
                for a in m["actors"]}


def break_even_all(m, targets, pv_inv_actor):
    """targets: name -> list of actor ids summed. Returns name -> lambda|None."""
    f = NpvOfLambda(m, pv_inv_actor)
    cache = {}

    def npv_at(lam):
        if lam not in cache:
            cache[lam] = f(lam)
        return cache[lam]

    def target_npv(lam, ids):
        v = npv_at(lam)
        return sum(v[a] for a in ids)

    lmax = lambda_max(m)
    out = {}
    grid = [lmax * k / BREAK_EVEN_GRID for k in range(BREAK_EVEN_GRID + 1)]
    for name, ids in targets.items():
        if sum(pv_inv_actor[a] for a in ids) == 0.0:
            # invests nothing (docs/method.md): 0 if the assumed effect does
            # not cost it, else no scale of the effect makes it break even
            out[name] = 0.0 if target_npv(1.0, ids) >= 0.0 else None
            continue
        if target_npv(0.0, ids) >= 0.0:
            out[name] = 0.0
            continue
        found = None
        for k in range(1, len(grid)):
            if target_npv(grid[k], ids) >= 0.0:
                found = k
                break
        if found is None:
            out[name] = None
            continue
        lo, hi = grid[found - 1], grid[found]
        while hi - lo > BREAK_EVEN_TOL:
            mid = (lo + hi) / 2.0
            if mid <= lo or mid >= hi:
                break
            if sum(f(mid)[a] for a in ids) >= 0.0:
                hi = mid
            else:
                lo = mid
        out[name] = hi
    return out, lmax


def compute(m):
    T, states, actors = m["T"], m["states"], m["actors"]
    kinds, labels = m["profile"]["kinds"], m["profile"]["labels"]
    S = len(states)
    years = [m["start_year"] + t - 1 for t in range(1, T + 1)]
    factor = [discount_factor(m, t) for t in range(1, T + 1)]

    # flows[g][a] -> list over t of dict
    flows = {}
    occ_total = {"baseline": [0.0] * S, "intervention": [0.0] * S}
    for g in SEXES:
        occ_b = project_arm(m, g, m["P"][("base", g)], m["P"][("base", g)])
        occ_i = project_arm(m, g, m["P"][("int", g)], m["P"][("after", g)])
        for arm, occ in (("baseline", occ_b), ("intervention", occ_i)):
            for row in occ:
                for s in range(S):
                    occ_total[arm][s] += row[s]
        cb, ci = costs_of(m, occ_b), costs_of(m, occ_i)
        flows[g] = {}
        for a in actors:
            rows = []
            for t in range(1, T + 1):
                b, i = cb[t - 1][a], ci[t - 1][a]
                inv = investment(m, g, t, a)
                sav = b - i
                net = sav - inv
                rows.append({"baseline_cost": b, "intervention_cost": i,
                             "investment": inv, "savings": sav, "net": net,
                             "net_pv": net * factor[t - 1]})
            flows[g][a] = rows
    flows["all"] = {}
    for a in actors:
        rows = []
        for t in range(T):
            w_, m_ = flows["women"][a][t], flows["men"][a][t]
            row = {k: w_[k] + m_[k] for k in ("baseline_cost", "intervention_cost",
                                              "investment", "savings", "net")}
            row["net_pv"] = row["net"] * factor[t]
            rows.append(row)
        flows["all"][a] = rows

    def figures(ids):
        inv = [sum(flows["all"][a][t]["investment"] for a in ids) for t in range(T)]
        sav = [sum(flows["all"][a][t]["savings"] for a in ids) for t in range(T)]
        net = [sum(flows["all"][a][t]["net"] for a in ids) for t in range(T)]
        net_pv = [n * factor[t] for t, n in enumerate(net)]
        pv_inv = sum(v * factor[t] for t, v in enumerate(inv))
        pv_sav = sum(v * factor[t] for t, v in enumerate(sav))
        no_investment = all(v == 0.0 for v in inv)
        fig = {"pv_investment": pv_inv, "pv_savings": pv_sav, "npv": sum(net_pv),
               "return": (None if sum(inv) == 0.0 or pv_inv == 0.0
                          else pv_sav / pv_inv)}
        if no_investment:
            fig["payback"] = "none"
        else:
            fig["payback"] = {"nominal": payback(net, m["start_year"]),
                              "discounted": payback(net_pv, m["start_year"])}
        return fig

    fiscal_ids = [a for a in actors if kinds[a] == "fiscal"]
    targets = {("actor", a): [a] for a in actors}
    targets[("total", "fiscal")] = fiscal_ids
    targets[("total", "society")] = list(actors)
    pv_inv_actor = {a: sum(flows["all"][a][t]["investment"] * factor[t]
                           for t in range(T)) for a in actors}
    be, lmax = break_even_all(m, targets, pv_inv_actor)

    def break_even(key):
        lam = be[key]
        if lam is None:
            return None
        out = {"lambda": lam}
        if m["outcome"]:
            o = m["outcome"]
            out["success_rate"] = o["baseline"] + lam * (o["intervention"] - o["baseline"])
        return out

    res = {"scenario": m["name"], "price_year": m["price_year"],
           "discount_rate": m["r"], "start_year": m["start_year"], "years": T,
           "actors": [], "totals": {}, "outcomes": [], "flows": []}
    for a in actors:
        entry = {"id": a, "label": labels[a], "kind": kinds[a]}
        entry.update(figures([a]))
        entry["break_even"] = break_even(("actor", a))
        res["actors"].append(entry)
    for name, ids in (("fiscal", fiscal_ids), ("society", list(actors))):
        entry = figures(ids)
        entry["break_even"] = break_even(("total", name))
        entry["actors"] = ids
        res["totals"][name] = entry
    for j, s in enumerate(states):
        b, i = occ_total["baseline"][j], occ_total["intervention"][j]
        res["outcomes"].append({"state": s, "baseline": b, "intervention": i,
                                "difference": i - b})
    for t in range(T):
        for a in actors:
            for g in ("women", "men", "all"):
                row = {"year": years[t], "actor": a, "sex": g}
                row.update(flows[g][a][t])
                res["flows"].append(row)
    res["_lambda_max"] = lmax
    res["_totals_flows"] = {
        name: {g: [{k: sum(flows[g][a][t][k] for a in ids) for k in FLOW_FIELDS}
                   for t in range(T)] for g in ("women", "men", "all")}
        for name, ids in (("fiscal", fiscal_ids), ("society", list(actors)))}
    return res


FLOW_FIELDS = ("baseline_cost", "intervention_cost", "investment", "savings",
               "net", "net_pv")
CSV_COLUMNS = ("year", "actor", "sex") + FLOW_FIELDS


def public(res):
    return {k: v for k, v in res.items() if not k.startswith("_")}


# --------------------------------------------------------------- compare ---

class Comparer:
    def __init__(self):
        self.count = 0
        self.mismatches = []

    def bad(self, path, ref, got, why=""):
        self.mismatches.append("%s: reference %s, samkalk %s%s"
                               % (path, json.dumps(ref, ensure_ascii=False),
                                  json.dumps(got, ensure_ascii=False),
                                  " (" + why + ")" if why else ""))

    @staticmethod
    def is_num(v):
        return isinstance(v, (int, float)) and not isinstance(v, bool)

    def num(self, path, ref, got, abs_tol, rel_tol=0.0):
        self.count += 1
        if ref is None or got is None:
            if ref is not got:
                self.bad(path, ref, got)
            return
        if not self.is_num(got):
            self.bad(path, ref, got, "not a number")
            return
        tol = max(abs_tol, rel_tol * max(abs(ref), abs(got)))
        if not abs(ref - got) <= tol:
            self.bad(path, ref, got, "differs by %.3g, tolerance %.3g"
                     % (abs(ref - got), tol))

    def amount(self, path, ref, got):
        self.num(path, ref, got, 0.005, 1e-9)

    def exact(self, path, ref, got):
        self.count += 1
        if self.is_num(ref) and self.is_num(got):
            ok = ref == got
        else:
            ok = ref == got and type(ref) is type(got)
        if not ok:
            self.bad(path, ref, got)

    def get(self, obj, key, path):
        if not isinstance(obj, dict) or key not in obj:
            self.count += 1
            self.mismatches.append("%s: missing in samkalk's JSON" % path)
            return False, None
        return True, obj[key]

    def payback(self, path, ref, got):
        if ref == "none" or got == "none" or not isinstance(got, dict):
            self.exact(path, ref, got)
            return
        for kind in ("nominal", "discounted"):
            p = path + "." + kind
            ok, g = self.get(got, kind, p)
            if not ok:
                continue
            r = ref[kind]
            if r is None or g is None:
                self.exact(p, r, g)
                continue
            ok, gy = self.get(g, "year", p + ".year")
            if ok:
                self.exact(p + ".year", r["year"], gy)
            ok, gy = self.get(g, "years", p + ".years")
            if ok:
                self.num(p + ".years", r["years"], gy, 1e-9)

    def figures(self, path, ref, got):
        for k in ("pv_investment", "pv_savings", "npv"):
            ok, g = self.get(got, k, path + "." + k)
            if ok:
                self.amount(path + "." + k, ref[k], g)
        ok, g = self.get(got, "return", path + ".return")
        if ok:
            self.num(path + ".return", ref["return"], g, 1e-9, 1e-9)
        ok, g = self.get(got, "payback", path + ".payback")
        if ok:
            self.payback(path + ".payback", ref["payback"], g)
        ok, g = self.get(got, "break_even", path + ".break_even")
        if ok:
            r = ref["break_even"]
            if r is None or g is None or not isinstance(g, dict):
                self.exact(path + ".break_even", r, g)
            else:
                for k in r:
                    ok, gv = self.get(g, k, path + ".break_even." + k)
                    if ok:
                        self.num(path + ".break_even." + k, r[k], gv, 1e-6)

    def json_all(self, ref, got):
        for k in ("scenario", "price_year", "start_year", "years"):
            ok, g = self.get(got, k, k)
            if ok:
                self.exact(k, ref[k], g)
        ok, g = self.get(got, "discount_rate", "discount_rate")
        if ok and ref["discount_rate"] is None:
            self.exact("discount_rate", None, g)
        elif ok:
            self.num("discount_rate", ref["discount_rate"], g, 1e-15, 1e-12)

        ok, gactors = self.get(got, "actors", "actors")
        if ok:
            gids = [x.get("id") for x in gactors if isinstance(x, dict)]
            rids = [x["id"] for x in ref["actors"]]
            self.exact("actors[].id (order)", rids, gids)
            by_id = {x.get("id"): x for x in gactors if isinstance(x, dict)}
            for ra in ref["actors"]:
                p = "actors[%s]" % ra["id"]
                if ra["id"] not in by_id:
                    continue
                ga = by_id[ra["id"]]
                for k in ("label", "kind"):
                    ok, g = self.get(ga, k, p + "." + k)
                    if ok:
                        self.exact(p + "." + k, ra[k], g)
                self.figures(p, ra, ga)

        ok, gtot = self.get(got, "totals", "totals")
        if ok:
            for name in ("fiscal", "society"):
                p = "totals." + name
                ok, gt = self.get(gtot, name, p)
                if not ok:
                    continue
                self.figures(p, ref["totals"][name], gt)
                ok, g = self.get(gt, "actors", p + ".actors")
                if ok:
                    self.exact(p + ".actors", ref["totals"][name]["actors"], g)

        ok, gout = self.get(got, "outcomes", "outcomes")
        if ok:
            by_state = {x.get("state"): x for x in gout if isinstance(x, dict)}
            self.exact("outcomes[].state (order)",
                       [x["state"] for x in ref["outcomes"]],
                       [x.get("state") for x in gout if isinstance(x, dict)])
            for ro in ref["outcomes"]:
                go = by_state.get(ro["state"])
                if go is None:
                    continue
                for k in ("baseline", "intervention", "difference"):
                    p = "outcomes[%s].%s" % (ro["state"], k)
                    ok, g = self.get(go, k, p)
                    if ok:
                        self.num(p, ro[k], g, 1e-9, 1e-9)

        if isinstance(got, dict) and "flows" in got:
            self.flows(ref, got["flows"], lambda p, r, g: self.amount(p, r, g))
        else:
            print("ref_model: note: samkalk's JSON has no \"flows\"; "
                  "flows not compared", file=sys.stderr)

    def flows(self, ref, rows, check):
        """rows: list of dicts with year, actor, sex and the flow fields."""
        want = {(r["year"], r["actor"], r["sex"]): r for r in ref["flows"]}
        seen = set()
        for n, row in enumerate(rows, start=1):
            try:
                key = (int(float(row["year"])), row["actor"], row["sex"])
            except (KeyError, TypeError, ValueError):
                self.count += 1
                self.mismatches.append("flows row %d: no year/actor/sex" % n)
                continue
            if key in seen:
                self.count += 1
                self.mismatches.append("flows %s: duplicate row" % (key,))
                continue
            seen.add(key)
            r = want.get(key)
            if r is None:
                r = self._total_row(ref, key)
                if r is None:
                    self.count += 1
                    self.mismatches.append("flows %s: row not in the reference"
                                           % (key,))
                    continue
            for k in FLOW_FIELDS:
                p = "flows[%s %s %s].%s" % (key + (k,))
                if k not in row:
                    self.count += 1
                    self.mismatches.append("%s: missing" % p)
                    continue
                check(p, r[k], row[k])
        for key in want:
            if key not in seen:
                self.count += 1
                self.mismatches.append("flows %s: row missing in samkalk's output"
                                       % (key,))

    @staticmethod
    def _total_row(ref, key):
        year, actor, sex = key
        tf = ref["_totals_flows"].get(actor)
        t = year - ref["start_year"]
        if tf is None or sex not in tf or not 0 <= t < ref["years"]:
            return None
        return tf[sex][t]


def compare_json(ref, path):
    try:
        with open(path, encoding="utf-8") as fh:
            got = json.load(fh)
    except (OSError, ValueError) as e:
        print("ref_model: %s: %s" % (path, e), file=sys.stderr)
        return 2
    c = Comparer()
    c.json_all(ref, got)
    return report(c)


def compare_csv(ref, path):
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
    except (OSError, UnicodeDecodeError) as e:
        print("ref_model: %s: %s" % (path, e), file=sys.stderr)
        return 2
    c = Comparer()
    if not rows or tuple(rows[0][:len(CSV_COLUMNS)]) != CSV_COLUMNS:
        c.count += 1
        c.mismatches.append("%s: header must start with %s, got %s"
                            % (path, ",".join(CSV_COLUMNS),
                               ",".join(rows[0]) if rows else "(empty file)"))
        return report(c)
    dict_rows = []
    for line, r in enumerate(rows[1:], start=2):
        if not r:
            continue
        d = dict(zip(CSV_COLUMNS, r))
        for k in FLOW_FIELDS:
            if k in d:
                try:
                    d[k] = float(d[k])
                except ValueError:
                    d[k] = "not a number: " + d[k]
        dict_rows.append(d)

    def check(p, r, g):
        c.num(p, r, g, 1e-6, 1e-12)
    c.flows(ref, dict_rows, check)
    return report(c)


def report(c):
    for msg in c.mismatches:
        print(msg)
    if c.mismatches:
        print("%d of %d figures differ" % (len(c.mismatches), c.count))
        return 1
    print("ok: %d figures compared" % c.count)
    return 0


# ------------------------------------------------------------------ main ---

def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Independent reference implementation of samkalk's method "
                    "(SPEC sections 3-5, 7).")
    ap.add_argument("scenario")
    grp = ap.add_mutually_exclusive_group()
    grp.add_argument("--compare", metavar="SAMKALK.json")
    grp.add_argument("--compare-csv", metavar="SAMKALK.csv")
    args = ap.parse_args(argv)
    try:
        ref = compute(load_scenario(args.scenario))
    except InputError as e:
        print("ref_model: " + str(e), file=sys.stderr)
        return 2
    if args.compare:
        return compare_json(ref, args.compare)
    if args.compare_csv:
        return compare_csv(ref, args.compare_csv)
    json.dump(public(ref), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
