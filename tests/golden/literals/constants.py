# True, False and None.
print(True, False, None)  # expect: True False None
print(True + 1)  # expect: 2
print(None is None)  # expect: True
print(type(None).__name__)  # expect: NoneType
print(repr(None))  # expect: None
print(True == 1, False == 0)  # expect: True True
