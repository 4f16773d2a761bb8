# := in if/elif/while conditions binds the name and yields the value.
data = [3, 0, 5]
while (n := len(data)) > 1:
    print("popped", data.pop(), "of", n)
if (first := data[0]) > 5:
    print("big")
elif (half := first // 2) == 1:
    print("half", half)
print(n, first, half)
def f(x):
    if y := x * 2:
        return y
    return 'zero'
print(f(4), f(0))
# expect: popped 5 of 3
# expect: popped 0 of 2
# expect: half 1
# expect: 1 3 1
# expect: 8 zero
