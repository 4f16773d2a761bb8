"""Logging (CPython 3.11's logging package: names, behaviour and output).

The parts:

* Levels: numbers with names (getLevelName/addLevelName).
* LogRecord: one logged event with every attribute CPython gives it
  (created, msecs, relativeCreated, thread, threadName, process,
  processName, funcName, lineno, module, filename, pathname, ...).
* Loggers in a hierarchy by dotted name, kept by the Manager; a name whose
  logger does not exist yet but has children holds a PlaceHolder, so a
  parent created later is slotted between its children and their old
  parent. A record goes to the handlers of its logger and of each ancestor
  while `propagate` is true; with none at all, to lastResort (stderr,
  WARNING and above). Logger.isEnabledFor caches its answer per level; the
  caches are cleared when any level or logging.disable() changes.
* Handlers (StreamHandler, FileHandler, NullHandler; logging.handlers has
  QueueHandler and QueueListener), each with its own RLock taken around
  emit(), so threads do not interleave their lines. An error while emitting
  (a bad format, a failing stream) prints the "--- Logging error ---" block
  to stderr and the program goes on.
* Formatters with the three styles: '%' (printf-style), '{' (str.format)
  and '$' (string.Template's substitution, done here: the language subset has
  no string module to lean on).

gilvm has no frame objects: the caller of a logging call (funcName,
lineno, pathname, stack_info) is found from _thread._stack_entries(), the
calling thread's stack as (filename, lineno, name, line) entries
(interpreter/modules/thread.cpp); under CPython, from sys._getframe().
"""

import os
import sys
import threading
import time
import traceback

__all__ = ['BASIC_FORMAT', 'BufferingFormatter', 'CRITICAL', 'DEBUG', 'ERROR', 'FATAL',
           'FileHandler', 'Filter', 'Formatter', 'Handler', 'INFO', 'LogRecord', 'Logger',
           'LoggerAdapter', 'NOTSET', 'NullHandler', 'StreamHandler', 'WARN', 'WARNING',
           'addLevelName', 'basicConfig', 'captureWarnings', 'critical', 'debug', 'disable',
           'error', 'exception', 'fatal', 'getLevelName', 'getLogger', 'getLoggerClass', 'info',
           'log', 'makeLogRecord', 'setLoggerClass', 'shutdown', 'warn', 'warning',
           'getLogRecordFactory', 'setLogRecordFactory', 'lastResort', 'raiseExceptions',
           'getLevelNamesMapping']

_startTime = time.time()

raiseExceptions = True   # errors while emitting are reported (handleError)
logThreads = True
logMultiprocessing = True
logProcesses = True

# ---------------------------------------------------------------------------
# Levels
# ---------------------------------------------------------------------------

CRITICAL = 50
FATAL = CRITICAL
ERROR = 40
WARNING = 30
WARN = WARNING
INFO = 20
DEBUG = 10
NOTSET = 0

_levelToName = {
    CRITICAL: 'CRITICAL',
    ERROR: 'ERROR',
    WARNING: 'WARNING',
    INFO: 'INFO',
    DEBUG: 'DEBUG',
    NOTSET: 'NOTSET',
}
_nameToLevel = {
    'CRITICAL': CRITICAL,
    'FATAL': FATAL,
    'ERROR': ERROR,
    'WARN': WARNING,
    'WARNING': WARNING,
    'INFO': INFO,
    'DEBUG': DEBUG,
    'NOTSET': NOTSET,
}


def getLevelNamesMapping():
    return _nameToLevel.copy()


def getLevelName(level):
    """The name of a level number, the number of a level name, or
    "Level N" for a number with no name."""
    result = _levelToName.get(level)
    if result is not None:
        return result
    result = _nameToLevel.get(level)
    if result is not None:
        return result
    return f"Level {level}"


def addLevelName(level, levelName):
    with _lock:
        _levelToName[level] = levelName
        _nameToLevel[levelName] = level


def _checkLevel(level):
    if isinstance(level, int):
        return level
    if str(level) == level:
        if level not in _nameToLevel:
            raise ValueError(f"Unknown level: {level!r}")
        return _nameToLevel[level]
    raise TypeError(f"Level not an integer or a valid string: {level!r}")


# The module's lock: guards the logger tree, the handler list, level names.
_lock = threading.RLock()


def _acquireLock():
    _lock.acquire()


def _releaseLock():
    _lock.release()


# The files whose frames are logging's own (skipped when finding a caller).
_srcfile = getLevelName.__code__.co_filename


def _is_internal_frame(filename):
    return filename == _srcfile or ("importlib" in filename and "_bootstrap" in filename)


def _caller_stack(depth=None):
    """The calling thread's stack, innermost first, as (filename, lineno,
    name, line) entries, this function's own frame dropped; with a depth,
    at most that many."""
    getframe = getattr(sys, '_getframe', None)
    if getframe is not None:
        out = []
        f = getframe(1)
        while f is not None and (depth is None or len(out) < depth):
            out.append((f.f_code.co_filename, f.f_lineno, f.f_code.co_name, None))
            f = f.f_back
        return out
    import _thread
    entries = _thread._stack_entries(None if depth is None else depth + 1)
    entries.reverse()
    return entries[1:]


