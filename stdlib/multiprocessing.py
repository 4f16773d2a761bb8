"""Process-based parallelism: CPython's multiprocessing package, the part the
lesson needs, in one module (gilvm embeds stdlib modules flat, not packages).

Design.

* Processes. Process.start() uses the context's start method. "fork" (the
  default on Linux, as in CPython <= 3.13) is os.fork(): the interpreter
  resets its GIL, thread list, trace and file locks in the child
  (vm/fork.h), the child runs Process._bootstrap and leaves with os._exit.
  "spawn" runs a fresh gilvm (sys.executable -c ...) that imports the
  parent's main script as the module __mp_main__ (so the
  `if __name__ == "__main__":` guard keeps the child from starting children
  of its own) and unpickles the Process object from a pipe.
  Each child holds the write end of a "sentinel" pipe until it exits, so the
  parent can wait for it with a timeout (join(timeout)) by polling the read
  end; join() without a timeout is os.waitpid, which releases the GIL
  ("child process" in the statistics). exitcode is waitpid's status as
  os.waitstatus_to_exitcode makes it: the code, or -N when killed by signal
  N.

* No orphans, no zombies. Every child started from the main thread asks the
  kernel for SIGTERM when its parent's thread ends (PR_SET_PDEATHSIG), so a
  parent killed with SIGKILL or stopped by Ctrl-C takes its children with
  it. At a normal exit the parent terminates its daemonic children and
  joins the others (CPython's util._exit_function), from threading's exit
  hook. A finished child is reaped by join(), is_alive(), exitcode, or the
  next start() (active_children).

* Messages. A Connection (Pipe) moves pickles over os.pipe() descriptors,
  one length-prefixed message per object (_multiprocessing.send_bytes /
  recv_bytes, which release the GIL while they wait: "pipe"). A Queue is a
  one-way pipe with a lock on each end (several processes may read or write
  it), and a feeder thread that writes what put() buffers, so put() never
  blocks on a full pipe, as in CPython.

* Synchronisation and shared memory. Lock, RLock, Semaphore,
  BoundedSemaphore, Event and Condition are built on _multiprocessing.SemLock,
  a POSIX named semaphore; Value and Array on _multiprocessing.SharedMemory
  (shm_open), each with a lock. Both work across fork (the mapping is
  inherited) and spawn (reopened by name when unpickled while spawning).

* Pool. Each worker is a daemonic Process with a duplex Pipe. In the parent
  one handler thread per worker takes tasks from an in-process queue, sends
  one chunk to its worker and waits for the answer: a worker is given work
  when it has finished the previous chunk, as with CPython's shared task
  queue. A worker that raises sends the exception and its traceback text
  back; map()/get() re-raise the same exception type with a
  RemoteTraceback as __cause__, as CPython 3.11 does.

Not here: Manager, connection.Listener/Client, shared_memory.SharedMemory,
the forkserver start method, maxtasksperchild, Pool.imap chunksize > 1,
multiprocessing.dummy.
"""

import os
import sys
import signal
import threading
import time
import _thread
import _multiprocessing

__all__ = ['Process', 'current_process', 'active_children', 'parent_process', 'cpu_count',
           'Pipe', 'Queue', 'SimpleQueue', 'JoinableQueue', 'Lock', 'RLock', 'Semaphore',
           'BoundedSemaphore', 'Condition', 'Event', 'Barrier', 'Value', 'Array', 'Pool',
           'get_context', 'get_start_method', 'set_start_method', 'get_all_start_methods',
           'ProcessError', 'BufferTooShort', 'TimeoutError', 'AuthenticationError',
           'freeze_support', 'RemoteTraceback']


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


def _pickle():
    import pickle
    return pickle


def cpu_count():
    """The number of CPUs; NotImplementedError when unknown (as CPython)."""
    n = os.cpu_count()
    if n is None:
        raise NotImplementedError('cannot determine number of cpus')
    return n


def freeze_support():
    pass


# ---------------------------------------------------------------------------
# Process
# ---------------------------------------------------------------------------

_children = set()       # Process objects this process started and has not reaped
_counter = 0            # for "Process-N" names
_spawning = False       # pickling for a spawned child: locks and pipes may be sent
_inherit_fds = []       # descriptors the spawned child must inherit
_parent_sentinel = -1   # in a child: the write end of our parent's sentinel pipe
_exitcode_to_name = {-getattr(signal, n): '-' + n for n in
                     ('SIGTERM', 'SIGKILL', 'SIGINT', 'SIGHUP', 'SIGSEGV', 'SIGABRT', 'SIGUSR1', 'SIGUSR2', 'SIGPIPE')}


def _next_identity():
    global _counter
    _counter += 1
    return _current_process._identity + (_counter,)


