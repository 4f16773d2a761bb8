# f-strings interpolate expressions; !r uses repr.
name = "Ann"
n = 3
print(f"{name} has {n * 2} apples")  # expect: Ann has 6 apples
print(f"{name!r}")  # expect: 'Ann'
print(f"{[1, 'a']}")  # expect: [1, 'a']
print(f"{'x'!r:>5}")  # expect:   'x'
print(f"{n}{n}")  # expect: 33
