# A file opened with `with` is closed afterwards.
with open("w.txt", "w") as f:
    f.write("data")
    print(f.closed)  # expect: False
print(f.closed)  # expect: True
with open("w.txt") as f:
    print(f.read())  # expect: data
