# Popen: text-mode communicate, universal_newlines, repr, the with block waits.
import subprocess
with subprocess.Popen(["sh", "-c", "cat; echo done >&2"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                      stderr=subprocess.PIPE, universal_newlines=True) as first:
    print(repr(first))
    print(first.communicate("one\r\ntwo\n"))
print(repr(first))
# expect: <Popen: returncode: None args: ['sh', '-c', 'cat; echo done >&2']>
# expect: ('one\ntwo\n', 'done\n')
# expect: <Popen: returncode: 0 args: ['sh', '-c', 'cat; echo done >&2']>
p = subprocess.Popen(["echo", "a rather long argument list"] + ["word"] * 10, stdout=subprocess.DEVNULL)
print(repr(p))
# expect: <Popen: returncode: None args: ['echo', 'a rather long argument list', 'word...>
print(p.wait(), p.stdin, p.stdout, p.stderr)
# expect: 0 None None None
with subprocess.Popen(["sh", "-c", "exit 6"]) as p:
    pass
print(p.returncode)
# expect: 6
print(p.communicate("no stdin pipe: ignored"))
# expect: (None, None)
try:
    first.communicate("late input")
except ValueError as e:
    print(e)
# expect: Cannot send input after starting communication
