# isinstance with builtin types and tuples of types.
print(isinstance(1, int), isinstance(1.0, int), isinstance(1, (float, int)))  # expect: True False True
print(isinstance('a', str), isinstance([], list), isinstance({}, dict))  # expect: True True True
print(isinstance(None, type(None)), isinstance(int, type))  # expect: True True
print(isinstance(False, bool), isinstance(False, int))  # expect: True True
