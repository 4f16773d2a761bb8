# Only BaseException subclasses and instances can be raised.
try:
    raise 42
except TypeError as e:
    print(e)  # expect: exceptions must derive from BaseException
raise "oops"
# error: TypeError: exceptions must derive from BaseException
