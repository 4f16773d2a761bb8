"""Extracting, formatting and printing tracebacks (CPython 3.11's traceback API).

gilvm keeps an exception's traceback inside the exception (a list of code
object and line pairs, interpreter/vm/object.h) and has no traceback or
frame objects: exc.__traceback__ is None. So this module reads entries
through two hooks of _thread (interpreter/modules/thread.cpp):
_tb_entries(exc), an exception's traceback, and _stack_entries(), the
calling thread's stack, each a list of (filename, lineno, name, line)
outermost first. Everything else -- FrameSummary, StackSummary,
TracebackException and the format_/print_ functions -- is built on them.

Where CPython takes a traceback object (format_exception(type, value, tb),
print_exception, TracebackException), the entries come from the exception
value; a function that has only a traceback object to go on (extract_tb,
format_tb, print_tb) accepts an exception in its place, and for None (all
that e.__traceback__ gives here) returns nothing, as CPython does for None.
The text is the interpreter's own traceback text, without 3.11's ^^^^
markers under the failing part of a line.

StackSummary cannot derive from list in this language subset: it is a
sequence of FrameSummary objects with the list methods the module's users
call (iteration, len, indexing, append, reverse), and isinstance(s, list) is
False.
"""

import sys
import _thread

__all__ = ['extract_stack', 'extract_tb', 'format_exception', 'format_exception_only',
           'format_list', 'format_stack', 'format_tb', 'print_exc', 'format_exc',
           'print_exception', 'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException', 'walk_stack', 'walk_tb']

_RECURSIVE_CUTOFF = 3   # identical lines shown before "[Previous line repeated N more times]"

_cause_message = '\nThe above exception was the direct cause of the following exception:\n\n'
_context_message = '\nDuring handling of the above exception, another exception occurred:\n\n'

_sentinel = object()


class FrameSummary:
    """One entry of a stack or traceback: filename, lineno, name, line."""


    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno and
                    self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return f"<FrameSummary file {self.filename}, line {self.lineno} in {self.name}>"

    def __len__(self):
        return 4

    @property
    def line(self):
        if self._line is None:
            return None
        return self._line.strip()


def _summaries(entries):
    return [FrameSummary(f, n, name, line=text) for f, n, name, text in entries]


def _limited(items, limit):
    """The first `limit` items (the last -limit when negative), as
    StackSummary.extract takes them."""
    if limit is None:
        limit = getattr(sys, 'tracebacklimit', None)
        if limit is not None and limit < 0:
            limit = 0
    if limit is None:
        return items
    if limit >= 0:
        return items[:limit]
    return items[limit:]


class StackSummary:
    """A list of FrameSummary objects, ready to format."""

    def __init__(self, frames=()):
        self._frames = list(frames)

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True, capture_locals=False):
        """From (frame, lineno) pairs; gilvm has no frame objects, so the
        frames must be FrameSummary objects or 4-tuples here."""
        result = klass()
        for f, lineno in frame_gen:
            result.append(f if isinstance(f, FrameSummary) else FrameSummary(*f))
        result._frames = _limited(result._frames, limit)
        return result

    @classmethod
    def from_list(klass, a_list):
        result = klass()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    # -- the list methods --

    def __iter__(self):
        return iter(self._frames)

    def __len__(self):
        return len(self._frames)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return StackSummary(self._frames[i])
        return self._frames[i]

    def __eq__(self, other):
        if isinstance(other, StackSummary):
            other = other._frames
        return self._frames == other

    def __repr__(self):
        return repr(self._frames)

    def append(self, frame):
        self._frames.append(frame)

    def reverse(self):
        self._frames.reverse()

    # -- formatting --

    def format_frame_summary(self, frame_summary):
        row = [f'  File "{frame_summary.filename}", line {frame_summary.lineno}, in {frame_summary.name}\n']
        if frame_summary.line:
            row.append(f'    {frame_summary.line}\n')
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append(f'    {name} = {value}\n')
        return ''.join(row)

    def format(self):
        """One string per frame, each ending in a newline; a line repeated
        more than three times in a row is shown three times and counted."""
        result = []
        last_file = last_line = last_name = None
        count = 0
        for frame in self._frames:
            if (last_file is None or last_file != frame.filename or last_line is None or
                    last_line != frame.lineno or last_name is None or last_name != frame.name):
                if count > _RECURSIVE_CUTOFF:
                    count -= _RECURSIVE_CUTOFF
                    result.append(f'  [Previous line repeated {count} more time{"s" if count > 1 else ""}]\n')
                last_file = frame.filename
                last_line = frame.lineno
                last_name = frame.name
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            result.append(self.format_frame_summary(frame))
        if count > _RECURSIVE_CUTOFF:
            count -= _RECURSIVE_CUTOFF
            result.append(f'  [Previous line repeated {count} more time{"s" if count > 1 else ""}]\n')
        return result


