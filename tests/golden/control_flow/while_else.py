# while/else: else runs when the condition becomes false, not on break.
n = 3
while n > 0:
    n -= 1
else:
    print('done', n)  # expect: done 0
while True:
    break
else:
    print('not printed')
i = 0
while i < 10:
    if i == 4:
        break
    i += 1
else:
    print('not printed either')
print(i)  # expect: 4
