# Iterating a file yields lines; readlines returns them all.
with open("data.txt", "w") as f:
    for i in range(3):
        f.write(f"line {i}\n")
with open("data.txt") as f:
    for line in f:
        print(line.rstrip("\n").upper())
# expect: LINE 0
# expect: LINE 1
# expect: LINE 2
with open("data.txt") as f:
    print(f.readlines())  # expect: ['line 0\n', 'line 1\n', 'line 2\n']
