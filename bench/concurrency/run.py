#!/usr/bin/env python3
"""The concurrency benchmarks, modelled on CPython's old Tools/ccbench: gilvm
beside CPython on the same programs (the .py files in this folder), with
Markdown tables on standard output and progress on standard error.

    python3 bench/concurrency/run.py                 # everything, 3 runs each
    python3 bench/concurrency/run.py --filter latency --runs 5

What is measured:

* throughput  N = 1..4 threads repeat the same pure-Python chunk for 1 s;
              chunks per second as a % of one thread. 100% means the threads
              share the lock without loss; ccbench printed the same figure.
              Also shown for gilvm --gil=legacy (CPython 2's GIL).
* latency     a thread answers pings on a TCP socket while N = 0..4 CPU-bound
              threads run. The pings come from this driver, a separate process,
              one every 10 ms; the reply time (mean, p50, p99) is how long the
              woken thread waits for the GIL.
* io rate     one thread does send/recv round trips with an echo server in this
              driver for 1 s while N = 0..4 CPU-bound threads run: round trips
              per second, as a % of N = 0 (the convoy effect).
* sleepers    100 and 1000 threads each sleep 0.2 s: wall time.
* start       starting and joining a thread that does nothing: ms per thread.
* processes   the same CPU-bound work in 1 and in 2 processes (fork), and the
              speedup (on 2 cores, near 2x: each process has its own GIL);
              starting and joining a process that does nothing, with fork
              and with spawn, beside starting a thread: ms each.
* overhead    single-threaded benchmarks (bench/*.py) under gilvm as it is and
              under gilvm --gil=off (no GIL, no accounting): what the GIL
              machinery costs one thread, and --gil-trace beside it. Wall
              times, the best of the interleaved runs.

Each figure is the median over --runs runs, and gilvm and CPython run
alternately, run by run (the first to go alternates too), because these
machines drift in speed. CPython is the real binary (sys.executable), not the
PATH shim, run with -S. Standard library only.
"""

import argparse
import datetime
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))  # before HERE: `run` is bench/run.py, not this file
from run import core_count, cpu_model, log, real_python  # noqa: E402  (bench/run.py)

PINGS = 50
PING_GAP = 0.010


class BenchError(Exception):
    pass


def result_of(cmd, timeout=120):
    """Runs a program that ends by printing `result X`; returns X."""
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=HERE)
    if proc.returncode != 0:
        raise BenchError(f"exit {proc.returncode}: {' '.join(cmd)}\n{proc.stderr[-800:]}")
    for line in proc.stdout.splitlines():
        if line.startswith("result "):
            return float(line.split()[1])
    raise BenchError(f"no result line from {' '.join(cmd)}: {proc.stdout[-300:]!r}")


def ping_latencies(cmd):
    """Starts latency.py, pings its responder PINGS times; returns the replies' ms."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=HERE)
    try:
        line = proc.stdout.readline()
        if not line.startswith("port "):
            raise BenchError(f"no port from {' '.join(cmd)}: {line!r} {proc.stderr.read()[-800:]}")
        sock = socket.create_connection(("127.0.0.1", int(line.split()[1])))
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        time.sleep(0.2)  # let the CPU-bound threads get going
        times = []
        for _ in range(PINGS):
            start = time.perf_counter()
            sock.sendall(b"ping")
            got = b""
            while len(got) < 4:
                part = sock.recv(64)
                if not part:
                    raise BenchError("the responder closed the connection")
                got += part
            times.append((time.perf_counter() - start) * 1000)
            time.sleep(PING_GAP)
        sock.close()
        if proc.wait(timeout=60) != 0:
            raise BenchError(f"exit {proc.returncode}: {' '.join(cmd)}\n{proc.stderr.read()[-800:]}")
        return times
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


class EchoServer:
    """A TCP echo server on loopback, in a thread of this driver."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        while True:
            conn, _ = self.sock.accept()
            threading.Thread(target=self.echo, args=(conn,), daemon=True).start()

    @staticmethod
    def echo(conn):
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        while True:
            data = conn.recv(4096)
            if not data:
                break
            conn.sendall(data)
        conn.close()


def both(runs, gilvm_cmd, python_cmd, measure):
    """Runs measure(cmd) alternately for gilvm and CPython; returns two lists."""
    g, p = [], []
    for i in range(runs):
        order = [(g, gilvm_cmd), (p, python_cmd)]
        if i % 2:
            order.reverse()
        for out, cmd in order:
            out.append(measure(cmd))
    return g, p


def pct(x, base):
    share = 100 * x / base
    return f"{share:.0f}%" if share >= 10 else f"{share:.2g}%"


