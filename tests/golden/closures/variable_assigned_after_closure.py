# A closure sees the enclosing variable's value at call time.
def outer():
    def show():
        return msg
    msg = 'first'
    r1 = show()
    msg = 'second'
    return r1, show()
print(outer())  # expect: ('first', 'second')
