# Threads hashing large buffers (with the GIL released): 4 threads, 4 MB each; results sorted by the main thread.
import hashlib
import threading

SIZE = 4 * 1024 * 1024
results = []
lock = threading.Lock()

def worker(i):
    data = bytes([65 + i]) * SIZE
    h = hashlib.sha256()
    h.update(data[:SIZE // 2])
    h.update(data[SIZE // 2:])
    one_shot = hashlib.sha256(data).hexdigest()
    assert h.hexdigest() == one_shot, i
    with lock:
        results.append((chr(65 + i), one_shot))

threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for letter, digest in sorted(results):
    print(letter, digest)
# expect: A a58789e910e5f939afc433a00fef5930702927dc192cb237fd9e7449bd6ffe1d
# expect: B 5947c00ce4da5eac3e8b3731df34e42a2d7b7e88bdb7bd93b8152afcedaa2f92
# expect: C 95089da17de75fb26a2ce27e1ed429b42d29c42917d69ad329b17e21f3351492
# expect: D 441334f7204da371ff6755ea4096fd11f21a8852c33b2cc7baa67ad0ce3574c8
