# atexit functions run when the program ends by sys.exit(), and one that raises does not stop the others.
import atexit
import sys

class Sink:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
    def flush(self):
        pass

sink = Sink()

def report():
    lines = ''.join(sink.parts).splitlines()
    print(lines[0].split(' at 0x')[0], '|', lines[1], '|', lines[-1])

atexit.register(report)
atexit.register(print, 'then this')
atexit.register(lambda: 1 / 0)
atexit.register(print, 'runs first')
sys.stderr = sink
sys.exit(3)
# exit: 3
# expect: runs first
# expect: then this
# expect: Exception ignored in atexit callback: <function <lambda> | Traceback (most recent call last): | ZeroDivisionError: division by zero
