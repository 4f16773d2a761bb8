# divmod is consistent with // and %.
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2)]:
    q, r = divmod(a, b)
    print(a, b, q, r, q * b + r == a)
# expect: 7 2 3 1 True
# expect: -7 2 -4 1 True
# expect: 7 -2 -4 -1 True
# expect: -7 -2 3 -1 True