class BaseProcess:
    """A process object: what it runs, and, once started, its Popen."""

    _start_method = None

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None):
        assert group is None, 'group argument must be None for now'
        self._identity = _next_identity()
        self._config = {}
        self._parent_pid = os.getpid()
        self._parent_name = _current_process.name
        self._popen = None
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or type(self).__name__ + '-' + ':'.join(str(i) for i in self._identity)
        self._daemonic = _current_process.daemon if daemon is None else bool(daemon)

    def run(self):
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        self._check_closed()
        assert self._popen is None, 'cannot start a process twice'
        assert self._parent_pid == os.getpid(), 'can only start a process object created by current process'
        assert not _current_process._config.get('daemon'), 'daemonic processes are not allowed to have children'
        _cleanup()
        self._popen = self._Popen(self)
        _children.add(self)

    def terminate(self):
        self._check_closed()
        if self._popen is not None:
            self._popen.terminate()

    def kill(self):
        self._check_closed()
        if self._popen is not None:
            self._popen.kill()

    def join(self, timeout=None):
        self._check_closed()
        assert self._parent_pid == os.getpid(), 'can only join a child process'
        assert self._popen is not None, 'can only join a started process'
        res = self._popen.wait(timeout)
        if res is not None:
            _children.discard(self)

    def is_alive(self):
        self._check_closed()
        if self is _current_process:
            return True
        assert self._parent_pid == os.getpid(), 'can only test a child process'
        if self._popen is None:
            return False
        if self._popen.poll() is None:
            return True
        _children.discard(self)
        return False

    def close(self):
        if self._popen is not None:
            if self._popen.poll() is None:
                raise ValueError("Cannot close a process while it is still running. "
                                 "You should first call join() or terminate().")
            self._popen.close()
            self._popen = None
            _children.discard(self)
        self._closed = True

    def _check_closed(self):
        if self._closed:
            raise ValueError('process object is closed')

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), 'name must be a string'
        self._name = name

    @property
    def daemon(self):
        return self._config.get('daemon', False) if self is _current_process else self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        assert self._popen is None, 'process has already started'
        self._daemonic = bool(daemonic)

    @property
    def exitcode(self):
        self._check_closed()
        if self._popen is None:
            return None
        return self._popen.poll()

    @property
    def ident(self):
        self._check_closed()
        if self is _current_process:
            return os.getpid()
        return self._popen and self._popen.pid

    pid = ident

    @property
    def sentinel(self):
        self._check_closed()
        if self._popen is None:
            raise ValueError('process not started')
        return self._popen.sentinel

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif self._parent_pid != os.getpid():
            status = 'unknown'
        elif self._popen is None:
            status = 'initial'
        else:
            exitcode = self._popen.poll()
            status = 'started' if exitcode is None else 'stopped'
        info = [type(self).__name__, f'name={self._name!r}']
        if self._popen is not None:
            info.append(f'pid={self._popen.pid}')
        info.append(f'parent={self._parent_pid}')
        info.append(status)
        if exitcode is not None:
            info.append(f'exitcode={_exitcode_to_name.get(exitcode, exitcode)}')
        if self.daemon:
            info.append('daemon')
        return '<' + ' '.join(info) + '>'

    def __reduce__(self):
        # Only a process about to be spawned is pickled (with its target and
        # arguments): the child needs no Popen.
        if not _spawning:
            raise TypeError('Pickling a Process object is only supported while spawning it')
        state = dict(self.__dict__)
        state['_popen'] = None
        return (_rebuild_process, (type(self), state))

    def _bootstrap(self, parent_sentinel=-1):
        """Runs in the child: becomes the current process, runs run(), waits
        for its threads and children, returns the exit code."""
        global _current_process, _parent_process, _children, _counter, _parent_sentinel
        if _parent_sentinel >= 0:
            # Our parent's sentinel belongs to our parent's parent: do not
            # keep it open (it would hide our parent's exit).
            try:
                os.close(_parent_sentinel)
            except OSError:
                pass
        _parent_sentinel = parent_sentinel
        _parent_process = _ParentProcess(self._parent_name, self._parent_pid)
        _current_process = self
        _children = set()
        _counter = 0
        self._config = dict(self._config)
        self._config['daemon'] = self._daemonic
        self._popen = None
        try:
            try:
                self.run()
                exitcode = 0
            finally:
                _exit_function()
                _unlink_created()
        except SystemExit as e:
            if e.code is None:
                exitcode = 0
            elif isinstance(e.code, int):
                exitcode = e.code
            else:
                sys.stderr.write(str(e.code) + '\n')
                exitcode = 1
        except BaseException as e:
            exitcode = 1
            sys.stderr.write(f'Process {self.name}:\n')
            sys.stderr.write(_thread._format_exception(e))
        try:
            threading._shutdown()
        except BaseException:
            pass
        _flush_std_streams()
        return exitcode


def _rebuild_process(cls, state):
    p = cls.__new__(cls)
    p.__dict__.update(state)
    return p


class _MainProcess(BaseProcess):

    def __init__(self):
        self._identity = ()
        self._name = 'MainProcess'
        self._parent_pid = None
        self._parent_name = None
        self._popen = None
        self._closed = False
        self._config = {}
        self._daemonic = False
        self._target = None


class _ParentProcess(BaseProcess):
    """What parent_process() returns in a child: a name and a pid."""

    def __init__(self, name, pid):
        self._identity = ()
        self._name = name
        self._pid = pid
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._config = {}
        self._daemonic = False

    def is_alive(self):
        return os.getppid() == self._pid

    @property
    def ident(self):
        return self._pid

    pid = ident


_current_process = _MainProcess()
_parent_process = None


def current_process():
    return _current_process


def parent_process():
    return _parent_process


def _cleanup():
    for p in list(_children):
        if p._popen is not None and p._popen.poll() is not None:
            _children.discard(p)


def active_children():
    """The children still running (reaping those that have ended)."""
    _cleanup()
    return list(_children)


def _flush_std_streams():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass


def _exit_function(interrupted=False):
    """At exit (of the main program or of a child's run): terminate the
    daemonic children, join the others (CPython's util._exit_function).
    After a Ctrl-C every child is terminated, then reaped."""
    for p in active_children():
        if p.daemon or interrupted:
            p._popen.terminate()
    for p in active_children():
        p.join()


