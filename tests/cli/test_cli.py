#!/usr/bin/env python3
"""Tests of gilvm's command line and REPL.

    python3 tests/cli/test_cli.py build/gilvm

Runs the binary as a person would: options, exit statuses, -c, -m, -m dis,
a program on stdin, -i with stdin a pipe, Ctrl-C, and a real terminal
session (the REPL on GNU readline) driven through tmux. Python 3 standard
library only. Prints one line per failure and a final line `N passed,
M failed`; exits 1 when something failed. The terminal tests are skipped,
with the reason printed, when tmux is not installed.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import harness  # noqa: E402

GILVM = harness.interpreter_path()
checks = harness.Checks()
check = checks.check


def run(args, stdin="", cwd=None, env=None, timeout=30):
    return harness.run_gilvm(GILVM, args, stdin=stdin, cwd=cwd, env=env, timeout=timeout)


def show(p):
    return f"status {p.returncode}\nstdout: {p.stdout!r}\nstderr: {p.stderr!r}"


def expect(name, p, status=0, stdout=None, stdout_has=(), stderr_has=(), stderr_empty=False):
    problems = []
    if p.returncode != status:
        problems.append(f"exit status {p.returncode}, expected {status}")
    if stdout is not None and p.stdout != stdout:
        problems.append(f"stdout {p.stdout!r}, expected {stdout!r}")
    for s in stdout_has:
        if s not in p.stdout:
            problems.append(f"stdout lacks {s!r}")
    for s in stderr_has:
        if s not in p.stderr:
            problems.append(f"stderr lacks {s!r}")
    if stderr_empty and p.stderr:
        problems.append("stderr not empty")
    check(name, not problems, "; ".join(problems) + "\n" + show(p) if problems else "")


# ---------------------------------------------------------------------------
# Options, usage errors, exit statuses
# ---------------------------------------------------------------------------

def test_options(tmp):
    for flag in ("--version", "-V"):
        p = run([flag])
        expect(f"{flag}", p, 0, stderr_empty=True)
        check(f"{flag} text", re.match(r"gilvm \d+\.\d+\.\d+", p.stdout) is not None, show(p))
    for flag in ("--help", "-h"):
        p = run([flag])
        expect(f"{flag}", p, 0, stdout_has=["usage: gilvm"], stderr_empty=True)
    p = run(["--help"])
    for opt in ("-c cmd", "-m mod", "-i", "-q", "-X", "-h, --help", "-V, --version", "file", "arg ..."):
        check(f"--help lists {opt}", opt in p.stdout, p.stdout)

    expect("unknown option", run(["-Q"]), 2, stderr_has=["Unknown option: -Q", "usage: gilvm"])
    expect("unknown long option", run(["--frobnicate"]), 2, stderr_has=["unknown option --frobnicate"])
    expect("-c without argument", run(["-c"]), 2, stderr_has=["Argument expected for the -c option"])
    expect("-m without argument", run(["-m"]), 2, stderr_has=["Argument expected for the -m option"])
    expect("-X unknown", run(["-X", "bogus", "-c", "pass"]), 2, stderr_has=["unknown -X option: bogus"])
    expect("-X gc_stress", run(["-X", "gc_stress", "-c", "print([i * i for i in range(5)])"]), 0,
           stdout="[0, 1, 4, 9, 16]\n")
    # As CPython 3.9+, the message names the script by its absolute path.
    missing = os.path.join(os.path.realpath(tmp), "no_such_file.py")
    expect("missing script", run(["no_such_file.py"], cwd=tmp), 2,
           stderr_has=[f"gilvm: can't open file '{missing}': [Errno 2] No such file or directory"])
    expect("script is a directory", run([tmp]), 2, stderr_has=["can't open file"])


def test_command(tmp):
    expect("-c prints", run(["-c", "print(1 + 2)"]), 0, stdout="3\n", stderr_empty=True)
    expect("-c argv", run(["-c", "import sys; print(sys.argv)", "a", "-i", "--x"]), 0,
           stdout="['-c', 'a', '-i', '--x']\n")
    expect("-c attached", run(["-cprint('glued')"]), 0, stdout="glued\n")
    expect("-c no echo of expressions", run(["-c", "1 + 2"]), 0, stdout="")
    expect("uncaught exception: 1", run(["-c", "raise ValueError('bad value')"]), 1,
           stderr_has=["Traceback (most recent call last):", 'File "<string>", line 1, in <module>',
                       "ValueError: bad value"])
    expect("syntax error: 1", run(["-c", "x = (1 +"]), 1, stderr_has=["SyntaxError"])
    expect("-c: no __file__, as in CPython", run(["-c", "print(__file__)"]), 1,
           stderr_has=["NameError: name '__file__' is not defined"])
    expect("sys.exit(3)", run(["-c", "import sys; sys.exit(3)"]), 3, stderr_empty=True)
    expect("sys.exit('message')", run(["-c", "import sys; sys.exit('goodbye')"]), 1, stderr_has=["goodbye"])
    expect("exit() builtin", run(["-c", "exit(5)"]), 5)
    expect("quit() builtin", run(["-c", "quit()"]), 0)
    expect("output flushed before traceback", run(["-c", "print('first')\n1/0"]), 1,
           stdout="first\n", stderr_has=["ZeroDivisionError: division by zero"])


def test_script(tmp):
    script = os.path.join(tmp, "prog.py")
    with open(script, "w") as f:
        f.write("import sys\nprint(sys.argv[1:])\nprint(__name__)\n")
    expect("script with args", run([script, "one", "-c", "two"]), 0,
           stdout="['one', '-c', 'two']\n__main__\n")
    expect("-- then script", run(["--", script]), 0, stdout="[]\n__main__\n")
    bad = os.path.join(tmp, "bad.py")
    with open(bad, "w") as f:
        f.write("def f():\n    return 1 +\n")
    expect("script syntax error", run([bad]), 1, stderr_has=["bad.py", "line 2", "SyntaxError"])
    exits = os.path.join(tmp, "exits.py")
    with open(exits, "w") as f:
        f.write("import sys\nprint('bye')\nsys.exit(7)\n")
    expect("script sys.exit(7)", run([exits]), 7, stdout="bye\n")

    # A script run by a relative path: CPython 3.9+ makes its __file__ (and
    # so tracebacks, and modules imported from its folder) absolute, the
    # current directory joined to the path as typed, while sys.argv[0] stays
    # as typed. Checked against the real CPython, run the same way.
    sub = os.path.join(tmp, "rel")
    os.makedirs(sub, exist_ok=True)
    with open(os.path.join(sub, "relmod.py"), "w") as f:
        f.write("def where():\n    return __file__\n")
    with open(os.path.join(sub, "relprog.py"), "w") as f:
        f.write("import sys, relmod\nprint(__file__)\nprint(sys.argv[0])\nprint(sys.path[0])\n"
                "print(relmod.where())\ndef f():\n    raise ValueError('rel')\nprint(f.__code__.co_filename)\nf()\n")
    for typed, cwd in (("relprog.py", sub), ("./relprog.py", sub), ("rel/relprog.py", tmp), ("../rel/relprog.py", sub)):
        ours = run([typed], cwd=cwd)
        theirs = subprocess.run([sys.executable, typed], cwd=cwd, capture_output=True, text=True)
        file_lines = [l for l in ours.stderr.splitlines() if l.lstrip().startswith("File ")]
        want_lines = [l for l in theirs.stderr.splitlines() if l.lstrip().startswith("File ")]
        absolute = os.path.join(os.path.realpath(cwd), typed)
        check(f"script {typed!r}: __file__, argv[0], sys.path[0], module __file__ as CPython's",
              ours.stdout == theirs.stdout and ours.stdout.startswith(absolute + "\n" + typed + "\n"),
              f"gilvm:\n{ours.stdout}\nCPython:\n{theirs.stdout}")
        check(f"script {typed!r}: traceback File lines as CPython's",
              len(file_lines) == 2 and file_lines == want_lines and f'"{absolute}", line 9' in file_lines[0],
              f"gilvm:\n{ours.stderr}\nCPython:\n{theirs.stderr}")
    with open(os.path.join(sub, "relbad.py"), "w") as f:
        f.write("x = (\n")
    ours = run(["relbad.py"], cwd=sub)
    theirs = subprocess.run([sys.executable, "relbad.py"], cwd=sub, capture_output=True, text=True)
    first = lambda text: next((l for l in text.splitlines() if l.lstrip().startswith("File ")), None)
    check("syntax error in a script run by a relative path: File line as CPython's",
          first(ours.stderr) is not None and first(ours.stderr) == first(theirs.stderr) and
          os.path.join(os.path.realpath(sub), "relbad.py") in first(ours.stderr),
          f"gilvm:\n{ours.stderr}\nCPython:\n{theirs.stderr}")


def test_module(tmp):
    with open(os.path.join(tmp, "hello_mod.py"), "w") as f:
        f.write("import sys\nprint('name', __name__, sys.argv[1:])\n"
                "if __name__ == '__main__':\n    print('run as main')\n")
    expect("-m module runs as __main__", run(["-m", "hello_mod", "x"], cwd=tmp), 0,
           stdout="name __main__ ['x']\nrun as main\n")
    # -m: sys.path[0] is the current directory made absolute (CPython 3.11),
    # so the module's __file__ is absolute; as the real CPython prints them.
    with open(os.path.join(tmp, "where_mod.py"), "w") as f:
        f.write("import sys\nprint(sys.path[0])\nprint(__file__)\n")
    ours, theirs = run(["-m", "where_mod"], cwd=tmp), subprocess.run(
        [sys.executable, "-m", "where_mod"], cwd=tmp, capture_output=True, text=True)
    where_mod = os.path.realpath(tmp) + "\n" + os.path.join(os.path.realpath(tmp), "where_mod.py") + "\n"
    check("-m: sys.path[0] and __file__ absolute, as CPython's", ours.stdout == theirs.stdout == where_mod,
          f"gilvm {ours.stdout!r}\nCPython {theirs.stdout!r}")
    os.makedirs(os.path.join(tmp, "pkg"), exist_ok=True)
    with open(os.path.join(tmp, "pkg", "__init__.py"), "w") as f:
        f.write("")
    with open(os.path.join(tmp, "pkg", "__main__.py"), "w") as f:
        f.write("print('package main', __name__)\n")
    with open(os.path.join(tmp, "pkg", "sub.py"), "w") as f:
        f.write("print('sub', __name__)\n")
    expect("-m package runs __main__.py", run(["-m", "pkg"], cwd=tmp), 0, stdout="package main __main__\n")
    expect("-m dotted module", run(["-m", "pkg.sub"], cwd=tmp), 0, stdout="sub __main__\n")
    expect("-m missing module", run(["-m", "no_such_module_xyz"], cwd=tmp), 1,
           stderr_has=["No module named no_such_module_xyz"])

    prog = os.path.join(tmp, "loop.py")
    with open(prog, "w") as f:
        f.write("total = 0\nfor i in range(3):\n    total += i\nprint(total)\n")
    p = run(["-m", "dis", prog])
    expect("-m dis status", p, 0, stderr_empty=True)
    lines = p.stdout.splitlines()
    # python -m dis layout: line number, offset, opname, argument, (meaning)
    instr = re.compile(r"^\s*(\d+)?\s+(>>)?\s*\d+ [A-Z_]+(\s+\d+(\s+\(.*\))?)?\s*$")
    check("-m dis lines look like dis", lines and all(instr.match(l) or not l.strip() or
                                                       l.startswith("Disassembly of") for l in lines), p.stdout)
    check("-m dis has line starts", any(re.match(r"^\s*1\s+\d+ ", l) for l in lines), p.stdout)
    check("-m dis marks jump targets", any(">>" in l for l in lines), p.stdout)
    check("-m dis shows constants", re.search(r"LOAD_CONST\s+\d+ \(None\)", p.stdout) is not None, p.stdout)
    check("-m dis names globals", "(total)" in p.stdout, p.stdout)
    expect("-m dis missing file", run(["-m", "dis", os.path.join(tmp, "nope.py")]), 2,
           stderr_has=["can't open file"])
    expect("-m dis without file", run(["-m", "dis"]), 2, stderr_has=["usage"])


def test_stdin():
    expect("program from stdin", run([], stdin="x = 6\nprint(x * 7)\n"), 0, stdout="42\n", stderr_empty=True)
    p = run([], stdin="1 + 2\nfor i in range(2):\n    print(i)\n")
    expect("stdin: no prompt, no echo", p, 0, stdout="0\n1\n", stderr_empty=True)
    expect("stdin via -", run(["-", "a1"], stdin="import sys\nprint(sys.argv)\n"), 0, stdout="['-', 'a1']\n")
    expect("stdin exception", run([], stdin="print('x')\nraise KeyError('k')\n"), 1,
           stdout="x\n", stderr_has=['File "<stdin>", line 2, in <module>', "KeyError: 'k'"])


def test_inspect():
    # gilvm -i with stdin a pipe: statements read one by one, prompts on stderr.
    p = run(["-i", "-c", "x = 5"], stdin="x * 2\n_ + 1\n")
    expect("-i after -c keeps globals and echoes", p, 0, stdout="10\n11\n", stderr_has=[">>> "])
    check("-i: no banner after a program", "gilvm 0.1.0" not in p.stderr, show(p))
    p = run(["-i"], stdin="1+2\nfor i in range(3):\n    print(i * 11)\n\n_ * 10\nx\nprint('still here')\n")
    expect("-i alone: REPL on a pipe", p, 0, stdout="3\n0\n11\n22\n30\nstill here\n",
           stderr_has=["gilvm 0.1.0", ">>> ", "... ", "NameError: name 'x' is not defined"])
    check("-i: the prompts are not on stdout", ">>>" not in p.stdout, show(p))
    p = run(["-i", "-q"], stdin="")
    expect("-i -q: no banner", p, 0)
    check("-i -q: prompt then newline at EOF", p.stderr == ">>> \n", show(p))
    p = run(["-i", "-c", "raise ValueError('in script')"], stdin="print('after', 1)\n")
    expect("-i after a failing script", p, 0, stdout="after 1\n",
           stderr_has=["ValueError: in script"])
    # CPython takes __file__ out of __main__ once the script has run: -i's
    # REPL no longer has it (checked against the real CPython).
    script = os.path.join(tempfile.mkdtemp(prefix="gilvm-cli-"), "has_file.py")
    with open(script, "w") as f:
        f.write("import os\nprint(os.path.basename(__file__))\n")
    stdin = "print(globals().get('__file__'))\n"
    p = run(["-i", "-q", script], stdin=stdin)
    theirs = subprocess.run([sys.executable, "-i", "-q", script], input=stdin, capture_output=True, text=True)
    expect("-i after a script: __file__ gone in the REPL", p, 0, stdout="has_file.py\nNone\n")
    check("-i after a script: as CPython", p.stdout == theirs.stdout, f"gilvm {p.stdout!r}\nCPython {theirs.stdout!r}")
    p = run(["-i", "-c", "import sys; sys.exit(3)"], stdin="print('inspect')\n")
    expect("-i after SystemExit: traceback then REPL", p, 0, stdout="inspect\n", stderr_has=["SystemExit: 3"])
    expect("-i exit(4)", run(["-i", "-q"], stdin="exit(4)\nprint('not reached')\n"), 4, stdout="")
    expect("-i sys.exit('msg')", run(["-i", "-q"], stdin="import sys\nsys.exit('msg')\n"), 1, stderr_has=["msg"])
    p = run(["-i", "-q"], stdin="def f(a):\n    return a + 1\n\nf(41)\nif True:\n    print('block at EOF')")
    expect("-i: def, call, block ended by EOF", p, 0, stdout="42\nblock at EOF\n")
    p = run(["-i", "-q"], stdin="(1 +\n 2)\nx = (\n")
    expect("-i: bracket continues, syntax error at EOF", p, 0, stdout="3\n")
    p = run(["-i", "-q"], stdin="1 +* 2\nprint('ok')\n")
    expect("-i: syntax error goes on", p, 0, stdout="ok\n",
           stderr_has=['File "<stdin>", line 1', "SyntaxError"])
    p = run(["-i", "-q"], stdin="name = input()\nAda\nprint('hi', name)\n")
    expect("-i: input() shares stdin", p, 0, stdout="hi Ada\n")


def interrupt_after_first_line(src, settle):
    """Runs `src`, waits for its first line of output and `settle` seconds
    more, sends SIGINT; returns (process, rest of stdout, stderr)."""
    proc = subprocess.Popen([GILVM, "-c", src], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=harness.gilvm_env())
    proc.stdout.readline()
    time.sleep(settle)
    proc.send_signal(signal.SIGINT)
    try:
        out, err = proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    return proc, out, err


def test_ctrl_c():
    # SIGINT while running raises KeyboardInterrupt: traceback, status 130.
    proc, out, err = interrupt_after_first_line("print('start', flush=True)\nwhile True:\n    pass\n", 0.2)
    check("Ctrl-C: status 130", proc.returncode == 130, f"status {proc.returncode} stderr {err!r}")
    check("Ctrl-C: KeyboardInterrupt", "KeyboardInterrupt" in err, err)

    # SIGINT while input() waits for a line (stdin a pipe that stays open,
    # another thread running): KeyboardInterrupt at once, not after Enter.
    src = ("import threading, time\n"
           "threading.Thread(target=lambda: time.sleep(60), daemon=True).start()\n"
           "print('asking', flush=True)\n"
           "try:\n    input()\nexcept KeyboardInterrupt:\n    print('interrupted')\n    raise\n")
    proc = subprocess.Popen([GILVM, "-c", src], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=harness.gilvm_env())
    proc.stdout.readline()
    time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=10)  # stdin stays open: closing it would race the signal with EOF
    except subprocess.TimeoutExpired:
        proc.kill()
    out, err = proc.communicate()
    check("Ctrl-C in input(): KeyboardInterrupt in input, status 130",
          proc.returncode == 130 and out == "interrupted\n" and 'line 5, in <module>' in err
          and err.rstrip().endswith("KeyboardInterrupt"), f"status {proc.returncode} out {out!r} err {err!r}")

    # SIGINT while asyncio.run() waits in the event loop: the main task is
    # cancelled (its finally runs), then KeyboardInterrupt with the
    # CancelledError as its context, status 130 (CPython 3.11's Runner).
    src = ("import asyncio\n"
           "async def main():\n"
           "    try:\n"
           "        print('waiting', flush=True)\n"
           "        await asyncio.sleep(60)\n"
           "    finally:\n"
           "        print('finally ran')\n"
           "asyncio.run(main())\n")
    proc, out, err = interrupt_after_first_line(src, 0.2)
    check("Ctrl-C in asyncio.run: main task cancelled, finally ran, KeyboardInterrupt, status 130",
          proc.returncode == 130 and out == "finally ran\n" and "CancelledError" in err
          and err.rstrip().endswith("KeyboardInterrupt"), f"status {proc.returncode} out {out!r} err {err!r}")


CHILDREN_SRC = """
import multiprocessing as mp, time
def nap(s):
    time.sleep(s)
