# any and all, including on empty iterables, and short-circuiting.
print(any([]), all([]))  # expect: False True
print(any([0, '', 1]), all([1, 'a', 0]))  # expect: True False
seen = []
def check(x):
    seen.append(x)
    return x > 1
print(any(check(x) for x in [1, 2, 3, 4]), seen)  # expect: True [1, 2]
