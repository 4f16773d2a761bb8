# os.fork/_exit/waitpid/kill/get_inheritable/W* called wrongly raise CPython's TypeErrors ("posix." names).
import os

bad = [
    lambda: os.fork(1),
    lambda: os._exit(),
    lambda: os.waitpid(1),
    lambda: os.kill(1),
    lambda: os.get_inheritable(),
    lambda: os.WIFEXITED(1, 2),
    lambda: os.WEXITSTATUS(x=1),
    lambda: os.waitstatus_to_exitcode(),
    lambda: os.kill(pid=1, signal=0),
    lambda: os.waitpid(pid=1, options=0),
]
for fn in bad:
    try:
        fn()
        print("no error")
    except TypeError as e:
        print(e)
print(os.WIFEXITED(status=0), os.waitstatus_to_exitcode(status=256))
# expect: posix.fork() takes no arguments (1 given)
# expect: _exit() missing required argument 'status' (pos 1)
# expect: waitpid() takes exactly 2 arguments (1 given)
# expect: kill() takes exactly 2 arguments (1 given)
# expect: posix.get_inheritable() takes exactly one argument (0 given)
# expect: WIFEXITED() takes at most 1 argument (2 given)
# expect: WEXITSTATUS() missing required argument 'status' (pos 1)
# expect: waitstatus_to_exitcode() missing required argument 'status' (pos 1)
# expect: posix.kill() takes no keyword arguments
# expect: posix.waitpid() takes no keyword arguments
# expect: True 1
