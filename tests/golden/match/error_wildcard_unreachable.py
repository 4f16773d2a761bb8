# A wildcard alternative before others makes them unreachable.
print("never printed")
match 1:
    case _ | 1:
        pass
    case 2:
        pass
# error: SyntaxError: wildcard makes remaining patterns unreachable
