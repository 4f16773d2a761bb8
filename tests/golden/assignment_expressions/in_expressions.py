# := inside other expressions: call arguments, displays, subscripts,
# f-strings, conditional expressions, and its value is the assigned value.
print((a := 10) + a)  # expect: 20
print([b := 1, b + 1, b + 2])  # expect: [1, 2, 3]
print(max(c := 7, 3), c)  # expect: 7 7
items = [10, 20, 30]
print(items[i := 1], i)  # expect: 20 1
print(f"{(d := 'x') * 2} {d}")  # expect: xx x
print(f"{(e:=5)!r:>4}|")  # expect:    5|
print((g := 0) if False else (g := 9), g)  # expect: 9 9
print({h := 'k'}, h)  # expect: {'k'} k
def fn():
    return (local := 3), local
print(fn())  # expect: (3, 3)
x = 4
print(f"{x:=5}|")  # expect:     4|
