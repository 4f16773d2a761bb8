# Bad arguments to run()/Popen: Python-style errors, and no child is left behind.
import subprocess
def attempt(**kwargs):
    args = kwargs.pop("args", ["cat"])
    try:
        subprocess.run(args, **kwargs)
    except Exception as e:
        print(type(e).__name__ + ":", e)
attempt(input="text without text=True", capture_output=True)
# expect: TypeError: memoryview: a bytes-like object is required, not 'str'
attempt(stdin="not a file")
# expect: AttributeError: 'str' object has no attribute 'fileno'
attempt(args=[])
# expect: IndexError: list index out of range
attempt(args=["echo", "a\0b"])
# expect: ValueError: embedded null byte
attempt(env={"A=B": "1"})
# expect: ValueError: illegal environment variable name
attempt(args=["true"], capture_output=True, stderr=subprocess.PIPE)
# expect: ValueError: stdout and stderr arguments may not be used with capture_output.
attempt(args=["true"], text=True, universal_newlines=False)
# expect: SubprocessError: Cannot disambiguate when both text and universal_newlines are supplied but different. Pass one or the other.
attempt(args=["true"], check_output=True)
# expect: TypeError: Popen.__init__() got an unexpected keyword argument 'check_output'
print(subprocess.check_output(["echo", "still fine"]))
# expect: b'still fine\n'
