# A loop keeps only the failed tasks whose exception may still need the "never retrieved" report: thousands of failures awaited through gather are not kept until the loop closes, and the one nobody retrieved is still reported.
# _unretrieved is gilvm's native loop's list (CPython reports when a task is destroyed): not run under python3.
# gilvm-only
import asyncio


async def fail(i):
    raise ValueError(f"failure {i}")


async def main():
    lost = asyncio.create_task(fail("lost"))
    for _ in range(20):
        results = await asyncio.gather(*[fail(i) for i in range(100)], return_exceptions=True)
    print(len(results), type(results[0]).__name__)
    kept = asyncio.get_running_loop()._unretrieved
    print(len(kept) < 200, lost in kept)


asyncio.run(main())
# expect: 100 ValueError
# expect: True True
# error: ValueError: failure lost
# exit: 0
