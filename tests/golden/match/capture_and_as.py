# Capture patterns bind the subject; `as` binds what a sub-pattern matched;
# a case that matches nothing leaves the statement without running a body.
match 42:
    case x:
        print("captured", x)
match [1, 2]:
    case [1, _] as pair:
        print("pair", pair)
match (3, 4):
    case (a, b as second):
        print(a, second)
match "nothing":
    case 1:
        print("not printed")
print("after")
# expect: captured 42
# expect: pair [1, 2]
# expect: 3 4
# expect: after
