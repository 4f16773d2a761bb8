# An uncaught PicklingError is printed with its module name, _pickle.
import pickle

pickle.dumps([1, lambda: 2])
# error: _pickle.PicklingError: Can't pickle <function <lambda> at