if __name__ == "__main__":
    pool = mp.Pool(2)
    kids = [mp.Process(target=nap, args=(60,)), mp.Process(target=nap, args=(60,), daemon=True)]
    for k in kids:
        k.start()
    print(" ".join(str(p.pid) for p in kids + pool._pool), flush=True)
    time.sleep(60)
"""


def test_children_at_exit(tmp):
    # multiprocessing leaves no child running when its parent is stopped
    # with Ctrl-C (it terminates and reaps them) or killed (the kernel sends
    # them SIGTERM: PR_SET_PDEATHSIG); a normal exit waits for non-daemonic
    # children and terminates daemonic ones.
    path = os.path.join(tmp, "children.py")
    with open(path, "w") as f:
        f.write(CHILDREN_SRC)
    for sig, name in ((signal.SIGINT, "Ctrl-C"), (signal.SIGKILL, "SIGKILL")):
        proc = subprocess.Popen([GILVM, path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        pids = [int(x) for x in proc.stdout.readline().split()]
        time.sleep(0.2)
        proc.send_signal(sig)
        proc.communicate(timeout=10)
        states = []
        for _ in range(50):
            states = [harness.process_state(pid) for pid in pids]
            if all(st in ("gone", "Z") for st in states):
                break
            time.sleep(0.1)
        check(f"{name}: the parent's 4 children are not left running", len(pids) == 4 and
              all(st in ("gone", "Z") for st in states), f"pids {pids} states {states}")
        if sig == signal.SIGINT:
            check("Ctrl-C: status 130, children reaped by the parent", proc.returncode == 130 and
                  all(st == "gone" for st in states), f"status {proc.returncode} states {states}")
    src = ("import multiprocessing as mp, time\n"
           "if __name__ == '__main__':\n"
           "    a = mp.Process(target=time.sleep, args=(0.5,))\n"
           "    b = mp.Process(target=time.sleep, args=(60,), daemon=True)\n"
           "    a.start(); b.start()\n"
           "    print(a.pid, b.pid, flush=True)\n")
    start = time.monotonic()
    p = run(["-c", src], timeout=30)
    secs = time.monotonic() - start
    pids = [int(x) for x in p.stdout.split()] if p.returncode == 0 else []
    check("exit: waits for a non-daemonic child, terminates a daemonic one",
          p.returncode == 0 and 0.4 < secs < 20 and len(pids) == 2 and
          all(harness.process_state(pid) == "gone" for pid in pids), show(p))


def test_traceback_entries(tmp):
    # The frames a traceback lists are CPython's (its caret lines aside):
    # a bare `raise` adds no entry of its own.
    path = os.path.join(tmp, "reraise.py")
    with open(path, "w") as f:
        f.write("def g():\n    raise\n\ndef f():\n    try:\n        1 / 0\n"
                "    except ZeroDivisionError:\n        g()\n\n"
                "try:\n    f()\nexcept ZeroDivisionError:\n    raise\n")
    p = run([path])
    oracle = subprocess.run([sys.executable, path], capture_output=True, text=True)
    want = [l for l in oracle.stderr.splitlines() if set(l.strip()) - set("~^")]
    check("bare raise: traceback entries as CPython's", p.stderr.splitlines() == want,
          f"gilvm:\n{p.stderr}\nCPython:\n{oracle.stderr}")


# ---------------------------------------------------------------------------
# Deadlocks: every thread blocked forever is reported (status 1), and
# nothing else is. These programs hang under python3, so they live here and
# not in tests/golden.
# ---------------------------------------------------------------------------

DEADLOCK_HEADER = "gilvm: deadlock: every thread is blocked forever\n\nThread MainThread (blocked in "

# name -> (source, stdout, [strings stderr must contain], [regexes stderr must match])
DEADLOCKS = {
    "dl_two_locks.py": ("""import threading
