# Concatenation and repetition.
print("ab" + "cd")  # expect: abcd
print("ab" * 3)  # expect: ababab
print(3 * "-")  # expect: ---
print(repr("ab" * 0), repr("ab" * -2))  # expect: '' ''
s = "x"
s += "y"
print(s)  # expect: xy
