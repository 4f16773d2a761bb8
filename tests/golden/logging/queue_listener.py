# QueueHandler and QueueListener: threads log to a queue, a listener thread hands the records to a handler.
import logging
import logging.handlers
import queue
import threading

q = queue.Queue()
got = []

class Collect(logging.Handler):
    def emit(self, record):
        assert record.args is None and record.exc_info is None
        got.append((record.threadName, record.getMessage()))

listener = logging.handlers.QueueListener(q, Collect())
listener.start()
log = logging.getLogger('worker')
qh = logging.handlers.QueueHandler(q)
qh.setFormatter(logging.Formatter('{threadName}:{message}', style='{'))
log.addHandler(qh)
log.propagate = False

def work(n):
    for i in range(50):
        log.warning('item {}'.format(i))

threads = [threading.Thread(target=work, args=(k,), name=f'w{k}') for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
listener.stop()
print(len(got), sorted(set(name for name, _ in got)))  # expect: 200 ['w0', 'w1', 'w2', 'w3']
print(sorted(got)[0], sorted(got)[-1])  # expect: ('w0', 'w0:item 0') ('w3', 'w3:item 9')
print(all(msg.startswith(name + ':') for name, msg in got))  # expect: True
