# asyncio's run_in_executor on a given ThreadPoolExecutor and on the default one; to_thread uses the default (asyncio_N threads).
import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor

def blocking(x):
    return x * 10, threading.current_thread().name

async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix='mine') as ex:
        results = await asyncio.gather(*(loop.run_in_executor(ex, blocking, i) for i in range(4)))
    print([r[0] for r in results], set(r[1] for r in results) <= {'mine_0', 'mine_1'})  # expect: [0, 10, 20, 30] True
    value, name = await loop.run_in_executor(None, blocking, 7)
    print(value, name)  # expect: 70 asyncio_0
    print(await asyncio.to_thread(lambda a, b=0: a + b, 1, b=2))  # expect: 3
    try:
        await loop.run_in_executor(None, int, 'x')
    except ValueError as e:
        print(e)  # expect: invalid literal for int() with base 10: 'x'

asyncio.run(main())
print(threading.active_count())  # expect: 1
