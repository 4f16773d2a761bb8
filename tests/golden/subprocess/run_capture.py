# run(): capture_output in bytes and in text mode; CompletedProcess's repr.
import subprocess
r = subprocess.run(["echo", "hello", "world"], capture_output=True)
print(r)
# expect: CompletedProcess(args=['echo', 'hello', 'world'], returncode=0, stdout=b'hello world\n', stderr=b'')
print(r.args, r.returncode, r.stdout, r.stderr)
# expect: ['echo', 'hello', 'world'] 0 b'hello world\n' b''
r = subprocess.run(["printf", "a\\r\\nb\\rc"], capture_output=True, text=True)
print(repr(r.stdout))
# expect: 'a\nb\nc'
print(subprocess.run(["true"]))
# expect: CompletedProcess(args=['true'], returncode=0)
r = subprocess.run(["false"], stdout=subprocess.PIPE)
print(r)
# expect: CompletedProcess(args=['false'], returncode=1, stdout=b'')
r.check_returncode()
# error: subprocess.CalledProcessError: Command '['false']' returned non-zero exit status 1.
