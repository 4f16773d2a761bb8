# sys.exit() and sys.exit(0) exit successfully; later code does not run.
import sys
def finish():
    print("finishing")
    sys.exit()
finish()  # expect: finishing
print("not reached")
# exit: 0
