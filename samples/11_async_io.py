# Claim: async waits like threads do -- many waits overlap -- with ONE thread
# and no GIL hand-offs: an event loop runs one task until it awaits, then the
# next. When every task waits, the loop's thread waits in the OS (epoll)
# with the GIL released, counted by gilvm as blocked "in the event loop";
# the GIL's figures show no switches at all.
#
# How to read the output:
#   sleep   TASKS (10 000) tasks each await asyncio.sleep(WAIT) (0.1 s). Run
#           one after the other they would take 1000 s; together they take
#           about one WAIT plus the cost of making and waking 10 000 tasks.
#   echo    an echo server and CLIENTS (100) clients on loopback TCP, all in
#           one thread: each client sends ROUNDS (20) lines and reads each
#           back. Printed: round trips and round trips per second.
# Under gilvm, a line per part gives the GIL's figures (samples/_gil_meter.py):
# switches 0, and where the thread was blocked with the GIL released (the
# event loop's wait, socket calls). With 10 000 tasks most of the time goes
# to making and waking them, so little is left to wait in the event loop.
# Compare with 02_io_bound_threads.py (a thread per wait) and
# 12_when_to_use_what.py (processes vs threads vs async, measured).
# output: timings

import asyncio
import time

from _gil_meter import GilMeter

TASKS = 10_000
WAIT = 0.1
CLIENTS = 100
ROUNDS = 20


async def sleeper():
    await asyncio.sleep(WAIT)
    return 1


async def sleep_part():
    t0 = time.perf_counter()
    done = await asyncio.gather(*[sleeper() for _ in range(TASKS)])
    elapsed = time.perf_counter() - t0
    assert sum(done) == TASKS
    print(f"sleep: {TASKS} tasks x sleep({WAIT}) took {elapsed:.3f} s "
          f"(sequentially: {TASKS * WAIT:.0f} s; overhead {1e6 * (elapsed - WAIT) / TASKS:.1f} us per task)")


async def echo(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line)
        await writer.drain()
    writer.close()


async def client(port, k):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for i in range(ROUNDS):
        msg = f"client {k} line {i}\n".encode()
        writer.write(msg)
        await writer.drain()
        assert await reader.readline() == msg
    writer.close()
    await writer.wait_closed()
    return ROUNDS


async def echo_part():
    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    t0 = time.perf_counter()
    trips = sum(await asyncio.gather(*[client(port, k) for k in range(CLIENTS)]))
    elapsed = time.perf_counter() - t0
    server.close()
    await server.wait_closed()
    assert trips == CLIENTS * ROUNDS
    print(f"echo: {CLIENTS} clients, {trips} round trips in {elapsed:.3f} s "
          f"({trips / elapsed:.0f} round trips/s), one thread")


def main():
    meter = GilMeter()
    with meter:
        asyncio.run(sleep_part())
    meter.report("sleep part")
    meter = GilMeter()
    with meter:
        asyncio.run(echo_part())
    meter.report("echo part")


if __name__ == "__main__":
    main()
