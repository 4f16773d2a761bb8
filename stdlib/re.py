"""re — regular expressions with CPython 3.11's syntax and semantics.

The engine, the parser of the pattern syntax and the Match type are native
(_re, interpreter/modules/re.cpp: Python's syntax translated for PCRE2; why
PCRE2 is said there). This module is the Python-level layer: the Pattern
type, re.error, the flags, the replacement-template parser of sub() and
Match.expand(), and the cache of compiled patterns.
"""

import _re

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer",
    "compile", "purge", "template", "escape", "error", "Pattern", "Match",
    "A", "I", "L", "M", "S", "X", "U", "ASCII", "IGNORECASE", "LOCALE", "MULTILINE",
    "DOTALL", "VERBOSE", "UNICODE", "NOFLAG", "RegexFlag",
]

# ---------------------------------------------------------------------------
# Flags: ints that print as their names (re.IGNORECASE|re.MULTILINE)
# ---------------------------------------------------------------------------

_FLAG_NAMES = [
    (1, "TEMPLATE"), (2, "IGNORECASE"), (4, "LOCALE"), (8, "MULTILINE"), (16, "DOTALL"),
    (32, "UNICODE"), (64, "VERBOSE"), (128, "DEBUG"), (256, "ASCII"),
]


def _flag_text(value):
    if value == 0:
        return "re.NOFLAG"
    parts = []
    rest = value
    for bit, name in _FLAG_NAMES:
        if value & bit:
            parts.append("re." + name)
            rest &= ~bit
    if rest:
        parts.append(hex(rest))
    return "|".join(parts)


class RegexFlag:
    """A combination of the re flags, printed as its names.

    CPython's RegexFlag is an int subclass; gilvm cannot subclass int yet,
    so this one behaves as an int where flags are used: |, &, ^, ~, ==,
    hash, int(), and as an index.
    """

    __slots__ = ("_value",)

    def __init__(self, value=0):
        self._value = int(value)

    def __repr__(self):
        return _flag_text(self._value)

    __str__ = __repr__

    def __int__(self):
        return self._value

    __index__ = __int__

    def __bool__(self):
        return self._value != 0

    def __hash__(self):
        return hash(self._value)

    def __eq__(self, other):
        if isinstance(other, RegexFlag):
            return self._value == other._value
        if isinstance(other, int):
            return self._value == other
        return NotImplemented

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    @property
    def value(self):
        return self._value

    @property
    def name(self):
        for bit, name in _FLAG_NAMES:
            if bit == self._value:
                return name
        return None

    def __or__(self, other):
        if isinstance(other, (int, RegexFlag)):
            return RegexFlag(self._value | int(other))
        return NotImplemented

    __ror__ = __or__

    def __and__(self, other):
        if isinstance(other, (int, RegexFlag)):
            return RegexFlag(self._value & int(other))
        return NotImplemented

    __rand__ = __and__

    def __xor__(self, other):
        if isinstance(other, (int, RegexFlag)):
            return RegexFlag(self._value ^ int(other))
        return NotImplemented

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~self._value & 511)


NOFLAG = RegexFlag(0)
TEMPLATE = T = RegexFlag(1)
IGNORECASE = I = RegexFlag(2)
LOCALE = L = RegexFlag(4)
MULTILINE = M = RegexFlag(8)
DOTALL = S = RegexFlag(16)
UNICODE = U = RegexFlag(32)
VERBOSE = X = RegexFlag(64)
DEBUG = RegexFlag(128)
ASCII = A = RegexFlag(256)

# ---------------------------------------------------------------------------
# re.error
# ---------------------------------------------------------------------------


