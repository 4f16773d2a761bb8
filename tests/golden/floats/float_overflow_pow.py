# Float power overflow raises OverflowError.
try:
    10.0 ** 400
except OverflowError as e:
    print(type(e).__name__)  # expect: OverflowError
print(1e200 * 1e200)  # expect: inf
