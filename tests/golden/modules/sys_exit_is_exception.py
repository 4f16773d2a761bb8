# sys.exit raises SystemExit, which can be caught; finally blocks run.
import sys
try:
    sys.exit(7)
except SystemExit as e:
    print("caught", e.code, isinstance(e, Exception), isinstance(e, BaseException))  # expect: caught 7 False True
try:
    try:
        sys.exit("msg")
    finally:
        print("finally ran")  # expect: finally ran
except SystemExit as e:
    print(repr(e.code))  # expect: 'msg'
try:
    sys.exit()
except SystemExit as e:
    print(e.code)  # expect: None
