# An unclosed bracket is a syntax error; nothing runs.
print("never printed")
total = 0
values = [1, 2,
# error: SyntaxError
