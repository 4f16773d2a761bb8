# Concatenation, repetition, membership and comparison.
print(b"ab" + b"cd")  # expect: b'abcd'
print(b"ab" * 2)  # expect: b'abab'
print(b"b" in b"abc", 98 in b"abc")  # expect: True True
print(b"abc" < b"abd", b"a" == b"a")  # expect: True True
print(b"abc" == "abc")  # expect: False
print(len(b""))  # expect: 0
