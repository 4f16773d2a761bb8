# os.fork, os._exit and os.waitpid with the wait-status functions.
import os

pid = os.fork()
if pid == 0:
    os._exit(7)
got, status = os.waitpid(pid, 0)
print(got == pid)  # expect: True
print(os.WIFEXITED(status), os.WEXITSTATUS(status))  # expect: True 7
print(os.WIFSIGNALED(status), os.waitstatus_to_exitcode(status))  # expect: False 7

r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(w)
    os.read(r, 1)  # waits until the parent closes its end
    os._exit(0)
os.close(r)
print(os.waitpid(pid, os.WNOHANG))  # expect: (0, 0)
os.close(w)
got, status = os.waitpid(pid, 0)
print(got == pid, os.waitstatus_to_exitcode(status))  # expect: True 0
try:
    os.waitpid(pid, 0)
except ChildProcessError as e:
    print(type(e).__name__, e.errno)  # expect: ChildProcessError 10
