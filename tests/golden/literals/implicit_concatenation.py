# Adjacent string literals are concatenated at compile time.
s = ("hello, "
     'world'
     """!""")
print(s)  # expect: hello, world!
print(len("a" "b" "c"))  # expect: 3