def main():
    ap = argparse.ArgumentParser(description="Concurrency benchmarks: gilvm beside CPython.")
    ap.add_argument("--gilvm", default=os.path.join(ROOT, "build", "gilvm"))
    ap.add_argument("--python", default=None, help="CPython to compare with (default: this one)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--filter", default="", help="only the parts whose name contains this")
    args = ap.parse_args()
    gilvm = os.path.abspath(args.gilvm)
    python = real_python(args.python)
    G = lambda prog, *a, extra=(): [gilvm, *extra, prog, *map(str, a)]  # noqa: E731
    P = lambda prog, *a: [python, "-S", prog, *map(str, a)]  # noqa: E731
    want = lambda part: args.filter in part  # noqa: E731
    failures = []
    out = []

    def section(title, header, rows):
        out.append(f"\n**{title}**\n")
        out.append("| " + " | ".join(header) + " |")
        out.append("|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|")
        out.extend("| " + " | ".join(r) + " |" for r in rows)

    def guarded(name, fn):
        try:
            fn()
        except (BenchError, subprocess.TimeoutExpired, OSError) as e:
            log(f"!!! {name}: FAILED: {e}")
            failures.append(name)

    def throughput():
        log("throughput ...")
        res = {}
        for n in (1, 2, 3, 4):
            g, p = both(args.runs, G("throughput.py", n), P("throughput.py", n), result_of)
            legacy = [result_of(G("throughput.py", n, extra=("--gil=legacy",))) for _ in range(args.runs)]
            res[n] = (statistics.median(g), statistics.median(p), statistics.median(legacy))
            log(f"    {n} threads: gilvm {res[n][0]:.0f}/s  CPython {res[n][1]:.0f}/s  legacy {res[n][2]:.0f}/s")
        rows = [[str(n), pct(res[n][0], res[1][0]), pct(res[n][1], res[1][1]), pct(res[n][2], res[1][2])]
                for n in res]
        section("CPU throughput, % of one thread (ccbench)",
                ["threads", "gilvm", "CPython", "gilvm --gil=legacy"], rows)

    def latency():
        log("latency ...")
        rows = []
        for n in (0, 1, 2, 3, 4):
            g, p = both(args.runs, G("latency.py", n), P("latency.py", n), ping_latencies)
            g = [x for run in g for x in run]
            p = [x for run in p for x in run]

            def stats(xs):
                xs = sorted(xs)
                return (f"{statistics.mean(xs):.2f} / {xs[len(xs) // 2]:.2f} / "
                        f"{xs[min(len(xs) - 1, int(len(xs) * 0.99))]:.2f}")
            rows.append([str(n), stats(g), stats(p)])
            log(f"    {n} CPU threads: gilvm {rows[-1][1]}  CPython {rows[-1][2]}")
        section(f"Reply latency of a socket thread, ms (mean / p50 / p99 of {PINGS * args.runs} pings)",
                ["CPU threads", "gilvm", "CPython"], rows)

    def iorate():
        log("io rate ...")
        echo = EchoServer()
        res = {}
        for n in (0, 1, 2, 3, 4):
            g, p = both(args.runs, G("iorate.py", n, echo.port), P("iorate.py", n, echo.port), result_of)
            res[n] = (statistics.median(g), statistics.median(p))
            log(f"    {n} CPU threads: gilvm {res[n][0]:.0f}/s  CPython {res[n][1]:.0f}/s")
        rows = [[str(n), f"{res[n][0]:.0f} ({pct(res[n][0], res[0][0])})",
                 f"{res[n][1]:.0f} ({pct(res[n][1], res[0][1])})"] for n in res]
        section("Socket round trips per second of one thread (% of idle)",
                ["CPU threads", "gilvm", "CPython"], rows)

    def threads():
        log("sleepers and thread start ...")
        rows = []
        for n in (100, 1000):
            g, p = both(args.runs, G("sleepers.py", n), P("sleepers.py", n), result_of)
            rows.append([f"{n} threads × sleep(0.2), s", f"{statistics.median(g):.3f}",
                         f"{statistics.median(p):.3f}"])
        g, p = both(args.runs, G("thread_start.py", 2000), P("thread_start.py", 2000), result_of)
        rows.append(["start + join one thread, ms", f"{statistics.median(g):.3f}", f"{statistics.median(p):.3f}"])
        for r in rows:
            log(f"    {r[0]}: gilvm {r[1]}  CPython {r[2]}")
        section("Threads", ["", "gilvm", "CPython"], rows)

    def processes():
        log("processes ...")
        rows = []
        t = {n: both(args.runs, G("process_speedup.py", n), P("process_speedup.py", n), result_of)
             for n in (1, 2)}
        g1, p1 = (statistics.median(x) for x in t[1])
        g2, p2 = (statistics.median(x) for x in t[2])
        rows.append(["CPU work in 1 process, s", f"{g1:.3f}", f"{p1:.3f}"])
        rows.append(["the same split over 2 processes, s", f"{g2:.3f}", f"{p2:.3f}"])
        rows.append(["speedup of 2 processes over 1", f"{g1 / g2:.2f}x", f"{p1 / p2:.2f}x"])
        g, p = both(args.runs, G("thread_start.py", 500), P("thread_start.py", 500), result_of)
        rows.append(["start + join a thread, ms", f"{statistics.median(g):.3f}", f"{statistics.median(p):.3f}"])
        for method, n in (("fork", 100), ("spawn", 20)):
            g, p = both(args.runs, G("process_start.py", method, n), P("process_start.py", method, n), result_of)
            rows.append([f"start + join a process ({method}), ms", f"{statistics.median(g):.3f}",
                         f"{statistics.median(p):.3f}"])
        for r in rows:
            log(f"    {r[0]}: gilvm {r[1]}  CPython {r[2]}")
        section(f"Processes ({core_count()} cores): CPU work split over processes, and what starting one costs",
                ["", "gilvm", "CPython"], rows)

    def overhead():
        log("GIL overhead on one thread ...")
        rows = []
        for bench in ("fib", "loop", "calls", "dicts"):
            path = os.path.join(os.path.dirname(HERE), bench + ".py")
            with_gil, without, traced = [], [], []
            trace_path = os.path.join(tempfile.gettempdir(), f"gilvm-bench-{os.getpid()}.json")
            for i in range(max(args.runs, 5)):
                order = [(with_gil, [gilvm, path]), (without, [gilvm, "--gil=off", path]),
                         (traced, [gilvm, f"--gil-trace={trace_path}", path])]
                if i % 2:
                    order.reverse()
                for out_list, cmd in order:
                    start = time.perf_counter()
                    proc = subprocess.run(cmd, capture_output=True, timeout=300)
                    if proc.returncode != 0:
                        raise BenchError(f"exit {proc.returncode}: {' '.join(cmd)}")
                    out_list.append(time.perf_counter() - start)
            if os.path.exists(trace_path):
                os.remove(trace_path)
            # The best of the runs: a lone thread's run is pure CPU, and the
            # machine's drift only ever makes a run slower.
            a, b, c = min(with_gil), min(without), min(traced)
            rows.append([bench, f"{a:.3f}", f"{b:.3f}", f"{100 * (a / b - 1):+.1f}%", f"{c:.3f}",
                         f"{100 * (c / a - 1):+.1f}%"])
            log(f"    {bench}: with the GIL {a:.3f} s, --gil=off {b:.3f} s, --gil-trace {c:.3f} s")
        section("What the GIL machinery costs one thread (gilvm, s): the GIL with its always-on "
                "accounting against --gil=off, and --gil-trace against the GIL on",
                ["benchmark", "GIL on", "--gil=off", "GIL cost", "--gil-trace", "trace cost"], rows)
        # Trace size per second of a 4-thread CPU-bound run.
        trace_path = os.path.join(tempfile.gettempdir(), f"gilvm-bench-{os.getpid()}-4.json")
        start = time.perf_counter()
        subprocess.run([gilvm, f"--gil-trace={trace_path}", "throughput.py", "4"], cwd=HERE,
                       capture_output=True, timeout=120, check=True)
        secs = time.perf_counter() - start
        size = os.path.getsize(trace_path)
        os.remove(trace_path)
        out.append(f"\nTrace of 4 CPU-bound threads for {secs:.1f} s: {size / 1e6:.2f} MB, "
                   f"{size / secs / 1e3:.0f} kB per second.")
        log(f"    trace size: {size} bytes in {secs:.2f} s")

    for name, fn in (("throughput", throughput), ("latency", latency), ("iorate", iorate),
                     ("threads", threads), ("processes", processes), ("overhead", overhead)):
        if want(name):
            guarded(name, fn)

    print(f"{datetime.date.today().isoformat()} · {platform.machine()} · {cpu_model()} · "
          f"{core_count()} cores · CPython {platform.python_version()} -S · "
          f"median of {args.runs} interleaved runs")
    print("\n".join(out))
    if failures:
        log(f"\nconcurrency bench: FAILED: {', '.join(failures)}")
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        log("\nconcurrency bench: interrupted")
        sys.exit(130)
