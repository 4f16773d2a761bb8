# sys.stdin supports readline and iteration.
# stdin: header
# stdin: 1 2
# stdin: 3 4
import sys
print(repr(sys.stdin.readline()))  # expect: 'header\n'
total = 0
for line in sys.stdin:
    total += sum(int(x) for x in line.split())
print(total)  # expect: 10
print(repr(sys.stdin.readline()))  # expect: ''
