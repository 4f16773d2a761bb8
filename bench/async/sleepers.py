# N tasks each await asyncio.sleep(0.1), all at once: the wall time of the
# gather (ideal: 0.1 s). N from the command line (default 10000); N = 0
# gives the baseline for memory per task (bench/async/run.py).
import asyncio
import sys
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 10000


async def sleeper():
    await asyncio.sleep(0.1)


async def main():
    t0 = time.perf_counter()
    await asyncio.gather(*[sleeper() for _ in range(N)])
    return time.perf_counter() - t0


wall = asyncio.run(main())
print(f"RESULT wall={wall:.6f}")
