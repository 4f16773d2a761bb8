# shlex.split (quotes, escapes, comments), quote and join, and the two ValueErrors
import shlex
print(shlex.split('ls -l "my file.txt" two\\ words'))
print(shlex.split("a'b c'd \"x\\\"y\\z\" '' e"))
print(shlex.split('cmd # a comment\nnext', comments=True), shlex.split('cmd # not a comment'))
print(shlex.split('  \t '), shlex.split('a\\ b\\\\c'))
for s in ['unterminated "quote', 'trailing \\']:
    try:
        shlex.split(s)
    except ValueError as e:
        print('ValueError:', e)
print(shlex.quote(''), shlex.quote('safe-name_1.txt'), shlex.quote("it's here"), shlex.quote('a$b'))
args = ['echo', 'hello world', "it's", '']
print(shlex.join(args), shlex.split(shlex.join(args)) == args)

# expect: ['ls', '-l', 'my file.txt', 'two words']
# expect: ['ab cd', 'x"y\\z', '', 'e']
# expect: ['cmd', 'next'] ['cmd', '#', 'not', 'a', 'comment']
# expect: [] ['a b\\c']
# expect: ValueError: No closing quotation
# expect: ValueError: No escaped character
# expect: '' safe-name_1.txt 'it'"'"'s here' 'a$b'
# expect: echo 'hello world' 'it'"'"'s' '' True
