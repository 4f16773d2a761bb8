"""What the standalone test scripts (tests/*/test_*.py) share.

Each script is run on its own as `python3 tests/X/test_Y.py [GILVM]` and puts
tests/ on sys.path from its own __file__ to import this module. It gives:

  * Checks: the pass/fail tally. check(name, ok, detail) counts a check and
    prints `FAIL name` (and the detail, indented) when it fails; summary()
    prints the final line `N passed, M failed` and returns the exit status
    (1 when something failed).
  * interpreter_path(): the gilvm binary named on the command line, and
    gilvm_env() / run_gilvm(): run it with a timeout, free of the
    environment's GILVM_GC_STRESS (a test picks its own GC mode).
  * process_state(): a process's state letter, to see a child gone or a zombie.
  * Tmux: a real terminal (a tmux session of its own) driven by send-keys
    and read by capture-pane, for the REPL and the step debugger.

Python 3 standard library only.
"""

import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Checks:
    """Counts checks; `detail_limit` cuts a failure's printed detail."""

    def __init__(self, detail_limit=None):
        self.passed = 0
        self.failed = 0
        self.detail_limit = detail_limit

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {name}")
            if detail:
                print("    " + str(detail).replace("\n", "\n    ")[:self.detail_limit])
        return ok

    def summary(self):
        print(f"{self.passed} passed, {self.failed} failed")
        return 1 if self.failed else 0


def interpreter_path(argv=None):
    """The first argument that is not an option, else build/gilvm of this
    checkout; as an absolute path (the scripts run programs in other folders)."""
    args = [a for a in (sys.argv[1:] if argv is None else argv) if not a.startswith("--")]
    return os.path.abspath(args[0] if args else os.path.join(ROOT, "build", "gilvm"))


def gilvm_env(extra=None):
    """os.environ without GILVM_GC_STRESS, plus `extra`."""
    env = dict(os.environ)
    env.pop("GILVM_GC_STRESS", None)
    if extra:
        env.update(extra)
    return env


def run_gilvm(gilvm, args, stdin=None, cwd=None, env=None, timeout=30):
    """Runs `gilvm *args` to its end (text mode, output captured; `stdin` a
    text to read, None to inherit ours); raises subprocess.TimeoutExpired
    after `timeout` seconds."""
    return subprocess.run([gilvm, *args], input=stdin, capture_output=True, text=True,
                          cwd=cwd, env=gilvm_env(env), timeout=timeout)


def process_state(pid):
    """'gone', or the process's state letter from /proc (Z: a zombie, R/S: alive)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "gone"


class Tmux:
    """A terminal running `command` (a shell command line) in a detached tmux
    session with a server of its own. The shell traps SIGINT (so the Ctrl-Cs
    sent to the program do not end it too), then prints the program's exit
    status as EXIT=N on the screen and stays for a minute to be read."""

    sessions = 0

    def __init__(self, command, name="gilvm-test", cwd=None, env=None, width=100, height=50):
        Tmux.sessions += 1
        self.socket = f"{name}-{os.getpid()}-{Tmux.sessions}"
        assigns = " ".join(f"{k}={v}" for k, v in {**(env or {}), "INPUTRC": "/dev/null", "TERM": "xterm"}.items())
        cd = f"cd {cwd} && " if cwd else ""
        cmd = f"trap true INT; {cd}env {assigns} {command}; echo EXIT=$?; sleep 60"
        subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null", "new-session", "-d", "-s", "t",
                        "-x", str(width), "-y", str(height), "sh", "-c", cmd], check=True)

    def tmux(self, *args):
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True)

    def type(self, text):
        self.tmux("send-keys", "-t", "t", "-l", text)

    def key(self, *keys):
        self.tmux("send-keys", "-t", "t", *keys)

    def line(self, text):
        self.type(text)
        self.key("Enter")

    def screen(self):
        return self.tmux("capture-pane", "-p", "-t", "t", "-S", "-500").stdout

    def wait_for(self, pred, timeout=10.0):
        """Polls the screen until pred(screen) holds; False after `timeout` s."""
        end = time.time() + timeout
        while time.time() < end:
            if pred(self.screen()):
                return True
            time.sleep(0.05)
        return False

    def wait_text(self, text, count=1, timeout=10.0):
        return self.wait_for(lambda s: s.count(text) >= count, timeout)

    def close(self):
        self.tmux("kill-server")
