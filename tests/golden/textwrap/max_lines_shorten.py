# textwrap max_lines with placeholder, and shorten
import textwrap
text = 'Hello there, how are you doing this fine and sunny morning?'
print(textwrap.wrap(text, 20, max_lines=2))
print(textwrap.wrap(text, 20, max_lines=3, placeholder='~'))
print(textwrap.fill(text, 12, max_lines=1, placeholder='...'))
print(textwrap.shorten(text, 30), '|', textwrap.shorten('  Hello   world!  ', 12))
print(textwrap.shorten(text, 60), '|', textwrap.shorten('Hello world', 11, placeholder='..'))
print(textwrap.shorten('abcdefghijkl mnop', 10))
try:
    textwrap.wrap(text, 4, max_lines=1)
except ValueError as e:
    print('ValueError:', e)

# expect: ['Hello there, how are', 'you doing this [...]']
# expect: ['Hello there, how are', 'you doing this fine', 'and sunny morning?']
# expect: Hello...
# expect: Hello there, how are you [...] | Hello world!
# expect: Hello there, how are you doing this fine and sunny morning? | Hello world
# expect: [...]
# expect: ValueError: placeholder too large for max width