a = threading.Lock()
b = threading.Lock()
both = threading.Barrier(2)

def worker():
    with b:
        both.wait()
        with a:
            print("worker got both")

t = threading.Thread(target=worker)
print("start")
t.start()
with a:
    both.wait()
    with b:
        print("main got both")
t.join()
""", "start\n", ["Thread MainThread (blocked in Lock.acquire):\n",
                 'File "TMP/dl_two_locks.py", line 17, in <module>\n    with b:\n',
                 "\n\nThread Thread-1 (worker) (blocked in Lock.acquire):\n",
                 'File "TMP/dl_two_locks.py", line 9, in worker\n    with a:\n'], []),
    "dl_join_event.py": ("""import threading
never = threading.Event()
def waiter():
    never.wait()
t = threading.Thread(target=waiter, name="waiter")
t.start()
print("joining")
t.join()
""", "joining\n", ['File "TMP/dl_join_event.py", line 8, in <module>\n    t.join()\n',
                   "Thread waiter (blocked in Lock.acquire):\n",
                   'File "TMP/dl_join_event.py", line 4, in waiter\n    never.wait()\n'], []),
    "dl_queue_get.py": ("""import queue
q = queue.Queue()
q.put(1)
print(q.get())
q.get()
""", "1\n", ['File "TMP/dl_queue_get.py", line 5, in <module>\n    q.get()\n'], []),
    "dl_reacquire.py": ("""import threading
