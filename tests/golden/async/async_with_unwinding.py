# break/continue/return leave an async with through its awaited __aexit__.
import asyncio


class CM:
    def __init__(self, n):
        self.n = n

    async def __aenter__(self):
        await asyncio.sleep(0)
        print("enter", self.n)

    async def __aexit__(self, *exc):
        await asyncio.sleep(0)
        print("exit", self.n)


async def main():
    for i in range(3):
        async with CM(i):
            if i == 0:
                continue
            if i == 1:
                break
    for i in range(5):
        async with CM(i * 10):
            if i == 1:
                return "returned"


print(asyncio.run(main()))
# expect: enter 0
# expect: exit 0
# expect: enter 1
# expect: exit 1
# expect: enter 0
# expect: exit 0
# expect: enter 10
# expect: exit 10
# expect: returned
