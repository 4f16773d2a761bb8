# An echo server and CLIENTS (100) clients on loopback TCP, in one thread:
# each client does ROUNDS line round trips. Prints round trips per second.
import asyncio
import time

CLIENTS = 100
ROUNDS = 50


async def echo(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line)
        await writer.drain()
    writer.close()


async def client(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for i in range(ROUNDS):
        writer.write(f"ping {i}\n".encode())
        await writer.drain()
        await reader.readline()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    t0 = time.perf_counter()
    await asyncio.gather(*[client(port) for _ in range(CLIENTS)])
    wall = time.perf_counter() - t0
    server.close()
    await server.wait_closed()
    return CLIENTS * ROUNDS / wall


rate = asyncio.run(main())
print(f"RESULT trips_per_s={rate:.1f}")
