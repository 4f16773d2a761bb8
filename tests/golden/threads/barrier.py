# Barrier: every party waits until all have arrived; indexes are distinct.
import threading

b = threading.Barrier(4)
indexes = []
phases = []
lock = threading.Lock()

def work(i):
    for phase in range(3):
        idx = b.wait()
        with lock:
            indexes.append(idx)
            phases.append(phase)

ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(indexes))  # expect: [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3]
print(phases.count(0), phases.count(1), phases.count(2))  # expect: 4 4 4
print(b.parties, b.n_waiting, b.broken)  # expect: 4 0 False
lone = threading.Barrier(2)
try:
    lone.wait(timeout=0.05)
except threading.BrokenBarrierError:
    print("broken", lone.broken)  # expect: broken True
