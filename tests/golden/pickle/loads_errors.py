# Truncated or garbage input to loads raises EOFError or UnpicklingError with CPython's messages.
import pickle

cases = [b"", b"\x80\x04", b"\x80\x04\x95", b"\x80\x04\x95\x10\x00\x00\x00\x00\x00\x00\x00N", b"N", b"]a.",
         b"(.", b"h\x05.", b"\x80\x09N.", b"I12", b"\x00", b"\xff", b"'", b"0.", b"NN.",
         b"c__main__\nnope\n.", b"K\x01K\x02R.", b"\x82\x01.", b"\x8c\x05ab"]
for data in cases:
    try:
        print(data, repr(pickle.loads(data)))
    except (EOFError, pickle.UnpicklingError, ValueError, AttributeError, TypeError) as e:
        text = str(e).split(" from ")[0].split(" (built-in)")[0]
        print(data, type(e).__name__, text)
good = pickle.dumps({"k": [1, 2, (3, "x")]})
kinds = set()
for i in range(len(good)):
    try:
        pickle.loads(good[:i])
        kinds.add("loaded")
    except (EOFError, pickle.UnpicklingError) as e:
        kinds.add(type(e).__name__)
print(sorted(kinds))

# The output:
# expect: b'' EOFError Ran out of input
# expect: b'\x80\x04' EOFError Ran out of input
# expect: b'\x80\x04\x95' UnpicklingError pickle data was truncated
# expect: b'\x80\x04\x95\x10\x00\x00\x00\x00\x00\x00\x00N' UnpicklingError pickle data was truncated
# expect: b'N' EOFError Ran out of input
# expect: b']a.' UnpicklingError unpickling stack underflow
# expect: b'(.' UnpicklingError unexpected MARK found
# expect: b'h\x05.' UnpicklingError Memo value not found at index 5
# expect: b'\x80\tN.' ValueError unsupported pickle protocol: 9
# expect: b'I12' UnpicklingError pickle data was truncated
# expect: b'\x00' UnpicklingError invalid load key, '\x00'.
# expect: b'\xff' UnpicklingError invalid load key, '\xff'.
# expect: b"'" UnpicklingError invalid load key, '\x27'.
# expect: b'0.' UnpicklingError unpickling stack underflow
# expect: b'NN.' None
# expect: b'c__main__\nnope\n.' AttributeError Can't get attribute 'nope' on <module '__main__'
# expect: b'K\x01K\x02R.' TypeError argument list must be a tuple
# expect: b'\x82\x01.' ValueError unregistered extension code 1
# expect: b'\x8c\x05ab' UnpicklingError pickle data was truncated
# expect: ['EOFError', 'UnpicklingError']
