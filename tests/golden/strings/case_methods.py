# Case conversion methods.
s = "hello World 42"
print(s.upper())  # expect: HELLO WORLD 42
print(s.lower())  # expect: hello world 42
print(s.title())  # expect: Hello World 42
print(s.capitalize())  # expect: Hello world 42
print(s.swapcase())  # expect: HELLO wORLD 42
print("MiXeD".lower(), "mIxEd".upper())  # expect: mixed MIXED
