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
PRINT_CWD = "import os; print(os.getcwd())"
os.mkdir("sub")
here = subprocess.check_output([sys.executable, "-c", PRINT_CWD], text=True).strip()
there = subprocess.check_output([sys.executable, "-c", PRINT_CWD], cwd="sub", text=True).strip()
print(here == os.getcwd(), there == os.path.join(os.getcwd(), "sub"))
# expect: True True
print(subprocess.check_output(["ls"], cwd="sub"))
# expect: b''
