#!/usr/bin/env python3
"""Differential test of printf-style formatting: gilvm against CPython.

Generates random `format % args` cases (str and bytes formats; every
conversion, flag, width and precision form, '*', mapping keys, wrong types,
too few and too many arguments, user classes with __str__, __index__, ...)
from a seed, writes them as one program, runs that program once under gilvm
and once under python3, and compares the printed result of each case
(repr of the value, or "ExceptionType: message").

    diff_printf.py --gilvm build/gilvm [--python python3] [--count 5000]
                   [--seed 1] [--batch 5000] [--keep DIR]

Exit status 0 when every case agrees, 1 otherwise (the first differences
are printed with the case's source). Standard library only.
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile

PRELUDE = r'''
class R:
    def __repr__(self): return type(self).__name__ + "()"
class I(R):
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
class N(R):
    def __init__(self, v): self.v = v
    def __int__(self): return self.v
class F(R):
    def __init__(self, v): self.v = v
    def __float__(self): return self.v
class IF(R):
    def __index__(self): return 9
    def __int__(self): return 10
    def __float__(self): return 11.5
class S:
    def __str__(self): return "s\u00e9"
    def __repr__(self): return "r\u00e9"
class BB(R):
    def __bytes__(self): return b"bb"
class BadInt(R):
    def __int__(self): raise TypeError("no int")
class ErrInt(R):
    def __int__(self): raise ValueError("bad int")
class BadStr(R):
    def __str__(self): return 5
class M(R):
    def __getitem__(self, k): return k
def run(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ": " + str(e))
    else:
        print(repr(r))
'''

INTS = ["0", "1", "-1", "7", "-42", "255", "1000000", "-123456789", "2**31", "2**63", "-2**63 - 1",
        "2**70", "-2**100", "True", "False", "0x10ffff", "0x110000", "65", "233", "0xd800", "256"]
FLOATS = ["0.0", "-0.0", "1.5", "-2.5", "0.1", "2.675", "1e16", "1e-7", "123456.789", "-1e300",
          "1e22", "0.5", "float('inf')", "-float('inf')", "float('nan')", "3.0", "1/3", "-9.999"]
STRS = ["''", "'a'", "'abc'", "'h\u00e9llo'", "'\u65e5\u672c'", "\"it's\"", "'x\\ny'", "'%s'", "'\\U0001f600'"]
BYTES = ["b''", "b'a'", "b'abc'", "b'\\xff\\x00'", "b'%'"]
OTHERS = ["None", "[1, 2]", "(1,)", "()", "{'a': 1}", "I(5)", "I(-300)", "N(12)", "F(2.5)", "IF()", "S()",
          "BB()", "BadInt()", "ErrInt()", "BadStr()", "M()", "object"]

STR_TYPES = "diouxXeEfFgGcrsa"
BYTES_TYPES = "diouxXeEfFgGcrsab"


def value_for(rng, t, is_bytes):
    """A value that type letter t accepts (most of the time)."""
    if rng.random() < 0.12:
        return rng.choice(INTS + FLOATS + STRS + BYTES + OTHERS)
    if t in "diu":
        return rng.choice(INTS + FLOATS[:12] + ["I(3)", "N(-8)", "IF()"])
    if t in "oxX":
        return rng.choice(INTS + ["I(31)", "I(-31)", "IF()"])
    if t in "eEfFgG":
        return rng.choice(FLOATS + INTS[:10] + ["F(-0.25)", "I(4)", "IF()"])
    if t == "c":
        if is_bytes:
            return rng.choice(["65", "0", "255", "256", "-1", "b'x'", "b'xy'", "I(66)", "'a'"])
        return rng.choice(["65", "233", "0x1f600", "0x110000", "-1", "'x'", "'\u00e9'", "'xy'", "I(67)", "1.5"])
    if t in "sb" and is_bytes:
        return rng.choice(BYTES + ["BB()", "'s'", "1"])
    return rng.choice(STRS + INTS[:6] + FLOATS[:6] + OTHERS[:12] + (BYTES[:3] if not is_bytes else []))


def gen_spec(rng, is_bytes, keyed, keys):
    """One conversion: (text after '%', consumers) where consumers lists
    what each argument taken is for ('*' or the type letter)."""
    consumers = []
    s = ""
    key = None
    if keyed:
        key = rng.choice(["a", "b", "key", "x y", ""]) if rng.random() < 0.95 else "a(b)c"
        keys.add(key)
        s += "(" + key + ")"
    s += "".join(rng.choice("#0- +") for _ in range(rng.choice([0, 0, 0, 1, 1, 2, 3])))
    r = rng.random()
    if r < 0.15:
        s += "*"
        consumers.append("*")
    elif r < 0.5:
        s += str(rng.randint(0, 25))
    r = rng.random()
    if r < 0.1:
        s += ".*"
        consumers.append("*")
    elif r < 0.4:
        s += "." + str(rng.choice([0, 1, 2, 3, 5, 10, 17, 30]))
    elif r < 0.43:
        s += "."
    if rng.random() < 0.05:
        s += rng.choice("hlL")
    r = rng.random()
    types = BYTES_TYPES if is_bytes else STR_TYPES
    if r < 0.97:
        t = rng.choice(types)
    elif r < 0.985:
        t = rng.choice("qzb%" if not is_bytes else "qz%")
    else:
        t = rng.choice(["\u00e9", "\x01"] if not is_bytes else ["\\x80", "\\x01"])
    s += t
    consumers.append(t)
    return s, consumers, key


def literal(rng, is_bytes):
    pool = ["", "", "x", "ab ", " | ", "-", ":", "\u00e9", "\u65e5"] if not is_bytes else ["", "", "x", "ab ", " | ", "\\xe9"]
    return rng.choice(pool)


def gen_case(rng):
    is_bytes = rng.random() < 0.25
    keyed = rng.random() < 0.12
    keys = set()
    parts = [literal(rng, is_bytes)]
    consumers = []
    for _ in range(rng.choice([0, 1, 1, 1, 2, 2, 3, 4])):
        if rng.random() < 0.06:
            parts.append("%%")
        else:
            text, cons, key = gen_spec(rng, is_bytes, keyed and rng.random() < 0.9, keys)
            parts.append("%" + text)
            consumers.append((cons, key))
        parts.append(literal(rng, is_bytes))
    if rng.random() < 0.02:
        parts.append("%")
    fmt = "".join(parts)
    fmt_src = ("b" if is_bytes else "") + repr(fmt).replace("\\\\x", "\\x")
    if keys:
        items = []
        for cons, key in consumers:
            if key is not None:
                items.append(repr(key.encode() if is_bytes and rng.random() < 0.9 else key) + ": " +
                             value_for(rng, cons[-1], is_bytes))
        if rng.random() < 0.1:
            return fmt_src + " % " + rng.choice(["(1,)", "1", "M()"])
        return fmt_src + " % {" + ", ".join(items) + "}"
    vals = []
    for cons, _ in consumers:
        for c in cons:
            if c == "*":
                # Never a huge width: the output would be gigabytes.
                vals.append(rng.choice(["3", "-4", "0", "12", "True"]) if rng.random() < 0.93
                            else rng.choice(["2**63", "-2**64", "1.0", "'3'", "None", "I(3)"]))
            else:
                vals.append(value_for(rng, c, is_bytes))
    r = rng.random()
    if r < 0.05 and vals:
        vals.pop()
    elif r < 0.1:
        vals.append(value_for(rng, "s", is_bytes))
    if len(vals) == 1 and rng.random() < 0.5 and not vals[0].startswith(("(", "[", "{", "M(")):
        return fmt_src + " % " + vals[0]
    return fmt_src + " % (" + "".join(v + ", " for v in vals) + ")"


def run_program(cmd, path):
    p = subprocess.run(cmd + [path], capture_output=True, timeout=600,
                       env=dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8"))
    return p.returncode, p.stdout.decode("utf-8", "replace").splitlines(), p.stderr.decode("utf-8", "replace")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gilvm", required=True)
    ap.add_argument("--python", default="python3")
    ap.add_argument("--count", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch", type=int, default=5000)
    ap.add_argument("--keep", help="write the generated programs into this directory")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    diffs = 0
    done = 0
    with tempfile.TemporaryDirectory() as tmp:
        outdir = args.keep or tmp
        os.makedirs(outdir, exist_ok=True)
        batch_no = 0
        while done < args.count:
            n = min(args.batch, args.count - done)
            cases = [gen_case(rng) for _ in range(n)]
            path = os.path.join(outdir, f"printf_cases_{args.seed}_{batch_no}.py")
            with open(path, "w", encoding="utf-8") as f:
                f.write(PRELUDE)
                for c in cases:
                    f.write(f"run(lambda: {c})\n")
            rc_g, out_g, err_g = run_program([args.gilvm], path)
            rc_p, out_p, err_p = run_program([args.python], path)
            if rc_g != 0 or rc_p != 0 or len(out_g) != n or len(out_p) != n:
                print(f"batch {batch_no}: gilvm exit {rc_g} ({len(out_g)} lines), python exit {rc_p} "
                      f"({len(out_p)} lines); program {path}")
                print(err_g[-2000:], err_p[-2000:])
                diffs += 1
                if args.keep is None:
                    args.keep = tmp
                break
            for c, g, p in zip(cases, out_g, out_p):
                if g != p:
                    diffs += 1
                    if diffs <= 30:
                        print(f"DIFF {c}\n  gilvm:  {g}\n  python: {p}")
            done += n
            batch_no += 1
    print(f"{done} cases, seed {args.seed}: {diffs} differences")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
