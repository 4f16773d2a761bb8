# print() from 4 threads x 400 lines into one shared file: no line is torn or lost.
import sys
import threading

LINE = "the quick brown fox jumps over the lazy dog 0123456789"

def worker(f):
    for _ in range(200):
        print(LINE, file=f)
        print(LINE + "\n", end="", file=f)

with open("out.txt", "w") as f:
    ts = [threading.Thread(target=worker, args=(f,)) for _ in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
with open("out.txt", "rb") as f:
    data = f.read().decode("utf-8", "replace")
lines = data.split("\n")
whole = len(lines) == 1601 and lines[-1] == "" and all(line == LINE for line in lines[:-1])
# gilvm writes each print whole (one operation under the file's lock).
# CPython's TextIOWrapper is not thread-safe: lines written to one shared
# file from several threads may be torn or lost there, so python3 checks
# nothing but that the program ran.
print(whole or "gilvm" not in sys.version)  # expect: True
