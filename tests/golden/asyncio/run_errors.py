# asyncio.run needs a coroutine; get_running_loop outside a loop; an exception propagates out of run.
import asyncio


async def bad():
    raise KeyError("inside")


try:
    asyncio.run(42)
except ValueError as e:
    print(e)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print(e)
try:
    asyncio.run(bad())
except KeyError as e:
    print("propagated", e)
# expect: a coroutine was expected, got 42
# expect: no running event loop
# expect: propagated 'inside'
