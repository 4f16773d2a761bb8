# input() at end of file raises EOFError.
# stdin: only line
print(input())  # expect: only line
input()
# error: EOFError: EOF when reading a line
