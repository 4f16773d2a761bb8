# stacklevel=N names the Nth non-logging frame out as the record's funcName and lineno, even deep in the stack.
import logging
import sys

h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter('{funcName}:{lineno} {message}', style='{'))
log = logging.getLogger('s')
log.addHandler(h)
log.propagate = False

def helper(msg, level):
    log.warning(msg, stacklevel=level)

def caller():
    helper('one', 1)  # expect: helper:12 one
    helper('two', 2)  # expect: caller:16 two
    helper('three', 3)  # expect: deep:23 three
    helper('beyond the stack', 50)  # expect: <module>:25 beyond the stack

def deep(n):
    if n:
        return deep(n - 1)
    caller()

deep(12)
