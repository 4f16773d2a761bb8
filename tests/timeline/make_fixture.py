#!/usr/bin/env python3
"""Fixtures for the GIL timeline page (interpreter/trace/timeline.html).

    python3 tests/timeline/make_fixture.py [--out DIR] [--template FILE] [NAME...]

writes DIR/NAME.html (and DIR/NAME.json, the bare data) for each NAME of
cpu_bound, io_bound and huge (all three when none is named; DIR defaults to
build/timeline-fixtures). The HTML is the template with its placeholder line
replaced by `window.GILVM_TRACE = {...};`, as gilvm does it.

The data come from a small simulation of gilvm's GIL rather than from
gilvm, so that the page can be built and tested before (and independently
of) the C++ side: threads run programs of CPU work and blocking calls; the
holder keeps the GIL until it blocks or until a waiter, after waiting one
switch interval with no hand-off, asks it to drop it (a drop request), which
it does a few microseconds later (a forced switch); a released GIL goes to
the longest waiter after a wake-up delay. The fixtures:

  cpu_bound  samples/01_cpu_bound_threads.py: two CPU-bound threads taking
             turns at a 5 ms interval for about 0.5 s, MainThread in join;
  io_bound   samples/02_io_bound_threads.py: 8 threads sleeping 0.3 s each;
  huge       a long mixed run (CPU-bound, IO-bound and lock-bound threads)
             with 190k slices (short ones merged), just under 5 MB.

Python 3 standard library only; deterministic (fixed seeds).
"""

import argparse
import heapq
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TEMPLATE = os.path.join(ROOT, "interpreter", "trace", "timeline.html")
PLACEHOLDER = "/*GILVM_TRACE_DATA*/"
STATES = ["running", "waiting", "io", "lock"]
NAMES = ("cpu_bound", "io_bound", "huge")


