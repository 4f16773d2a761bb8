# A wait whose timeout is far beyond any real wait (up to float('inf')) waits for the child, as with none.
import subprocess
import threading

for t in [9e9, 1e12, 1e300, float("inf")]:
    p = subprocess.Popen(["sh", "-c", "sleep 0.05; exit 3"])
    print(t, p.wait(timeout=t), p.returncode)
out = subprocess.run(["sh", "-c", "sleep 0.05; echo done"], capture_output=True, timeout=2e6)
print(out.stdout, out.returncode)
# Two threads: the second waits for the first's waitpid lock with that timeout.
p = subprocess.Popen(["sh", "-c", "sleep 0.1; exit 4"])
codes = []
t = threading.Thread(target=lambda: codes.append(p.wait(timeout=1e12)))
t.start()
codes.append(p.wait(timeout=1e12))
t.join()
print(codes)

# The output:
# expect: 9000000000.0 3 3
# expect: 1000000000000.0 3 3
# expect: 1e+300 3 3
# expect: inf 3 3
# expect: b'done\n' 0
# expect: [4, 4]
