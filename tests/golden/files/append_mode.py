# Mode "a" appends; mode "w" truncates.
with open("log.txt", "w") as f:
    f.write("one\n")
with open("log.txt", "a") as f:
    f.write("two\n")
with open("log.txt", "a") as f:
    f.write("three\n")
with open("log.txt") as f:
    print(f.read().split())  # expect: ['one', 'two', 'three']
with open("log.txt", "w") as f:
    f.write("reset\n")
with open("log.txt") as f:
    print(repr(f.read()))  # expect: 'reset\n'
