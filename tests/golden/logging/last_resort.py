# With no handler anywhere, WARNING and above go to stderr as the bare message (lastResort); NullHandler silences it.
import logging
import sys

class Sink:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
    def flush(self):
        pass

sys.stderr = sink = Sink()
log = logging.getLogger('lonely')
log.info('not shown')
log.warning('shown %s', 'plainly')
log.error('error too')
lib = logging.getLogger('library')
lib.addHandler(logging.NullHandler())
lib.error('silenced')
sys.stderr = sys.__stderr__
print(sink.parts)  # expect: ['shown plainly\n', 'error too\n']
print(logging.lastResort.level, type(logging.lastResort).__name__)  # expect: 30 _StderrHandler
print(logging.getLogger().handlers)  # expect: []
