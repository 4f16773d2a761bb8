# type() returns the class of a value.
names = [type(v).__name__ for v in (1, 1.0, 'a', b'a', [], (), {}, set(), None, True, range(1))]
print(' '.join(names))
# expect: int float str bytes list tuple dict set NoneType bool range
print(type(1) is int, type(True) is int, type('') == str)  # expect: True False True
