# Two closures over the same variable share it.
def pair():
    v = 0
    def get():
        return v
    def put(x):
        nonlocal v
        v = x
    return get, put
get, put = pair()
put(5)
print(get())  # expect: 5
put('z')
print(get())  # expect: z
