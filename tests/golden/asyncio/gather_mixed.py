# gather of a coroutine passed twice (one child, its result twice), a plain
# future and a task; cancelled children under return_exceptions (the
# message stays with the task's own CancelledError); a child's exception
# after the gather failed is retrieved (no "never retrieved").
import asyncio


async def value(v, delay=0):
    await asyncio.sleep(delay)
    return v


async def fail(msg, delay):
    await asyncio.sleep(delay)
    raise KeyError(msg)


async def main():
    loop = asyncio.get_running_loop()
    coro = value("twice")
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, "future")
    task = asyncio.create_task(value("task", 0.005))
    outer = asyncio.gather(coro, fut, coro, task)
    print(type(outer).__name__, len(asyncio.all_tasks()))
    print(await outer)

    victim = asyncio.create_task(value("never", 1))
    loop.call_soon(victim.cancel, "stop")
    results = await asyncio.gather(victim, value(5), return_exceptions=True)
    print([type(r).__name__ for r in results], results[0].args)
    early = asyncio.create_task(value("never"))
    early.cancel("early")
    results = await asyncio.gather(early, return_exceptions=True)
    try:
        early.result()
    except asyncio.CancelledError as e:
        print(repr(results[0]), e.args)

    try:
        await asyncio.gather(fail("first", 0), fail("second", 0.01))
    except KeyError as e:
        print("KeyError", e)
    await asyncio.sleep(0.02)
    print("done", len(asyncio.all_tasks()))


asyncio.run(main())
# expect: _GatheringFuture 3
# expect: ['twice', 'future', 'twice', 'task']
# expect: ['CancelledError', 'int'] ('',)
# expect: CancelledError('') ('early',)
# expect: KeyError 'first'
# expect: done 1
