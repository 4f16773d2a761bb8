# except Exception does not catch SystemExit.
import sys
try:
    sys.exit(4)
except Exception:
    print("wrong")
# exit: 4
