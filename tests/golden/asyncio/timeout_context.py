# asyncio.timeout (3.11): expiry cancels the body and raises TimeoutError at the with.
import asyncio


async def main():
    try:
        async with asyncio.timeout(0.01) as cm:
            try:
                await asyncio.sleep(5)
            finally:
                print("body cancelled")
    except TimeoutError:
        print("timed out, expired:", cm.expired())
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0)
    print("in time, expired:", cm.expired())
    async with asyncio.timeout(None):
        await asyncio.sleep(0)
    print("no deadline")


asyncio.run(main())
# expect: body cancelled
# expect: timed out, expired: True
# expect: in time, expired: False
# expect: no deadline
