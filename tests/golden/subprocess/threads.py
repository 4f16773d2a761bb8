# Children started and waited for from several threads at once.
import subprocess
import sys
import threading
results = []
def worker(k):
    out = subprocess.run([sys.executable, "-c", f"print({k} * {k})"], capture_output=True, text=True)
    results.append((k, out.stdout.strip(), out.returncode))
threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))
# expect: [(0, '0', 0), (1, '1', 0), (2, '4', 0), (3, '9', 0)]
# Two threads wait for the same child: both see its real exit status.
p = subprocess.Popen(["sh", "-c", "sleep 0.2; exit 7"])
codes = []
waiters = [threading.Thread(target=lambda: codes.append(p.wait())) for _ in range(2)]
for t in waiters:
    t.start()
codes.append(p.wait())
for t in waiters:
    t.join()
print(codes)
# expect: [7, 7, 7]
# A wait with a timeout is not stuck behind another thread's endless wait.
p = subprocess.Popen(["sleep", "30"])
t = threading.Thread(target=p.wait)
t.start()
try:
    p.wait(timeout=0.2)
except subprocess.TimeoutExpired as e:
    print(e)
# expect: Command '['sleep', '30']' timed out after 0.2 seconds
p.kill()
t.join()
print(p.returncode)
# expect: -9
