# A capture pattern before other cases makes them unreachable.
print("never printed")
match 1:
    case x:
        pass
    case 2:
        pass
# error: SyntaxError: name capture 'x' makes remaining patterns unreachable
