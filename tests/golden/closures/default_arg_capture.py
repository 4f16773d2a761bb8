# A default argument captures the value at definition time.
funcs = []
for i in range(3):
    funcs.append(lambda i=i: i * 10)
print([f() for f in funcs])  # expect: [0, 10, 20]
