# sys.exit("message") prints the message to stderr and exits with status 1.
import sys
print("working")  # expect: working
sys.exit("fatal: bad configuration")
# error: fatal: bad configuration
