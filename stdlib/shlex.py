"""Shell-like splitting and quoting, written in the language.

Follows the shlex chapter of the Python 3.11 library reference for the
functions everyday code calls: split (POSIX mode, whitespace-separated
words as shlex.split makes them), quote and join. In a word, single quotes
keep everything to the next single quote; double quotes keep everything
but a backslash before a double quote or a backslash; outside quotes a
backslash makes the next character literal; quoted parts and plain parts
next to each other make one word; `#` starts a comment (with comments=True)
that runs to the end of the line.

The shlex class itself (the configurable lexer) is not here yet.
"""

__all__ = ['split', 'quote', 'join']

_WHITESPACE = ' \t\r\n'
_SAFE = frozenset('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_@%+=:,./-')


def split(s, comments=False, posix=True):
    """Split the string s as a POSIX shell would split a command line."""
    if s is None:
        raise ValueError('s argument must not be None')
    if not posix:
        raise NotImplementedError('shlex.split(posix=False) is not supported by gilvm yet')
    words = []
    word = []
    in_word = False        # a quoted '' is a word too, though empty
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        i += 1
        if c in _WHITESPACE:
            if in_word:
                words.append(''.join(word))
                word = []
                in_word = False
        elif comments and c == '#':
            # The comment runs to the end of the line and ends any word.
            end = s.find('\n', i)
            i = n if end < 0 else end + 1
            if in_word:
                words.append(''.join(word))
                word = []
                in_word = False
        elif c == '\\':
            if i >= n:
                raise ValueError('No escaped character')
            word.append(s[i])
            i += 1
            in_word = True
        elif c == "'" or c == '"':
            in_word = True
            while True:
                if i >= n:
                    raise ValueError('No closing quotation')
                q = s[i]
                i += 1
                if q == c:
                    break
                if c == '"' and q == '\\':
                    if i >= n:
                        raise ValueError('No escaped character')
                    nxt = s[i]
                    i += 1
                    if nxt != '"' and nxt != '\\':
                        word.append('\\')
                    word.append(nxt)
                else:
                    word.append(q)
        else:
            word.append(c)
            in_word = True
    if in_word:
        words.append(''.join(word))
    return words


def quote(s):
    """A shell-escaped version of s: unchanged when it is only safe
    characters, else single-quoted (a ' inside becomes '"'"')."""
    if not s:
        return "''"
    if all(c in _SAFE for c in s):
        return s
    return "'" + s.replace("'", "'\"'\"'") + "'"


def join(split_command):
    """The words quoted and joined by spaces: the inverse of split."""
    return ' '.join(quote(arg) for arg in split_command)
