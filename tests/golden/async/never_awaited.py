# A coroutine that is never awaited is reported as a RuntimeWarning on stderr
# (CPython's text; its last line is the tracemalloc hint).
import sys


async def forgotten():
    print("never runs")


forgotten()
print("after")
sys.stdout.flush()
raise SystemExit(3)
# expect: after
# error: RuntimeWarning: Enable tracemalloc to get the object allocation traceback
# exit: 3
