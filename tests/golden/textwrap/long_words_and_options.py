# textwrap: long words broken (or not), whitespace kept, tabs, sentence endings, the width error
import textwrap
word = 'supercalifragilistic-expialidocious'
print(textwrap.wrap(word + ' end', 8))
print(textwrap.wrap(word + ' end', 8, break_long_words=False))
print(textwrap.wrap(word, 12, break_on_hyphens=False))
print(textwrap.wrap('a  b   c', 3, drop_whitespace=False))
print(textwrap.wrap('col1\tcol2\tc3', 30, tabsize=4), textwrap.wrap('x\ty', 30, expand_tabs=False, replace_whitespace=False))
print(textwrap.fill('It is. So it goes! Dr. No? yes.', 60, fix_sentence_endings=True))
try:
    textwrap.wrap('abc', 0)
except ValueError as e:
    print('ValueError:', e)

# expect: ['supercal', 'ifragili', 'stic-exp', 'ialidoci', 'ous end']
# expect: ['supercalifragilistic-', 'expialidocious', 'end']
# expect: ['supercalifra', 'gilistic-exp', 'ialidocious']
# expect: ['a  ', 'b', '   ', 'c']
# expect: ['col1    col2    c3'] ['x\ty']
# expect: It is.  So it goes!  Dr.  No?  yes.
# expect: ValueError: invalid width 0 (must be > 0)
