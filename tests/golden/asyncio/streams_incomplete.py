# A connection closed mid-read: readexactly raises IncompleteReadError with the partial data.
import asyncio


async def handle(reader, writer):
    writer.write(b"abc")
    await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        await reader.readexactly(10)
    except asyncio.IncompleteReadError as e:
        print(type(e).__name__, e.partial, e.expected)
        print(e)
        print(isinstance(e, EOFError))
    print(await reader.readline())
    writer.close()
    server.close()


asyncio.run(main())
# expect: IncompleteReadError b'abc' 10
# expect: 3 bytes read on a total of 10 expected bytes
# expect: True
# expect: b''
