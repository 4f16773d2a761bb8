# An echo thread on one end of a socketpair: the main thread sends lines
# and reads each echo back; recv blocks with the GIL released.
import socket
import threading

a, b = socket.socketpair()

def echo():
    while True:
        data = b.recv(1024)
        if not data:
            break
        b.sendall(data.upper())
    b.close()

t = threading.Thread(target=echo)
t.start()
replies = []
for word in [b"one", b"two", b"three"]:
    a.sendall(word)
    reply = b""
    while len(reply) < len(word):
        reply += a.recv(1024)
    replies.append(reply)
a.shutdown(socket.SHUT_WR)
print(a.recv(10))  # expect: b''
t.join()
a.close()
print(replies)  # expect: [b'ONE', b'TWO', b'THREE']
