# Augmented assignment to subscripts and attributes evaluates the target once.
calls = []
def idx():
    calls.append(1)
    return 0
a = [10]
a[idx()] += 5
print(a, len(calls))  # expect: [15] 1
d = {'n': 1}
d['n'] *= 7
print(d)  # expect: {'n': 7}
class O: pass
o = O()
o.v = 'a'
o.v += 'b'
print(o.v)  # expect: ab