def _format_stack_entries(entries):
    """traceback.print_stack's text for entries given innermost first."""
    frames = [traceback.FrameSummary(f, n, name, line=text) for f, n, name, text in reversed(entries)]
    return ''.join(traceback.StackSummary.from_list(frames).format())


# ---------------------------------------------------------------------------
# LogRecord
# ---------------------------------------------------------------------------

class LogRecord:
    """One logged event: what was logged, where, when, by which thread and
    process."""

    def __init__(self, name, level, pathname, lineno, msg, args, exc_info, func=None, sinfo=None,
                 **kwargs):
        ct = time.time()
        self.name = name
        self.msg = msg
        # log("%(a)s", {"a": 1}): one mapping argument is the mapping.
        if args and len(args) == 1 and isinstance(args[0], dict) and args[0]:
            args = args[0]
        self.args = args
        self.levelname = getLevelName(level)
        self.levelno = level
        self.pathname = pathname
        try:
            self.filename = os.path.basename(pathname)
            self.module = os.path.splitext(self.filename)[0]
        except (TypeError, ValueError, AttributeError):
            self.filename = pathname
            self.module = "Unknown module"
        self.exc_info = exc_info
        self.exc_text = None
        self.stack_info = sinfo
        self.lineno = lineno
        self.funcName = func
        self.created = ct
        # Whole milliseconds, as CPython 3.11.7 (gh-89047).
        self.msecs = int((ct - int(ct)) * 1000) + 0.0
        self.relativeCreated = (self.created - _startTime) * 1000
        if logThreads:
            self.thread = threading.get_ident()
            self.threadName = threading.current_thread().name
        else:
            self.thread = None
            self.threadName = None
        if not logMultiprocessing:
            self.processName = None
        else:
            self.processName = 'MainProcess'
            mp = sys.modules.get('multiprocessing')
            if mp is not None:
                try:
                    self.processName = mp.current_process().name
                except Exception:
                    pass
        if logProcesses and hasattr(os, 'getpid'):
            self.process = os.getpid()
        else:
            self.process = None

    def __repr__(self):
        return f'<LogRecord: {self.name}, {self.levelno}, {self.pathname}, {self.lineno}, "{self.msg}">'

    def getMessage(self):
        """The message with its arguments merged in (msg % args)."""
        msg = str(self.msg)
        if self.args:
            msg = msg % self.args
        return msg


_logRecordFactory = LogRecord


def setLogRecordFactory(factory):
    global _logRecordFactory
    _logRecordFactory = factory


def getLogRecordFactory():
    return _logRecordFactory


def makeLogRecord(dict):
    """A record whose attributes are those of `dict` (e.g. from a socket)."""
    rv = _logRecordFactory(None, None, "", 0, "", (), None, None)
    rv.__dict__.update(dict)
    return rv


# ---------------------------------------------------------------------------
# Formatting styles
# ---------------------------------------------------------------------------

_WORD_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'


def _is_word(s):
    return s != '' and all(c in _WORD_CHARS or (c.isalnum() and not c.isascii()) for c in s)


def _valid_percent_format(fmt):
    """Whether fmt has a %(name)<flags><width><.precision><conversion> field."""
    i = fmt.find('%(')
    while i >= 0:
        j = fmt.find(')', i + 2)
        if j < 0:
            return False
        if _is_word(fmt[i + 2:j]):
            k = j + 1
            while k < len(fmt) and fmt[k] in '#0+ -':
                k += 1
            if k < len(fmt) and fmt[k] == '*':
                k += 1
            else:
                while k < len(fmt) and fmt[k].isdigit():
                    k += 1
            if k < len(fmt) and fmt[k] == '.':
                k += 1
                if k < len(fmt) and fmt[k] == '*':
                    k += 1
                else:
                    while k < len(fmt) and fmt[k].isdigit():
                        k += 1
            if k < len(fmt) and fmt[k] in 'diouxefgcrsa%DIOUXEFGCRSA':
                return True
        i = fmt.find('%(', i + 1)
    return False


class PercentStyle:
    default_format = '%(message)s'
    asctime_format = '%(asctime)s'
    asctime_search = '%(asctime)'

    def __init__(self, fmt, *, defaults=None):
        self._fmt = fmt or self.default_format
        self._defaults = defaults

    def usesTime(self):
        return self._fmt.find(self.asctime_search) >= 0

    def validate(self):
        if not _valid_percent_format(self._fmt):
            raise ValueError(f"Invalid format '{self._fmt}' for '{self.default_format[0]}' style")

    def _values(self, record):
        defaults = self._defaults
        if defaults:
            values = dict(defaults)
            values.update(record.__dict__)
            return values
        return record.__dict__

    def _format(self, record):
        return self._fmt % self._values(record)

    def format(self, record):
        try:
            return self._format(record)
        except KeyError as e:
            raise ValueError(f'Formatting field not found in record: {e}')


