# format_list/StackSummary.from_list format (file, line, name, text) tuples; recursion repeats are collapsed.
import traceback

print(traceback.format_list([('a.py', 3, 'f', 'x = 1'), ('b.py', 9, 'g', None)]))
# expect: ['  File "a.py", line 3, in f\n    x = 1\n', '  File "b.py", line 9, in g\n']
summary = traceback.StackSummary.from_list([('r.py', 2, 'rec', 'rec()')] * 6)
lines = summary.format()
print(len(lines), lines[-1], end='')  # expect: 4   [Previous line repeated 3 more times]
fs = traceback.FrameSummary('m.py', 7, 'h', line='  y = 2  ')
print(fs.line, fs == ('m.py', 7, 'h', 'y = 2'), list(fs))  # expect: y = 2 True ['m.py', 7, 'h', 'y = 2']
