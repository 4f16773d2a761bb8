# assert raises AssertionError, with the message as argument.
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("caught:", e)  # expect: caught: math is broken
try:
    assert False
except AssertionError as e:
    print(repr(e))  # expect: AssertionError()
assert True, "never raised"
print("ok")  # expect: ok
