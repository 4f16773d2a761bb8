# Popen options gilvm does not implement are refused by name, before any child starts.
# gilvm-only
import subprocess
for kwargs in ({"preexec_fn": print}, {"pass_fds": (0,)}, {"umask": 0o22}):
    try:
        subprocess.run(["true"], **kwargs)
    except NotImplementedError as e:
        print(e)
# expect: subprocess.Popen: preexec_fn is not supported by gilvm
# expect: subprocess.Popen: pass_fds is not supported by gilvm
# expect: subprocess.Popen: umask is not supported by gilvm
