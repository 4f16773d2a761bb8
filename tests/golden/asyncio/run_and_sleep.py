# asyncio.run returns the coroutine's result; sleep(delay, result) returns result.
import asyncio


async def main():
    x = await asyncio.sleep(0.01, "slept")
    y = await asyncio.sleep(0)
    return x, y


print(asyncio.run(main()))
# expect: ('slept', None)
