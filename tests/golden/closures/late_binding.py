# Closures capture variables, not values.
funcs = []
for i in range(3):
    def f():
        return i
    funcs.append(f)
print([f() for f in funcs])  # expect: [2, 2, 2]
i = 10
print(funcs[0]())  # expect: 10
