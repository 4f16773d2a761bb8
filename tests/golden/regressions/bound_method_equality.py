# Bound methods compare equal when bound to the same object with the same
# function, and hash consistently (usable as dict keys).
class A:
    def m(self):
        pass
    def n(self):
        pass
a = A()
print(a.m == a.m, a.m is a.m, a.m != a.m)  # expect: True False False
print(hash(a.m) == hash(a.m))  # expect: True
print(A().m == A().m, a.m == a.n)  # expect: False False
print({a.m: 1}[a.m])  # expect: 1
l = [1]
print(l.append == l.append, [].append == [].append)  # expect: True False
print(hash(l.append) == hash(l.append))  # expect: True
print(len({a.m, a.m, a.n}))  # expect: 2
