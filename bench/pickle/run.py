#!/usr/bin/env python3
"""pickle throughput of gilvm beside CPython's C _pickle: runs
bench/pickle_lists.py --mbps under both, alternately (the one that goes first
alternates too, as bench/run.py does: the shared machine's speed drifts),
and prints the median MB/s of each and the ratio gilvm/CPython (above 1:
gilvm is faster).

    python3 bench/pickle/run.py [--runs 7] [--gilvm build/gilvm]
"""

import argparse
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
SCRIPT = os.path.join(BENCH, "pickle_lists.py")


def run(cmd):
    out = subprocess.run(cmd + [SCRIPT, "--mbps"], capture_output=True, text=True, check=True).stdout
    figures = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 7 and parts[1] == "dumps_mbps":
            figures[(parts[0], "dumps")] = float(parts[2])
            figures[(parts[0], "loads")] = float(parts[4])
    return figures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--gilvm", default=os.path.join(os.path.dirname(BENCH), "build", "gilvm"))
    ap.add_argument("--python", default=sys.executable)
    args = ap.parse_args()
    sides = {"gilvm": [args.gilvm], "cpython": [args.python, "-S"]}
    results = {"gilvm": [], "cpython": []}
    for i in range(args.runs):
        order = ["gilvm", "cpython"] if i % 2 == 0 else ["cpython", "gilvm"]
        for side in order:
            results[side].append(run(sides[side]))
        print(f"run {i + 1}/{args.runs}", file=sys.stderr, flush=True)
    print("| case | gilvm MB/s | CPython MB/s | gilvm/CPython (median of per-run ratios) |")
    print("|---|---|---|---|")
    for key in results["gilvm"][0]:
        g = [r[key] for r in results["gilvm"]]
        c = [r[key] for r in results["cpython"]]
        ratios = [a / b for a, b in zip(g, c)]
        print(f"| {key[0]} {key[1]} | {statistics.median(g):.0f} | {statistics.median(c):.0f} | "
              f"{statistics.median(ratios):.2f} |")


main()
