# traceback.format_exc: the handled exception's traceback text, frames outermost first with their lines.
import traceback

def inner():
    raise ValueError('bad value')

def outer():
    inner()

try:
    outer()
except ValueError:
    text = traceback.format_exc()
for line in text.splitlines():
    print(line.replace(__file__, 'FILE'))
# expect: Traceback (most recent call last):
# expect:   File "FILE", line 11, in <module>
# expect:     outer()
# expect:   File "FILE", line 8, in outer
# expect:     inner()
# expect:   File "FILE", line 5, in inner
# expect:     raise ValueError('bad value')
# expect: ValueError: bad value
print(repr(traceback.format_exc()))  # expect: 'NoneType: None\n'
