# An exception in a task nobody awaits is logged on stderr ("Task exception was never retrieved").
import asyncio


async def boom():
    raise ValueError("lost")


async def main():
    asyncio.create_task(boom())
    await asyncio.sleep(0.01)
    print("main done")


asyncio.run(main())
raise SystemExit(0)
# expect: main done
# error: ValueError: lost
# exit: 0
