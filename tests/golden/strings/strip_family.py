# strip/lstrip/rstrip with default whitespace and with a character set.
print(repr("  hi \n\t".strip()))  # expect: 'hi'
print(repr("  hi  ".lstrip()))  # expect: 'hi  '
print(repr("  hi  ".rstrip()))  # expect: '  hi'
print("xxhixyx".strip("xy"))  # expect: hi
print("www.example.com".lstrip("w."))  # expect: example.com
print("file.txt...".rstrip("."))  # expect: file.txt
