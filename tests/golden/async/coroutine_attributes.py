# Coroutine and generator attributes; iscoroutinefunction (co_flags) and iscoroutine (3.11: generators too).
import asyncio


async def fetch():
    return 1


def gen():
    yield 1


c = fetch()
print(type(c).__name__, c.__name__, c.__qualname__, c.cr_code.co_name, c.cr_running)
c.close()
g = gen()
print(g.gi_code.co_name, g.__name__)
print(asyncio.iscoroutinefunction(fetch), asyncio.iscoroutinefunction(gen))
print(bool(fetch.__code__.co_flags & 0x80), bool(gen.__code__.co_flags & 0x20))
c = fetch()
print(asyncio.iscoroutine(c), asyncio.iscoroutine(g), asyncio.iscoroutine(fetch))
c.close()
# expect: coroutine fetch fetch fetch False
# expect: gen gen
# expect: True False
# expect: True True
# expect: True True False
