# sorted with a key that produces tuples.
people = [("bob", 25), ("amy", 30), ("cat", 25)]
print(sorted(people, key=lambda p: (p[1], p[0])))
# expect: [('bob', 25), ('cat', 25), ('amy', 30)]
print(sorted(people, key=lambda p: (-p[1], p[0])))
# expect: [('amy', 30), ('bob', 25), ('cat', 25)]
