# startswith/endswith, including tuples of prefixes.
print("hello".startswith("he"))  # expect: True
print("hello".startswith("lo", 3))  # expect: True
print("hello".endswith("lo"))  # expect: True
print("hello".endswith(("x", "o")))  # expect: True
print("hello".startswith(""))  # expect: True
print("".endswith("a"))  # expect: False
