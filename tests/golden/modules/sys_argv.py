# sys.argv holds the script path followed by the arguments.
# args: one two 3
import sys
print(sys.argv[1:])  # expect: ['one', 'two', '3']
print(len(sys.argv))  # expect: 4
print(sys.argv[0].endswith("sys_argv.py"))  # expect: True
print(int(sys.argv[3]) * 2)  # expect: 6
