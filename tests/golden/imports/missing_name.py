# from-import of a name the module lacks is an ImportError.
try:
    import _helper_nowhere
except ImportError as e:
    print(type(e).__name__, isinstance(e, ImportError))  # expect: ModuleNotFoundError True
from _helper_shapes import no_such_name
# error: ImportError: cannot import name 'no_such_name' from '_helper_shapes'
