#!/usr/bin/env python3
"""Golden test runner for gilvm.

    run.py --interp PATH [--jobs N] [--filter SUBSTR] [--exclude SUBSTR]... [--interp-arg ARG]... DIR...
    run.py --oracle      [--jobs N] [--filter SUBSTR] DIR...

Every *.py file under the given directories (recursively, sorted) is a test,
except files whose name starts with "_" (helper modules imported by tests).
A test states what it expects in comments; see README.md for the markers.
Standard library only.
"""

import argparse
import difflib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor

DEFAULT_TIMEOUT = 10.0
OUTPUT_CAP = 4 * 1024 * 1024     # bytes kept of each of stdout/stderr
DIFF_LINES = 20                  # lines of a diff shown per failure

# A marker is a comment: "#" at the start of a line or after whitespace.
MARKER_RE = re.compile(r"(?:^|\s)#\s*(expect|error|exit|stdin|args|xfail)\s*:(.*)$")
FLAG_RE = re.compile(r"(?:^|\s)#\s*gilvm-only\s*$")


class Spec:
    def __init__(self):
        self.expect = []         # expected stdout lines
        self.error = None        # prefix of the last non-empty stderr line
        self.exit = None         # expected exit status
        self.stdin = []          # lines of stdin
        self.args = []           # command-line arguments
        self.xfail = None        # reason, when an expected failure
        self.gilvm_only = False
        self.problems = []       # malformed markers


def _rest(text):
    """Everything after "marker:" with exactly one separating space removed."""
    return text[1:] if text.startswith(" ") else text


def parse_markers(path):
    spec = Spec()
    with open(path, "rb") as f:
        source = f.read().decode("utf-8", errors="replace")
    has_assertion = False
    for lineno, line in enumerate(source.splitlines(), 1):
        if FLAG_RE.search(line):
            spec.gilvm_only = True
            continue
        m = MARKER_RE.search(line)
        if not m:
            continue
        kind, rest = m.group(1), _rest(m.group(2))
        if kind == "expect":
            spec.expect.append(rest)
            has_assertion = True
        elif kind == "error":
            if spec.error is not None:
                spec.problems.append("line %d: second '# error:' marker" % lineno)
            spec.error = rest.strip()
            has_assertion = True
        elif kind == "exit":
            if spec.exit is not None:
                spec.problems.append("line %d: second '# exit:' marker" % lineno)
            try:
                spec.exit = int(rest.strip())
            except ValueError:
                spec.problems.append("line %d: bad '# exit:' value %r" % (lineno, rest))
            has_assertion = True
        elif kind == "stdin":
            spec.stdin.append(rest)
        elif kind == "args":
            spec.args.extend(rest.split())
        elif kind == "xfail":
            spec.xfail = rest.strip() or "(no reason given)"
    if not has_assertion:
        spec.problems.append("asserts nothing (no '# expect:', '# error:' or '# exit:' marker)")
    return spec


def find_tests(paths):
    found = []
    for p in paths:
        if os.path.isfile(p):
            found.append(p)
            continue
        if not os.path.isdir(p):
            raise SystemExit("run.py: no such file or directory: %s" % p)
        for root, dirs, files in os.walk(p):
            dirs[:] = [d for d in dirs if d != "__pycache__" and not d.startswith(".")]
            for name in files:
                if name.endswith(".py") and not name.startswith("_"):
                    found.append(os.path.join(root, name))
    me = os.path.realpath(__file__)   # the runner is not a test
    return sorted(set(os.path.normpath(f) for f in found if os.path.realpath(f) != me))


def display_name(path):
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def _drain(stream, sink):
    """Read a pipe to EOF, keeping the first OUTPUT_CAP bytes."""
    size = 0
    truncated = False
    while True:
        chunk = stream.read(65536)
        if not chunk:
            break
        if size < OUTPUT_CAP:
            keep = chunk[:OUTPUT_CAP - size]
            sink.append(keep)
            size += len(keep)
            truncated = truncated or len(keep) < len(chunk)
        else:
            truncated = True
    stream.close()
    if truncated:
        sink.append(b"\n[... output truncated by run.py ...]\n")


