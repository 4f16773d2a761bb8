# re: a Pattern's attributes, methods with pos/endpos, repr, cache, escape
import re
p = re.compile(r"(?P<a>x)(y)?")
print(p, p.pattern, p.groups, dict(p.groupindex), p.flags)
print(p.search("zzxy"), p.match("zzxy"), p.match("zzxy", 2), p.fullmatch("xy"))
q = re.compile("a+")
print(q.search("baaab", 2, 4), q.findall("aaa-aaa", 1, 5))
print(re.compile("^a").search("ba", 1), re.compile("a$").search("aab", 0, 2))
print(re.compile("a") is re.compile("a"), re.compile(q) is q)
re.purge()
print(re.escape("a.b*c?"), re.escape(b"1+1=2"))
print(re.compile(r"\d+") == re.compile(r"\d+"), type(p).__name__, type(p.match("x")).__name__)
try:
    re.compile(q, re.I)
except ValueError as e:
    print("ValueError:", e)
# expect: re.compile('(?P<a>x)(y)?') (?P<a>x)(y)? 2 {'a': 1} 32
# expect: <re.Match object; span=(2, 4), match='xy'> None <re.Match object; span=(2, 4), match='xy'> <re.Match object; span=(0, 2), match='xy'>
# expect: <re.Match object; span=(2, 4), match='aa'> ['aa', 'a']
# expect: None <re.Match object; span=(1, 2), match='a'>
# expect: True True
# expect: a\.b\*c\? b'1\\+1=2'
# expect: True Pattern Match
# expect: ValueError: cannot process flags argument with a compiled pattern
