# open_connection to a port nobody listens on raises ConnectionRefusedError.
import asyncio
import socket


async def main():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError as e:
        print("refused", e.errno)


asyncio.run(main())
# expect: refused 111
