# A bare raise re-raises the exception being handled.
def handler():
    try:
        raise KeyError("k")
    except KeyError:
        print("logging")
        raise
try:
    handler()
except KeyError as e:
    print("re-raised", repr(e))
# expect: logging
# expect: re-raised KeyError('k')
