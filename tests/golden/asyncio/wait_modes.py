# asyncio.wait: FIRST_COMPLETED and ALL_COMPLETED return (done, pending) sets; timeout leaves pending.
import asyncio


async def after(delay, v):
    await asyncio.sleep(delay)
    return v


async def main():
    fast = asyncio.create_task(after(0, "fast"))
    slow = asyncio.create_task(after(0.05, "slow"))
    done, pending = await asyncio.wait([fast, slow], return_when=asyncio.FIRST_COMPLETED)
    print([t.result() for t in done], len(pending), slow in pending)
    done, pending = await asyncio.wait([fast, slow])
    print(sorted(t.result() for t in done), len(pending))
    t = asyncio.create_task(after(5, "never"))
    done, pending = await asyncio.wait([t], timeout=0.01)
    print(len(done), len(pending))
    t.cancel()
    c = after(0, 1)
    try:
        await asyncio.wait([c])
    except TypeError as e:
        print(e)
    c.close()


asyncio.run(main())
# expect: ['fast'] 1 True
# expect: ['fast', 'slow'] 0
# expect: 0 1
# expect: Passing coroutines is forbidden, use tasks explicitly.
