# The in operator on strings tests substrings.
print("ell" in "hello")  # expect: True
print("" in "abc")  # expect: True
print("lo!" in "hello")  # expect: False
print("x" not in "abc")  # expect: True
