# range with negative steps and empty ranges.
print(list(range(10, 0, -3)))  # expect: [10, 7, 4, 1]
print(list(range(0, -5, -1)))  # expect: [0, -1, -2, -3, -4]
print(list(range(5, 5)), list(range(5, 0)))  # expect: [] []
print(list(range(-3)))  # expect: []
for i in range(2, 11, 4):
    print(i, end=',')
print()
# expect: 2,6,10,
