# A dict display's key is not a named expression.
print("never printed")
d = {x := 1: 2}
# error: SyntaxError: invalid syntax
