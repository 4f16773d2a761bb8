# A default value is evaluated once and shared across calls.
def add(x, acc=[]):
    acc.append(x)
    return acc
print(add(1))  # expect: [1]
print(add(2))  # expect: [1, 2]
print(add(3, []))  # expect: [3]
print(add(4))  # expect: [1, 2, 4]
