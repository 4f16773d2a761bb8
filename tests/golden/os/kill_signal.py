# os.kill with the signal module's numbers; a killed child's status.
import os
import signal
import time

print(signal.SIGKILL == 9, signal.SIGTERM == 15, signal.SIGINT == 2)  # expect: True True True
print(int(signal.SIGUSR1), int(signal.SIGCHLD), int(signal.NSIG))  # expect: 10 17 65
pid = os.fork()
if pid == 0:
    time.sleep(30)
    os._exit(0)
os.kill(pid, signal.SIGKILL)
got, status = os.waitpid(pid, 0)
print(os.WIFSIGNALED(status), os.WTERMSIG(status))  # expect: True 9
print(os.waitstatus_to_exitcode(status))  # expect: -9
try:
    os.kill(pid, 0)
except ProcessLookupError as e:
    print(type(e).__name__, e.errno)  # expect: ProcessLookupError 3
