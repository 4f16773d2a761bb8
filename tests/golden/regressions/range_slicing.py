# Slicing a range gives the range of the selected elements (stop mapped
# through the range, not start + count * step).
print(range(1, 10, 2)[1:3])  # expect: range(3, 7, 2)
print(range(1, 10, 2)[::2])  # expect: range(1, 11, 4)
print(range(10)[::-1])  # expect: range(9, -1, -1)
print(range(0, 10, 3)[-2:])  # expect: range(6, 12, 3)
print(range(5)[10:])  # expect: range(5, 5)
print(range(10)[2:-2:3])  # expect: range(2, 8, 3)
print(range(10, 0, -3)[::-1])  # expect: range(1, 13, 3)
print(list(range(1, 10, 2)[::2]))  # expect: [1, 5, 9]
print(range(1, 10, 2)[::2] == range(1, 10, 4))  # expect: True
