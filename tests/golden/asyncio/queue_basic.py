# asyncio.Queue: producer/consumer, task_done/join, qsize/empty/full, the nowait errors.
import asyncio


async def main():
    q = asyncio.Queue(maxsize=2)
    print(q.empty(), q.full(), q.qsize())
    results = []

    async def consumer():
        while True:
            item = await q.get()
            results.append(item * 10)
            q.task_done()

    c = asyncio.create_task(consumer())
    for i in range(5):
        await q.put(i)
    await q.join()
    print(results)
    c.cancel()
    q2 = asyncio.Queue(1)
    q2.put_nowait("x")
    try:
        q2.put_nowait("y")
    except asyncio.QueueFull:
        print("QueueFull", q2.full())
    print(q2.get_nowait())
    try:
        q2.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")


asyncio.run(main())
# expect: True False 0
# expect: [0, 10, 20, 30, 40]
# expect: QueueFull True
# expect: x
# expect: QueueEmpty
