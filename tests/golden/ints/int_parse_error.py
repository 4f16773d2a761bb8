# A string that is not an integer raises ValueError with the string's repr.
try:
    int('12.5')
except ValueError as e:
    print(e)  # expect: invalid literal for int() with base 10: '12.5'
try:
    int('')
except ValueError as e:
    print(e)  # expect: invalid literal for int() with base 10: ''
try:
    int('1__0')
except ValueError as e:
    print(e)  # expect: invalid literal for int() with base 10: '1__0'
try:
    int('g', 16)
except ValueError as e:
    print(e)  # expect: invalid literal for int() with base 16: 'g'
