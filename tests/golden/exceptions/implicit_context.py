# An exception raised while handling another records it as __context__.
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("while handling")
except RuntimeError as e:
    print(type(e.__context__).__name__, e.__cause__)  # expect: ZeroDivisionError None
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("quiet") from None
except RuntimeError as e:
    print(e.__cause__, e.__suppress_context__)  # expect: None True
