# communicate(): megabytes both ways without deadlock; a child that stops reading.
import subprocess
import sys
data = bytes(range(256)) * 8192  # 2 MiB
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
out, err = p.communicate(data)
print(len(out), out == data, err, p.returncode)
# expect: 2097152 True b'' 0
# The child exits without reading its input: communicate ignores the broken pipe.
r = subprocess.run(["true"], input=data, capture_output=True)
print(r.returncode, r.stdout)
# expect: 0 b''
r = subprocess.run(["head", "-c", "5"], input=data, capture_output=True)
print(r.stdout)
# expect: b'\x00\x01\x02\x03\x04'
# Writing to that pipe directly is an exception, not a crash.
p = subprocess.Popen(["true"], stdin=subprocess.PIPE)
p.wait()
try:
    p.stdin.write(data)
    p.stdin.flush()
except BrokenPipeError as e:
    print(type(e).__name__, e.errno)
# expect: BrokenPipeError 32
try:
    p.stdin.close()
except BrokenPipeError:
    pass
