# An unparenthesized := as a statement is invalid syntax.
print("never printed")
x := 5
# error: SyntaxError: invalid syntax
