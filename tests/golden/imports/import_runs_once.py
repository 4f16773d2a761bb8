# A module body runs once, however often it is imported.
import _helper_counter  # expect: loading counter module
import _helper_counter
import _helper_counter as again
from _helper_counter import bump
print(bump(), bump(), again.value, _helper_counter is again)  # expect: 1 2 2 True
