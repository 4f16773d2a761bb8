# A module's __name__ is its import name; the script's is __main__.
import _helper_shapes
print(__name__)  # expect: __main__
print(_helper_shapes.__name__)  # expect: _helper_shapes
print(_helper_shapes.whoami())  # expect: _helper_shapes
