# Sequence patterns: fixed length, star captures anywhere, nesting; lists,
# tuples and ranges match, strings do not.
def shape(s):
    match s:
        case []:
            return "empty"
        case [x]:
            return f"one {x}"
        case [first, *middle, last]:
            return f"first {first} middle {middle} last {last}"
def head(s):
    match s:
        case (h, *_):
            return h
        case _:
            return "no head"
print(shape([]), shape((7,)), shape([1, 2]), shape(range(5)))
print(head("abc"), head(b"xy"), head([9]), head(()))
match [1, [2, 3], 4]:
    case [a, [b, c], d] if a + d == 5:
        print(a, b, c, d)
match (1, 2, 3):
    case 1, *rest:
        print(rest)
match {"a": 1}:
    case [*_]:
        print("not a sequence")
    case _:
        print("a dict is not a sequence")
# expect: empty one 7 first 1 middle [] last 2 first 0 middle [1, 2, 3] last 4
# expect: no head no head 9 no head
# expect: 1 2 3 4
# expect: [2, 3]
# expect: a dict is not a sequence
