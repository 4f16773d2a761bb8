# Pipe: a duplex pair echoes objects, a one-way pair sends raw bytes, poll()
# waits, EOFError when every writer is closed, BrokenPipeError when no reader.
import multiprocessing as mp


def echo(conn):
    while True:
        msg = conn.recv()
        if msg is None:
            break
        conn.send(msg * 2)


if __name__ == "__main__":
    a, b = mp.Pipe()
    p = mp.Process(target=echo, args=(b,))
    p.start()
    for msg in ([1, 2], "ab", (3.5,), b"\x00\xff"):
        a.send(msg)
        print(a.recv())
# expect: [1, 2, 1, 2]
# expect: abab
# expect: (3.5, 3.5)
# expect: b'\x00\xff\x00\xff'
    print(a.poll(0.01))  # expect: False
    a.send(None)
    p.join()
    b.close()
    try:
        a.recv()
    except EOFError:
        print("EOFError")  # expect: EOFError
    r, w = mp.Pipe(duplex=False)
    w.send_bytes(b"raw bytes", 4, 5)
    print(r.poll(), r.recv_bytes())  # expect: True b'bytes'
    r.close()
    try:
        w.send("nobody listens")
    except BrokenPipeError as e:
        print(type(e).__name__, e.errno)  # expect: BrokenPipeError 32
    w.close()
    print(w.closed, a.closed)  # expect: True False
    a.close()