l = threading.Lock()
print(l.acquire())
l.acquire()
print("not reached")
""", "True\n", ["Thread MainThread (blocked in Lock.acquire):\n"
                "  File \"TMP/dl_reacquire.py\", line 4, in <module>\n    l.acquire()\n"], []),
    "dl_at_exit.py": ("""import threading
cond = threading.Condition()
def waiter():
    with cond:
        cond.wait()
threading.Thread(target=waiter, name="forgotten").start()
print("main done")
""", "main done\n", ["Thread MainThread (blocked in Lock.acquire, at exit, joining the non-daemon threads):\n",
                     "in _shutdown\n",
                     "Thread forgotten (blocked in Lock.acquire):\n",
                     'File "TMP/dl_at_exit.py", line 5, in waiter\n    cond.wait()\n'], []),
    "dl_rlock_daemon.py": ("""import threading
r = threading.RLock()
r.acquire()
r.acquire()
def other():
    r.acquire()
t = threading.Thread(target=other, daemon=True)
t.start()
t.join()
""", "", ['File "TMP/dl_rlock_daemon.py", line 9, in <module>\n    t.join()\n',
          "Thread Thread-1 (other) (blocked in RLock.acquire):\n",
          'File "TMP/dl_rlock_daemon.py", line 6, in other\n    r.acquire()\n'], []),
    "dl_bare_thread.py": ("""import _thread, threading
