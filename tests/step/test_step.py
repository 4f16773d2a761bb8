#!/usr/bin/env python3
"""Tests of the step debugger (gilvm -m step) and the seeded scheduler
(--sched=seed:N).

    python3 tests/step/test_step.py build/gilvm [--update]

1. Scripted sessions: for each sessions/NAME.cmds, `gilvm [OPTIONS] -m step
   NAME.py` runs in sessions/ with the commands on stdin (not a terminal)
   and its stdout must equal sessions/NAME.out, the expected transcript
   (addresses such as 0x7f3a... are compared as 0x...). In the .cmds file
   a line `#options: ...` gives gilvm options, `#program: FILE.py` another
   program than NAME.py; other lines starting with `#` are comments. --update rewrites the .out files (read
   the diff before committing them).
2. Each session program, run without the stepper, prints under gilvm what
   python3 prints.
3. Determinism: samples/03_race_condition.py run 5 times at once with the
   same seed loses exactly the same number of updates every time, and as
   many again under the stepper (`c` at the first stop); two seeds give
   different interleavings. The same for a program whose
   threads print as they go (its whole output) and one that synchronises
   through a Queue and an Event.
4. Terminal sessions through tmux (readline: prompt, history with the Up
   key; Ctrl-C stopping a running program in the stepper), skipped with
   the reason printed when tmux is not installed.
5. Command-line errors: -m step without a file, a bad --sched.

Python 3 standard library only. Prints one line per failure and a final
line `N passed, M failed`; exits 1 when something failed.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests"))
import harness  # noqa: E402

SESSIONS = os.path.join(HERE, "sessions")
GILVM = harness.interpreter_path()
UPDATE = "--update" in sys.argv
checks = harness.Checks()
check = checks.check


def run(args, stdin="", cwd=None, timeout=60):
    return subprocess.run(args, input=stdin, capture_output=True, text=True, cwd=cwd, timeout=timeout)


def normalise(text):
    # The program is known by its absolute path, as under CPython (and pdb):
    # the transcripts say SESSIONS for the folder, wherever the checkout is.
    text = text.replace(os.path.realpath(SESSIONS) + "/", "SESSIONS/")
    return re.sub(r"0x[0-9a-f]+", "0x...", text)


# ---------------------------------------------------------------------------
# 1. Scripted sessions, 2. their programs under python3
# ---------------------------------------------------------------------------

def session_input(path):
    """(gilvm options, program, stdin) of a .cmds file."""
    options, commands = [], []
    program = os.path.basename(path)[:-len(".cmds")] + ".py"
    with open(path) as f:
        for line in f.read().splitlines():
            if line.startswith("#options:"):
                options = line[len("#options:"):].split()
            elif line.startswith("#program:"):
                program = line[len("#program:"):].strip()
            elif not line.startswith("#"):
                commands.append(line)
    return options, program, "".join(c + "\n" for c in commands)


def test_sessions():
    names = sorted(f[:-5] for f in os.listdir(SESSIONS) if f.endswith(".cmds"))
    check("there are sessions", len(names) >= 5, names)
    for name in names:
        options, program, stdin = session_input(os.path.join(SESSIONS, name + ".cmds"))
        proc = run([GILVM, *options, "-m", "step", program], stdin=stdin, cwd=SESSIONS)
        got = normalise(proc.stdout)
        expected_path = os.path.join(SESSIONS, name + ".out")
        if UPDATE:
            with open(expected_path, "w") as f:
                f.write(got)
        with open(expected_path) as f:
            expected = f.read()
        check(f"session {name}: transcript", got == expected, diff(expected, got))
        check(f"session {name}: nothing on stderr", proc.stderr == "", proc.stderr)


def diff(expected, got):
    import difflib
    return "".join(difflib.unified_diff(expected.splitlines(True), got.splitlines(True), "expected", "got"))


def test_programs_match_python():
    for f in sorted(os.listdir(SESSIONS)):
        if not f.endswith(".py"):
            continue
        ours = run([GILVM, f], cwd=SESSIONS)
        theirs = run([sys.executable, f], cwd=SESSIONS)
        check(f"program {f}: gilvm prints what python3 prints",
              (ours.stdout, ours.returncode) == (theirs.stdout, theirs.returncode),
              f"gilvm {ours.stdout!r} {ours.stderr!r}\npython3 {theirs.stdout!r}")


# ---------------------------------------------------------------------------
# 3. Determinism
# ---------------------------------------------------------------------------

def runs_at_once(args, count, cwd=None):
    """`count` runs of the same command at the same time (so that they
    compete for the 2 cores: timing differs from run to run)."""
    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(lambda _: run(args, cwd=cwd, timeout=120), range(count)))


def lost_lines(proc):
    return [l for l in proc.stdout.splitlines() if "lost" in l]


def test_race_sample():
    sample = os.path.join(ROOT, "samples", "03_race_condition.py")
    cwd = os.path.join(ROOT, "samples")
    procs = runs_at_once([GILVM, "--sched=seed:1", sample], 5, cwd)
    outs = [lost_lines(p) for p in procs]
    check("race sample runs under --sched", all(p.returncode == 0 and len(o) == 3 for p, o in zip(procs, outs)),
          [(p.returncode, p.stderr[-300:]) for p in procs])
    check("race sample: the same seed loses the same updates, 5 times", all(o == outs[0] for o in outs),
          "\n".join(" | ".join(o) for o in outs))
    m = re.search(r"no lock: \d+ of \d+, lost (\d+) updates", outs[0][0] if outs[0] else "")
    check("race sample: the unlocked update does lose updates", m is not None and int(m.group(1)) > 0, outs[0])
    check("race sample: with a Lock none is lost", len(outs[0]) > 1 and outs[0][1].endswith("lost 0 updates"), outs[0])
    stepped = run([GILVM, "--sched=seed:1", "-m", "step", sample], stdin="c\n", cwd=cwd, timeout=120)
    check("race sample: the stepper replays the seed's interleaving (same losses under -m step)",
          lost_lines(stepped) == outs[0], f"--sched: {outs[0]}\n-m step: {lost_lines(stepped)}")
    other = lost_lines(run([GILVM, "--sched=seed:2", sample], cwd=cwd, timeout=120))
    check("race sample: another seed, another interleaving", other and outs[0] and other[0] != outs[0][0],
          f"seed 1: {outs[0]}\nseed 2: {other}")


PRINTING_THREADS = """\
import threading

