# Chained comparisons evaluate each operand once and short-circuit.
calls = []
def v(x):
    calls.append(x)
    return x
print(1 < 2 < 3, 1 < 3 > 2, 3 > 2 > 2)  # expect: True True False
print(v(1) < v(2) < v(3))  # expect: True
print(calls)  # expect: [1, 2, 3]
calls.clear()
print(v(5) < v(1) < v(9))  # expect: False
print(calls)  # expect: [5, 1]
print(1 == 1.0 == True)  # expect: True
