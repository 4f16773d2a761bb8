# extract_stack/format_stack: the caller's stack as FrameSummary entries, outermost first; limit keeps the innermost.
import traceback

def where():
    return traceback.extract_stack()

def middle():
    return where()

stack = middle()
for fs in stack:
    print(fs.filename == __file__, fs.lineno, fs.name, fs.line)
# expect: True 10 <module> stack = middle()
# expect: True 8 middle return where()
# expect: True 5 where return traceback.extract_stack()
print(len(traceback.extract_stack(limit=1)), repr(stack[-1]).replace(__file__, 'F'))  # expect: 1 <FrameSummary file F, line 5 in where>
filename, lineno, name, line = stack[0]
print(lineno, name, line)  # expect: 10 <module> stack = middle()

def fmt():
    return traceback.format_stack()[-1].replace(__file__, 'F')

print(fmt(), end='')
# expect:   File "F", line 21, in fmt
# expect:     return traceback.format_stack()[-1].replace(__file__, 'F')