def _parse_braces(fmt):
    """(field name, format spec, conversion) of each {} field of fmt, as
    string.Formatter().parse() finds them; ValueError for a bad format."""
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c == '{':
            if i + 1 < n and fmt[i + 1] == '{':
                i += 2
                continue
            depth = 1
            j = i + 1
            while j < n and depth:
                if fmt[j] == '{':
                    depth += 1
                elif fmt[j] == '}':
                    depth -= 1
                j += 1
            if depth:
                raise ValueError("expected '}' before end of string")
            field = fmt[i + 1:j - 1]
            spec = ''
            conversion = None
            colon = field.find(':')
            if colon >= 0:
                field, spec = field[:colon], field[colon + 1:]
            bang = field.find('!')
            if bang >= 0:
                field, conversion = field[:bang], field[bang + 1:]
                if len(conversion) != 1:
                    raise ValueError("expected ':' after conversion specifier")
            out.append((field, spec, conversion))
            i = j
        elif c == '}':
            if i + 1 < n and fmt[i + 1] == '}':
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        else:
            i += 1
    return out


def _valid_field_name(name):
    """CPython's pattern: (\\d+|\\w+)(\\.\\w+|\\[[^]]+\\])*"""
    i = 0
    while i < len(name) and (name[i] in _WORD_CHARS or (name[i].isalnum() and not name[i].isascii())):
        i += 1
    if i == 0:
        return False
    while i < len(name):
        if name[i] == '.':
            j = i + 1
            while j < len(name) and name[j] in _WORD_CHARS:
                j += 1
            if j == i + 1:
                return False
            i = j
        elif name[i] == '[':
            j = name.find(']', i + 1)
            if j <= i + 1:
                return False
            i = j + 1
        else:
            return False
    return True


class StrFormatStyle(PercentStyle):
    default_format = '{message}'
    asctime_format = '{asctime}'
    asctime_search = '{asctime'

    def _format(self, record):
        return self._fmt.format(**self._values(record))

    def validate(self):
        fields = set()
        try:
            for fieldname, spec, conversion in _parse_braces(self._fmt):
                if fieldname:
                    if not _valid_field_name(fieldname):
                        raise ValueError(f'invalid field name/expression: {fieldname!r}')
                    fields.add(fieldname)
                if conversion and conversion not in 'rsa':
                    raise ValueError(f'invalid conversion: {conversion!r}')
        except ValueError as e:
            raise ValueError(f'invalid format: {e}')
        if not fields:
            raise ValueError('invalid format: no fields')


def _template_fields(fmt):
    """The placeholders of a string.Template: (kind, name, start, end) with
    kind 'escaped' ($$), 'named' ($name), 'braced' (${name}), 'invalid'."""
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        if fmt[i] != '$':
            i += 1
            continue
        if i + 1 < n and fmt[i + 1] == '$':
            out.append(('escaped', '$', i, i + 2))
            i += 2
            continue
        j = i + 1
        if j < n and fmt[j] == '{':
            k = fmt.find('}', j + 1)
            name = fmt[j + 1:k] if k >= 0 else ''
            if k >= 0 and _is_identifier(name):
                out.append(('braced', name, i, k + 1))
                i = k + 1
                continue
        else:
            k = j
            while k < n and (fmt[k] in _WORD_CHARS) and fmt[k].isascii():
                k += 1
            name = fmt[j:k]
            if _is_identifier(name):
                out.append(('named', name, i, k))
                i = k
                continue
        out.append(('invalid', '', i, i + 1))
        i += 1
    return out


def _is_identifier(name):
    return name != '' and not name[0].isdigit() and all(c in _WORD_CHARS for c in name)


class StringTemplateStyle(PercentStyle):
    default_format = '${message}'
    asctime_format = '${asctime}'
    asctime_search = '${asctime}'

    def usesTime(self):
        fmt = self._fmt
        return fmt.find('$asctime') >= 0 or fmt.find(self.asctime_search) >= 0

    def validate(self):
        fields = set()
        for kind, name, start, end in _template_fields(self._fmt):
            if kind in ('named', 'braced'):
                fields.add(name)
            elif kind == 'invalid':
                raise ValueError('invalid format: bare \'$\' not allowed')
        if not fields:
            raise ValueError('invalid format: no fields')

    def _format(self, record):
        # string.Template.substitute: a missing name is a KeyError.
        values = self._values(record)
        out = []
        pos = 0
        for kind, name, start, end in _template_fields(self._fmt):
            out.append(self._fmt[pos:start])
            if kind == 'escaped':
                out.append('$')
            elif kind == 'invalid':
                lines = self._fmt[:start].splitlines(True)
                if not lines:
                    colno, lineno = 1, 1
                else:
                    colno = start - len(''.join(lines[:-1]))
                    lineno = len(lines)
                raise ValueError(f'Invalid placeholder in string: line {lineno}, col {colno}')
            else:
                out.append(str(values[name]))
            pos = end
        out.append(self._fmt[pos:])
        return ''.join(out)


BASIC_FORMAT = "%(levelname)s:%(name)s:%(message)s"

_STYLES = {
    '%': (PercentStyle, BASIC_FORMAT),
    '{': (StrFormatStyle, '{levelname}:{name}:{message}'),
    '$': (StringTemplateStyle, '${levelname}:${name}:${message}'),
}


# ---------------------------------------------------------------------------
# Formatter
# ---------------------------------------------------------------------------

