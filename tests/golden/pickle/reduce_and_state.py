# __reduce__, __reduce_ex__, __getstate__, __setstate__ and __getnewargs__ are honoured.
import pickle


class Cached:
    def __init__(self):
        self.value = 7
        self.cache = "expensive"

    def __getstate__(self):
        return {"value": self.value}

    def __setstate__(self, state):
        self.value = state["value"] * 10
        self.cache = None


class Rebuilt:
    def __init__(self, n):
        self.n = n

    def __reduce__(self):
        return (Rebuilt, (self.n + 1,))


class Versioned:
    def __reduce_ex__(self, protocol):
        return (Versioned.make, (protocol,))

    @staticmethod
    def make(p):
        return f"made at protocol {p}"


class WithArgs:
    def __new__(cls, tag):
        self = object.__new__(cls)
        self.tag = tag
        return self

    def __getnewargs__(self):
        return (self.tag.upper(),)


c = pickle.loads(pickle.dumps(Cached()))
print(c.value, c.cache, pickle.dumps(Cached()))
print(pickle.loads(pickle.dumps(Rebuilt(5))).n, pickle.dumps(Rebuilt(5)))
print(pickle.loads(pickle.dumps(Versioned(), 3)))
w = pickle.loads(pickle.dumps(WithArgs("abc")))
print(w.tag, pickle.dumps(WithArgs("abc")))

# The output:
# expect: 70 None b'\x80\x04\x95(\x00\x00\x00\x00\x00\x00\x00\x8c\x08__main__\x94\x8c\x06Cached\x94\x93\x94)\x81\x94}\x94\x8c\x05value\x94K\x07sb.'
# expect: 6 b'\x80\x04\x95\x1e\x00\x00\x00\x00\x00\x00\x00\x8c\x08__main__\x94\x8c\x07Rebuilt\x94\x93\x94K\x06\x85\x94R\x94.'
# expect: made at protocol 3
# expect: abc b'\x80\x04\x953\x00\x00\x00\x00\x00\x00\x00\x8c\x08__main__\x94\x8c\x08WithArgs\x94\x93\x94\x8c\x03ABC\x94\x85\x94\x81\x94}\x94\x8c\x03tag\x94\x8c\x03abc\x94sb.'