class error(Exception):
    """Raised for an invalid regular expression (msg, pattern, pos, lineno, colno)."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        self.lineno = None
        self.colno = None
        if pattern is not None and pos is not None:
            msg = f"{msg} at position {pos}"
            newline = "\n" if isinstance(pattern, str) else b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = f"{msg} (line {self.lineno}, column {self.colno})"
        Exception.__init__(self, msg)


error.__module__ = "re"

# ---------------------------------------------------------------------------
# Replacement templates: a list of literals and group numbers
# ---------------------------------------------------------------------------

_TEMPLATE_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\"}
_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _parse_template(pattern, repl):
    """The items of a replacement string: str (or bytes) pieces and ints."""
    isbytes = isinstance(repl, bytes)
    text = repl.decode("latin-1") if isbytes else repl
    items = []
    literal = []
    n = len(text)
    i = 0

    def fail(msg, at):
        raise error(msg, repl, at)

    def flush():
        if literal:
            items.append("".join(literal))
            literal.clear()

    def add_group(index, at):
        if index > pattern.groups:
            fail(f"invalid group reference {index}", at)
        flush()
        items.append(index)

    while i < n:
        c = text[i]
        if c != "\\":
            literal.append(c)
            i += 1
            continue
        if i + 1 >= n:
            fail("bad escape (end of pattern)", n - 1)
        c = text[i + 1]
        start = i
        i += 2
        if c == "g":
            if i >= n or text[i] != "<":
                fail("missing <", i)
            end = text.find(">", i + 1)
            if end < 0:
                name = text[i + 1:]
                if not name:
                    fail("missing group name", i + 1)
                fail("missing >, unterminated name", i + 1)
            name = text[i + 1:end]
            if not name:
                fail("missing group name", i + 1)
            i = end + 1
            if name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError(f"unknown group name {name!r}")
                index = pattern.groupindex[name]
            else:
                if not (name.isdigit() and name.isascii()):
                    fail(f"bad character in group name {name!r}", end - len(name))
                index = int(name)
                if index >= _re.MAXGROUPS:
                    fail(f"invalid group reference {index}", end - len(name))
            add_group(index, end - len(name))
        elif c == "0":
            j = i
            while j < n and j < i + 2 and text[j] in "01234567":
                j += 1
            literal.append(chr(int(text[i - 1:j], 8) & 0xFF))
            i = j
        elif c in "0123456789":
            if i < n and text[i] in "0123456789":
                if c in "01234567" and text[i] in "01234567" and i + 1 < n and text[i + 1] in "01234567":
                    value = int(text[i - 1:i + 2], 8)
                    if value > 0o377:
                        fail(f"octal escape value \\{text[i - 1:i + 2]} outside of range 0-0o377", start)
                    literal.append(chr(value))
                    i += 2
                    continue
                i += 1
            add_group(int(text[start + 1:i]), start + 1)
        elif c in _TEMPLATE_ESCAPES:
            literal.append(_TEMPLATE_ESCAPES[c])
        elif c in _LETTERS:
            fail(f"bad escape \\{c}", start)
        else:
            literal.append("\\" + c)
    flush()
    if isbytes:
        items = [x.encode("latin-1") if isinstance(x, str) else x for x in items]
    return items


# ---------------------------------------------------------------------------
# Pattern and Match
# ---------------------------------------------------------------------------

_MAXSIZE = 9223372036854775807


class Pattern:
    """A compiled regular expression (re.compile's result)."""

    def __init__(self, pattern, flags):
        result = _re.compile(pattern, int(flags))
        if result[0] is None:
            raise error(result[1], pattern, result[2])
        self._code, self.groups, groupindex, self.flags = result
        self.groupindex = dict(groupindex)
        self.pattern = pattern
        self._templates = {}

    def _ensure(self, string):
        return string

    def search(self, string, pos=0, endpos=_MAXSIZE):
        return _re.search(self._code, string, pos, endpos, 0, self)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        return _re.search(self._code, string, pos, endpos, 1, self)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        return _re.search(self._code, string, pos, endpos, 2, self)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        return _re.findall(self._code, string, pos, endpos)

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        for m in _re.scan(self._code, string, pos, endpos, 0, self):
            yield m

    def split(self, string, maxsplit=0):
        return _re.split(self._code, string, maxsplit)

    def _template(self, repl):
        items = self._templates.get(repl)
        if items is None:
            if isinstance(repl, (str, bytes)) and (b"\\" if isinstance(repl, bytes) else "\\") not in repl:
                items = [repl]
            else:
                items = _parse_template(self, repl)
            if len(self._templates) < 100:
                self._templates[repl] = items
        return items

    def subn(self, repl, string, count=0):
        if callable(repl):
            pieces = []
            last = 0
            matches = _re.scan(self._code, string, 0, None, count, self)
            for m in matches:
                pieces.append(string[last:m.start()])
                item = repl(m)
                if item is not None:
                    pieces.append(item)
                last = m.end()
            if not matches:
                return string, 0
            pieces.append(string[last:])
            return string[:0].join(pieces), len(matches)
        if isinstance(self.pattern, str) and not isinstance(repl, str):
            raise TypeError(f"expected str instance, {type(repl).__name__} found")
        if isinstance(self.pattern, bytes) and not isinstance(repl, bytes):
            raise TypeError(f"expected a bytes-like object, {type(repl).__name__} found")
        return _re.sub(self._code, string, self._template(repl), count)

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        raise NotImplementedError("gilvm's re has no Pattern.scanner")

    def __repr__(self):
        text = repr(self.pattern)
        if len(text) > 200:
            text = text[:200]
        flags = self.flags
        if isinstance(self.pattern, str):
            flags &= ~32
        if flags:
            return f"re.compile({text}, {_flag_text(flags)})"
        return f"re.compile({text})"

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


# The result of a successful match: native (modules/re.cpp), made by
# _re.search and _re.scan.
Match = _re.Match


# ---------------------------------------------------------------------------
# Module functions and the cache
# ---------------------------------------------------------------------------

_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    key = (type(pattern), pattern, int(flags))
    p = _cache.get(key)
    if p is not None:
        return p
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    p = Pattern(pattern, flags)
    if len(_cache) >= _MAXCACHE:
        # Drop the oldest entry (dicts keep insertion order).
        del _cache[next(iter(_cache))]
    _cache[key] = p
    return p


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def purge():
    _cache.clear()


def template(pattern, flags=0):
    return _compile(pattern, flags | TEMPLATE)


_SPECIAL = frozenset("()[]{}?*+-|^$\\.&~# \t\n\r\v\f")


def escape(pattern):
    if isinstance(pattern, str):
        return "".join("\\" + c if c in _SPECIAL else c for c in pattern)
    text = str(pattern, "latin-1")
    return "".join("\\" + c if c in _SPECIAL else c for c in text).encode("latin-1")
