# Threads compressing and decompressing large buffers at once (the GIL released inside zlib).
import threading
import zlib

results = {}
lock = threading.Lock()

def worker(i):
    data = b"".join(("thread " + str(i) + " row " + str(j) + "\n").encode() for j in range(20000))
    packed = zlib.compress(data, 6)
    assert zlib.decompress(packed) == data
    check = zlib.crc32(data)
    with lock:
        results[i] = (len(data), len(packed) < len(data) // 4, check == zlib.crc32(zlib.decompress(packed)))

threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for i in sorted(results):
    print(i, results[i])
# expect: 0 (368890, True, True)
# expect: 1 (368890, True, True)
# expect: 2 (368890, True, True)
# expect: 3 (368890, True, True)
