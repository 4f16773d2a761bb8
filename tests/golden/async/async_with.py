# async with: __aenter__/__aexit__ awaited; an exception suppressed by __aexit__; return inside.
class Manager:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("enter", self.name)
        return self.name.upper()

    async def __aexit__(self, typ, value, tb):
        print("exit", self.name, typ.__name__ if typ else None)
        return typ is ValueError


async def main():
    async with Manager("a") as v:
        print("body", v)
    async with Manager("b"):
        raise ValueError("swallowed")
    async with Manager("c"), Manager("d") as d:
        return d


try:
    main().send(None)
except StopIteration as e:
    print("returned", e.value)
# expect: enter a
# expect: body A
# expect: exit a None
# expect: enter b
# expect: exit b ValueError
# expect: enter c
# expect: enter d
# expect: exit d None
# expect: exit c None
# expect: returned D
