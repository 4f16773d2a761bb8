# and/or return one of their operands, not a bool.
print(0 and 1, 1 and 2, [] and 'x')  # expect: 0 2 []
print('' or 'default', 'a' or 'b', 0 or [] or {})  # expect: default a {}
print(None or 0)  # expect: 0
print(not '', not 'a')  # expect: True False
def boom():
    raise RuntimeError("evaluated")
print(False and boom(), True or boom())  # expect: False True
