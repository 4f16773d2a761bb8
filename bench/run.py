#!/usr/bin/env python3
"""Run bench/*.py under gilvm and under CPython, side by side, and print a
Markdown table of the median wall times and the ratio gilvm/CPython.

    python3 bench/run.py                       # all benchmarks, 5 runs each
    python3 bench/run.py --runs 9 --filter fib
    python3 bench/run.py --gilvm path/to/gilvm

How it measures, and why:

* CPython is the real binary, not a launcher: `sys.executable` of the Python
  that runs this script (on these machines `python3` on PATH is a pyenv shim
  that adds ~250 ms to every start). `--python` picks another one; it is asked
  for its own sys.executable, so a shim given there is resolved too.
* CPython runs with -S by default (`--cpython-args`): this machine's
  site-packages hold .pth files that import certifi at every start (~70 ms),
  which says nothing about CPython. The benchmarks import nothing, so -S
  changes nothing else. Startup is shown both with and without it.
* gilvm and CPython run alternately, run by run, and the one that goes first
  alternates too: the machine's speed drifts (up to 1.5x within seconds), and
  interleaving makes both sides see the same drift. The median of N runs is
  reported. Wall time is that of the whole process, startup included.
* Every run's standard output (the benchmark's checksum line) must be the same
  under both; a mismatch or a failed run is reported loudly and makes the exit
  status 1.

Progress goes to standard error; the table goes to standard output, ready to
paste into the README. Standard library only.
"""

import argparse
import datetime
import glob
import os
import platform
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
STARTUP_RUNS = 20
# The order of the README's table; any other bench/*.py follows, by name.
ORDER = ["fib", "loop", "nbody", "strings", "dicts", "lists", "calls"]


def log(msg=""):
    print(msg, file=sys.stderr, flush=True)


