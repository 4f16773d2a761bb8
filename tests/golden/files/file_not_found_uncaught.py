# An uncaught FileNotFoundError.
with open("exists.txt", "w") as f:
    f.write("x")
print(open("exists.txt").read())  # expect: x
open("no_such_file.txt")
# error: FileNotFoundError: [Errno 2] No such file or directory: 'no_such_file.txt'