def _unlink_created():
    """Removes the names of the semaphores and shared memory this process
    created (/dev/shm/...): at its exit, once its children are gone. The
    objects' own destructors do it when they are collected earlier; this
    covers the exits that skip the destructors (daemon threads still running,
    Ctrl-C, a forked child's os._exit). A process killed by SIGKILL leaves
    its names behind (CPython cleans those up with a resource-tracker
    process; gilvm has none)."""
    pid = os.getpid()
    for owner, kind, name in _created_names:
        if owner == pid:
            _multiprocessing.unlink(kind, name)
    _created_names[:] = [entry for entry in _created_names if entry[0] != pid]


_created_names = []   # (creating pid, 'sem' or 'shm', name)


def _created(obj, kind):
    _created_names.append((os.getpid(), kind, obj._name()))
    return obj


def _at_exit(interrupted):
    _exit_function(interrupted)
    _unlink_created()


threading._register_exit_hook(_at_exit)


# ---------------------------------------------------------------------------
# Starting children: fork and spawn
# ---------------------------------------------------------------------------

def _child_setup(main_thread_started):
    # Die with the parent (see the module's docstring). Only for children
    # started by the main thread: the signal comes when the forking *thread*
    # ends.
    if main_thread_started:
        _multiprocessing.set_pdeathsig(signal.SIGTERM, os.getppid())


class _Popen:
    """A started child: its pid and its sentinel (read end of a pipe the
    child keeps open until it exits)."""

    method = None

    def __init__(self, process_obj):
        _flush_std_streams()
        self.returncode = None
        self.pid = None
        self.sentinel = None
        self._launch(process_obj)

    def poll(self, flag=os.WNOHANG):
        if self.returncode is None:
            try:
                pid, sts = os.waitpid(self.pid, flag)
            except ChildProcessError:
                return None
            if pid == self.pid:
                self.returncode = os.waitstatus_to_exitcode(sts)
                self._close_sentinel()
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is None:
            if timeout is not None and not _multiprocessing.wait_sentinel(self.sentinel, timeout):
                return None
            return self.poll(0)
        return self.returncode

    def _send_signal(self, sig):
        if self.returncode is None:
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                pass

    def terminate(self):
        self._send_signal(signal.SIGTERM)

    def kill(self):
        self._send_signal(signal.SIGKILL)

    def _close_sentinel(self):
        if self.sentinel is not None and self.sentinel >= 0:
            os.close(self.sentinel)
            self.sentinel = -1

    def close(self):
        self._close_sentinel()


class _PopenFork(_Popen):
    method = 'fork'

    def _launch(self, process_obj):
        r, w = os.pipe()
        from_main = threading.current_thread() is threading.main_thread()
        self.pid = os.fork()
        if self.pid == 0:
            code = 1
            try:
                os.close(r)
                _child_setup(from_main)
                code = process_obj._bootstrap(w)
            finally:
                os._exit(code)
        os.close(w)
        self.sentinel = r


class _PopenSpawn(_Popen):
    method = 'spawn'

    def _launch(self, process_obj):
        global _spawning
        pickle = _pickle()
        main = sys.modules.get('__main__')
        main_path = getattr(main, '__file__', None)
        if main_path is not None and not os.path.isabs(main_path):
            main_path = os.path.join(os.getcwd(), main_path)
        # The child inherits the working directory through exec.
        prep = {'sys_path': list(sys.path), 'sys_argv': list(sys.argv), 'main_path': main_path}
        del _inherit_fds[:]
        _spawning = True
        try:
            data = pickle.dumps(process_obj)
        finally:
            _spawning = False
        fds = list(_inherit_fds)
        del _inherit_fds[:]
        prep_data = pickle.dumps(prep)
        data_r, data_w = os.pipe()
        sent_r, sent_w = os.pipe()
        from_main = threading.current_thread() is threading.main_thread()
        exe = sys.executable
        self.pid = os.fork()
        if self.pid == 0:
            try:
                for fd in fds + [data_r, sent_w]:
                    os.set_inheritable(fd, True)
                _child_setup(from_main)
                cmd = f'import multiprocessing; multiprocessing._spawn_main({data_r}, {sent_w})'
                os.execv(exe, [exe] + _interpreter_options() + ['-c', cmd])
            finally:
                os._exit(1)
        os.close(data_r)
        os.close(sent_w)
        self.sentinel = sent_r
        try:
            _multiprocessing.send_bytes(data_w, prep_data)
            _multiprocessing.send_bytes(data_w, data)
        except BrokenPipeError:
            pass  # the child died early: its exit code says so
        finally:
            os.close(data_w)


def _interpreter_options():
    """The options a spawned child gets from its parent, as CPython passes
    its own flags (-O, -X ...): the GIL's mode and switch interval. Not the
    statistics or trace options: a child writes no report of its own."""
    try:
        import gil
    except ImportError:
        return []
    stats = gil.stats()
    return [f"--gil={stats['mode']}", f"--switch-interval={sys.getswitchinterval()!r}"]


def _spawn_main(data_fd, sentinel_fd):
    """The spawned child's entry (run by `gilvm -c`)."""
    pickle = _pickle()
    prep = pickle.loads(_multiprocessing.recv_bytes(data_fd))
    sys.path[:] = prep['sys_path']
    sys.argv[:] = prep['sys_argv']
    if prep['main_path'] is not None:
        # The parent's main script, imported under another name: its
        # `if __name__ == "__main__":` block does not run here.
        main = _multiprocessing._run_path('__mp_main__', prep['main_path'])
        sys.modules['__main__'] = main
    process_obj = pickle.loads(_multiprocessing.recv_bytes(data_fd))
    os.close(data_fd)
    code = process_obj._bootstrap(sentinel_fd)
    os._exit(code)


