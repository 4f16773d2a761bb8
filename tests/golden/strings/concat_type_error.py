# Adding a str and an int is a TypeError; convert with str() first.
n = 1
print("a" + str(n))  # expect: a1
print(f"a{n}")  # expect: a1
"a" + n
# error: TypeError: can only concatenate str (not "int") to str
