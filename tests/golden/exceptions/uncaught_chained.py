# With raise from, the last line is the final exception.
try:
    1 / 0
except ZeroDivisionError as e:
    raise RuntimeError("wrapped") from e
# error: RuntimeError: wrapped
