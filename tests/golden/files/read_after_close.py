# Reading a closed file is a ValueError.
f = open("c.txt", "w")
f.write("x")
f.close()
f.close()
print(f.closed)  # expect: True
f.write("y")
# error: ValueError: I/O operation on closed file.
