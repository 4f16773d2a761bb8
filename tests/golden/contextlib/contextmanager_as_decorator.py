# a @contextmanager result used as a decorator runs each call in a fresh context
from contextlib import contextmanager, ContextDecorator
@contextmanager
def announce(msg):
    print('start', msg)
    yield
    print('end', msg)
@announce('job')
def job(n):
    print('working', n)
    return n * 2
print(job(1), job(2))
class Timer(ContextDecorator):
    def __enter__(self):
        print('enter')
        return self
    def __exit__(self, *exc):
        print('exit', exc[0])
        return False
@Timer()
def run():
    print('run')
run()

# expect: start job
# expect: working 1
# expect: end job
# expect: start job
# expect: working 2
# expect: end job
# expect: 2 4
# expect: enter
# expect: run
# expect: exit None
