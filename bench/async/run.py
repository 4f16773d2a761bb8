#!/usr/bin/env python3
"""The async benchmarks: gilvm beside CPython on the same asyncio programs
(the .py files in this folder). Markdown table on standard output, progress
on standard error.

    python3 bench/async/run.py                # 5 runs each
    python3 bench/async/run.py --runs 9

What is measured (each figure the median of --runs runs; gilvm and CPython
run alternately, run by run, and the first to go alternates too, because
these machines drift in speed; CPython is the real binary, sys.executable,
run with -S):

* sleepers    10 000 tasks x asyncio.sleep(0.1) at once: wall time of the
              gather (ideal 0.1 s), and the process's peak memory (peak RSS,
              VmHWM as the process reports it, else wait4's max RSS) with
              10 000 tasks minus that with none, per task.
* echo        an echo server and 100 clients on loopback, one thread: line
              round trips per second.
* create      a task that returns at once, created and awaited by gather:
              microseconds per task; a bare coroutine object made and closed.

Standard library only.
"""

import argparse
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))
from run import log, real_python  # noqa: E402  (bench/run.py)


def measure(cmd):
    """Runs cmd; returns its RESULT fields as floats, and maxrss_kib: the
    child's peak RSS in KiB (from wait4)."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = proc.stdout.read().decode()
    err = proc.stderr.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-2000:]}")
    fields = {}
    for line in out.splitlines():
        if line.startswith("RESULT "):
            for kv in line.split()[1:]:
                k, v = kv.split("=")
                fields[k] = float(v)
    fields["maxrss_kib"] = float(usage.ru_maxrss)
    return fields


def interleaved(runs, commands):
    """commands: {name: argv}. Runs each `runs` times, alternating which goes
    first; returns {name: [fields, ...]}."""
    results = {name: [] for name in commands}
    names = list(commands)
    for r in range(runs):
        order = names if r % 2 == 0 else names[::-1]
        for name in order:
            results[name].append(measure(commands[name]))
    return results


def median(results, key):
    return statistics.median(f[key] for f in results)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gilvm", default=os.path.join(ROOT, "build", "gilvm"))
    ap.add_argument("--python", default=None)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    gilvm = [os.path.abspath(args.gilvm)]
    python = [real_python(args.python), "-S"]
    impls = {"gilvm": gilvm, "CPython": python}
    rows = []

    log("sleepers: 10 000 tasks x sleep(0.1), and the baseline with none")
    script = os.path.join(HERE, "sleepers.py")
    full = interleaved(args.runs, {k: v + [script, "10000"] for k, v in impls.items()})
    base = interleaved(args.runs, {k: v + [script, "0"] for k, v in impls.items()})
    wall = {k: median(full[k], "wall") for k in impls}
    # The peak RSS each run reports itself (VmHWM; sleepers.py says why),
    # else wait4's.
    rss = "hwm_kib" if all(f.get("hwm_kib", -1) > 0 for runs in (full, base) for k in impls for f in runs[k]) \
        else "maxrss_kib"
    per_task = {k: (median(full[k], rss) - median(base[k], rss)) * 1024 / 10000 for k in impls}
    rows.append(("10 000 tasks x sleep(0.1): wall (ideal 0.100 s)", f"{wall['gilvm']:.3f} s",
                 f"{wall['CPython']:.3f} s", wall["gilvm"] / wall["CPython"]))
    rows.append(("peak memory per sleeping task (peak RSS delta / 10 000)", f"{per_task['gilvm']:.0f} B",
                 f"{per_task['CPython']:.0f} B", per_task["gilvm"] / per_task["CPython"]))

    log("echo: 100 clients x 50 round trips")
    res = interleaved(args.runs, {k: v + [os.path.join(HERE, "echo.py")] for k, v in impls.items()})
    rate = {k: median(res[k], "trips_per_s") for k in impls}
    rows.append(("echo, 100 concurrent clients: round trips/s", f"{rate['gilvm']:.0f}", f"{rate['CPython']:.0f}",
                 rate["gilvm"] / rate["CPython"]))

    log("create: 20 000 tasks that return at once; bare coroutines")
    res = interleaved(args.runs, {k: v + [os.path.join(HERE, "create.py")] for k, v in impls.items()})
    for key, label in (("task_us", "task created, run and gathered"), ("coro_us", "coroutine made and closed")):
        v = {k: median(res[k], key) for k in impls}
        rows.append((label + ": us each", f"{v['gilvm']:.2f}", f"{v['CPython']:.2f}", v["gilvm"] / v["CPython"]))

    print(f"| async ({args.runs} runs, medians) | gilvm | CPython | gilvm/CPython |")
    print("|---|---:|---:|---:|")
    for label, g, c, ratio in rows:
        print(f"| {label} | {g} | {c} | {ratio:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
