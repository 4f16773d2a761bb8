# Floor division rounds toward negative infinity.
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)  # expect: 3 -4 -4 3
print(1 // 3, -1 // 3)  # expect: 0 -1
print(0 // -5)  # expect: 0
print(-6 // 3)  # expect: -2
