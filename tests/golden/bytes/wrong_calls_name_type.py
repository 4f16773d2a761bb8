# bytes methods refusing keywords or a wrong count name the type, as CPython's do.
def attempt(call):
    try:
        call()
    except TypeError as e:
        print(e)

attempt(lambda: bytes.fromhex())
attempt(lambda: bytes.fromhex(string="00"))
attempt(lambda: b"ab".strip(bytes=b"a"))
attempt(lambda: b"ab".replace(b"a", b"b", count=1))
print(bytes.fromhex("0a ff"), b"xaby".strip(b"xy"))
# expect: bytes.fromhex() takes exactly one argument (0 given)
# expect: bytes.fromhex() takes no keyword arguments
# expect: bytes.strip() takes no keyword arguments
# expect: bytes.replace() takes no keyword arguments
# expect: b'\n\xff' b'ab'
