# float() from strings.
print(float('3.5'))  # expect: 3.5
print(float('  -2.25\n'))  # expect: -2.25
print(float('1e3'))  # expect: 1000.0
print(float('.5'))  # expect: 0.5
print(float('inf'), float('-inf'))  # expect: inf -inf
print(float(7))  # expect: 7.0
print(float())  # expect: 0.0
try:
    float('abc')
except ValueError as e:
    print(e)  # expect: could not convert string to float: 'abc'
