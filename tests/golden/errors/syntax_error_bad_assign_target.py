# Assigning to a literal is a syntax error; nothing runs.
print("never printed")
x = 5
1 = x
print("also never printed")
# error: SyntaxError
