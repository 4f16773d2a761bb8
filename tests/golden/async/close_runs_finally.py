# close() of a suspended coroutine closes what it awaits first (GeneratorExit inside).
class Wait:
    def __await__(self):
        try:
            yield 1
        finally:
            print("awaitable closed")


async def work():
    try:
        await Wait()
    finally:
        print("work finally")


c = work()
c.send(None)
c.close()
print("closed")
try:
    c.send(None)
except RuntimeError as e:
    print(e)
# expect: awaitable closed
# expect: work finally
# expect: closed
# expect: cannot reuse already awaited coroutine
