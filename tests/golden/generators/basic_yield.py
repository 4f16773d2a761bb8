# A generator runs lazily between yields.
def gen():
    print("start")
    yield 1
    print("middle")
    yield 2
    print("end")
g = gen()
print("created")
print(next(g))
print(next(g))
print(next(g, "done"))
# expect: created
# expect: start
# expect: 1
# expect: middle
# expect: 2
# expect: end
# expect: done
