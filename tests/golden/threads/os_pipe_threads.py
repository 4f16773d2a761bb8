# os.read releases the GIL while it waits: the main thread blocks reading a
# pipe, a writer thread sleeps and then writes, and a third, CPU-bound
# thread keeps counting meanwhile. (If os.read kept the GIL, the writer
# could never run and the program would hang.)
import os
import threading
import time

r, w = os.pipe()
stop = False
counts = []

def spin():
    n = 0
    while not stop:
        n += 1
    counts.append(n)

def writer():
    time.sleep(0.1)
    os.write(w, b"ping")
    time.sleep(0.05)
    os.write(w, b"pong")
    os.close(w)

threads = [threading.Thread(target=spin), threading.Thread(target=writer)]
for t in threads:
    t.start()
got = []
while True:
    chunk = os.read(r, 100)  # blocks until the writer writes or closes
    if not chunk:
        break
    got.append(chunk)
stop = True
for t in threads:
    t.join()
os.close(r)
print(b"".join(got))  # expect: b'pingpong'
print(counts[0] > 1000)  # expect: True
