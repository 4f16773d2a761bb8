# Truth values of builtin types.
values = [0, 0.0, '', [], (), {}, set(), None, 1, -1, 'a', [0], (0,), {0: 0}, 0.1]
print([bool(v) for v in values])
# expect: [False, False, False, False, False, False, False, False, True, True, True, True, True, True, True]
n = 0
while not n:
    n += 1
print(n)  # expect: 1
