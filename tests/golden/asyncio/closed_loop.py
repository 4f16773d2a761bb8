# Scheduling on a closed event loop raises RuntimeError, as CPython's _check_closed does; a future with no callbacks can still be resolved.
import asyncio


async def make_future():
    return asyncio.get_running_loop().create_future()


async def the_loop():
    return asyncio.get_running_loop()


fut = asyncio.run(make_future())
fut.set_result(1)
print("no callbacks:", fut.result())

loop = asyncio.run(the_loop())
print("closed:", loop.is_closed())
attempts = [
    ("call_soon", lambda: loop.call_soon(print, "never")),
    ("call_later", lambda: loop.call_later(1, print)),
    ("call_at", lambda: loop.call_at(1, print)),
    ("call_soon_threadsafe", lambda: loop.call_soon_threadsafe(print)),
]
for name, attempt in attempts:
    try:
        attempt()
        print(name, "scheduled")
    except RuntimeError as e:
        print(name, "->", e)

fut2 = loop.create_future()
fut2.add_done_callback(print)
try:
    fut2.set_result(2)
except RuntimeError as e:
    print("set_result ->", e, "| done:", fut2.done(), fut2.result())

coro = the_loop()
try:
    loop.create_task(coro)
except RuntimeError as e:
    print("create_task ->", e)
    coro.close()
# expect: no callbacks: 1
# expect: closed: True
# expect: call_soon -> Event loop is closed
# expect: call_later -> Event loop is closed
# expect: call_at -> Event loop is closed
# expect: call_soon_threadsafe -> Event loop is closed
# expect: set_result -> Event loop is closed | done: True 2
# expect: create_task -> Event loop is closed
