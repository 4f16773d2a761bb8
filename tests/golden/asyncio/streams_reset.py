# A peer that resets the connection (SO_LINGER 0): the reader raises ConnectionResetError.
import asyncio
import socket

# struct.pack('ii', 1, 0): linger on, 0 seconds (close sends a reset).
LINGER_RESET = bytes([1, 0, 0, 0, 0, 0, 0, 0])


async def handle(reader, writer):
    sock = writer.get_extra_info("socket")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, LINGER_RESET)
    await reader.readline()
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"bye\n")
    await writer.drain()
    try:
        data = await reader.read(100)
        print("read", data)
    except ConnectionResetError as e:
        print("ConnectionResetError", e.errno)
    writer.close()
    server.close()


asyncio.run(main())
# expect: ConnectionResetError 104