# ---------------------------------------------------------------------------
# Stacks and tracebacks
# ---------------------------------------------------------------------------

def _tb_summary(tb, limit=None):
    """A StackSummary of tb: an exception's own traceback (gilvm keeps it
    there), or nothing for None."""
    if tb is None or not isinstance(tb, BaseException):
        return StackSummary()
    return StackSummary(_limited(_summaries(_thread._tb_entries(tb)), limit))


def walk_tb(tb):
    """(frame, lineno) pairs; gilvm has no frames: FrameSummary objects stand in."""
    for fs in _tb_summary(tb):
        yield fs, fs.lineno


def walk_stack(f):
    raise NotImplementedError("gilvm: traceback.walk_stack needs frame objects, which gilvm does not have")


def extract_tb(tb, limit=None):
    return _tb_summary(tb, limit)


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def _stack(f, limit, skip):
    if f is not None:
        raise NotImplementedError("gilvm: traceback stack functions take no frame (gilvm has no frame objects)")
    entries = _thread._stack_entries()
    # Drop this frame and the `skip` frames of the public function.
    entries = entries[:len(entries) - 1 - skip]
    frames = _summaries(entries)
    frames.reverse()   # innermost first, as walk_stack goes, for the limit
    frames = _limited(frames, limit)
    frames.reverse()
    return StackSummary(frames)


def extract_stack(f=None, limit=None):
    """The calling frame's stack, outermost first."""
    return _stack(f, limit, 1)


def format_stack(f=None, limit=None):
    return _stack(f, limit, 1).format()


def print_stack(f=None, limit=None, file=None):
    print_list(_stack(f, limit, 1), file=file)


def clear_frames(tb):
    pass


# ---------------------------------------------------------------------------
# Exceptions
# ---------------------------------------------------------------------------

def _safe_string(value, what, func=str):
    try:
        return func(value)
    except:
        return f'<{what} {func.__name__}() failed>'


def _type_name(exc_type):
    stype = getattr(exc_type, '__qualname__', exc_type.__name__)
    smod = getattr(exc_type, '__module__', None)
    if smod not in ("__main__", "builtins", None):
        if not isinstance(smod, str):
            smod = "<unknown>"
        stype = smod + '.' + stype
    return stype


def _syntax_error_details(exc):
    """A SyntaxError's filename, lineno, offset, text, end_lineno,
    end_offset and msg. gilvm sets them as attributes only on the errors its
    compiler raises; one made by SyntaxError(msg, (filename, lineno, offset,
    text, end_lineno, end_offset)) has them in its arguments."""
    names = ('filename', 'lineno', 'offset', 'text', 'end_lineno', 'end_offset')
    details = dict.fromkeys(names)
    args = exc.args
    if len(args) == 2 and isinstance(args[1], tuple):
        for name, value in zip(names, args[1]):
            details[name] = value
    details['msg'] = args[0] if args else None
    for name in names + ('msg',):
        if hasattr(exc, name):
            details[name] = getattr(exc, name)
    return details


