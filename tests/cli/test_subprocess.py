#!/usr/bin/env python3
"""Process-level checks of gilvm's subprocess module, beyond what a golden
test can see:

  * --gil-stats and gil.stats() show the parent blocked in "child process"
    while it waits, and another thread runs meanwhile;
  * Ctrl-C (SIGINT to gilvm alone, not to the child; or, as at a terminal,
    to both) while run(), call() or check_output() waits raises
    KeyboardInterrupt promptly (status 130), and the child is killed and
    reaped: no zombie while gilvm runs on, no orphan after it exits.

    python3 tests/cli/test_subprocess.py build/gilvm

Prints one line per failure and `N passed, M failed`; exit status 1 when
something failed.
"""

import os
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


def alive(pid):
    """The process exists and is not a zombie."""
    return harness.process_state(pid) not in ("gone", "Z")


STATS = """
import gil, subprocess, threading
counted = []
def count():
    n = 0
    while not done:
        n += 1
    counted.append(n)
done = False
t = threading.Thread(target=count)
t.start()
subprocess.run(["sleep", "0.4"])
done = True
t.join()
blocked = gil.stats()["threads"][0]["blocked_in"]
print("child process" in blocked, blocked.get("child process", 0) >= 0.3, counted[0] > 0)
"""


def test_gil_stats():
    p = harness.run_gilvm(GILVM, ["--gil-stats", "-c", STATS], timeout=60)
    check("gil.stats(): main thread blocked >= 0.3 s in child process, the other thread ran",
          p.returncode == 0 and p.stdout == "True True True\n", f"{p.stdout!r} {p.stderr!r}")
    check("--gil-stats: MainThread blocked in: child process",
          "MainThread blocked in: child process" in p.stderr, p.stderr)


# The child writes its pid to child.pid and sleeps; the parent waits in the
# way WAIT says; on Ctrl-C the parent reports whether the child still lives.
CTRL_C = """
import os, subprocess, sys
CHILD = "import os, time\\nwith open('child.pid', 'w') as f:\\n    f.write(str(os.getpid()))\\ntime.sleep(60)"
def state(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "gone"
try:
    WAIT
except KeyboardInterrupt:
    with open("child.pid") as f:
        print("interrupted, child", state(int(f.read())), flush=True)
    raise
"""

WAYS = {
    "run()": "subprocess.run([sys.executable, '-c', CHILD])",
    "run(capture_output=True)": "subprocess.run([sys.executable, '-c', CHILD], capture_output=True)",
    "run(input=..., timeout=...)": "subprocess.run([sys.executable, '-c', CHILD], input=b'x', timeout=50)",
    "call()": "subprocess.call([sys.executable, '-c', CHILD])",
    "check_output()": "subprocess.check_output([sys.executable, '-c', CHILD], text=True)",
}


def test_ctrl_c(tmp):
    ways = [(way, code, False) for way, code in WAYS.items()]
    # As at a terminal: the SIGINT goes to the whole process group, so the
    # child gets it too and ends; gilvm reaps it.
    ways.append(("run() (SIGINT to the process group)", WAYS["run()"], True))
    for way, code, group in ways:
        pidfile = os.path.join(tmp, "child.pid")
        if os.path.exists(pidfile):
            os.remove(pidfile)
        proc = subprocess.Popen([GILVM, "-c", CTRL_C.replace("WAIT", code)], cwd=tmp, env=harness.gilvm_env(),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                start_new_session=group)
        deadline = time.monotonic() + 30
        while not (os.path.exists(pidfile) and os.path.getsize(pidfile) > 0) and time.monotonic() < deadline:
            time.sleep(0.02)
        try:
            with open(pidfile) as f:
                child = int(f.read())
        except (OSError, ValueError):
            proc.kill()
            out, err = proc.communicate()
            check(f"Ctrl-C in {way}: child started", False, err)
            continue
        time.sleep(0.1)
        sent = time.monotonic()
        if group:
            os.killpg(proc.pid, signal.SIGINT)
        else:
            proc.send_signal(signal.SIGINT)  # to gilvm only: the child does not get it
        try:
            out, err = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
        took = time.monotonic() - sent
        check(f"Ctrl-C in {way}: KeyboardInterrupt, status 130, long before the child's 60 s",
              proc.returncode == 130 and err.rstrip().endswith("KeyboardInterrupt") and took < 20,
              f"status {proc.returncode} after {took:.1f} s, stderr {err!r}")
        check(f"Ctrl-C in {way}: the child was killed and reaped before the traceback",
              out == "interrupted, child gone\n", repr(out))
        check(f"Ctrl-C in {way}: no orphan left running", not alive(child), f"pid {child}")
        if alive(child):
            os.kill(child, signal.SIGKILL)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        test_gil_stats()
        test_ctrl_c(tmp)
    return checks.summary()


if __name__ == "__main__":
    sys.exit(main())
