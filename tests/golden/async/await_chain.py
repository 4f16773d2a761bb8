# await through nested coroutines: the innermost yield reaches the driver.
class Step:
    def __await__(self):
        return (yield "step")


async def leaf(n):
    got = await Step()
    return n + got


async def middle():
    a = await leaf(1)
    b = await leaf(10)
    return a, b


c = middle()
print(c.send(None))
print(c.send(100))
try:
    c.send(1000)
except StopIteration as e:
    print(e.value)
# expect: step
# expect: step
# expect: (101, 1010)
