# subprocess — start programs, talk to them over pipes, wait for them.
#
# Written in the language on top of the small native module _subprocess
# (interpreter/modules/subprocess_native.cpp), as CPython's Lib/subprocess.py
# sits on _posixsubprocess. The native side starts the child (fork, then
# only async-signal-safe calls until exec), waits for it and pumps the pipes,
# always with the GIL released under the label "child process": other
# threads run while this one waits, and --gil-stats shows where it was.
#
# The names, arguments and messages are CPython 3.11's: run, Popen, call,
# check_call, check_output, getoutput, getstatusoutput, CompletedProcess,
# SubprocessError, CalledProcessError, TimeoutExpired, PIPE, STDOUT, DEVNULL.
# Popen's stdin/stdout/stderr are ordinary file objects over the pipe ends
# (open(fd, ...)), binary or, with text=True, text.
#
# Not supported (refused with a clear error): preexec_fn, pass_fds, user,
# group, extra_groups, umask, process_group, pipesize. Every child is reaped:
# wait(), communicate(), run(), call() and leaving a `with Popen(...)` block
# all wait for it; on Ctrl-C, run() and call() kill it and reap it. A Popen
# that is dropped without a wait stays a zombie until the program exits:
# gilvm has no __del__, with which CPython reaps it at a later Popen.

import os
import signal
import time
import _thread
import _subprocess

__all__ = ["Popen", "PIPE", "STDOUT", "DEVNULL", "call", "check_call", "getstatusoutput",
           "getoutput", "check_output", "run", "CalledProcessError", "CompletedProcess",
           "SubprocessError", "TimeoutExpired"]

PIPE = -1
STDOUT = -2
DEVNULL = -3

# Signal names by number, for "died with <Signals.SIGKILL: 9>." (CPython
# prints the member of its signal.Signals enum, whose canonical names are
# not the aliases SIGIOT, SIGPOLL and the real-time bounds).
_SIGNAL_NAMES = {getattr(signal, n): n for n in dir(signal)
                 if n.startswith("SIG") and not n.startswith("SIG_")
                 and n not in ("SIGIOT", "SIGPOLL", "SIGRTMIN", "SIGRTMAX")}


class SubprocessError(Exception):
    pass


def _get_output(self):
    return self.output


def _set_output(self, value):
    self.output = value


# The exceptions' stdout attribute is another name for output (as CPython's).
_stdout_is_output = property(_get_output, _set_output)


class CalledProcessError(SubprocessError):
    """Raised when run(check=True), check_call() or check_output() sees a
    non-zero exit status. returncode is negative (-N) for a child killed
    by signal N."""

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            sig = -self.returncode
            if sig in _SIGNAL_NAMES:
                return f"Command '{self.cmd}' died with <Signals.{_SIGNAL_NAMES[sig]}: {sig}>."
            return f"Command '{self.cmd}' died with unknown signal {sig}."
        return f"Command '{self.cmd}' returned non-zero exit status {self.returncode}."

    stdout = _stdout_is_output


class TimeoutExpired(SubprocessError):
    """Raised when a timeout passes before the child exits."""

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return f"Command '{self.cmd}' timed out after {self.timeout} seconds"

    stdout = _stdout_is_output


class CompletedProcess:
    """What run() returns: args, returncode, stdout, stderr."""

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        parts = [f"args={self.args!r}", f"returncode={self.returncode!r}"]
        if self.stdout is not None:
            parts.append(f"stdout={self.stdout!r}")
        if self.stderr is not None:
            parts.append(f"stderr={self.stderr!r}")
        return f"{type(self).__name__}({', '.join(parts)})"

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, output=self.stdout, stderr=self.stderr)


def _exec_candidates(executable, env):
    """Every path execve should try, in order: PATH searched by hand (the
    child may not call execvpe, which allocates)."""
    if "/" in executable:
        return [executable]
    # os.get_exec_path(env): the PATH of the child's environment, else
    # os.defpath.
    path = (os.environ if env is None else env).get("PATH", "/bin:/usr/bin")
    return [os.path.join(d, executable) for d in path.split(":")]


def _remaining(endtime):
    if endtime is None:
        return None
    return max(0.0, endtime - time.monotonic())


