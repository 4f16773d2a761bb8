# bool is a subclass of int.
print(True + True)  # expect: 2
print(True * 10)  # expect: 10
print(sum([True, False, True]))  # expect: 2
print(isinstance(True, int))  # expect: True
print(-True)  # expect: -1
print(True / 2)  # expect: 0.5
