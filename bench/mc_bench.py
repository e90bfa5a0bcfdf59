#!/usr/bin/python3
"""mc_bench.py -- the Monte Carlo benchmark (run it as `sh bench/mc.sh`).

Draws per second of `samkalk run FILE --draws N --threads T --quiet`
(wall-clock of the whole process: reading the files, the base run, the
tornado and the statistics included, nothing subtracted) for 10 000 and
1 000 000 draws at 1 and 2 threads, against the NumPy baseline
bench/mc_numpy.py measured in the same run the same way, and samkalk's
peak memory (/usr/bin/time %M) for 1 000 000 draws. Before timing, the
baseline's model is checked against samkalk (mc_numpy.py --check). The
baseline is the faster of mc_numpy.py's two ways over intakes (--intakes
each or shifted, both timed at 10 000 draws), so that samkalk is never
credited with an algebraic shortcut NumPy could take as well. Ends with a
Markdown table and whether the project's targets are met.

    mc_bench.py [SAMKALK] [--quick]

--quick: 10 000 draws only (no 1 000 000-draw runs), for a smoke test.
"""

import argparse
import datetime
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no bench/__pycache__
import mc_numpy  # noqa: E402

import numpy as np  # noqa: E402

PY = sys.executable
WORKLOADS = [  # name, file, repetitions at 10 000 and at 1 000 000 draws
    ("unga-vuxna", "scenarios/unga-vuxna.ini", 7, 3),
    ("heavy", "bench/heavy.ini", 5, 1),
]
SMALL, LARGE = 10_000, 1_000_000
BATCH = 2500  # NumPy draws per batch: the fastest of 1000..20000 here (bench/README.md)

# the project's targets
T_RATE, T_SPEEDUP, T_MEM_MB, T_NUMPY = 300_000, 1.8, 200, 3.0


def wall(cmd, mem=False):
    """One run of cmd: (wall-clock seconds, peak RSS in kB from /usr/bin/time
    -f %M when mem, its standard output, CPU seconds). The CPU seconds
    (user + system of the process and its threads, from wait4) show whether
    the run had its cores to itself: for one thread they equal the wall-clock
    on an idle machine."""
    peak = None
    with tempfile.NamedTemporaryFile("r", suffix=".time") as f:
        full = (["/usr/bin/time", "-f", "%M", "-o", f.name] if mem else []) + cmd
        with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
            t0 = time.perf_counter()
            p = subprocess.Popen(full, stdout=out, stderr=err, text=True)
            _, status, ru = os.wait4(p.pid, 0)
            dt = time.perf_counter() - t0
            p.returncode = os.waitstatus_to_exitcode(status)
            out.seek(0)
            err.seek(0)
            stdout, stderr = out.read(), err.read()
        if mem and p.returncode == 0:
            peak = int(f.read().strip().splitlines()[-1])
    if p.returncode != 0:
        sys.exit(f"mc_bench: {' '.join(cmd)} exited {p.returncode}:\n{stderr}")
    return dt, peak, stdout, ru.ru_utime + ru.ru_stime


def machine():
    model = "?"
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
            if line.startswith("Model name:"):
                model = line.split(":", 1)[1].strip()
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({model}), {mem:.0f} GiB, {platform.system()} " \
           f"{platform.release()}"


def busy(seconds=1.0):
    """Percent of both cores that other processes used over the next seconds."""
    def sample():
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
        return sum(v), v[3] + v[4]  # all, idle + iowait
    t0, i0 = sample()
    time.sleep(seconds)
    t1, i1 = sample()
    return 100 * (1 - (i1 - i0) / max(t1 - t0, 1))


