# Claim: processes share nothing by default -- what one sends another is a
# copy, made by pickle (the object turned into bytes) and carried by a pipe.
# pickle keeps the shape of the data (shared and recursive references),
# rebuilds instances of classes by module and name, and refuses what has no
# meaning in another process (a lambda, a lock, an open file).
#
# How to read the output: each line is checked against CPython's, so it shows
# behaviour, not speed. First pickle on its own, then a Pipe to a child
# (the child changes its copy; the parent's object is untouched), a Queue
# with several producers, and what a broken pipe does.

import multiprocessing as mp
import pickle
import threading


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


def mirror(conn):
    # The child: receives objects, changes them, sends them back.
    while True:
        obj = conn.recv()
        if obj is None:
            break
        if isinstance(obj, list):
            obj.append("added by the child")
        elif isinstance(obj, Point):
            obj.x = -obj.x
        conn.send(obj)
    conn.close()


def produce(q, name, n):
    for i in range(n):
        q.put((name, i))
    q.put((name, None))


def show_pickle():
    shared = [1, 2]
    data = {"a": shared, "b": shared, "text": "héllo", "big": 2 ** 100, "t": (1.5, None, True)}
    blob = pickle.dumps(data)
    back = pickle.loads(blob)
    print("round trip equal:", back == data, "| a copy:", back is not data)
    print("shared list still shared:", back["a"] is back["b"])
    loop = [1]
    loop.append(loop)
    again = pickle.loads(pickle.dumps(loop))
    print("recursive list:", again[1] is again, repr(again))
    p = pickle.loads(pickle.dumps(Point(3, 4)))
    print("instance rebuilt by class name:", p, type(p).__name__)
    for what, obj in (("a lambda", lambda: 0), ("a lock", threading.Lock())):
        try:
            pickle.dumps(obj)
            print(what, "pickled?!")
        except (pickle.PicklingError, TypeError, AttributeError) as e:
            print(f"{what}: refused ({type(e).__name__})")


def show_pipe():
    parent_end, child_end = mp.Pipe()
    child = mp.Process(target=mirror, args=(child_end,))
    child.start()
    mine = ["parent's list"]
    parent_end.send(mine)
    print("child sent back:", parent_end.recv())
    print("parent's list unchanged:", mine)
    pt = Point(5, 6)
    parent_end.send(pt)
    print("child sent back:", parent_end.recv(), "| ours:", pt)
    parent_end.send(None)
    child.join()
    print("child exit code:", child.exitcode)


def show_queue():
    q = mp.Queue()
    producers = [mp.Process(target=produce, args=(q, name, 50)) for name in ("ann", "bob", "cy")]
    for p in producers:
        p.start()
    got = {}
    finished = 0
    while finished < len(producers):
        name, i = q.get()
        if i is None:
            finished += 1
        else:
            got.setdefault(name, []).append(i)
    for p in producers:
        p.join()
    for name in sorted(got):
        print(f"from {name}: {len(got[name])} items, in order: {got[name] == list(range(50))}")


def show_broken_pipe():
    reader, writer = mp.Pipe(duplex=False)
    reader.close()
    try:
        writer.send("anyone there?")
    except BrokenPipeError as e:
        print("sending to a closed pipe:", type(e).__name__)
    writer.close()
    reader, writer = mp.Pipe(duplex=False)
    writer.close()
    try:
        reader.recv()
    except EOFError:
        print("receiving from a pipe nobody writes to: EOFError")


if __name__ == "__main__":
    show_pickle()
    show_pipe()
    show_queue()
    show_broken_pipe()
