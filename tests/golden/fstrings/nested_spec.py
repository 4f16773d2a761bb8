# Format specs may contain nested replacement fields.
width = 8
prec = 2
val = 3.14159
print(f"[{val:{width}.{prec}f}]")  # expect: [    3.14]
print(f"[{'x':{'>'}{width}}]")  # expect: [       x]
for w in (3, 5):
    print(f"{'|':>{w}}")
# expect:   |
# expect:     |
