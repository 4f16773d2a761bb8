# A worker's exception is re-raised in the parent with the same type and message.
from concurrent.futures import ProcessPoolExecutor

def fail(x):
    raise KeyError(x)

if __name__ == '__main__':
    with ProcessPoolExecutor(max_workers=1) as ex:
        f = ex.submit(fail, 'missing')
        print(repr(f.exception()))  # expect: KeyError('missing')
        try:
            f.result()
        except KeyError as e:
            print('caught', e, type(e.__cause__).__name__)  # expect: caught 'missing' _RemoteTraceback
        print(ex.submit(abs, -3).result())  # expect: 3
