# printf-style %: a tuple supplies the values; anything else is one value.
print("%s" % 5, "%s" % (5,), "%s" % ((1, 2),))  # expect: 5 5 (1, 2)
print("%s" % [1, 2], "%s|" % [])  # expect: [1, 2] []|
print("abc" % [1], "abc" % {}, "abc" % b"x", "abc" % ())  # expect: abc abc abc abc
for fmt, args in [("abc", 5), ("abc", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%s %s", [1, 2]), ("%s", ())]:
    try:
        print(fmt % args)
    except TypeError as e:
        print("TypeError", e)
# expect: TypeError not all arguments converted during string formatting
# expect: TypeError not all arguments converted during string formatting
# expect: TypeError not enough arguments for format string
# expect: TypeError not all arguments converted during string formatting
# expect: TypeError not enough arguments for format string
# expect: TypeError not enough arguments for format string
