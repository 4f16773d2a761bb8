"""multiprocessing's connections (multiprocessing.connection): Pipe and
Connection, pickled objects as length-prefixed messages on os.pipe()
descriptors (_multiprocessing.send_bytes / recv_bytes release the GIL while
they wait: "pipe" in the statistics).

Also the state of a spawn in progress: while multiprocessing pickles a
Process for a spawned child (`_spawning`), pipes, queues, locks and shared
memory may be pickled, and the descriptors they need are collected in
`_inherit_fds` for the child to inherit by number. At any other time
pickling them is an error, as in CPython (they can only be inherited)."""

import os
import pickle
import _multiprocessing

_spawning = False       # pickling for a spawned child: locks and pipes may be sent
_inherit_fds = []       # descriptors the spawned child must inherit


def _inherit(fd):
    # Pickled while spawning: the child inherits the descriptor by number.
    if not _spawning:
        raise TypeError('a multiprocessing pipe, queue or lock can only be passed to a child process '
                        'as an argument of Process (or inherited by fork)')
    _inherit_fds.append(fd)
    return fd


class Connection:
    """One end of a Pipe: pickles sent and received as messages."""

    def __init__(self, rfd, wfd):
        self._rfd = rfd   # -1 when not readable
        self._wfd = wfd   # -1 when not writable

    @property
    def closed(self):
        return self._rfd < 0 and self._wfd < 0

    @property
    def readable(self):
        return self._rfd >= 0

    @property
    def writable(self):
        return self._wfd >= 0

    def _check(self, want_read):
        if self.closed:
            raise OSError('handle is closed')
        if want_read and self._rfd < 0:
            raise OSError('connection is write-only')
        if not want_read and self._wfd < 0:
            raise OSError('connection is read-only')

    def fileno(self):
        if self.closed:
            raise OSError('handle is closed')
        return self._rfd if self._rfd >= 0 else self._wfd

    def send_bytes(self, buf, offset=0, size=None):
        self._check(False)
        data = bytes(buf)
        if offset < 0:
            raise ValueError('offset is negative')
        if size is None:
            size = len(data) - offset
        if size < 0:
            raise ValueError('size is negative')
        if offset + size > len(data):
            raise ValueError('buffer length < offset + size')
        _multiprocessing.send_bytes(self._wfd, data[offset:offset + size])

    def send(self, obj):
        self._check(False)
        _multiprocessing.send_bytes(self._wfd, pickle.dumps(obj))

    def recv_bytes(self, maxlength=None):
        self._check(True)
        if maxlength is not None and maxlength < 0:
            raise ValueError('negative maxlength')
        data = _multiprocessing.recv_bytes(self._rfd)
        if maxlength is not None and len(data) > maxlength:
            self.close()
            raise OSError('bad message length')
        return data

    def recv(self):
        self._check(True)
        return pickle.loads(_multiprocessing.recv_bytes(self._rfd))

    def poll(self, timeout=0.0):
        self._check(True)
        return _multiprocessing.poll(self._rfd, timeout)

    def close(self):
        for fd in {self._rfd, self._wfd}:
            if fd >= 0:
                os.close(fd)
        self._rfd = self._wfd = -1

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __reduce__(self):
        return (Connection, (_inherit(self._rfd) if self._rfd >= 0 else -1,
                             _inherit(self._wfd) if self._wfd >= 0 else -1))

    def __repr__(self):
        return f'<multiprocessing.connection.Connection fd={self.fileno()}>'


def Pipe(duplex=True):
    """(conn1, conn2). With duplex both ends send and receive (two pipes);
    otherwise conn1 only receives and conn2 only sends."""
    if duplex:
        a_r, a_w = os.pipe()
        b_r, b_w = os.pipe()
        return Connection(a_r, b_w), Connection(b_r, a_w)
    r, w = os.pipe()
    return Connection(r, -1), Connection(-1, w)