def worker(name):
    total = 0
    for i in range(400):
        total += i
        if i % 100 == 0:
            print(name, i, total)

threads = [threading.Thread(target=worker, args=(n,)) for n in "abc"]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("done")
"""


def test_whole_outputs():
    tmp = tempfile.mkdtemp(prefix="gilvm-sched-")
    path = os.path.join(tmp, "printing.py")
    with open(path, "w") as f:
        f.write(PRINTING_THREADS)
    procs = runs_at_once([GILVM, "--sched=seed:4", path], 5)
    outs = [p.stdout for p in procs]
    check("threads that print: the same seed, the same output, 5 times",
          all(o == outs[0] for o in outs) and outs[0].endswith("done\n"), "\n---\n".join(outs))
    seeds = {run([GILVM, f"--sched=seed:{s}", path]).stdout for s in range(1, 6)}
    check("threads that print: seeds 1-5 do not all print the same interleaving", len(seeds) > 1, seeds)
    pipeline = os.path.join(SESSIONS, "queue_pipeline.py")
    procs = runs_at_once([GILVM, "--sched=seed:9", pipeline], 5)
    check("queue and event: the same seed, the same output, 5 times",
          all(p.stdout == "seen [0, 10, 20]\n" and p.returncode == 0 for p in procs),
          [(p.stdout, p.stderr) for p in procs])
    shutil.rmtree(tmp, ignore_errors=True)


def test_sched_deadlock():
    src = ("import threading\n"
           "a = threading.Lock(); b = threading.Lock(); ready = threading.Event()\n"
           "def w():\n"
           "    with b:\n"
           "        ready.wait()\n"
           "        with a:\n"
           "            pass\n"
           "t = threading.Thread(target=w); t.start()\n"
           "with a:\n"
           "    ready.set()\n"
           "    with b:\n"
           "        pass\n")
    proc = run([GILVM, "--sched=seed:3", "-c", src], timeout=30)
    check("--sched: a lock cycle is reported as a deadlock",
          proc.returncode == 1 and "gilvm: deadlock: every thread is blocked forever" in proc.stderr, proc.stderr)


# ---------------------------------------------------------------------------
# 4. A terminal session through tmux
# ---------------------------------------------------------------------------

def test_terminal():
    if shutil.which("tmux") is None:
        print("SKIP terminal test: tmux is not installed (apt-get install tmux)")
        return
    # The location lines name the script by its absolute path (as pdb's),
    # so the checks match its tail: "/sessions/basic.py(1)...".
    t = harness.Tmux(f"{GILVM} -m step basic.py", "gilvm-step-test", cwd=SESSIONS)
    try:
        ok = t.wait_text("(Step)")
        check("tty: first stop and the prompt", ok and "/sessions/basic.py(1)<module>() in MainThread" in t.screen(), t.screen())
        if not ok:
            return
        t.line("n")
        check("tty: n steps to the next line", t.wait_text("(Step)", 2) and "/sessions/basic.py(6)<module>()" in t.screen(),
              t.screen())
        t.key("Up")
        t.key("Enter")
        check("tty: Up recalls the last command (readline history)",
              t.wait_text("(Step)", 3) and "/sessions/basic.py(7)<module>()" in t.screen()
              and t.screen().count("(Step) n") == 2, t.screen())
        t.line("b 3")
        t.line("c")
        check("tty: a breakpoint stops in the function", t.wait_text("/sessions/basic.py(3)square()"), t.screen())
        t.line("p x * 100")
        check("tty: p evaluates in the frame", t.wait_text("(Step)", 6)
              and "300" in [l.strip() for l in t.screen().splitlines()], t.screen())
        t.line("cl")
        t.line("c")
        check("tty: the program finishes", t.wait_text("The program finished.") and t.wait_text("EXIT=0")
              and "total 50" in t.screen(), t.screen())
    finally:
        t.close()
    # Ctrl-C while the program runs stops it in the stepper, as in pdb.
    tmp = tempfile.mkdtemp(prefix="gilvm-step-")
    with open(os.path.join(tmp, "spin.py"), "w") as f:
        f.write("n = 0\nwhile True:\n    n += 1\n")
    t = harness.Tmux(f"{GILVM} -m step spin.py", "gilvm-step-test", cwd=tmp)
    try:
        if not t.wait_text("(Step)"):
            return check("tty: spin.py starts", False, t.screen())
        t.line("c")
        time.sleep(0.5)
        t.key("C-c")
        check("tty: Ctrl-C stops a running program in the stepper",
              t.wait_text("Program interrupted. (Use 'c' to resume.)") and t.wait_text("(Step)", 2), t.screen())
        t.line("p n > 1000")
        check("tty: ... where it can be looked at", t.wait_text("(Step)", 3)
              and "True" in [l.strip() for l in t.screen().splitlines()], t.screen())
        t.line("q")
        check("tty: q ends the program", t.wait_text("EXIT=0"), t.screen())
    finally:
        t.close()
        shutil.rmtree(tmp, ignore_errors=True)


# ---------------------------------------------------------------------------
# 5. The command line
# ---------------------------------------------------------------------------

def test_command_line():
    proc = run([GILVM, "-m", "step"])
    check("-m step without a file: usage, status 2",
          proc.returncode == 2 and "usage: gilvm -m step FILE" in proc.stderr, proc.stderr)
    proc = run([GILVM, "-m", "step", "no_such_file.py"])
    missing = os.path.join(os.getcwd(), "no_such_file.py")
    check("-m step on a missing file: status 2",
          proc.returncode == 2 and f"can't open file '{missing}'" in proc.stderr, proc.stderr)
    check("-m step on a missing file: no 'The program finished.'", "finished" not in proc.stdout, proc.stdout)
    for bad in ("--sched=seed:x", "--sched=seed:-1", "--sched=random"):
        proc = run([GILVM, bad, "-c", "pass"])
        check(f"{bad}: a usage error", proc.returncode == 2 and "--sched expects seed:N" in proc.stderr, proc.stderr)
    proc = run([GILVM, "--sched=seed:1", "--gil=legacy", "-c", "pass"])
    check("--sched with --gil: a usage error", proc.returncode == 2 and "cannot be combined" in proc.stderr, proc.stderr)
    proc = run([GILVM, "--help"])
    check("--help tells of -m step and --sched", "-m step FILE" in proc.stdout and "--sched seed:N" in proc.stdout,
          proc.stdout)
    proc = run([GILVM, "-m", "step", "basic.py", "one", "two"], stdin="p __import__('sys').argv\nc\n", cwd=SESSIONS)
    check("-m step FILE args: sys.argv is FILE args", "['basic.py', 'one', 'two']" in proc.stdout, proc.stdout)


def main():
    test_sessions()
    test_programs_match_python()
    test_race_sample()
    test_whole_outputs()
    test_sched_deadlock()
    test_terminal()
    test_command_line()
    sys.exit(checks.summary())


if __name__ == "__main__":
    main()
