# sys.executable is an absolute path to the running interpreter: children can run it from anywhere.
import os
import subprocess
import sys
print(os.path.isabs(sys.executable), os.path.isfile(sys.executable))
# expect: True True
os.mkdir("elsewhere")
r = subprocess.run([sys.executable, "-c", "import sys; print(6 * 7, sys.argv[1:])", "x", "y"],
                   cwd="elsewhere", capture_output=True, text=True)
print(r.stdout, end="")
# expect: 42 ['x', 'y']
same = subprocess.check_output([sys.executable, "-c", "import sys; print(sys.executable)"], text=True)
print(same.strip() == sys.executable)
# expect: True
