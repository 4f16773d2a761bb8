# str.format with positional, indexed and keyword fields.
print("{} + {} = {}".format(1, 2, 3))  # expect: 1 + 2 = 3
print("{1}{0}{1}".format("a", "b"))  # expect: bab
print("{name} is {age}".format(name="Ann", age=7))  # expect: Ann is 7
print("{:>5}|{:<5}|{:^5}|".format("a", "b", "c"))  # expect:     a|b    |  c  |
print("{:.3f}".format(3.14159))  # expect: 3.142
print("{{}} {}".format("x"))  # expect: {} x
print("{0!r}".format("q"))  # expect: 'q'
