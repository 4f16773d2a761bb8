# A Python subclass of asyncio.Future: its own __init__, attributes and
# methods, awaited like any future; attributes on a plain Future too.
import asyncio


class TaggedFuture(asyncio.Future):
    def __init__(self, tag, *, loop=None):
        super().__init__(loop=loop)
        self.tag = tag

    def describe(self):
        return f"{self.tag}: done={self.done()}"


async def main():
    loop = asyncio.get_running_loop()
    fut = TaggedFuture("answer", loop=loop)
    print(type(fut).__name__, isinstance(fut, asyncio.Future), fut.describe())
    print(repr(fut))
    loop.call_soon(fut.set_result, 42)
    print(await fut, fut.describe())
    print(repr(fut))
    plain = loop.create_future()
    plain.note = "noted"
    print(plain.note, asyncio.isfuture(plain), asyncio.isfuture(fut))
    bad = TaggedFuture("bad", loop=loop)
    bad.set_exception(KeyError("k"))
    try:
        await bad
    except KeyError as e:
        print("KeyError", e)


asyncio.run(main())
# expect: TaggedFuture True answer: done=False
# expect: <TaggedFuture pending>
# expect: 42 answer: done=True
# expect: <TaggedFuture finished result=42>
# expect: noted True True
# expect: KeyError 'k'
