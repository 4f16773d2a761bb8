# f-strings call __str__ (and __repr__ for !r) and __format__ defaults.
class P:
    def __str__(self):
        return "P-str"
    def __repr__(self):
        return "P-repr"
p = P()
print(f"{p} {p!r}")  # expect: P-str P-repr
print(f"[{p!s:>7}]")  # expect: [  P-str]
print(f"{None} {True}")  # expect: None True
