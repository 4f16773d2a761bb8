# Generator expressions as sole arguments need no extra parentheses.
print(sum(x * x for x in range(10)))  # expect: 285
print(max(len(w) for w in ["a", "abc", "ab"]))  # expect: 3
print(any(x > 3 for x in [1, 5]), all(x > 3 for x in [1, 5]))  # expect: True False
print(sorted((-x for x in range(3)), reverse=True))  # expect: [0, -1, -2]
print(", ".join(str(x) for x in (1, 2)))  # expect: 1, 2
