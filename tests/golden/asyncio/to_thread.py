# to_thread and run_in_executor run blocking calls in threads; the loop keeps running meanwhile.
import asyncio
import threading
import time


def blocking(n):
    time.sleep(0.05)
    return n * 2, threading.current_thread() is threading.main_thread()


async def ticker(log):
    for _ in range(3):
        log.append("tick")
        await asyncio.sleep(0.005)


async def main():
    log = []
    result, _ = await asyncio.gather(asyncio.to_thread(blocking, 21), ticker(log))
    print(result, log)
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, blocking, 5))


asyncio.run(main())
# expect: (42, False) ['tick', 'tick', 'tick']
# expect: (10, False)
