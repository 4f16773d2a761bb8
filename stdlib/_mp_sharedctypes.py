"""multiprocessing's shared memory (multiprocessing.sharedctypes): Value and
Array, numbers in _multiprocessing.SharedMemory (shm_open) read and written
element by element with an array-module typecode, each with a lock."""

import _multiprocessing

import _mp_connection
import _mp_synchronize
from _mp_synchronize import RLock


_TYPECODES = {'c': 'B', 'b': 'b', 'B': 'B', 'h': 'h', 'H': 'H', 'i': 'i', 'I': 'I',
              'l': 'l', 'L': 'L', 'q': 'q', 'Q': 'Q', 'f': 'f', 'd': 'd', 'u': 'I'}
_SIZES = {'b': 1, 'B': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'f': 4, 'd': 8}


def _typecode(typecode_or_type):
    if not isinstance(typecode_or_type, str) or typecode_or_type not in _TYPECODES:
        raise TypeError('gilvm: Value and Array take an array-module typecode '
                        f'(b B h H i I l L q Q f d), not {typecode_or_type!r}')
    if typecode_or_type in ('c', 'u'):
        raise TypeError(f'gilvm: typecode {typecode_or_type!r} is not supported by Value and Array')
    return _TYPECODES[typecode_or_type]


def _make_lock(lock):
    if lock is True or lock is None:
        return RLock()
    if lock is False:
        return None
    if hasattr(lock, 'acquire'):
        return lock
    raise AttributeError(f"{lock!r} has no method 'acquire'")


class _Shared:
    def get_lock(self):
        return self._lock

    def get_obj(self):
        return self

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)


class Synchronized(_Shared):
    def __init__(self, code, value, lock, shm=None):
        self._code = code
        self._shm = shm if shm is not None else _mp_synchronize._created(_multiprocessing.SharedMemory(_SIZES[code]), 'shm')
        self._lock = lock
        if shm is None:
            self._shm.set(code, 0, value)

    @property
    def value(self):
        if self._lock is None:
            return self._shm.get(self._code, 0)
        with self._lock:
            return self._shm.get(self._code, 0)

    @value.setter
    def value(self, v):
        if self._lock is None:
            self._shm.set(self._code, 0, v)
            return
        with self._lock:
            self._shm.set(self._code, 0, v)

    def __reduce__(self):
        if not _mp_connection._spawning:
            raise RuntimeError(f'{type(self).__name__} objects should only be shared between processes through inheritance')
        return (_rebuild_value, (self._code, self._shm._name(), self._lock))

    def __repr__(self):
        return f'<Synchronized wrapper for c_{self._code}({self.value!r})>'


def _rebuild_value(code, name, lock):
    return Synchronized(code, None, lock, _multiprocessing.SharedMemory(_SIZES[code], name))


def Value(typecode_or_type, *args, lock=True):
    """A number in shared memory, with a lock (value, get_lock())."""
    code = _typecode(typecode_or_type)
    value = args[0] if args else (0.0 if code in 'fd' else 0)
    return Synchronized(code, value, _make_lock(lock))


class SynchronizedArray(_Shared):
    def __init__(self, code, length, lock, shm=None):
        self._code = code
        self._length = length
        self._shm = shm if shm is not None else _mp_synchronize._created(
            _multiprocessing.SharedMemory(max(length, 1) * _SIZES[code]), 'shm')
        self._lock = lock

    def __len__(self):
        return self._length

    def _index(self, i):
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError('invalid index')
        return i

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._length))]
        i = self._index(i)
        if self._lock is None:
            return self._shm.get(self._code, i)
        with self._lock:
            return self._shm.get(self._code, i)

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            idx = range(*i.indices(self._length))
            vals = list(v)
            if len(vals) != len(idx):
                raise ValueError('Can only assign sequence of same size')
            for j, x in zip(idx, vals):
                self[j] = x
            return
        i = self._index(i)
        if self._lock is None:
            self._shm.set(self._code, i, v)
            return
        with self._lock:
            self._shm.set(self._code, i, v)

    def __iter__(self):
        return iter(self[:])

    def __reduce__(self):
        if not _mp_connection._spawning:
            raise RuntimeError(f'{type(self).__name__} objects should only be shared between processes through inheritance')
        return (_rebuild_array, (self._code, self._length, self._shm._name(), self._lock))

    def __repr__(self):
        return f'<SynchronizedArray wrapper for c_{self._code}_Array_{self._length}>'


def _rebuild_array(code, length, name, lock):
    return SynchronizedArray(code, length, lock,
                        _multiprocessing.SharedMemory(max(length, 1) * _SIZES[code], name))


def Array(typecode_or_type, size_or_initializer, *, lock=True):
    """An array of numbers in shared memory, with a lock."""
    code = _typecode(typecode_or_type)
    if isinstance(size_or_initializer, int):
        init = None
        length = size_or_initializer
    else:
        init = list(size_or_initializer)
        length = len(init)
    arr = SynchronizedArray(code, length, _make_lock(lock))
    if init is not None:
        for i, v in enumerate(init):
            arr._shm.set(code, i, v)
    return arr


RawValue = lambda typecode_or_type, *args: Value(typecode_or_type, *args, lock=False)
RawArray = lambda typecode_or_type, size_or_initializer: Array(typecode_or_type, size_or_initializer, lock=False)
