# The GIL switch interval can be read and changed.
# (Its default is not printed: the suite may run with a --switch-interval flag.)
import sys
print(type(sys.getswitchinterval()).__name__, sys.getswitchinterval() > 0)  # expect: float True
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())  # expect: 0.001
sys.setswitchinterval(0.0123)
print(sys.getswitchinterval())  # expect: 0.0123
