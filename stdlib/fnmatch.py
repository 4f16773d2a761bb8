"""Unix shell-style filename matching, written in the language.

Follows the fnmatch chapter of the Python 3.11 library reference: `*`
matches any run of characters, `?` any one character, `[seq]` one
character in seq and `[!seq]` one not in it; nothing is special about `/`
or a leading dot, and newlines match too. CPython translates the pattern to
a regular expression; gilvm has no re module yet, so patterns are compiled
here into a list of tokens and matched by backtracking over the last `*`.
translate() still returns the regular expression CPython builds, for code
that prints or stores it. A bracket is read as CPython reads it: `]` right
after `[` or `[!` is literal, `a-z` is a range, a reversed range like
`z-a` is dropped with its endpoints, and a `[` with no closing `]` is a
literal `[`.
"""

import os
import posixpath

__all__ = ['filter', 'fnmatch', 'fnmatchcase', 'translate']

_STAR = object()
_ANY = object()         # ? (and a class that matches everything)
_NEVER = object()       # a class that matches nothing

_cache = {}


class _Class:
    """A [...] set: literal characters and (low, high) ranges, maybe negated."""

    def __init__(self, negate, chars, ranges):
        self.negate = negate
        self.chars = chars
        self.ranges = ranges

    def matches(self, c):
        found = c in self.chars or any(lo <= c <= hi for lo, hi in self.ranges)
        return found != self.negate


def _bracket_end(pat, i):
    """Index of the ']' closing the bracket whose body starts at pat[i], or
    -1 if there is none (then the '[' is literal). A ']' first in the body
    (after an optional '!') belongs to the set."""
    n = len(pat)
    j = i
    if j < n and pat[j] == '!':
        j += 1
    if j < n and pat[j] == ']':
        j += 1
    while j < n and pat[j] != ']':
        j += 1
    return j if j < n else -1


def _bracket_chunks(pat, i, j):
    """Split the bracket body pat[i:j] at its range hyphens (as CPython's
    translate does), dropping reversed ranges."""
    chunks = []
    k = i + 2 if pat[i] == '!' else i + 1
    while True:
        k = pat.find('-', k, j)
        if k < 0:
            break
        chunks.append(pat[i:k])
        i = k + 1
        k = k + 3
    chunk = pat[i:j]
    if chunk:
        chunks.append(chunk)
    else:
        chunks[-1] += '-'
    for k in range(len(chunks) - 1, 0, -1):
        if chunks[k - 1][-1] > chunks[k][0]:
            chunks[k - 1] = chunks[k - 1][:-1] + chunks[k][1:]
            del chunks[k]
    return chunks


class _Bracket:
    """A [...] as read from the pattern: its body split into chunks at the
    range hyphens (one chunk when it has no hyphen)."""

    def __init__(self, chunks, ranged):
        self.chunks = chunks
        self.ranged = ranged


def _pieces(pat):
    """pat read into _STAR (runs of * as one), _ANY, _Bracket and literal
    characters; the one reading that matching and translate() share."""
    pieces = []
    i = 0
    n = len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not pieces or pieces[-1] is not _STAR:
                pieces.append(_STAR)
        elif c == '?':
            pieces.append(_ANY)
        elif c == '[':
            j = _bracket_end(pat, i)
            if j < 0:
                pieces.append('[')
            elif '-' not in pat[i:j]:
                pieces.append(_Bracket([pat[i:j]], False))
                i = j + 1
            else:
                pieces.append(_Bracket(_bracket_chunks(pat, i, j), True))
                i = j + 1
        else:
            pieces.append(c)
    return pieces


def _class_token(chunks):
    """The matching token for a bracket's chunks."""
    body = '-'.join(chunks)
    if not body:
        return _NEVER
    if body == '!':
        return _ANY
    chunks = list(chunks)
    negate = chunks[0].startswith('!')
    if negate:
        chunks[0] = chunks[0][1:]
    chars = set()
    ranges = []
    for k, chunk in enumerate(chunks):
        lo = 1 if k > 0 else 0
        hi = len(chunk) - 1 if k < len(chunks) - 1 else len(chunk)
        chars.update(chunk[lo:hi])
        if k > 0:
            ranges.append((chunks[k - 1][-1], chunk[0]))
    return _Class(negate, chars, ranges)


