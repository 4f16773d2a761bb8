# __reduce_ex__ and __setstate__ that allocate run while pickling and unpickling: nothing is lost to the collector.
import pickle
class S:
    def __init__(self, i): self.i = i; self.l = [str(i)] * 3
    def __setstate__(self, st):
        junk = [[k] for k in range(20)]
        self.__dict__.update(st)
    def __reduce_ex__(self, p):
        junk = [[k] for k in range(20)]
        return (S, (self.i,), {"i": self.i, "l": [str(self.i)] * 3})
data = [S(i) for i in range(60)] + [ValueError(str(i)) for i in range(20)]
for p in range(6):
    back = pickle.loads(pickle.dumps(data, p))
    assert [x.i for x in back[:60]] == list(range(60)), p
    assert [x.l[2] for x in back[:60]] == [str(i) for i in range(60)]
    assert [x.args for x in back[60:]] == [(str(i),) for i in range(20)]
print("ok")

# The output:
# expect: ok
