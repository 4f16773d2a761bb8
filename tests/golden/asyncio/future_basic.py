# A Future resolved from a callback; result() before it is set; set twice is an error.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    try:
        fut.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    loop.call_later(0.01, fut.set_result, "later")
    loop.call_soon(print, "call_soon runs first")
    print(await fut)
    try:
        fut.set_result("again")
    except asyncio.InvalidStateError:
        print("cannot set twice")
    print(isinstance(loop.time(), float), asyncio.get_event_loop() is loop)


asyncio.run(main())
# expect: InvalidStateError: Result is not set.
# expect: call_soon runs first
# expect: later
# expect: cannot set twice
# expect: True True
