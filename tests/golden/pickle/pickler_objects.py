# pickle.Pickler / Unpickler keep their memo across dump() / load() calls, as CPython's: later pickles refer back.
import pickle


class Node:
    def __init__(self, name):
        self.name = name


shared = [Node("a"), "text"]
with open("stream.pkl", "wb") as f:
    p = pickle.Pickler(f, 2)
    p.dump(shared)
    p.dump([shared, shared[0]])
    p.clear_memo()
    p.dump(shared[1])
with open("stream.pkl", "rb") as f:
    data = f.read()
print(data)
with open("stream.pkl", "rb") as f:
    u = pickle.Unpickler(f)
    first = u.load()
    second = u.load()
    third = u.load()
    print(first[0].name, second[0] is first, second[1] is first[0], third)
    try:
        u.load()
    except EOFError as e:
        print("EOFError", e)
print(pickle.Pickler, pickle.Unpickler)
try:
    pickle.Pickler(3)
except TypeError as e:
    print("TypeError", e)

# The output:
# expect: b'\x80\x02]q\x00(c__main__\nNode\nq\x01)\x81q\x02}q\x03X\x04\x00\x00\x00nameq\x04X\x01\x00\x00\x00aq\x05sbX\x04\x00\x00\x00textq\x06e.\x80\x02]q\x07(h\x00h\x02e.\x80\x02X\x04\x00\x00\x00textq\x00.'
# expect: a True True text
# expect: EOFError Ran out of input
# expect: <class '_pickle.Pickler'> <class '_pickle.Unpickler'>
# expect: TypeError file must have a 'write' attribute
