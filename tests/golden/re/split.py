# re: split with groups, maxsplit, empty matches, bytes
import re
print(re.split(r"\W+", "Words, words, words."))
print(re.split(r"(\W+)", "Words, words, words."))
print(re.split(r"\W+", "Words, words, words.", maxsplit=1))
print(re.split("[a-f]+", "0a3B9", flags=re.IGNORECASE))
print(re.split(r"(,)|(;)", "a,b;c"))
print(re.split("x*", "axbc"))
print(re.split(r"\b", "ab cd"))
print(re.split(b",", b"a,b,,c"))
# expect: ['Words', 'words', 'words', '']
# expect: ['Words', ', ', 'words', ', ', 'words', '.', '']
# expect: ['Words', 'words, words.']
# expect: ['0', '3', '9']
# expect: ['a', ',', None, 'b', None, ';', 'c']
# expect: ['', 'a', '', 'b', 'c', '']
# expect: ['', 'ab', ' ', 'cd', '']
# expect: [b'a', b'b', b'', b'c']
