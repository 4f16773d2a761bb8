# One coroutine awaited from two places: the second await is a RuntimeError.
class Wait:
    def __await__(self):
        yield "parked"


async def shared():
    await Wait()


async def first(c):
    await c


async def second(c):
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError:", e)


c = shared()
a = first(c)
print(a.send(None))
b = second(c)
try:
    b.send(None)
except StopIteration:
    print("second finished")
a.close()
# expect: parked
# expect: RuntimeError: coroutine is being awaited already
# expect: second finished
