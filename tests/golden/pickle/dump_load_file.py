# dump/load on binary files: several pickles in one file are read back one by one, then EOFError.
import pickle

with open("values.pkl", "wb") as f:
    pickle.dump([1, 2], f)
    pickle.dump({"k": "v"}, f, 2)
    pickle.dump("x" * 100000, f)
    pickle.dump(None, f, protocol=0)
with open("values.pkl", "rb") as f:
    print(pickle.load(f))
    print(pickle.load(f))
    print(len(pickle.load(f)))
    print(pickle.load(f))
    try:
        pickle.load(f)
    except EOFError as e:
        print("EOFError", e)

# The output:
# expect: [1, 2]
# expect: {'k': 'v'}
# expect: 100000
# expect: None
# expect: EOFError Ran out of input
