# create_task starts a Task at once; done/result/get_name/add_done_callback.
import asyncio


async def work():
    await asyncio.sleep(0)
    return 42


async def main():
    t = asyncio.create_task(work(), name="worker")
    t.add_done_callback(lambda task: print("callback sees", task.result()))
    print(t.get_name(), t.done())
    print(await t)
    print(t.done(), t.result(), t.cancelled(), t.exception())
    await asyncio.sleep(0)
    u = asyncio.create_task(work())
    print(u.get_name().startswith("Task-"))
    await u


asyncio.run(main())
# expect: worker False
# expect: callback sees 42
# expect: 42
# expect: True 42 False None
# expect: True
