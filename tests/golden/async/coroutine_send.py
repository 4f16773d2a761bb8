# A coroutine driven by hand: send(), the awaitable's yielded value, StopIteration's value.
class Box:
    def __await__(self):
        got = yield "asked"
        return got * 2


async def double():
    return await Box()


c = double()
print(type(c).__name__)
print(c.send(None))
try:
    c.send(21)
except StopIteration as e:
    print("returned", e.value)
# expect: coroutine
# expect: asked
# expect: returned 42