class Sim:
    """A discrete-event simulation of the GIL, recording what gilvm's trace records."""

    def __init__(self, names, interval_us, seed):
        self.rng = random.Random(seed)
        self.names = list(names)
        n = len(names)
        self.interval = interval_us
        self.now = 0
        self.heap = []
        self.seq = 0
        self.holder = None
        self.last_holder = None
        self.waiters = []
        self.handoff = False           # released, a waiter is waking up to take it
        self.handoff_to = None
        self.drop_pending = False
        self.drop_requester = None
        self.yield_due = None
        self.raw = []                  # (thread, start, dur, state, what, where)
        self.drops = []
        self.switches = []
        self.progs = [None] * n
        self.cur = [None] * n          # open slice: [state, start, what, where]
        self.cpu_left = [0] * n
        self.cpu_where = [""] * n
        self.run_start = [0] * n
        self.token = [0] * n
        self.wait_id = [0] * n
        self.wait_start = [0] * n
        self.finished = [False] * n
        self.joiners = [[] for _ in range(n)]
        self.acquired = [0] * n
        self.forced_drops = [0] * n
        self.longest_wait = [0] * n

    # -- bookkeeping --------------------------------------------------------
    def push(self, t, kind, k, *data):
        self.seq += 1
        heapq.heappush(self.heap, (t, self.seq, kind, k, data))

    def set_state(self, k, state, what="", where=""):
        c = self.cur[k]
        if c is not None and self.now > c[1]:
            self.raw.append((k, c[1], self.now - c[1], c[0], c[2], c[3]))
        self.cur[k] = [state, self.now, what, where] if state else None

    def start(self, k, prog, at):
        self.progs[k] = prog(self, k)
        self.push(at, "ready", k)

    # -- the GIL ------------------------------------------------------------
    def request(self, k):
        if self.holder is None and not self.handoff and not self.waiters:
            self.acquire(k, False)
            return
        held_by = (self.holder if self.holder is not None
                   else self.handoff_to if self.handoff else self.last_holder)
        self.set_state(k, "waiting", "GIL held by " + self.names[held_by], self.cpu_where[k])
        self.waiters.append(k)
        self.wait_start[k] = self.now
        self.wait_id[k] += 1
        # as CPython's take_gil: a waiter asks for a drop only if no hand-off
        # happened during its interval (one already under way counts as done)
        self.push(self.now + self.interval, "dropcheck", k, self.wait_id[k],
                  len(self.switches) + (1 if self.handoff else 0))

    def acquire(self, k, forced):
        if self.last_holder is not None and self.last_holder != k:
            self.switches.append((self.now, self.last_holder, k, 1 if forced else 0))
        if self.cur[k] is not None and self.cur[k][0] == "waiting":
            self.longest_wait[k] = max(self.longest_wait[k], self.now - self.wait_start[k])
        self.holder = k
        self.acquired[k] += 1
        self.set_state(k, "running", "", self.cpu_where[k])
        self.run_next(k)

    def release(self, k, forced):
        self.token[k] += 1
        self.holder = None
        self.last_holder = k
        if forced:
            self.forced_drops[k] += 1
        requester = self.drop_requester if self.drop_pending else None
        self.drop_pending = False
        self.drop_requester = None
        self.yield_due = None
        if self.waiters:
            nxt = requester if requester in self.waiters else self.waiters[0]
            self.waiters.remove(nxt)
            self.handoff = True
            self.handoff_to = nxt
            self.push(self.now + self.rng.randint(8, 45), "handoff", nxt, forced)

    def run_next(self, k):
        while True:
            if self.cpu_left[k] > 0:
                end = self.now + self.cpu_left[k]
                self.run_start[k] = self.now
                if self.drop_pending and self.yield_due is not None and self.yield_due < end:
                    self.push(max(self.now, self.yield_due), "yield", k, self.token[k])
                else:
                    self.push(end, "cpudone", k, self.token[k])
                return
            try:
                act = next(self.progs[k])
            except StopIteration:
                self.release(k, False)
                self.set_state(k, None)
                self.finished[k] = True
                for j in self.joiners[k]:
                    self.push(self.now + self.rng.randint(5, 30), "ready", j)
                return
            kind = act[0]
            if kind == "cpu":
                self.cpu_left[k] = max(1, int(act[1]))
                self.cpu_where[k] = act[2]
                if self.cur[k] is not None:
                    self.cur[k][3] = act[2]    # a running slice names the line it ran last
            elif kind == "start":
                self.start(act[1], act[2], self.now + self.rng.randint(20, 60))
            elif kind == "block":         # ("block", state, what, where, dur)
                self.release(k, False)
                self.set_state(k, act[1], act[2], act[3])
                self.push(self.now + max(1, int(act[4])), "ready", k)
                return
            elif kind == "join":          # ("join", thread, where)
                if self.finished[act[1]]:
                    continue
                self.release(k, False)
                self.set_state(k, "lock", "Thread.join", act[2])
                self.joiners[act[1]].append(k)
                return

    def run(self):
        while self.heap:
            t, _, kind, k, data = heapq.heappop(self.heap)
            self.now = t
            if kind == "ready":
                self.request(k)
            elif kind == "handoff":
                self.handoff = False
                self.acquire(k, data[0])
            elif kind == "cpudone":
                if data[0] == self.token[k]:
                    self.cpu_left[k] = 0
                    self.run_next(k)
            elif kind == "yield":
                if data[0] == self.token[k]:
                    self.cpu_left[k] -= self.now - self.run_start[k]
                    self.release(k, True)
                    self.request(k)
            elif kind == "dropcheck":
                wid, nswitch = data
                if self.cur[k] is None or self.cur[k][0] != "waiting" or wid != self.wait_id[k]:
                    continue
                if self.holder is not None and not self.drop_pending and len(self.switches) == nswitch:
                    self.drop_pending = True
                    self.drop_requester = k
                    self.drops.append((self.now, k, self.holder))
                    self.yield_due = self.now + self.rng.randint(4, 70)
                    h = self.holder
                    if self.run_start[h] + self.cpu_left[h] > self.yield_due:
                        self.token[h] += 1
                        self.push(self.yield_due, "yield", h, self.token[h])
                else:
                    self.push(self.now + self.interval, "dropcheck", k, wid, len(self.switches))
        return self.now


def fmt_dur(us):
    if us < 1000:
        return f"{us:.0f} \u00b5s"
    if us < 1e6:
        return f"{us / 1000:.1f} ms"
    return f"{us / 1e6:.2f} s"


def merge_short(raw, below_us):
    """Merges runs of consecutive slices of a thread, each shorter than below_us,
    into one slice (the state that took most of the time; n = how many)."""
    out = []
    group = []

    def flush():
        if not group:
            return
        if len(group) == 1:
            out.append(list(group[0]))
        else:
            per = {}
            for g in group:
                per[g[3]] = per.get(g[3], 0) + g[2]
            state = max(per, key=per.get)
            longest = max(group, key=lambda g: g[2])
            start = group[0][1]
            end = group[-1][1] + group[-1][2]
            out.append([group[0][0], start, end - start, state, longest[4], longest[5], len(group)])
        group.clear()

    for s in raw:
        if group and (s[0] != group[-1][0] or s[2] >= below_us):
            flush()
        if s[2] < below_us:
            group.append(s)
        else:
            out.append(list(s))
    flush()
    return out


