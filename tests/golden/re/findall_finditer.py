# re: findall (no group, one group, several) and finditer, with empty matches
import re
print(re.findall(r"\d+", "a1b22c333"))
print(re.findall(r"(\w+)=\d", "a=1 bb=2"))
print(re.findall(r"(\w+)=(\d)", "a=1 bb=2"))
print(re.findall("a*", "baaac"))
print(re.findall(r"(a)|b", "ab"))
print([m.span() for m in re.finditer(r"\w+", "café au lait")])
print([(m.start(), m.group()) for m in re.finditer("x*", "axxb")])
it = re.finditer("a", "aa")
print(type(it).__name__ in ("callable_iterator", "generator"), next(it).span())
# expect: ['1', '22', '333']
# expect: ['a', 'bb']
# expect: [('a', '1'), ('bb', '2')]
# expect: ['', 'aaa', '', '']
# expect: ['a', '']
# expect: [(0, 4), (5, 7), (8, 12)]
# expect: [(0, ''), (1, 'xx'), (3, ''), (4, '')]
# expect: True (0, 1)
