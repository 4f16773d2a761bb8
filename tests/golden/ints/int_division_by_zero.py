# Integer division and modulo by zero.
try:
    1 // 0
except ZeroDivisionError as e:
    print(e)  # expect: integer division or modulo by zero
try:
    5 % 0
except ZeroDivisionError as e:
    print(e)  # expect: integer modulo by zero
try:
    1 / 0
except ZeroDivisionError as e:
    print(e)  # expect: division by zero
