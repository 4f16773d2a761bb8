# An error inside __set_name__ becomes a RuntimeError caused by it (CPython 3.11).
class Bad:
    def __set_name__(self, owner, name):
        raise ValueError("boom")

try:
    class A:
        x = Bad()
except RuntimeError as e:
    print(e)  # expect: Error calling __set_name__ on 'Bad' instance 'x' in 'A'
    print(repr(e.__cause__))  # expect: ValueError('boom')
