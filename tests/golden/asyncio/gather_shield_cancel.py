# Cancelling a gather cancels its children; shield keeps a task running past a timeout;
# a task awaiting itself is a RuntimeError.
import asyncio


async def inner():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("child got CancelledError")
        raise


async def work():
    # Far longer than the 1 ms timeout: on a loaded machine the loop can stall
    # past a short sleep, and the task would be done before wait_for sees it.
    await asyncio.sleep(0.3)
    return "survived"


async def selfish():
    try:
        await asyncio.current_task()
    except RuntimeError as e:
        print(str(e).startswith("Task cannot await on itself"))


async def main():
    child = asyncio.create_task(inner())
    await asyncio.sleep(0)
    outer = asyncio.gather(child)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("gather cancelled; child cancelled:", child.cancelled())
    task = asyncio.create_task(work())
    try:
        await asyncio.wait_for(asyncio.shield(task), 0.001)
    except TimeoutError:
        print("timed out; task still running:", not task.done())
    print(await task)
    await selfish()


asyncio.run(main())
# expect: child got CancelledError
# expect: gather cancelled; child cancelled: True
# expect: timed out; task still running: True
# expect: survived
# expect: True
