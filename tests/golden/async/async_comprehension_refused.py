# gilvm refuses asynchronous comprehensions clearly.
# gilvm-only
async def f(xs):
    return [await x for x in xs]
# error: SyntaxError: asynchronous comprehensions are not supported by gilvm yet
