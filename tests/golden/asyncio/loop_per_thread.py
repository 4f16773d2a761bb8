# Each thread may run its own event loop; a nested asyncio.run is refused.
import asyncio
import threading

results = {}


async def work(name):
    await asyncio.sleep(0.01)
    return name, id(asyncio.get_running_loop())


def thread_main(name):
    results[name] = asyncio.run(work(name))


async def main():
    nested = work("nested")
    try:
        asyncio.run(nested)
    except RuntimeError as e:
        print(e)
    nested.close()
    threads = [threading.Thread(target=thread_main, args=(n,)) for n in ("a", "b")]
    for t in threads:
        t.start()
    await asyncio.sleep(0.05)   # this loop keeps running meanwhile
    for t in threads:
        t.join()
    loops = {results[n][1] for n in results} | {id(asyncio.get_running_loop())}
    print(sorted(results), len(loops))


asyncio.run(main())
# expect: asyncio.run() cannot be called from a running event loop
# expect: ['a', 'b'] 3