def real_python(path):
    """The binary behind `path` (which may be a shim): its sys.executable."""
    if path is None:
        return sys.executable
    out = subprocess.run([path, "-c", "import sys; print(sys.executable)"],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def core_count():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count()


class RunError(Exception):
    pass


def run_once(cmd, timeout):
    """Run cmd, return (seconds, stdout). Raise RunError on failure."""
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              stdin=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise RunError(f"timed out after {timeout} s: {' '.join(cmd)}")
    except OSError as e:
        raise RunError(f"cannot run {cmd[0]}: {e}")
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        err = proc.stderr.decode(errors="replace").strip().splitlines()
        tail = "\n".join("    " + line for line in err[-8:])
        raise RunError(f"exit status {proc.returncode}: {' '.join(cmd)}\n{tail}")
    return elapsed, proc.stdout.decode(errors="replace")


def interleaved(cmd_a, cmd_b, runs, timeout):
    """Run A and B alternately (ABBA...), return (times_a, times_b, out_a, out_b).

    Raises RunError for a failed run, with the times gathered so far attached."""
    times_a, times_b = [], []
    out_a = out_b = None
    for i in range(runs):
        order = [("a", cmd_a), ("b", cmd_b)]
        if i % 2:
            order.reverse()
        for which, cmd in order:
            try:
                t, out = run_once(cmd, timeout)
            except RunError as e:
                e.side = which
                e.times = (times_a, times_b)
                raise
            if which == "a":
                times_a.append(t)
                if out_a is None:
                    out_a = out
                elif out != out_a:
                    raise RunError(f"output changed between runs of {' '.join(cmd)}")
            else:
                times_b.append(t)
                if out_b is None:
                    out_b = out
                elif out != out_b:
                    raise RunError(f"output changed between runs of {' '.join(cmd)}")
    return times_a, times_b, out_a, out_b


def fmt_s(times):
    return f"{statistics.median(times):.3f}" if times else "—"


def fmt_ms(times):
    return f"{statistics.median(times) * 1000:.1f}" if times else "—"


def ratio(a, b):
    if not a or not b:
        return None
    return statistics.median(a) / statistics.median(b)


def fmt_ratio(r):
    return f"{r:.2f}" if r is not None else "—"


def main():
    ap = argparse.ArgumentParser(
        description="Micro-benchmarks: gilvm against CPython on the same .py files.")
    ap.add_argument("--gilvm", default=os.path.join(ROOT, "build", "gilvm"),
                    help="gilvm binary (default: build/gilvm of this checkout)")
    ap.add_argument("--python", default=None,
                    help="CPython to compare with (default: the one running this script)")
    ap.add_argument("--cpython-args", default="-S",
                    help="options given to CPython before the script (default: -S; '' for none)")
    ap.add_argument("--filter", default="",
                    help="run only benchmarks whose name contains this (startup is skipped "
                         "unless it matches 'startup')")
    ap.add_argument("--runs", type=int, default=5, help="runs of each side per benchmark (default 5)")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds allowed for one run")
    args = ap.parse_args()

    gilvm = os.path.abspath(args.gilvm)
    if not (os.path.isfile(gilvm) and os.access(gilvm, os.X_OK)):
        log(f"bench: no gilvm binary at {gilvm} (build it with `make build`, or pass --gilvm)")
        return 2
    python = real_python(args.python)
    py_args = args.cpython_args.split()
    py_version = platform.python_version() if args.python is None else subprocess.run(
        [python, "-c", "import platform; print(platform.python_version())"],
        capture_output=True, text=True).stdout.strip()

    benches = [p for p in glob.glob(os.path.join(HERE, "*.py"))
               if os.path.basename(p) != "run.py" and not os.path.basename(p).startswith("_")]
    benches.sort(key=lambda p: (ORDER.index(os.path.basename(p)[:-3])
                                if os.path.basename(p)[:-3] in ORDER else len(ORDER), p))
    names = [os.path.basename(p)[:-3] for p in benches]
    selected = [(n, p) for n, p in zip(names, benches) if args.filter in n]
    do_startup = args.filter == "" or args.filter in "startup"
    if not selected and not do_startup:
        log(f"bench: no benchmark matches --filter {args.filter!r} (have: {', '.join(names)})")
        return 2

    log(f"gilvm:   {gilvm}")
    log(f"CPython: {python} {' '.join(py_args)} (Python {py_version})")
    log(f"{args.runs} interleaved runs per side per benchmark\n")

    rows = []          # (name, gilvm cell, cpython cell, ratio or None)
    ratios = []
    failures = []
    for name, path in selected:
        log(f"{name} ...")
        cmd_g = [gilvm, path]
        cmd_p = [python, *py_args, path]
        try:
            tg, tp, out_g, out_p = interleaved(cmd_g, cmd_p, args.runs, args.timeout)
        except RunError as e:
            side = {"a": "gilvm", "b": "CPython"}.get(getattr(e, "side", ""), "")
            tg, tp = getattr(e, "times", ([], []))
            log(f"!!! {name}: {side} FAILED: {e}")
            failures.append(name)
            rows.append((name, "FAIL" if side != "CPython" else fmt_s(tg),
                         "FAIL" if side == "CPython" else fmt_s(tp), None))
            continue
        if out_g != out_p:
            log(f"!!! {name}: CHECKSUM MISMATCH")
            log(f"    gilvm:   {out_g.strip()!r}")
            log(f"    CPython: {out_p.strip()!r}")
            failures.append(name)
            rows.append((name, fmt_s(tg) + " (wrong output)", fmt_s(tp), None))
            continue
        r = ratio(tg, tp)
        ratios.append(r)
        log(f"    gilvm {fmt_s(tg)} s (min {min(tg):.3f}, max {max(tg):.3f})   "
            f"CPython {fmt_s(tp)} s (min {min(tp):.3f}, max {max(tp):.3f})   ratio {fmt_ratio(r)}")
        rows.append((name, fmt_s(tg), fmt_s(tp), r))

    startup_rows = []
    if do_startup:
        log("startup ...")
        for label, extra in (("startup `-c pass`, ms", []), ("startup, CPython -S, ms", ["-S"])):
            try:
                tg, tp, _, _ = interleaved([gilvm, "-c", "pass"], [python, *extra, "-c", "pass"],
                                           STARTUP_RUNS, args.timeout)
            except RunError as e:
                log(f"!!! startup: FAILED: {e}")
                failures.append("startup")
                startup_rows.append((label, "FAIL", "—", None))
                break
            r = ratio(tg, tp)
            log(f"    {label}: gilvm {fmt_ms(tg)}  CPython {fmt_ms(tp)}  ratio {fmt_ratio(r)}")
            startup_rows.append((label, fmt_ms(tg), fmt_ms(tp), r))

    # The table, on standard output.
    today = datetime.date.today().isoformat()
    print(f"{today} · {platform.machine()} · {cpu_model()} · {core_count()} cores · "
          f"CPython {py_version}{' ' + ' '.join(py_args) if py_args else ''} · "
          f"median of {args.runs} interleaved runs (startup: {STARTUP_RUNS}), "
          f"wall time including startup")
    print()
    print("| benchmark | gilvm s | CPython s | ratio |")
    print("|---|---:|---:|---:|")
    for name, g, p, r in rows:
        print(f"| {name} | {g} | {p} | {fmt_ratio(r)} |")
    if len(ratios) > 1:
        geo = statistics.geometric_mean(ratios)
        print(f"| geometric mean | | | {geo:.2f} |")
    for name, g, p, r in startup_rows:
        print(f"| {name} | {g} | {p} | {fmt_ratio(r)} |")

    if failures:
        log(f"\nbench: FAILED: {', '.join(failures)}")
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        log("\nbench: interrupted")
        sys.exit(130)
