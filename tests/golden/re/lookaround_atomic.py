# re: lookahead/lookbehind, atomic groups, possessive quantifiers, conditionals, backrefs
import re
print(re.findall(r"(?<=\$)\d+", "cost $12 and $345"))
print(re.findall(r"\w+(?=,)", "a, b, c"), re.findall(r"foo(?!bar)", "foobar foobaz"))
print(re.search(r"(?>a+)b", "aaab"), re.search(r"(?>a+)a", "aaaa"))
print(re.search(r"a*+a", "aaaa"), re.search(r"a++b", "aab"))
print(re.search(r"(<)?\w+(?(1)>|$)", "<tag>"), re.search(r"(<)?\w+(?(1)>|$)", "<tag"))
print(re.search(r"(\w+) \1", "the the cat"), re.search(r"(?P<w>\w)(?P=w)", "abccd"))
print(re.sub(r"(\d)(?=(\d{3})+$)", r"\1,", "1234567"))
# expect: ['12', '345']
# expect: ['a', 'b'] ['foo']
# expect: <re.Match object; span=(0, 4), match='aaab'> None
# expect: None <re.Match object; span=(0, 3), match='aab'>
# expect: <re.Match object; span=(0, 5), match='<tag>'> <re.Match object; span=(1, 4), match='tag'>
# expect: <re.Match object; span=(0, 7), match='the the'> <re.Match object; span=(2, 4), match='cc'>
# expect: 1,234,567