def _decode(data, encoding, errors):
    # Universal newlines, as CPython's text mode: \r\n and \r become \n.
    text = data.decode(encoding or "utf-8", errors or "strict")
    return text.replace("\r\n", "\n").replace("\r", "\n")


class Popen:
    """One child process. args is a list (or, with shell=True, a command
    string for /bin/sh -c)."""

    # After a Ctrl-C, how long to wait for a child that likely got the same
    # SIGINT from the terminal (CPython's bpo-25942).
    _sigint_wait_secs = 0.25

    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None, stderr=None,
                 preexec_fn=None, close_fds=True, shell=False, cwd=None, env=None,
                 universal_newlines=None, startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False, pass_fds=(), *,
                 user=None, group=None, extra_groups=None, encoding=None, errors=None,
                 text=None, umask=-1, pipesize=-1, process_group=None):
        unsupported = [("preexec_fn", preexec_fn is not None), ("pass_fds", bool(pass_fds)),
                       ("user", user is not None), ("group", group is not None),
                       ("extra_groups", extra_groups is not None), ("umask", umask != -1),
                       ("pipesize", pipesize != -1), ("process_group", process_group is not None)]
        for name, given in unsupported:
            if given:
                raise NotImplementedError(f"subprocess.Popen: {name} is not supported by gilvm")
        if universal_newlines is not None and text is not None and bool(universal_newlines) != bool(text):
            raise SubprocessError("Cannot disambiguate when both text and universal_newlines are "
                                  "supplied but different. Pass one or the other.")
        self.args = args
        self.stdin = None
        self.stdout = None
        self.stderr = None
        self.pid = None
        self.returncode = None
        self.encoding = encoding
        self.errors = errors
        self.text_mode = bool(encoding or errors or text or universal_newlines)
        self.universal_newlines = self.text_mode
        self._communication_started = False
        self._input = None
        self._input_offset = 0
        self._out_chunks = []
        self._err_chunks = []
        self._waitpid_lock = _thread.allocate_lock()

        if isinstance(args, (str, bytes)):
            argv = [args]
        else:
            argv = list(args)
        if shell:
            argv = ["/bin/sh", "-c"] + argv
            if executable:
                argv[0] = executable
        if not argv:
            raise IndexError("list index out of range")
        if executable is None:
            executable = argv[0]

        devnull = None
        created = []  # the child's ends of the pipes made here: closed in the parent after the fork
        parent_ends = []
        try:
            child_fds = []
            for which, spec in (("stdin", stdin), ("stdout", stdout), ("stderr", stderr)):
                if spec is None:
                    child_fds.append(-1)
                elif spec == PIPE:
                    r, w = os.pipe()
                    if which == "stdin":
                        child_fds.append(r)
                        created.append(r)
                        parent_ends.append((which, w))
                    else:
                        child_fds.append(w)
                        created.append(w)
                        parent_ends.append((which, r))
                elif spec == DEVNULL:
                    if devnull is None:
                        devnull = open("/dev/null", "r+b", 0)
                    child_fds.append(devnull.fileno())
                elif spec == STDOUT:
                    if which != "stderr":
                        raise ValueError(f"STDOUT is only valid for stderr, not {which}")
                    child_fds.append(child_fds[1] if child_fds[1] != -1 else 1)
                elif isinstance(spec, int):
                    if spec < 0:
                        raise ValueError(f"bad value for {which}: {spec}")
                    child_fds.append(spec)
                else:  # a file object (AttributeError for anything else, as CPython)
                    child_fds.append(spec.fileno())
            for which, fd in parent_ends:
                setattr(self, which, self._open_pipe_end(fd, which, bufsize))
            if env is None:
                env_arg = dict(os.environ)
            else:
                env_arg = dict(env)
            self.pid = _subprocess.fork_exec(
                _exec_candidates(executable, env), argv, env_arg, cwd,
                child_fds[0], child_fds[1], child_fds[2],
                close_fds, start_new_session, executable)
        except:
            for f in (self.stdin, self.stdout, self.stderr):
                if f is not None:
                    f.close()
            raise
        finally:
            for fd in created:
                os.close(fd)
            if devnull is not None:
                devnull.close()

    def _open_pipe_end(self, fd, which, bufsize):
        mode = "wb" if which == "stdin" else "rb"
        if not self.text_mode:
            return open(fd, mode, bufsize)
        if which == "stdin":
            return open(fd, "w", bufsize, encoding=self.encoding or "utf-8", errors=self.errors)
        return open(fd, "r", bufsize, encoding=self.encoding or "utf-8", errors=self.errors)

    def __repr__(self):
        text = f"<{type(self).__name__}: returncode: {self.returncode} args: {self.args!r}>"
        if len(text) > 80:  # as CPython: long command lines are cut
            text = text[:76] + "...>"
        return text

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        if self.stdout:
            self.stdout.close()
        if self.stderr:
            self.stderr.close()
        try:
            if self.stdin:
                self.stdin.close()
        finally:
            if exc_type is KeyboardInterrupt:
                # As CPython: wait briefly (the child likely got the ^C too),
                # then let the KeyboardInterrupt go on.
                if self._sigint_wait_secs > 0:
                    try:
                        self._wait(self._sigint_wait_secs)
                    except TimeoutExpired:
                        pass
                self._sigint_wait_secs = 0
            else:
                self.wait()

    # -- waiting ----------------------------------------------------------

    def poll(self):
        """The returncode if the child has exited, else None (never blocks)."""
        if self.returncode is None and self._waitpid_lock.acquire(False):
            try:
                if self.returncode is None:
                    self.returncode = _subprocess.poll(self.pid)
            finally:
                self._waitpid_lock.release()
        return self.returncode

    def _wait(self, timeout):
        # One waitpid per child at a time (as CPython): a second thread
        # waits for the lock, then finds returncode set.
        endtime = None if timeout is None else time.monotonic() + timeout
        # A lock takes at most TIMEOUT_MAX; CPython's wait() takes any
        # timeout (it polls the lock), so a longer one waits that long.
        lock_timeout = -1 if timeout is None else min(timeout, _thread.TIMEOUT_MAX)
        if not self._waitpid_lock.acquire(True, lock_timeout):
            raise TimeoutExpired(self.args, timeout)
        try:
            if self.returncode is not None:
                return self.returncode
            rc = _subprocess.wait(self.pid, _remaining(endtime))
            if rc is None:
                raise TimeoutExpired(self.args, timeout)
            self.returncode = rc
            return rc
        finally:
            self._waitpid_lock.release()

    def wait(self, timeout=None):
        """Waits for the child to exit; returns returncode. The GIL is
        released meanwhile."""
        endtime = None if timeout is None else time.monotonic() + timeout
        try:
            return self._wait(timeout)
        except KeyboardInterrupt:
            self._wait_after_ctrl_c(endtime)
            raise

    def _wait_after_ctrl_c(self, endtime):
        # The first Ctrl-C waits briefly: the child probably got the same
        # SIGINT from the terminal and is exiting (CPython's bpo-25942).
        secs = self._sigint_wait_secs
        if endtime is not None:
            secs = min(secs, _remaining(endtime))
        self._sigint_wait_secs = 0
        try:
            self._wait(secs)
        except TimeoutExpired:
            pass

    def _kill_and_reap(self):
        # After a failure or a Ctrl-C in run()/call(): no zombie, no orphan.
        # A SIGKILLed child exits at once, so this wait is short.
        self.kill()
        self._wait(None)

    # -- signals ----------------------------------------------------------

    def send_signal(self, sig):
        self.poll()
        if self.returncode is not None:
            return  # already reaped: its pid may belong to another process now
        try:
            os.kill(self.pid, sig)
        except ProcessLookupError:
            pass

    def terminate(self):
        self.send_signal(signal.SIGTERM)

    def kill(self):
        self.send_signal(signal.SIGKILL)

    # -- talking ----------------------------------------------------------

    def communicate(self, input=None, timeout=None):
        """Sends input, reads stdout and stderr to end of file, waits for
        the child. Returns (stdout, stderr); each None unless it is a pipe.
        After TimeoutExpired, calling it again continues where it stopped."""
        if self._communication_started and input:
            raise ValueError("Cannot send input after starting communication")
        endtime = None if timeout is None else time.monotonic() + timeout
        try:
            stdout, stderr = self._communicate(input, endtime, timeout)
        except KeyboardInterrupt:
            self._wait_after_ctrl_c(endtime)
            raise
        finally:
            self._communication_started = True
        self.wait(_remaining(endtime))
        return stdout, stderr

    def _close_quietly(self, f):
        # Closing the child's stdin when it has exited: a BrokenPipeError is
        # not an error here (CPython's communicate ignores it too).
        try:
            f.close()
        except BrokenPipeError:
            pass

    def _communicate(self, input, endtime, orig_timeout):
        if not self._communication_started:
            if self.stdin:
                try:
                    self.stdin.flush()
                except BrokenPipeError:
                    pass
                if not input:
                    self._close_quietly(self.stdin)
            self._input = b""
            if self.stdin and input:  # without a stdin pipe, input is ignored (as CPython)
                if self.text_mode:
                    input = input.encode(self.encoding or "utf-8", self.errors or "strict")
                if not isinstance(input, bytes):
                    raise TypeError(f"memoryview: a bytes-like object is required, not '{type(input).__name__}'")
                self._input = input
            self._input_offset = 0
        while True:
            in_fd = self.stdin.fileno() if self.stdin and not self.stdin.closed else -1
            out_fd = self.stdout.fileno() if self.stdout and not self.stdout.closed else -1
            err_fd = self.stderr.fileno() if self.stderr and not self.stderr.closed else -1
            if in_fd == -1 and out_fd == -1 and err_fd == -1:
                break
            (self._input_offset, out, err, in_done, out_eof, err_eof,
             timed_out) = _subprocess.communicate(in_fd, self._input, self._input_offset,
                                                  out_fd, err_fd, _remaining(endtime))
            if out:
                self._out_chunks.append(out)
            if err:
                self._err_chunks.append(err)
            if in_fd != -1 and in_done:
                self._close_quietly(self.stdin)
            if out_fd != -1 and out_eof:
                self.stdout.close()
            if err_fd != -1 and err_eof:
                self.stderr.close()
            if timed_out:
                raise TimeoutExpired(self.args, orig_timeout,
                                     output=b"".join(self._out_chunks) if self._out_chunks else None,
                                     stderr=b"".join(self._err_chunks) if self._err_chunks else None)
        stdout = None
        stderr = None
        if self.stdout is not None:
            stdout = b"".join(self._out_chunks)
            if self.text_mode:
                stdout = _decode(stdout, self.encoding, self.errors)
        if self.stderr is not None:
            stderr = b"".join(self._err_chunks)
            if self.text_mode:
                stderr = _decode(stderr, self.encoding, self.errors)
        return stdout, stderr