def to_data(sim, title, wall, mode="interval", merge_below_us=0):
    raw = sorted(sim.raw, key=lambda s: (s[0], s[1]))
    slices = merge_short(raw, merge_below_us) if merge_below_us else [list(s) for s in raw]
    strings = [""]
    index = {"": 0}

    def intern(s):
        if s not in index:
            index[s] = len(strings)
            strings.append(s)
        return index[s]

    out = []
    for s in slices:
        row = [s[0], int(s[1]), int(s[2]), STATES.index(s[3]), intern(s[4]), intern(s[5])]
        if len(s) > 6:
            row.append(s[6])
        out.append(row)
    out.sort(key=lambda r: r[1])   # the format asks per-thread order; global order is a bonus

    n = len(sim.names)
    per = [[0] * len(STATES) for _ in range(n)]
    for s in raw:
        per[s[0]][STATES.index(s[3])] += s[2]
    rows = []
    for k in range(n):
        life = sum(per[k]) or 1
        run, wait, io, lock = per[k]
        rows.append([sim.names[k],
                     f"{fmt_dur(run)} ({100 * run / life:.0f}%)",
                     f"{fmt_dur(wait)} ({100 * wait / life:.0f}%)",
                     f"{fmt_dur(io + lock)} ({100 * (io + lock) / life:.0f}%)",
                     str(sim.acquired[k]), str(sim.forced_drops[k]),
                     fmt_dur(sim.longest_wait[k])])
    busy = sum(p[0] for p in per) / wall
    waited = sum(p[1] for p in per) / max(1, sum(sum(p) for p in per))
    verdict = (f"GIL busy {100 * busy:.0f}%: threads waited {100 * waited:.0f}% "
               f"of their time for the lock")
    return {
        "version": 1,
        "title": title,
        "mode": mode,
        "switch_interval_us": sim.interval,
        "wall_us": int(wall),
        "threads": [{"name": nm, "ident": 140234000 + 17 * k} for k, nm in enumerate(sim.names)],
        "states": STATES,
        "strings": strings,
        "slices": out,
        "drops": [list(d) for d in sim.drops],
        "switches": [list(s) for s in sim.switches],
        "stats": {
            "columns": ["thread", "running", "waiting for the GIL", "blocked",
                        "took the GIL", "forced drops", "longest wait"],
            "rows": rows,
            "verdict": verdict,
        },
    }


# -- the three fixtures -------------------------------------------------------

def cpu_bound():
    """Two threads, each 2 chunks of pure-Python work (~245 ms), at a 5 ms interval."""
    src = "samples/01_cpu_bound_threads.py"
    sim = Sim(["MainThread", "Thread-1 (worker)", "Thread-2 (worker)"], 5000, seed=1)

    def worker(sim, k):
        for _ in range(2):
            yield ("cpu", 122_000 + sim.rng.randint(-800, 800), f"{src}:35")
        yield ("cpu", 25, f"{src}:51")

    def main(sim, k):
        yield ("cpu", 1400, f"{src}:53")
        yield ("start", 1, worker)
        yield ("cpu", 90, f"{src}:55")
        yield ("start", 2, worker)
        yield ("cpu", 70, f"{src}:55")
        yield ("join", 1, f"{src}:57")
        yield ("join", 2, f"{src}:57")
        yield ("cpu", 350, f"{src}:58")

    sim.start(0, main, 0)
    wall = sim.run()
    return to_data(sim, src, wall)


def io_bound():
    """8 threads that each sleep 0.3 s: the sleeps overlap."""
    src = "samples/02_io_bound_threads.py"
    names = ["MainThread"] + [f"Thread-{i} (task)" for i in range(1, 9)]
    sim = Sim(names, 5000, seed=2)

    def task(sim, k):
        yield ("cpu", 40 + sim.rng.randint(0, 30), "threading.py:1010")
        yield ("block", "io", "time.sleep", f"{src}:19", 300_000 + sim.rng.randint(30, 400))
        yield ("cpu", 12 + sim.rng.randint(0, 10), f"{src}:20")

    def main(sim, k):
        yield ("cpu", 900, f"{src}:33")
        for j in range(1, 9):
            yield ("cpu", 55, f"{src}:35")
            yield ("start", j, task)
            yield ("block", "lock", "Event.wait", "threading.py:973", 70)
        for j in range(1, 9):
            yield ("join", j, f"{src}:37")
            yield ("cpu", 6, f"{src}:36")
        yield ("cpu", 400, f"{src}:50")

    sim.start(0, main, 0)
    wall = sim.run()
    return to_data(sim, src, wall)


