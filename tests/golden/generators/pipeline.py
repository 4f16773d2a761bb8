# Chaining generators into a pipeline.
def numbers(n):
    yield from range(n)
def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x
def squared(src):
    return (x * x for x in src)
print(list(squared(evens(numbers(10)))))  # expect: [0, 4, 16, 36, 64]
print(sum(evens(numbers(101))))  # expect: 2550
