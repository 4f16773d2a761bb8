# Popen: poll, wait(timeout), terminate, kill, send_signal and returncode.
import subprocess
p = subprocess.Popen(["sleep", "30"])
print(p.poll(), p.returncode, p.pid > 0)
# expect: None None True
try:
    p.wait(timeout=0.05)
except subprocess.TimeoutExpired as e:
    print(e)
# expect: Command '['sleep', '30']' timed out after 0.05 seconds
p.terminate()
print(p.wait(), p.returncode, p.poll())
# expect: -15 -15 -15
p.kill()  # after the child was reaped: nothing happens
p = subprocess.Popen(["sleep", "30"])
p.kill()
print(p.wait())
# expect: -9
p = subprocess.Popen(["sleep", "30"])
p.send_signal(10)
print(p.wait())
# expect: -10
p = subprocess.Popen(["sh", "-c", "exit 3"])
print(p.wait(), p.wait(timeout=0))
# expect: 3 3
print(repr(subprocess.Popen(["true"]).wait()))
# expect: 0
