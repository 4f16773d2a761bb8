"""Process-based parallelism: CPython's multiprocessing package, the part the
lesson needs. It was written when gilvm embedded stdlib modules flat (it
embeds packages too now, cmake/embed_stdlib.cmake), so the package's parts
are modules of their own, registered under CPython's names
(multiprocessing.pool is _mp_pool): this module has processes, their start
methods and contexts; _mp_connection pipes (and the state of a spawn in
progress); _mp_synchronize locks; _mp_queues queues; _mp_sharedctypes
Value and Array; _mp_pool pools.

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

* Messages (_mp_connection, _mp_queues). A Connection (Pipe) moves pickles over os.pipe() descriptors,
  one length-prefixed message per object (_multiprocessing.send_bytes /
  recv_bytes, which release the GIL while they wait: "pipe"). A Queue is a
  one-way pipe with a lock on each end (several processes may read or write
  it), and a feeder thread that writes what put() buffers, so put() never
  blocks on a full pipe, as in CPython.

* Synchronisation and shared memory (_mp_synchronize, _mp_sharedctypes). Lock, RLock, Semaphore,
  BoundedSemaphore, Event and Condition are built on _multiprocessing.SemLock,
  a POSIX named semaphore; Value and Array on _multiprocessing.SharedMemory
  (shm_open), each with a lock. Both work across fork (the mapping is
  inherited) and spawn (reopened by name when unpickled while spawning).

* Pool (_mp_pool). Worker processes fed by one handler thread each in the
  parent; a worker's exception is re-raised in the parent with the remote
  traceback as __cause__.

Not here: Manager, connection.Listener/Client, shared_memory.SharedMemory,
the forkserver start method, maxtasksperchild, Pool.imap chunksize > 1,
multiprocessing.dummy.
"""

import os
import sys
import signal
import threading
import time
import pickle
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
        if not _mp_connection._spawning:
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
                _mp_synchronize._unlink_created()
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


def _at_exit(interrupted):
    _exit_function(interrupted)
    _mp_synchronize._unlink_created()


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
        main = sys.modules.get('__main__')
        main_path = getattr(main, '__file__', None)
        if main_path is not None and not os.path.isabs(main_path):
            main_path = os.path.join(os.getcwd(), main_path)
        # The child inherits the working directory through exec.
        prep = {'sys_path': list(sys.path), 'sys_argv': list(sys.argv), 'main_path': main_path}
        fds = _mp_connection._inherit_fds
        del fds[:]
        _mp_connection._spawning = True
        try:
            data = pickle.dumps(process_obj)
        finally:
            _mp_connection._spawning = False
        fds = list(fds)
        del _mp_connection._inherit_fds[:]
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
    mode = gil.stats()['mode']
    if mode not in ('interval', 'legacy', 'off'):
        return []  # --sched=seed:N: its seed is not visible from here; the child runs the default GIL
    return [f"--gil={mode}", f"--switch-interval={sys.getswitchinterval()!r}"]


def _spawn_main(data_fd, sentinel_fd):
    """The spawned child's entry (run by `gilvm -c`)."""
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


# The parts in their own modules (CPython's submodules).
import _mp_connection
import _mp_synchronize
import _mp_pool
import _mp_queues
import _mp_sharedctypes
from _mp_connection import Connection, Pipe
from _mp_synchronize import Barrier, BoundedSemaphore, Condition, Event, Lock, RLock, Semaphore
from _mp_queues import Empty, Full, JoinableQueue, Queue, SimpleQueue
from _mp_sharedctypes import Array, RawArray, RawValue, Value
from _mp_pool import ApplyResult, AsyncResult, MapResult, MaybeEncodingError, Pool, RemoteTraceback, ThreadPool


# The submodule names CPython code imports from, as attributes.
class _Namespace:
    def __init__(self, **kw):
        self.__dict__.update(kw)


process = _Namespace(BaseProcess=BaseProcess, current_process=current_process,
                     active_children=active_children, parent_process=parent_process)
context = _Namespace(BaseContext=BaseContext, ForkProcess=ForkProcess, SpawnProcess=SpawnProcess)
# `from multiprocessing.pool import Pool` finds them (gilvm's stdlib has no
# packages: the parts are the flat modules _mp_*).
pool, connection, queues, synchronize, sharedctypes = _mp_pool, _mp_connection, _mp_queues, _mp_synchronize, _mp_sharedctypes
for _name in ('pool', 'connection', 'process', 'context', 'queues', 'synchronize', 'sharedctypes'):
    sys.modules['multiprocessing.' + _name] = globals()[_name]


# A context offers the module's functions and classes as its methods.
for _name in ('current_process', 'parent_process', 'active_children', 'cpu_count', 'freeze_support',
              'get_all_start_methods', 'Pipe', 'Lock', 'RLock', 'Condition', 'Semaphore',
              'BoundedSemaphore', 'Event', 'Barrier', 'Queue', 'JoinableQueue', 'SimpleQueue',
              'Value', 'Array', 'RawValue', 'RawArray'):
    setattr(BaseContext, _name, staticmethod(globals()[_name]))
del _name
