# Writes to stderr do not appear on stdout.
import sys
print("out")  # expect: out
sys.stderr.write("diagnostic on stderr\n")
print("warning: last stderr line", file=sys.stderr)
# error: warning: last stderr line
# exit: 0
