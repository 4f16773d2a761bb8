# re: an uncaught re.error ends the program with CPython's last line
import re
re.compile("a)b")
# error: re.error: unbalanced parenthesis at position 1
