# re: positions are in code points for non-ASCII str (UTF-8 inside)
import re
s = "naïve café — 😀 ok"
for m in re.finditer(r"\w+|😀", s):
    print(m.span(), m.group(), s[m.start():m.end()] == m.group())
print(re.search("é", s).start(), re.compile("o").search(s, 10).span())
print(re.sub("(é)", r"[\1]", s), re.split(" ", s))
# expect: (0, 5) naïve True
# expect: (6, 10) café True
# expect: (13, 14) 😀 True
# expect: (15, 17) ok True
# expect: 9 (15, 16)
# expect: naïve caf[é] — 😀 ok ['naïve', 'café', '—', '😀', 'ok']
