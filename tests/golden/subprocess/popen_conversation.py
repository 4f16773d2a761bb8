# Popen: a conversation over stdin/stdout file objects, line by line.
import subprocess
import sys
ECHO = "import sys\nfor line in sys.stdin:\n    print('got', line.strip(), flush=True)"
with subprocess.Popen([sys.executable, "-c", ECHO], stdin=subprocess.PIPE,
                      stdout=subprocess.PIPE, text=True) as p:
    for word in ["alpha", "beta", "gamma"]:
        p.stdin.write(word + "\n")
        p.stdin.flush()
        print(repr(p.stdout.readline()))
    p.stdin.close()
    print(repr(p.stdout.read()))
print(p.returncode)
# expect: 'got alpha\n'
# expect: 'got beta\n'
# expect: 'got gamma\n'
# expect: ''
# expect: 0
with subprocess.Popen(["printf", "one\\ntwo\\nthree\\n"], stdout=subprocess.PIPE) as p:
    for line in p.stdout:
        print(line)
# expect: b'one\n'
# expect: b'two\n'
# expect: b'three\n'
print(p.returncode, p.stdout.closed)
# expect: 0 True
