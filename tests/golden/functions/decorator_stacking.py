# Stacked decorators apply bottom-up and run top-down.
def tag(name):
    def deco(fn):
        def wrapper():
            return f"<{name}>{fn()}</{name}>"
        return wrapper
    return deco
@tag("b")
@tag("i")
def text():
    return "x"
print(text())  # expect: <b><i>x</i></b>
order = []
def mark(label):
    order.append("make " + label)
    def deco(fn):
        order.append("apply " + label)
        return fn
    return deco
@mark("outer")
@mark("inner")
def f():
    pass
print(order)  # expect: ['make outer', 'make inner', 'apply inner', 'apply outer']
