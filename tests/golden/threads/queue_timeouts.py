# Empty and Full: non-blocking calls and timeouts.
import queue

q = queue.Queue(maxsize=1)
try:
    q.get_nowait()
except queue.Empty:
    print("Empty now")  # expect: Empty now
try:
    q.get(timeout=0.05)
except queue.Empty:
    print("Empty after timeout")  # expect: Empty after timeout
q.put("x")
try:
    q.put_nowait("y")
except queue.Full:
    print("Full now")  # expect: Full now
try:
    q.put("y", timeout=0.05)
except queue.Full:
    print("Full after timeout")  # expect: Full after timeout
print(q.full(), q.get(block=False))  # expect: True x
sq = queue.SimpleQueue()
try:
    sq.get(timeout=0.02)
except queue.Empty:
    print("SimpleQueue Empty")  # expect: SimpleQueue Empty
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))  # expect: True True
