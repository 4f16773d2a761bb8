# singledispatch's register takes the class from the first parameter's annotation
# xfail: gilvm does not keep __annotations__ on functions yet (issue 13)
import functools
@functools.singledispatch
def show(x):
    return 'object'
@show.register
def _(x: int):
    return 'int'
@show.register
def _(x: list, extra=None):
    return 'list'
print(show(1), show([]), show('s'))

# expect: int list object