def _parse(pat):
    """Tokens of pat: _STAR, _ANY, a literal character, a _Class or _NEVER."""
    return [_class_token(p.chunks) if isinstance(p, _Bracket) else p for p in _pieces(pat)]


def _match_one(token, c):
    if token is _ANY:
        return True
    if token is _NEVER:
        return False
    if isinstance(token, _Class):
        return token.matches(c)
    return token == c


def _match(tokens, name):
    # Greedy with one backtrack point: the most recent star and where it
    # started eating; single-character tokens make this exact.
    t = 0
    s = 0
    star_t = -1
    star_s = 0
    nt = len(tokens)
    ns = len(name)
    while s < ns:
        if t < nt and tokens[t] is _STAR:
            star_t = t
            star_s = s
            t += 1
        elif t < nt and _match_one(tokens[t], name[s]):
            t += 1
            s += 1
        elif star_t >= 0:
            star_s += 1
            s = star_s
            t = star_t + 1
        else:
            return False
    while t < nt and tokens[t] is _STAR:
        t += 1
    return t == nt


def _compiled(pat):
    tokens = _cache.get(pat)
    if tokens is None:
        if len(_cache) >= 32768:
            _cache.clear()
        tokens = _cache[pat] = _parse(pat)
    return tokens


def fnmatch(name, pat):
    """Test whether name matches pat, after os.path.normcase of both (which
    changes nothing on POSIX)."""
    name = os.path.normcase(name) if hasattr(os.path, 'normcase') else name
    pat = os.path.normcase(pat) if hasattr(os.path, 'normcase') else pat
    return fnmatchcase(name, pat)


def fnmatchcase(name, pat):
    """Test whether name matches pat, case-sensitively."""
    return _match(_compiled(pat), name)


def filter(names, pat):
    """The names of the list that match pat."""
    tokens = _compiled(os.path.normcase(pat) if hasattr(os.path, 'normcase') else pat)
    return [name for name in names if _match(tokens, name)]


# ---------------------------------------------------------------- translate

_SPECIAL = '()[]{}?*+-|^$\\.&~# \t\n\r\x0b\x0c'


def _escape(text):
    return ''.join('\\' + c if c in _SPECIAL else c for c in text)


def translate(pat):
    """The regular expression (as text) that CPython's fnmatch would use
    for pat."""
    parts = []
    for piece in _pieces(pat):
        if piece is _STAR:
            parts.append(_STAR)
        elif piece is _ANY:
            parts.append('.')
        elif piece == '[':
            parts.append('\\[')
        elif isinstance(piece, _Bracket):
            if not piece.ranged:
                stuff = piece.chunks[0].replace('\\', '\\\\')
            else:
                stuff = '-'.join(s.replace('\\', '\\\\').replace('-', '\\-')
                                 for s in piece.chunks)
            stuff = ''.join('\\' + ch if ch in '&~|' else ch for ch in stuff)
            if not stuff:
                parts.append('(?!)')
            elif stuff == '!':
                parts.append('.')
            else:
                if stuff[0] == '!':
                    stuff = '^' + stuff[1:]
                elif stuff[0] in ('^', '['):
                    stuff = '\\' + stuff
                parts.append('[' + stuff + ']')
        else:
            parts.append(_escape(piece))
    # Stars: a fixed piece between two stars becomes an atomic group, so
    # matching stays linear.
    res = []
    i = 0
    n = len(parts)
    while i < n and parts[i] is not _STAR:
        res.append(parts[i])
        i += 1
    while i < n:
        i += 1
        if i == n:
            res.append('.*')
            break
        fixed = []
        while i < n and parts[i] is not _STAR:
            fixed.append(parts[i])
            i += 1
        fixed = ''.join(fixed)
        if i == n:
            res.append('.*')
            res.append(fixed)
        else:
            res.append('(?>.*?' + fixed + ')')
    return '(?s:' + ''.join(res) + ')\\Z'
