# repr escapes control characters and backslashes.
print(repr("a\nb\tc\rd"))  # expect: 'a\nb\tc\rd'
print(repr("back\\slash"))  # expect: 'back\\slash'
print(repr("\x00\x07\x1b\x7f"))  # expect: '\x00\x07\x1b\x7f'
print(repr("é日本"))  # expect: 'é日本'
print(repr("\u00e9"))  # expect: 'é'
