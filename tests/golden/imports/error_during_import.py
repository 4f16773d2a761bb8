# An exception raised while importing a module propagates to the importer.
try:
    import _helper_raises
except ValueError as e:
    print("import failed:", e)  # expect: import failed: raised during import
import _helper_raises
# error: ValueError: raised during import
