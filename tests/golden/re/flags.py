# re: the flags as ints with names, inline and scoped flags, VERBOSE
import re
print(re.I, re.IGNORECASE | re.MULTILINE, int(re.I | re.S), re.A.value, re.NOFLAG)
print(re.compile("a", re.I | re.M), re.compile("a").flags, re.compile("(?i)a").flags)
print(re.compile(b"a").flags, re.compile("a", re.A).flags)
print(re.findall(r"^\w", "ab\ncd", re.M), re.findall(r"(?m)^\w", "ab\ncd"))
print(re.search(r"a.b", "a\nb", re.S).group() == "a\nb")
print(re.search("(?i:a)b", "AB"), re.search("(?i:a)b", "Ab"))
print(re.search("a(?-i:b)", "AB", re.I), re.search("a(?-i:b)", "Ab", re.I))
pat = re.compile(r"""
    (?P<int> \d+ )     # the integer part
    (?: \. (?P<frac>\d+) )?   # an optional fraction
""", re.VERBOSE)
print(pat.match("3.14").groupdict())
print(re.findall(r"\w+", "café naïve"), re.findall(r"\w+", "café naïve", re.ASCII))
print(re.findall(r"\d", "٣4"), re.findall(r"(?a)\d", "٣4"))
# expect: re.IGNORECASE re.IGNORECASE|re.MULTILINE 18 256 re.NOFLAG
# expect: re.compile('a', re.IGNORECASE|re.MULTILINE) 32 34
# expect: 0 256
# expect: ['a', 'c'] ['a', 'c']
# expect: True
# expect: None <re.Match object; span=(0, 2), match='Ab'>
# expect: None <re.Match object; span=(0, 2), match='Ab'>
# expect: {'int': '3', 'frac': '14'}
# expect: ['café', 'naïve'] ['caf', 'na', 've']
# expect: ['٣', '4'] ['4']
