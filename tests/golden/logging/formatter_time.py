# Formatter.formatTime: datefmt through time.strftime, else the default format with ",msecs".
import logging
import time

record = logging.LogRecord('t', logging.INFO, __file__, 1, 'm', None, None)
record.created = 86400 * 365 + 3661.25
record.msecs = 250.0
f = logging.Formatter('{asctime} {message}', style='{')
f.converter = time.gmtime
print(f.format(record))  # expect: 1971-01-01 01:01:01,250 m
g = logging.Formatter('[{asctime}] {message}', datefmt='%d/%m/%y %H:%M', style='{')
g.converter = time.gmtime
print(g.format(record))  # expect: [01/01/71 01:01] m
print(g.usesTime(), logging.Formatter('{message}', style='{').usesTime())  # expect: True False
