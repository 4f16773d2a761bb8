# split/rsplit/strip on str use Unicode whitespace, on bytes only ASCII whitespace, from either end
s = "\u2003a\u00a0b \x1cc\u3000"
print(s.split())
# expect: ['a', 'b', 'c']
print(s.rsplit(None, 1))
# expect: ['\u2003a\xa0b', 'c']
print(s.split(None, 1))
# expect: ['a', 'b \x1cc\u3000']
print(repr(s.strip()), repr(s.rstrip("\u3000c")))
# expect: 'a\xa0b \x1cc' '\u2003a\xa0b \x1c'
b = s.encode()
print(len(b.split()), b.split(None, 1)[0])
# expect: 2 b'\xe2\x80\x83a\xc2\xa0b'
print(b" \x1c x \t".split(), b" \x1c x \t".strip())
# expect: [b'\x1c', b'x'] b'\x1c x'
print("h\u00e9llo w\u00f6rld".rsplit("\u00f6", 1), "\u00e9\u00e9\u00e9".count("\u00e9", 1), "a\u00e9b\u00e9c".rfind("\u00e9", 0, 3))
# expect: ['héllo w', 'rld'] 2 1
print("\u00e9t\u00e9".replace("", "-", 3), b"ab".replace(b"", b"-"))
# expect: -é-t-é b'-a-b-'
