def divide(a, b):
    return a / b


values = [3, 4]

print(divide(values[0], values[1]))
