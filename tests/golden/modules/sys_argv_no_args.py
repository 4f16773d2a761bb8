# With no arguments, sys.argv has just the script path.
import sys
print(len(sys.argv), sys.argv[1:])  # expect: 1 []
print(type(sys.argv[0]).__name__)  # expect: str
print(sys.argv[0].endswith("sys_argv_no_args.py"))  # expect: True
