#!/usr/bin/env python3
"""gilvm and CPython read each other's pickles.

    python3 tests/pickle/test_interop.py build/gilvm

In a temporary folder, a shared module (values, a user class, an exception
class, a module-level function) is imported by both interpreters. Each one
pickles every value at each protocol; then each reads what the *other*
wrote, and prints a canonical description of what it got. The test checks:

  * gilvm loads CPython's pickles (protocols 0-5) to what CPython loads;
  * CPython loads gilvm's pickles (protocols 0-5) to what CPython loads;
  * for the plain values (no classes), gilvm's bytes equal CPython's.

CPython is the real python3 that runs this script. Standard library only.
Prints one line per failure and `N passed, M failed`; exits 1 on failure.
"""

import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import harness  # noqa: E402

GILVM = harness.interpreter_path()
PYTHON = sys.executable

SHARED = r'''
# Imported by both interpreters: the values to pickle and how to describe
# what came back (reprs of user objects name their class and state).
import builtins
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Stateful:
    def __init__(self):
        self.n = 3

    def __getstate__(self):
        return {"n": self.n, "extra": "from getstate"}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.restored = True


class AppError(ValueError):
    pass


def double(x):
    return 2 * x


def plain_values():
    nested = [1, 2]
    return [None, True, False, 0, 1, 255, 256, 65536, -1, 2**31, -2**31 - 1, 2**63, -2**63, 2**64 + 1,
            -(2**200), 10**50, 1.5, -0.0, 1e308, float("inf"), "", "text", "héllo wörld", "日本語", "x" * 300,
            b"", b"\x00\xff", b"y" * 70000, [], [1, [2, [3]]], (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4),
            {}, {"a": 1, 2: "b", (3, 4): [5]}, set(), {1, 2, 3}, frozenset([4, 5]), [nested, nested, (nested,)],
            list(range(2500)), [str(i) for i in range(3000)], {i: str(i) for i in range(1500)},
            set(range(1000))]


def object_values():
    p = Point(1, "two")
    cyc = Point(None, [])
    cyc.x = cyc
    return [p, [p, p], cyc, Stateful(), AppError("bad", 7), KeyError("k"), double, Point, len, ValueError,
            range(2, 20, 3)]


def describe(v, seen=None):
    """A canonical text for a loaded value: sorted sets and dicts, object
    identity within the value as #n back-references."""
    if seen is None:
        seen = {}
    if isinstance(v, (list, tuple, dict, set, frozenset, Point, Stateful)):
        if id(v) in seen:
            return "#" + str(seen[id(v)])
        seen[id(v)] = len(seen)
    if isinstance(v, list):
        return "[" + ", ".join(describe(x, seen) for x in v) + "]"
    if isinstance(v, tuple):
        return "(" + ", ".join(describe(x, seen) for x in v) + ",)"
    if isinstance(v, dict):
        return "{" + ", ".join(sorted(describe(k, seen) + ": " + describe(x, seen) for k, x in v.items())) + "}"
    if isinstance(v, (set, frozenset)):
        return type(v).__name__ + "{" + ", ".join(sorted(describe(x, seen) for x in v)) + "}"
    if isinstance(v, (Point, Stateful)):
        return type(v).__name__ + describe(v.__dict__, seen)
    if isinstance(v, BaseException):
        return type(v).__name__ + repr(v.args)
    if isinstance(v, range):
        return "range" + repr((v.start, v.stop, v.step))
    if callable(v):
        home = sys.modules[__name__] if getattr(v, "__module__", None) == __name__ else builtins
        return "ref:" + v.__name__ + ":" + str(getattr(home, v.__name__) is v)
    return type(v).__name__ + ":" + repr(v)
'''

WRITER = r'''
import pickle
import sys
import shared

protos = [int(p) for p in sys.argv[2].split(",")]
for kind in ("plain", "object"):
    values = shared.plain_values() if kind == "plain" else shared.object_values()
    for i, v in enumerate(values):
        for p in protos:
            with open(sys.argv[1] + "_" + kind + "_" + str(i) + "_" + str(p) + ".pkl", "wb") as f:
                f.write(pickle.dumps(v, p))
print("written")
'''

READER = r'''
import os
import pickle
import sys
import shared

prefix = sys.argv[1]
for name in sorted(os.listdir(".")):
    if not (name.startswith(prefix + "_") and name.endswith(".pkl")):
        continue
    with open(name, "rb") as f:
        data = f.read()
    try:
        v = pickle.loads(data)
        text = shared.describe(v)
    except Exception as e:
        text = "ERROR " + type(e).__name__ + ": " + str(e)
    print(name[len(prefix) + 1:], text)
'''

checks = harness.Checks()
check = checks.check


def run(interp, script, *args, cwd):
    r = subprocess.run([interp, script, *args], cwd=cwd, capture_output=True, text=True, timeout=120)
    if r.returncode != 0:
        raise SystemExit(f"{interp} {script} failed ({r.returncode}):\n{r.stderr}")
    return r.stdout


def lines_by_file(text):
    out = {}
    for line in text.splitlines():
        name, _, rest = line.partition(" ")
        out[name] = rest
    return out


def main():
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in (("shared.py", SHARED), ("writer.py", WRITER), ("reader.py", READER)):
            with open(os.path.join(tmp, name), "w") as f:
                f.write(text)
        run(PYTHON, "writer.py", "cpy", "0,1,2,3,4,5", cwd=tmp)
        run(GILVM, "writer.py", "gvm", "0,1,2,3,4,5", cwd=tmp)
        # What CPython itself gets from its own pickles is the reference.
        reference = lines_by_file(run(PYTHON, "reader.py", "cpy", cwd=tmp))
        gilvm_reads_cpython = lines_by_file(run(GILVM, "reader.py", "cpy", cwd=tmp))
        cpython_reads_gilvm = lines_by_file(run(PYTHON, "reader.py", "gvm", cwd=tmp))
        check("reference has every file", len(reference) > 150, len(reference))
        for name, want in sorted(reference.items()):
            check(f"gilvm loads CPython's {name}", gilvm_reads_cpython.get(name) == want,
                  f"want {want[:300]}\ngot  {str(gilvm_reads_cpython.get(name))[:300]}")
        check("CPython loads every gilvm pickle", len(cpython_reads_gilvm) == len(reference),
              (len(cpython_reads_gilvm), len(reference)))
        for name, got in sorted(cpython_reads_gilvm.items()):
            stem = name.rsplit("_", 1)[0]
            want = reference.get(stem + "_4.pkl")
            check(f"CPython loads gilvm's {name}", got == want, f"want {str(want)[:300]}\ngot  {got[:300]}")
        # Byte-identical pickles of the plain values, at the protocols both wrote.
        for name in sorted(os.listdir(tmp)):
            if name.startswith("cpy_plain_"):
                with open(os.path.join(tmp, name), "rb") as f:
                    theirs = f.read()
                with open(os.path.join(tmp, "gvm" + name[3:]), "rb") as f:
                    ours = f.read()
                check(f"same bytes {name[4:]}", ours == theirs, f"CPython {theirs[:80]!r}\ngilvm   {ours[:80]!r}")
    sys.exit(checks.summary())


main()
