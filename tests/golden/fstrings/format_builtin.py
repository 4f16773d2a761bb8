# format() and str.format share the mini-language.
print(format(255, "x"))  # expect: ff
print(format(3.14159, ".3f"))  # expect: 3.142
print(format("ab", ">4"))  # expect:   ab
print(format(1234567, ","))  # expect: 1,234,567
print(format(0.5))  # expect: 0.5
print(format(12))  # expect: 12
print("{:>6.2f}|".format(2.0))  # expect:   2.00|
