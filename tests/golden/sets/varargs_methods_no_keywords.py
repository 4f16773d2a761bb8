# set methods taking *others reject keywords with CPython's message naming the type.
def attempt(call):
    try:
        call()
    except TypeError as e:
        print(e)

s = {1, 2, 3}
attempt(lambda: s.union([4], x=1))
attempt(lambda: s.update(x=1))
attempt(lambda: frozenset().difference(a=1))
print(sorted(s.intersection([1, 2], [2, 5])), sorted(s.union()))
# expect: set.union() takes no keyword arguments
# expect: set.update() takes no keyword arguments
# expect: frozenset.difference() takes no keyword arguments
# expect: [2] [1, 2, 3]
