# gilvm's sockets are AF_INET and AF_UNIX only: another family is refused
# when the socket is made, with a message that says so.
# gilvm-only
import socket

try:
    socket.socket(10)  # AF_INET6
except OSError as e:
    print(e)  # expect: gilvm's socket module supports AF_INET and AF_UNIX only, not address family 10