def huge(target_slices=190_000):
    """A long mixed run: 2 CPU-bound, 10 IO-bound (sockets, files), 3 lock-bound
    threads and MainThread in join, until ~target_slices slices after merging."""
    src = "bench/mixed_server.py"
    names = (["MainThread"] + [f"cruncher-{i}" for i in range(1, 3)]
             + [f"client-{i}" for i in range(1, 11)] + [f"locker-{i}" for i in range(1, 4)])
    sim = Sim(names, 5000, seed=3)
    deadline = [40_000_000]

    def cruncher(sim, k):
        while sim.now < deadline[0]:
            yield ("cpu", sim.rng.randint(300, 6_000), f"{src}:{40 + k}")
            yield ("block", "lock", "Queue.get", f"{src}:31", sim.rng.randint(100, 6000))

    def client(sim, k):
        r = sim.rng
        while sim.now < deadline[0]:
            yield ("cpu", r.randint(30, 250), f"{src}:{60 + r.randint(0, 9)}")
            what = r.choice(["socket.recv", "socket.send", "file.read", "time.sleep", "file.write"])
            yield ("block", "io", what, f"{src}:{70 + r.randint(0, 5)}", r.randint(100, 2500))

    def locker(sim, k):
        r = sim.rng
        while sim.now < deadline[0]:
            yield ("cpu", r.randint(50, 900), f"{src}:88")
            yield ("block", "lock", "Lock.acquire", f"{src}:90", r.randint(40, 4000))
            yield ("cpu", r.randint(20, 200), f"{src}:91")

    def main(sim, k):
        yield ("cpu", 2500, f"{src}:100")
        for j in range(1, len(names)):
            kind = cruncher if j <= 2 else client if j <= 12 else locker
            yield ("cpu", 60, f"{src}:103")
            yield ("start", j, kind)
        for j in range(1, len(names)):
            yield ("join", j, f"{src}:106")
        yield ("cpu", 900, f"{src}:108")

    sim.start(0, main, 0)
    wall = sim.run()
    data = to_data(sim, src, wall, merge_below_us=150)
    # Keep the first target_slices slices (a cut in time: they are sorted by
    # start), and of the hand-offs only the forced ones: the voluntary ones
    # (one per blocking call) would take 1.5 MB more, and the page hides them
    # by default. This is how a writer can keep a long run under ~5 MB.
    if len(data["slices"]) > target_slices:
        end = data["slices"][target_slices][1]
        kept = []
        for s in data["slices"][:target_slices]:
            if s[1] + s[2] > end:
                s = list(s)
                s[2] = end - s[1]
            if s[2] > 0:
                kept.append(s)
        data["slices"] = kept
        data["wall_us"] = end
        data["drops"] = [d for d in data["drops"] if d[0] <= end]
        data["switches"] = [s for s in data["switches"] if s[0] <= end]
    data["switches"] = [s for s in data["switches"] if s[3]]
    return data


BUILDERS = {"cpu_bound": cpu_bound, "io_bound": io_bound, "huge": huge}


def data_js(data, as_string=False):
    """The line that replaces the placeholder: the data as a JavaScript object
    literal (JSON), or, with as_string, as a string holding the JSON text."""
    js = json.dumps(data, separators=(",", ":"), ensure_ascii=True)
    if as_string:
        js = "'" + js.replace("\\", "\\\\").replace("'", "\\'") + "'"
    return "window.GILVM_TRACE = " + js.replace("</", "<\\/") + ";"


def fill(template, data, as_string=False):
    """The template with its placeholder line replaced, as gilvm does it."""
    lines = template.split("\n")
    hits = [i for i, line in enumerate(lines) if line.strip() == PLACEHOLDER]
    if len(hits) != 1:
        raise ValueError(f"the template has {len(hits)} placeholder lines, expected 1")
    lines[hits[0]] = data_js(data, as_string)
    return "\n".join(lines)


def write(name, out_dir, template_path=TEMPLATE):
    with open(template_path, encoding="utf-8") as f:
        template = f.read()
    data = BUILDERS[name]()
    os.makedirs(out_dir, exist_ok=True)
    html = os.path.join(out_dir, name + ".html")
    with open(html, "w", encoding="utf-8") as f:
        f.write(fill(template, data))
    with open(os.path.join(out_dir, name + ".json"), "w", encoding="utf-8") as f:
        json.dump(data, f, separators=(",", ":"))
    return html, data


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "timeline-fixtures"))
    ap.add_argument("--template", default=TEMPLATE)
    ap.add_argument("names", nargs="*", help="fixtures to write: " + ", ".join(NAMES))
    args = ap.parse_args(argv)
    names = args.names or list(NAMES)
    for n in names:
        if n not in BUILDERS:
            ap.error(f"unknown fixture {n!r}; known: {', '.join(NAMES)}")
        html, data = write(n, args.out, args.template)
        print(f"{html}: {os.path.getsize(html):,} bytes, {len(data['threads'])} threads, "
              f"{len(data['slices']):,} slices, {len(data['drops']):,} drops, "
              f"{len(data['switches']):,} switches, wall {data['wall_us'] / 1e6:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
