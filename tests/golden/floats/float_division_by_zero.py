# Float division by zero raises, it does not give inf.
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(e)  # expect: float division by zero
try:
    1.0 // 0.0
except ZeroDivisionError as e:
    print(e)  # expect: float floor division by zero
try:
    1.0 % 0.0
except ZeroDivisionError as e:
    print(e)  # expect: float modulo
