# gather keeps argument order; the first exception propagates; return_exceptions collects.
import asyncio


async def value(v, delay):
    await asyncio.sleep(delay)
    return v


async def fail(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)


async def main():
    print(await asyncio.gather(value(1, 0.02), value(2, 0), value(3, 0.01)))
    try:
        await asyncio.gather(value(1, 0), fail("boom"))
    except ValueError as e:
        print("raised", e)
    print(await asyncio.gather(fail("kept"), value(4, 0), return_exceptions=True))
    print(await asyncio.gather())


asyncio.run(main())
# expect: [1, 2, 3]
# expect: raised boom
# expect: [ValueError('kept'), 4]
# expect: []
