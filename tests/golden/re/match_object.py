# re: a Match object's group/groups/groupdict/start/end/span/lastindex/repr
import re
m = re.search(r"(?P<first>\w+) (?P<last>\w+)(!)?", "-- Jane Doe")
print(m)
print(m.group(), m.group(1), m.group("last"), m[2], m["first"])
print(m.group(1, 2, "first"))
print(m.groups(), m.groups("-"))
print(m.groupdict(), m.groupdict(0))
print(m.start(), m.end(), m.span(), m.span("last"), m.start(3), m.span(3))
print(m.lastindex, m.lastgroup, m.re, m.string, m.pos, m.endpos)
print(m.regs)
print(m.expand(r"\g<last>, \1"))
try:
    m.group(4)
except IndexError as e:
    print("IndexError:", e)
try:
    m.group("nope")
except IndexError as e:
    print("IndexError:", e)
print(re.match(b"ab", b"abc"))
print(bool(re.match("", "")), re.match("x", "y"))
# expect: <re.Match object; span=(3, 11), match='Jane Doe'>
# expect: Jane Doe Jane Doe Doe Jane
# expect: ('Jane', 'Doe', 'Jane')
# expect: ('Jane', 'Doe', None) ('Jane', 'Doe', '-')
# expect: {'first': 'Jane', 'last': 'Doe'} {'first': 'Jane', 'last': 'Doe'}
# expect: 3 11 (3, 11) (8, 11) -1 (-1, -1)
# expect: 2 last re.compile('(?P<first>\\w+) (?P<last>\\w+)(!)?') -- Jane Doe 0 11
# expect: ((3, 11), (3, 7), (8, 11), (-1, -1))
# expect: Doe, Jane
# expect: IndexError: no such group
# expect: IndexError: no such group
# expect: <re.Match object; span=(0, 2), match=b'ab'>
# expect: True None
