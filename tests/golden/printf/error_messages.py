# printf-style %: CPython's exception types and messages.
cases = [
    ("%d", "3"), ("%x", 3.0), ("%o", None), ("%i", "x"), ("%f", "a"), ("%e", None),
    ("%q", 1), ("%q", ()), ("%é", 1), ("é%\x01", 1), ("%5%", 1), ("%(a)%", {"a": 1}),
    ("a%", ()), ("%", ()), ("%5", 1), ("%.", 1), ("%-", 1), ("%l", 1), ("%ll", 1), ("%(a", {}), ("%(a)", {"a": 1}),
    ("%(a)s", 1), ("%(a)s", ()), ("%*d", ("a", 1)), ("%.*d", (None, 1)), ("%*d", ()), ("%*d", (2**63, 1)),
    ("%.*d", (2**31, 1)), ("%s %s", (1,)), ("%s", (1, 2)), ("%d", float("inf")), ("%d", float("nan")),
    ("%f", 2**1100), ("%(a)*d", {"a": 1}), ("%d %(a)s", {"a": 1}),
]
for fmt, args in cases:
    try:
        print(repr(fmt % args))
    except Exception as e:
        print(type(e).__name__, e)
# expect: TypeError %d format: a real number is required, not str
# expect: TypeError %x format: an integer is required, not float
# expect: TypeError %o format: an integer is required, not NoneType
# expect: TypeError %i format: a real number is required, not str
# expect: TypeError must be real number, not str
# expect: TypeError must be real number, not NoneType
# expect: ValueError unsupported format character 'q' (0x71) at index 1
# expect: TypeError not enough arguments for format string
# expect: ValueError unsupported format character '?' (0xe9) at index 1
# expect: ValueError unsupported format character '?' (0x1) at index 2
# expect: ValueError unsupported format character '%' (0x25) at index 2
# expect: ValueError unsupported format character '%' (0x25) at index 4
# expect: ValueError incomplete format
# expect: ValueError incomplete format
# expect: ValueError incomplete format
# expect: ValueError incomplete format
# expect: ValueError incomplete format
# expect: ValueError incomplete format
# expect: ValueError unsupported format character 'l' (0x6c) at index 2
# expect: ValueError incomplete format key
# expect: ValueError incomplete format
# expect: TypeError format requires a mapping
# expect: TypeError format requires a mapping
# expect: TypeError * wants int
# expect: TypeError * wants int
# expect: TypeError not enough arguments for format string
# expect: OverflowError Python int too large to convert to C ssize_t
# expect: OverflowError Python int too large to convert to C int
# expect: TypeError not enough arguments for format string
# expect: TypeError not all arguments converted during string formatting
# expect: OverflowError cannot convert float infinity to integer
# expect: ValueError cannot convert float NaN to integer
# expect: OverflowError int too large to convert to float
# expect: TypeError not enough arguments for format string
# expect: TypeError %d format: a real number is required, not dict
