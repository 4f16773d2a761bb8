# If a later __enter__ fails, earlier managers are still exited.
class Good:
    def __enter__(self):
        print("enter good")
    def __exit__(self, *a):
        print("exit good")
class Bad:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("never")
try:
    with Good(), Bad():
        print("body")
except RuntimeError as e:
    print(e)
# expect: enter good
# expect: exit good
# expect: enter failed
