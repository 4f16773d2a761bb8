# A failed assert with a formatted message.
x = 3
assert x > 0, "never shown"
print("first assert passed")  # expect: first assert passed
assert x > 5, f"x too small: {x}"
# error: AssertionError: x too small: 3
