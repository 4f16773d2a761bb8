# string constants and capwords
import string
print(string.ascii_lowercase, string.ascii_uppercase)
print(string.ascii_letters == string.ascii_lowercase + string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace))
print(len(string.printable), string.printable.endswith(string.whitespace))
print(string.capwords('  hello   wide\tworld '), string.capwords('a-b-c', '-'), string.capwords("it's ok"))

# expect: abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ
# expect: True
# expect: 0123456789 0123456789abcdefABCDEF 01234567
# expect: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~' ' \t\n\r\x0b\x0c'
# expect: 100 True
# expect: Hello Wide World A-B-C It's Ok
