# unregister removes every registration of a function; _run_exitfuncs runs and forgets the rest.
import atexit

def a():
    print('a')

def b():
    print('b')

atexit.register(a)
atexit.register(b)
atexit.register(a)
atexit.unregister(a)
atexit._run_exitfuncs()  # expect: b
print('nothing left')  # expect: nothing left
atexit.register(print, 'at exit')  # expect: at exit
