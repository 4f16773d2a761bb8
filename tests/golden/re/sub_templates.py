# re: sub/subn with templates (\1, \g<name>, \g<0>, escapes), a function, count
import re
print(re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world, good day"))
print(re.sub(r"(?P<k>\w+)=(?P<v>\w+)", r"\g<v>:\g<k>", "a=1 b=2"))
print(re.sub(r"\d", r"<\g<0>>\n", "a1b2").split("\n"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "3 apples, 12 pears"))
print(re.subn(r"o", "0", "foo boo", count=3))
print(re.sub("x*", "-", "abxd"))
print(re.sub("", "|", "abc"))
print(re.sub(r"(a)|b", r"[\1]", "abab"))
print(re.sub(b"a", b"o", b"banana"))
for bad in [r"\3", r"\g<x>", r"\q", "\\"]:
    try:
        re.sub(r"(a)(b)", bad, "ab")
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
# expect: world hello, day good
# expect: 1:a 2:b
# expect: ['a<1>', 'b<2>', '']
# expect: 6 apples, 24 pears
# expect: ('f00 b0o', 3)
# expect: -a-b--d-
# expect: |a|b|c|
# expect: [a][][a][]
# expect: b'bonono'
# expect: error invalid group reference 3 at position 1
# expect: IndexError unknown group name 'x'
# expect: error bad escape \q at position 0
# expect: error bad escape (end of pattern) at position 0