class Formatter:
    """Turns a LogRecord into text, by a format in one of the three styles."""

    converter = time.localtime
    default_time_format = '%Y-%m-%d %H:%M:%S'
    default_msec_format = '%s,%03d'

    def __init__(self, fmt=None, datefmt=None, style='%', validate=True, *, defaults=None):
        if style not in _STYLES:
            raise ValueError('Style must be one of: ' + ','.join(_STYLES.keys()))
        self._style = _STYLES[style][0](fmt, defaults=defaults)
        if validate:
            self._style.validate()
        self._fmt = self._style._fmt
        self.datefmt = datefmt

    def formatTime(self, record, datefmt=None):
        ct = self.converter(record.created)
        if datefmt:
            s = time.strftime(datefmt, ct)
        else:
            s = time.strftime(self.default_time_format, ct)
            if self.default_msec_format:
                s = self.default_msec_format % (s, record.msecs)
        return s

    def formatException(self, ei):
        s = ''.join(traceback.format_exception(ei[0], ei[1], ei[2]))
        if s[-1:] == "\n":
            s = s[:-1]
        return s

    def usesTime(self):
        return self._style.usesTime()

    def formatMessage(self, record):
        return self._style.format(record)

    def formatStack(self, stack_info):
        return stack_info

    def format(self, record):
        record.message = record.getMessage()
        if self.usesTime():
            record.asctime = self.formatTime(record, self.datefmt)
        s = self.formatMessage(record)
        if record.exc_info:
            # The text is kept: other handlers need not format it again.
            if not record.exc_text:
                record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            if s[-1:] != "\n":
                s = s + "\n"
            s = s + record.exc_text
        if record.stack_info:
            if s[-1:] != "\n":
                s = s + "\n"
            s = s + self.formatStack(record.stack_info)
        return s


_defaultFormatter = Formatter()


class BufferingFormatter:
    """Formats a batch of records: a header, each record, a footer."""

    def __init__(self, linefmt=None):
        self.linefmt = linefmt if linefmt else _defaultFormatter

    def formatHeader(self, records):
        return ""

    def formatFooter(self, records):
        return ""

    def format(self, records):
        rv = ""
        if len(records) > 0:
            rv = rv + self.formatHeader(records)
            for record in records:
                rv = rv + self.linefmt.format(record)
            rv = rv + self.formatFooter(records)
        return rv


# ---------------------------------------------------------------------------
# Filters
# ---------------------------------------------------------------------------

class Filter:
    """Lets through the records of logger `name` and its descendants."""

    def __init__(self, name=''):
        self.name = name
        self.nlen = len(name)

    def filter(self, record):
        if self.nlen == 0:
            return True
        if self.name == record.name:
            return True
        if record.name.find(self.name, 0, self.nlen) != 0:
            return False
        return record.name[self.nlen] == "."


class Filterer:
    """The filters of a logger or handler: a record passes if every filter
    (an object with filter(), or a callable) lets it through."""

    def __init__(self):
        self.filters = []

    def addFilter(self, filter):
        if not (filter in self.filters):
            self.filters.append(filter)

    def removeFilter(self, filter):
        if filter in self.filters:
            self.filters.remove(filter)

    def filter(self, record):
        rv = True
        for f in self.filters:
            if hasattr(f, 'filter'):
                result = f.filter(record)
            else:
                result = f(record)
            if not result:
                rv = False
                break
        return rv


# ---------------------------------------------------------------------------
# Handlers
# ---------------------------------------------------------------------------

_handlers = {}       # handler name -> handler
_handlerList = []    # every handler, for shutdown() (CPython keeps weak references)


class Handler(Filterer):
    """Sends records somewhere; emit() is the subclass's. Its lock is taken
    around emit()."""

    def __init__(self, level=NOTSET):
        Filterer.__init__(self)
        self._name = None
        self.level = _checkLevel(level)
        self.formatter = None
        self._closed = False
        with _lock:
            _handlerList.append(self)
        self.createLock()

    def get_name(self):
        return self._name

    def set_name(self, name):
        with _lock:
            if self._name in _handlers:
                del _handlers[self._name]
            self._name = name
            if name:
                _handlers[name] = self

    name = property(get_name, set_name)

    def createLock(self):
        self.lock = threading.RLock()

    def _at_fork_reinit(self):
        self.lock = threading.RLock()

    def acquire(self):
        if self.lock:
            self.lock.acquire()

    def release(self):
        if self.lock:
            self.lock.release()

    def setLevel(self, level):
        self.level = _checkLevel(level)

    def format(self, record):
        if self.formatter:
            fmt = self.formatter
        else:
            fmt = _defaultFormatter
        return fmt.format(record)

    def emit(self, record):
        raise NotImplementedError('emit must be implemented by Handler subclasses')

    def handle(self, record):
        rv = self.filter(record)
        if rv:
            self.acquire()
            try:
                self.emit(record)
            finally:
                self.release()
        return rv

    def setFormatter(self, fmt):
        self.formatter = fmt

    def flush(self):
        pass

    def close(self):
        with _lock:
            self._closed = True
            if self._name and self._name in _handlers:
                del _handlers[self._name]

    def handleError(self, record):
        """Prints the "--- Logging error ---" block for the exception being
        handled (raised by emit()), the stack of the logging call and the
        message; the program goes on."""
        if raiseExceptions and sys.stderr:
            t, v, tb = sys.exc_info()
            try:
                sys.stderr.write('--- Logging error ---\n')
                traceback.print_exception(t, v, tb, None, sys.stderr)
                sys.stderr.write('Call stack:\n')
                # The stack of the logging call, without logging's own frames.
                entries = _caller_stack()
                while entries and os.path.dirname(entries[0][0]) == os.path.dirname(_srcfile):
                    entries = entries[1:]
                if entries:
                    sys.stderr.write(_format_stack_entries(entries))
                else:
                    sys.stderr.write(f'Logged from file {record.filename}, line {record.lineno}\n')
                try:
                    sys.stderr.write(f'Message: {record.msg!r}\nArguments: {record.args}\n')
                except RecursionError:
                    raise
                except Exception:
                    sys.stderr.write('Unable to print the message and arguments'
                                     ' - possible formatting error.\nUse the'
                                     ' traceback above to help find the error.\n')
            except OSError:
                pass
            finally:
                del t, v, tb

    def __repr__(self):
        level = getLevelName(self.level)
        return f'<{type(self).__name__} ({level})>'


