# os.execv in a forked child replaces it (its exit status is the new
# program's); os.set_inheritable / get_inheritable on a pipe's descriptors.
import os

pid = os.fork()
if pid == 0:
    try:
        os.execv("/bin/sh", ["sh", "-c", "exit 4"])
    finally:
        os._exit(99)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))  # expect: 4
r, w = os.pipe()
print(os.get_inheritable(r), os.get_inheritable(w))  # expect: False False
os.set_inheritable(w, True)
print(os.get_inheritable(w))  # expect: True
pid = os.fork()
if pid == 0:
    # the shell writes to the inherited descriptor by number
    os.execv("/bin/sh", ["sh", "-c", f"printf hi >&{w}"])
os.close(w)
os.waitpid(pid, 0)
print(os.read(r, 10))  # expect: b'hi'
os.close(r)
try:
    os.execv("/nonexistent/program", ["x"])
except FileNotFoundError as e:
    print(type(e).__name__, e.errno)  # expect: FileNotFoundError 2
