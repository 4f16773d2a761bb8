# := in a comprehension binds in the enclosing function (or module) scope,
# also through nested comprehensions, and is visible after the loop.
def last_positive(values):
    [last := v for v in values if v > 0]
    return last
print(last_positive([3, -1, 4, -2]))  # expect: 4
def running(values):
    total = 0
    sums = [total := total + v for v in values]
    return sums, total
print(running([1, 2, 3]))  # expect: ([1, 3, 6], 6)
found = any((hit := w).startswith('b') for w in ['apple', 'banana', 'cherry'])
print(found, hit)  # expect: True banana
def nested():
    rows = [[(cell := r * c) for c in range(3)] for r in range(3)]
    return rows, cell
print(nested())  # expect: ([[0, 0, 0], [0, 1, 2], [0, 2, 4]], 4)
def closure():
    out = [y := n for n in range(3)]
    return lambda: y
print(closure()())  # expect: 2
print({k: (m := k * 2) for k in range(3)}, m)  # expect: {0: 0, 1: 2, 2: 4} 4
def with_global():
    global gv
    [gv := n for n in 'ab']
with_global()
print(gv)  # expect: b
