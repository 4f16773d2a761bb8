# := may not appear in a comprehension's iterable expression.
print("never printed")
print([x for x in (y := [1, 2])])
# error: SyntaxError: assignment expression cannot be used in a comprehension iterable expression
