# CalledProcessError: the messages for an exit status and for a signal.
import subprocess
try:
    subprocess.run("echo partial; exit 5", shell=True, check=True, capture_output=True)
except subprocess.CalledProcessError as e:
    print(e)
    print(repr(e), e.returncode, e.cmd, e.output, e.stdout, e.stderr)
# expect: Command 'echo partial; exit 5' returned non-zero exit status 5.
# expect: CalledProcessError(5, 'echo partial; exit 5') 5 echo partial; exit 5 b'partial\n' b'partial\n' b''
try:
    subprocess.check_output(["sh", "-c", "kill -9 $$"])
except subprocess.CalledProcessError as e:
    print(e)
    print(e.returncode, isinstance(e, subprocess.SubprocessError))
# expect: Command '['sh', '-c', 'kill -9 $$']' died with <Signals.SIGKILL: 9>.
# expect: -9 True
try:
    subprocess.check_call(["sh", "-c", "exit 2"])
except subprocess.CalledProcessError as e:
    print(e)
# expect: Command '['sh', '-c', 'exit 2']' returned non-zero exit status 2.
print(subprocess.CalledProcessError(-15, "x"))
# expect: Command 'x' died with <Signals.SIGTERM: 15>.
subprocess.check_output("exit 4", shell=True)
# error: subprocess.CalledProcessError: Command 'exit 4' returned non-zero exit status 4.
