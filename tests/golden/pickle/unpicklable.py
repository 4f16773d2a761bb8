# What cannot be pickled raises CPython's errors: lambdas, nested functions, locks, files, generators.
import pickle
import threading


def outer():
    def inner():
        pass
    return inner


gen = (x for x in [1])
with open("data.txt", "w") as f:
    f.write("x")
things = [lambda: 1, outer(), threading.Lock(), open("data.txt"), open("data.txt", "rb"), gen]
for thing in things:
    try:
        pickle.dumps(thing)
    except (pickle.PicklingError, AttributeError, TypeError) as e:
        text = str(e)
        if " at 0x" in text:
            text = text[:text.index(" at 0x")] + text[text.index(">", text.index(" at 0x")):]
        print(type(e).__name__, text)
for f in things[3:5]:
    f.close()

# The output:
# expect: PicklingError Can't pickle <function <lambda>>: attribute lookup <lambda> on __main__ failed
# expect: AttributeError Can't pickle local object 'outer.<locals>.inner'
# expect: TypeError cannot pickle '_thread.lock' object
# expect: TypeError cannot pickle '_io.TextIOWrapper' object
# expect: TypeError cannot pickle '_io.BufferedReader' object
# expect: TypeError cannot pickle 'generator' object
