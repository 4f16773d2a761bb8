#!/usr/bin/env python3
"""`make install` and `make uninstall`, end to end, in a staging root:

  * `make install PREFIX=/opt/gilvm-install-test DESTDIR=<temp>` (CMake's
    install rules; the build step skipped with `make -o build`, since ctest
    runs after the build) copies exactly one file, PREFIX/bin/gilvm, and
    lists it in the build tree's install_manifest.txt (as PREFIX/bin/gilvm:
    uninstall is given the same DESTDIR);
  * that gilvm, found on PATH by name from another folder, runs
    samples/00_tour.py and prints what the built binary prints, imports the
    embedded stdlib (threading, queue) and writes a timeline page from the
    template inside it;
  * `make uninstall DESTDIR=<temp>` removes that file and no folder.

The build tree's own install_manifest.txt (from a real `make install`) is
put back afterwards, so a later `make uninstall` still removes the real one.

    python3 tests/cli/test_install.py build/gilvm

Prints one line per failure and `N passed, M failed`; exit status 1 when
something failed.
"""

import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import harness  # noqa: E402

GILVM = harness.interpreter_path()
BUILD = os.path.dirname(GILVM)  # CMakeLists.txt puts gilvm at the top of the build tree
PREFIX = "/opt/gilvm-install-test"
checks = harness.Checks(detail_limit=2000)
check = checks.check


def make(*args):
    return subprocess.run(["make", "--no-print-directory", "-C", harness.ROOT, *args, f"BUILD={BUILD}"],
                          capture_output=True, text=True, timeout=120)


def files_under(root):
    out = []
    for dirpath, _, files in os.walk(root):
        out += [os.path.relpath(os.path.join(dirpath, f), root) for f in files]
    return sorted(out)


def main():
    manifest = os.path.join(BUILD, "install_manifest.txt")
    saved = None
    if os.path.exists(manifest):
        with open(manifest, "rb") as f:
            saved = f.read()
    tmp = tempfile.mkdtemp(prefix="gilvm-install-")
    stage = os.path.join(tmp, "stage")
    elsewhere = os.path.join(tmp, "elsewhere")
    os.mkdir(elsewhere)
    installed = stage + PREFIX + "/bin/gilvm"
    try:
        r = make("-o", "build", "install", f"PREFIX={PREFIX}", f"DESTDIR={stage}")
        if not check("make install succeeds", r.returncode == 0, r.stdout + r.stderr):
            return
        check("one file installed, PREFIX/bin/gilvm", files_under(stage) == [PREFIX.lstrip("/") + "/bin/gilvm"],
              files_under(stage))
        check("it is executable", os.access(installed, os.X_OK))
        with open(manifest) as f:
            listed = f.read().split()
        check("the manifest lists it (without DESTDIR, as CMake writes it)", listed == [PREFIX + "/bin/gilvm"], listed)

        env = {"PATH": os.path.dirname(installed) + os.pathsep + os.environ.get("PATH", "")}
        check("gilvm is found on PATH", shutil.which("gilvm", path=env["PATH"]) == installed,
              shutil.which("gilvm", path=env["PATH"]))
        shutil.copy(os.path.join(harness.ROOT, "samples", "00_tour.py"), elsewhere)
        want = harness.run_gilvm(GILVM, ["00_tour.py"], cwd=elsewhere)
        got = subprocess.run(["gilvm", "00_tour.py"], capture_output=True, text=True, cwd=elsewhere,
                             env=harness.gilvm_env(env), timeout=30)
        check("the sample runs from another folder", got.returncode == 0 and got.stderr == "",
              f"status {got.returncode}\n{got.stderr}")
        check("and prints what the built gilvm prints",
              got.stdout == want.stdout and "tour done" in got.stdout, got.stdout)

        prog = ("import threading, queue\n"
                "q = queue.Queue()\n"
                "t = threading.Thread(target=lambda: q.put(sum(range(10))))\n"
                "t.start(); t.join()\n"
                "print(q.get(), threading.current_thread().name)\n")
        r = subprocess.run(["gilvm", "--gil-timeline=page.html", "-c", prog], capture_output=True, text=True,
                           cwd=elsewhere, env=harness.gilvm_env(env), timeout=30)
        check("the embedded stdlib imports", r.returncode == 0 and r.stdout == "45 MainThread\n",
              f"status {r.returncode}\n{r.stdout}{r.stderr}")
        page = os.path.join(elsewhere, "page.html")
        text = open(page, encoding="utf-8").read() if os.path.exists(page) else ""
        with open(os.path.join(harness.ROOT, "interpreter", "trace", "timeline.html"), encoding="utf-8") as f:
            template_head = f.read(2000)
        check("the timeline page comes from the embedded template",
              text.startswith(template_head) and "createElementNS" in text, text[:300])

        r = make("uninstall", f"DESTDIR={stage}")
        check("make uninstall succeeds", r.returncode == 0, r.stdout + r.stderr)
        check("the installed file is gone", not os.path.exists(installed))
        check("no folder was removed", os.path.isdir(os.path.dirname(installed)))
        check("nothing else is left", files_under(stage) == [], files_under(stage))
    finally:
        if saved is None:
            if os.path.exists(manifest):
                os.remove(manifest)
        else:
            with open(manifest, "wb") as f:
                f.write(saved)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
    sys.exit(checks.summary())
