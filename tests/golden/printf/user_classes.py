# printf-style % with user classes: __str__, __repr__, __index__, __int__, __float__.
class Named:
    def __str__(self): return "str-of"
    def __repr__(self): return "repr-of-é"

class Idx:
    def __index__(self): return 31

class Num:
    def __int__(self): return 8

class Both:
    def __index__(self): return 9
    def __int__(self): return 10

class Flt:
    def __float__(self): return 2.5

print("%s|%r|%a|%.3s" % (Named(), Named(), Named(), Named()))  # expect: str-of|repr-of-é|repr-of-\xe9|str
print("%d|%x|%#o|%c|%f" % (Idx(), Idx(), Idx(), Idx(), Idx()))  # expect: 31|1f|0o37||31.000000
print("%d|%x" % (Both(), Both()))  # expect: 10|9
print("%d|%f" % (Num(), Flt()))  # expect: 8|2.500000
for fmt, arg in [("%x", Num()), ("%d", Flt()), ("%f", Num()), ("%c", Num())]:
    try:
        print(fmt % arg)
    except TypeError as e:
        print("TypeError", e)
# expect: TypeError %x format: an integer is required, not Num
# expect: TypeError %d format: a real number is required, not Flt
# expect: TypeError must be real number, not Num
# expect: TypeError %c requires int or char

class BadStr:
    def __str__(self): return 5

try:
    "%s" % BadStr()
except TypeError as e:
    print("TypeError", e)
# expect: TypeError __str__ returned non-string (type int)
