# Each call of a factory creates a fresh cell.
def adder(n):
    return lambda x: x + n
adders = [adder(i) for i in range(3)]
print([f(10) for f in adders])  # expect: [10, 11, 12]
