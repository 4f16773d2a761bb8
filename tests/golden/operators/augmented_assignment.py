# All augmented assignment operators.
x = 10
x += 5; print(x)  # expect: 15
x -= 3; print(x)  # expect: 12
x *= 2; print(x)  # expect: 24
x //= 5; print(x)  # expect: 4
x **= 3; print(x)  # expect: 64
x %= 10; print(x)  # expect: 4
x <<= 4; print(x)  # expect: 64
x >>= 2; print(x)  # expect: 16
x |= 3; print(x)  # expect: 19
x &= 6; print(x)  # expect: 2
x ^= 7; print(x)  # expect: 5
x /= 2; print(x)  # expect: 2.5
