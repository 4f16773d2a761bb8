# Raw strings keep backslashes.
r = r"a\nb\t"
print(r)  # expect: a\nb\t
print(len(r))  # expect: 6
print(repr(r))  # expect: 'a\\nb\\t'
print(r'\d+' == '\\d+')  # expect: True
