# The result of % takes the sign of the divisor.
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)  # expect: 1 2 -2 -1
print(-1 % 10)  # expect: 9
print(10 % -1)  # expect: 0
print(-6 % 3)  # expect: 0