class StreamHandler(Handler):
    """Writes each formatted record and a newline to a stream (stderr)."""

    terminator = '\n'

    def __init__(self, stream=None):
        Handler.__init__(self)
        if stream is None:
            stream = sys.stderr
        self.stream = stream

    def flush(self):
        self.acquire()
        try:
            if self.stream and hasattr(self.stream, "flush"):
                self.stream.flush()
        finally:
            self.release()

    def emit(self, record):
        try:
            msg = self.format(record)
            stream = self.stream
            stream.write(msg + self.terminator)
            self.flush()
        except RecursionError:
            raise
        except Exception:
            self.handleError(record)

    def setStream(self, stream):
        """Replaces the stream; returns the old one (None if the same)."""
        if stream is self.stream:
            result = None
        else:
            result = self.stream
            self.acquire()
            try:
                self.flush()
                self.stream = stream
            finally:
                self.release()
        return result

    def __repr__(self):
        level = getLevelName(self.level)
        name = str(getattr(self.stream, 'name', ''))
        if name:
            name += ' '
        return f'<{type(self).__name__} {name}({level})>'


class FileHandler(StreamHandler):
    """Writes the records to a file (opened at once, or at the first record
    with delay=True)."""

    def __init__(self, filename, mode='a', encoding=None, delay=False, errors=None):
        fspath = getattr(os, 'fspath', None)
        if fspath is not None:
            filename = fspath(filename)
        self.baseFilename = os.path.abspath(filename)
        self.mode = mode
        self.encoding = encoding
        if "b" not in mode and encoding is None:
            self.encoding = "locale"
        self.errors = errors
        self.delay = delay
        self._builtin_open = open
        if delay:
            # No stream yet: Handler.__init__ only.
            Handler.__init__(self)
            self.stream = None
        else:
            StreamHandler.__init__(self, self._open())

    def close(self):
        self.acquire()
        try:
            try:
                if self.stream:
                    try:
                        self.flush()
                    finally:
                        stream = self.stream
                        self.stream = None
                        if hasattr(stream, "close"):
                            stream.close()
            finally:
                StreamHandler.close(self)
        finally:
            self.release()

    def _open(self):
        if self.encoding == "locale" or self.encoding is None:
            if self.errors is None:
                return self._builtin_open(self.baseFilename, self.mode)
            return self._builtin_open(self.baseFilename, self.mode, errors=self.errors)
        return self._builtin_open(self.baseFilename, self.mode, encoding=self.encoding, errors=self.errors)

    def emit(self, record):
        if self.stream is None:
            if self.mode != 'w' or not self._closed:
                self.stream = self._open()
        if self.stream:
            StreamHandler.emit(self, record)

    def __repr__(self):
        level = getLevelName(self.level)
        return f'<{type(self).__name__} {self.baseFilename} ({level})>'


class _StderrHandler(StreamHandler):
    """lastResort: writes to whatever sys.stderr is at the time."""

    def __init__(self, level=NOTSET):
        Handler.__init__(self, level)

    @property
    def stream(self):
        return sys.stderr


_defaultLastResort = _StderrHandler(WARNING)
lastResort = _defaultLastResort


class NullHandler(Handler):
    """Does nothing (for libraries: no "no handler" fallback output)."""

    def handle(self, record):
        pass

    def emit(self, record):
        pass

    def createLock(self):
        self.lock = None

    def _at_fork_reinit(self):
        pass


# ---------------------------------------------------------------------------
# Loggers and their tree
# ---------------------------------------------------------------------------

class PlaceHolder:
    """Stands in the tree for a logger not created yet that has children."""

    def __init__(self, alogger):
        self.loggerMap = {alogger: None}

    def append(self, alogger):
        if alogger not in self.loggerMap:
            self.loggerMap[alogger] = None


def setLoggerClass(klass):
    if klass != Logger:
        if not issubclass(klass, Logger):
            raise TypeError("logger not derived from logging.Logger: " + klass.__name__)
    global _loggerClass
    _loggerClass = klass


