# Threads start, run their target and are joined; results are collected.
import threading

results = []

def work(n):
    assert threading.current_thread().name != "MainThread"
    results.append(n * n)

threads = [threading.Thread(target=work, args=(i,)) for i in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))  # expect: [0, 1, 4, 9, 16, 25]
print([t.is_alive() for t in threads])  # expect: [False, False, False, False, False, False]
print(threading.active_count())  # expect: 1
