# initializer/initargs run in each worker process before its calls.
from concurrent.futures import ProcessPoolExecutor

value = None

def init(v):
    global value
    value = v

def get(_):
    return value

if __name__ == '__main__':
    with ProcessPoolExecutor(max_workers=2, initializer=init, initargs=('ready',)) as ex:
        print(sorted(set(ex.map(get, range(8)))))  # expect: ['ready']
    print(value)  # expect: None
