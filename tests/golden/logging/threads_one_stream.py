# Several threads logging through one StreamHandler: each record is one whole line (the handler's lock).
import logging
import threading

class Chunks:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
    def flush(self):
        pass

out = Chunks()
h = logging.StreamHandler(out)
h.setFormatter(logging.Formatter('{threadName} {message}', style='{'))
log = logging.getLogger('par')
log.addHandler(h)
log.setLevel(logging.INFO)

def work():
    for i in range(100):
        log.info('n={}'.format(i))

threads = [threading.Thread(target=work, name='T' + str(k)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
lines = ''.join(out.parts).splitlines()
print(len(lines), len(out.parts))  # expect: 400 400
print(sorted(set(l.split()[0] for l in lines)), all(len(l.split()) == 2 for l in lines))  # expect: ['T0', 'T1', 'T2', 'T3'] True
