# repr() of done tasks and of futures in each state, and the task names
# asyncio.create_task gives (it numbers a task even when it names it).
import asyncio


async def answer():
    return 42


async def fail():
    raise ValueError("no")


def show(obj):
    print(repr(obj).replace(__file__, "FILE"))


async def main():
    t1 = asyncio.create_task(answer())
    t2 = asyncio.create_task(fail(), name="failing")
    t3 = asyncio.create_task(answer())
    await asyncio.gather(t1, t2, t3, return_exceptions=True)
    show(t1)
    show(t2)
    print(t3.get_name())
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    show(f)
    f.cancel()
    show(f)
    g = loop.create_future()
    g.set_result([1, "a"])
    show(g)
    print(asyncio.Future, asyncio.Task)


asyncio.run(main())
# expect: <Task finished name='Task-2' coro=<answer() done, defined at FILE:6> result=42>
# expect: <Task finished name='failing' coro=<fail() done, defined at FILE:10> exception=ValueError('no')>
# expect: Task-4
# expect: <Future pending>
# expect: <Future cancelled>
# expect: <Future finished result=[1, 'a']>
# expect: <class '_asyncio.Future'> <class '_asyncio.Task'>
