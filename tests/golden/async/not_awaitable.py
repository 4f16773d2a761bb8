# Awaiting something without __await__ is a TypeError; a coroutine is not iterable.
async def main():
    await 5


async def nothing():
    return 1


try:
    main().send(None)
except TypeError as e:
    print(e)
c = nothing()
try:
    iter(c)
except TypeError as e:
    print(e)
c.close()
# expect: object int can't be used in 'await' expression
# expect: 'coroutine' object is not iterable
