# copy of user instances: __dict__ copied, __copy__/__deepcopy__ hooks, __reduce__, memo
import copy
class Node:
    def __init__(self, v):
        self.v = v
        self.me = self
n = Node([1])
n2 = copy.copy(n)
n3 = copy.deepcopy(n)
print(n2.v is n.v, n2.me is n, n3.v is n.v, n3.me is n3, n3.v)
class Hooked:
    def __copy__(self):
        return 'shallow hook'
    def __deepcopy__(self, memo):
        return 'deep hook ' + type(memo).__name__
print(copy.copy(Hooked()), copy.deepcopy([Hooked()]))
class Reduced:
    def __init__(self, a):
        self.a = a
    def __reduce__(self):
        return (Reduced, (self.a * 2,))
print(copy.copy(Reduced(2)).a, copy.deepcopy(Reduced(3)).a)
e = copy.copy(ValueError('bad', 1))
print(repr(e), type(e).__name__)
print(issubclass(copy.Error, Exception), copy.error is copy.Error)
print(copy.copy(len) is len, copy.deepcopy(Node) is Node)

# expect: True True False True [1]
# expect: shallow hook ['deep hook dict']
# expect: 4 6
# expect: ValueError('bad', 1) ValueError
# expect: True True
# expect: True True
