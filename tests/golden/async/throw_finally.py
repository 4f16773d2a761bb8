# throw() reaches the innermost await; finally blocks on the way run.
class Wait:
    def __await__(self):
        yield "waiting"


async def inner():
    try:
        await Wait()
    finally:
        print("inner finally")


async def outer():
    try:
        await inner()
    except KeyError as e:
        print("outer caught", repr(e))
        return "handled"


c = outer()
print(c.send(None))
try:
    c.throw(KeyError("k"))
except StopIteration as e:
    print("result", e.value)
# expect: waiting
# expect: inner finally
# expect: outer caught KeyError('k')
# expect: result handled
