"""Functions to run at interpreter exit (CPython's atexit).

The functions run last-registered first, when the program ends normally or
by sys.exit() or an uncaught exception (not at os._exit() or a fatal
signal), after the non-daemon threads have been joined, as in CPython. The
interpreter calls threading._shutdown() at exit (interpreter/vm/shutdown.cpp),
which joins the threads and then runs threading's exit hooks; this module
puts its runner first among them, so the functions run before
multiprocessing's own exit hook reaps its children -- the order CPython
gives a function registered after multiprocessing was imported. After a
Ctrl-C they run too (the hooks run with interrupted=True).

A function that raises is reported on stderr ("Exception ignored in atexit
callback", as CPython's unraisable hook prints it) and the others still run.
"""

import sys
import threading as _threading

__all__ = ['register', 'unregister']

_exithandlers = []   # (func, args, kwargs), in registration order


def register(func, *args, **kwargs):
    """Runs func(*args, **kwargs) at exit; returns func (a decorator too)."""
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _exithandlers.append((func, args, kwargs))
    return func


def unregister(func):
    """Removes every registration of func (compared with ==)."""
    _exithandlers[:] = [h for h in _exithandlers if h[0] != func]


def _clear():
    del _exithandlers[:]


def _ncallbacks():
    return len(_exithandlers)


def _run_exitfuncs():
    """Runs the functions now, latest first, and forgets them."""
    while _exithandlers:
        func, args, kwargs = _exithandlers.pop()
        try:
            func(*args, **kwargs)
        except SystemExit:
            pass
        except BaseException as exc:
            import traceback
            try:
                sys.stderr.write(f'Exception ignored in atexit callback: {func!r}\n')
                sys.stderr.write(''.join(traceback.format_exception(exc)))
            except BaseException:
                pass


def _exit_hook(interrupted):
    _run_exitfuncs()


_threading._exit_hooks.insert(0, _exit_hook)
