# getattr/setattr/hasattr, including on builtin objects.
class O:
    pass
o = O()
setattr(o, 'x', 10)
print(getattr(o, 'x'), hasattr(o, 'x'), hasattr(o, 'y'))  # expect: 10 True False
print(getattr(o, 'y', 'missing'))  # expect: missing
print(getattr([1, 2], 'count')(1), hasattr("s", "upper"))  # expect: 1 True
try:
    getattr(o, 'y')
except AttributeError as e:
    print(e)  # expect: 'O' object has no attribute 'y'
