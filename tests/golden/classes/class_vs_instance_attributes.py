# Class attributes are shared until an instance shadows them.
class C:
    kind = 'c'
    items = []
a, b = C(), C()
a.kind = 'mine'
a.items.append(1)
print(a.kind, b.kind, C.kind)  # expect: mine c c
print(b.items)  # expect: [1]
C.kind = 'changed'
print(a.kind, b.kind)  # expect: mine changed
