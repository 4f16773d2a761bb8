# Threads updating one shared hash object with large chunks: every update counts, none is torn.
import hashlib
import threading

CHUNK = bytes(range(256)) * 256  # 64 KiB: each update runs with the GIL released
shared = hashlib.sha256()
small = hashlib.md5()

def worker():
    for _ in range(16):
        shared.update(CHUNK)
        small.update(b"ab")  # short updates keep the GIL but still take the object's lock
        shared.digest()  # reading while others update is safe too

threads = [threading.Thread(target=worker) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(shared.hexdigest() == hashlib.sha256(CHUNK * 64).hexdigest())  # expect: True
print(small.hexdigest() == hashlib.md5(b"ab" * 64).hexdigest())  # expect: True
print(shared.hexdigest())  # expect: 2b07811057df887086f06a67edc6ebf911de8b6741156e7a2eb1416a4b8b1b2e
