# Tasks sleeping for different times finish in order of their deadlines.
import asyncio

order = []


async def sleeper(name, delay):
    await asyncio.sleep(delay)
    order.append(name)


async def main():
    await asyncio.gather(sleeper("c", 0.06), sleeper("a", 0.0), sleeper("b", 0.03))
    print(order)


asyncio.run(main())
# expect: ['a', 'b', 'c']
