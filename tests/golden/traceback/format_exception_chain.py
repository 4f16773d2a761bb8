# format_exception follows __cause__ and __context__, and chain=False leaves them out.
import traceback

def fail():
    try:
        {}['k']
    except KeyError as e:
        raise RuntimeError('wrapped') from e

try:
    fail()
except RuntimeError as e:
    err = e
lines = traceback.format_exception(err)
print(type(lines).__name__, lines[0], end='')  # expect: list Traceback (most recent call last):
text = ''.join(lines).replace(__file__, 'FILE')
print('direct cause' in text, text.count('Traceback'))  # expect: True 2
print(text.splitlines()[-1])  # expect: RuntimeError: wrapped
print(''.join(traceback.format_exception(err, chain=False)).count('KeyError'))  # expect: 0
try:
    try:
        1 / 0
    except ZeroDivisionError:
        int('x')
except ValueError as e:
    err = e
    text = ''.join(traceback.format_exception(type(e), e, e.__traceback__))
print('During handling of the above exception' in text)  # expect: True
print(traceback.format_exception_only(err))  # expect: ["ValueError: invalid literal for int() with base 10: 'x'\n"]
print(traceback.format_exception_only(KeyError, KeyError('a')))  # expect: ["KeyError: 'a'\n"]
