# Writing and reading a text file in the current directory.
f = open("notes.txt", "w")
n = f.write("hello\nworld\n")
f.close()
print(n)  # expect: 12
f = open("notes.txt")
data = f.read()
f.close()
print(repr(data))  # expect: 'hello\nworld\n'
with open("notes.txt", "r") as f:
    print(f.read(3), f.read(2), repr(f.read()))  # expect: hel lo '\nworld\n'
