#!/usr/bin/env python3
"""Runs every samples/*.py under gilvm and under CPython (the oracle).

A sample whose output is deterministic must print exactly what CPython
prints. A sample that prints timings says so with a line
`# output: timings` and must only run to completion (exit 0) under both.
Files whose name starts with "_" are helper modules, not samples.
A line `# gilvm-args: ARGS` gives gilvm options for the run (for example
--gil=legacy); CPython runs the file plain.

usage: check_samples.py GILVM SAMPLES_DIR
"""
import os
import subprocess
import sys


def run(cmd, path):
    return subprocess.run(cmd + [path], capture_output=True, text=True, timeout=300,
                          cwd=os.path.dirname(path))


def main():
    gilvm, samples = sys.argv[1], sys.argv[2]
    passed = failed = 0
    for name in sorted(os.listdir(samples)):
        if not name.endswith(".py") or name.startswith("_"):
            continue  # _name.py: a helper module the samples import
        path = os.path.abspath(os.path.join(samples, name))
        with open(path, encoding="utf-8") as f:
            text = f.read()
        timings = "# output: timings" in text
        gilvm_args = []
        for line in text.splitlines():
            if line.startswith("# gilvm-args:"):
                gilvm_args = line.split(":", 1)[1].split()
        g = run([os.path.abspath(gilvm)] + gilvm_args, path)
        p = run([sys.executable], path)
        problems = []
        if g.returncode != 0:
            problems.append(f"gilvm exit {g.returncode}: {g.stderr[-500:]}")
        if p.returncode != 0:
            problems.append(f"python exit {p.returncode}: {p.stderr[-500:]}")
        if not timings and g.stdout != p.stdout:
            problems.append("stdout differs from CPython's")
        if problems:
            failed += 1
            print(f"FAIL {name}: " + "; ".join(problems))
        else:
            passed += 1
            print(f"ok   {name}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
