# The child gets only fds 0, 1 and 2 (plus the one ls opens to list them).
import os
import subprocess
r, w = os.pipe()
f = open("kept-open.txt", "w")
fds = subprocess.run(["ls", "/proc/self/fd"], capture_output=True).stdout.split()
print(sorted(int(fd) for fd in fds))
# expect: [0, 1, 2, 3]
fds = subprocess.run(["ls", "/proc/self/fd"], stdin=r, stdout=subprocess.PIPE, stderr=f).stdout.split()
print(sorted(int(fd) for fd in fds))
# expect: [0, 1, 2, 3]
# Without close_fds too: every descriptor the program opens is close-on-exec (PEP 446).
fds = subprocess.run(["ls", "/proc/self/fd"], close_fds=False, capture_output=True).stdout.split()
print(sorted(int(fd) for fd in fds))
# expect: [0, 1, 2, 3]
f.close()
os.close(r)
os.close(w)
