# redirect_stdout / redirect_stderr send output to another writer for the block
import os, sys
from contextlib import redirect_stdout, redirect_stderr
class Capture:
    def __init__(self):
        self.parts = []
    def write(self, text):
        self.parts.append(text)
        return len(text)
    def flush(self):
        pass
cap = Capture()
with redirect_stdout(cap) as target:
    print('hidden', 1)
    print(target is cap)
print(''.join(cap.parts), end='')
err = Capture()
with redirect_stderr(err):
    print('to err', file=sys.stderr)
print(err.parts)

# expect: hidden 1
# expect: True
# expect: ['to err', '\n']
