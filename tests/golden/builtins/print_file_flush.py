# print to sys.stdout explicitly, with flush.
import sys
print("to stdout", file=sys.stdout, flush=True)  # expect: to stdout
print("a", "b", sep=None, end=None)  # expect: a b
print(None, True, 1.0, [None])  # expect: None True 1.0 [None]
