# timeout: TimeoutExpired; run() kills the child; communicate() goes on after one.
import subprocess
import sys
try:
    subprocess.run(["sleep", "30"], capture_output=True, timeout=0.2)
except subprocess.TimeoutExpired as e:
    print(e)
    print(repr(e), e.stdout, e.stderr)
# expect: Command '['sleep', '30']' timed out after 0.2 seconds
# expect: TimeoutExpired(['sleep', '30'], 0.2) None None
CHILD = "import time\nprint('first', flush=True)\ntime.sleep(1.5)\nprint('second')"
p = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, text=True)
try:
    p.communicate(timeout=0.5)
except subprocess.TimeoutExpired as e:
    print("timed out with", repr(e.stdout), p.returncode)
# expect: timed out with b'first\n' None
try:
    p.wait(timeout=0.1)
except subprocess.TimeoutExpired as e:
    print(str(e).replace(sys.executable, "PY").replace(repr(CHILD), "CHILD"))
# expect: Command '['PY', '-c', CHILD]' timed out after 0.1 seconds
print(p.communicate(), p.returncode)
# expect: ('first\nsecond\n', None) 0
