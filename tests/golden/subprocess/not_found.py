# A program that cannot be run: the child's exec error reaches the parent.
import subprocess
try:
    subprocess.run(["nosuch-program-xyz", "arg"])
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.filename)
    print(e)
# expect: FileNotFoundError 2 nosuch-program-xyz
# expect: [Errno 2] No such file or directory: 'nosuch-program-xyz'
try:
    subprocess.run(["./missing.sh"])
except OSError as e:
    print(e)
# expect: [Errno 2] No such file or directory: './missing.sh'
try:
    subprocess.run(["ls"], cwd="/no/such/dir")
except FileNotFoundError as e:
    print(e)
# expect: [Errno 2] No such file or directory: '/no/such/dir'
with open("plain.txt", "w") as f:
    f.write("not a program\n")
try:
    subprocess.run(["./plain.txt"])
except PermissionError as e:
    print(e)
# expect: [Errno 13] Permission denied: './plain.txt'
subprocess.check_call(["nosuch-program-xyz"])
# error: FileNotFoundError: [Errno 2] No such file or directory: 'nosuch-program-xyz'