class Process(BaseProcess):
    def _Popen(self, process_obj):
        method = self._start_method or _default_context.get_start_method()
        return _POPEN[method](process_obj)


_POPEN = {'fork': _PopenFork, 'spawn': _PopenSpawn}


# ---------------------------------------------------------------------------
# Contexts and start methods
# ---------------------------------------------------------------------------

class BaseContext:
    ProcessError = ProcessError
    BufferTooShort = BufferTooShort
    TimeoutError = TimeoutError
    AuthenticationError = AuthenticationError

    def Pool(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        return Pool(processes, initializer, initargs, maxtasksperchild, context=self)

    def get_context(self, method=None):
        return get_context(method)

    def set_executable(self, executable):
        sys.executable = executable


class ForkProcess(Process):
    _start_method = 'fork'


class SpawnProcess(Process):
    _start_method = 'spawn'


class _MethodContext(BaseContext):
    """A context with a fixed start method (get_context('spawn'))."""

    def __init__(self, method):
        self._name = method
        self.Process = {'fork': ForkProcess, 'spawn': SpawnProcess}[method]

    def get_start_method(self, allow_none=False):
        return self._name

    def __repr__(self):
        return f'<multiprocessing.context.{self._name.capitalize()}Context object>'


class _DefaultContext(BaseContext):
    Process = Process

    def __init__(self):
        self._actual = None

    def get_start_method(self, allow_none=False):
        if self._actual is None:
            if allow_none:
                return None
            self._actual = 'fork'
        return self._actual

    def set_start_method(self, method, force=False):
        if self._actual is not None and not force:
            raise RuntimeError('context has already been set')
        if method is None and force:
            self._actual = None
            return
        _check_method(method)
        self._actual = method


def _check_method(method):
    if method not in _POPEN:
        if method == 'forkserver':
            raise ValueError(f'cannot find context for {method!r} (gilvm supports fork and spawn)')
        raise ValueError(f'cannot find context for {method!r}')


_contexts = {}
_default_context = _DefaultContext()


def get_context(method=None):
    if method is None:
        return _default_context
    _check_method(method)
    if method not in _contexts:
        _contexts[method] = _MethodContext(method)
    return _contexts[method]


def get_start_method(allow_none=False):
    return _default_context.get_start_method(allow_none)


def set_start_method(method, force=False):
    _default_context.set_start_method(method, force)


def get_all_start_methods():
    return ['fork', 'spawn']


# ---------------------------------------------------------------------------
# Connections and pipes
# ---------------------------------------------------------------------------

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
        _multiprocessing.send_bytes(self._wfd, _pickle().dumps(obj))

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
        return _pickle().loads(_multiprocessing.recv_bytes(self._rfd))

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


# ---------------------------------------------------------------------------
# Locks and the other synchronisation primitives
# ---------------------------------------------------------------------------

_SEM_VALUE_MAX = 2147483647


class _SemLockBased:
    """Holds a _multiprocessing.SemLock (a POSIX named semaphore)."""

    def _make(self, value, maxvalue):
        self._semlock = _created(_multiprocessing.SemLock(value, maxvalue), 'sem')
        self._maxvalue = maxvalue

    def acquire(self, block=True, timeout=None):
        return self._semlock.acquire(block, timeout)

    def release(self):
        self._semlock.release()

    def __enter__(self):
        return self._semlock.acquire()

    def __exit__(self, *args):
        self.release()

    def __reduce__(self):
        if not _spawning:
            raise RuntimeError(f'{type(self).__name__} objects should only be shared between processes '
                               'through inheritance')
        return (_rebuild_semlock, (type(self), self._semlock._name(), self._maxvalue, self._extra_state()))

    def _extra_state(self):
        return None

    def _restore(self, extra):
        pass


def _rebuild_semlock(cls, name, maxvalue, extra):
    obj = cls.__new__(cls)
    obj._semlock = _multiprocessing.SemLock(0, maxvalue, name)
    obj._maxvalue = maxvalue
    obj._restore(extra)
    return obj


class Semaphore(_SemLockBased):
    def __init__(self, value=1):
        if value < 0:
            raise ValueError('semaphore initial value must be >= 0')
        self._make(value, _SEM_VALUE_MAX)

    def get_value(self):
        return self._semlock._get_value()

    def __repr__(self):
        return f'<{type(self).__name__}(value={self._semlock._get_value()})>'


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        if value < 0:
            raise ValueError('semaphore initial value must be >= 0')
        self._make(value, value)

    def __repr__(self):
        return f'<{type(self).__name__}(value={self._semlock._get_value()}, maxvalue={self._maxvalue})>'


class Lock(_SemLockBased):
    """A lock shared between processes: any process or thread may release
    it (as CPython's multiprocessing.Lock)."""

    def __init__(self):
        self._make(1, 1)

    def __repr__(self):
        state = 'unlocked' if self._semlock._get_value() else 'locked'
        return '<Lock(owner=' + ('None' if state == 'unlocked' else 'unknown') + ')>'


class RLock(_SemLockBased):
    """A recursive lock: the owner (a process and thread) may take it again.
    The owner and depth live in this process's copy of the object: only the
    owner reads or changes them."""

    def __init__(self):
        self._make(1, 1)
        self._owner = None
        self._count = 0

    def _extra_state(self):
        return None

    def _restore(self, extra):
        self._owner = None
        self._count = 0

    def _me(self):
        return (os.getpid(), threading.get_ident())

    def acquire(self, block=True, timeout=None):
        me = self._me()
        if self._owner == me:
            self._count += 1
            return True
        if not self._semlock.acquire(block, timeout):
            return False
        self._owner = me
        self._count = 1
        return True

    def release(self):
        if self._owner != self._me():
            raise AssertionError('attempt to release recursive lock not owned by thread')
        self._count -= 1
        if self._count == 0:
            self._owner = None
            self._semlock.release()

    def __enter__(self):
        return self.acquire()

    def _is_owned(self):
        return self._owner == self._me()

    def _release_all(self):
        count = self._count
        self._count = 0
        self._owner = None
        self._semlock.release()
        return count

    def _acquire_restore(self, count):
        self._semlock.acquire()
        self._owner = self._me()
        self._count = count


class Condition:
    """A condition variable across processes (CPython's design: a sleeping
    count, a semaphore to sleep on and one to acknowledge wake-ups)."""

    def __init__(self, lock=None):
        self._lock = lock or RLock()
        self._sleeping_count = Semaphore(0)
        self._woken_count = Semaphore(0)
        self._wait_semaphore = Semaphore(0)

    def acquire(self, *args):
        return self._lock.acquire(*args)

    def release(self):
        self._lock.release()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def _release_lock(self):
        if isinstance(self._lock, RLock):
            assert self._lock._is_owned(), 'must acquire() condition before using wait()'
            return self._lock._release_all()
        self._lock.release()
        return 1

    def _restore_lock(self, count):
        if isinstance(self._lock, RLock):
            self._lock._acquire_restore(count)
        else:
            self._lock.acquire()

    def wait(self, timeout=None):
        self._sleeping_count.release()
        count = self._release_lock()
        try:
            return self._wait_semaphore.acquire(True, timeout)
        finally:
            self._woken_count.release()
            self._restore_lock(count)

    def notify(self, n=1):
        while self._woken_count.acquire(False):
            res = self._sleeping_count.acquire(False)
            assert res, 'notify: Bug in sleeping_count.acquire - res should not be False'
        sleepers = 0
        while sleepers < n and self._sleeping_count.acquire(False):
            self._wait_semaphore.release()
            sleepers += 1
        if sleepers:
            for i in range(sleepers):
                self._woken_count.acquire()
            while self._wait_semaphore.acquire(False):
                pass

    def notify_all(self):
        self.notify(n=_SEM_VALUE_MAX)

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        endtime = None if timeout is None else time.monotonic() + timeout
        waittime = None
        while not result:
            if endtime is not None:
                waittime = endtime - time.monotonic()
                if waittime <= 0:
                    break
            self.wait(waittime)
            result = predicate()
        return result

    def __reduce__(self):
        return (_rebuild_condition, (self._lock, self._sleeping_count, self._woken_count, self._wait_semaphore))


def _rebuild_condition(lock, sleeping, woken, wait_sem):
    c = Condition.__new__(Condition)
    c._lock, c._sleeping_count, c._woken_count, c._wait_semaphore = lock, sleeping, woken, wait_sem
    return c


class Event:
    """An event shared between processes: a condition and a flag semaphore."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = Semaphore(0)

    def is_set(self):
        with self._cond:
            if self._flag.acquire(False):
                self._flag.release()
                return True
            return False

    def set(self):
        with self._cond:
            self._flag.acquire(False)
            self._flag.release()
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag.acquire(False)

    def wait(self, timeout=None):
        with self._cond:
            if self._flag.acquire(False):
                self._flag.release()
            else:
                self._cond.wait(timeout)
            if self._flag.acquire(False):
                self._flag.release()
                return True
            return False

    def __reduce__(self):
        return (_rebuild_event, (self._cond, self._flag))


def _rebuild_event(cond, flag):
    e = Event.__new__(Event)
    e._cond, e._flag = cond, flag
    return e


class Barrier:
    """A barrier for `parties` processes (a shared count and generation)."""

    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError('parties must be > 0')
        self._cond = Condition()
        self._state = Array('i', 2)   # [waiting count, generation]
        self._parties = parties
        self._action = action
        self._timeout = timeout

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._state[0]

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            gen = self._state[1]
            index = self._state[0]
            self._state[0] = index + 1
            if index + 1 == self._parties:
                if self._action:
                    self._action()
                self._state[0] = 0
                self._state[1] = gen + 1
                self._cond.notify_all()
            elif not self._cond.wait_for(lambda: self._state[1] != gen, timeout):
                raise threading.BrokenBarrierError
            return index


# ---------------------------------------------------------------------------
# Queues
# ---------------------------------------------------------------------------

import queue as _queue
Empty = _queue.Empty
Full = _queue.Full


class Queue:
    """A FIFO queue between processes: a one-way pipe, a lock per end, and a
    feeder thread that writes what put() buffered (put does not block on a
    full pipe). qsize() counts with a semaphore."""

    def __init__(self, maxsize=0):
        if maxsize <= 0:
            maxsize = _SEM_VALUE_MAX
        self._maxsize = maxsize
        self._reader, self._writer = Pipe(duplex=False)
        self._rlock = Lock()
        self._wlock = Lock()
        self._sem = BoundedSemaphore(maxsize)
        self._items = Semaphore(0)
        self._after_fork_init()

    def _after_fork_init(self):
        self._closed = False
        self._buffer = []
        self._notempty = threading.Condition(threading.Lock())
        self._feeder = None
        self._owner_pid = os.getpid()

    def __reduce__(self):
        if not _spawning:
            raise RuntimeError(f'{type(self).__name__} objects should only be shared between processes '
                               'through inheritance')
        return (_rebuild_queue, (type(self), self._state()))

    def _state(self):
        return (self._maxsize, self._reader, self._writer, self._rlock, self._wlock, self._sem, self._items)

    def _set_state(self, state):
        (self._maxsize, self._reader, self._writer, self._rlock, self._wlock, self._sem, self._items) = state
        self._after_fork_init()

    def _check_fork(self):
        # A forked child has a copy of the parent's buffer and feeder state,
        # but not its feeder thread: start afresh.
        if self._owner_pid != os.getpid():
            self._after_fork_init()

    def put(self, obj, block=True, timeout=None):
        self._check_fork()
        if self._closed:
            raise ValueError(f'Queue {self!r} is closed')
        if not self._sem.acquire(block, timeout):
            raise Full
        data = _pickle().dumps(obj)
        with self._notempty:
            self._buffer.append(data)
            if self._feeder is None:
                self._feeder = threading.Thread(target=self._feed, name='QueueFeederThread', daemon=False)
                self._feeder.start()
            self._notempty.notify()

    def put_nowait(self, obj):
        return self.put(obj, False)

    def _feed(self):
        # Writes the buffer to the pipe; ends (and is restarted by the next
        # put) when the buffer is empty, so a finished program does not wait
        # for it and exit joins it while data remain.
        while True:
            with self._notempty:
                if not self._buffer:
                    self._feeder = None
                    return
                data = self._buffer.pop(0)
            try:
                with self._wlock:
                    _multiprocessing.send_bytes(self._writer._wfd, data)
                self._items.release()
            except OSError as e:
                sys.stderr.write(f'multiprocessing.Queue: feeder thread: {e}\n')
                with self._notempty:
                    self._buffer = []
                    self._feeder = None
                return

    def get(self, block=True, timeout=None):
        self._check_fork()
        if self._closed:
            raise ValueError(f'Queue {self!r} is closed')
        if block and timeout is None:
            with self._rlock:
                data = _multiprocessing.recv_bytes(self._reader._rfd)
        else:
            deadline = None if not block else time.monotonic() + timeout
            if not self._rlock.acquire(block, timeout):
                raise Empty
            try:
                wait = 0.0 if deadline is None else max(deadline - time.monotonic(), 0.0)
                if not _multiprocessing.poll(self._reader._rfd, wait):
                    raise Empty
                data = _multiprocessing.recv_bytes(self._reader._rfd)
            finally:
                self._rlock.release()
        self._items.acquire(False)
        self._sem.release()
        return _pickle().loads(data)

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        return self._maxsize - self._sem._semlock._get_value()

    def empty(self):
        return not _multiprocessing.poll(self._reader._rfd, 0.0)

    def full(self):
        return self._sem._semlock._get_value() == 0

    def close(self):
        self._check_fork()
        self._closed = True

    def join_thread(self):
        self._check_fork()
        assert self._closed, 'Queue {0!r} not closed'.format(self)
        feeder = self._feeder
        if feeder is not None:
            feeder.join()

    def cancel_join_thread(self):
        pass


def _rebuild_queue(cls, state):
    q = cls.__new__(cls)
    q._set_state(state)
    return q


class JoinableQueue(Queue):
    def __init__(self, maxsize=0):
        Queue.__init__(self, maxsize)
        self._unfinished_tasks = Semaphore(0)
        self._cond = Condition()

    def _state(self):
        return Queue._state(self) + (self._unfinished_tasks, self._cond)

    def _set_state(self, state):
        Queue._set_state(self, state[:-2])
        self._unfinished_tasks, self._cond = state[-2:]

    def put(self, obj, block=True, timeout=None):
        with self._cond:
            Queue.put(self, obj, block, timeout)
            self._unfinished_tasks.release()

    def task_done(self):
        with self._cond:
            if not self._unfinished_tasks.acquire(False):
                raise ValueError('task_done() called too many times')
            if self._unfinished_tasks.get_value() == 0:
                self._cond.notify_all()

    def join(self):
        with self._cond:
            if self._unfinished_tasks.get_value() != 0:
                self._cond.wait_for(lambda: self._unfinished_tasks.get_value() == 0)


class SimpleQueue:
    """A pipe with a lock on each end; put() writes at once."""

    def __init__(self):
        self._reader, self._writer = Pipe(duplex=False)
        self._rlock = Lock()
        self._wlock = Lock()

    def empty(self):
        return not self._reader.poll()

    def get(self):
        with self._rlock:
            data = self._reader.recv_bytes()
        return _pickle().loads(data)

    def put(self, obj):
        data = _pickle().dumps(obj)
        with self._wlock:
            self._writer.send_bytes(data)

    def close(self):
        self._reader.close()
        self._writer.close()

    def __reduce__(self):
        if not _spawning:
            raise RuntimeError('SimpleQueue objects should only be shared between processes through inheritance')
        return (_rebuild_simple_queue, (self._reader, self._writer, self._rlock, self._wlock))


def _rebuild_simple_queue(reader, writer, rlock, wlock):
    q = SimpleQueue.__new__(SimpleQueue)
    q._reader, q._writer, q._rlock, q._wlock = reader, writer, rlock, wlock
    return q


# ---------------------------------------------------------------------------
# Shared memory: Value and Array
# ---------------------------------------------------------------------------

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
        self._shm = shm if shm is not None else _created(_multiprocessing.SharedMemory(_SIZES[code]), 'shm')
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
        if not _spawning:
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
        self._shm = shm if shm is not None else _created(
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
        if not _spawning:
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


# ---------------------------------------------------------------------------
# Pool
# ---------------------------------------------------------------------------

class RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class MaybeEncodingError(Exception):
    """A worker's result or exception that could not be pickled."""

    def __init__(self, exc, value):
        self.exc = exc        # repr() of the pickling error
        self.value = value    # repr() of the value
        super().__init__(exc, value)

    def __str__(self):
        return f"Error sending result: '{self.value}'. Reason: '{self.exc}'"


def _encode_error(e):
    """What a worker sends back for an exception: (type, args, traceback
    text), the args replaced by the message when they cannot be pickled."""
    tb = _thread._format_exception(e)
    pickle = _pickle()
    for payload in ((type(e), e.args), (type(e), (str(e),))):
        try:
            return pickle.dumps(('err', payload + (tb,)))
        except Exception:
            pass
    return pickle.dumps(('err', (RuntimeError, (f'{type(e).__name__}: {e}',), tb)))


def _decode_error(payload):
    cls, args, tb = payload
    try:
        exc = cls(*args)
    except Exception:
        exc = RuntimeError(f'{cls.__name__}{args!r}')
    exc.__cause__ = RemoteTraceback('\n"""\n' + tb + '"""')
    return exc


def _pool_worker(conn, initializer, initargs):
    if initializer is not None:
        initializer(*initargs)
    pickle = _pickle()
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        except Exception as e:  # the task does not unpickle here (spawn: no such function)
            conn.send_bytes(_encode_error(e))
            continue
        if task is None:
            return
        func, chunk, star = task
        try:
            result = [func(*a) if star else func(a) for a in chunk]
            try:
                data = pickle.dumps(('ok', result))
            except Exception as e:
                data = pickle.dumps(('err', (MaybeEncodingError, (repr(e), repr(result)), '')))
        except BaseException as e:
            if isinstance(e, (KeyboardInterrupt, SystemExit)):
                raise
            data = _encode_error(e)
        conn.send_bytes(data)


_RUN, _CLOSE, _TERMINATE = 0, 1, 2


class ApplyResult:
    """The result of apply_async / map_async: ready when every chunk has
    arrived."""

    def __init__(self, pool, nchunks, callback=None, error_callback=None, single=True):
        self._pool = pool
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._chunks = [None] * nchunks
        self._remaining = nchunks
        self._error = None
        self._callback = callback
        self._error_callback = error_callback
        self._single = single
        self._value = None
        if nchunks == 0:
            self._value = []
            self._event.set()

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError('{0!r} not ready'.format(self))
        return self._error is None

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._error is not None:
            raise self._error
        return self._value

    def _set(self, i, ok, value):
        with self._lock:
            if ok:
                self._chunks[i] = value
            elif self._error is None:
                self._error = value
            self._remaining -= 1
            done = self._remaining == 0
        if not done:
            return
        if self._error is None:
            if self._single:
                self._value = self._chunks[0][0]
            else:
                self._value = [x for c in self._chunks for x in c]
            if self._callback is not None:
                self._callback(self._value)
        elif self._error_callback is not None:
            self._error_callback(self._error)
        self._event.set()


AsyncResult = ApplyResult
MapResult = ApplyResult


class Pool:
    """A pool of worker processes (see the module docstring for the design)."""

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None, context=None):
        self._setup(processes, initializer, maxtasksperchild)
        self._ctx = context or _default_context
        method = self._ctx.get_start_method()
        prefix = 'ForkPoolWorker' if method == 'fork' else 'SpawnPoolWorker'
        for i in range(self._processes):
            parent_conn, child_conn = Pipe()
            w = self._ctx.Process(target=_pool_worker, args=(child_conn, initializer, initargs))
            w.name = prefix + '-' + ':'.join(str(k) for k in w._identity)
            w.daemon = True
            w.start()
            child_conn.close()
            self._pool.append(w)
            self._conns.append(parent_conn)
        for conn in self._conns:
            self._start_handler(self._handle, (conn,))

    def _setup(self, processes, initializer, maxtasksperchild):
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError('Number of processes must be at least 1')
        if maxtasksperchild is not None:
            raise ValueError('gilvm: Pool(maxtasksperchild=...) is not supported')
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._state = _RUN
        self._tasks = _queue.Queue()
        self._pool = []
        self._conns = []
        self._handlers = []

    def _start_handler(self, target, args):
        h = threading.Thread(target=target, args=args, daemon=True)
        h.start()
        self._handlers.append(h)

    def _handle(self, conn):
        pickle = _pickle()
        while True:
            task = self._tasks.get()
            if task is None:
                try:
                    conn.send(None)
                except OSError:
                    pass
                return
            result, i, func, chunk, star = task
            try:
                data = pickle.dumps((func, chunk, star))
            except Exception as e:
                result._set(i, False, e)
                continue
            try:
                _multiprocessing.send_bytes(conn._wfd, data)
                ok, value = pickle.loads(conn.recv_bytes())
            except (EOFError, OSError):
                if self._state == _TERMINATE:
                    return
                result._set(i, False, ProcessError('a pool worker died while running a task'))
                return
            if ok == 'ok':
                result._set(i, True, value)
            else:
                result._set(i, False, _decode_error(value))

    def _check_running(self):
        if self._state != _RUN:
            raise ValueError('Pool not running')

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        result = ApplyResult(self, 1, callback, error_callback)
        if kwds:
            self._tasks.put((result, 0, _call_with_kwargs, [(func, args, kwds)], True))
        else:
            self._tasks.put((result, 0, func, [tuple(args)], True))
        return result

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def _map_async(self, func, iterable, chunksize, star, callback=None, error_callback=None):
        self._check_running()
        items = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(items), self._processes * 4)
            if extra:
                chunksize += 1
        if chunksize < 1:
            if len(items) == 0:
                chunksize = 1
            else:
                raise ValueError('Chunksize must be 1+, not {0:n}'.format(chunksize))
        chunks = [items[i:i + chunksize] for i in range(0, len(items), chunksize)]
        result = ApplyResult(self, len(chunks), callback, error_callback, single=False)
        for i, c in enumerate(chunks):
            self._tasks.put((result, i, func, c, star))
        return result

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, chunksize, False, callback, error_callback)

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, chunksize, True, callback, error_callback)

    def map(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, chunksize, False).get()

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, chunksize, True).get()

    def imap(self, func, iterable, chunksize=1):
        self._check_running()
        results = [self.apply_async(func, (x,)) for x in iterable]
        return (r.get() for r in results)

    def imap_unordered(self, func, iterable, chunksize=1):
        self._check_running()
        done = _queue.Queue()
        n = 0
        for x in iterable:
            r = ApplyResult(self, 1)
            r._done = done
            self._tasks.put((r, 0, func, [(x,)], True))
            n += 1
            _watch(r, done)
        return _unordered(done, n)

    def close(self):
        if self._state == _RUN:
            self._state = _CLOSE
            for h in self._handlers:
                self._tasks.put(None)

    def terminate(self):
        if self._state == _TERMINATE:
            return
        self._state = _TERMINATE
        for w in self._pool:
            if w.exitcode is None:
                w.terminate()
        for w in self._pool:
            w.join()
        for c in self._conns:
            c.close()
        for h in self._handlers:
            self._tasks.put(None)

    def join(self):
        if self._state == _RUN:
            raise ValueError('Pool is still running')
        for h in self._handlers:
            h.join()
        for w in self._pool:
            w.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, *exc):
        self.terminate()

    def __repr__(self):
        state = {_RUN: 'RUN', _CLOSE: 'CLOSE', _TERMINATE: 'TERMINATE'}[self._state]
        return f'<multiprocessing.pool.{type(self).__name__} state={state} pool_size={self._processes}>'


