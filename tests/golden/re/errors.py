# re: re.error's message, pos, lineno and colno for malformed patterns
import re
for pat in ["(abc", "abc)", "a**", "*a", "[z-a]", r"\q", "(?P<n>a)(?P<n>b)", r"(a)\2",
            "(?<=a+)b", "x\n  (?P<1>y)", "a{3,2}", "[abc", r"\x1"]:
    try:
        re.compile(pat)
    except re.error as e:
        print(repr(e.msg), e.pos, e.lineno, e.colno, "|", e)
try:
    re.compile("(")
except re.error as e:
    print(type(e).__name__, e.pattern)
print(issubclass(re.error, Exception))
# expect: 'missing ), unterminated subpattern' 0 1 1 | missing ), unterminated subpattern at position 0
# expect: 'unbalanced parenthesis' 3 1 4 | unbalanced parenthesis at position 3
# expect: 'multiple repeat' 2 1 3 | multiple repeat at position 2
# expect: 'nothing to repeat' 0 1 1 | nothing to repeat at position 0
# expect: 'bad character range z-a' 1 1 2 | bad character range z-a at position 1
# expect: 'bad escape \\q' 0 1 1 | bad escape \q at position 0
# expect: "redefinition of group name 'n' as group 2; was group 1" 12 1 13 | redefinition of group name 'n' as group 2; was group 1 at position 12
# expect: 'invalid group reference 2' 4 1 5 | invalid group reference 2 at position 4
# expect: 'look-behind requires fixed-width pattern' None None None | look-behind requires fixed-width pattern
# expect: "bad character in group name '1'" 8 2 7 | bad character in group name '1' at position 8 (line 2, column 7)
# expect: 'min repeat greater than max repeat' 2 1 3 | min repeat greater than max repeat at position 2
# expect: 'unterminated character set' 0 1 1 | unterminated character set at position 0
# expect: 'incomplete escape \\x1' 0 1 1 | incomplete escape \x1 at position 0
# expect: error (
# expect: True
