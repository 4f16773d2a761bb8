# A map closed by one thread while others slice and flush it: they see ValueError, never a crash.
import mmap
import threading

with open("big.bin", "wb") as f:
    f.write(b"x" * (1 << 20))
with open("big.bin", "r+b") as f:
    m = mmap.mmap(f.fileno(), 0)
sliced = threading.Event()
flushed = threading.Event()
results = []


def slicer():
    count = 0
    while True:
        try:
            data = m[:]
            assert len(data) == 1 << 20 and data[-1:] == b"x"
            count += 1
            sliced.set()
        except ValueError as e:
            results.append(("slicer", count > 0, str(e)))
            return


def flusher():
    count = 0
    while True:
        try:
            m[count % 100] = ord("y")
            m.flush()
            count += 1
            flushed.set()
        except ValueError as e:
            results.append(("flusher", count > 0, str(e)))
            return


threads = [threading.Thread(target=slicer), threading.Thread(target=flusher)]
for t in threads:
    t.start()
sliced.wait()
flushed.wait()
m.close()
for t in threads:
    t.join()
for r in sorted(results):
    print(r)
with open("big.bin", "rb") as f:
    head = f.read(100)
print(head.count(b"y") > 0, head.strip(b"xy"))

# The output:
# expect: ('flusher', True, 'mmap closed or invalid')
# expect: ('slicer', True, 'mmap closed or invalid')
# expect: True b''
