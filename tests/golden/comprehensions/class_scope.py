# In a class body, only the first iterable of a comprehension sees class names.
class C:
    xs = [1, 2, 3]
    doubled = [x * 2 for x in xs]
print(C.doubled)  # expect: [2, 4, 6]
class D:
    n = 10
    try:
        vals = [n + i for i in range(2)]
    except NameError as e:
        vals = str(e)
print(D.vals)  # expect: name 'n' is not defined