def getLoggerClass():
    return _loggerClass


class Manager:
    """Holds the loggers by name."""

    def __init__(self, rootnode):
        self.root = rootnode
        self.disable = 0
        self.emittedNoHandlerWarning = False
        self.loggerDict = {}
        self.loggerClass = None
        self.logRecordFactory = None

    @property
    def disable(self):
        return self._disable

    @disable.setter
    def disable(self, value):
        self._disable = _checkLevel(value)

    def getLogger(self, name):
        """The logger `name`, created (and placed in the tree) if new."""
        rv = None
        if not isinstance(name, str):
            raise TypeError('A logger name must be a string')
        with _lock:
            if name in self.loggerDict:
                rv = self.loggerDict[name]
                if isinstance(rv, PlaceHolder):
                    ph = rv
                    rv = (self.loggerClass or _loggerClass)(name)
                    rv.manager = self
                    self.loggerDict[name] = rv
                    self._fixupChildren(ph, rv)
                    self._fixupParents(rv)
            else:
                rv = (self.loggerClass or _loggerClass)(name)
                rv.manager = self
                self.loggerDict[name] = rv
                self._fixupParents(rv)
        return rv

    def setLoggerClass(self, klass):
        if klass != Logger:
            if not issubclass(klass, Logger):
                raise TypeError("logger not derived from logging.Logger: " + klass.__name__)
        self.loggerClass = klass

    def setLogRecordFactory(self, factory):
        self.logRecordFactory = factory

    def _fixupParents(self, alogger):
        """Sets alogger's parent: the nearest existing ancestor (else root);
        the names in between get PlaceHolders."""
        name = alogger.name
        i = name.rfind(".")
        rv = None
        while (i > 0) and not rv:
            substr = name[:i]
            if substr not in self.loggerDict:
                self.loggerDict[substr] = PlaceHolder(alogger)
            else:
                obj = self.loggerDict[substr]
                if isinstance(obj, Logger):
                    rv = obj
                else:
                    obj.append(alogger)
            i = name.rfind(".", 0, i - 1)
        if not rv:
            rv = self.root
        alogger.parent = rv

    def _fixupChildren(self, ph, alogger):
        """Puts alogger between the PlaceHolder's loggers and their parent."""
        name = alogger.name
        namelen = len(name)
        for c in ph.loggerMap.keys():
            if c.parent.name[:namelen] != name:
                alogger.parent = c.parent
                c.parent = alogger

    def _clear_cache(self):
        with _lock:
            for logger in self.loggerDict.values():
                if isinstance(logger, Logger):
                    logger._cache.clear()
            self.root._cache.clear()


