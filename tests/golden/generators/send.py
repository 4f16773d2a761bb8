# send() resumes a generator with a value for the yield expression.
def accumulator():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
g = accumulator()
print(next(g))  # expect: 0
print(g.send(5))  # expect: 5
print(g.send(10))  # expect: 15
try:
    g.send(None)
except StopIteration:
    print("stopped")  # expect: stopped
