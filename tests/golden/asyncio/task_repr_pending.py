# repr() of pending tasks and futures: where the coroutine is, the future it
# waits for, the done callbacks, and a task being cancelled.
import asyncio


def show(obj):
    print(repr(obj).replace(__file__, "FILE"))


def first(fut):
    pass


def second(fut):
    pass


async def sleeper():
    await asyncio.sleep(10)


async def main():
    t = asyncio.create_task(sleeper(), name="sleepy")
    show(t)
    await asyncio.sleep(0)
    show(t)
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.add_done_callback(first)
    show(f)
    f.add_done_callback(print)
    f.add_done_callback(second)
    show(f)
    f.remove_done_callback(print)
    show(f)
    t.cancel()
    show(t)
    try:
        await t
    except asyncio.CancelledError:
        show(t)


asyncio.run(main())
# expect: <Task pending name='sleepy' coro=<sleeper() running at FILE:18>>
# expect: <Task pending name='sleepy' coro=<sleeper() running at FILE:19> wait_for=<Future pending cb=[Task.task_wakeup()]>>
# expect: <Future pending cb=[first() at FILE:10]>
# expect: <Future pending cb=[first() at FILE:10, <1 more>, second() at FILE:14]>
# expect: <Future pending cb=[first() at FILE:10, second() at FILE:14]>
# expect: <Task cancelling name='sleepy' coro=<sleeper() running at FILE:19> wait_for=<Future cancelled>>
# expect: <Task cancelled name='sleepy' coro=<sleeper() done, defined at FILE:18>>
