# A task may catch CancelledError and return a value; cancel() on a done task is False.
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        return "cleaned up"


async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print(await t)
    print(t.cancelled(), t.cancel())


asyncio.run(main())
# expect: cleaned up
# expect: False False
