# The memo keeps shared references shared and lets recursive structures pickle and load.
import pickle

a = [1, 2]
pair = [a, a]
d = pickle.dumps(pair)
print(d)
back = pickle.loads(d)
print(back, back[0] is back[1])
loop = []
loop.append(loop)
back = pickle.loads(pickle.dumps(loop))
print(back, back[0] is back)
d = {}
d["me"] = d
back = pickle.loads(pickle.dumps(d))
print(back["me"] is back)
inner = []
t = (inner, 1)
inner.append(t)
for p in range(6):
    d = pickle.dumps(t, p)
    back = pickle.loads(d)
    print(p, d[-12:], back[0][0] is back)

# The output:
# expect: b'\x80\x04\x95\x0f\x00\x00\x00\x00\x00\x00\x00]\x94(]\x94(K\x01K\x02eh\x01e.'
# expect: [[1, 2], [1, 2]] True
# expect: [[...]] True
# expect: True
# expect: 0 b'\naI1\n000g1\n.' True
# expect: 1 b'K\x01tq\x01aK\x011h\x01.' True
# expect: 2 b'\x01\x86q\x01aK\x0100h\x01.' True
# expect: 3 b'\x01\x86q\x01aK\x0100h\x01.' True
# expect: 4 b'K\x01\x86\x94aK\x0100h\x01.' True
# expect: 5 b'K\x01\x86\x94aK\x0100h\x01.' True
