# int() of a string with trailing letters.
print(int("12"))  # expect: 12
text = "12abc"
int(text)
# error: ValueError: invalid literal for int() with base 10: '12abc'
