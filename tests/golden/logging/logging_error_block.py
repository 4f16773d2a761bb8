# A record whose message does not format prints the "--- Logging error ---" block on stderr; the program goes on.
# The message is formatted with printf-style %, here failing on a str for %d.
import logging
import sys

class Sink:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
    def flush(self):
        pass

logging.basicConfig(format='{message}', style='{', stream=sys.stdout)
sink = Sink()
sys.stderr = sink
logging.warning('%d items', 'three')
sys.stderr = sys.__stderr__
print('still running')  # expect: still running
lines = ''.join(sink.parts).replace(__file__, 'F').splitlines()
print(lines[0])  # expect: --- Logging error ---
print(lines[1])  # expect: Traceback (most recent call last):
i = lines.index('Call stack:')
print(lines[i - 1])  # expect: TypeError: %d format: a real number is required, not str
print(lines[i + 1:])  # expect: ['  File "F", line 17, in <module>', "    logging.warning('%d items', 'three')", "Message: '%d items'", "Arguments: ('three',)"]
logging.warning('{} fine')  # expect: {} fine
