# join refuses non-string items.
parts = ["a", 1]
print("-".join(str(p) for p in parts))  # expect: a-1
"-".join(parts)
# error: TypeError: sequence item 1: expected str instance, int found
