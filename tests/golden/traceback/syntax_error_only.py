# format_exception_only shows a SyntaxError's file, line text and caret; a failing __str__ is reported, not raised.
import traceback

try:
    raise SyntaxError("'(' was never closed", ('src.py', 1, 5, 'x = (1,\n', 1, 6))
except SyntaxError as e:
    print(traceback.format_exception_only(e))
# expect: ['  File "src.py", line 1\n', '    x = (1,\n', '        ^\n', "SyntaxError: '(' was never closed\n"]

class Bad(Exception):
    def __str__(self):
        raise RuntimeError

print(traceback.format_exception_only(Bad()))  # expect: ['Bad: <exception str() failed>\n']
