# An unexpected indent; nothing runs.
print("never printed")
x = 1
    y = 2
print(x)
# error: IndentationError
