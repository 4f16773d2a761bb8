# run(input=...): bytes or text to a Python child's stdin (sys.executable).
import subprocess
import sys
CHILD = "import sys\ndata = open(0, 'rb').read()\nprint(len(data), data[:8], data[-3:])"
r = subprocess.run([sys.executable, "-c", CHILD], input=b"\x00\x01binary" + b"z" * 100000, capture_output=True)
print(r.returncode, r.stdout)
# expect: 0 b"100008 b'\\x00\\x01binary' b'zzz'\n"
UPPER = "import sys\nsys.stdout.write(sys.stdin.read().upper())"
r = subprocess.run([sys.executable, "-c", UPPER], input="abc\r\ndéf\n", capture_output=True, text=True)
print(repr(r.stdout))
# expect: 'ABC\nDÉF\n'
print(subprocess.check_output([sys.executable, "-c", UPPER], input=b"quiet"))
# expect: b'QUIET'
print(subprocess.check_output(["cat"], input=b""))
# expect: b''
try:
    subprocess.run(["cat"], input=b"x", stdin=subprocess.PIPE)
except ValueError as e:
    print(e)
# expect: stdin and input arguments may not both be used.
