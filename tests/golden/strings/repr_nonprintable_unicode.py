# repr escapes non-printable non-ASCII characters but keeps printable ones.
print(repr("\x80"))  # expect: '\x80'
print(repr("\xa0"))  # expect: '\xa0'
print(repr("\u200b"))  # expect: '\u200b'
print(repr("é ü ß 日本 😀"))  # expect: 'é ü ß 日本 😀'
print(repr("\U0001F600") == repr("😀"))  # expect: True
