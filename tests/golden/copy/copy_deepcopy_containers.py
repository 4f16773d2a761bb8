# copy.copy shares nested objects; copy.deepcopy copies them, keeping sharing and cycles
import copy
a = [1, [2, 3], {'k': (4, [5])}]
s = copy.copy(a)
d = copy.deepcopy(a)
a[1].append('x')
a[2]['k'][1].append('y')
print(s, d)
print(s is a, s[1] is a[1], d[1] is a[1])
shared = [0]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is shared)
cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc is cyc)
t = (1, 'a', None)
print(copy.deepcopy(t) is t, copy.copy(t) is t, copy.deepcopy((1, [2])) == (1, [2]))
st = {1, 2, 3}
print(copy.copy(st) == st, copy.copy(st) is st, copy.deepcopy({'a': {1}}))

# expect: [1, [2, 3, 'x'], {'k': (4, [5, 'y'])}] [1, [2, 3], {'k': (4, [5])}]
# expect: False True False
# expect: True False
# expect: True False
# expect: True True True
# expect: True False {'a': {1}}
