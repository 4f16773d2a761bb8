# str and repr of exceptions with zero, one and several arguments.
print(str(ValueError()), repr(ValueError()))  # expect:  ValueError()
print(str(ValueError('x')), repr(ValueError('x')))  # expect: x ValueError('x')
print(str(ValueError(1, 'b')), repr(ValueError(1, 'b')))  # expect: (1, 'b') ValueError(1, 'b')
print(ValueError(3).args, ValueError().args)  # expect: (3,) ()
print(str(KeyError('k')), str(KeyError(1)))  # expect: 'k' 1
