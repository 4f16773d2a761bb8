# Importing a module that does not exist.
import _helper_shapes
print(_helper_shapes.PI)  # expect: 3.14159
print("about to fail")  # expect: about to fail
import _helper_does_not_exist
# error: ModuleNotFoundError: No module named '_helper_does_not_exist'