class ThreadPool(Pool):
    """The Pool API on threads of this process (multiprocessing.pool.ThreadPool):
    each handler thread runs its tasks itself. Nothing is pickled; the GIL
    is shared, so it helps IO-bound tasks, not CPU-bound ones."""

    def __init__(self, processes=None, initializer=None, initargs=()):
        self._setup(processes, initializer, None)
        for _ in range(self._processes):
            self._start_handler(self._run_tasks, (initializer, initargs))

    def _run_tasks(self, initializer, initargs):
        if initializer is not None:
            initializer(*initargs)
        while True:
            task = self._tasks.get()
            if task is None:
                return
            result, i, func, chunk, star = task
            try:
                value = [func(*a) if star else func(a) for a in chunk]
            except Exception as e:
                result._set(i, False, e)
            else:
                result._set(i, True, value)

    def terminate(self):
        # Threads cannot be killed: they stop after their current task.
        if self._state == _TERMINATE:
            return
        self._state = _TERMINATE
        for _ in self._handlers:
            self._tasks.put(None)


def _call_with_kwargs(func, args, kwds):
    return func(*args, **kwds)


def _watch(result, done):
    # imap_unordered: the result reports to `done` when ready.
    orig = result._set

    def _set(i, ok, value):
        orig(i, ok, value)
        done.put(result)
    result._set = _set


