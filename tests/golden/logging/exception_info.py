# Logger.exception and exc_info=/stack_info= append the traceback or the stack to the message.
import logging
import sys

class Lines(logging.Handler):
    def __init__(self):
        super().__init__()
        self.out = []
    def emit(self, record):
        self.out.append(self.format(record).replace(__file__, 'F'))

h = Lines()
h.setFormatter(logging.Formatter('{levelname}: {message}', style='{'))
log = logging.getLogger('exc')
log.addHandler(h)

def fail():
    raise KeyError('gone')

try:
    fail()
except KeyError:
    log.exception('lookup failed')
print(h.out[-1])
# expect: ERROR: lookup failed
# expect: Traceback (most recent call last):
# expect:   File "F", line 21, in <module>
# expect:     fail()
# expect:   File "F", line 18, in fail
# expect:     raise KeyError('gone')
# expect: KeyError: 'gone'
log.warning('given', exc_info=ValueError('v'))
print(h.out[-1].splitlines())  # expect: ['WARNING: given', 'ValueError: v']

def deep():
    log.error('here', stack_info=True)

deep()
print(h.out[-1])
# expect: ERROR: here
# expect: Stack (most recent call last):
# expect:   File "F", line 38, in <module>
# expect:     deep()
# expect:   File "F", line 36, in deep
# expect:     log.error('here', stack_info=True)
log.error('no exception', exc_info=True)
print(h.out[-1].splitlines())  # expect: ['ERROR: no exception', 'NoneType: None']