class TracebackException:
    """An exception ready to format: its type, message, stack and chain."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None, lookup_lines=True,
                 capture_locals=False, compact=False, max_group_width=15, max_group_depth=10,
                 _seen=None):
        is_recursive_call = _seen is not None
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self.stack = _tb_summary(exc_value if exc_value is not None else exc_traceback, limit)
        self.exc_type = exc_type
        self._str = _safe_string(exc_value, 'exception')
        self.__notes__ = getattr(exc_value, '__notes__', None)
        if exc_type is not None and issubclass(exc_type, SyntaxError):
            details = _syntax_error_details(exc_value)
            self.filename = details['filename']
            lno = details['lineno']
            self.lineno = str(lno) if lno is not None else None
            end_lno = details['end_lineno']
            self.end_lineno = str(end_lno) if end_lno is not None else None
            self.text = details['text']
            self.offset = details['offset']
            self.end_offset = details['end_offset']
            self.msg = details['msg']
        if lookup_lines:
            self._load_lines()
        self.__suppress_context__ = exc_value.__suppress_context__ if exc_value is not None else False
        self.__cause__ = None
        self.__context__ = None
        if exc_value is not None:
            cause = exc_value.__cause__
            if cause is not None and id(cause) not in _seen:
                self.__cause__ = TracebackException(type(cause), cause, None, limit=limit,
                                                    lookup_lines=lookup_lines, _seen=_seen)
            context = exc_value.__context__
            if (context is not None and id(context) not in _seen and
                    not (compact and (self.__cause__ is not None or self.__suppress_context__))):
                self.__context__ = TracebackException(type(context), context, None, limit=limit,
                                                      lookup_lines=lookup_lines, _seen=_seen)

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    @property
    def exc_type_str(self):
        return _type_name(self.exc_type)

    def _load_lines(self):
        pass

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        """The exception's last lines: 'Type: message' (and a SyntaxError's
        location), then the notes."""
        if self.exc_type is None:
            yield _format_final_exc_line(None, self._str)
            return
        stype = _type_name(self.exc_type)
        if not issubclass(self.exc_type, SyntaxError):
            yield _format_final_exc_line(stype, self._str)
        else:
            yield from self._format_syntax_error(stype)
        if isinstance(self.__notes__, (list, tuple)):
            for note in self.__notes__:
                note = _safe_string(note, 'note')
                yield from [l + '\n' for l in note.split('\n')]
        elif self.__notes__ is not None:
            yield _safe_string(self.__notes__, '__notes__', func=repr) + '\n'

    def _format_syntax_error(self, stype):
        filename_suffix = ''
        if self.lineno is not None:
            yield f'  File "{self.filename or "<string>"}", line {self.lineno}\n'
        elif self.filename is not None:
            filename_suffix = f' ({self.filename})'
        text = self.text
        if text is not None:
            rtext = text.rstrip('\n')
            ltext = rtext.lstrip(' \n\f')
            spaces = len(rtext) - len(ltext)
            yield f'    {ltext}\n'
            if self.offset is not None:
                offset = self.offset
                end_offset = self.end_offset if self.end_offset not in {None, 0} else offset
                if offset == end_offset or end_offset == -1:
                    end_offset = offset + 1
                colno = offset - 1 - spaces
                end_colno = end_offset - 1 - spaces
                if colno >= 0:
                    caretspace = ''.join(c if c.isspace() else ' ' for c in ltext[:colno])
                    yield f'    {caretspace}{"^" * (end_colno - colno)}\n'
        msg = self.msg or "<no detail available>"
        yield f'{stype}: {msg}{filename_suffix}\n'

    def format(self, *, chain=True, _ctx=None):
        """The whole text, chain first, as lines (each may hold several)."""
        output = []
        exc = self
        if chain:
            while exc:
                if exc.__cause__ is not None:
                    chained_msg = _cause_message
                    chained_exc = exc.__cause__
                elif exc.__context__ is not None and not exc.__suppress_context__:
                    chained_msg = _context_message
                    chained_exc = exc.__context__
                else:
                    chained_msg = None
                    chained_exc = None
                output.append((chained_msg, exc))
                exc = chained_exc
        else:
            output.append((None, exc))
        for msg, exc in reversed(output):
            if msg is not None:
                yield msg
            if exc.stack:
                yield 'Traceback (most recent call last):\n'
                yield from exc.stack.format()
            yield from exc.format_exception_only()

    def print(self, *, file=None, chain=True):
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")


def _format_final_exc_line(etype, value):
    valuestr = _safe_string(value, 'exception')
    if value is None or not valuestr:
        line = f"{etype}\n"
    else:
        line = f"{etype}: {valuestr}\n"
    return line


def _parse_value_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError(f'Exception expected for value, {type(exc).__name__} found')
        return None, None
    return value, tb


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """The lines print_exception() prints, as a list of strings."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    return list(te.format(chain=chain))


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    """Prints the exception, its traceback and its chain to file (stderr)."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    te.print(file=file, chain=chain)


def format_exception_only(exc, /, value=_sentinel):
    if value is _sentinel:
        value = exc
    te = TracebackException(type(value), value, None, compact=True)
    return list(te.format_exception_only())


def format_exc(limit=None, chain=True):
    """The exception being handled, as print_exc() prints it."""
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    print_exception(sys.last_type, sys.last_value, sys.last_traceback, limit, file, chain)
