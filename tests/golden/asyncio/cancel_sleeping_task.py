# Cancelling tasks that sleep: the CancelledError (with the message) comes
# out of the await, finally blocks run, cancelling()/uncancel() count the
# requests, and the other sleepers finish on time.
import asyncio


async def sleeper(name, delay, log):
    try:
        await asyncio.sleep(delay)
        log.append(f"{name} woke")
    except asyncio.CancelledError as e:
        log.append(f"{name} cancelled {e.args}")
        raise
    finally:
        log.append(f"{name} finally")


async def main():
    log = []
    tasks = [asyncio.create_task(sleeper(f"s{i}", 0.05, log)) for i in range(4)]
    await asyncio.sleep(0)
    print(tasks[1].cancel("stop"), tasks[1].cancelling(), tasks[1].cancel(), tasks[1].cancelling())
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print([type(r).__name__ for r in results])
    print(log)
    print(tasks[1].cancelled(), tasks[1].uncancel(), tasks[1].uncancel(), tasks[1].cancel())
    try:
        tasks[1].result()
    except asyncio.CancelledError:
        print("result() raises CancelledError")


asyncio.run(main())
# expect: True 1 True 2
# expect: ['NoneType', 'CancelledError', 'NoneType', 'NoneType']
# expect: ["s1 cancelled ('stop',)", 's1 finally', 's0 woke', 's0 finally', 's2 woke', 's2 finally', 's3 woke', 's3 finally']
# expect: True 1 0 False
# expect: result() raises CancelledError
