# A syntax error is reported before anything runs.
print("never printed")
y = 1
x = = 1
print("also never printed")
# error: SyntaxError
