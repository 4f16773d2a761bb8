# An unparenthesized := as a keyword argument value is invalid syntax.
print("never printed")
print(sep=s := '-')
# error: SyntaxError: invalid syntax
