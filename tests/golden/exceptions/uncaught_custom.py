# An uncaught exception defined in __main__ prints without the module prefix.
class MyError(Exception):
    pass
print("before")  # expect: before
raise MyError("custom failure")
# error: MyError: custom failure
