#!/usr/bin/env python3
"""Tests of what gilvm shows about the GIL: --gil-stats, --gil-trace (Chrome
trace JSON), --gil-timeline (the HTML page's data) and the gil module.

    python3 tests/gil/test_gil_views.py build/gilvm

Each check runs a small program and asserts on what the run must contain:
two CPU-bound threads at a 5 ms switch interval for ~0.5 s make at least 50
forced switches; one thread alone makes none; every thread's running +
waiting + blocked time adds up to its lifetime. Prints one line per failure
and `N passed, M failed`; exit status 1 when something failed.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import harness  # noqa: E402

GILVM = harness.interpreter_path()
checks = harness.Checks(detail_limit=3000)
check = checks.check

TWO_CPU_THREADS = """
import threading, time
def spin(seconds):
    end = time.perf_counter() + seconds
    n = 0
    while time.perf_counter() < end:
        n = n + 1
ts = [threading.Thread(target=spin, args=(0.5,), name=f"cpu{k}") for k in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("done")
"""

ONE_THREAD = """
total = 0
for i in range(300000):
    total = total + i
print(total)
"""

SLEEPERS = """
import threading, time
ts = [threading.Thread(target=time.sleep, args=(0.2,)) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("slept")
"""


def run(args, src, timeout=60):
    return harness.run_gilvm(GILVM, [*args, "-c", src], timeout=timeout)


def load_trace(path):
    with open(path) as f:
        return json.load(f)


def test_stats_table():
    p = run(["--gil-stats"], TWO_CPU_THREADS)
    check("--gil-stats: program output intact", p.returncode == 0 and p.stdout == "done\n", p.stderr)
    err = p.stderr
    check("--gil-stats: header, one row per thread, verdict",
          "GIL statistics" in err and re.search(r"^MainThread ", err, re.M) and re.search(r"^cpu0 ", err, re.M)
          and re.search(r"^cpu1 ", err, re.M) and re.search(r"^GIL busy \d+%: threads waited \d+%", err, re.M), err)
    m = re.search(r"switches (\d+) \((\d+) forced\), drop requests (\d+)", err)
    check("--gil-stats: two CPU threads for 0.5 s make >= 50 forced switches",
          m is not None and int(m.group(2)) >= 50, err)
    check("--gil-stats: the main thread was blocked in Thread.join", "MainThread blocked in: Thread.join" in err, err)
    p = run(["--gil-stats"], ONE_THREAD)
    m = re.search(r"switches (\d+) \((\d+) forced\)", p.stderr)
    check("--gil-stats: one thread alone, no switch", m is not None and m.group(1) == "0" and m.group(2) == "0",
          p.stderr)
    p = run([], ONE_THREAD)
    check("no --gil-stats, no table", "GIL statistics" not in p.stderr, p.stderr)


def test_trace(tmp):
    path = os.path.join(tmp, "two.json")
    p = run([f"--gil-trace={path}"], TWO_CPU_THREADS)
    check("--gil-trace: runs and says where the trace is", p.returncode == 0 and path in p.stderr, p.stderr)
    try:
        events = load_trace(path)
    except (OSError, ValueError) as e:
        check("--gil-trace: valid JSON", False, e)
        return
    check("--gil-trace: valid JSON", isinstance(events, list))
    slices = [e for e in events if e.get("ph") == "X"]
    check("--gil-trace: complete events with ts/dur in us per thread and state",
          slices and all(isinstance(e["ts"], (int, float)) and e["dur"] >= 0 and "tid" in e
                         and e["args"]["state"] in ("running", "waiting for the GIL", "blocked (GIL released)",
                                                    "blocked on a lock") for e in slices), slices[:3])
    names = {e["args"]["name"] for e in events if e.get("ph") == "M" and e.get("name") == "thread_name"}
    check("--gil-trace: thread names", {"cpu0", "cpu1"} <= names, names)
    forced = [e for e in events if e.get("ph") == "i" and e["name"] == "forced switch"]
    drops = [e for e in events if e.get("ph") == "i" and e["name"] == "drop request"]
    check("--gil-trace: >= 50 forced switches and drop requests", len(forced) >= 50 and len(drops) >= 50,
          f"{len(forced)} forced switches, {len(drops)} drop requests")
    counters = [e for e in events if e.get("ph") == "C"]
    check("--gil-trace: a counter track of waiting threads",
          counters and all("waiting" in e["args"] for e in counters), counters[:3])
    # Each thread's slices tile its life: no overlaps.
    by_tid = {}
    for e in slices:
        by_tid.setdefault(e["tid"], []).append((e["ts"], e["ts"] + e["dur"]))
    overlap = [tid for tid, xs in by_tid.items()
               if any(b[0] < a[1] - 0.01 for a, b in zip(sorted(xs), sorted(xs)[1:]))]
    check("--gil-trace: a thread's slices do not overlap", not overlap, overlap)

    one = os.path.join(tmp, "one.json")
    p = run([f"--gil-trace={one}"], ONE_THREAD)
    events = load_trace(one)
    check("--gil-trace: one thread alone, no forced switch",
          not [e for e in events if e.get("ph") == "i" and e["name"] == "forced switch"], events[:5])

    # A program killed midway (SIGKILL: no report runs) still leaves a
    # loadable trace: a JSON array missing only its closing bracket, which
    # Perfetto and chrome://tracing accept.
    dead = os.path.join(tmp, "dead.json")
    proc = subprocess.Popen([GILVM, f"--gil-trace={dead}", "-c", TWO_CPU_THREADS],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.4)
    proc.kill()
    proc.wait()
    text = open(dead).read().rstrip()
    try:
        events = json.loads(text + "]")
        ok = len(events) > 10 and not text.endswith("]")
    except ValueError as e:
        ok, events = False, e
    check("--gil-trace: a program killed midway leaves a loadable trace", ok, str(events)[:300])

    p = run(["--gil-trace=/nonexistent/dir/x.json"], ONE_THREAD)
    check("--gil-trace: an unwritable path is a clear error, status 2",
          p.returncode == 2 and "cannot write the GIL trace to '/nonexistent/dir/x.json'" in p.stderr, p.stderr)


def test_timeline(tmp):
    path = os.path.join(tmp, "t.html")
    p = run([f"--gil-timeline={path}"], SLEEPERS)
    check("--gil-timeline: runs and says where the page is", p.returncode == 0 and path in p.stderr, p.stderr)
    html = open(path).read()
    m = re.search(r'window\.GILVM_TRACE = (\{"version".*?\});\n', html, re.S)
    check("--gil-timeline: the page holds its data", m is not None, html[:500])
    if m is None:
        return
    data = json.loads(m.group(1))
    check("--gil-timeline: five threads, four states",
          len(data["threads"]) == 5 and data["states"] == ["running", "waiting", "io", "lock"], data["threads"])
    sleep_ix = data["strings"].index("time.sleep") if "time.sleep" in data["strings"] else -1
    io_slices = [s for s in data["slices"] if s[3] == 2 and s[4] == sleep_ix]
    check("--gil-timeline: four threads blocked in time.sleep ~0.2 s",
          len({s[0] for s in io_slices}) == 4 and all(150000 < s[2] < 400000 for s in io_slices), io_slices)
    check("--gil-timeline: no network, no external script",
          not re.search(r"""(src|href)\s*=\s*["']?https?:""", html), "found an external reference")
    check("--gil-timeline: the statistics table's rows", len(data["stats"]["rows"]) == 5, data["stats"])


def test_gil_module():
    src = TWO_CPU_THREADS.replace('print("done")', """
import gil
s = gil.stats()
assert s["switches"] >= 50 and s["forced_switches"] >= 50, s
for t in s["threads"]:
    life = t["running"] + t["waiting"] + t["blocked"]
    if t["name"].startswith("cpu"):
        assert abs(life - 0.5) < 0.5 * 0.1, (t["name"], life)   # lives ~0.5 s
assert gil.holder() == "MainThread"
assert gil.waiting() == []
gil.start_trace()
spin(0.1)
r = gil.stop_trace()
assert r["switches"] == 0 and r["slices"] >= 1, r
print("gil module ok")
""")
    p = run([], src)
    check("gil module: stats, holder, waiting, start/stop_trace", p.stdout == "done\n" or "gil module ok" in p.stdout,
          p.stdout + p.stderr)
    check("gil module: all asserts passed", p.returncode == 0 and "gil module ok" in p.stdout, p.stdout + p.stderr)
    # The figures add up: running + waiting + blocked = each thread's life,
    # and the main thread's life = the wall time, within a few %.
    src = SLEEPERS + """
import gil, time
s = gil.stats()
main = s["threads"][0]
life = main["running"] + main["waiting"] + main["blocked"]
assert abs(life - s["wall"]) <= 0.03 * s["wall"] + 0.001, (life, s["wall"])
for t in s["threads"][1:]:
    assert 0.19 < t["blocked"] < 0.4 and t["blocked_in"].get("time.sleep", 0) > 0.19, t
print("adds up")
"""
    p = run([], src)
    check("gil module: running + waiting + blocked add up", p.returncode == 0 and "adds up" in p.stdout,
          p.stdout + p.stderr)


def test_gil_off():
    p = run(["--gil=off"], ONE_THREAD)
    check("--gil=off runs a one-thread program", p.returncode == 0 and p.stdout.strip() == "44999850000", p.stderr)
    p = run(["--gil=off"], "import threading\nthreading.Thread(target=print).start()\n")
    check("--gil=off: starting a thread is a clear RuntimeError",
          p.returncode == 1 and "RuntimeError: can't start a thread with --gil=off" in p.stderr, p.stderr)


ASYNC_SLEEPERS = """
import asyncio, gil
async def main():
    await asyncio.gather(*[asyncio.sleep(0.3) for _ in range(100)])
asyncio.run(main())
t = gil.stats()["threads"][0]
assert t["blocked_in"].get("event loop", 0) > 0.25, t
assert t["running"] < t["blocked"], t
print("async ok")
"""


def test_event_loop(tmp):
    # An asyncio program's thread waits in the event loop (epoll) with the
    # GIL released, labelled so: 100 tasks sleeping 0.3 s are one thread
    # blocked "in the event loop" for about 0.3 s, not running.
    p = run(["--gil-stats"], ASYNC_SLEEPERS)
    check("asyncio: the loop's wait is counted as blocked in the event loop",
          p.returncode == 0 and "async ok" in p.stdout, p.stdout + p.stderr)
    check("--gil-stats names the event loop", "MainThread blocked in: event loop" in p.stderr, p.stderr)
    path = os.path.join(tmp, "async.json")
    p = run(["--gil-trace", path], ASYNC_SLEEPERS)
    waits = [e for e in load_trace(path)
             if e.get("name") == "blocked (GIL released)" and e.get("args", {}).get("what") == "event loop"]
    check("--gil-trace: the loop's waits are slices blocked in the event loop, ~0.3 s in all",
          p.returncode == 0 and waits and sum(e["dur"] for e in waits) > 0.25e6, p.stderr)


CHILDREN = """
import multiprocessing as mp, os, time
def work():
    time.sleep(0.2)
    n = 0
    for i in range(100000):
        n = n + i
ps = [mp.Process(target=work) for _ in range(2)]
for p in ps:
    p.start()
for p in ps:
    p.join()
pid = os.fork()
if pid == 0:
    os._exit(0)
os.waitpid(pid, 0)
print([p.exitcode for p in ps])
"""


def test_processes(tmp):
    # The parent's statistics and trace show it waiting for its children;
    # a forked child prints no table and writes nothing to the trace.
    path = os.path.join(tmp, "children.json")
    p = run(["--gil-stats", f"--gil-trace={path}"], CHILDREN)
    check("processes: children ran", p.returncode == 0 and p.stdout == "[0, 0]\n", p.stdout + p.stderr)
    check("processes: one statistics table (none from the children)", p.stderr.count("GIL statistics") == 1,
          p.stderr)
    m = re.search(r"MainThread blocked in: (.*)", p.stderr)
    waited = re.search(r"child process ([\d.]+) (ms|s)", m.group(1)) if m else None
    secs = float(waited.group(1)) / (1000 if waited and waited.group(2) == "ms" else 1) if waited else 0
    check("processes: the main thread was blocked in 'child process' >= 0.15 s", secs >= 0.15, p.stderr)
    try:
        events = load_trace(path)
        events = events["traceEvents"] if isinstance(events, dict) else events
        tids = {e.get("tid") for e in events if e.get("ph") == "X"}
        blocked = [e for e in events if e.get("ph") == "X" and "child process" in json.dumps(e.get("args", {}))]
        check("processes: the trace is valid JSON with only the parent's thread", tids == {1}, str(tids))
        check("processes: the trace shows the wait for the children", len(blocked) >= 1, str(events[:5]))
    except (OSError, ValueError, KeyError) as e:
        check("processes: the trace is valid JSON", False, repr(e))


def main():
    tmp = tempfile.mkdtemp(prefix="gilvm-gil-")
    test_processes(tmp)
    test_stats_table()
    test_trace(tmp)
    test_timeline(tmp)
    test_gil_module()
    test_gil_off()
    test_event_loop(tmp)
    return checks.summary()


if __name__ == "__main__":
    sys.exit(main())
