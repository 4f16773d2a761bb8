# Conditional expressions evaluate only the chosen branch.
x = 5
print('big' if x > 3 else 'small')  # expect: big
print('a' if 0 else 'b' if 1 else 'c')  # expect: b
print((1 if True else 1 / 0))  # expect: 1
y = [1, 2][0] if x else None
print(y)  # expect: 1