class Logger(Filterer):
    """A named channel; its records go to its handlers and its ancestors'."""

    def __init__(self, name, level=NOTSET):
        Filterer.__init__(self)
        self.name = name
        self.level = _checkLevel(level)
        self.parent = None
        self.propagate = True
        self.handlers = []
        self.disabled = False
        self._cache = {}

    def setLevel(self, level):
        self.level = _checkLevel(level)
        self.manager._clear_cache()

    def debug(self, msg, *args, **kwargs):
        if self.isEnabledFor(DEBUG):
            self._log(DEBUG, msg, args, **kwargs)

    def info(self, msg, *args, **kwargs):
        if self.isEnabledFor(INFO):
            self._log(INFO, msg, args, **kwargs)

    def warning(self, msg, *args, **kwargs):
        if self.isEnabledFor(WARNING):
            self._log(WARNING, msg, args, **kwargs)

    def warn(self, msg, *args, **kwargs):
        self.warning(msg, *args, **kwargs)

    def error(self, msg, *args, **kwargs):
        if self.isEnabledFor(ERROR):
            self._log(ERROR, msg, args, **kwargs)

    def exception(self, msg, *args, exc_info=True, **kwargs):
        """error() with the exception being handled."""
        self.error(msg, *args, exc_info=exc_info, **kwargs)

    def critical(self, msg, *args, **kwargs):
        if self.isEnabledFor(CRITICAL):
            self._log(CRITICAL, msg, args, **kwargs)

    def fatal(self, msg, *args, **kwargs):
        self.critical(msg, *args, **kwargs)

    def log(self, level, msg, *args, **kwargs):
        if not isinstance(level, int):
            if raiseExceptions:
                raise TypeError("level must be an integer")
            return
        if self.isEnabledFor(level):
            self._log(level, msg, args, **kwargs)

    def findCaller(self, stack_info=False, stacklevel=1):
        """(filename, lineno, function name, stack text or None) of the
        code that called logging, `stacklevel` non-logging frames out."""
        # Innermost first: findCaller, then its caller. A few frames
        # usually reach the caller; the whole stack when they do not, or
        # for stack_info.
        entries = _caller_stack(None if stack_info else 8 + stacklevel)
        if not stack_info and not self._caller_within(entries, stacklevel):
            entries = _caller_stack()
        if len(entries) < 2:
            return "(unknown file)", 0, "(unknown function)", None
        # The walk starts at findCaller's own frame, as CPython's (so
        # stacklevel=0 names findCaller).
        i = 0
        while stacklevel > 0:
            if i + 1 >= len(entries):
                break
            i += 1
            if not _is_internal_frame(entries[i][0]):
                stacklevel -= 1
        filename, lineno, funcname, line = entries[i]
        sinfo = None
        if stack_info:
            sinfo = "Stack (most recent call last):\n" + _format_stack_entries(entries[i:])
            if sinfo[-1] == '\n':
                sinfo = sinfo[:-1]
        return filename, lineno, funcname, sinfo

    @staticmethod
    def _caller_within(entries, stacklevel):
        """Whether entries (innermost first, from findCaller's frame) hold
        the frame findCaller's walk stops at, with one to spare."""
        for filename, lineno, name, line in entries[2:-1]:
            if not _is_internal_frame(filename):
                stacklevel -= 1
                if stacklevel <= 0:
                    return True
        return False

    def makeRecord(self, name, level, fn, lno, msg, args, exc_info, func=None, extra=None, sinfo=None):
        rv = _logRecordFactory(name, level, fn, lno, msg, args, exc_info, func, sinfo)
        if extra is not None:
            for key in extra:
                if (key in ["message", "asctime"]) or (key in rv.__dict__):
                    raise KeyError(f"Attempt to overwrite {key!r} in LogRecord")
                rv.__dict__[key] = extra[key]
        return rv

    def _log(self, level, msg, args, exc_info=None, extra=None, stack_info=False, stacklevel=1):
        sinfo = None
        if _srcfile:
            try:
                fn, lno, func, sinfo = self.findCaller(stack_info, stacklevel)
            except ValueError:
                fn, lno, func = "(unknown file)", 0, "(unknown function)"
        else:
            fn, lno, func = "(unknown file)", 0, "(unknown function)"
        if exc_info:
            if isinstance(exc_info, BaseException):
                exc_info = (type(exc_info), exc_info, exc_info.__traceback__)
            elif not isinstance(exc_info, tuple):
                exc_info = sys.exc_info()
        record = self.makeRecord(self.name, level, fn, lno, msg, args, exc_info, func, extra, sinfo)
        self.handle(record)

    def handle(self, record):
        if (not self.disabled) and self.filter(record):
            self.callHandlers(record)

    def addHandler(self, hdlr):
        with _lock:
            if not (hdlr in self.handlers):
                self.handlers.append(hdlr)

    def removeHandler(self, hdlr):
        with _lock:
            if hdlr in self.handlers:
                self.handlers.remove(hdlr)

    def hasHandlers(self):
        c = self
        rv = False
        while c:
            if c.handlers:
                rv = True
                break
            if not c.propagate:
                break
            c = c.parent
        return rv

    def callHandlers(self, record):
        """The handlers of this logger and its ancestors (while propagate);
        with none anywhere, lastResort."""
        c = self
        found = 0
        while c:
            for hdlr in c.handlers:
                found = found + 1
                if record.levelno >= hdlr.level:
                    hdlr.handle(record)
            if not c.propagate:
                c = None
            else:
                c = c.parent
        if found == 0:
            if lastResort:
                if record.levelno >= lastResort.level:
                    lastResort.handle(record)
            elif raiseExceptions and not self.manager.emittedNoHandlerWarning:
                sys.stderr.write(f'No handlers could be found for logger "{self.name}"\n')
                self.manager.emittedNoHandlerWarning = True

    def getEffectiveLevel(self):
        logger = self
        while logger:
            if logger.level:
                return logger.level
            logger = logger.parent
        return NOTSET

    def isEnabledFor(self, level):
        if self.disabled:
            return False
        try:
            return self._cache[level]
        except KeyError:
            with _lock:
                if self.manager.disable >= level:
                    is_enabled = self._cache[level] = False
                else:
                    is_enabled = self._cache[level] = (level >= self.getEffectiveLevel())
            return is_enabled

    def getChild(self, suffix):
        if self.root is not self:
            suffix = '.'.join((self.name, suffix))
        return self.manager.getLogger(suffix)

    def __repr__(self):
        level = getLevelName(self.getEffectiveLevel())
        return f'<{type(self).__name__} {self.name} ({level})>'


class RootLogger(Logger):
    """The logger at the top of the tree, named "root"."""

    def __init__(self, level):
        Logger.__init__(self, "root", level)


_loggerClass = Logger


