# gilvm-only
# The refusal is a SyntaxError, so nothing runs, even code before it
# and a match inside a function that is never called.
print("must not be printed")
def never_called(p):
    match p:
        case (x, y):
            return x + y
# error: SyntaxError: 'match' statements are not supported by gilvm
