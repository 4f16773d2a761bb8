# as_completed yields awaitables in completion order, not argument order.
import asyncio


async def after(delay, v):
    await asyncio.sleep(delay)
    return v


async def main():
    got = []
    for aw in asyncio.as_completed([after(0.04, "slow"), after(0, "quick"), after(0.02, "middle")]):
        got.append(await aw)
    print(got)


asyncio.run(main())
# expect: ['quick', 'middle', 'slow']
