# __exit__ returning True suppresses the exception; its printout and the
# code after each block all run, in a function and in a loop.
class CM:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__, v)
        return True
def f():
    with CM():
        raise ValueError("x")
    with CM():
        raise KeyError("y")
    print("after")
    return 5
print(f())
for i in range(2):
    with CM():
        raise ValueError(i)
    print("loop body", i)
print("done")
# expect: exit ValueError x
# expect: exit KeyError 'y'
# expect: after
# expect: 5
# expect: exit ValueError 0
# expect: loop body 0
# expect: exit ValueError 1
# expect: loop body 1
# expect: done
