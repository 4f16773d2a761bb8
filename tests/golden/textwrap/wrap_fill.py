# textwrap.wrap/fill: greedy filling, hyphenated words, em-dashes, indents
import textwrap
text = ("The well-known quick brown fox--a very agile animal--jumps over the "
        "lazy dog; co-operation is key, e-mail me at once.")
for width in (10, 17, 30):
    print(textwrap.wrap(text, width))
print(textwrap.fill(text, 25, initial_indent='* ', subsequent_indent='  '))
print(textwrap.wrap(text, 18, break_on_hyphens=False))
print(textwrap.wrap('  leading\tand   inner\n\nspace  ', 8))
print(textwrap.wrap('', 5), textwrap.wrap('   ', 5))

# expect: ['The well-', 'known', 'quick', 'brown fox', '--a very', 'agile', 'animal--', 'jumps over', 'the lazy', 'dog; co-', 'operation', 'is key,', 'e-mail me', 'at once.']
# expect: ['The well-known', 'quick brown fox--', 'a very agile', 'animal--jumps', 'over the lazy', 'dog; co-operation', 'is key, e-mail me', 'at once.']
# expect: ['The well-known quick brown fox', '--a very agile animal--jumps', 'over the lazy dog; co-', 'operation is key, e-mail me at', 'once.']
# expect: * The well-known quick
# expect:   brown fox--a very agile
# expect:   animal--jumps over the
# expect:   lazy dog; co-operation
# expect:   is key, e-mail me at
# expect:   once.
# expect: ['The well-known', 'quick brown fox--a', 'very agile', 'animal--jumps over', 'the lazy dog;', 'co-operation is', 'key, e-mail me at', 'once.']
# expect: ['leading', 'and', 'inner', 'space']
# expect: [] []
