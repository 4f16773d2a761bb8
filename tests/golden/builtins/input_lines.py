# input() reads lines from stdin without the newline.
# stdin: first line
# stdin:   spaced
# stdin: 42
a = input()
b = input()
n = int(input())
print(repr(a), repr(b), n + 1)  # expect: 'first line' '  spaced' 43