def _unordered(done, n):
    for _ in range(n):
        yield done.get().get()


# The submodule names CPython code imports from, as attributes.
class _Namespace:
    def __init__(self, **kw):
        self.__dict__.update(kw)


pool = _Namespace(Pool=Pool, ThreadPool=ThreadPool, ApplyResult=ApplyResult, AsyncResult=AsyncResult, MapResult=MapResult,
                  RemoteTraceback=RemoteTraceback, MaybeEncodingError=MaybeEncodingError)
connection = _Namespace(Connection=Connection, Pipe=Pipe)
process = _Namespace(BaseProcess=BaseProcess, current_process=current_process,
                     active_children=active_children, parent_process=parent_process)
context = _Namespace(BaseContext=BaseContext, ForkProcess=ForkProcess, SpawnProcess=SpawnProcess)
queues = _Namespace(Queue=Queue, JoinableQueue=JoinableQueue, SimpleQueue=SimpleQueue)
synchronize = _Namespace(Lock=Lock, RLock=RLock, Semaphore=Semaphore, BoundedSemaphore=BoundedSemaphore,
                         Condition=Condition, Event=Event, Barrier=Barrier)
# `from multiprocessing.pool import Pool` finds them (gilvm's stdlib has no packages).
for _name in ('pool', 'connection', 'process', 'context', 'queues', 'synchronize'):
    sys.modules['multiprocessing.' + _name] = globals()[_name]


# A context offers the module's functions and classes as its methods.
for _name in ('current_process', 'parent_process', 'active_children', 'cpu_count', 'freeze_support',
              'get_all_start_methods', 'Pipe', 'Lock', 'RLock', 'Condition', 'Semaphore',
              'BoundedSemaphore', 'Event', 'Barrier', 'Queue', 'JoinableQueue', 'SimpleQueue',
              'Value', 'Array', 'RawValue', 'RawArray'):
    setattr(BaseContext, _name, staticmethod(globals()[_name]))
del _name
