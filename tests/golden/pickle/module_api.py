# The module's constants, exception classes and argument checks.
import pickle

print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
print(pickle.PickleError, pickle.PicklingError, pickle.UnpicklingError)
print(issubclass(pickle.PicklingError, pickle.PickleError), issubclass(pickle.PickleError, Exception))
print(pickle.dumps(1, -1), pickle.dumps(1, protocol=None), pickle.dumps(obj=2))
for bad in [6, "4", 1.5]:
    try:
        pickle.dumps(1, bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    pickle.loads("not bytes".encode() + b"\x00", fix_imports=True)
except pickle.UnpicklingError as e:
    print("UnpicklingError", e)
try:
    pickle.loads(12)
except TypeError as e:
    print("TypeError", e)
for call in [lambda: pickle.loads("N."), lambda: pickle.loads(b"N.", bogus=1), lambda: pickle.dumps(),
             lambda: pickle.dump(1), lambda: pickle.dump(1, 5), lambda: pickle.load(5)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)


class Sink:
    def write(self, b):
        print("written", b)
        return len(b)


pickle.dump([1], Sink())

# The output:
# expect: 5 4
# expect: <class '_pickle.PickleError'> <class '_pickle.PicklingError'> <class '_pickle.UnpicklingError'>
# expect: True True
# expect: b'\x80\x05K\x01.' b'\x80\x04K\x01.' b'\x80\x04K\x02.'
# expect: ValueError pickle protocol must be <= 5
# expect: TypeError 'str' object cannot be interpreted as an integer
# expect: TypeError 'float' object cannot be interpreted as an integer
# expect: UnpicklingError invalid load key, 'n'.
# expect: TypeError a bytes-like object is required, not 'int'
# expect: TypeError a bytes-like object is required, not 'str'
# expect: TypeError 'bogus' is an invalid keyword argument for loads()
# expect: TypeError dumps() missing required argument 'obj' (pos 1)
# expect: TypeError dump() missing required argument 'file' (pos 2)
# expect: TypeError file must have a 'write' attribute
# expect: TypeError file must have 'read' and 'readline' attributes
# expect: written b'\x80\x04\x95\x06\x00\x00\x00\x00\x00\x00\x00]\x94K\x01a.'
