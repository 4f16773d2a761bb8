# := in a comprehension directly in a class body has no scope to bind in.
print("never printed")
class C:
    values = [y := n for n in range(3)]
# error: SyntaxError: assignment expression within a comprehension cannot be used in a class body
