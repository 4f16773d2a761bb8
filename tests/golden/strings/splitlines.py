# splitlines handles different line endings and keepends.
print("a\nb\r\nc\rd".splitlines())  # expect: ['a', 'b', 'c', 'd']
print("a\n\nb\n".splitlines())  # expect: ['a', '', 'b']
print("a\nb".splitlines(True))  # expect: ['a\n', 'b']
print("".splitlines())  # expect: []
