# Sending a non-None value to a just-started generator is an error.
def g():
    yield 1
gen = g()
try:
    gen.send(5)
except TypeError as e:
    print(e)  # expect: can't send non-None value to a just-started generator
print(gen.send(None))  # expect: 1
