# Strings compare lexicographically by code point.
print("abc" < "abd")  # expect: True
print("ab" < "abc")  # expect: True
print("Z" < "a")  # expect: True
print("é" > "z")  # expect: True
print("abc" == "abc", "abc" != "ABC")  # expect: True True
print(sorted(["b", "B", "a", "A", "_"]))  # expect: ['A', 'B', '_', 'a', 'b']
