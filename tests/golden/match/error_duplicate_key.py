# A mapping pattern may not check one literal key twice.
print("never printed")
match {}:
    case {"a": 1, "a": 2}:
        pass
# error: SyntaxError: mapping pattern checks duplicate key ('a')
