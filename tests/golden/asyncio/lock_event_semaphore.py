# Lock serialises, Event releases all waiters, Semaphore bounds concurrency.
import asyncio


async def main():
    lock = asyncio.Lock()
    log = []

    async def critical(name):
        async with lock:
            log.append(name + " in")
            await asyncio.sleep(0)
            log.append(name + " out")

    await asyncio.gather(critical("a"), critical("b"))
    print(log, lock.locked())

    ev = asyncio.Event()

    async def waiter(i):
        await ev.wait()
        return i

    tasks = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print(ev.is_set(), any(t.done() for t in tasks))
    ev.set()
    print(await asyncio.gather(*tasks))

    sem = asyncio.Semaphore(2)
    active = [0, 0]

    async def limited():
        async with sem:
            active[0] += 1
            active[1] = max(active[1], active[0])
            await asyncio.sleep(0.01)
            active[0] -= 1

    await asyncio.gather(*[limited() for _ in range(6)])
    print("max concurrent", active[1])


asyncio.run(main())
# expect: ['a in', 'a out', 'b in', 'b out'] False
# expect: False False
# expect: [0, 1, 2]
# expect: max concurrent 2
