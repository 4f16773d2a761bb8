# The cost of a task: N tasks of a coroutine that returns at once, created
# and run to completion by gather; and of a bare coroutine object (made and
# closed). Microseconds each.
import asyncio
import time

N = 20000


async def nothing():
    return None


async def main():
    t0 = time.perf_counter()
    await asyncio.gather(*[nothing() for _ in range(N)])
    return (time.perf_counter() - t0) / N * 1e6


task_us = asyncio.run(main())
t0 = time.perf_counter()
for _ in range(N):
    nothing().close()
coro_us = (time.perf_counter() - t0) / N * 1e6
print(f"RESULT task_us={task_us:.3f} coro_us={coro_us:.3f}")
