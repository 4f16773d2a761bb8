# A list method called with the wrong arguments raises CPython's TypeError, worded as CPython declares each method.
calls = [
    lambda: [].reverse(1),
    lambda: [].copy(1),
    lambda: [].append(),
    lambda: [].append(x=1),
    lambda: [].insert(1),
    lambda: [].pop(1, 2),
    lambda: [].index(),
    lambda: [].sort(1),
    lambda: [].sort(x=1),
    lambda: [].sort(1, 2, 3),
    lambda: ().count(),
    lambda: list.append(),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print(e)
# expect: list.reverse() takes no arguments (1 given)
# expect: list.copy() takes no arguments (1 given)
# expect: list.append() takes exactly one argument (0 given)
# expect: list.append() takes no keyword arguments
# expect: insert expected 2 arguments, got 1
# expect: pop expected at most 1 argument, got 2
# expect: index expected at least 1 argument, got 0
# expect: sort() takes no positional arguments
# expect: 'x' is an invalid keyword argument for sort()
# expect: sort() takes at most 2 arguments (3 given)
# expect: tuple.count() takes exactly one argument (0 given)
# expect: unbound method list.append() needs an argument
a = [3, 1, 2]
a.sort(reverse=True)
print(a, [5, 6, 7].index(7, 1), [1, 2].pop(0))  # expect: [3, 2, 1] 2 1