held = threading.Lock()
held.acquire()
started = threading.Event()
def f():
    started.set()
    held.acquire()
_thread.start_new_thread(f, ())
started.wait()
sem = threading.Semaphore(0)
sem.acquire()
""", "", ['File "TMP/dl_bare_thread.py", line 11, in <module>\n    sem.acquire()\n'],
          [r"\n\nThread \d+ \(blocked in Lock\.acquire\):\n"
           r'  File "TMP/dl_bare_thread\.py", line 7, in f\n    held\.acquire\(\)\n']),
}

# name -> (source, expected stdout, stdin text written after a delay or None)
NOT_DEADLOCKS = {
    "nd_timeouts.py": ("""import threading
l = threading.Lock()
l.acquire()
print(l.acquire(timeout=0.2))
ev = threading.Event()
def w():
    print("waited", ev.wait(0.3))
t = threading.Thread(target=w)
t.start()
t.join()
print("done")
""", "False\nwaited False\ndone\n", None),
    "nd_sleepers.py": ("""import threading, time
ev = threading.Event()
def sleeper():
    time.sleep(0.3)
    ev.set()
threading.Thread(target=sleeper).start()
ev.wait()
lock = threading.Lock()
lock.acquire()
def releaser():
    time.sleep(0.3)
    lock.release()
