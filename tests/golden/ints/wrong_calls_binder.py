# int()/to_bytes/from_bytes called wrongly: CPython's checks run counts first, then keywords.
def attempt(call):
    try:
        call()
    except TypeError as e:
        print(e)

attempt(lambda: int("1", 2, base=3))
attempt(lambda: (5).to_bytes(1, "big", signed=True, x=1))
attempt(lambda: int.from_bytes(b"\x01", "big", True))
attempt(lambda: int.from_bytes(foo=True))
attempt(lambda: int(x=1))
print(int.from_bytes(bytes=b"\x01\x02", byteorder="little"), (-5).to_bytes(2, "little", signed=True))
# expect: int() takes at most 2 arguments (3 given)
# expect: to_bytes() takes at most 3 arguments (4 given)
# expect: from_bytes() takes at most 2 positional arguments (3 given)
# expect: from_bytes() missing required argument 'bytes' (pos 1)
# expect: 'x' is an invalid keyword argument for int()
# expect: 513 b'\xfb\xff'
