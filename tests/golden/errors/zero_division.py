# Uncaught ZeroDivisionError.
print("computing")  # expect: computing
x = 10
y = 0
print(x / y)
# error: ZeroDivisionError: division by zero
