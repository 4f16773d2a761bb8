# env= replaces the child's environment; cwd= its working directory.
import os
import subprocess
import sys
r = subprocess.run("echo $GREETING-$HOME", shell=True, env={"GREETING": "hi"}, capture_output=True, text=True)
print(repr(r.stdout))
# expect: 'hi-\n'
env = dict(os.environ)
env["GREETING"] = "hello"
print(subprocess.check_output(["sh", "-c", "echo $GREETING"], env=env))
# expect: b'hello\n'
# The program is looked for on env's PATH; without one, in /bin:/usr/bin
# (os.defpath), not on the parent's PATH.
saved = os.environ["PATH"]
os.environ["PATH"] = "/nonexistent"
print(subprocess.run(["echo", "found"], env={}, capture_output=True).stdout)
# expect: b'found\n'
try:
    subprocess.run(["echo"], env={"PATH": "/nonexistent"})
except FileNotFoundError as e:
    print(e)
# expect: [Errno 2] No such file or directory: 'echo'
os.environ["PATH"] = saved
PRINT_CWD = "import os; print(os.getcwd())"
os.mkdir("sub")
here = subprocess.check_output([sys.executable, "-c", PRINT_CWD], text=True).strip()
there = subprocess.check_output([sys.executable, "-c", PRINT_CWD], cwd="sub", text=True).strip()
print(here == os.getcwd(), there == os.path.join(os.getcwd(), "sub"))
# expect: True True
print(subprocess.check_output(["ls"], cwd="sub"))
# expect: b''
