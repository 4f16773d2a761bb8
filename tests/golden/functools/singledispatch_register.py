# functools.singledispatch: register by class, dispatch along the MRO, dispatch() and registry
import functools
@functools.singledispatch
def describe(x):
    return 'object ' + repr(x)
@describe.register(int)
def _(x):
    return 'int ' + str(x)
@describe.register(list)
def _(x):
    return 'list of ' + str(len(x))
def for_str(x):
    return 'str ' + x
describe.register(str, for_str)
class Base:
    pass
class Derived(Base):
    pass
describe.register(Base, lambda x: 'a ' + type(x).__name__)
print(describe(3), describe(True), describe([1, 2]), describe('s'), describe(2.5))
print(describe(Derived()), describe(Base()))
print(describe.dispatch(bool) is describe.dispatch(int), describe.dispatch(str) is for_str)
print(describe.__name__, object in describe.registry)
try:
    describe()
except TypeError as e:
    print('TypeError:', e)

# expect: int 3 int True list of 2 str s object 2.5
# expect: a Derived a Base
# expect: True True
# expect: describe True
# expect: TypeError: describe requires at least 1 positional argument