threading.Thread(target=releaser).start()
lock.acquire()
print("woke twice")
""", "woke twice\n", None),
    "nd_reader.py": ("""import threading
got = []
def reader():
    got.append(input())
t = threading.Thread(target=reader)
t.start()
t.join()
print("read", got)
""", "read ['hello']\n", "hello\n"),
    "nd_main_input.py": ("""import threading
l = threading.Lock()
l.acquire()
threading.Thread(target=l.acquire, daemon=True).start()
print("typed", input())
""", "typed hello\n", "hello\n"),
    "nd_queue_10000.py": ("""import queue, threading
N = 10000
q = queue.Queue(maxsize=1)
out = []
def producer():
    for i in range(N):
        q.put(i)
    q.put(None)
def consumer():
    total = 0
    while True:
        x = q.get()
        if x is None:
            break
        total += x
    out.append(total)
ts = [threading.Thread(target=producer), threading.Thread(target=consumer)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(out == [N * (N - 1) // 2])
""", "True\n", None),
    "nd_ping_pong_10000.py": ("""import threading
N = 10000
ping = threading.Lock()
pong = threading.Lock()
pong.acquire()
count = [0, 0]
def a():
    for _ in range(N):
        ping.acquire()
        count[0] += 1
        pong.release()
def b():
    for _ in range(N):
        pong.acquire()
        count[1] += 1
        ping.release()
ts = [threading.Thread(target=a), threading.Thread(target=b)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(count)
""", "[10000, 10000]\n", None),
}


def run_program(tmp, name, source, stdin_later=None, timeout=20):
    """Runs a program from tmp; stdin_later is written 0.5 s after the start.
    Returns (status, stdout, stderr, seconds), status None on a timeout."""
    with open(os.path.join(tmp, name), "w") as f:
        f.write(source)
    start = time.monotonic()
    proc = subprocess.Popen([GILVM, name], cwd=tmp, env=harness.gilvm_env(), text=True, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if stdin_later is not None:
        time.sleep(0.5)
        proc.stdin.write(stdin_later)
        proc.stdin.flush()
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        return None, out, err, time.monotonic() - start
    return proc.returncode, out, err, time.monotonic() - start


def test_deadlock(tmp):
    # The reports name files as tracebacks do: by the script's absolute path
    # (TMP/ in DEADLOCKS stands for the folder the programs run in).
    folder = os.path.realpath(tmp) + "/"
    for name, (source, stdout, has, patterns) in DEADLOCKS.items():
        has = [s.replace("TMP/", folder) for s in has]
        patterns = [p.replace("TMP/", re.escape(folder)) for p in patterns]
        status, out, err, secs = run_program(tmp, name, source)
        detail = f"status {status} after {secs:.2f} s\nstdout: {out!r}\nstderr:\n{err}"
        check(f"deadlock {name}: status 1", status == 1, detail)
        check(f"deadlock {name}: reported within 5 s", secs < 5, detail)
        check(f"deadlock {name}: stdout kept", out == stdout, detail)
        check(f"deadlock {name}: header", err.startswith(DEADLOCK_HEADER), detail)
        for s in has:
            check(f"deadlock {name}: stderr has {s!r}", s in err, detail)
        for pattern in patterns:
            check(f"deadlock {name}: stderr matches {pattern!r}", re.search(pattern, err) is not None, detail)
    for rounds, (name, (source, stdout, stdin_later)) in zip([1, 1, 1, 1, 3, 3], NOT_DEADLOCKS.items()):
        for _ in range(rounds):
            status, out, err, secs = run_program(tmp, name, source, stdin_later)
            detail = f"status {status} after {secs:.2f} s\nstdout: {out!r}\nstderr:\n{err}"
            check(f"no deadlock {name}", status == 0 and out == stdout and err == "", detail)

    # Ctrl-C still interrupts a main thread blocked forever (here while a
    # daemon thread sleeps, so it is not a deadlock).
    src = ("import threading, time\n"
           "def nap():\n    while True:\n        time.sleep(0.05)\n"
           "threading.Thread(target=nap, daemon=True).start()\n"
           "l = threading.Lock()\nl.acquire()\nprint('waiting', flush=True)\nl.acquire()\n")
    proc, out, err = interrupt_after_first_line(src, 0.3)
    check("Ctrl-C interrupts a blocked acquire: status 130", proc.returncode == 130,
          f"status {proc.returncode} stderr {err!r}")
    check("Ctrl-C interrupts a blocked acquire: KeyboardInterrupt",
          "KeyboardInterrupt" in err and "deadlock" not in err, err)


# ---------------------------------------------------------------------------
# A terminal session through tmux
# ---------------------------------------------------------------------------

class Repl(harness.Tmux):
    """gilvm's REPL in a terminal, with `home` as $HOME (for its history)."""

    def __init__(self, home):
        super().__init__(GILVM, "gilvm-cli-test", env={"HOME": home}, height=60)

    def wait_prompts(self, n, timeout=10.0):
        return self.wait_for(lambda s: sum(1 for l in s.splitlines() if l.startswith(">>>")) >= n, timeout)


def screen_lines(s):
    return [l.rstrip() for l in s.splitlines()]


def test_terminal():
    if shutil.which("tmux") is None:
        print("SKIP terminal tests: tmux is not installed (apt-get install tmux)")
        return
    home = tempfile.mkdtemp(prefix="gilvm-home-")
    t = Repl(home)
    try:
        ok = t.wait_prompts(1)
        check("tty: banner and prompt", ok and "gilvm 0.1.0" in t.screen(), t.screen())
        if not ok:
            return
        t.line("1+2")
        check("tty: expression echoed", t.wait_prompts(2) and "3" in screen_lines(t.screen()), t.screen())
        t.line("for i in range(3):")
        check("tty: ... prompt for a block", t.wait_for(lambda s: s.rstrip().endswith("...")), t.screen())
        t.line("    print(i * 11)")
        t.line("")
        ok = t.wait_prompts(3)
        lines = screen_lines(t.screen())
        check("tty: block runs after a blank line", ok and all(x in lines for x in ("0", "11", "22")), t.screen())
        t.line("_ * 10")
        check("tty: _ holds the last value", t.wait_prompts(4) and "30" in screen_lines(t.screen()), t.screen())
        t.line("x")
        check("tty: NameError printed, REPL goes on",
              t.wait_prompts(5) and "NameError: name 'x' is not defined" in t.screen(), t.screen())
        t.type("abc")
        t.key("C-c")
        check("tty: Ctrl-C cancels the line", t.wait_prompts(6) and "KeyboardInterrupt" in t.screen()
              and "name 'abc'" not in t.screen(), t.screen())
        t.line("if True:")
        t.type("    zzz")
        t.key("C-c")
        ok = t.wait_prompts(7)
        t.line("'after cancel'")
        check("tty: Ctrl-C cancels a block", t.wait_prompts(8) and "'after cancel'" in screen_lines(t.screen())
              and "name 'zzz'" not in t.screen(), t.screen())
        t.line("n = 0")
        t.wait_prompts(9)
        t.line("while True:")
        t.line("    n += 1")
        t.line("    if n == 1: print('spin' + 'ning')")
        t.line("")
        started = t.wait_for(lambda s: "spinning" in screen_lines(s))
        t.key("C-c")
        check("tty: Ctrl-C interrupts running code", started and t.wait_prompts(10)
              and t.screen().count("KeyboardInterrupt") >= 3, t.screen())
        t.line("n > 1000")
        check("tty: the loop ran until Ctrl-C", t.wait_prompts(11) and "True" in screen_lines(t.screen()), t.screen())
        t.line("def seven():")
        t.key("Tab")
        t.line("return 7")
        t.line("")
        t.line("seven()")
        check("tty: Tab on a blank line indents", t.wait_prompts(13) and "7" in screen_lines(t.screen()), t.screen())
        t.type("pri")
        t.key("Tab")
        check("tty: Tab completes a name", t.wait_for(lambda s: ">>> print(" in s), t.screen())
        t.line("'done')")
        check("tty: completed call runs", t.wait_prompts(14) and "done" in screen_lines(t.screen()), t.screen())
        t.line("import math")
        t.wait_prompts(15)
        t.type("math.sq")
        t.key("Tab")
        check("tty: Tab completes an attribute", t.wait_for(lambda s: ">>> math.sqrt(" in s), t.screen())
        t.line("16)")
        check("tty: attribute call runs", t.wait_prompts(16) and "4.0" in screen_lines(t.screen()), t.screen())
        t.line("class Point:")
        t.line("    def __init__(self): self.xcoord = 1")
        t.line("")
        t.line("pt = Point()")
        t.wait_prompts(18)
        t.type("pt.xc")
        t.key("Tab")
        check("tty: Tab completes an instance attribute", t.wait_for(lambda s: ">>> pt.xcoord" in s), t.screen())
        t.key("Enter")
        t.wait_prompts(19)
        t.line("exit()")
        check("tty: exit() leaves with 0", t.wait_text("EXIT=0"), t.screen())
        hist = os.path.join(home, ".gilvm_history")
        text = open(hist).read() if os.path.exists(hist) else ""
        check("tty: history saved in $HOME/.gilvm_history", "1+2" in text.splitlines(), repr(text))
    finally:
        t.close()

    # A second session: the history is back (Up recalls the last line), and
    # Ctrl-D on an empty line leaves.
    t = Repl(home)
    try:
        t.wait_prompts(1)
        t.key("Up")
        check("tty: history loaded in a new session", t.wait_for(lambda s: ">>> exit()" in s), t.screen())
        t.key("C-c")
        t.wait_prompts(2)
        t.line("import sys; sys.exit(3)")
        check("tty: sys.exit(3) leaves with 3", t.wait_text("EXIT=3"), t.screen())
    finally:
        t.close()
    t = Repl(home)
    try:
        t.wait_prompts(1)
        t.key("C-d")
        check("tty: Ctrl-D leaves with 0", t.wait_text("EXIT=0"), t.screen())
    finally:
        t.close()
    shutil.rmtree(home, ignore_errors=True)


def main():
    if not os.access(GILVM, os.X_OK):
        print(f"no executable {GILVM}")
        print("0 passed, 1 failed")
        return 1
    tmp = tempfile.mkdtemp(prefix="gilvm-cli-")
    try:
        test_options(tmp)
        test_command(tmp)
        test_script(tmp)
        test_module(tmp)
        test_stdin()
        test_inspect()
        test_ctrl_c()
        test_deadlock(tmp)
        test_children_at_exit(tmp)
        test_traceback_entries(tmp)
        test_terminal()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return checks.summary()


if __name__ == "__main__":
    sys.exit(main())
