# Future and Task methods called with wrong arguments raise CPython's TypeErrors (none is ignored).
import asyncio


async def coro():
    pass


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    t = loop.create_task(coro())
    bad = [
        lambda: asyncio.Future(1),
        lambda: f.result(1),
        lambda: f.set_result(),
        lambda: f.cancel(1, 2),
        lambda: f.cancel(m=1),
        lambda: t.cancel(1, 2),
        lambda: f.add_done_callback(),
        lambda: f.add_done_callback(print, 1),
        lambda: f.remove_done_callback(fn=1),
        lambda: f.done(1),
        lambda: f.get_loop(1),
        lambda: t.uncancel(1),
        lambda: t.get_coro(1),
    ]
    for fn in bad:
        try:
            fn()
            print("no error")
        except TypeError as e:
            print(e)
    print(f.cancel(msg="m"), t.cancel("z"))
    await asyncio.sleep(0)


asyncio.run(main())
# expect: Future() takes no positional arguments
# expect: Future.result() takes no arguments (1 given)
# expect: Future.set_result() takes exactly one argument (0 given)
# expect: cancel() takes at most 1 argument (2 given)
# expect: 'm' is an invalid keyword argument for cancel()
# expect: cancel() takes at most 1 argument (2 given)
# expect: add_done_callback() takes exactly 1 positional argument (0 given)
# expect: add_done_callback() takes exactly 1 positional argument (2 given)
# expect: Future.remove_done_callback() takes no keyword arguments
# expect: Future.done() takes no arguments (1 given)
# expect: Future.get_loop() takes no arguments (1 given)
# expect: Task.uncancel() takes no arguments (1 given)
# expect: Task.get_coro() takes no arguments (1 given)
# expect: True True
