# An exception raised in an except block propagates; finally still runs.
try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
    finally:
        print("inner finally")
except TypeError as e:
    print("outer caught", e)
# expect: inner finally
# expect: outer caught second
