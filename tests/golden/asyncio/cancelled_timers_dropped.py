# Timers cancelled long before their deadline are dropped from the loop's queues, not kept for their whole timeout, even behind a live timer due earlier: wait_for with a long timeout per call, and long sleeps that are cancelled.
# _timer_count is gilvm's native loop's (CPython purges its own heap likewise): not run under python3.
# gilvm-only
import asyncio


async def quick(i):
    await asyncio.sleep(0)
    return i


async def main():
    loop = asyncio.get_running_loop()
    first = loop.call_later(200, print, "never")   # due first: the dead ones queue behind it
    total = 0
    for i in range(3000):
        total += await asyncio.wait_for(quick(i), 300)
    print(total, loop._timer_count() < 1100)
    sleepers = [asyncio.create_task(asyncio.sleep(300)) for _ in range(3000)]
    await asyncio.sleep(0)
    print(loop._timer_count())   # live: all kept
    for t in sleepers:
        t.cancel()
    await asyncio.gather(*sleepers, return_exceptions=True)
    for i in range(1200):   # the queues double, and the dead are dropped
        await asyncio.wait_for(quick(i), 300)
    print(loop._timer_count() < 1100, first.cancelled())
    first.cancel()


asyncio.run(main())
# expect: 4498500 True
# expect: 3001
# expect: True False
