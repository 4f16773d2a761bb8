# Every way of running a child reaps it: no zombie is left behind.
import os
import subprocess
import sys
def zombies():
    found = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[0] == "Z" and int(fields[1]) == os.getpid():
                found.append(int(name))
    return found
subprocess.run(["true"])
subprocess.run(["sh", "-c", "exit 3"], capture_output=True)
subprocess.call(["false"])
subprocess.check_output(["echo"])
for cmd in (["nosuch-program-xyz"], ["sh", "-c", "kill -9 $$"]):
    try:
        subprocess.check_call(cmd)
    except (OSError, subprocess.CalledProcessError) as e:
        print(type(e).__name__)
try:
    subprocess.run(["sleep", "30"], timeout=0.1)
except subprocess.TimeoutExpired:
    print("TimeoutExpired")
with subprocess.Popen(["sleep", "30"]) as p:
    p.kill()
print(zombies(), p.returncode)
# expect: FileNotFoundError
# expect: CalledProcessError
# expect: TimeoutExpired
# expect: [] -9
