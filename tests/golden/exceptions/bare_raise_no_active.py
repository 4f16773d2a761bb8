# A bare raise with no exception being handled is a RuntimeError.
try:
    pass
except Exception:
    raise
print("no exception yet")  # expect: no exception yet
raise
# error: RuntimeError: No active exception to reraise
