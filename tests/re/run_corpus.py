#!/usr/bin/env python3
"""The re differential corpus: every case of corpus.txt run under python3
(the oracle) and under gilvm, and the printed results compared line by line.

    tests/re/run_corpus.py build/gilvm [--python python3] [-v]

Standard library only. The cases are written into one generated script
(so gilvm needs no ast.literal_eval), run once per interpreter; each case
prints one line: the match's spans, groups, groupdict, lastindex and
lastgroup, or the result of findall/sub/split, or the exception's type,
message, pos, lineno and colno. Exit status 1 when any line differs.
"""

import argparse
import ast
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

RUNNER = r'''
import re

FNS = {
    "upper": lambda m: m.group().upper(),
    "double": lambda m: str(int(m.group()) * 2),
    "none": lambda m: None,
}


def flags_of(letters):
    f = 0
    for c in letters or "":
        f |= getattr(re, c)
    return f


def show(m):
    if m is None:
        return "None"
    n = m.re.groups
    return repr((m.span(), m.group(), m.groups(), m.groupdict(), m.lastindex, m.lastgroup,
                 [m.span(i) for i in range(1, n + 1)], m.pos, m.endpos))


def run(case):
    op = case[0]
    if op in ("sub", "subn"):
        pat, repl, subj = case[1:4]
        count = case[4] if len(case) > 4 else 0
        fl = flags_of(case[5] if len(case) > 5 else "")
        if isinstance(repl, str) and repl.startswith("FN:"):
            repl = FNS[repl[3:]]
        if op == "sub":
            return repr(re.sub(pat, repl, subj, count, fl))
        return repr(re.subn(pat, repl, subj, count, fl))
    pat, subj = case[1], case[2]
    if op == "split":
        maxsplit = case[3] if len(case) > 3 else 0
        fl = flags_of(case[4] if len(case) > 4 else "")
        return repr(re.split(pat, subj, maxsplit, fl))
    if op.startswith("p"):
        p = re.compile(pat)
        pos, endpos = case[3]
        meth = getattr(p, op[1:])
        r = meth(subj, pos, endpos)
        if op == "pfindall":
            return repr(r)
        if op == "pfinditer":
            return repr([show(m) for m in r])
        return show(r)
    fl = flags_of(case[4] if len(case) > 4 else "")
    if op == "search":
        return show(re.search(pat, subj, fl))
    if op == "match":
        return show(re.match(pat, subj, fl))
    if op == "fullmatch":
        return show(re.fullmatch(pat, subj, fl))
    if op == "findall":
        return repr(re.findall(pat, subj, fl))
    if op == "finditer":
        return repr([show(m) for m in re.finditer(pat, subj, fl)])
    if op == "escape":
        return repr(re.escape(pat))
    if op == "compile":
        p = re.compile(pat, fl)
        return repr((p.groups, dict(p.groupindex), p.flags, repr(p)))
    raise ValueError("unknown op " + op)


for i, case in enumerate(CASES):
    try:
        r = run(case)
    except re.error as e:
        r = f"re.error: {e} | msg={e.msg!r} pos={e.pos} lineno={e.lineno} colno={e.colno}"
    except Exception as e:
        r = f"{type(e).__name__}: {e}"
    print(i, r)
'''


def load_cases(path):
    cases = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            known = line.startswith("KNOWN ")
            if known:
                line = line[len("KNOWN "):]
            cases.append((lineno, known, ast.literal_eval(line)))
    return cases


def run(interp, script):
    env = dict(os.environ, PYTHONIOENCODING="utf-8", PYTHONHASHSEED="0")
    proc = subprocess.run(interp + [script], capture_output=True, text=True, encoding="utf-8", env=env, timeout=300)
    if proc.returncode != 0:
        sys.stderr.write(f"{' '.join(interp)} failed (status {proc.returncode}):\n{proc.stderr[-3000:]}\n")
    return proc.stdout.splitlines()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("interp", help="the gilvm binary")
    ap.add_argument("--python", default="python3", help="the oracle (default python3)")
    ap.add_argument("--corpus", default=os.path.join(HERE, "corpus.txt"))
    ap.add_argument("-v", action="store_true", help="print every case")
    args = ap.parse_args()
    cases = load_cases(args.corpus)
    with tempfile.TemporaryDirectory() as tmp:
        script = os.path.join(tmp, "re_corpus_cases.py")
        with open(script, "w", encoding="utf-8") as f:
            f.write("CASES = [\n")
            for _, _, case in cases:
                f.write("    " + repr(case) + ",\n")
            f.write("]\n")
            f.write(RUNNER)
        want = run([args.python], script)
        got = run([args.interp], script)
    bad = known_bad = 0
    for i, (lineno, known, case) in enumerate(cases):
        w = want[i] if i < len(want) else "<missing>"
        g = got[i] if i < len(got) else "<missing>"
        if w != g:
            if known:
                known_bad += 1
                label = "known difference"
            else:
                bad += 1
                label = "DIFFERS"
            print(f"corpus.txt:{lineno}: {label}: {case!r}\n  python3: {w}\n  gilvm:   {g}")
        elif known:
            print(f"corpus.txt:{lineno}: a KNOWN case now agrees (drop the marker): {case!r}")
        elif args.v:
            print(f"corpus.txt:{lineno}: ok {w}")
    agree = len(cases) - bad - known_bad
    print(f"{len(cases)} cases, {agree} agree, {bad} differ, {known_bad} known differences")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
