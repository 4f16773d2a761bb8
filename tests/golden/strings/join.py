# str.join over various iterables.
print(", ".join(["a", "b", "c"]))  # expect: a, b, c
print("".join(reversed("abc")))  # expect: cba
print("-".join(str(i) for i in range(4)))  # expect: 0-1-2-3
print(repr("x".join([])))  # expect: ''
print("+".join("xyz"))  # expect: x+y+z