# -- the convenience functions ---------------------------------------------

def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    """Runs a command, waits for it, returns a CompletedProcess."""
    if input is not None:
        if kwargs.get("stdin") is not None:
            raise ValueError("stdin and input arguments may not both be used.")
        kwargs["stdin"] = PIPE
    if capture_output:
        if kwargs.get("stdout") is not None or kwargs.get("stderr") is not None:
            raise ValueError("stdout and stderr arguments may not be used with capture_output.")
        kwargs["stdout"] = PIPE
        kwargs["stderr"] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired:
            process._kill_and_reap()
            raise
        except:  # KeyboardInterrupt included
            process._kill_and_reap()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args, output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def call(*popenargs, timeout=None, **kwargs):
    """Runs a command and returns its exit status."""
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except:  # TimeoutExpired, KeyboardInterrupt...
            p._kill_and_reap()
            raise


def check_call(*popenargs, **kwargs):
    """As call(), but a non-zero exit status raises CalledProcessError."""
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    """Runs a command and returns its standard output; a non-zero exit
    status raises CalledProcessError."""
    for kw in ("stdout", "check"):
        if kw in kwargs:
            raise ValueError(f"{kw} argument not allowed, it will be overridden.")
    if "input" in kwargs and kwargs["input"] is None:
        text = (kwargs.get("universal_newlines") or kwargs.get("text") or kwargs.get("encoding")
                or kwargs.get("errors"))
        kwargs["input"] = "" if text else b""
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def getstatusoutput(cmd):
    """(exit status, output) of a shell command; stderr goes into the output
    and one trailing newline is removed."""
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == "\n":
        data = data[:-1]
    return exitcode, data


def getoutput(cmd):
    """The output (stdout and stderr) of a shell command."""
    return getstatusoutput(cmd)[1]
