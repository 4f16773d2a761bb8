# bytes.join and bytes() over lists, tuples, generators and non-iterables, with their error messages
print(b"-".join([b"a", b"b"]), b"-".join(x for x in (b"c", b"d")), b"".join(()))
# expect: b'a-b' b'c-d' b''
for bad in ([b"a", 1], 5, iter([b"x", "y"])):
    try:
        b",".join(bad)
    except TypeError as e:
        print(e)
# expect: sequence item 1: expected a bytes-like object, int found
# expect: can only join an iterable
# expect: sequence item 1: expected a bytes-like object, str found
print(bytes([65, 66]), bytes((67,)), bytes(x + 48 for x in range(3)))
# expect: b'AB' b'C' b'012'
for bad in (1.5, [256], iter(["a"])):
    try:
        bytes(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
# expect: TypeError cannot convert 'float' object to bytes
# expect: ValueError bytes must be in range(0, 256)
# expect: TypeError 'str' object cannot be interpreted as an integer
