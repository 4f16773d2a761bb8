# Parts of the builtin exception hierarchy.
print(issubclass(FileNotFoundError, OSError))  # expect: True
print(issubclass(TimeoutError, OSError))  # expect: True
print(issubclass(RecursionError, RuntimeError))  # expect: True
print(issubclass(NotImplementedError, RuntimeError))  # expect: True
print(issubclass(KeyboardInterrupt, Exception), issubclass(KeyboardInterrupt, BaseException))  # expect: False True
print(issubclass(StopIteration, Exception), issubclass(ZeroDivisionError, ArithmeticError))  # expect: True True
print(issubclass(KeyError, LookupError), issubclass(OverflowError, ArithmeticError))  # expect: True True
