# Cancelling a task throws CancelledError at its await: finally blocks run, awaiting it raises.
import asyncio


async def worker():
    try:
        try:
            await asyncio.sleep(10)
        finally:
            print("inner finally")
    finally:
        print("outer finally")


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    print("cancel returns", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting raised CancelledError")
    print(t.cancelled(), t.done())
    print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))


asyncio.run(main())
# expect: cancel returns True
# expect: inner finally
# expect: outer finally
# expect: awaiting raised CancelledError
# expect: True True
# expect: True False
