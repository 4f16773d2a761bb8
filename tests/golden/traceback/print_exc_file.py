# print_exc and print_exception write to the given file; a user exception type is printed with its module name unless __main__.
import sys
import traceback

class Sink:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)

class AppError(Exception):
    pass

sink = Sink()
try:
    raise AppError('oops')
except AppError:
    traceback.print_exc(file=sink)
print(''.join(sink.parts).splitlines()[-1])  # expect: AppError: oops
sink.parts = []
traceback.print_exception(OSError(2, 'No such file'), file=sink)
print(''.join(sink.parts), end='')  # expect: FileNotFoundError: [Errno 2] No such file
sink.parts = []
traceback.print_exception(StopIteration(), file=sink)
print(repr(''.join(sink.parts)))  # expect: 'StopIteration\n'
