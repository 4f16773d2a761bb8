# atexit runs registered functions at exit, the last registered first, with their arguments.
import atexit

def say(*args, **kwargs):
    print('exit', args, kwargs)

atexit.register(say, 1)
atexit.register(say, 2, key='v')

@atexit.register
def last():
    print('decorated')

print('main done')
# expect: main done
# expect: decorated
# expect: exit (2,) {'key': 'v'}
# expect: exit (1,) {}
