# count counts non-overlapping occurrences.
print("aaaa".count("aa"))  # expect: 2
print("banana".count("a"))  # expect: 3
print("banana".count("an", 2))  # expect: 1
print("abc".count(""))  # expect: 4
print("abc".count("z"))  # expect: 0