def fmt(x):
    return f"{x:,.0f}".replace(",", " ")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("samkalk", nargs="?", default="build/samkalk")
    ap.add_argument("--quick", action="store_true", help="10 000 draws only")
    a = ap.parse_args()
    sk = a.samkalk
    started = time.perf_counter()
    rev = subprocess.run(["git", "describe", "--always", "--dirty"], capture_output=True,
                         text=True).stdout.strip() or "?"
    with open(sk, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()[:12]
    built = datetime.datetime.fromtimestamp(os.path.getmtime(sk)).strftime("%Y-%m-%d %H:%M:%S")
    print(f"date: {datetime.date.today()}  machine: {machine()}")
    print(f"samkalk: {sk} (built {built}, sha256 {digest}; work tree {rev})")
    print(f"NumPy {np.__version__} on Python {platform.python_version()} ({PY}), "
          f"{BATCH} draws per batch")
    used = busy()
    print(f"CPU used by other processes just before: {used:.0f} %")
    if used > 10:
        print("WARNING: the machine is not idle; the timings below are disturbed "
              "(the 2-thread figures most)")

    # ---------------------------------------------------------------- checks
    print("\n== checks")
    r = subprocess.run([sk, "check", "bench/heavy.ini"], capture_output=True, text=True)
    print("  " + (r.stdout.strip() or r.stderr.strip()))
    ok = r.returncode == 0
    for name, path, _, _ in WORKLOADS:
        m = mc_numpy.Model(path)
        print(f"  {name} ({path}): {len(m.inputs)} sampled inputs, {len(m.states)} states, "
              f"{len(m.actors)} actors, {m.T} years, {m.K} intake{'s' * (m.K > 1)}")
        ok &= mc_numpy.check(m, sk, say=lambda s: print("  " + s))
    if not ok:
        sys.exit("mc_bench: a check failed: the baseline does not compute samkalk's model")

    # ---------------------------------------------------------------- timing
    sizes = [SMALL] if a.quick else [SMALL, LARGE]
    rows, best, disturbed = [], {}, []
    for name, path, rep_small, rep_large in WORKLOADS:
        for draws in sizes:
            reps = rep_small if draws == SMALL else rep_large
            big = draws == LARGE
            row = {"workload": name, "draws": draws, "reps": reps}
            print(f"\n== {name}, {draws:,} draws, {reps} run{'s' * (reps > 1)} each "
                  "(median)".replace(",", " "))
            for threads in (1, 2):
                cmd = [sk, "run", path, "--draws", str(draws), "--threads", str(threads),
                       "--quiet"]
                times, peaks, cores = [], [], []
                for _ in range(reps):
                    dt, peak, _, cpu = wall(cmd, mem=big)
                    times.append(dt)
                    peaks.append(peak)
                    cores.append(cpu / dt)
                    if threads == 1 and dt > 1.15 * cpu + 0.002:
                        disturbed.append(f"{name} {draws} --threads 1")
                t = statistics.median(times)
                row[f"sk{threads}"] = draws / t
                if big:
                    row[f"mem{threads}"] = max(peaks) / 1024
                print(f"  samkalk --threads {threads}: {t:8.3f} s  {fmt(draws / t):>9} draws/s"
                      f"  (CPU {statistics.median(cores):.2f} x wall-clock)"
                      + (f"  peak {max(peaks) / 1024:.1f} MiB" if big else ""))
            # The NumPy baseline, as a whole process too (Python's and NumPy's
            # start-up in). Both ways over intakes are timed at 10 000 draws;
            # the faster is the baseline, at 1 000 000 draws as well.
            np_reps = 3 if draws == SMALL else 1
            for mode in ("each", "shifted") if draws == SMALL else (best[name],):
                cmd = [PY, os.path.join(HERE, "mc_numpy.py"), path, "--draws", str(draws),
                       "--batch", str(BATCH), "--intakes", mode, "--quiet", "--result"]
                times, inner, peaks = [], [], []
                for _ in range(np_reps):
                    dt, peak, out, cpu = wall(cmd, mem=big)
                    if dt > 1.15 * cpu + 0.002:
                        disturbed.append(f"{name} {draws} NumPy {mode}")
                    times.append(dt)
                    inner.append(json.loads(out.split("RESULT ", 1)[1])["seconds"])
                    peaks.append(peak)
                t, ti = statistics.median(times), statistics.median(inner)
                row[mode] = {"np": draws / t, "np_inner": draws / ti,
                             "np_mem": max(peaks) / 1024 if big else None}
                print(f"  NumPy --intakes {mode:7}: {t:8.3f} s  {fmt(draws / t):>9} draws/s"
                      f"  (in-process {ti:.3f} s, {fmt(draws / ti)} draws/s)"
                      + (f"  peak {max(peaks) / 1024:.1f} MiB" if big else ""))
            if draws == SMALL:
                best[name] = max(("each", "shifted"), key=lambda k: row[k]["np_inner"])
            row["mode"] = best[name]
            row.update(row[best[name]])
            rows.append(row)

    # ----------------------------------------------------------------- table
    print("\n== results (draws per second, wall-clock of the whole process, median)\n")
    print("| workload | draws | samkalk 1 thread | samkalk 2 threads | 2 threads / 1 "
          "| NumPy | samkalk 1 thread / NumPy | samkalk 2 threads / NumPy "
          "| samkalk peak memory (1 / 2 threads) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        mem = (f"{r['mem1']:.1f} / {r['mem2']:.1f} MiB" if "mem1" in r else "")
        print(f"| {r['workload']} | {fmt(r['draws'])} | {fmt(r['sk1'])} | {fmt(r['sk2'])} "
              f"| {r['sk2'] / r['sk1']:.2f} | {fmt(r['np'])} | {r['sk1'] / r['np']:.1f} "
              f"| {r['sk2'] / r['np']:.1f} | {mem} |")
    print("\nNumPy in detail (draws per second; in-process = sampling, model and statistics, "
          "without Python's start-up and reading; the baseline above is the faster way over "
          "intakes):\n")
    print("| workload | draws | baseline | NumPy process | NumPy in-process | samkalk 1 thread "
          "/ in-process | each, in-process | shifted, in-process | NumPy peak memory |")
    print("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        each = fmt(r["each"]["np_inner"]) if "each" in r else ""
        shifted = fmt(r["shifted"]["np_inner"]) if "shifted" in r else ""
        mem = f"{r['np_mem']:.0f} MiB" if r.get("np_mem") else ""
        print(f"| {r['workload']} | {fmt(r['draws'])} | {r['mode']} | {fmt(r['np'])} "
              f"| {fmt(r['np_inner'])} | {r['sk1'] / r['np_inner']:.1f} | {each} | {shifted} "
              f"| {mem} |")

    # --------------------------------------------------------------- targets
    print("\n== targets")

    def verdict(good, text):
        print(f"  {'met   ' if good else 'MISSED'} {text}")
        return good

    allmet = True
    for r in rows:
        d = fmt(r["draws"])
        if r["workload"] == "unga-vuxna":
            allmet &= verdict(r["sk1"] >= T_RATE, f"unga-vuxna, {d} draws, 1 thread: "
                              f"{fmt(r['sk1'])} draws/s (at least {fmt(T_RATE)})")
            allmet &= verdict(r["sk2"] >= T_SPEEDUP * r["sk1"], f"unga-vuxna, {d} draws, "
                              f"2 threads: {r['sk2'] / r['sk1']:.2f} x 1 thread "
                              f"(at least {T_SPEEDUP})")
        if "mem1" in r:
            m = max(r["mem1"], r["mem2"])
            allmet &= verdict(m * 2**20 < T_MEM_MB * 1e6, f"{r['workload']}, {d} draws: peak "
                              f"{m:.1f} MiB (under {T_MEM_MB} MB)")
        allmet &= verdict(r["sk1"] >= T_NUMPY * r["np"], f"{r['workload']}, {d} draws: samkalk "
                          f"(1 thread) {r['sk1'] / r['np']:.1f} x NumPy (at least {T_NUMPY})")
    print(f"\nall targets met: {'yes' if allmet else 'no'}; "
          f"benchmark took {time.perf_counter() - started:.0f} s")
    if disturbed:
        print(f"WARNING: {len(disturbed)} single-threaded run(s) took over 1.15 x their CPU "
              f"time, so other processes took the core: {', '.join(sorted(set(disturbed)))}; "
              "run again on an idle machine")
    return 0


if __name__ == "__main__":
    sys.exit(main())
