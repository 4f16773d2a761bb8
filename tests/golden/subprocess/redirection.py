# stderr=STDOUT, DEVNULL, and a file object or descriptor as the child's output.
import subprocess
CMD = "echo to-out; echo to-err >&2"
r = subprocess.run(CMD, shell=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
print(sorted(r.stdout.split()), r.stderr)
# expect: [b'to-err', b'to-out'] None
r = subprocess.run(CMD, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
print(r.stdout, r.stderr)
# expect: None b'to-err\n'
print(subprocess.run(["cat"], stdin=subprocess.DEVNULL, capture_output=True).stdout)
# expect: b''
with open("log.txt", "w") as f:
    f.write("header\n")
    f.flush()  # CPython does not flush f for the child (gilvm flushes open files)
    subprocess.run(CMD, shell=True, stdout=f, stderr=f)
    subprocess.run(["echo", "by fd"], stdout=f.fileno())
with open("log.txt") as f:
    print(f.read().split("\n"))
# expect: ['header', 'to-out', 'to-err', 'by fd', '']
with open("log.txt", "rb") as f:
    print(subprocess.run(["wc", "-l"], stdin=f, capture_output=True).stdout.strip())
# expect: b'4'
try:
    subprocess.run(["cat"], capture_output=True, stdout=subprocess.PIPE)
except ValueError as e:
    print(e)
# expect: stdout and stderr arguments may not be used with capture_output.
