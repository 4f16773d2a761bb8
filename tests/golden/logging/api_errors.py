# Errors logging raises for bad use: a non-str logger name, a non-int level, a missing format field, an extra overwriting a field.
import logging
import sys

try:
    logging.getLogger(123)
except TypeError as e:
    print(e)  # expect: A logger name must be a string
try:
    logging.getLogger('z').log('INFO', 'x')
except TypeError as e:
    print(e)  # expect: level must be an integer
record = logging.LogRecord('n', 20, 'p', 1, 'm', None, None)
try:
    logging.Formatter('{nope}', style='{').format(record)
except ValueError as e:
    print(e)  # expect: Formatting field not found in record: 'nope'
print(logging.Formatter('{x} {message}', style='{', defaults={'x': 'dflt'}).format(record))  # expect: dflt m
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter('{levelname} {message}', style='{'))
log = logging.getLogger('lvl')
log.addHandler(h)
log.setLevel(5)
log.log(5, 'five')  # expect: Level 5 five
logging.addLevelName(5, 'TRACE')
log.log(5, 'named')  # expect: TRACE named
