# getattr(obj, name, default) and hasattr treat an AttributeError from a
# property or __getattr__ as "absent"; other exceptions propagate; a
# property raising AttributeError falls back to __getattr__.
class P:
    @property
    def a(self):
        raise AttributeError("nope")
    @property
    def b(self):
        raise ValueError("bad")
p = P()
print(getattr(p, 'a', 'dflt'), hasattr(p, 'a'))  # expect: dflt False
for f in (lambda: getattr(p, 'b', 'dflt'), lambda: hasattr(p, 'b')):
    try:
        f()
    except ValueError as e:
        print('ValueError', e)
# expect: ValueError bad
# expect: ValueError bad
class G:
    def __getattr__(self, n):
        if n == 'x':
            raise KeyError(n)
        if n == 'y':
            return 9
        raise AttributeError(n)
g = G()
print(getattr(g, 'y', 0), getattr(g, 'z', 0), hasattr(g, 'z'), hasattr(g, 'y'))  # expect: 9 0 False True
try:
    hasattr(g, 'x')
except KeyError as e:
    print('KeyError', e)  # expect: KeyError 'x'
class H:
    @property
    def a(self):
        raise AttributeError("prop")
    def __getattr__(self, n):
        return 'fallback-' + n
print(H().a)  # expect: fallback-a
