# Reading all input lines until EOFError.
# stdin: 3
# stdin: 4
# stdin: 5
total = 0
while True:
    try:
        total += int(input())
    except EOFError:
        break
print(total)  # expect: 12
