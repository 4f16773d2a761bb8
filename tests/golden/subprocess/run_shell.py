# run(shell=True): a command string for /bin/sh, its exit status and stderr.
import subprocess
r = subprocess.run("echo $((6 * 7)); echo oops >&2; exit 3", shell=True, capture_output=True, text=True)
print(r.returncode, repr(r.stdout), repr(r.stderr))
# expect: 3 '42\n' 'oops\n'
print(r.args)
# expect: echo $((6 * 7)); echo oops >&2; exit 3
r = subprocess.run(["echo one two | wc -w"], shell=True, capture_output=True)
print(r.stdout.strip())
# expect: b'2'
print(subprocess.call("exit 7", shell=True))
# expect: 7
print(subprocess.check_call(["true"]))
# expect: 0
print(subprocess.getstatusoutput("echo out; echo err >&2; exit 1"))
# expect: (1, 'out\nerr')
print(repr(subprocess.getoutput("printf 'x\\n\\n'")))
# expect: 'x\n'
