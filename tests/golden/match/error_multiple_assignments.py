# One name may be bound only once in a pattern.
print("never printed")
match (1, 2):
    case (x, x):
        pass
# error: SyntaxError: multiple assignments to name 'x' in pattern
