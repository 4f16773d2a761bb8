# print with sep, end, several values and no values.
print(1, 2, 3, sep='-')  # expect: 1-2-3
print('a', 'b', sep='')  # expect: ab
print('no newline', end='|')
print('next')  # expect: no newline|next
print()  # expect:
print(sep='x')  # expect:
print('x', end='')
print(end='')
print()  # expect: x
print(*[1, 2], sep=', ')  # expect: 1, 2
