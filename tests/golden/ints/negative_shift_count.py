# A negative shift count is an error.
print(1 << 2, 8 >> 2)  # expect: 4 2
try:
    8 >> -1
except ValueError as e:
    print(e)  # expect: negative shift count
1 << -1
# error: ValueError: negative shift count
