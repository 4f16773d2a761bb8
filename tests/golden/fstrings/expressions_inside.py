# Arbitrary expressions, including calls, conditionals and quotes.
items = [3, 1, 2]
print(f"{sorted(items)}")  # expect: [1, 2, 3]
print(f"{'yes' if len(items) > 2 else 'no'}")  # expect: yes
print(f"{items[0] + items[-1]}")  # expect: 5
d = {"k": "v"}
print(f"{d['k']}")  # expect: v
print(f"{{braces}} {len(d)}")  # expect: {braces} 1
print(f"{3}" + f"{4}")  # expect: 34
