# Task(...) called wrongly raises CPython's TypeError wording (named "Task()", not "__init__()").
import asyncio


async def coro():
    return 7


async def main():
    bad = [
        lambda: asyncio.Task(),
        lambda: asyncio.Task(None, 1),
        lambda: asyncio.Task(None, foo=1),
    ]
    for f in bad:
        try:
            f()
        except TypeError as e:
            print(e)
    t = asyncio.Task(coro(), name="job", loop=asyncio.get_running_loop(), context=None)
    print(t.get_name(), await t)
    try:
        t.set_name()
    except TypeError as e:
        print(e)


asyncio.run(main())
# expect: Task() missing required argument 'coro' (pos 1)
# expect: Task() takes exactly 1 positional argument (2 given)
# expect: 'foo' is an invalid keyword argument for Task()
# expect: job 7
# expect: Task.set_name() takes exactly one argument (0 given)
