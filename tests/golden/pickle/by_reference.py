# Module-level functions, classes, builtins and bound methods pickle by module and name.
import math
import pickle


def double(x):
    return 2 * x


class Counter:
    def __init__(self, n):
        self.n = n

    def bump(self, k):
        return self.n + k


for v in [double, Counter, len, ValueError, math.sqrt]:
    d = pickle.dumps(v)
    print(d)
    print(pickle.loads(d) is v)
m = pickle.loads(pickle.dumps(Counter(40).bump))
print(m(2))
print(pickle.loads(pickle.dumps([double, double]))[1](21))
print(pickle.dumps(double, 2), pickle.dumps(ValueError, 2), pickle.dumps(range, 2), pickle.dumps(OSError, 0))
for v in [..., NotImplemented, slice(1, None, 2), range(3, 9, 2)]:
    d = pickle.dumps(v)
    print(d, repr(pickle.loads(d)))

# The output:
# expect: b'\x80\x04\x95\x17\x00\x00\x00\x00\x00\x00\x00\x8c\x08__main__\x94\x8c\x06double\x94\x93\x94.'
# expect: True
# expect: b'\x80\x04\x95\x18\x00\x00\x00\x00\x00\x00\x00\x8c\x08__main__\x94\x8c\x07Counter\x94\x93\x94.'
# expect: True
# expect: b'\x80\x04\x95\x14\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x03len\x94\x93\x94.'
# expect: True
# expect: b'\x80\x04\x95\x1b\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\nValueError\x94\x93\x94.'
# expect: True
# expect: b'\x80\x04\x95\x11\x00\x00\x00\x00\x00\x00\x00\x8c\x04math\x94\x8c\x04sqrt\x94\x93\x94.'
# expect: True
# expect: 42
# expect: 42
# expect: b'\x80\x02c__main__\ndouble\nq\x00.' b'\x80\x02cexceptions\nValueError\nq\x00.' b'\x80\x02c__builtin__\nxrange\nq\x00.' b'cexceptions\nOSError\np0\n.'
# expect: b'\x80\x04\x95\x19\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x08Ellipsis\x94\x93\x94.' Ellipsis
# expect: b'\x80\x04\x95\x1f\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x0eNotImplemented\x94\x93\x94.' NotImplemented
# expect: b'\x80\x04\x95\x1f\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x05slice\x94\x93\x94K\x01NK\x02\x87\x94R\x94.' slice(1, None, 2)
# expect: b'\x80\x04\x95 \x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x05range\x94\x93\x94K\x03K\tK\x02\x87\x94R\x94.' range(3, 9, 2)