class LoggerAdapter:
    """A logger with context: process() adds `extra` to every call."""

    def __init__(self, logger, extra=None):
        self.logger = logger
        self.extra = extra

    def process(self, msg, kwargs):
        kwargs["extra"] = self.extra
        return msg, kwargs

    def debug(self, msg, *args, **kwargs):
        self.log(DEBUG, msg, *args, **kwargs)

    def info(self, msg, *args, **kwargs):
        self.log(INFO, msg, *args, **kwargs)

    def warning(self, msg, *args, **kwargs):
        self.log(WARNING, msg, *args, **kwargs)

    def warn(self, msg, *args, **kwargs):
        self.warning(msg, *args, **kwargs)

    def error(self, msg, *args, **kwargs):
        self.log(ERROR, msg, *args, **kwargs)

    def exception(self, msg, *args, exc_info=True, **kwargs):
        self.log(ERROR, msg, *args, exc_info=exc_info, **kwargs)

    def critical(self, msg, *args, **kwargs):
        self.log(CRITICAL, msg, *args, **kwargs)

    def log(self, level, msg, *args, **kwargs):
        if self.isEnabledFor(level):
            msg, kwargs = self.process(msg, kwargs)
            self.logger.log(level, msg, *args, **kwargs)

    def isEnabledFor(self, level):
        return self.logger.isEnabledFor(level)

    def setLevel(self, level):
        self.logger.setLevel(level)

    def getEffectiveLevel(self):
        return self.logger.getEffectiveLevel()

    def hasHandlers(self):
        return self.logger.hasHandlers()

    def _log(self, level, msg, args, exc_info=None, extra=None, stack_info=False):
        return self.logger._log(level, msg, args, exc_info=exc_info, extra=extra, stack_info=stack_info)

    @property
    def manager(self):
        return self.logger.manager

    @manager.setter
    def manager(self, value):
        self.logger.manager = value

    @property
    def name(self):
        return self.logger.name

    def __repr__(self):
        logger = self.logger
        level = getLevelName(logger.getEffectiveLevel())
        return f'<{type(self).__name__} {logger.name} ({level})>'


root = RootLogger(WARNING)
Logger.root = root
Logger.manager = Manager(Logger.root)


# ---------------------------------------------------------------------------
# Configuration and the module-level functions
# ---------------------------------------------------------------------------

def basicConfig(**kwargs):
    """Gives the root logger a handler (stderr, a stream, a file or the
    given handlers) with a Formatter, unless it has one already (or
    force=True replaces it)."""
    with _lock:
        force = kwargs.pop('force', False)
        encoding = kwargs.pop('encoding', None)
        errors = kwargs.pop('errors', 'backslashreplace')
        if force:
            for h in root.handlers[:]:
                root.removeHandler(h)
                h.close()
        if len(root.handlers) == 0:
            handlers = kwargs.pop("handlers", None)
            if handlers is None:
                if "stream" in kwargs and "filename" in kwargs:
                    raise ValueError("'stream' and 'filename' should not be specified together")
            else:
                if "stream" in kwargs or "filename" in kwargs:
                    raise ValueError("'stream' or 'filename' should not be "
                                     "specified together with 'handlers'")
            if handlers is None:
                filename = kwargs.pop("filename", None)
                mode = kwargs.pop("filemode", 'a')
                if filename:
                    if 'b' in mode:
                        errors = None
                    h = FileHandler(filename, mode, encoding=encoding, errors=errors)
                else:
                    stream = kwargs.pop("stream", None)
                    h = StreamHandler(stream)
                handlers = [h]
            dfs = kwargs.pop("datefmt", None)
            style = kwargs.pop("style", '%')
            if style not in _STYLES:
                raise ValueError('Style must be one of: ' + ','.join(_STYLES.keys()))
            fs = kwargs.pop("format", _STYLES[style][1])
            fmt = Formatter(fs, dfs, style)
            for h in handlers:
                if h.formatter is None:
                    h.setFormatter(fmt)
                root.addHandler(h)
            level = kwargs.pop("level", None)
            if level is not None:
                root.setLevel(level)
            if kwargs:
                keys = ', '.join(kwargs.keys())
                raise ValueError('Unrecognised argument(s): ' + keys)


def getLogger(name=None):
    """The logger `name` (the root logger for None or "")."""
    if not name or isinstance(name, str) and name == root.name:
        return root
    return Logger.manager.getLogger(name)


def _configured_root():
    """The root logger, given basicConfig()'s handler first if it has none
    (what the module-level functions log through)."""
    if len(root.handlers) == 0:
        basicConfig()
    return root


def critical(msg, *args, **kwargs):
    _configured_root().critical(msg, *args, **kwargs)


def fatal(msg, *args, **kwargs):
    critical(msg, *args, **kwargs)


def error(msg, *args, **kwargs):
    _configured_root().error(msg, *args, **kwargs)


def exception(msg, *args, exc_info=True, **kwargs):
    error(msg, *args, exc_info=exc_info, **kwargs)


def warning(msg, *args, **kwargs):
    _configured_root().warning(msg, *args, **kwargs)


def warn(msg, *args, **kwargs):
    warning(msg, *args, **kwargs)


def info(msg, *args, **kwargs):
    _configured_root().info(msg, *args, **kwargs)


def debug(msg, *args, **kwargs):
    _configured_root().debug(msg, *args, **kwargs)


def log(level, msg, *args, **kwargs):
    _configured_root().log(level, msg, *args, **kwargs)


def disable(level=CRITICAL):
    """Drops every record at `level` and below, whatever the loggers say."""
    root.manager.disable = level
    root.manager._clear_cache()


def shutdown(handlerList=_handlerList):
    """Flushes and closes every handler, the latest first (run at exit)."""
    for h in reversed(handlerList[:]):
        try:
            h.acquire()
            try:
                h.flush()
                h.close()
            except (OSError, ValueError):
                pass
            finally:
                h.release()
        except:
            if raiseExceptions:
                raise


import atexit
atexit.register(shutdown)


def captureWarnings(capture):
    raise NotImplementedError("gilvm: logging.captureWarnings needs the warnings module, which gilvm does not have")
