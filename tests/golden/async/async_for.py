# async for: __aiter__/__anext__, StopAsyncIteration ends the loop, else/break.
class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


async def main():
    async for i in Countdown(3):
        print("got", i)
    else:
        print("else ran")
    async for i in Countdown(5):
        if i == 3:
            break
        print("second", i)
    return "done"


try:
    main().send(None)
except StopIteration as e:
    print(e.value)
# expect: got 2
# expect: got 1
# expect: got 0
# expect: else ran
# expect: second 4
# expect: done
