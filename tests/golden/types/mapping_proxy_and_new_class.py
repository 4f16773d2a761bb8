# types.MappingProxyType is a live read-only view; types.new_class builds a class from a body
import types
d = {'k': 1}
m = types.MappingProxyType(d)
d['j'] = 2
print(m['k'], len(m), sorted(m), 'j' in m, m.get('z', 0), repr(m))
try:
    m['x'] = 1
except TypeError as e:
    print('TypeError:', e)
def body(ns):
    ns['greet'] = lambda self: 'hi from ' + type(self).__name__
    ns['n'] = 3
Dyn = types.new_class('Dyn', (), exec_body=body)
print(Dyn.__name__, Dyn.n, Dyn().greet())
class Base:
    pass
Sub = types.new_class('Sub', (Base,))
print(issubclass(Sub, Base), Sub.__name__)

# expect: 1 2 ['j', 'k'] True 0 mappingproxy({'k': 1, 'j': 2})
# expect: TypeError: 'mappingproxy' object does not support item assignment
# expect: Dyn 3 hi from Dyn
# expect: True Sub
