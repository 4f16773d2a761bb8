# A generator's return value travels in StopIteration.value.
def g():
    yield 1
    return "result"
it = g()
print(next(it))  # expect: 1
try:
    next(it)
except StopIteration as e:
    print("value:", e.value)  # expect: value: result
try:
    next(it)
except StopIteration as e:
    print("again:", e.value)  # expect: again: None
