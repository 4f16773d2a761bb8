# A nonlocal declared in a class body rebinds the enclosing function's
# variable, not a class attribute; class scope stays invisible to methods
# and comprehensions (except the first iterable).
def h():
    z = 1
    class C:
        nonlocal z
        z = 2
    return z, hasattr(C, 'z')
print(h())  # expect: (2, False)
x = 'global'
class D:
    x = 'class'
    n = 3
    first_iterable = [i for i in [x]]
    element = [x for _ in range(1)]
    r = [i for i in range(n)]
    def meth(self):
        return x
print(D.first_iterable, D.element, D.r, D().meth())  # expect: ['class'] ['global'] [0, 1, 2] global
