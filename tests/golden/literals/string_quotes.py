# Single, double and triple quoted strings are the same type of value.
print('single')  # expect: single
print("double")  # expect: double
print('it\'s', "say \"hi\"")  # expect: it's say "hi"
print("mixed 'quotes'")  # expect: mixed 'quotes'
print('''triple
quoted''')
# expect: triple
# expect: quoted
print("""a "b" c""")  # expect: a "b" c
print('ab' 'cd')  # expect: abcd
