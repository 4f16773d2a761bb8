# := may not rebind a comprehension's iteration variable.
print("never printed")
print([x := 0 for x in range(3)])
# error: SyntaxError: assignment expression cannot rebind comprehension iteration variable 'x'