def _feed(stream, data):
    try:
        if data:
            stream.write(data)
    except (BrokenPipeError, OSError):
        pass
    finally:
        try:
            stream.close()
        except OSError:
            pass


def _kill_group(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, OSError):
        pass


def execute(cmd, stdin_bytes, cwd, env, timeout):
    """Run cmd; returns (returncode, stdout bytes, stderr bytes, timed_out)."""
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    out, err = [], []
    threads = [threading.Thread(target=_drain, args=(proc.stdout, out), daemon=True),
               threading.Thread(target=_drain, args=(proc.stderr, err), daemon=True),
               threading.Thread(target=_feed, args=(proc.stdin, stdin_bytes), daemon=True)]
    for t in threads:
        t.start()
    timed_out = False
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
    # Kill the whole process group: on a timeout, and also afterwards, so that
    # a stray grandchild cannot keep the pipes open.
    _kill_group(proc)
    proc.wait()
    for t in threads:
        t.join(timeout=5)
    return proc.returncode, b"".join(out), b"".join(err), timed_out


def short_diff(expected, actual):
    diff = list(difflib.unified_diff(expected, actual, "expected stdout", "actual stdout",
                                     lineterm="", n=2))
    if len(diff) > DIFF_LINES:
        diff = diff[:DIFF_LINES] + ["... (%d more diff lines)" % (len(diff) - DIFF_LINES)]
    return diff


def tail(text, n=5):
    lines = [l for l in text.splitlines() if l.strip()]
    return lines[-n:]


def check(spec, rc, out_b, err_b, timed_out, timeout):
    """Returns a list of problem lines; empty means the test passed."""
    if timed_out:
        msg = ["timed out after %gs (killed)" % timeout]
        err = err_b.decode("utf-8", errors="replace")
        return msg + ["stderr: " + l for l in tail(err)]
    out = out_b.decode("utf-8", errors="replace")
    err = err_b.decode("utf-8", errors="replace")
    problems = []

    expected_text = "".join(l + "\n" for l in spec.expect)
    if out != expected_text:
        exp_lines = expected_text.splitlines()
        act_lines = out.splitlines()
        if exp_lines == act_lines:
            problems.append("stdout differs only in line endings / final newline: %r" % out[-40:])
        else:
            problems.append("stdout differs:")
            problems.extend("  " + l for l in short_diff(exp_lines, act_lines))

    if rc < 0:
        try:
            signame = signal.Signals(-rc).name
        except ValueError:
            signame = "signal %d" % -rc
        problems.append("killed by %s" % signame)
    if spec.error is not None:
        want_rc = spec.exit if spec.exit is not None else 1
        lines = [l for l in err.splitlines() if l.strip()]
        last = lines[-1] if lines else ""
        if not last.startswith(spec.error):
            problems.append("last stderr line %r does not start with %r" % (last, spec.error))
            problems.extend("  stderr: " + l for l in tail(err)[:-1])
    else:
        want_rc = spec.exit if spec.exit is not None else 0
        if err:
            problems.append("unexpected stderr:")
            problems.extend("  stderr: " + l for l in tail(err))
    if rc >= 0 and rc != want_rc:   # a death by signal is reported above
        problems.append("exit status %d, expected %d" % (rc, want_rc))
    return problems


def run_one(path, opts):
    """Returns (status, name, detail lines). status: pass fail xfail xpass skip."""
    name = display_name(path)
    try:
        spec = parse_markers(path)
    except OSError as e:
        return "fail", name, ["cannot read: %s" % e]
    if opts.oracle and spec.gilvm_only:
        return "skip", name, []
    if spec.problems:
        return "fail", name, spec.problems

    if opts.oracle:
        cmd = [sys.executable]
    else:
        cmd = [opts.interp] + list(opts.interp_arg)
    cmd += [os.path.abspath(path)] + spec.args
    stdin_bytes = "".join(l + "\n" for l in spec.stdin).encode("utf-8")

    env = dict(os.environ)
    for var in ("PYTHONPATH", "PYTHONSTARTUP", "PYTHONINSPECT", "PYTHONWARNINGS"):
        env.pop(var, None)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"   # no __pycache__ in the source tree

    workdir = tempfile.mkdtemp(prefix="gilvm-golden-")
    try:
        rc, out_b, err_b, timed_out = execute(cmd, stdin_bytes, workdir, env, opts.timeout)
    except OSError as e:
        return "fail", name, ["cannot run %s: %s" % (cmd[0], e)]
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    problems = check(spec, rc, out_b, err_b, timed_out, opts.timeout)
    if spec.xfail is not None and not opts.oracle:
        if problems:
            return "xfail", name, []
        return "xpass", name, ["xfail: " + spec.xfail]
    if problems:
        return "fail", name, problems
    return "pass", name, []


