# sys.exit(n) ends the program with status n, silently.
import sys
print("before exit")  # expect: before exit
sys.exit(3)
print("not reached")
# exit: 3
