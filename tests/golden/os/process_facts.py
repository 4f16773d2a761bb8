# getpid, getppid, cpu_count, strerror and urandom.
import os

print(type(os.getpid()).__name__, os.getpid() > 0)  # expect: int True
print(os.getppid() > 0, os.getppid() != os.getpid())  # expect: True True
n = os.cpu_count()
print(type(n).__name__, n >= 1)  # expect: int True
print(os.strerror(2))  # expect: No such file or directory
print(os.strerror(32))  # expect: Broken pipe
b = os.urandom(32)
print(type(b).__name__, len(b), len(os.urandom(0)))  # expect: bytes 32 0
print(os.error is OSError)  # expect: True
