# Only a name can be the target of :=.
print("never printed")
items = [1]
print((items[0] := 5))
# error: SyntaxError: cannot use assignment expressions with subscript