def main(argv=None):
    ap = argparse.ArgumentParser(description="Run gilvm golden tests.")
    who = ap.add_mutually_exclusive_group(required=True)
    who.add_argument("--interp", metavar="PATH", help="the gilvm binary to test")
    who.add_argument("--oracle", action="store_true",
                     help="run under CPython (sys.executable); skips '# gilvm-only' files")
    ap.add_argument("--interp-arg", metavar="ARG", action="append", default=[],
                    help="extra interpreter argument, before the script (repeatable)")
    ap.add_argument("--jobs", "-j", type=int, default=2, metavar="N")
    ap.add_argument("--filter", metavar="SUBSTR", help="run only tests whose path contains SUBSTR")
    ap.add_argument("--exclude", metavar="SUBSTR", action="append", default=[],
                    help="skip tests whose path contains SUBSTR (repeatable)")
    ap.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                    help="per-test timeout (default %(default)s)")
    ap.add_argument("--verbose", "-v", action="store_true", help="print every test's result")
    ap.add_argument("dirs", nargs="+", metavar="DIR")
    # "--interp-arg -X" must work although "-X" looks like an option to argparse.
    argv = list(sys.argv[1:] if argv is None else argv)
    joined = []
    i = 0
    while i < len(argv):
        if argv[i] == "--interp-arg" and i + 1 < len(argv):
            joined.append("--interp-arg=" + argv[i + 1])
            i += 2
        else:
            joined.append(argv[i])
            i += 1
    opts = ap.parse_args(joined)

    if opts.interp:
        found = shutil.which(opts.interp) if os.sep not in opts.interp else opts.interp
        if not found or not os.path.isfile(found):
            ap.error("interpreter not found: %s" % opts.interp)
        opts.interp = os.path.abspath(found)
    if opts.oracle and sys.version_info[:2] != (3, 11):
        print("warning: the oracle is CPython 3.11; this is %s" % sys.version.split()[0],
              file=sys.stderr)

    tests = find_tests(opts.dirs)
    if opts.filter:
        tests = [t for t in tests if opts.filter in display_name(t) or opts.filter in t]
    for ex in opts.exclude:
        tests = [t for t in tests if ex not in display_name(t) and ex not in t]

    counts = {"pass": 0, "fail": 0, "xfail": 0, "xpass": 0, "skip": 0}
    lock = threading.Lock()

    def report(result):
        status, name, detail = result
        with lock:
            counts[status] += 1
            if status == "fail":
                print("FAIL %s: %s" % (name, detail[0]))
                for line in detail[1:]:
                    print("    " + line)
            elif status == "xpass":
                print("XPASS %s (%s)" % (name, detail[0]))
            elif opts.verbose:
                print("%s %s" % (status.upper(), name))
            sys.stdout.flush()

    with ThreadPoolExecutor(max_workers=max(1, opts.jobs)) as pool:
        futures = [pool.submit(run_one, t, opts) for t in tests]
        for fut in futures:
            report(fut.result())

    passed = counts["pass"] + counts["xpass"]
    summary = "%d passed, %d failed" % (passed, counts["fail"])
    if counts["skip"]:
        summary += ", %d skipped" % counts["skip"]
    if counts["xfail"]:
        summary += ", %d xfailed" % counts["xfail"]
    print(summary)
    return 1 if counts["fail"] else 0


if __name__ == "__main__":
    sys.exit(main())
