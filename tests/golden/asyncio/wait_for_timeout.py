# wait_for: the result in time, else TimeoutError (the builtin one) and the inner task is cancelled.
import asyncio


async def slow():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("slow was cancelled")
        raise


async def main():
    print(await asyncio.wait_for(asyncio.sleep(0, "fast"), timeout=1))
    try:
        await asyncio.wait_for(slow(), timeout=0.01)
    except TimeoutError:
        print("TimeoutError")
    print(asyncio.TimeoutError is TimeoutError)
    print(await asyncio.wait_for(asyncio.sleep(0, "no limit"), None))


asyncio.run(main())
# expect: fast
# expect: slow was cancelled
# expect: TimeoutError
# expect: True
# expect: no limit
