# Filter by logger name, callable filters on handlers, and LoggerAdapter adding context through extra.
import logging
import sys

h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter('{name} {message}', style='{'))
root = logging.getLogger()
root.addHandler(h)
h.addFilter(logging.Filter('net'))
logging.getLogger('net.http').warning('kept')  # expect: net.http kept
logging.getLogger('network').warning('dropped: not a child of net')
logging.getLogger('net').warning('kept too')  # expect: net kept too
h.filters.clear()
h.addFilter(lambda record: 'secret' not in record.getMessage())
logging.getLogger('x').warning('the secret')
logging.getLogger('x').warning('public')  # expect: x public

class Adapter(logging.LoggerAdapter):
    def process(self, msg, kwargs):
        return '[' + self.extra['conn'] + '] ' + msg, kwargs

h.setFormatter(logging.Formatter('{conn} {message}', style='{'))
ad = logging.LoggerAdapter(logging.getLogger('db'), {'conn': 'c1'})
ad.warning('query')  # expect: c1 query
h.setFormatter(logging.Formatter('{message}', style='{'))
Adapter(logging.getLogger('db'), {'conn': 'c2'}).error('slow')  # expect: [c2] slow
print(repr(ad), ad.name, ad.isEnabledFor(logging.INFO))  # expect: <LoggerAdapter db (WARNING)> db False
try:
    logging.getLogger('db').warning('x', extra={'message': 1})
except KeyError as e:
    print(e)  # expect: "Attempt to overwrite 'message' in LogRecord"
