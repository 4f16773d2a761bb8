# list.sort() returns None, so calling a method on its result fails.
values = [3, 1]
result = values.sort()
print(values, result)  # expect: [1, 3] None
result.append(2)
# error: AttributeError: 'NoneType' object has no attribute 'append'
