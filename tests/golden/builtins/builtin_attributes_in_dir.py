# dir() and hasattr() see the attributes of builtin objects (function, code, range, slice, int, file) through their type.
def f(a=1):
    pass


print([n for n in ('__name__', '__qualname__', '__defaults__', '__code__', '__globals__') if n in dir(f)])  # expect: ['__name__', '__qualname__', '__defaults__', '__code__', '__globals__']
print([n for n in ('co_name', 'co_filename', 'co_firstlineno', 'co_flags') if n in dir(f.__code__)])  # expect: ['co_name', 'co_filename', 'co_firstlineno', 'co_flags']
print([n for n in ('start', 'stop', 'step') if n in dir(range(3))], [n for n in ('start', 'stop', 'step') if n in dir(slice(3))])  # expect: ['start', 'stop', 'step'] ['start', 'stop', 'step']
print([n for n in ('real', 'imag', 'numerator', 'denominator') if n in dir(7)], [n for n in ('real', 'imag') if n in dir(1.5)])  # expect: ['real', 'imag', 'numerator', 'denominator'] ['real', 'imag']
print('__self__' in dir(len), '__func__' in dir(staticmethod(f)), 'fget' in dir(property()))  # expect: True True True
print(hasattr(f, '__code__'), hasattr(range(3), 'step'), hasattr(True, 'denominator'), hasattr(2.0, 'numerator'))  # expect: True True True False
print(getattr(range(1, 9, 2), 'stop'), getattr(slice(4), 'start'), getattr(True, 'real'), getattr(f, '__defaults__'))  # expect: 9 None 1 (1,)
with open(__file__) as fh:
    print('closed' in dir(fh), 'mode' in dir(fh), fh.mode, fh.closed)  # expect: True True r False
