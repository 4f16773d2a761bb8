# start_server / open_connection on loopback: readline, readexactly, read to EOF, drain, close.
import asyncio


async def handle(reader, writer):
    line = await reader.readline()
    writer.write(line.upper())
    data = await reader.readexactly(4)
    writer.write(data[::-1])
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print(writer.get_extra_info("peername")[1] == port)
    writer.write(b"hello\nabcd")
    await writer.drain()
    print(await reader.readline())
    print(await reader.read())
    print(reader.at_eof())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
# expect: True
# expect: b'HELLO\n'
# expect: b'dcba'
# expect: True
