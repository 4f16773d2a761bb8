# sys.version is a non-empty string; sys has the standard streams.
import sys
print(type(sys.version).__name__, len(sys.version) > 0)  # expect: str True
print(hasattr(sys, "stdout"), hasattr(sys, "stderr"), hasattr(sys, "stdin"))  # expect: True True True
print(callable(sys.exit))  # expect: True
