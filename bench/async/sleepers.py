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


def peak_rss_kib():
    """This process's peak resident set (VmHWM), or -1 where /proc is not.
    Read here rather than from wait4's ru_maxrss, which also counts the
    parent's pages the child had between fork and exec: that hides a
    baseline smaller than the benchmark driver itself."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return -1


wall = asyncio.run(main())
print(f"RESULT wall={wall:.6f} hwm_kib={peak_rss_kib()}")
