# TracebackException: exc_type, str(), stack, the chain, format() and format_exception_only().
import traceback

def boom():
    raise TypeError('no good')

try:
    try:
        boom()
    except TypeError as e:
        raise LookupError('outer')
except LookupError as e:
    te = traceback.TracebackException.from_exception(e)
print(te.exc_type.__name__, str(te), len(te.stack))  # expect: LookupError outer 1
print(te.__context__.exc_type.__name__, [f.name for f in te.__context__.stack])  # expect: TypeError ['<module>', 'boom']
print(list(te.format_exception_only()))  # expect: ['LookupError: outer\n']
text = ''.join(te.format())
print(text.count('Traceback (most recent call last):'), text.endswith('LookupError: outer\n'))  # expect: 2 True
