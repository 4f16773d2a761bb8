# printf-style %(key)s takes values from a mapping; any __getitem__ will do.
print("%(name)s is %(age)d" % {"name": "Ann", "age": 7})  # expect: Ann is 7
print("%(a)s %(a)r" % {"a": "x"})  # expect: x 'x'
print("%(a(b)c)s|%()s" % {"a(b)c": 1, "": 2})  # expect: 1|2
print("%(x)5.1f|%(x)-6d|" % {"x": 2.25})  # expect:   2.2|2     |

class Doubler:
    def __getitem__(self, key):
        return key * 2

print("%(ab)s %(c)s" % Doubler())  # expect: abab cc
print("no specifiers" % {"unused": 1})  # expect: no specifiers
print("%s" % {"k": 1})  # expect: {'k': 1}
print("%s %(k)s" % {"k": 1})  # expect: {'k': 1} 1
try:
    print("%(missing)s" % {})
except KeyError as e:
    print("KeyError", e)
# expect: KeyError 'missing'
